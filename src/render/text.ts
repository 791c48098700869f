// Shared wording of the outputs: constraints, values, durations, actors and steps as drafters read them.
import { formatDuration } from '../analysis/deadlines.js';
import { formatValue } from '../analysis/situations.js';
import type { Indicator, Level } from '../model/protocol.js';
export { actorName, conditionText, offrampText, offrampWhen, stepText, testText, valueText } from '../model/syntax.js';
import { type Rational, add, rational, subtract } from '../model/rational.js';
import { type Bound, type Constraint, singleValue } from '../tables/constraints.js';

export { formatDuration };

/** A number of an indicator with its unit, exact: `2 nm`, `500 m`, `3`, `40 %`. */
export function quantityText(indicator: Indicator, value: Rational): string {
    return formatValue(indicator, { kind: 'number', value });
}

/**
 * A constraint as a table cell: `< 2 nm`, `≥ 1 km and < 2 nm`, `= 3`, `true`, `North, Strait`,
 * `≥ Exercise`; `—` when it allows every value.
 */
export function constraintText(constraint: Constraint): string {
    if (constraint.whole) return '—';
    if (constraint.kind === 'members') return membersText(constraint.indicator, constraint.members);
    const { indicator } = constraint;
    const { low, high } = wholeNumberBounds(constraint);
    const single = singleValue({ ...constraint, low, high });
    if (single) return `= ${quantityText(indicator, single)}`;
    const lower = low.inclusive && low.value.n === 0n ? undefined : `${low.inclusive ? '≥' : '>'} ${quantityText(indicator, low.value)}`;
    const upper = high && `${high.inclusive ? '≤' : '<'} ${quantityText(indicator, high.value)}`;
    return [lower, upper].filter(Boolean).join(' and ');
}

/** Counts are whole numbers (their boundaries are too): `> 2` is `≥ 3`, `< 5` is `≤ 4`. */
export function wholeNumberBounds(constraint: Constraint & { kind: 'interval' }): { low: Bound; high?: Bound } {
    if (constraint.indicator.kind !== 'count') return constraint;
    const { low, high } = constraint;
    return {
        low: low.inclusive ? low : { value: add(low.value, rational(1)), inclusive: true },
        high: high && (high.inclusive ? high : { value: subtract(high.value, rational(1)), inclusive: true }),
    };
}

function membersText(indicator: Indicator, members: readonly string[]): string {
    const all = indicator.kind === 'flag' ? ['false', 'true'] : indicator.members ?? [];
    if (indicator.kind === 'scale' && members.length > 1) {
        const first = all.indexOf(members[0]);
        const contiguous = members.every((m, i) => all.indexOf(m) === first + i);
        if (contiguous && first + members.length === all.length) return `≥ ${members[0]}`;
        if (contiguous && first === 0) return `≤ ${members[members.length - 1]}`;
    }
    if (indicator.kind !== 'flag' && members.length > 1 && members.length === all.length - 1) {
        return `≠ ${all.find(m => !members.includes(m))}`;
    }
    return members.join(', ');
}


/** `Crisis (Crisis management)`, or the name alone when the label repeats it. */
export function levelTitle(level: Level): string {
    return level.label && level.label !== level.name ? `${level.name} (${level.label})` : level.name;
}

/** A box for people, naming only the indicators it constrains: `separation ≥ 500 m and < 1 nm, radarLock = false`. */
export function boxText(constraints: readonly Constraint[]): string {
    const parts = constraints.filter(c => !c.whole).map(c => {
        const text = constraintText(c);
        if (c.kind === 'members' && c.members.length > 1 && !/^[≥≤≠]/.test(text)) return `${c.indicator.name} in {${text}}`;
        return /^[<>=≤≥≠]/.test(text) ? `${c.indicator.name} ${text}` : `${c.indicator.name} = ${text}`;
    });
    return parts.length > 0 ? parts.join(', ') : 'every situation';
}
