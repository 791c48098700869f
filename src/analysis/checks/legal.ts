// Legal checks by verb class: force needs a legal basis, an authorization, and a verification before it;
// with `require reciprocity`, each party's obligation towards the other needs its mirror.
import type { ActorRef, Protocol, Response, Step } from '../../model/protocol.js';
import { type Finding, finding } from '../findings.js';
import { actorName } from '../../model/syntax.js';

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

export function checkReciprocity(protocol: Protocol): Finding[] {
    if (!protocol.requireReciprocity) return [];
    const findings: Finding[] = [];
    for (const response of protocol.responses) {
        for (const step of response.steps) {
            const from = partyOf(step.actor);
            const to = step.counterpart && partyOf(step.counterpart);
            if (!from || !to || from === to) continue; // mediators and steps towards nobody in particular are exempt
            const mirrored = response.steps.some(other =>
                other.verbClass === step.verbClass && partyOf(other.actor) === to && other.counterpart && partyOf(other.counterpart) === from);
            if (!mirrored) {
                findings.push(finding('reciprocity', step.source,
                    `Step '${step.name}' obliges ${from} towards ${to} (${step.verbClass}) at ${response.level}, ` +
                    `but no step there obliges ${to} towards ${from} in kind, as 'require reciprocity' demands.`));
            }
        }
    }
    return findings;
}

function partyOf(actor: ActorRef): string | undefined {
    return actor.kind === 'mediator' ? undefined : actor.party;
}
