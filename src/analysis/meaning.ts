// The meaning of a protocol at one concrete situation, evaluated directly (docs/language.md §3).
// The region engine must agree with this everywhere; the tests hold it to that.
import type { Condition, Level, Protocol, Rule, Test, TestValue } from '../model/protocol.js';
import { compare } from '../model/rational.js';
import type { Situation, Value } from './situations.js';

export function testHolds(test: Test, situation: Situation, members?: readonly string[]): boolean {
    const value = situation.get(test.indicator);
    if (!value) {
        throw new Error(`the situation gives no value for '${test.indicator}'`);
    }
    switch (test.kind) {
        case 'flag':
            return value.kind === 'flag' && value.value;
        case 'in':
            return value.kind === 'member' && test.members.includes(value.member) !== test.negated;
        case 'between':
            return order(value, test.low, members) >= 0 && order(value, test.high, members) <= 0;
        case 'compare': {
            const c = order(value, test.value, members);
            switch (test.operator) {
                case '<': return c < 0;
                case '<=': return c <= 0;
                case '>': return c > 0;
                case '>=': return c >= 0;
                case '=': return c === 0;
                case '!=': return c !== 0;
            }
        }
    }
}

/** Compares a situation's value with a constant: numbers by size, flags false < true, members by scale order. */
function order(value: Value, constant: TestValue, members: readonly string[] | undefined): number {
    if (value.kind === 'number' && constant.kind === 'quantity') {
        return compare(value.value, constant.quantity.base);
    }
    if (value.kind === 'flag' && constant.kind === 'boolean') {
        return Number(value.value) - Number(constant.value);
    }
    if (value.kind === 'member' && constant.kind === 'member') {
        if (value.member === constant.member) return 0;
        if (!members) return value.member < constant.member ? -1 : 1; // only = and != reach here for choices
        return members.indexOf(value.member) - members.indexOf(constant.member);
    }
    throw new Error('a value of another type than its indicator');
}

/** Whether a condition holds at a situation; scales are ordered as the protocol declares them. */
export function holdsIn(protocol: Protocol, condition: Condition, situation: Situation): boolean {
    const orders = new Map(protocol.indicators.map(indicator => [indicator.name, indicator.kind === 'scale' ? indicator.members : undefined]));
    const walk = (c: Condition): boolean => {
        switch (c.kind) {
            case 'test': return testHolds(c.test, situation, orders.get(c.test.indicator));
            case 'not': return !walk(c.operand);
            case 'and': return c.operands.every(walk);
            case 'or': return c.operands.some(walk);
        }
    };
    return walk(condition);
}

/** Whether a rule holds: its condition, and not its `unless` exception (docs/language.md §3). */
export function ruleHoldsIn(protocol: Protocol, rule: Rule, situation: Situation): boolean {
    return holdsIn(protocol, rule.condition, situation) && !(rule.unless && holdsIn(protocol, rule.unless, situation));
}

/** Whether a situation lies inside the protocol's scope: every `scope` condition holds (none: all do). */
export function insideScope(protocol: Protocol, situation: Situation): boolean {
    return protocol.scopes.every(scope => holdsIn(protocol, scope.condition, situation));
}

/**
 * The most severe level among the rules that hold, or the baseline: DMN's PRIORITY hit policy.
 * Outside the scope, no level: undefined.
 */
export function levelAt(protocol: Protocol, situation: Situation): Level | undefined {
    if (!insideScope(protocol, situation)) return undefined;
    let rank = 0;
    for (const rule of protocol.rules) {
        const level = protocol.levels.find(l => l.name === rule.level)!;
        if (level.rank > rank && ruleHoldsIn(protocol, rule, situation)) {
            rank = level.rank;
        }
    }
    return protocol.levels[rank];
}
