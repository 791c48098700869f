// Procedure checks: deadlines against the response's `within`, and channels that reach, in time, the people
// they must — for every party a role or `each party` can stand for.
import type { Channel, ConcreteActor, Duty, Obligation, Protocol, Response, Step } from '../../model/protocol.js';
import { type Rational, compare } from '../../model/rational.js';
import { type Reading, describeBinding, readings } from '../../model/roles.js';
import { actorName, stepText } from '../../model/syntax.js';
import { formatDuration, schedule, stepsDue } from '../deadlines.js';
import { type Finding, finding } from '../findings.js';

export function checkDeadlines(protocol: Protocol): Finding[] {
    return protocol.responses.flatMap(response => response.within ? deadlinesOf(response, response.within.base) : []);
}

/** How a response is named in messages: `entering Alert`, `NearBorder starting to hold`. */
export function responseMoment(response: Response): string {
    return response.level !== undefined ? `entering ${response.level}` : `${response.rule} starting to hold`;
}

function deadlinesOf(response: Response, limit: Rational): Finding[] {
    const scheduled = schedule(response);
    const late = (deadline: Rational | undefined) => deadline !== undefined && compare(deadline, limit) > 0;
    const byStep = new Map(scheduled.map(s => [s.step, s]));
    return scheduled
        // Report the step where the path first runs late, not every later step on it.
        .filter(s => late(s.deadline) && !(s.path.length > 1 && late(byStep.get(s.path[s.path.length - 2])?.deadline)))
        .map(s => finding('deadline-exceeded', s.step.source,
            `Step '${s.step.name}' is due ${formatDuration(s.deadline!)} after ${responseMoment(response)} ` +
            `(${s.path.map(step => `${step.name} ${formatDuration(step.within.base)}`).join(' → ')}), ` +
            `later than the response's ${formatDuration(limit)}.`));
}

/** The time an obligation has once it is due, when the channel's speed matters; undefined for `immediately` and notice periods. */
function timeAllowed(obligation: Step | Duty): Rational | undefined {
    if ('timing' in obligation) return obligation.timing === 'within' ? obligation.within.base : undefined;
    return obligation.when.kind === 'after' && obligation.when.timing === 'within' ? obligation.when.within.base : undefined;
}

export function checkChannels(protocol: Protocol): Finding[] {
    const channels = new Map(protocol.channels.map(channel => [channel.name, channel]));
    const findings: Finding[] = [];
    const mostSevere = protocol.levels[protocol.levels.length - 1]?.name;
    // Every step due at the most severe level: its response's, and those of the responses it includes.
    const dueAtTop = new Set(mostSevere === undefined ? [] : stepsDue(protocol, mostSevere).map(due => due.step));
    const warnedFallback = new Set<string>();
    const obligations: Array<{ obligation: Step | Duty; response?: Response }> = [
        ...protocol.responses.flatMap(response => response.steps.map(obligation => ({ obligation, response }))),
        ...protocol.duties.map(obligation => ({ obligation })),
    ];
    for (const { obligation, response } of obligations) {
        const channel = obligation.channel === undefined ? undefined : channels.get(obligation.channel);
        if (!channel) continue;
        const kind = response ? 'Step' : 'Duty';
        const allowed = timeAllowed(obligation);
        if (channel.latency && allowed !== undefined && compare(channel.latency.base, allowed) > 0) {
            findings.push(finding('channel-latency', obligation.source,
                `${kind} '${obligation.name}' must be done within ${formatDuration(allowed)}, but ${channel.name} takes ` +
                `${formatDuration(channel.latency.base)} to deliver.`,
                { related: [{ source: channel.source, message: `${channel.name} has a latency of ${formatDuration(channel.latency.base)}` }] }));
        }
        const unlinked = readings(protocol, obligation).find(reading => !links(channel, reading));
        if (unlinked) {
            findings.push(finding('channel-endpoint', obligation.source,
                `${channel.name} links ${endsText(channel)}; it does not connect ${partiesText(unlinked)} as ${kind.toLowerCase()} ` +
                `'${obligation.name}' requires${bindingText(unlinked)}.`,
                { related: [{ source: channel.source, message: `${channel.name} is declared here` }] }));
        }
        findings.push(...checkFallbacks(protocol, channels, channel, obligation, kind, allowed));
        if (response && dueAtTop.has(obligation as Step) && !channel.fallback && !warnedFallback.has(channel.name)) {
            warnedFallback.add(channel.name);
            findings.push(finding('no-fallback-channel', obligation.source,
                `Step '${obligation.name}', due at the most severe level, ${mostSevere}, relies on ${channel.name}, which has no fallback: ` +
                'if it fails in a crisis, the step cannot be taken.',
                { related: [{ source: channel.source, message: `declare a fallback: channel ${channel.name} … fallback OTHER` }] }));
        }
    }
    return findings;
}

/**
 * The channels an obligation falls back to when its own fails, in order: each fallback's own fallback in turn.
 * An obligation that must be done within D is not served by a fallback slower than D (`fallback-latency`),
 * nor by one that does not link its actor and counterpart (`fallback-endpoint`); the first of each in the chain is reported.
 */
function checkFallbacks(protocol: Protocol, channels: ReadonlyMap<string, Channel>, channel: Channel, obligation: Obligation,
    kind: string, allowed: Rational | undefined): Finding[] {
    const chain: Channel[] = [];
    for (let next = channel.fallback && channels.get(channel.fallback); next && next !== channel && !chain.includes(next); next = next.fallback && channels.get(next.fallback)) {
        chain.push(next);
    }
    const route = (until: Channel) => [channel, ...chain.slice(0, chain.indexOf(until) + 1)].map(c => c.name).join(' → ');
    const findings: Finding[] = [];
    const slow = allowed === undefined ? undefined : chain.find(fallback => fallback.latency && compare(fallback.latency.base, allowed) > 0);
    if (slow && allowed !== undefined) {
        findings.push(finding('fallback-latency', obligation.source,
            `${kind} '${obligation.name}' must be done within ${formatDuration(allowed)}, but should ${channel.name} fail, it falls back ` +
            `(${route(slow)}) to ${slow.name}, which takes ${formatDuration(slow.latency!.base)} to deliver.`,
            { related: [{ source: slow.source, message: `${slow.name} has a latency of ${formatDuration(slow.latency!.base)}` }] }));
    }
    for (const fallback of chain) {
        const unlinked = readings(protocol, obligation).find(reading => !links(fallback, reading));
        if (!unlinked) continue;
        findings.push(finding('fallback-endpoint', obligation.source,
            `Should ${channel.name} fail, ${kind.toLowerCase()} '${obligation.name}' falls back (${route(fallback)}) to ${fallback.name}, which links ` +
            `${endsText(fallback)}: it does not connect ${partiesText(unlinked)}${bindingText(unlinked)}.`,
            { related: [{ source: fallback.source, message: `${fallback.name} is declared here` }] }));
        break;
    }
    return findings;
}

function endsText(channel: Channel): string {
    const ends = channel.ends.map(actorName);
    return ends.length === 2 ? ends.join(' and ') : `${ends.slice(0, -1).join(', ')} and ${ends[ends.length - 1]}`;
}

/** `Aland.MoD and Borea.MoD`: who a reading has act and address. */
function partiesText(reading: Reading): string {
    return [reading.actor, ...reading.counterparts].map(actorName).join(' and ');
}

/** For a reading of roles or `each party`: the obligation as written and which party stands for which. */
function bindingText(reading: Reading): string {
    const binding = describeBinding(reading.binding);
    return binding ? ` (${stepText(reading.obligation)}, with ${binding})` : '';
}

/**
 * Whether the channel connects a reading's actor with each of its counterparts, each at a different end, where
 * an end is that organ, its party, that mediator or that body (a whole party is reached through any of its
 * organs); without a counterpart, whether the actor is at one of its ends.
 */
function links(channel: Channel, reading: Reading): boolean {
    const ends = channel.ends;
    const actorEnds = ends.map((end, i) => reaches(end, reading.actor) ? i : -1).filter(i => i >= 0);
    if (actorEnds.length === 0) return false;
    return reading.counterparts.every(counterpart => ends.some((end, i) => reaches(end, counterpart) && actorEnds.some(a => a !== i)));
}

function reaches(end: ConcreteActor, who: ConcreteActor): boolean {
    switch (who.kind) {
        case 'mediator': return end.kind === 'mediator' && end.mediator === who.mediator;
        case 'body': return end.kind === 'body' && end.body === who.body;
        case 'organ': return end.kind === 'party' ? end.party === who.party : end.kind === 'organ' && end.party === who.party && end.organ === who.organ;
        case 'party': return (end.kind === 'party' || end.kind === 'organ') && end.party === who.party;
    }
}
