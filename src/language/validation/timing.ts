// `on DAY MONTH`: a day the month has (29 February only comes every fourth year: `every year` would skip it).
import type { ValidationAcceptor } from 'langium';
import type { Annual } from '../generated/ast.js';
import { MONTH_NAMES } from '../../model/syntax.js';
import { report } from './report.js';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function checkDayOfMonth(annual: Annual, accept: ValidationAcceptor): void {
    const month = MONTH_NAMES.indexOf(annual.month);
    const day = Number(annual.day);
    if (month < 0 || !Number.isInteger(day)) return;
    if (day < 1 || day > DAYS[month] || (day === 29 && month === 1 && annual.yearly)) {
        const why = day === 29 && month === 1 ? '29 February is not a date every year' : `${annual.month} has no day ${annual.day}`;
        report(accept, 'unit-mismatch', `${why}; name a day the month has every year.`, { node: annual, property: 'day' });
    }
}
