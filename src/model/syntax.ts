// The model written back in the language's own syntax: conditions, values, actors and steps.
import type { ActorRef, Condition, Quantity, Step, Test, TestValue } from './protocol.js';
import { toExactString } from './rational.js';

/** A condition in the language's syntax, values as written: `not radarLock and separation >= 2 km`. */
export function conditionText(condition: Condition, parent?: Condition['kind']): string {
    switch (condition.kind) {
        case 'test': return testText(condition.test);
        case 'not': return `not ${conditionText(condition.operand, 'not')}`;
        case 'and':
        case 'or': {
            const text = condition.operands.map(operand => conditionText(operand, condition.kind)).join(` ${condition.kind} `);
            // `and` binds tighter than `or`: parentheses only where the meaning needs them.
            return parent === 'not' || (parent === 'and' && condition.kind === 'or') ? `(${text})` : text;
        }
    }
}

export function testText(test: Test): string {
    switch (test.kind) {
        case 'flag': return test.indicator;
        case 'in': return `${test.indicator} ${test.negated ? 'not in' : 'in'} {${test.members.join(', ')}}`;
        case 'between': return `${test.indicator} between ${valueText(test.low)} and ${valueText(test.high)}`;
        case 'compare': return `${test.indicator} ${test.operator} ${valueText(test.value)}`;
    }
}

export function valueText(value: TestValue): string {
    switch (value.kind) {
        case 'boolean': return String(value.value);
        case 'member': return value.member;
        case 'quantity': return quantityText(value.quantity);
    }
}

/** `1.5 nm`, `30 min`, `3`. */
export function quantityText(quantity: Quantity): string {
    return `${toExactString(quantity.amount)}${quantity.unit ? ` ${quantity.unit}` : ''}`;
}

/** `Aland.MoD`, `Aland`, `OSCE`. */
export function actorName(actor: ActorRef): string {
    return actor.kind === 'organ' ? `${actor.party}.${actor.organ}` : actor.kind === 'party' ? actor.party : actor.mediator;
}

/** `Aland.MoD notifies Borea.MoD via Hotline`. */
export function stepText(step: Step): string {
    return [actorName(step.actor), step.verb, step.counterpart && actorName(step.counterpart), step.channel && `via ${step.channel}`]
        .filter(Boolean).join(' ');
}

/** A step in full, as it would be written after `step NAME:`; two steps mean the same when their texts are equal. */
export function stepClauses(step: Step): string {
    return [
        stepText(step),
        `within ${quantityText(step.within)}`,
        step.after.length > 0 && `after ${step.after.join(', ')}`,
        step.ifUnresolved && 'if unresolved',
        step.authorizedBy && `authorized by ${step.authorizedBy.party}.${step.authorizedBy.organ}`,
        step.citation !== undefined && `cites "${step.citation}"`,
    ].filter(Boolean).join(' ');
}
