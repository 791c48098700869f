// Joint axes: indicators that a protocol only ever tests together, as one axis.
//
// A condition in conjunctive form, `(a or b) and (c or d) and …` over flags, is 2^k boxes when each
// indicator is an axis of its own: no union of boxes over those axes holds it with fewer. But when `a`
// and `b` are tested nowhere else than in `a or b`, the protocol cannot tell apart the three ways of
// `a or b` holding: they form one class of joint values. An axis whose cells are these classes (for
// `a or b`: it does not hold; it holds) makes the condition a single box, and every answer over that
// axis is as exact as over the separate ones, because every condition the protocol states is constant
// on each class. Witnesses stay concrete: a class is shown by one of its joint values.
import type { Condition, Indicator, Protocol, Test } from '../model/protocol.js';

/** One indicator of a joint axis, with its members (a flag: `false`, `true`). */
export interface JointPart {
    readonly indicator: Indicator;
    readonly members: readonly string[];
}

export interface JointAxis {
    readonly kind: 'joint';
    readonly parts: readonly JointPart[];
    /**
     * The cells: per class of joint values no condition tells apart, its joint values (a member index per
     * part), in lexical order. The first is the one witnesses show.
     */
    readonly classes: readonly (readonly (readonly number[])[])[];
    /**
     * `higher` when the classes run from the mildest up: every joint value at least as bad as one of class
     * `i` lies in class `i` or a later one. Undefined when none is worse than another (neutral indicators).
     */
    readonly worse?: 'higher';
}

/** Conditions estimated at more boxes than this over separate axes are worth joint axes. */
const WORTH_JOINING = 64;
/** A joint axis enumerates the joint values of its indicators: at most this many (eight flags). */
const MOST_JOINT_VALUES = 256;

/**
 * The joint axes worth making for a protocol: groups of members-valued indicators (flags, scales,
 * choices) that every condition tests only through formulas of the group alone, when their joint
 * values fall into fewer classes than there are values, and the classes keep each indicator's
 * direction of danger (see `JointAxis.worse`). `members` gives an indicator's members when it has
 * members; `holds` says at which member indices a test holds.
 */
export function planJointAxes(protocol: Protocol, members: (indicator: string) => readonly string[] | undefined,
    holds: (test: Test) => readonly boolean[]): JointAxis[] {
    const roots = conditionsOf(protocol);
    if (!roots.some(root => boxEstimate(root) > WORTH_JOINING)) return [];
    // The formulas each condition is a conjunction of; the indicators of one formula go together.
    const formulas = roots.flatMap(conjunctsOf);
    const groups = new Groups();
    for (const formula of formulas) {
        const names = [...indicatorsOf(formula)];
        names.slice(1).forEach(name => groups.join(names[0], name));
    }
    const byGroup = new Map<string, Condition[]>();
    for (const formula of formulas) {
        const group = groups.find(indicatorsOf(formula).values().next().value!);
        let own = byGroup.get(group);
        if (!own) byGroup.set(group, own = []);
        own.push(formula);
    }
    const axes: JointAxis[] = [];
    for (const [group, own] of byGroup) {
        const indicators = protocol.indicators.filter(indicator => groups.find(indicator.name) === group);
        if (indicators.length < 2) continue;
        const parts = indicators.map(indicator => ({ indicator, members: members(indicator.name) ?? [] }));
        if (parts.some(part => part.members.length === 0)) continue;
        if (parts.reduce((count, part) => count * part.members.length, 1) > MOST_JOINT_VALUES) continue;
        const axis = jointAxis(parts, own, holds);
        if (axis) axes.push(axis);
    }
    return axes;
}

/**
 * Every condition a situation space is asked about: rules and their exceptions, scopes, off-ramps,
 * scenarios' given values. The space's cells are cut at their constants, and joint axes keep them apart.
 */
export function conditionsOf(protocol: Protocol): Condition[] {
    return [
        ...protocol.rules.flatMap(rule => rule.unless ? [rule.condition, rule.unless] : [rule.condition]),
        ...protocol.scopes.map(scope => scope.condition),
        ...protocol.deescalations.flatMap(deescalation => deescalation.condition ? [deescalation.condition] : []),
        ...protocol.scenarios.flatMap(scenario => scenario.given.map((test): Condition => ({ kind: 'test', test }))),
    ];
}

/** The terms of a condition read as a conjunction (as the analysis reads them too: see conflicts.ts). */
function conjunctsOf(condition: Condition): Condition[] {
    return condition.kind === 'and' ? condition.operands.flatMap(conjunctsOf) : [condition];
}

const indicatorSets = new WeakMap<Condition, ReadonlySet<string>>();

/** The indicators a condition tests. */
export function indicatorsOf(condition: Condition): ReadonlySet<string> {
    let found = indicatorSets.get(condition);
    if (!found) {
        found = condition.kind === 'test' ? new Set([condition.test.indicator])
            : condition.kind === 'not' ? indicatorsOf(condition.operand)
                : new Set(condition.operands.flatMap(operand => [...indicatorsOf(operand)]));
        indicatorSets.set(condition, found);
    }
    return found;
}

/** How many boxes a condition takes over separate axes, roughly: a sum over `or`, a product over `and`. */
function boxEstimate(condition: Condition): number {
    switch (condition.kind) {
        case 'test': return 1;
        case 'not': return Math.max(1, indicatorsOf(condition.operand).size);
        case 'or': return condition.operands.reduce((sum, operand) => sum + boxEstimate(operand), 0);
        case 'and': return condition.operands.reduce((product, operand) => Math.min(product * boxEstimate(operand), Number.MAX_SAFE_INTEGER), 1);
    }
}

/** The joint axis of `parts` told apart by `formulas`, or undefined when it would not be smaller or would lose directions. */
function jointAxis(parts: readonly JointPart[], formulas: readonly Condition[], holds: (test: Test) => readonly boolean[]): JointAxis | undefined {
    const position = new Map(parts.map((part, i) => [part.indicator.name, i]));
    const values = jointValues(parts);
    const byTruths = new Map<string, number[][]>();
    for (const value of values) {
        const truths = formulas.map(formula => evaluate(formula, value, position, holds) ? '1' : '0').join('');
        let members = byTruths.get(truths);
        if (!members) byTruths.set(truths, members = []);
        members.push(value);
    }
    const classes = [...byTruths.values()];
    if (classes.length === values.length) return undefined;
    const order = chainOrder(parts, values, classes);
    if (order === 'neutral') return { kind: 'joint', parts, classes };
    return order && { kind: 'joint', parts, classes: order, worse: 'higher' };
}

/** Every joint value of the parts, a member index per part, in lexical order. */
function jointValues(parts: readonly JointPart[]): number[][] {
    let values: number[][] = [[]];
    for (const part of parts) values = values.flatMap(value => part.members.map((_, m) => [...value, m]));
    return values;
}

/** Whether a formula over the parts holds at a joint value. */
export function evaluate(condition: Condition, value: readonly number[], position: ReadonlyMap<string, number>, holds: (test: Test) => readonly boolean[]): boolean {
    switch (condition.kind) {
        case 'test': return holds(condition.test)[value[position.get(condition.test.indicator)!]];
        case 'not': return !evaluate(condition.operand, value, position, holds);
        case 'and': return condition.operands.every(operand => evaluate(operand, value, position, holds));
        case 'or': return condition.operands.some(operand => evaluate(operand, value, position, holds));
    }
}

/** Whether joint value `y` is at least as bad as `x` on every part (neutral parts: equal). */
export function atLeastAsBad(parts: readonly JointPart[], x: readonly number[], y: readonly number[]): boolean {
    return parts.every((part, i) => {
        switch (part.indicator.worse) {
            case 'higher': return y[i] >= x[i];
            case 'lower': return y[i] <= x[i];
            default: return y[i] === x[i];
        }
    });
}

/**
 * How the classes keep the parts' directions: 'neutral' when every joint value at least as bad as one of
 * a class lies in that class; the classes from the mildest up when they form a chain (what is at least
 * as bad as a class is that class and all after it); undefined otherwise.
 */
function chainOrder(parts: readonly JointPart[], values: readonly number[][], classes: readonly number[][][]): number[][][] | 'neutral' | undefined {
    const classOf = new Map<readonly number[], number>();
    classes.forEach((members, k) => members.forEach(value => classOf.set(value, k)));
    // Per class, the classes reached by a value at least as bad as one of its own: they must be whole classes.
    const reached = classes.map(members => {
        const found = new Set<number>();
        for (const y of values) {
            if (members.some(x => atLeastAsBad(parts, x, y))) found.add(classOf.get(y)!);
        }
        return found;
    });
    const whole = classes.every((members, k) => [...reached[k]].every(other =>
        classes[other].every(y => members.some(x => atLeastAsBad(parts, x, y)))));
    if (!whole) return undefined;
    if (reached.every((found, k) => found.size === 1 && found.has(k))) return 'neutral';
    // A chain: the class reaching most comes first, and each reaches exactly itself and those after it.
    const order = classes.map((_, k) => k).sort((a, b) => reached[b].size - reached[a].size || a - b);
    const chain = order.every((k, i) => reached[k].size === order.length - i && order.slice(i).every(other => reached[k].has(other)));
    return chain ? order.map(k => classes[k]) : undefined;
}

/** Union–find over indicator names. */
class Groups {
    protected readonly parent = new Map<string, string>();

    find(name: string): string {
        let root = name;
        while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
        if (!this.parent.has(name)) this.parent.set(name, name);
        return root;
    }

    join(a: string, b: string): void {
        const [x, y] = [this.find(a), this.find(b)];
        if (x !== y) this.parent.set(y, x);
    }
}
