// The situation space of a protocol: one axis of cells per indicator, conditions as regions, and witnesses.
import type { Condition, Indicator, Protocol, Rule, Test, TestValue } from '../model/protocol.js';
import {
    type Rational, add, ceil, compare, divide, equals, floor, isDecimal, isInteger, multiply, rational, subtract, toDecimalString,
    toExactString
} from '../model/rational.js';
import { type Unit, fromBase, toBase } from '../model/units.js';
import type { Box } from './boxes.js';
import type { Budget } from './budget.js';
import { type JointAxis, conditionsOf, evaluate, indicatorsOf, planJointAxes } from './joint.js';
import { type Region, Space } from './regions.js';

/** The value of one indicator in a situation. */
export type Value =
    | { readonly kind: 'number'; readonly value: Rational }
    | { readonly kind: 'member'; readonly member: string }
    | { readonly kind: 'flag'; readonly value: boolean };

/** A situation: a value for each indicator (partial situations leave some out). */
export type Situation = ReadonlyMap<string, Value>;

/** A situation as people and JSON read it, in each indicator's own unit: `{"separation": "1.5 nm", "radarLock": true}`. */
export type SituationText = Record<string, string | boolean>;

type NumericCell = { readonly kind: 'point'; readonly at: Rational } | { readonly kind: 'gap'; readonly above: Rational; readonly below?: Rational };

/** An indicator's own axis. */
export type IndicatorAxis =
    | { readonly kind: 'numeric'; readonly indicator: Indicator; readonly integer: boolean; readonly cells: readonly NumericCell[] }
    | { readonly kind: 'members'; readonly indicator: Indicator; readonly members: readonly string[] };

/** An axis of the space: one indicator's, or the joint axis of indicators tested only together (see joint.ts). */
export type Axis = IndicatorAxis | JointAxis;

export interface SpaceOptions {
    readonly budget?: Budget;
    /** Values to distinguish besides the protocol's own constants (e.g. a situation being explained). */
    readonly extraValues?: ReadonlyMap<string, readonly Rational[]>;
    /**
     * Whether indicators tested only together may share a joint axis (joint.ts), where conditions would
     * otherwise take very many boxes. For the analysis; tables, which show a column per indicator, keep
     * an axis per indicator.
     */
    readonly joint?: boolean;
}

export class SituationSpace {
    readonly space: Space;
    readonly axes: readonly Axis[];
    /** Whether some axis is joint. */
    readonly joint: boolean;
    protected readonly axisIndex: ReadonlyMap<string, number>;
    /** Per indicator of a joint axis, its place among the axis' parts. */
    protected readonly partIndex = new Map<string, number>();
    protected readonly cellValues: Value[][] = [];
    protected readonly texts = new WeakMap<Value, string>();
    protected readonly truths = new WeakMap<Test, readonly boolean[]>();
    protected readonly jointDimensions = new WeakMap<Condition, number>();

    constructor(readonly protocol: Protocol, readonly options: SpaceOptions = {}) {
        const constants = collectConstants(protocol, options.extraValues);
        const own = protocol.indicators.map(indicator => axisOf(indicator, constants.get(indicator.name) ?? []));
        const ownAxis = new Map(own.map(axis => [axis.indicator.name, axis]));
        const joints = options.joint
            ? planJointAxes(protocol, name => memberNamesOrUndefined(ownAxis.get(name)!), test => this.truthOf(ownAxis.get(test.indicator)!, test))
            : [];
        const jointOf = new Map(joints.flatMap(joint => joint.parts.map((part, i) => {
            this.partIndex.set(part.indicator.name, i);
            return [part.indicator.name, joint] as const;
        })));
        // Each joint axis takes the place of its first indicator.
        this.axes = own.flatMap((axis): Axis[] => {
            const joint = jointOf.get(axis.indicator.name);
            return !joint ? [axis] : joint.parts[0].indicator === axis.indicator ? [joint] : [];
        });
        this.joint = joints.length > 0;
        this.axisIndex = new Map(this.axes.flatMap((axis, d) => indicatorsOfAxis(axis).map(indicator => [indicator.name, d] as const)));
        this.space = new Space(this.axes.map(axisSize), options.budget);
    }

    /** The indicators of an axis: one, or the parts of a joint axis. */
    indicatorsOn(dimension: number): readonly Indicator[] {
        return indicatorsOfAxis(this.axes[dimension]);
    }

    /** Which way is worse along an axis: towards its last cell, its first, or neither. */
    direction(dimension: number): 'higher' | 'lower' | 'neutral' {
        const axis = this.axes[dimension];
        return (axis.kind === 'joint' ? axis.worse : axis.indicator.worse) ?? 'neutral';
    }

    /** The same protocol over an axis per indicator (for tables, which show a column per indicator). */
    perIndicator(): SituationSpace {
        return this.joint ? new SituationSpace(this.protocol, { ...this.options, budget: this.space.budget, joint: false }) : this;
    }

    axisOf(indicator: string): number {
        const index = this.axisIndex.get(indicator);
        if (index === undefined) throw new Error(`indicator '${indicator}' is not part of protocol ${this.protocol.name}`);
        return index;
    }

    /** Where a condition holds. */
    condition(condition: Condition): Region {
        const joint = this.joint ? this.jointDimension(condition) : -1;
        if (joint >= 0) return this.jointRegion(joint, condition);
        switch (condition.kind) {
            case 'test':
                return this.test(condition.test);
            case 'not':
                return this.condition(condition.operand).complement();
            case 'and':
                return condition.operands.reduce((region, operand) => region.isEmpty ? region : region.intersect(this.condition(operand)), this.space.full());
            case 'or':
                return condition.operands.reduce((region, operand) => region.union(this.condition(operand)), this.space.empty());
        }
    }

    /**
     * The situations a protocol covers: where every `scope` condition holds (everywhere, when it declares
     * none). By default the space's own protocol; `diff` asks for each of two versions sharing one space.
     */
    inside(protocol: Protocol = this.protocol): Region {
        return this.condition({ kind: 'and', operands: protocol.scopes.map(scope => scope.condition) });
    }

    /** Where a rule holds: its condition, less its `unless` exception, inside the scope. */
    rule(rule: Rule, inside: Region): Region {
        const holds = this.condition(rule.condition).intersect(inside);
        return rule.unless && !holds.isEmpty ? holds.subtract(this.condition(rule.unless)) : holds;
    }

    /** Where every test holds (a scenario's `given`). */
    conjunction(tests: readonly Test[]): Region {
        return this.condition({ kind: 'and', operands: tests.map(test => ({ kind: 'test', test })) });
    }

    test(test: Test): Region {
        const dimension = this.axisOf(test.indicator);
        const axis = this.axes[dimension];
        if (axis.kind === 'joint') return this.jointRegion(dimension, { kind: 'test', test });
        return this.space.region(this.rangesOf(axis, test).map(([lo, hi]) => this.space.slab(dimension, lo, hi)));
    }

    /** The joint axis every indicator of a condition lies on, or -1. */
    protected jointDimension(condition: Condition): number {
        let found = this.jointDimensions.get(condition);
        if (found === undefined) {
            const dimensions = new Set([...indicatorsOf(condition)].map(name => this.axisOf(name)));
            const [only] = dimensions;
            found = dimensions.size === 1 && this.axes[only].kind === 'joint' ? only : -1;
            this.jointDimensions.set(condition, found);
        }
        return found;
    }

    /**
     * Where a condition over one joint axis holds: the classes where it holds. Every condition of the
     * protocol is constant on each class (that is how the classes were made); one that is not is a fault.
     */
    protected jointRegion(dimension: number, condition: Condition): Region {
        const axis = this.axes[dimension] as JointAxis;
        const holds = (test: Test) => this.truthOf(this.partAxis(axis, test.indicator), test);
        const truths = axis.classes.map(values => {
            const each = values.map(value => evaluate(condition, value, this.partIndex, holds));
            if (each.some(truth => truth !== each[0])) throw new Error(`a condition on ${axis.parts.map(p => p.indicator.name).join(', ')} tells apart joint values of one class`);
            return each[0];
        });
        return this.space.region(runs(truths).map(([lo, hi]) => this.space.slab(dimension, lo, hi)));
    }

    /** A part of a joint axis as an axis of its own. */
    protected partAxis(axis: JointAxis, indicator: string): IndicatorAxis {
        const part = axis.parts[this.partIndex.get(indicator)!];
        return { kind: 'members', indicator: part.indicator, members: part.members };
    }

    /** Per member of a members-valued axis, whether a test holds there. */
    protected truthOf(axis: IndicatorAxis, test: Test): readonly boolean[] {
        let truth = this.truths.get(test);
        if (!truth) {
            const each = memberNames(axis).map(() => false);
            for (const [lo, hi] of this.rangesOf(axis, test)) each.fill(true, lo, hi + 1);
            this.truths.set(test, truth = each);
        }
        return truth;
    }

    protected rangesOf(axis: IndicatorAxis, test: Test): Array<[number, number]> {
        const last = axis.kind === 'numeric' ? axis.cells.length - 1 : axis.members.length - 1;
        switch (test.kind) {
            case 'flag':
                return [[1, 1]];
            case 'in': {
                const chosen = new Set(test.members);
                return runs(memberNames(axis).map(member => chosen.has(member) !== test.negated));
            }
            case 'between':
                return intersectRanges(this.compareRanges(axis, '>=', test.low), this.compareRanges(axis, '<=', test.high), last);
            case 'compare':
                return this.compareRanges(axis, test.operator, test.value);
        }
    }

    protected compareRanges(axis: IndicatorAxis, operator: string, value: TestValue): Array<[number, number]> {
        if (axis.kind === 'numeric') {
            if (value.kind !== 'quantity') return [];
            const v = value.quantity.base;
            return runs(axis.cells.map(cell => numericHolds(cell, operator, v)));
        }
        const position = value.kind === 'boolean' ? (value.value ? 1 : 0) : value.kind === 'member' ? axis.members.indexOf(value.member) : -1;
        if (position < 0) return [];
        return runs(axis.members.map((_, i) => orderHolds(i, operator, position)));
    }

    /** Sets, in `situation`, the values of an axis' indicators at one of its cells (a joint axis: its class's first joint value). */
    assign(situation: Map<string, Value>, dimension: number, cell: number): void {
        const axis = this.axes[dimension];
        if (axis.kind === 'joint') this.assignJoint(situation, dimension, axis.classes[cell][0]);
        else situation.set(axis.indicator.name, this.valueAt(dimension, cell));
    }

    /** Sets, in `situation`, the values of a joint axis' indicators: a member index per part. */
    assignJoint(situation: Map<string, Value>, dimension: number, value: readonly number[]): void {
        (this.axes[dimension] as JointAxis).parts.forEach((part, i) => situation.set(part.indicator.name, memberValue(part.indicator, part.members, value[i])));
    }

    /** The value of a cell of an indicator's own axis: a boundary itself, a round number inside a gap, or a member. */
    valueAt(dimension: number, cell: number): Value {
        // Worked out once per cell: every witness asks for a value on every axis.
        const values = this.cellValues[dimension] ??= [];
        return values[cell] ??= this.cellValue(dimension, cell);
    }

    /** A value as written in the language, in its indicator's own unit (see formatValue), worked out once per value. */
    format(indicator: Indicator, value: Value): string {
        let text = this.texts.get(value);
        if (text === undefined) this.texts.set(value, text = formatValue(indicator, value));
        return text;
    }

    protected cellValue(dimension: number, cell: number): Value {
        const axis = this.axes[dimension];
        if (axis.kind === 'joint') throw new Error('a joint axis has a value per indicator');
        if (axis.kind === 'members') return memberValue(axis.indicator, axis.members, cell);
        const c = axis.cells[cell];
        return { kind: 'number', value: c.kind === 'point' ? c.at : roundValueIn(c.above, c.below, axis.indicator.unit, axis.integer, axis.indicator.units) };
    }

    /** The cell a value falls in (the value need not be a boundary of the protocol). */
    cellOf(dimension: number, value: Value): number | undefined {
        const axis = this.axes[dimension];
        if (axis.kind === 'joint') throw new Error('a joint axis has a value per indicator');
        if (axis.kind === 'members') return memberIndex(axis.members, value);
        if (value.kind !== 'number') return undefined;
        const index = axis.cells.findIndex(cell => cell.kind === 'point'
            ? equals(cell.at, value.value)
            : compare(value.value, cell.above) > 0 && (!cell.below || compare(value.value, cell.below) < 0));
        return index < 0 ? undefined : index;
    }

    /** The box of all situations that agree with a partial situation. */
    boxOf(situation: Situation): Box | undefined {
        const box = this.space.fullBox();
        for (const [indicator, value] of situation) {
            const dimension = this.axisOf(indicator);
            const axis = this.axes[dimension];
            const cell = axis.kind === 'joint' ? this.classOf(axis, situation) : this.cellOf(dimension, value);
            if (cell === undefined) return undefined;
            box[2 * dimension] = cell;
            box[2 * dimension + 1] = cell;
        }
        return box;
    }

    /** The class of a joint axis a situation's values fall in; undefined when it leaves some of them out (no box holds just those). */
    protected classOf(axis: JointAxis, situation: Situation): number | undefined {
        const value: number[] = [];
        for (const part of axis.parts) {
            const given = situation.get(part.indicator.name);
            const index = given && memberIndex(part.members, given);
            if (index === undefined) return undefined;
            value.push(index);
        }
        const found = axis.classes.findIndex(values => values.some(other => other.every((m, i) => m === value[i])));
        return found < 0 ? undefined : found;
    }

    /**
     * A concrete situation in a box, chosen to read well: on each constrained axis the boundary on its
     * bounded side (`>= 2 nm` gives 2 nm, `< 2 nm` gives 1 nm), on free axes a plain default.
     */
    witness(box: Box): Situation {
        const situation = new Map<string, Value>();
        this.axes.forEach((_, d) => this.assign(situation, d, this.pickCell(d, box[2 * d], box[2 * d + 1])));
        return situation;
    }

    /**
     * A value of the open gap `gap` just beside its boundary `point` (a neighbouring cell), round in the
     * indicator's own unit: beside 2 nm, in the gap below it, 1.9 nm; beside 60 min, 59 min.
     */
    valueBeside(dimension: number, gap: number, point: number): Value {
        const axis = this.axes[dimension];
        const cell = axis.kind === 'numeric' ? axis.cells[gap] : undefined;
        const boundary = axis.kind === 'numeric' ? axis.cells[point] : undefined;
        if (axis.kind !== 'numeric' || cell?.kind !== 'gap' || boundary?.kind !== 'point') return this.valueAt(dimension, gap);
        const below = point < gap;
        if (axis.integer) return { kind: 'number', value: add(boundary.at, rational(below ? 1 : -1)) };
        const unit = axis.indicator.unit;
        const units = axis.indicator.units;
        const at = fromBase(boundary.at, unit, units);
        const far = below ? cell.below : cell.above;
        const width = far === undefined ? (at.n === 0n ? rational(1) : at) : fromBase(far, unit, units);
        const span = far === undefined ? width : (compare(width, at) > 0 ? subtract(width, at) : subtract(at, width));
        const step = powerOfTenAtMost(divide(span, rational(5)));
        return { kind: 'number', value: toBase(below ? add(at, step) : subtract(at, step), unit, units) };
    }

    pickCell(dimension: number, lo: number, hi: number): number {
        const size = this.space.sizes[dimension];
        if (lo === 0 && hi === size - 1) {
            const axis = this.axes[dimension];
            return axis.kind === 'numeric' && size > 1 ? 1 : 0;
        }
        return lo > 0 ? lo : hi;
    }

    /** Whether an axis is narrowed by a box (shown in messages; free axes are left out). */
    constrains(box: Box, dimension: number): boolean {
        return box[2 * dimension] > 0 || box[2 * dimension + 1] < this.space.sizes[dimension] - 1;
    }

    /** The axes some of the boxes constrain: what a message about them needs to show. */
    constrainedAxes(...boxes: Box[]): Set<number> {
        return new Set(this.axes.map((_, d) => d).filter(d => boxes.some(box => this.constrains(box, d))));
    }

    /** A situation for people: every indicator, or only those of the given axes. */
    describe(situation: Situation, axes?: ReadonlySet<number>): string {
        const parts = this.axes
            .flatMap((axis, d) => !axes || axes.has(d) ? indicatorsOfAxis(axis) : [])
            .map(indicator => `${indicator.name} = ${this.format(indicator, situation.get(indicator.name)!)}`);
        return parts.length > 0 ? parts.join(', ') : 'any situation';
    }

    toText(situation: Situation): SituationText {
        const text: SituationText = {};
        for (const indicator of this.axes.flatMap(indicatorsOfAxis)) {
            const value = situation.get(indicator.name);
            if (value) text[indicator.name] = value.kind === 'flag' ? value.value : this.format(indicator, value);
        }
        return text;
    }
}

/**
 * A value as written in the language: `1.5 nm`, `3`, `40 %`, `true`, `Exercise`. Numbers are exact:
 * in the indicator's own unit when that gives a short decimal, else in the unit that does
 * (500 m stays `500 m` beside nautical miles).
 */
export function formatValue(indicator: Indicator, value: Value): string {
    switch (value.kind) {
        case 'flag': return String(value.value);
        case 'member': return value.member;
        case 'number': {
            const all = indicator.units ?? [];
            const units = [indicator.unit, ...all.map(u => u.symbol).filter(u => u !== indicator.unit)];
            const exact = units.map(unit => ({ unit, amount: fromBase(value.value, unit, all) })).filter(({ amount }) => isDecimal(amount));
            const length = (amount: Rational) => toExactString(amount).length;
            const shortest = [...exact].sort((a, b) => length(a.amount) - length(b.amount))[0];
            const chosen = (exact[0] && exact[0].unit === indicator.unit && length(exact[0].amount) <= 6 ? exact[0] : shortest)
                ?? { unit: indicator.unit, amount: fromBase(value.value, indicator.unit, all) };
            const amount = isDecimal(chosen.amount) ? toExactString(chosen.amount) : toDecimalString(chosen.amount);
            return chosen.unit ? `${amount} ${chosen.unit}` : amount;
        }
    }
}

function memberNames(axis: IndicatorAxis): readonly string[] {
    return axis.kind === 'members' ? axis.members : [];
}

function memberNamesOrUndefined(axis: IndicatorAxis): readonly string[] | undefined {
    return axis.kind === 'members' ? axis.members : undefined;
}

function memberValue(indicator: Indicator, members: readonly string[], index: number): Value {
    return indicator.kind === 'flag' ? { kind: 'flag', value: index === 1 } : { kind: 'member', member: members[index] };
}

function memberIndex(members: readonly string[], value: Value): number | undefined {
    const name = value.kind === 'flag' ? String(value.value) : value.kind === 'member' ? value.member : undefined;
    const index = name === undefined ? -1 : members.indexOf(name);
    return index < 0 ? undefined : index;
}

function indicatorsOfAxis(axis: Axis): readonly Indicator[] {
    return axis.kind === 'joint' ? axis.parts.map(part => part.indicator) : [axis.indicator];
}

function axisSize(axis: Axis): number {
    return axis.kind === 'numeric' ? axis.cells.length : axis.kind === 'members' ? axis.members.length : axis.classes.length;
}

/** The constants each measured indicator is compared with anywhere in the protocol (base units). */
function collectConstants(protocol: Protocol, extra?: ReadonlyMap<string, readonly Rational[]>): Map<string, Rational[]> {
    const constants = new Map<string, Rational[]>();
    const add = (indicator: string, value: Rational) => {
        let list = constants.get(indicator);
        if (!list) constants.set(indicator, list = []);
        list.push(value);
    };
    const visitTest = (test: Test) => {
        const values = test.kind === 'compare' ? [test.value] : test.kind === 'between' ? [test.low, test.high] : [];
        for (const value of values) {
            if (value.kind === 'quantity') add(test.indicator, value.quantity.base);
        }
    };
    const visit = (condition: Condition): void => {
        switch (condition.kind) {
            case 'test': visitTest(condition.test); break;
            case 'not': visit(condition.operand); break;
            default: condition.operands.forEach(visit);
        }
    };
    conditionsOf(protocol).forEach(visit);
    for (const [indicator, values] of extra ?? []) {
        values.forEach(value => add(indicator, value));
    }
    return constants;
}

function axisOf(indicator: Indicator, constants: readonly Rational[]): IndicatorAxis {
    switch (indicator.kind) {
        case 'flag':
            return { kind: 'members', indicator, members: ['false', 'true'] };
        case 'scale':
        case 'choice':
            return { kind: 'members', indicator, members: indicator.members ?? [] };
        default: {
            const integer = indicator.kind === 'count';
            const upper = indicator.kind === 'percent' ? rational(100) : undefined;
            return { kind: 'numeric', indicator, integer, cells: numericCells(constants, integer, upper) };
        }
    }
}

/**
 * The cells of a measured axis: every boundary as a point, and the open gaps between them that hold
 * any value (for counts: any whole number), from 0 up to the upper end of the physical range.
 */
function numericCells(constants: readonly Rational[], integer: boolean, upper: Rational | undefined): NumericCell[] {
    const points: Rational[] = [rational(0)];
    if (upper) points.push(upper);
    for (const value of constants) {
        const candidates = integer && !isInteger(value) ? [floor(value), ceil(value)] : [value];
        for (const candidate of candidates) {
            if (compare(candidate, rational(0)) >= 0 && (!upper || compare(candidate, upper) <= 0)) points.push(candidate);
        }
    }
    points.sort(compare);
    const unique = points.filter((point, i) => i === 0 || !equals(point, points[i - 1]));
    const cells: NumericCell[] = [];
    unique.forEach((point, i) => {
        cells.push({ kind: 'point', at: point });
        const next = unique[i + 1];
        if (next) {
            const holdsValues = !integer || compare(next, add(point, rational(1))) > 0;
            if (holdsValues) cells.push({ kind: 'gap', above: point, below: next });
        } else if (!upper) {
            cells.push({ kind: 'gap', above: point });
        }
    });
    return cells;
}

/** Whether every value of a cell satisfies `x operator v` (each cell lies wholly on one side of every constant). */
function numericHolds(cell: NumericCell, operator: string, v: Rational): boolean {
    if (cell.kind === 'point') {
        return orderHolds(compare(cell.at, v), operator, 0);
    }
    // A gap lies wholly below v when its upper end is at most v, wholly above when its lower end is at least v.
    const below = cell.below !== undefined && compare(cell.below, v) <= 0;
    const above = compare(cell.above, v) >= 0;
    switch (operator) {
        case '<': case '<=': return below;
        case '>': case '>=': return above;
        case '=': return false;
        case '!=': return true;
        default: return false;
    }
}

function orderHolds(left: number, operator: string, right: number): boolean {
    switch (operator) {
        case '<': return left < right;
        case '<=': return left <= right;
        case '>': return left > right;
        case '>=': return left >= right;
        case '=': return left === right;
        case '!=': return left !== right;
        default: return false;
    }
}

/** Maximal runs of true entries as inclusive index ranges. */
function runs(holds: readonly boolean[]): Array<[number, number]> {
    const result: Array<[number, number]> = [];
    let start = -1;
    holds.forEach((value, i) => {
        if (value && start < 0) start = i;
        if (!value && start >= 0) {
            result.push([start, i - 1]);
            start = -1;
        }
    });
    if (start >= 0) result.push([start, holds.length - 1]);
    return result;
}

function intersectRanges(a: Array<[number, number]>, b: Array<[number, number]>, last: number): Array<[number, number]> {
    const result: Array<[number, number]> = [];
    for (const [alo, ahi] of a) {
        for (const [blo, bhi] of b) {
            const lo = Math.max(alo, blo);
            const hi = Math.min(ahi, bhi, last);
            if (lo <= hi) result.push([lo, hi]);
        }
    }
    return result;
}

const STEPS_PER_DECADE = [rational(1), rational(1, 2), rational(1, 4)];

/**
 * A round number strictly between two boundaries (base units), chosen in the display unit:
 * `(0, 2 nm)` gives 1 nm, `(1 nm, 2 nm)` gives 1.5 nm, above 2 nm alone gives 3 nm.
 */
export function roundValueIn(above: Rational, below: Rational | undefined, unit: string | undefined, integer: boolean, units?: readonly Unit[]): Rational {
    const lo = fromBase(above, unit, units);
    if (integer) {
        const next = add(floor(above), rational(1));
        if (!below) return next;
        return floor(divide(add(above, below), rational(2)));
    }
    if (!below) {
        const magnitude = lo.n === 0n ? rational(1) : powerOfTenAtMost(lo);
        return toBase(multiply(add(floor(divide(lo, magnitude)), rational(1)), magnitude), unit, units);
    }
    const hi = fromBase(below, unit, units);
    const middle = divide(add(lo, hi), rational(2));
    // From coarse to fine steps, the first step with a multiple strictly inside; the one nearest the middle.
    for (let decade = powerOfTenAtMost(hi); ; decade = divide(decade, rational(10))) {
        for (const fraction of STEPS_PER_DECADE) {
            const step = multiply(decade, fraction);
            const nearest = multiply(floor(divide(add(middle, divide(step, rational(2))), step)), step);
            for (const candidate of [nearest, add(nearest, step), subtract(nearest, step)]) {
                if (compare(candidate, lo) > 0 && compare(candidate, hi) < 0) {
                    return toBase(candidate, unit, units);
                }
            }
        }
        if (decade.d > 10n ** 12n) return toBase(middle, unit, units); // boundaries closer than any round number
    }
}

/** The largest power of ten not above a positive value. */
export function powerOfTenAtMost(value: Rational): Rational {
    let power = rational(1);
    while (compare(multiply(power, rational(10)), value) <= 0) power = multiply(power, rational(10));
    while (compare(power, value) > 0) power = divide(power, rational(10));
    return power;
}
