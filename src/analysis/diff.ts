// What changed between two versions of a protocol: the situations whose level or response changed
// (as regions, each with a witness), and the rules, steps, levels and indicators added, removed or changed.
import type { Channel, Deescalation, Indicator, Level, Organ, Party, Protocol, Response, Rule, Step } from '../model/protocol.js';
import { AnalysisContext, type ConcreteWitness } from './context.js';
import { LevelFunction } from './levels.js';
import type { Box } from './boxes.js';
import type { Budget } from './budget.js';
import { SituationSpace } from './situations.js';
import { actorName, conditionText, quantityText, stepClauses, stepText, timingText } from '../model/syntax.js';

export interface SituationChange {
    /** The level before and after; equal for a change of response only. */
    readonly from: string;
    readonly to: string;
    /** The changed situations, as boxes of the shared situation space (merged, in indicator order). */
    readonly boxes: readonly Box[];
    readonly example: ConcreteWitness;
}

/** One field of a declaration, before and after, as written. */
export interface FieldChange {
    readonly field: string;
    readonly before: string;
    readonly after: string;
}

export interface NamedChange<T> {
    readonly name: string;
    readonly before?: T;
    readonly after?: T;
    /** What differs, for `changed` entries: `condition`, `label`, `latency`, … with both texts. */
    readonly fields: readonly FieldChange[];
}

export interface ProtocolDiff {
    readonly before: Protocol;
    readonly after: Protocol;
    /** Undefined when the two versions' indicators cannot be compared (a changed type or member list). */
    readonly space?: SituationSpace;
    readonly incomparable?: string;
    readonly levelChanges: readonly SituationChange[];
    readonly responseChanges: readonly SituationChange[];
    readonly levels: readonly NamedChange<Level>[];
    readonly parties: readonly NamedChange<Party>[];
    readonly organs: readonly NamedChange<Organ>[];
    readonly channels: readonly NamedChange<Channel>[];
    readonly indicators: readonly NamedChange<Indicator>[];
    readonly rules: readonly NamedChange<Rule>[];
    readonly responses: readonly NamedChange<Response>[];
    readonly steps: readonly NamedChange<Step>[];
    readonly deescalations: readonly NamedChange<Deescalation>[];
}

export function diffProtocols(before: Protocol, after: Protocol, budget?: Budget): ProtocolDiff {
    const structural = {
        levels: compareNamed(before.levels, after.levels, level => level.name, levelFields),
        parties: compareNamed(before.parties, after.parties, party => party.name, party => ({ label: party.label })),
        organs: compareNamed(organsOf(before), organsOf(after), organ => organ.name, organ => ({ label: organ.label, powers: organ.powers.join(', ') || 'none' })),
        channels: compareNamed(before.channels, after.channels, channel => channel.name, channelFields),
        indicators: compareNamed(before.indicators, after.indicators, indicator => indicator.name, indicatorFields),
        rules: compareNamed(before.rules, after.rules, rule => rule.name, ruleFields),
        responses: compareNamed(before.responses, after.responses, responseKey, response => ({
            citation: response.citation ?? 'none', within: response.within ? quantityText(response.within) : 'none', includes: response.includes.join(', ') || 'none',
        })),
        steps: compareNamed(allSteps(before), allSteps(after), ({ name }) => name, ({ value }) => stepFields(value)).map(unwrap),
        deescalations: compareNamed(before.deescalations, after.deescalations, d => `${d.from} → ${d.to}`, deescalationFields),
    };
    const incomparable = incompatibility(before, after);
    if (incomparable) {
        return { before, after, incomparable, levelChanges: [], responseChanges: [], ...structural };
    }
    // One space for both versions: every indicator of either, and every boundary either mentions.
    const merged: Protocol = {
        ...after,
        indicators: [...before.indicators, ...after.indicators.filter(i => !before.indicators.some(b => b.name === i.name))],
        rules: [...before.rules, ...after.rules],
        deescalations: [...before.deescalations, ...after.deescalations],
        scenarios: [...before.scenarios, ...after.scenarios],
    };
    const space = new SituationSpace(merged, { budget });
    const old = new LevelFunction({ ...before, indicators: merged.indicators }, space);
    const now = new AnalysisContext({ ...after, indicators: merged.indicators }, space);
    const levelChanges: SituationChange[] = [];
    for (const a of before.levels) {
        for (const b of after.levels) {
            if (a.name === b.name) continue;
            const region = old.region(a.rank).intersect(now.levels.region(b.rank));
            if (!region.isEmpty) {
                levelChanges.push({ from: a.name, to: b.name, boxes: region.merged().boxes, example: now.witness(region) });
            }
        }
    }
    const responseChanges: SituationChange[] = [];
    for (const a of before.levels) {
        const b = after.levels.find(l => l.name === a.name);
        if (!b || sameResponse(responseOf(before, a.name), responseOf(after, b.name))) continue;
        const region = old.region(a.rank).intersect(now.levels.region(b.rank));
        if (!region.isEmpty) {
            responseChanges.push({ from: a.name, to: b.name, boxes: region.merged().boxes, example: now.witness(region) });
        }
    }
    return { before, after, space, levelChanges, responseChanges, ...structural };
}

export function hasChanges(diff: ProtocolDiff): boolean {
    return diff.levelChanges.length > 0 || diff.responseChanges.length > 0 || diff.incomparable !== undefined
        || [diff.levels, diff.parties, diff.organs, diff.channels, diff.indicators, diff.rules, diff.responses, diff.steps, diff.deescalations]
            .some(list => list.length > 0);
}

/** Two versions can be compared situation by situation when shared indicators keep their type and members. */
function incompatibility(before: Protocol, after: Protocol): string | undefined {
    for (const old of before.indicators) {
        const now = after.indicators.find(i => i.name === old.name);
        if (now && (now.kind !== old.kind || (old.members ?? []).join() !== (now.members ?? []).join())) {
            return `indicator '${old.name}' changed from ${describe(old)} to ${describe(now)}`;
        }
    }
    return undefined;
}

function describe(indicator: Indicator): string {
    return indicator.members ? `${indicator.kind} ${indicator.members.join(', ')}` : indicator.kind;
}

function responseOf(protocol: Protocol, level: string): Response | undefined {
    return protocol.responses.find(r => r.level === level);
}

function sameResponse(a: Response | undefined, b: Response | undefined): boolean {
    if (!a || !b) return a === b;
    const within = (r: Response) => (r.within ? quantityText(r.within) : '');
    return within(a) === within(b) && a.steps.length === b.steps.length && a.steps.every((s, i) => stepClauses(s) === stepClauses(b.steps[i]));
}

/** A response by what makes it due: `Alert`, or `to NearBorder`. */
export function responseKey(response: Response): string {
    return response.level ?? `to ${response.rule}`;
}

function allSteps(protocol: Protocol): Array<{ name: string; value: Step }> {
    return protocol.responses.flatMap(r => r.steps.map(step => ({ name: `${responseKey(r)}.${step.name}`, value: step })));
}

function unwrap(change: NamedChange<{ name: string; value: Step }>): NamedChange<Step> {
    return { name: change.name, before: change.before?.value, after: change.after?.value, fields: change.fields };
}

/** Organs by their qualified name, `Aland.MoD`. */
function organsOf(protocol: Protocol): Organ[] {
    return protocol.parties.flatMap(party => party.organs.map(organ => ({ ...organ, name: `${party.name}.${organ.name}` })));
}

function levelFields(level: Level): Record<string, string> {
    return { label: level.label, position: `${level.rank + 1}` };
}

function channelFields(channel: Channel): Record<string, string> {
    return {
        label: channel.label,
        ends: channel.ends.map(actorName).join(', '),
        latency: channel.latency ? quantityText(channel.latency) : 'none',
        fallback: channel.fallback ?? 'none',
    };
}

function indicatorFields(i: Indicator): Record<string, string> {
    return { type: describe(i), label: i.label, unit: i.unit ?? '', direction: i.worse ? `worse when ${i.worse}` : 'neutral', tentative: String(i.tentative) };
}

function ruleFields(r: Rule): Record<string, string> {
    return {
        kind: r.kind === 'redline' ? 'red line' : 'threshold', level: r.level, citation: r.citation ?? 'none', condition: conditionText(r.condition),
        consequence: r.consequence ?? 'none', disclosure: r.disclosure ?? 'none',
    };
}

function stepFields(s: Step): Record<string, string> {
    return {
        action: stepText(s),
        citation: s.citation ?? 'none',
        deadline: timingText(s),
        after: s.after.join(', ') || 'none',
        'if unresolved': s.ifUnresolved ? 'yes' : 'no',
        'authorized by': s.authorizedBy ? actorName(s.authorizedBy) : 'none',
        cites: s.legalBasis ?? 'none',
    };
}

function deescalationFields(d: Deescalation): Record<string, string> {
    return {
        citation: d.citation ?? 'none', when: d.condition ? conditionText(d.condition) : 'none', for: d.holdFor ? quantityText(d.holdFor) : 'none',
        after: d.after.join(', ') || 'none',
    };
}

/** Added, removed and changed declarations, matched by key; for changed ones, each differing field. */
function compareNamed<T>(before: readonly T[], after: readonly T[], key: (value: T) => string, fields: (value: T) => Record<string, string>): NamedChange<T>[] {
    const changes: NamedChange<T>[] = [];
    const afterByKey = new Map(after.map(value => [key(value), value]));
    const beforeKeys = new Set(before.map(key));
    for (const old of before) {
        const name = key(old);
        const now = afterByKey.get(name);
        if (now === undefined) {
            changes.push({ name, before: old, fields: [] });
            continue;
        }
        const a = fields(old);
        const b = fields(now);
        const differing = Object.keys(a).filter(field => a[field] !== b[field]).map(field => ({ field, before: a[field], after: b[field] }));
        if (differing.length > 0) changes.push({ name, before: old, after: now, fields: differing });
    }
    for (const now of after) {
        if (!beforeKeys.has(key(now))) changes.push({ name: key(now), after: now, fields: [] });
    }
    return changes;
}
