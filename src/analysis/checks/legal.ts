// Legal checks by verb class: force needs a legal basis, an authorization, and a verification before it;
// with `require reciprocity`, each party's obligation towards the other needs its mirror.
import type { ActorRef, Protocol, Response, Step } from '../../model/protocol.js';
import { type Finding, finding } from '../findings.js';
import { actorName, stepText } from '../../model/syntax.js';
import { nameList } from '../context.js';

export function checkForce(protocol: Protocol): Finding[] {
    const findings: Finding[] = [];
    for (const response of protocol.responses) {
        for (const step of response.steps.filter(s => s.verbClass === 'force')) {
            if (!step.citation) {
                findings.push(finding('force-without-legal-basis', step.source,
                    `Step '${step.name}' (${actorName(step.actor)} ${step.verb}) uses force without a legal basis; add cites "…" with the provision that allows it.`));
            }
            const authorization = authorizationProblem(protocol, step);
            if (authorization) {
                findings.push(finding('force-without-authorization', step.source, `Step '${step.name}' uses force ${authorization}.`));
            }
            if (!verifiedBefore(response, step)) {
                findings.push(finding('preemptive-force', step.source,
                    `Step '${step.name}' uses force with no verification before it: no step that verifies or inspects comes before it through 'after'. ` +
                    'Without verification, force is preemptive rather than preventive.'));
            }
        }
    }
    return findings;
}

function authorizationProblem(protocol: Protocol, step: Step): string | undefined {
    const by = step.authorizedBy;
    if (!by) {
        return "without an authorization; add authorized by Party.Organ, naming an organ that 'authorizes force'";
    }
    const organ = protocol.parties.find(p => p.name === by.party)?.organs.find(o => o.name === by.organ);
    if (!organ?.powers.includes('force')) {
        return `authorized by ${by.party}.${by.organ}, which does not declare 'authorizes force'`;
    }
    const actorParty = partyOf(step.actor);
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
 * With `require reciprocity`, each step of one party towards another (or towards nobody in particular)
 * needs its mirror at the same level: a step of the same verb by the other party, towards the first or
 * towards nobody. Mediators act for neither party and are exempt.
 */
export function checkReciprocity(protocol: Protocol): Finding[] {
    if (!protocol.requireReciprocity) return [];
    const parties = protocol.parties.map(party => party.name);
    const findings: Finding[] = [];
    for (const response of protocol.responses) {
        for (const step of response.steps) {
            const from = partyOf(step.actor);
            if (!from) continue;
            const towards = step.counterpart && partyOf(step.counterpart) !== from ? step.counterpart : undefined;
            const to = towards && partyOf(towards);
            // Towards a party, the mirror comes from that party; towards nobody, or a third actor, from every other party.
            const mirrors = to ? [to] : parties.filter(party => party !== from);
            const missing = mirrors.filter(other => !response.steps.some(mirror => mirror.verb === step.verb
                && partyOf(mirror.actor) === other && mirrorsTarget(mirror, from, towards)));
            if (missing.length === 0) continue;
            const wanted = missing.map(other => `${other} ${step.verb}${to ? ` ${from}` : towards ? ` ${actorName(towards)}` : ''}`);
            findings.push(finding('reciprocity', step.source,
                `Step '${step.name}' (${stepText(step)}) at ${response.level} has no mirror: no step there in which ` +
                `${nameList(wanted, 3, 'or')}, as 'require reciprocity' demands.`));
        }
    }
    return findings;
}

/** Whether a mirror step goes towards nobody, back to the party `from`, or to the same third actor as the original. */
function mirrorsTarget(mirror: Step, from: string, towards: ActorRef | undefined): boolean {
    const target = mirror.counterpart;
    if (!target || partyOf(target) === partyOf(mirror.actor) || partyOf(target) === from) return true;
    return towards !== undefined && partyOf(towards) === undefined && actorName(target) === actorName(towards);
}

function partyOf(actor: ActorRef): string | undefined {
    return actor.kind === 'mediator' ? undefined : actor.party;
}
