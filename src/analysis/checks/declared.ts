// Checks of what the protocol declares and refers to, without situations: events nothing refers to, and
// public elements that refer to confidential ones (which a public edition would leave dangling).
import type { Protocol, Step } from '../../model/protocol.js';
import { type Finding, finding } from '../findings.js';

/** unused-event: an event of the protocol that no duty and no counted indicator refers to. */
export function checkEvents(protocol: Protocol): Finding[] {
    const used = new Set([
        ...protocol.duties.flatMap(duty => duty.when.kind === 'before' || duty.when.kind === 'after' ? [duty.when.event] : []),
        ...protocol.indicators.flatMap(indicator => indicator.counts?.event ? [indicator.counts.event] : []),
    ]);
    return protocol.events.filter(event => !used.has(event.name)).map(event => finding('unused-event', event.source,
        `Event '${event.name}' is declared but no duty (before or after it) and no count (count of ${event.name}) refers to it, ` +
        'so nothing in the protocol, and nothing a replay reads, depends on it.'));
}

/**
 * confidential-leak: a public element that refers to a confidential one — a public step or duty through a
 * confidential channel or after a confidential step, a public response that includes a confidential one, a
 * public channel that falls back to a confidential one, an off-ramp that waits for a confidential step, a
 * public scenario that expects a confidential step. A confidential protocol has nothing public.
 */
export function checkConfidentialLeaks(protocol: Protocol): Finding[] {
    if (protocol.confidential) return [];
    const findings: Finding[] = [];
    const confidentialChannels = new Set(protocol.channels.filter(c => c.confidential).map(c => c.name));
    const responseOfLevel = new Map(protocol.responses.filter(r => r.level !== undefined).map(r => [r.level!, r]));
    const secretSteps = new Set(protocol.responses.flatMap(r => r.steps.filter(s => r.confidential || s.confidential).map(s => s.name)));
    const leak = (source: Step['source'], what: string, secret: string) =>
        findings.push(finding('confidential-leak', source, `${what} is public but refers to ${secret}, which is confidential: the public edition would leave it without it. ` +
            'Mark it confidential too, or make what it refers to public.'));
    for (const response of protocol.responses) {
        const title = response.level !== undefined ? `The response to ${response.level}` : `The response to ${response.rule}`;
        if (!response.confidential) {
            for (const level of response.includes) {
                if (responseOfLevel.get(level)?.confidential) leak(response.source, title, `the response to ${level} it includes`);
            }
        }
        for (const step of response.steps) {
            if (response.confidential || step.confidential) continue;
            if (step.channel && confidentialChannels.has(step.channel)) leak(step.source, `Step '${step.name}'`, `channel ${step.channel}`);
            const hidden = step.after.filter(name => secretSteps.has(name));
            if (hidden.length > 0) leak(step.source, `Step '${step.name}'`, `step ${hidden.join(', ')} it waits for`);
        }
    }
    for (const duty of protocol.duties) {
        if (!duty.confidential && duty.channel && confidentialChannels.has(duty.channel)) leak(duty.source, `Duty '${duty.name}'`, `channel ${duty.channel}`);
    }
    for (const channel of protocol.channels) {
        if (!channel.confidential && channel.fallback && confidentialChannels.has(channel.fallback)) {
            leak(channel.source, `Channel ${channel.name}`, `its fallback ${channel.fallback}`);
        }
    }
    for (const deescalation of protocol.deescalations) {
        const hidden = deescalation.after.filter(name => secretSteps.has(name));
        if (hidden.length > 0) leak(deescalation.source, `The de-escalation from ${deescalation.from} to ${deescalation.to}`, `step ${hidden.join(', ')}`);
    }
    for (const scenario of protocol.scenarios) {
        const hidden = scenario.confidential ? [] : scenario.steps.filter(name => secretSteps.has(name));
        if (hidden.length > 0) leak(scenario.source, `Scenario "${scenario.name}"`, `step ${hidden.join(', ')}`);
    }
    return findings;
}
