// Legal checks by verb class: force needs a legal basis, an authorization, and a verification before it;
// with `require reciprocity`, each party's obligation towards another needs its mirror. Obligations written
// with roles or `each party` are checked for whichever party stands in them.
import type { ConcreteActor, Duty, Obligation, Protocol, Response, Step } from '../../model/protocol.js';
import { type Reading, describeBinding, isGeneric, partyOf, readings } from '../../model/roles.js';
import { actorName, dutyTimingText, stepText } from '../../model/syntax.js';
import { nameList } from '../context.js';
import { type Finding, finding } from '../findings.js';
import { includedResponses } from '../deadlines.js';

export function checkForce(protocol: Protocol): Finding[] {
    const findings: Finding[] = [];
    const force = (obligations: readonly Obligation[]) => obligations.filter(o => o.verbClass === 'force');
    for (const response of protocol.responses) {
        for (const step of force(response.steps) as Step[]) {
            findings.push(...forceProblems(protocol, step, 'Step'));
            if (!verifiedBefore(response, step)) {
                findings.push(finding('preemptive-force', step.source,
                    `Step '${step.name}' uses force with no verification before it: no step that verifies or inspects comes before it through 'after'. ` +
                    'Without verification, force is preemptive rather than preventive.'));
            }
        }
    }
    for (const duty of force(protocol.duties)) findings.push(...forceProblems(protocol, duty, 'Duty'));
    return findings;
}

function forceProblems(protocol: Protocol, obligation: Obligation, kind: string): Finding[] {
    const findings: Finding[] = [];
    if (!obligation.legalBasis) {
        findings.push(finding('force-without-legal-basis', obligation.source,
            `${kind} '${obligation.name}' (${actorName(obligation.actor)} ${obligation.verb}) uses force without a legal basis; add cites "…" with the provision that allows it.`));
    }
    const authorization = authorizationProblem(protocol, obligation);
    if (authorization) {
        findings.push(finding('force-without-authorization', obligation.source, `${kind} '${obligation.name}' uses force ${authorization}.`));
    }
    return findings;
}

function authorizationProblem(protocol: Protocol, obligation: Obligation): string | undefined {
    if (!obligation.authorizedBy) {
        return "without an authorization; add authorized by Party.Organ, naming an organ that 'authorizes force'";
    }
    for (const reading of readings(protocol, obligation)) {
        const problem = readingProblem(protocol, reading);
        if (problem) {
            const binding = describeBinding(reading.binding);
            return binding ? `${problem}, when ${binding}` : problem;
        }
    }
    return undefined;
}

function readingProblem(protocol: Protocol, reading: Reading): string | undefined {
    const by = reading.authorizedBy;
    if (!by || by.kind !== 'organ') {
        return `authorized by ${by ? actorName(by) : actorName(reading.obligation.authorizedBy!)}, which is not an organ that 'authorizes force'`;
    }
    const organ = protocol.parties.find(p => p.name === by.party)?.organs.find(o => o.name === by.organ);
    if (!organ?.powers.includes('force')) {
        return `authorized by ${by.party}.${by.organ}, which does not declare 'authorizes force'`;
    }
    const actorParty = partyOf(reading.actor);
    if (actorParty && actorParty !== by.party) {
        return `by ${actorParty}, authorized by ${by.party}.${by.organ} of another party`;
    }
    return undefined;
}

/** Whether some verification step precedes the step, directly or through other `after` steps. */
function verifiedBefore(response: Response, step: Step): boolean {
    const byName = new Map(response.steps.map(s => [s.name, s]));
    const seen = new Set<Step>();
    const queue = step.after.map(name => byName.get(name)).filter((s): s is Step => s !== undefined);
    for (let current = queue.shift(); current; current = queue.shift()) {
        if (seen.has(current)) continue;
        seen.add(current);
        if (current.verbClass === 'verification') return true;
        queue.push(...current.after.map(name => byName.get(name)).filter((s): s is Step => s !== undefined));
    }
    return false;
}

/**
 * With `require reciprocity`, each obligation of one named party — towards another party, towards nobody
 * in particular, or towards a third actor — needs its mirror among the obligations of the same group (the
 * same level's response and those it includes; for duties, those of the same timing): the same verb by each
 * other party concerned, towards the first party or towards nobody. Obligations of roles and `each party`
 * mirror themselves; mediators and bodies act for no party and are exempt.
 */
export function checkReciprocity(protocol: Protocol): Finding[] {
    if (!protocol.requireReciprocity) return [];
    const findings: Finding[] = [];
    for (const response of protocol.responses) {
        const group = includedResponses(protocol, response).flatMap(r => r.steps);
        const where = response.level ?? `the response to ${response.rule}`;
        for (const step of response.steps) findings.push(...mirrorProblems(protocol, step, group, `at ${where}`, 'Step'));
    }
    for (const duty of protocol.duties) {
        const group = protocol.duties.filter(other => dutyTimingText(other.when) === dutyTimingText(duty.when));
        findings.push(...mirrorProblems(protocol, duty, group, `(${dutyTimingText(duty.when)})`, 'Duty'));
    }
    return findings;
}

function mirrorProblems(protocol: Protocol, obligation: Step | Duty, group: ReadonlyArray<Step | Duty>, where: string, kind: string): Finding[] {
    if (isGeneric(obligation.actor)) return []; // a role or `each party` binds every party alike
    const from = partyOf(obligation.actor);
    if (!from) return [];
    const [reading] = readings(protocol, obligation);
    if (!reading) return [];
    // A party the protocol does not bind can owe no mirror (it may not act): addressed, it is a third actor, like a mediator.
    const towards = reading.counterparts.map(partyOf).filter((party): party is string => party !== undefined && party !== from && protocol.bound.includes(party));
    // Towards other parties, the mirror comes from each of them; towards nobody, or a third actor, from every other bound party.
    const others = towards.length > 0 ? [...new Set(towards)] : protocol.bound.filter(party => party !== from);
    const missing = others.filter(other => !group.some(candidate => candidate.verb === obligation.verb
        && readings(protocol, candidate).some(mirror => partyOf(mirror.actor) === other && mirrorsTowards(protocol, mirror, from, reading))));
    if (missing.length === 0) return [];
    const third = towards.length === 0 && obligation.counterpart ? ` ${actorName(obligation.counterpart)}` : '';
    const wanted = missing.map(other => `${other} ${obligation.verb}${towards.length > 0 ? ` ${from}` : third}`);
    return [finding('reciprocity', obligation.source,
        `${kind} '${obligation.name}' (${stepText(obligation)}) ${where} has no mirror: no ${kind.toLowerCase()} there in which ` +
        `${nameList(wanted, 3, 'or')}, as 'require reciprocity' demands.`)];
}

/**
 * Whether a mirror goes towards nobody, back to the party `from`, or to the same third actor as the original (a
 * mediator, a body, or a party the protocol does not bind).
 */
function mirrorsTowards(protocol: Protocol, mirror: Reading, from: string, original: Reading): boolean {
    const acting = partyOf(mirror.actor);
    const targets = mirror.counterparts.filter(c => partyOf(c) !== acting);
    if (targets.length === 0) return true;
    const third = (target: ConcreteActor) => { const party = partyOf(target); return party === undefined || !protocol.bound.includes(party); };
    return targets.some(target => partyOf(target) === from
        || (third(target) && original.counterparts.some(c => actorName(c) === actorName(target))));
}
