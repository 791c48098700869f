// Dimensions and units of measured indicators, with exact conversion to base units: the built-in ones,
// and those of dimensions the drafter declares (`dimension power "Radiated power" base W { mW = 0.001 W }`).
import { type Rational, divide, multiply, rational } from './rational.js';

export type Dimension = 'distance' | 'duration' | 'speed' | 'frequency' | 'count' | 'percent';

export interface Unit {
    readonly symbol: string;
    /** A built-in dimension, or the name of a declared one. */
    readonly dimension: string;
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
    unit('ft', 'distance', rational(3048, 10000), 'foot', 'feet'),
    unit('mi', 'distance', rational(1609344, 1000), 'mile'),
    unit('s', 'duration', rational(1), 'second'),
    unit('min', 'duration', rational(60), 'minute'),
    unit('h', 'duration', rational(3600), 'hour'),
    unit('d', 'duration', rational(86400), 'day'),
    unit('wk', 'duration', rational(7 * 86400), 'week'),
    // A year of periods (`every 1 yr`): 365 days; calendar dates are the business of `on 1 January`.
    unit('yr', 'duration', rational(365 * 86400), 'year'),
    unit('kn', 'speed', rational(1852, 3600), 'knot'),
    unit('kmh', 'speed', rational(1000, 3600), 'kilometre per hour', 'kilometres per hour'),
    unit('mph', 'speed', rational(1609344, 3600000), 'mile per hour', 'miles per hour'),
    unit('mps', 'speed', rational(1), 'metre per second', 'metres per second'),
    unit('Hz', 'frequency', rational(1), 'hertz', 'hertz'),
    unit('kHz', 'frequency', rational(1000), 'kilohertz', 'kilohertz'),
    unit('MHz', 'frequency', rational(1_000_000), 'megahertz', 'megahertz'),
    unit('GHz', 'frequency', rational(1_000_000_000), 'gigahertz', 'gigahertz'),
    unit('%', 'percent', rational(1), 'per cent', 'per cent'),
];

/** The built-in units, by symbol. */
export const UNITS: ReadonlyMap<string, Unit> = new Map(ALL_UNITS.map(u => [u.symbol, u]));

export const DIMENSIONS: readonly Dimension[] = ['distance', 'duration', 'speed', 'frequency', 'count', 'percent'];

/** The unit every value of a dimension is normalized to (counts have none). */
export const BASE_UNIT: Readonly<Record<Dimension, string | undefined>> = {
    distance: 'm',
    duration: 's',
    speed: 'mps',
    frequency: 'Hz',
    count: undefined,
    percent: '%',
};

export function isDimension(value: string): value is Dimension {
    return (DIMENSIONS as readonly string[]).includes(value);
}

/** The built-in units of a built-in dimension. */
export function unitsOf(dimension: Dimension): Unit[] {
    return ALL_UNITS.filter(u => u.dimension === dimension);
}

/** Whether a value of this dimension may be written without a unit. */
export function unitOptional(dimension: string): boolean {
    return dimension === 'count' || dimension === 'percent';
}

/** A value in base units, from an amount in the given unit (one of `units`, or a built-in one). */
export function toBase(amount: Rational, unitSymbol: string | undefined, units: readonly Unit[] = ALL_UNITS): Rational {
    const u = unitSymbol === undefined ? undefined : units.find(x => x.symbol === unitSymbol) ?? UNITS.get(unitSymbol);
    return u ? multiply(amount, u.toBase) : amount;
}

export function fromBase(base: Rational, unitSymbol: string | undefined, units: readonly Unit[] = ALL_UNITS): Rational {
    const u = unitSymbol === undefined ? undefined : units.find(x => x.symbol === unitSymbol) ?? UNITS.get(unitSymbol);
    return u ? divide(base, u.toBase) : base;
}

/** The physical range of a dimension in base units: `[0, upper]`, upper undefined when unbounded. */
export function physicalRange(dimension: string): { lower: Rational; upper?: Rational } {
    return dimension === 'percent' ? { lower: rational(0), upper: rational(100) } : { lower: rational(0) };
}

/**
 * Why a unit does not fit a dimension whose units are `units`, or undefined when it does. `dimension`
 * names it in messages.
 */
export function unitProblem(dimension: string, units: readonly Unit[], unitSymbol: string | undefined): string | undefined {
    const allowed = units.map(u => u.symbol);
    const list = allowed.length ? formatList(allowed) : 'no unit';
    const article = /^[aeiou]/.test(dimension) ? 'an' : 'a';
    if (unitSymbol === undefined) {
        return unitOptional(dimension) ? undefined : `${article} ${dimension} needs a unit (${list})`;
    }
    if (units.some(u => u.symbol === unitSymbol)) return undefined;
    const other = UNITS.get(unitSymbol);
    if (!other) {
        return `unknown unit '${unitSymbol}'; ${article} ${dimension} takes ${list}`;
    }
    return `'${unitSymbol}' is a unit of ${other.dimension}, but ${article} ${dimension} takes ${list}`;
}

/** The units of a dimension declared in the text, from its base and each unit's factor in another unit. */
export function declaredUnits(dimension: string, base: string, definitions: ReadonlyArray<{ symbol: string; factor: Rational; of: string }>): Unit[] {
    const units: Unit[] = [{ symbol: base, dimension, toBase: rational(1), singular: base, plural: base }];
    // A definition may name a unit defined after it: settle them until nothing more can be settled.
    const pending = [...definitions];
    for (let progress = true; progress && pending.length > 0;) {
        progress = false;
        for (let i = 0; i < pending.length; i++) {
            const of = units.find(u => u.symbol === pending[i].of);
            if (!of) continue;
            const { symbol, factor } = pending.splice(i--, 1)[0];
            units.push({ symbol, dimension, toBase: multiply(factor, of.toBase), singular: symbol, plural: symbol });
            progress = true;
        }
    }
    return units;
}

export function formatList(items: readonly string[], conjunction = 'or'): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
