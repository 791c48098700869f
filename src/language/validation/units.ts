// unit-mismatch: a value that does not fit its indicator (dimension, unit, member, flag, percent range).
import type { ValidationAcceptor } from 'langium';
import type { AstNode } from 'langium';
import { type Agent, type Between, type Comparison, type FlagTest, type Indicator, type Membership, type Quantity, type QuantityType, isMediator, isNamed, isParty, isRole } from '../generated/ast.js';
import { describeKind, durationProblem, indicatorKind, isMeasured, unitsOfDimension, useOf, valueProblem } from '../typing.js';
import { type Dimension, unitProblem, unitsOf } from '../../model/units.js';
import { report } from './report.js';

export function checkComparison(comparison: Comparison, accept: ValidationAcceptor): void {
    const indicator = comparison.indicator?.ref;
    const problem = indicator && valueProblem(indicator, comparison.value, useOf(comparison.operator, comparison));
    if (problem) {
        report(accept, 'unit-mismatch', capitalize(problem) + '.', { node: comparison, property: 'value' });
    }
}

export function checkBetween(between: Between, accept: ValidationAcceptor): void {
    const indicator = between.indicator?.ref;
    if (!indicator) return;
    for (const property of ['low', 'high'] as const) {
        const problem = valueProblem(indicator, between[property], 'between');
        if (problem) {
            report(accept, 'unit-mismatch', capitalize(problem) + '.', { node: between, property });
        }
    }
}

export function checkMembership(membership: Membership, accept: ValidationAcceptor): void {
    const indicator = membership.indicator?.ref;
    const kind = indicatorKind(indicator);
    if (indicator && kind && kind !== 'scale' && kind !== 'choice') {
        report(accept, 'unit-mismatch', `'${indicator.name}' is ${describeKind(kind)}; 'in { … }' takes the members of a scale or 'one of'.`,
            { node: membership, property: 'indicator' });
    }
}

export function checkFlagTest(test: FlagTest, accept: ValidationAcceptor): void {
    const indicator = test.indicator?.ref;
    const kind = indicatorKind(indicator);
    if (indicator && kind && kind !== 'flag') {
        report(accept, 'unit-mismatch', `'${indicator.name}' is ${describeKind(kind)}, not a flag; compare it with a value.`,
            { node: test, property: 'indicator' });
    }
}

/** `distance in nm`: the display unit must belong to the dimension. */
export function checkDisplayUnit(type: QuantityType, accept: ValidationAcceptor): void {
    if (type.unit === undefined) return;
    const dimension = type.dimension ?? type.declared?.ref?.name;
    const units = type.dimension ? unitsOf(type.dimension as Dimension) : type.declared?.ref ? unitsOfDimension(type.declared.ref) : undefined;
    if (!dimension || !units) return;
    const problem = unitProblem(dimension, units, type.unit);
    if (problem) {
        report(accept, 'unit-mismatch', capitalize(problem) + '.', { node: type, property: 'unit' });
    }
}

/** Latencies, deadlines and hold times are durations. */
export function checkDuration(quantity: Quantity | undefined, accept: ValidationAcceptor): void {
    if (!quantity) return;
    const problem = durationProblem(quantity);
    if (problem) {
        report(accept, 'unit-mismatch', capitalize(problem) + '.', { node: quantity });
    }
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `worse when` orders measured indicators only; flags, scales and choices have a fixed order or none. */
export function checkDirection(indicator: Indicator, accept: ValidationAcceptor): void {
    const kind = indicatorKind(indicator);
    const direction = indicator.direction;
    if (!direction || !kind) return;
    const truth = direction === 'true' || direction === 'false';
    if (isMeasured(kind) && truth) {
        report(accept, 'unit-mismatch', `'worse when ${direction}' is for flags; a measured indicator is worse when higher or lower.`, { node: indicator, property: 'direction' });
    } else if (kind === 'flag' && !truth) {
        report(accept, 'unit-mismatch', `A flag is worse when true or when false, not when ${direction}.`, { node: indicator, property: 'direction' });
    } else if (kind === 'scale' || kind === 'choice') {
        const order = kind === 'scale' ? "a scale's later members are worse" : "a 'one of' has no order";
        report(accept, 'unit-mismatch', `'worse when' applies to measured indicators and flags; ${order}.`, { node: indicator, property: 'direction' });
    }
}

/** `authorized by` names an organ: of a party, of a role's party, or of each party. */
export function checkAuthorizer(agent: Agent | undefined, accept: ValidationAcceptor): void {
    if (!agent || !isNamed(agent) || agent.organ || !agent.subject?.ref) return;
    report(accept, 'unresolved-reference', `'authorized by' names an organ, not ${describeSubject(agent.subject.ref)} '${agent.subject.$refText}'; write ${agent.subject.$refText}.Organ.`,
        { node: agent, property: 'subject' });
}

function describeSubject(subject: AstNode): string {
    return isParty(subject) ? 'the party' : isRole(subject) ? 'the role' : isMediator(subject) ? 'the mediator' : 'the body';
}
