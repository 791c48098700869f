// Procedure checks: deadlines against the response's `within`, and channels that reach, in time, the people they must.
import type { ActorRef, Channel, Protocol, Response, Step } from '../../model/protocol.js';
import { type Rational, compare } from '../../model/rational.js';
import { actorName } from '../../model/syntax.js';
import { formatDuration, schedule } from '../deadlines.js';
import { type Finding, finding } from '../findings.js';

export function checkDeadlines(protocol: Protocol): Finding[] {
    return protocol.responses.flatMap(response => response.within ? deadlinesOf(response, response.within.base) : []);
}

function deadlinesOf(response: Response, limit: Rational): Finding[] {
    const scheduled = schedule(response);
    const late = (deadline: Rational | undefined) => deadline !== undefined && compare(deadline, limit) > 0;
    const byStep = new Map(scheduled.map(s => [s.step, s]));
    return scheduled
        // Report the step where the path first runs late, not every later step on it.
        .filter(s => late(s.deadline) && !(s.path.length > 1 && late(byStep.get(s.path[s.path.length - 2])?.deadline)))
        .map(s => finding('deadline-exceeded', s.step.source,
            `Step '${s.step.name}' is due ${formatDuration(s.deadline!)} after entering ${response.level} ` +
            `(${s.path.map(step => `${step.name} ${formatDuration(step.within.base)}`).join(' → ')}), ` +
            `later than the response's ${formatDuration(limit)}.`));
}

export function checkChannels(protocol: Protocol): Finding[] {
    const channels = new Map(protocol.channels.map(channel => [channel.name, channel]));
    const findings: Finding[] = [];
    const mostSevere = protocol.levels[protocol.levels.length - 1]?.name;
    const warnedFallback = new Set<string>();
    for (const response of protocol.responses) {
        for (const step of response.steps) {
            const channel = step.channel === undefined ? undefined : channels.get(step.channel);
            if (!channel) continue;
            if (channel.latency && compare(channel.latency.base, step.within.base) > 0) {
                findings.push(finding('channel-latency', step.source,
                    `Step '${step.name}' must be done within ${formatDuration(step.within.base)}, but ${channel.name} takes ` +
                    `${formatDuration(channel.latency.base)} to deliver.`,
                    { related: [{ source: channel.source, message: `${channel.name} has a latency of ${formatDuration(channel.latency.base)}` }] }));
            }
            if (!links(channel, step)) {
                findings.push(finding('channel-endpoint', step.source,
                    `${channel.name} links ${channel.ends.map(actorName).join(' and ')}; it does not connect ` +
                    `${[step.actor, step.counterpart].filter(isDefined).map(actorName).join(' and ')} as step '${step.name}' requires.`,
                    { related: [{ source: channel.source, message: `${channel.name} is declared here` }] }));
            }
            findings.push(...checkFallbacks(channels, channel, step));
            if (response.level === mostSevere && !channel.fallback && !warnedFallback.has(channel.name)) {
                warnedFallback.add(channel.name);
                findings.push(finding('no-fallback-channel', step.source,
                    `Step '${step.name}' of the most severe level, ${response.level}, relies on ${channel.name}, which has no fallback: ` +
                    'if it fails in a crisis, the step cannot be taken.',
                    { related: [{ source: channel.source, message: `declare a fallback: channel ${channel.name} … fallback OTHER` }] }));
            }
        }
    }
    return findings;
}

/**
 * The channels a step falls back to when its own fails, in order: each fallback's own fallback in turn.
 * A step that must be done within D is not served by a fallback slower than D (`fallback-latency`), nor by
 * one that does not link its actor and counterpart (`fallback-endpoint`); the first of each in the chain is reported.
 */
function checkFallbacks(channels: ReadonlyMap<string, Channel>, channel: Channel, step: Step): Finding[] {
    const chain: Channel[] = [];
    for (let next = channel.fallback && channels.get(channel.fallback); next && next !== channel && !chain.includes(next); next = next.fallback && channels.get(next.fallback)) {
        chain.push(next);
    }
    const route = (until: Channel) => [channel, ...chain.slice(0, chain.indexOf(until) + 1)].map(c => c.name).join(' → ');
    const findings: Finding[] = [];
    const slow = chain.find(fallback => fallback.latency && compare(fallback.latency.base, step.within.base) > 0);
    if (slow) {
        findings.push(finding('fallback-latency', step.source,
            `Step '${step.name}' must be done within ${formatDuration(step.within.base)}, but should ${channel.name} fail, it falls back ` +
            `(${route(slow)}) to ${slow.name}, which takes ${formatDuration(slow.latency!.base)} to deliver.`,
            { related: [{ source: slow.source, message: `${slow.name} has a latency of ${formatDuration(slow.latency!.base)}` }] }));
    }
    const unlinked = chain.find(fallback => !links(fallback, step));
    if (unlinked) {
        findings.push(finding('fallback-endpoint', step.source,
            `Should ${channel.name} fail, step '${step.name}' falls back (${route(unlinked)}) to ${unlinked.name}, which links ` +
            `${unlinked.ends.map(actorName).join(' and ')}: it does not connect ${[step.actor, step.counterpart].filter(isDefined).map(actorName).join(' and ')}.`,
            { related: [{ source: unlinked.source, message: `${unlinked.name} is declared here` }] }));
    }
    return findings;
}

/**
 * Whether the channel connects the step's actor and counterpart: each must be at a different end,
 * where an end is that organ, its party, or that mediator (a whole party is reached through any of its organs).
 */
function links(channel: Channel, step: Step): boolean {
    const [a, b] = channel.ends;
    const { actor, counterpart } = step;
    if (!counterpart) return reaches(a, actor) || reaches(b, actor);
    return (reaches(a, actor) && reaches(b, counterpart)) || (reaches(b, actor) && reaches(a, counterpart));
}

function reaches(end: ActorRef, who: ActorRef): boolean {
    switch (who.kind) {
        case 'mediator': return end.kind === 'mediator' && end.mediator === who.mediator;
        case 'organ': return end.kind === 'party' ? end.party === who.party : end.kind === 'organ' && end.party === who.party && end.organ === who.organ;
        case 'party': return end.kind !== 'mediator' && end.party === who.party;
    }
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
