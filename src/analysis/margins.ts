// The margin an off-ramp needs (the no-hysteresis quick fix): the nearest round value, in a bound's own
// unit, that moves one comparison of its condition away from the rules it steps down from, so that the
// off-ramp neither flaps nor leaves a boundary without a margin.
import type { Condition, Protocol, Quantity, Test } from '../model/protocol.js';
import { type Rational, add, compare, divide, floor, multiply, rational } from '../model/rational.js';
import { toBase } from '../model/units.js';
import type { Budget } from './budget.js';
import { checkDeescalation } from './checks/deescalations.js';
import { AnalysisContext } from './context.js';
import { SituationSpace, powerOfTenAtMost } from './situations.js';

export type Comparison = Test & { readonly kind: 'compare' };

export interface Margin {
    /** The comparison to change. */
    readonly test: Comparison;
    /** Its new value, in the unit it is written in. */
    readonly value: Quantity;
}

/** How many round values, one step apart, a bound may move: further than that is a new clause, not a margin. */
const STEPS = 10;

/**
 * The first comparison of the `index`th de-escalation's condition (in the order written) whose bound,
 * moved to a nearby round value away from the rules above, leaves the off-ramp clean; undefined when none
 * does. Each try is an analysis of its own, charged to `budget` (BudgetExceeded when it runs out).
 */
export function findMargin(protocol: Protocol, index: number, budget: Budget): Margin | undefined {
    const condition = protocol.deescalations[index].condition;
    for (const test of condition ? comparisons(condition) : []) {
        if (test.value.kind !== 'quantity' || !['<', '<=', '>', '>='].includes(test.operator)) continue;
        const { amount, unit } = test.value.quantity;
        const units = protocol.indicators.find(i => i.name === test.indicator)?.units;
        for (const candidate of widerValues(amount, test.operator.startsWith('>'))) {
            const value: Quantity = { amount: candidate, unit, base: toBase(candidate, unit, units) };
            const patched = withValue(protocol, index, test, value);
            const context = new AnalysisContext(patched, new SituationSpace(patched, { budget }));
            if (!checkDeescalation(context, index)) return { test, value };
        }
    }
    return undefined;
}

function comparisons(condition: Condition): Comparison[] {
    switch (condition.kind) {
        case 'test': return condition.test.kind === 'compare' ? [condition.test] : [];
        case 'not': return comparisons(condition.operand);
        default: return condition.operands.flatMap(comparisons);
    }
}

/** Round values further from a bound, in its own unit: 2 → 3, 4, 5…; 0.5 → 0.6, … (or downwards, above zero). */
function widerValues(amount: Rational, upward: boolean): Rational[] {
    const step = amount.n === 0n ? rational(1) : powerOfTenAtMost(amount);
    const base = multiply(floor(divide(amount, step)), step);
    const values: Rational[] = [];
    for (let k = 1; k <= STEPS; k++) {
        const value = add(base, multiply(step, rational(upward ? k : -k)));
        if (compare(value, rational(0)) > 0 && compare(value, amount) !== 0) values.push(value);
    }
    return values;
}

/** The protocol with one comparison of a de-escalation given a new value. */
function withValue(protocol: Protocol, index: number, target: Comparison, value: Quantity): Protocol {
    const replaceIn = (condition: Condition): Condition => {
        switch (condition.kind) {
            case 'test': return condition.test === target ? { kind: 'test', test: { ...target, value: { kind: 'quantity', quantity: value } } } : condition;
            case 'not': return { kind: 'not', operand: replaceIn(condition.operand) };
            default: return { kind: condition.kind, operands: condition.operands.map(replaceIn) };
        }
    };
    return { ...protocol, deescalations: protocol.deescalations.map((d, i) => i === index && d.condition ? { ...d, condition: replaceIn(d.condition) } : d) };
}
