// What changed between two versions of a protocol: the situations whose level or response changed (as
// regions, each with a witness, summarised when a whole level changed), and every element of the text
// added, removed or changed, field by field, as written — a label change as a label change.
import type { Labelled, Protocol, Response, Step } from '../model/protocol.js';
import { AnalysisContext, type ConcreteWitness } from './context.js';
import { includedResponses } from './deadlines.js';
import { LevelFunction } from './levels.js';
import type { Box } from './boxes.js';
import type { Budget } from './budget.js';
import type { Region } from './regions.js';
import { SituationSpace } from './situations.js';
import { actorName, conditionText, dutyTimingText, offrampWhen, quantityText, stepClauses, stepText, testText, timingText } from '../model/syntax.js';

/** The pseudo-level of situations outside a version's scope. */
export const OUTSIDE = '(outside the scope)';

export interface SituationChange {
    /** The level before and after (OUTSIDE outside a scope); equal for a change of response only. */
    readonly from: string;
    readonly to: string;
    /** The changed situations, as boxes of the shared situation space (merged, in indicator order). */
    readonly boxes: readonly Box[];
    /**
     * `from`: every situation that was at `from` changed this way; `to`: every situation now at `to`
     * came this way; both: the two regions are the same. Readers then need no list of boxes.
     */
    readonly whole?: 'from' | 'to' | 'both';
    readonly example: ConcreteWitness;
}

/** One field of an element, before and after, as written. */
export interface FieldChange {
    readonly field: string;
    readonly before: string;
    readonly after: string;
}

/** An element added, removed or changed; `before` and `after` are its summaries as written. */
export interface NamedChange {
    readonly name: string;
    readonly change: 'added' | 'removed' | 'changed';
    readonly before?: string;
    readonly after?: string;
    /** What differs, for changed elements: `condition`, `label`, `latency`, … with both texts. */
    readonly fields: readonly FieldChange[];
}

export type ElementKind =
    | 'protocol' | 'parties' | 'organs' | 'roles' | 'mediators' | 'bodies' | 'channels' | 'actions' | 'events' | 'indicators'
    | 'levels' | 'scope' | 'rules' | 'responses' | 'steps' | 'duties' | 'deescalations' | 'scenarios';

export interface ElementChanges {
    readonly kind: ElementKind;
    /** For people: `Channels`, `Red lines and thresholds`. */
    readonly title: string;
    readonly changes: readonly NamedChange[];
}

export interface ProtocolDiff {
    readonly before: Protocol;
    readonly after: Protocol;
    /** Undefined when the two versions' indicators cannot be compared (a changed type or member list). */
    readonly space?: SituationSpace;
    readonly incomparable?: string;
    readonly levelChanges: readonly SituationChange[];
    readonly responseChanges: readonly SituationChange[];
    /** The changed elements, by kind, in the order of a protocol's text; kinds without changes left out. */
    readonly elements: readonly ElementChanges[];
}

export function diffProtocols(before: Protocol, after: Protocol, budget?: Budget): ProtocolDiff {
    const elements = ELEMENTS
        .map(({ kind, title, list, key, fields, summary }) => ({ kind, title, changes: compareNamed(list(before), list(after), key, fields, summary) }))
        .filter(element => element.changes.length > 0);
    const incomparable = incompatibility(before, after);
    if (incomparable) {
        return { before, after, incomparable, levelChanges: [], responseChanges: [], elements };
    }
    // One space for both versions: every indicator of either, and every boundary either mentions.
    const merged: Protocol = {
        ...after,
        indicators: [...before.indicators, ...after.indicators.filter(i => !before.indicators.some(b => b.name === i.name))],
        rules: [...before.rules, ...after.rules],
        scopes: [...before.scopes, ...after.scopes],
        deescalations: [...before.deescalations, ...after.deescalations],
        scenarios: [...before.scenarios, ...after.scenarios],
    };
    const space = new SituationSpace(merged, { budget });
    const old = new LevelFunction({ ...before, indicators: merged.indicators }, space);
    const now = new AnalysisContext({ ...after, indicators: merged.indicators }, space);
    // Each version's levels, and what lies outside its scope.
    const regions = (levels: LevelFunction, protocol: Protocol) => [
        ...protocol.levels.map(level => ({ name: level.name, region: levels.region(level.rank) })),
        ...(protocol.scopes.length > 0 ? [{ name: OUTSIDE, region: levels.inside.complement() }] : []),
    ];
    const oldRegions = regions(old, before);
    const newRegions = regions(now.levels, after);
    const change = (a: { name: string; region: Region }, b: { name: string; region: Region }, region: Region): SituationChange => {
        const wholeFrom = region.covers(a.region);
        const wholeTo = region.covers(b.region);
        return {
            from: a.name, to: b.name, boxes: region.merged().boxes, example: now.witness(region),
            ...(wholeFrom || wholeTo ? { whole: wholeFrom && wholeTo ? 'both' : wholeFrom ? 'from' : 'to' } : {}),
        };
    };
    const levelChanges: SituationChange[] = [];
    for (const a of oldRegions) {
        for (const b of newRegions) {
            if (a.name === b.name) continue;
            const region = a.region.intersect(b.region);
            if (!region.isEmpty) levelChanges.push(change(a, b, region));
        }
    }
    const responseChanges: SituationChange[] = [];
    for (const a of oldRegions) {
        const b = newRegions.find(l => l.name === a.name);
        if (!b || a.name === OUTSIDE || sameResponse(before, after, a.name)) continue;
        const region = a.region.intersect(b.region);
        if (!region.isEmpty) responseChanges.push(change(a, b, region));
    }
    return { before, after, space, levelChanges, responseChanges, elements };
}

export function hasChanges(diff: ProtocolDiff): boolean {
    return diff.levelChanges.length > 0 || diff.responseChanges.length > 0 || diff.incomparable !== undefined || diff.elements.length > 0;
}

/** Two versions can be compared situation by situation when shared indicators keep their type and members. */
function incompatibility(before: Protocol, after: Protocol): string | undefined {
    for (const old of before.indicators) {
        const now = after.indicators.find(i => i.name === old.name);
        if (now && (now.kind !== old.kind || (old.members ?? []).join() !== (now.members ?? []).join())) {
            return `indicator '${old.name}' changed from ${typeText(old)} to ${typeText(now)}`;
        }
    }
    return undefined;
}

/** Whether the steps due at a level are the same in both versions (its response, what it includes). */
function sameResponse(before: Protocol, after: Protocol, level: string): boolean {
    const text = (protocol: Protocol) => {
        const response = protocol.responses.find(r => r.level === level);
        if (!response) return '';
        return includedResponses(protocol, response).map(r => `${r.within ? quantityText(r.within) : ''}|${r.steps.map(stepClauses).join(';')}`).join('+');
    };
    return text(before) === text(after);
}

/** A response by what makes it due: `Alert`, or `to NearBorder`. */
export function responseKey(response: Response): string {
    return response.level ?? `to ${response.rule}`;
}

// ---- The elements of a protocol, each with its key, its fields and its summary -------------------

interface ElementDescription<T> {
    readonly kind: ElementKind;
    readonly title: string;
    readonly list: (protocol: Protocol) => readonly T[];
    readonly key: (value: T) => string;
    readonly fields: (value: T) => Record<string, string>;
    readonly summary: (value: T) => string;
}

function element<T>(description: ElementDescription<T>): ElementDescription<unknown> {
    return description as ElementDescription<unknown>;
}

/** A label and each of its translations, as fields: `label`, `label @fr`. */
function labelFields(item: Labelled): Record<string, string> {
    return {
        label: item.label,
        ...Object.fromEntries(Object.entries(item.translations ?? {}).map(([language, text]) => [`label @${language}`, text])),
    };
}

const NONE = 'none';
const yes = (value: boolean) => value ? 'yes' : 'no';

const ELEMENTS: ReadonlyArray<ElementDescription<unknown>> = [
    element<Protocol>({
        kind: 'protocol', title: 'Protocol',
        list: protocol => [protocol], key: () => 'protocol',
        fields: p => ({
            name: p.name, title: p.title,
            ...Object.fromEntries(Object.entries(p.titleTranslations ?? {}).map(([language, text]) => [`title @${language}`, text])),
            version: p.version ?? NONE, date: p.date ?? NONE, status: p.status ?? NONE, supersedes: p.supersedes ?? NONE,
            languages: p.languages.join(', ') || NONE, confidential: yes(p.confidential), 'bound parties': p.bound.join(', ') || NONE,
            'require reciprocity': yes(p.requireReciprocity),
        }),
        summary: p => p.title,
    }),
    element<Protocol['parties'][number]>({
        kind: 'parties', title: 'Parties', list: p => p.parties, key: party => party.name,
        fields: labelFields, summary: party => party.label,
    }),
    element<{ name: string; label: string; translations?: Labelled['translations']; powers: readonly string[] }>({
        kind: 'organs', title: 'Organs', key: organ => organ.name,
        list: p => p.parties.flatMap(party => party.organs.map(organ => ({ ...organ, name: `${party.name}.${organ.name}` }))),
        fields: organ => ({ ...labelFields(organ), powers: organ.powers.join(', ') || NONE }),
        summary: organ => `${organ.label}${organ.powers.length > 0 ? `, authorizes ${organ.powers.join(', ')}` : ''}`,
    }),
    element<Protocol['roles'][number]>({ kind: 'roles', title: 'Roles', list: p => p.roles, key: r => r.name, fields: labelFields, summary: r => r.label }),
    element<Protocol['mediators'][number]>({ kind: 'mediators', title: 'Mediators', list: p => p.mediators, key: m => m.name, fields: labelFields, summary: m => m.label }),
    element<Protocol['bodies'][number]>({
        kind: 'bodies', title: 'Joint bodies', list: p => p.bodies, key: b => b.name,
        fields: b => ({ ...labelFields(b), members: b.members.join(', ') }), summary: b => `${b.label}, of ${b.members.join(', ')}`,
    }),
    element<Protocol['channels'][number]>({
        kind: 'channels', title: 'Channels', list: p => p.channels, key: c => c.name,
        fields: c => ({
            ...labelFields(c), ends: c.ends.map(actorName).join(', '), 'relayed by': c.relay ? actorName(c.relay) : NONE,
            latency: c.latency ? quantityText(c.latency) : NONE, fallback: c.fallback ?? NONE, confidential: yes(c.confidential),
        }),
        summary: c => `${c.confidential ? 'confidential ' : ''}${c.label}, links ${c.ends.map(actorName).join(', ')}${c.relay ? `, relayed by ${actorName(c.relay)}` : ''}` +
            `${c.latency ? `, latency ${quantityText(c.latency)}` : ''}${c.fallback ? `, fallback ${c.fallback}` : ''}`,
    }),
    element<Protocol['actions'][number]>({
        kind: 'actions', title: 'Actions', list: p => p.actions, key: a => a.name,
        fields: a => ({ ...labelFields(a), class: a.verbClass }), summary: a => `“${a.label}” (${a.verbClass})`,
    }),
    element<Protocol['events'][number]>({ kind: 'events', title: 'Events', list: p => p.events, key: e => e.name, fields: labelFields, summary: e => e.label }),
    element<Protocol['indicators'][number]>({
        kind: 'indicators', title: 'Indicators', list: p => p.indicators, key: i => i.name,
        fields: i => ({
            ...labelFields(i), type: typeText(i), unit: i.unit ?? NONE,
            direction: i.worse ? `worse when ${i.kind === 'flag' ? (i.worse === 'higher' ? 'true' : 'false') : i.worse}` : 'neutral',
            tentative: yes(i.tentative),
        }),
        summary: i => `${typeText(i)}${i.unit ? ` in ${i.unit}` : ''}${i.worse ? `, worse when ${i.kind === 'flag' ? (i.worse === 'higher' ? 'true' : 'false') : i.worse}` : ''}`,
    }),
    element<Protocol['levels'][number]>({
        kind: 'levels', title: 'Levels', list: p => p.levels, key: l => l.name,
        fields: l => ({ ...labelFields(l), position: `${l.rank + 1}` }), summary: l => `${l.label} (level ${l.rank + 1})`,
    }),
    element<{ name: string; citation?: string; condition: string }>({
        kind: 'scope', title: 'Scope', key: s => s.name,
        list: p => p.scopes.map((s, i) => ({ name: s.citation ?? `scope ${i + 1}`, citation: s.citation, condition: conditionText(s.condition) })),
        fields: s => ({ condition: s.condition }), summary: s => s.condition,
    }),
    element<Protocol['rules'][number]>({
        kind: 'rules', title: 'Thresholds and red lines', list: p => p.rules, key: r => r.name,
        fields: r => ({
            kind: r.kind === 'redline' ? 'red line' : 'threshold', level: r.level, citation: r.citation ?? NONE, condition: conditionText(r.condition),
            unless: r.unless ? conditionText(r.unless) : NONE, consequence: r.consequence ?? NONE,
            ...Object.fromEntries(Object.entries(r.consequenceTranslations ?? {}).map(([language, text]) => [`consequence @${language}`, text])),
            disclosure: r.disclosure ?? NONE,
        }),
        summary: r => `${r.kind === 'redline' ? 'red line ' : ''}${conditionText(r.condition)} -> ${r.level}${r.unless ? ` unless ${conditionText(r.unless)}` : ''}${r.citation ? ` (${r.citation})` : ''}`,
    }),
    element<Response>({
        kind: 'responses', title: 'Responses', list: p => p.responses, key: responseKey,
        fields: r => ({
            citation: r.citation ?? NONE, within: r.within ? quantityText(r.within) : NONE, includes: r.includes.join(', ') || NONE,
            confidential: yes(r.confidential),
        }),
        summary: r => `${r.confidential ? 'confidential ' : ''}response ${responseKey(r)}${r.within ? ` within ${quantityText(r.within)}` : ''}` +
            `${r.includes.length > 0 ? ` includes ${r.includes.join(', ')}` : ''}${r.citation ? ` (${r.citation})` : ''}`,
    }),
    element<{ name: string; step: Step }>({
        kind: 'steps', title: 'Steps', key: s => s.name,
        list: p => p.responses.flatMap(r => r.steps.map(step => ({ name: `${responseKey(r)}.${step.name}`, step }))),
        fields: ({ step: s }) => ({
            action: stepText(s), citation: s.citation ?? NONE, deadline: timingText(s), after: s.after.join(', ') || NONE,
            'if unresolved': yes(s.ifUnresolved), 'authorized by': s.authorizedBy ? actorName(s.authorizedBy) : NONE, cites: s.legalBasis ?? NONE,
            confidential: yes(s.confidential),
        }),
        summary: ({ step }) => `${step.confidential ? 'confidential ' : ''}${stepClauses(step)}`,
    }),
    element<Protocol['duties'][number]>({
        kind: 'duties', title: 'Duties', list: p => p.duties, key: d => d.name,
        fields: d => ({
            action: stepText(d), citation: d.citation ?? NONE, when: dutyTimingText(d.when),
            'authorized by': d.authorizedBy ? actorName(d.authorizedBy) : NONE, cites: d.legalBasis ?? NONE, confidential: yes(d.confidential),
        }),
        summary: d => `${d.confidential ? 'confidential ' : ''}${stepText(d)} ${dutyTimingText(d.when)}${d.citation ? ` (${d.citation})` : ''}`,
    }),
    element<Protocol['deescalations'][number]>({
        kind: 'deescalations', title: 'De-escalations', list: p => p.deescalations, key: d => `${d.from} → ${d.to}`,
        fields: d => ({
            citation: d.citation ?? NONE, when: d.condition ? conditionText(d.condition) : NONE, for: d.holdFor ? quantityText(d.holdFor) : NONE,
            after: d.after.join(', ') || NONE,
        }),
        summary: d => `${offrampWhen(d)}${d.holdFor ? ` for ${quantityText(d.holdFor)}` : ''}${d.citation ? ` (${d.citation})` : ''}`,
    }),
    element<Protocol['scenarios'][number]>({
        kind: 'scenarios', title: 'Scenarios', list: p => p.scenarios, key: s => s.name,
        fields: s => ({
            given: s.given.map(testText).join(', ') || NONE,
            expect: s.outside ? 'outside scope' : `${s.bound === 'exactly' ? '' : `${s.bound} `}${s.level}`,
            steps: s.steps.join(', ') || NONE, confidential: yes(s.confidential),
        }),
        summary: s => `given ${s.given.map(testText).join(', ') || 'anything'}, expect ${s.outside ? 'outside scope' : `${s.bound === 'exactly' ? '' : `${s.bound} `}${s.level}`}`,
    }),
];

function typeText(indicator: Protocol['indicators'][number]): string {
    if (indicator.members) return `${indicator.kind} ${indicator.members.join(indicator.kind === 'scale' ? ' < ' : ', ')}`;
    if (indicator.kind === 'measure') return indicator.dimension ?? 'measure';
    if (indicator.kind === 'count' && indicator.counts) {
        const { event, window } = indicator.counts;
        return ['count', event && `of ${event}`, window && `over ${quantityText(window)}`].filter(Boolean).join(' ');
    }
    return indicator.kind;
}

/** Added, removed and changed elements, matched by key; for changed ones, each differing field. */
function compareNamed<T>(before: readonly T[], after: readonly T[], key: (value: T) => string, fields: (value: T) => Record<string, string>, summary: (value: T) => string): NamedChange[] {
    const changes: NamedChange[] = [];
    const afterByKey = new Map(after.map(value => [key(value), value]));
    const beforeKeys = new Set(before.map(key));
    for (const old of before) {
        const name = key(old);
        const now = afterByKey.get(name);
        if (now === undefined) {
            changes.push({ name, change: 'removed', before: summary(old), fields: [] });
            continue;
        }
        const a = fields(old);
        const b = fields(now);
        const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .filter(field => a[field] !== b[field])
            .map(field => ({ field, before: a[field] ?? NONE, after: b[field] ?? NONE }));
        if (differing.length > 0) changes.push({ name, change: 'changed', before: summary(old), after: summary(now), fields: differing });
    }
    for (const now of after) {
        if (!beforeKeys.has(key(now))) changes.push({ name: key(now), change: 'added', after: summary(now), fields: [] });
    }
    return changes;
}
