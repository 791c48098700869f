// Dimensions and units of measured indicators, with exact conversion to base units.
import { type Rational, divide, multiply, rational } from './rational.js';

export type Dimension = 'distance' | 'duration' | 'speed' | 'count' | 'percent';

export interface Unit {
    readonly symbol: string;
    readonly dimension: Dimension;
    /** How many base units one of this unit is. */
    readonly toBase: Rational;
    readonly singular: string;
    readonly plural: string;
}

function unit(symbol: string, dimension: Dimension, toBase: Rational, singular: string, plural = `${singular}s`): Unit {
    return { symbol, dimension, toBase, singular, plural };
}

const ALL_UNITS: readonly Unit[] = [
    unit('m', 'distance', rational(1), 'metre'),
    unit('km', 'distance', rational(1000), 'kilometre'),
    unit('nm', 'distance', rational(1852), 'nautical mile'),
    unit('s', 'duration', rational(1), 'second'),
    unit('min', 'duration', rational(60), 'minute'),
    unit('h', 'duration', rational(3600), 'hour'),
    unit('d', 'duration', rational(86400), 'day'),
    unit('kn', 'speed', rational(1852, 3600), 'knot'),
    unit('kmh', 'speed', rational(1000, 3600), 'kilometre per hour', 'kilometres per hour'),
    unit('mps', 'speed', rational(1), 'metre per second', 'metres per second'),
    unit('%', 'percent', rational(1), 'per cent', 'per cent'),
];

export const UNITS: ReadonlyMap<string, Unit> = new Map(ALL_UNITS.map(u => [u.symbol, u]));

export const DIMENSIONS: readonly Dimension[] = ['distance', 'duration', 'speed', 'count', 'percent'];

/** The unit every value of a dimension is normalized to (counts have none). */
export const BASE_UNIT: Readonly<Record<Dimension, string | undefined>> = {
    distance: 'm',
    duration: 's',
    speed: 'mps',
    count: undefined,
    percent: '%',
};

export function unitsOf(dimension: Dimension): Unit[] {
    return ALL_UNITS.filter(u => u.dimension === dimension);
}

/** Whether a value of this dimension may be written without a unit. */
export function unitOptional(dimension: Dimension): boolean {
    return dimension === 'count' || dimension === 'percent';
}

export function toBase(amount: Rational, unitSymbol: string | undefined): Rational {
    const u = unitSymbol === undefined ? undefined : UNITS.get(unitSymbol);
    return u ? multiply(amount, u.toBase) : amount;
}

export function fromBase(base: Rational, unitSymbol: string | undefined): Rational {
    const u = unitSymbol === undefined ? undefined : UNITS.get(unitSymbol);
    return u ? divide(base, u.toBase) : base;
}

/** The physical range of a dimension in base units: `[0, upper]`, upper undefined when unbounded. */
export function physicalRange(dimension: Dimension): { lower: Rational; upper?: Rational } {
    return dimension === 'percent' ? { lower: rational(0), upper: rational(100) } : { lower: rational(0) };
}

/** Why a unit does not fit a dimension, or undefined when it does. */
export function unitProblem(dimension: Dimension, unitSymbol: string | undefined): string | undefined {
    const allowed = unitsOf(dimension).map(u => u.symbol);
    const list = allowed.length ? formatList(allowed) : 'no unit';
    if (unitSymbol === undefined) {
        return unitOptional(dimension) ? undefined : `a ${dimension} needs a unit (${list})`;
    }
    const u = UNITS.get(unitSymbol);
    if (!u) {
        return `unknown unit '${unitSymbol}'; a ${dimension} takes ${list}`;
    }
    if (u.dimension !== dimension) {
        return `'${unitSymbol}' is a unit of ${u.dimension}, but a ${dimension} takes ${list}`;
    }
    return undefined;
}

export function formatList(items: readonly string[], conjunction = 'or'): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
