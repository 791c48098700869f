// A brute-force oracle: the protocol's meaning evaluated at every situation of a grid that holds every
// boundary and the points just beside it, independently of the region engine.
import { holdsIn, insideScope, levelAt, ruleHoldsIn } from '../../src/analysis/meaning.js';
import { parseValue } from '../../src/analysis/given.js';
import type { Situation, SituationText, Value } from '../../src/analysis/situations.js';
import type { Condition, Indicator, Protocol, Rule, Test } from '../../src/model/protocol.js';
import { type Rational, add, ceil, compare, divide, equals, floor, isInteger, rational, subtract } from '../../src/model/rational.js';

export interface Grid {
    /** Per indicator, its grid values in increasing order (members in declaration order). */
    readonly axes: ReadonlyMap<string, readonly Value[]>;
    readonly points: readonly Situation[];
}

export function gridOf(protocol: Protocol): Grid {
    const axes = new Map(protocol.indicators.map(indicator => [indicator.name, axisValues(indicator, boundaries(protocol, indicator.name))]));
    let points: Array<Map<string, Value>> = [new Map()];
    for (const [name, values] of axes) {
        points = points.flatMap(point => values.map(value => new Map(point).set(name, value)));
    }
    return { axes, points };
}

function boundaries(protocol: Protocol, indicator: string): Rational[] {
    const found: Rational[] = [];
    const visitTest = (test: Test) => {
        if (test.indicator !== indicator) return;
        const values = test.kind === 'compare' ? [test.value] : test.kind === 'between' ? [test.low, test.high] : [];
        values.forEach(v => v.kind === 'quantity' && found.push(v.quantity.base));
    };
    const visit = (c: Condition): void => c.kind === 'test' ? visitTest(c.test) : c.kind === 'not' ? visit(c.operand) : c.operands.forEach(visit);
    // The constants of `unless` exceptions and of scopes are boundaries too.
    protocol.rules.forEach(r => {
        visit(r.condition);
        if (r.unless) visit(r.unless);
    });
    protocol.scopes.forEach(s => visit(s.condition));
    protocol.deescalations.forEach(d => d.condition && visit(d.condition));
    protocol.scenarios.forEach(s => s.given.forEach(visitTest));
    return found;
}

function axisValues(indicator: Indicator, constants: Rational[]): Value[] {
    if (indicator.kind === 'flag') return [false, true].map(value => ({ kind: 'flag', value }));
    if (indicator.kind === 'scale' || indicator.kind === 'choice') return (indicator.members ?? []).map(member => ({ kind: 'member', member }));
    const upper = indicator.kind === 'percent' ? rational(100) : undefined;
    const inRange = (v: Rational) => compare(v, rational(0)) >= 0 && (!upper || compare(v, upper) <= 0);
    let values: Rational[];
    if (indicator.kind === 'count') {
        const whole = constants.flatMap(c => isInteger(c) ? [c] : [floor(c), ceil(c)]);
        values = [rational(0), ...whole.flatMap(c => [subtract(c, rational(1)), c, add(c, rational(1))])];
    } else {
        const sorted = uniqueSorted([rational(0), ...(upper ? [upper] : []), ...constants].filter(inRange));
        const gaps = sorted.slice(1).map((b, i) => subtract(b, sorted[i]));
        const smallest = gaps.reduce((min, g) => compare(g, min) < 0 ? g : min, rational(1));
        const epsilon = divide(smallest, rational(4));
        values = [...sorted.flatMap(b => [subtract(b, epsilon), b, add(b, epsilon)]), add(sorted[sorted.length - 1], rational(1))];
    }
    return uniqueSorted(values.filter(inRange)).map(value => ({ kind: 'number', value }));
}

function uniqueSorted(values: Rational[]): Rational[] {
    const sorted = [...values].sort(compare);
    return sorted.filter((v, i) => i === 0 || !equals(v, sorted[i - 1]));
}

export function rank(protocol: Protocol, situation: Situation): number {
    return levelAt(protocol, situation)?.rank ?? -1; // -1: outside the scope
}

export function holds(protocol: Protocol, condition: Condition, situation: Situation): boolean {
    return holdsIn(protocol, condition, situation);
}

/** Whether a rule holds at a situation: its condition, and not its `unless` exception (the scope aside). */
export function ruleHolds(protocol: Protocol, rule: Rule, situation: Situation): boolean {
    return ruleHoldsIn(protocol, rule, situation);
}

/** Whether a situation lies inside the protocol's scope. */
export function inside(protocol: Protocol, situation: Situation): boolean {
    return insideScope(protocol, situation);
}

/** The protocol's level at a situation, with some rules left out. */
export function rankWithout(protocol: Protocol, removed: ReadonlySet<number>, situation: Situation): number {
    return rank({ ...protocol, rules: protocol.rules.filter((_, i) => !removed.has(i)) }, situation);
}

/** Reads a witness back, as `explain --given` would. */
export function situationFrom(protocol: Protocol, text: SituationText): Situation {
    return new Map(protocol.indicators.map(indicator => [indicator.name, parseValue(indicator, String(text[indicator.name]))]));
}

/** Position of a value on its grid axis. */
export function position(grid: Grid, indicator: string, value: Value): number {
    return grid.axes.get(indicator)!.findIndex(v => sameValue(v, value));
}

function sameValue(a: Value, b: Value): boolean {
    if (a.kind === 'number' && b.kind === 'number') return equals(a.value, b.value);
    if (a.kind === 'member' && b.kind === 'member') return a.member === b.member;
    if (a.kind === 'flag' && b.kind === 'flag') return a.value === b.value;
    return false;
}

/** `t` at least as bad as `s` on every directed indicator, equal on neutral ones. */
export function atLeastAsBad(protocol: Protocol, s: Situation, t: Situation): boolean {
    return protocol.indicators.every(indicator => {
        const c = order(indicator, t.get(indicator.name)!, s.get(indicator.name)!);
        return indicator.worse === 'higher' ? c >= 0 : indicator.worse === 'lower' ? c <= 0 : c === 0;
    });
}

function order(indicator: Indicator, a: Value, b: Value): number {
    if (a.kind === 'number' && b.kind === 'number') return compare(a.value, b.value);
    if (a.kind === 'flag' && b.kind === 'flag') return Number(a.value) - Number(b.value);
    if (a.kind === 'member' && b.kind === 'member') {
        return indicator.kind === 'scale' ? indicator.members!.indexOf(a.member) - indicator.members!.indexOf(b.member) : a.member === b.member ? 0 : 1;
    }
    throw new Error('values of different kinds');
}

/**
 * Whether the closures of two situations' cells meet: equal on flags, scales, choices and counts; on
 * measured continuous indicators, the same or neighbouring cells (a constant and the values beside it),
 * or two stretches of values on either side of one constant.
 */
export function touching(protocol: Protocol, s: Situation, t: Situation): boolean {
    return protocol.indicators.every(indicator => {
        const a = s.get(indicator.name)!;
        const b = t.get(indicator.name)!;
        const continuous = indicator.kind !== 'flag' && indicator.kind !== 'scale' && indicator.kind !== 'choice' && indicator.kind !== 'count';
        if (!continuous || a.kind !== 'number' || b.kind !== 'number') return sameValue(a, b);
        const constants = uniqueSorted([rational(0), ...(indicator.kind === 'percent' ? [rational(100)] : []), ...boundaries(protocol, indicator.name)]);
        const [x, y] = [cellOf(constants, a.value), cellOf(constants, b.value)].sort((p, q) => p - q);
        return y - x <= 1 || (y - x === 2 && x % 2 === 1);
    });
}

/** The cell of a value among sorted constants: 2i at the i-th constant, 2i + 1 between it and the next. */
function cellOf(constants: readonly Rational[], value: Rational): number {
    let cell = 0;
    constants.forEach((c, i) => {
        const order = compare(value, c);
        if (order === 0) cell = 2 * i;
        else if (order > 0) cell = 2 * i + 1;
    });
    return cell;
}
