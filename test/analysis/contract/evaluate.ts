// A plain reading of docs/language.md §3 over a grid of situations: every constant, the values beside it, 0 and above the largest.
import {
    type Rational, add, compare, divide, equals, floor, isDecimal, multiply, parseDecimal, rational, toExactString
} from '../../../src/model/rational.js';
import type { Condition, Dimension, Indicator, Protocol, Rule, Value } from './protocol.js';

// ---- Units (§2: "units convert exactly") --------------------------------------------------

/** §2's table of units, and those of the dimension the generated files declare (`POWER_DIMENSION`). */
const UNITS: Readonly<Record<string, { dimension: Dimension; factor: Rational }>> = {
    m: { dimension: 'distance', factor: rational(1) },
    km: { dimension: 'distance', factor: rational(1000) },
    nm: { dimension: 'distance', factor: rational(1852) },
    ft: { dimension: 'distance', factor: rational(3048, 10000) },
    mi: { dimension: 'distance', factor: rational(1609344, 1000) },
    s: { dimension: 'duration', factor: rational(1) },
    min: { dimension: 'duration', factor: rational(60) },
    h: { dimension: 'duration', factor: rational(3600) },
    d: { dimension: 'duration', factor: rational(86400) },
    wk: { dimension: 'duration', factor: rational(7 * 86400) },
    kn: { dimension: 'speed', factor: rational(1852, 3600) },
    kmh: { dimension: 'speed', factor: rational(1000, 3600) },
    mps: { dimension: 'speed', factor: rational(1) },
    // A mile (1609.344 m) per hour.
    mph: { dimension: 'speed', factor: rational(1609344, 3600000) },
    Hz: { dimension: 'frequency', factor: rational(1) },
    kHz: { dimension: 'frequency', factor: rational(1000) },
    MHz: { dimension: 'frequency', factor: rational(1000000) },
    GHz: { dimension: 'frequency', factor: rational(1000000000) },
    W: { dimension: 'power', factor: rational(1) },
    mW: { dimension: 'power', factor: rational(1, 1000) },
    kW: { dimension: 'power', factor: rational(1000) },
    // Declared as 1000 kW: a factor given in another unit than the base.
    MW: { dimension: 'power', factor: rational(1000000) },
    '%': { dimension: 'percent', factor: rational(1) },
};

/** The declared dimension of the generated files, with factors that are exact decimals. */
export const POWER_DIMENSION = 'dimension power "Radiated power" base W { mW = 0.001 W, kW = 1000 W, MW = 1000 kW }';

function unitsOf(dimension: Dimension): string[] {
    return Object.keys(UNITS).filter(u => UNITS[u].dimension === dimension);
}

/** An amount in a unit, in base units (m, s, m/s, count, %). */
export function toBaseUnits(amount: Rational, unit: string | undefined): Rational {
    return unit === undefined ? amount : multiply(amount, UNITS[unit].factor);
}

/** A base-unit value as the language writes it: in the first unit where it is a finite decimal. */
export function valueText(dimension: Dimension, base: Rational, tight = false): string {
    const units = unitsOf(dimension);
    if (units.length === 0) return toExactString(base);
    const unit = units.find(u => isDecimal(divide(base, UNITS[u].factor)))!;
    return `${toExactString(divide(base, UNITS[unit].factor))}${tight ? '' : ' '}${unit}`;
}

function isDimension(kind: string): kind is Dimension {
    return isContinuousKind(kind) || kind === 'count';
}

function isContinuousKind(kind: string): boolean {
    return kind === 'distance' || kind === 'duration' || kind === 'speed' || kind === 'frequency' || kind === 'power' || kind === 'percent';
}

/** Distances, durations, speeds, frequencies, percentages and declared dimensions vary continuously; counts, flags, scales and choices do not. */
export function isContinuous(indicator: Indicator): boolean {
    return isContinuousKind(indicator.kind);
}

// ---- Situations and the level (§3) ----------------------------------------------------------

/** A number in base units, a flag, or a member. */
export type Plain = Rational | boolean | string;
export type Situation = ReadonlyMap<string, Plain>;

function order(operator: string, c: number): boolean {
    switch (operator) {
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
        case '=': return c === 0;
        default: return c !== 0;
    }
}

/** `actual` compared with `value`, as the indicator orders them (a scale by its members; a flag only by = and !=). */
function compareWith(indicator: Indicator, actual: Plain, value: Value): number {
    switch (value.type) {
        case 'number': return compare(actual as Rational, value.quantity.base);
        case 'bool': return actual === value.value ? 0 : 1;
        case 'member': {
            const members = indicator.members!;
            return indicator.kind === 'scale' ? members.indexOf(actual as string) - members.indexOf(value.member) : actual === value.member ? 0 : 1;
        }
    }
}

export function holds(protocol: Protocol, c: Condition, s: Situation): boolean {
    switch (c.kind) {
        case 'and': return c.operands.every(o => holds(protocol, o, s));
        case 'or': return c.operands.some(o => holds(protocol, o, s));
        case 'not': return !holds(protocol, c.operand, s);
        case 'flag': return s.get(c.indicator) === true;
        case 'in': return c.members.includes(s.get(c.indicator) as string) !== c.negated;
        case 'compare': return order(c.operator, compareWith(indicatorNamed(protocol, c.indicator), s.get(c.indicator)!, c.value));
        case 'between': {
            const indicator = indicatorNamed(protocol, c.indicator);
            const actual = s.get(c.indicator)!;
            return compareWith(indicator, actual, c.low) >= 0 && compareWith(indicator, actual, c.high) <= 0;
        }
    }
}

export function indicatorNamed(protocol: Protocol, name: string): Indicator {
    return protocol.indicators.find(i => i.name === name)!;
}

/** §3: a rule holds where its condition holds and its `unless` condition does not. */
export function ruleHolds(protocol: Protocol, rule: Rule, s: Situation): boolean {
    return holds(protocol, rule.condition, s) && !(rule.unless && holds(protocol, rule.unless, s));
}

/** §3: a situation is inside the protocol when every `scope` condition holds. */
export function inside(protocol: Protocol, s: Situation): boolean {
    return protocol.scopes.every(scope => holds(protocol, scope, s));
}

/** The level outside the scope: none. */
export const OUTSIDE = -1;

/**
 * The most severe level among the rules that hold, else the baseline; rules in `without` are left out.
 * Outside the scope, no level (`OUTSIDE`).
 */
export function levelOf(protocol: Protocol, s: Situation, without: ReadonlySet<number> = new Set()): number {
    if (!inside(protocol, s)) return OUTSIDE;
    return protocol.rules.reduce((level, rule, i) => !without.has(i) && rule.level > level && ruleHolds(protocol, rule, s) ? rule.level : level, 0);
}

/** The indicators a condition mentions. */
export function indicatorsOf(c: Condition, into = new Set<string>()): Set<string> {
    switch (c.kind) {
        case 'and': case 'or': c.operands.forEach(o => indicatorsOf(o, into)); break;
        case 'not': indicatorsOf(c.operand, into); break;
        default: into.add(c.indicator);
    }
    return into;
}

/** Every condition of the protocol: rules and their exceptions, scopes, off-ramps and scenarios' given values. */
export function allConditions(protocol: Protocol): Condition[] {
    return [
        ...protocol.rules.flatMap(r => r.unless ? [r.condition, r.unless] : [r.condition]), ...protocol.scopes,
        ...protocol.offramps.map(o => o.condition), ...protocol.scenarios.flatMap(s => s.given),
    ];
}

// ---- The grid -----------------------------------------------------------------------------

/** One indicator's values: for a continuous one, points (constants) alternating with gaps between them. */
export interface Axis {
    readonly indicator: Indicator;
    readonly values: readonly Plain[];
    /** Continuous axes: whether each value stands for a point or for the open gap it lies in. */
    readonly cells?: ReadonlyArray<'point' | 'gap'>;
}

function constantsOf(c: Condition, name: string, into: Rational[]): void {
    switch (c.kind) {
        case 'and': case 'or': c.operands.forEach(o => constantsOf(o, name, into)); break;
        case 'not': constantsOf(c.operand, name, into); break;
        case 'compare': if (c.indicator === name && c.value.type === 'number') into.push(c.value.quantity.base); break;
        case 'between':
            if (c.indicator === name) {
                for (const v of [c.low, c.high]) if (v.type === 'number') into.push(v.quantity.base);
            }
            break;
        default: break;
    }
}

/** A value strictly between `low` and `high` (or above `low`) that is a short decimal in some unit of the dimension. */
function decimalBetween(dimension: Dimension, low: Rational, high: Rational | undefined): Rational {
    const units = unitsOf(dimension);
    for (let digits = 0; digits < 12; digits++) {
        const scale = rational(10n ** BigInt(digits));
        for (const unit of units.length > 0 ? units : [undefined]) {
            const factor = unit ? UNITS[unit].factor : rational(1);
            const lo = divide(low, factor);
            // The next multiple of 10^-digits above `low`, in this unit.
            const candidate = multiply(divide(add(floor(multiply(lo, scale)), rational(1)), scale), factor);
            if (!high || compare(candidate, high) < 0) return candidate;
        }
    }
    throw new Error('no decimal between two boundaries');
}

export function axisOf(protocol: Protocol, indicator: Indicator, extra: readonly Rational[] = []): Axis {
    switch (indicator.kind) {
        case 'flag': return { indicator, values: [false, true] };
        case 'scale': case 'choice': return { indicator, values: indicator.members! };
        default: {
            const dimension = indicator.kind;
            const found: Rational[] = [...extra];
            allConditions(protocol).forEach(c => constantsOf(c, indicator.name, found));
            const upper = dimension === 'percent' ? rational(100) : undefined;
            // Physical ranges: every quantity is ≥ 0, percent is at most 100.
            const constants = [rational(0), ...(upper ? [upper] : []), ...found]
                .filter(v => compare(v, rational(0)) >= 0 && (!upper || compare(v, upper) <= 0))
                .sort(compare)
                .filter((v, i, all) => i === 0 || !equals(v, all[i - 1]));
            const largest = constants[constants.length - 1];
            if (dimension === 'count') {
                // Whole numbers only: every one up to just above the largest constant.
                const top = Number(floor(largest).n) + 1;
                return { indicator, values: Array.from({ length: top + 1 }, (_, k) => rational(k)) };
            }
            const values: Rational[] = [];
            const cells: Array<'point' | 'gap'> = [];
            constants.forEach((v, i) => {
                values.push(v);
                cells.push('point');
                const next = constants[i + 1];
                if (next || !upper) {
                    values.push(decimalBetween(dimension, v, next));
                    cells.push('gap');
                }
            });
            return { indicator, values, cells };
        }
    }
}

/** Whether the closures of two cells of an axis meet: the same cell, neighbours, or two gaps around one point. */
export function closuresMeet(axis: Axis, i: number, j: number): boolean {
    if (!axis.cells) return i === j;
    const distance = Math.abs(i - j);
    return distance <= 1 || (distance === 2 && axis.cells[i] === 'gap' && axis.cells[j] === 'gap');
}

/** The cell of an axis a value falls in. */
export function cellOf(axis: Axis, value: Plain): number {
    if (!axis.cells) return axis.values.findIndex(v => v === value || (typeof v === 'object' && typeof value === 'object' && equals(v, value)));
    const v = value as Rational;
    for (let i = 0; i < axis.values.length; i++) {
        const at = axis.values[i] as Rational;
        if (axis.cells[i] === 'point') {
            if (equals(at, v)) return i;
        } else {
            const low = axis.values[i - 1] as Rational;
            const high = axis.values[i + 1] as Rational | undefined;
            if (compare(v, low) > 0 && (!high || compare(v, high) < 0)) return i;
        }
    }
    return -1;
}

/**
 * Every situation of the grid: the product of the axes. Conditions compare indicators with constants
 * only, so every value of a gap behaves like its representative and the grid decides every question exactly.
 */
export class Grid {
    readonly axes: readonly Axis[];
    readonly size: number;
    private readonly strides: number[];

    constructor(readonly protocol: Protocol, extra: ReadonlyMap<string, readonly Rational[]> = new Map()) {
        this.axes = protocol.indicators.map(i => axisOf(protocol, i, extra.get(i.name)));
        this.strides = [];
        let size = 1;
        for (let d = this.axes.length - 1; d >= 0; d--) {
            this.strides[d] = size;
            size *= this.axes[d].values.length;
        }
        this.size = size;
    }

    /** The cell on each axis of the k-th situation. */
    cells(k: number): number[] {
        return this.axes.map((axis, d) => Math.floor(k / this.strides[d]) % axis.values.length);
    }

    indexOf(cells: readonly number[]): number {
        return cells.reduce((k, c, d) => k + c * this.strides[d], 0);
    }

    situation(k: number): Situation {
        const cells = this.cells(k);
        return new Map(this.axes.map((axis, d) => [axis.indicator.name, axis.values[cells[d]]]));
    }

    /** A value of the grid as the language writes it. */
    text(d: number, cell: number, tight = false): string {
        const axis = this.axes[d];
        const value = axis.values[cell];
        const kind = axis.indicator.kind;
        return isDimension(kind) ? valueText(kind, value as Rational, tight) : String(value);
    }
}

// ---- What §4 says of each declaration ------------------------------------------------------

/**
 * The verdicts of §4, computed by brute force over the grid. §3: "every check and table considers only the
 * situations inside" the scope, so where rules and off-ramps hold is taken inside it.
 */
export class Oracle {
    readonly grid: Grid;
    /** The level of each situation (`OUTSIDE` outside the scope). */
    readonly levels: Int8Array;
    /** Whether each situation lies inside the scope. */
    readonly inside: Uint8Array;
    /** Where each rule holds (its condition, not its exception), inside the scope. */
    readonly ruleHolds: Uint8Array[];
    /** Where each off-ramp's condition holds, inside the scope. */
    readonly offrampHolds: Uint8Array[];
    /** Where each scenario's given values all hold (inside the scope or not). */
    readonly givenHolds: Uint8Array[];
    private readonly situations: Situation[];

    constructor(readonly protocol: Protocol) {
        this.grid = new Grid(protocol);
        this.situations = Array.from({ length: this.grid.size }, (_, k) => this.grid.situation(k));
        this.inside = Uint8Array.from(this.situations, s => Number(inside(protocol, s)));
        const where = (test: (s: Situation) => boolean) => Uint8Array.from(this.situations, (s, k) => Number(this.inside[k] === 1 && test(s)));
        this.ruleHolds = protocol.rules.map(r => where(s => ruleHolds(protocol, r, s)));
        this.offrampHolds = protocol.offramps.map(o => where(s => holds(protocol, o.condition, s)));
        this.givenHolds = protocol.scenarios.map(sc => Uint8Array.from(this.situations, s => Number(sc.given.every(g => holds(protocol, g, s)))));
        this.levels = Int8Array.from(this.situations, (_, k) => this.inside[k]
            ? protocol.rules.reduce((level, rule, i) => this.ruleHolds[i][k] && rule.level > level ? rule.level : level, 0)
            : OUTSIDE);
    }

    situation(k: number): Situation {
        return this.situations[k];
    }

    private indices(): number[] {
        return Array.from({ length: this.grid.size }, (_, k) => k);
    }

    /** `empty-scope`: the protocol has scopes, and no situation lies inside all of them. */
    emptyScope(): boolean {
        return this.protocol.scopes.length > 0 && !this.inside.includes(1);
    }

    /** The level with the rules of `without` left out. */
    levelWithout(k: number, without: ReadonlySet<number>): number {
        if (!this.inside[k]) return OUTSIDE;
        return this.protocol.rules.reduce((level, rule, i) => !without.has(i) && this.ruleHolds[i][k] && rule.level > level ? rule.level : level, 0);
    }

    satisfiable(rule: number): boolean {
        return this.ruleHolds[rule].includes(1);
    }

    /** `always-true`: above the baseline and holds in every situation inside the scope. */
    alwaysTrue(rule: number): boolean {
        return this.protocol.rules[rule].level > 0 && this.indices().every(k => !this.inside[k] || this.ruleHolds[rule][k] === 1);
    }

    /** Wherever the rule holds, some other rule whose level passes `keep` holds too. */
    covered(rule: number, keep: (other: number) => boolean): boolean {
        const others = this.protocol.rules.map((_, j) => j).filter(j => j !== rule && keep(j));
        return this.indices().every(k => !this.ruleHolds[rule][k] || others.some(j => this.ruleHolds[j][k]));
    }

    /** `masked-threshold` / `redline-masked`: satisfiable, and wherever it holds a rule of a strictly more severe level holds. */
    masked(rule: number): boolean {
        const level = this.protocol.rules[rule].level;
        return this.satisfiable(rule) && this.covered(rule, j => this.protocol.rules[j].level > level);
    }

    /** Whether leaving out `without` changes the level of some situation. */
    changesSomething(without: ReadonlySet<number>): boolean {
        return this.indices().some(k => this.levelWithout(k, without) !== this.levels[k]);
    }

    reachable(level: number): boolean {
        return this.levels.includes(level);
    }

    /**
     * `force-on-tentative`: its level has force, its indicators are all tentative, and somewhere it holds and
     * decides the level. "Its indicators" are read as those of its condition: an `unless` exception on an
     * observed indicator does not make the rule rest on an observation (the contract does not say).
     */
    forceOnTentative(rule: number): boolean {
        const { rules, forceLevels } = this.protocol;
        const level = rules[rule].level;
        const used = [...indicatorsOf(rules[rule].condition)];
        return forceLevels.includes(level)
            && used.every(name => indicatorNamed(this.protocol, name).tentative)
            && this.indices().some(k => this.ruleHolds[rule][k] && this.levels[k] === level);
    }

    /** `t` at least as bad as `s` on every directed indicator, equal on neutral ones. */
    atLeastAsBad(t: Situation, s: Situation): boolean {
        return this.protocol.indicators.every(indicator => {
            const a = t.get(indicator.name)!;
            const b = s.get(indicator.name)!;
            switch (direction(indicator)) {
                case 0: return indicator.kind === 'scale' || indicator.kind === 'choice' || indicator.kind === 'flag' ? a === b : compare(a as Rational, b as Rational) === 0;
                case 1: return indicator.kind === 'flag' ? a === b || a === true : indicator.kind === 'scale'
                    ? indicator.members!.indexOf(a as string) >= indicator.members!.indexOf(b as string) : compare(a as Rational, b as Rational) >= 0;
                default: return indicator.kind === 'flag' ? a === b || a === false : compare(a as Rational, b as Rational) <= 0;
            }
        });
    }

    /**
     * `non-monotone`: some situation inside the scope has a lower level than another, inside it too, that it is
     * at least as bad as. The situations at least as bad as s are the cells from s's onwards, towards worse, on
     * every directed axis (its own cell on neutral ones): that set is s's cell and the sets of its one-step
     * neighbours towards worse, so the least level over it follows cell by cell. Outside the scope there is no
     * level, but the situations beyond may be inside: the way through counts, the level there does not.
     */
    nonMonotone(): boolean {
        const steps = this.grid.axes.map(axis => direction(axis.indicator));
        const least = new Int8Array(this.grid.size).fill(-2); // -2: not yet known
        const NONE = 127;
        const leastFrom = (k: number): number => {
            if (least[k] !== -2) return least[k];
            let found = this.inside[k] ? this.levels[k] : NONE;
            const cells = this.grid.cells(k);
            steps.forEach((step, d) => {
                const next = cells[d] + step;
                if (step === 0 || next < 0 || next >= this.grid.axes[d].values.length) return;
                const moved = cells.slice();
                moved[d] = next;
                found = Math.min(found, leastFrom(this.grid.indexOf(moved)));
            });
            least[k] = found;
            return found;
        };
        return this.indices().some(k => this.inside[k] === 1 && leastFrom(k) < this.levels[k]);
    }

    /** Where a level is above `to` and not above `from`: the levels an off-ramp from `from` to `to` steps down from. */
    leaving(k: number, from: number, to: number): boolean {
        return this.levels[k] > to && this.levels[k] <= from;
    }

    /** `flapping`: the off-ramp's condition holds where the level is above its target and not above its source. */
    flapping(offramp: number): boolean {
        const { from, to } = this.protocol.offramps[offramp];
        return this.indices().some(k => this.offrampHolds[offramp][k] && this.leaving(k, from, to));
    }

    /**
     * `no-hysteresis`: no `for` hold; the off-ramp's region and the region of the levels it steps down
     * from do not overlap, but their closures meet. Closures of finite unions of cells meet when the
     * closures of two of their cells do: on every continuous axis the cells are the same, neighbours
     * or two gaps around a point; on counts, flags, scales and choices they are the same.
     */
    noHysteresis(offramp: number): boolean {
        const { from, to, hold } = this.protocol.offramps[offramp];
        if (hold || this.flapping(offramp)) return false;
        const holdsAt = this.offrampHolds[offramp];
        return this.indices().some(k => holdsAt[k] && this.neighbours(k).some(j => this.leaving(j, from, to)));
    }

    /** The situations whose cells' closures meet those of the k-th situation's cells. */
    neighbours(k: number): number[] {
        const cells = this.grid.cells(k);
        let found: number[][] = [[]];
        this.grid.axes.forEach((axis, d) => {
            const near = axis.cells
                ? [-2, -1, 0, 1, 2].map(o => cells[d] + o).filter(c => c >= 0 && c < axis.values.length && closuresMeet(axis, cells[d], c))
                : [cells[d]];
            found = found.flatMap(prefix => near.map(c => [...prefix, c]));
        });
        return found.map(c => this.grid.indexOf(c));
    }

    /**
     * Scenarios: `undefined` when no situation matches the given values (inside the scope, unless it expects to
     * be outside it), else whether every match meets the expectation.
     */
    scenarioPasses(scenario: number): boolean | undefined {
        const outside = this.protocol.scenarios[scenario].outside;
        const matching = this.indices().filter(k => this.givenHolds[scenario][k] && (outside || this.inside[k]));
        if (matching.length === 0) return undefined;
        return matching.every(k => meetsExpectation(this.protocol, scenario, this.levels[k]));
    }
}

export function meetsExpectation(protocol: Protocol, scenario: number, level: number): boolean {
    const { bound, level: expected, outside } = protocol.scenarios[scenario];
    if (outside) return level === OUTSIDE;
    return bound === 'least' ? level >= expected : bound === 'most' ? level <= expected : level === expected;
}

/**
 * Which way is worse along an axis, as the grid orders its values: 1 towards later cells, -1 towards earlier
 * ones, 0 unordered. §2: a flag is worse when true unless declared `worse when false` or `neutral`; a scale
 * towards its later members; a `one of` never; a number by its `worse when`, else (or `neutral`) not at all.
 */
export function direction(indicator: Indicator): number {
    if (indicator.neutral || indicator.kind === 'choice') return 0;
    if (indicator.kind === 'flag') return indicator.worse === 'false' ? -1 : 1;
    if (indicator.kind === 'scale') return 1;
    return indicator.worse === 'higher' ? 1 : indicator.worse === 'lower' ? -1 : 0;
}

// ---- Reading witnesses ------------------------------------------------------------------

/** A situation read back from a finding's witness, and what in it does not fit the protocol. */
export interface ReadSituation {
    readonly situation: Map<string, Plain>;
    readonly problems: string[];
    /** Indicators the witness leaves out. */
    readonly missing: string[];
}

/** A value as the language (and a witness) writes it, for one indicator. */
export function readValue(indicator: Indicator, written: string | boolean): Plain | undefined {
    switch (indicator.kind) {
        case 'flag': return written === true || written === 'true' ? true : written === false || written === 'false' ? false : undefined;
        case 'scale': case 'choice': return typeof written === 'string' && indicator.members!.includes(written) ? written : undefined;
        default: {
            const match = typeof written === 'string' ? /^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z%]+)?$/.exec(written.trim()) : null;
            if (!match) return undefined;
            const amount = parseDecimal(match[1])!;
            const unit = match[2];
            if (unit === undefined) return indicator.kind === 'count' || indicator.kind === 'percent' ? amount : undefined;
            if (!UNITS[unit] || UNITS[unit].dimension !== indicator.kind) return undefined;
            const base = toBaseUnits(amount, unit);
            if (indicator.kind === 'percent' && compare(base, rational(100)) > 0) return undefined;
            return base;
        }
    }
}

export function readSituation(protocol: Protocol, text: Readonly<Record<string, string | boolean>>): ReadSituation {
    const situation = new Map<string, Plain>();
    const problems: string[] = [];
    for (const [name, written] of Object.entries(text)) {
        const indicator = protocol.indicators.find(i => i.name === name);
        const value = indicator && readValue(indicator, written);
        if (value === undefined) problems.push(`${name} = ${String(written)}`);
        else situation.set(name, value);
    }
    const missing = protocol.indicators.map(i => i.name).filter(name => !situation.has(name));
    return { situation, problems, missing };
}

/**
 * Fills in the indicators a witness leaves out that no condition mentions (any value will do for
 * them); those a condition mentions stay missing. Whether a witness names every indicator is a
 * property of its own.
 */
export function completed(protocol: Protocol, read: ReadSituation): ReadSituation {
    const mentioned = new Set(allConditions(protocol).flatMap(c => [...indicatorsOf(c)]));
    const situation = new Map(read.situation);
    const missing: string[] = [];
    for (const name of read.missing) {
        if (mentioned.has(name)) {
            missing.push(name);
            continue;
        }
        const axis = axisOf(protocol, indicatorNamed(protocol, name));
        situation.set(name, axis.values[0]);
    }
    return { situation, problems: read.problems, missing };
}
