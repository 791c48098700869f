// The model written back in the language's own syntax: conditions, values, actors and steps.
import type { ActorRef, Condition, Deescalation, Duty, DutyTiming, Obligation, Quantity, Step, Test, TestValue } from './protocol.js';
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

/** `Aland.MoD`, `Aland`, `OSCE`, `Testing.MFA`, `each party.MoD`, `the other party`, `all parties`. */
export function actorName(actor: ActorRef): string {
    const organ = (subject: string, name: string | undefined) => name === undefined ? subject : `${subject}.${name}`;
    switch (actor.kind) {
        case 'organ': return organ(actor.party, actor.organ);
        case 'party': return actor.party;
        case 'mediator': return actor.mediator;
        case 'body': return actor.body;
        case 'role': return organ(actor.role, actor.organ);
        case 'each': return organ('each party', actor.organ);
        case 'other': return organ('the other party', actor.organ);
        case 'every-other': return organ('every other party', actor.organ);
        case 'all': return 'all parties';
    }
}

/** `Aland.MoD notifies Borea.MoD via Hotline`: the action of a step or duty. */
export function stepText(obligation: Obligation): string {
    return [actorName(obligation.actor), obligation.verb, obligation.counterpart && actorName(obligation.counterpart), obligation.channel && `via ${obligation.channel}`]
        .filter(Boolean).join(' ');
}

/** A step's timing as written: `within 15 min`, `immediately`. */
export function timingText(step: Step): string {
    return step.timing === 'within' ? `within ${quantityText(step.within)}` : step.timing;
}

/** A duty's timing as written: `at least 3 d before launch`, `every 1 yr`, `on 1 January every year`. */
export function dutyTimingText(when: DutyTiming): string {
    switch (when.kind) {
        case 'before': return `at least ${quantityText(when.lead)} before ${when.event}`;
        case 'after': return `${when.timing === 'within' ? `within ${quantityText(when.within)}` : when.timing} after ${when.event}`;
        case 'every': return `every ${quantityText(when.period)}`;
        case 'on': return `on ${when.day} ${MONTH_NAMES[when.month - 1]}${when.yearly ? ' every year' : ''}`;
    }
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A step in full, as it would be written after `step NAME:`; two steps mean the same when their texts are equal. */
export function stepClauses(step: Step): string {
    return [
        stepText(step),
        timingText(step),
        step.after.length > 0 && `after ${step.after.join(', ')}`,
        step.ifUnresolved && 'if unresolved',
        step.authorizedBy && `authorized by ${actorName(step.authorizedBy)}`,
        step.legalBasis !== undefined && `cites "${step.legalBasis}"`,
    ].filter(Boolean).join(' ');
}

/** A duty in full, as it would be written after `duty NAME:`. */
export function dutyClauses(duty: Duty): string {
    return [
        stepText(duty),
        dutyTimingText(duty.when),
        duty.authorizedBy && `authorized by ${actorName(duty.authorizedBy)}`,
        duty.legalBasis !== undefined && `cites "${duty.legalBasis}"`,
    ].filter(Boolean).join(' ');
}

/** An off-ramp's clauses after `deescalate A to B`: `when separation >= 3 nm after verify`. */
/** An off-ramp's condition for a table's "when" column: the condition, then the steps it waits for. */
export function offrampWhen(deescalation: Deescalation): string {
    return [
        deescalation.condition && conditionText(deescalation.condition),
        deescalation.after.length > 0 && `after ${deescalation.after.join(', ')}`,
    ].filter(Boolean).join(' ');
}

export function offrampText(deescalation: Deescalation): string {
    return [
        deescalation.condition && `when ${conditionText(deescalation.condition)}`,
        deescalation.after.length > 0 && `after ${deescalation.after.join(', ')}`,
    ].filter(Boolean).join(' ');
}
