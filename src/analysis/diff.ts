// What changed between two versions of a protocol: the situations whose level or response changed
// (as regions, each with a witness), and the rules, steps, levels and indicators added, removed or changed.
import type { Indicator, Protocol, Response, Rule, Step } from '../model/protocol.js';
import { AnalysisContext, type ConcreteWitness } from './context.js';
import { LevelFunction } from './levels.js';
import type { Box, Budget } from './regions.js';
import { SituationSpace } from './situations.js';
import { conditionText, quantityText, stepClauses } from '../model/syntax.js';

export interface SituationChange {
    /** The level before and after; equal for a change of response only. */
    readonly from: string;
    readonly to: string;
    /** The changed situations, as boxes of the shared situation space (merged, in indicator order). */
    readonly boxes: readonly Box[];
    readonly example: ConcreteWitness;
}

export interface NamedChange<T> {
    readonly name: string;
    readonly before?: T;
    readonly after?: T;
    /** What differs, for `changed` entries: `condition`, `level`, `citation`, … */
    readonly fields: readonly string[];
}

export interface ProtocolDiff {
    readonly before: Protocol;
    readonly after: Protocol;
    /** Undefined when the two versions' indicators cannot be compared (a changed type or member list). */
    readonly space?: SituationSpace;
    readonly incomparable?: string;
    readonly levelChanges: readonly SituationChange[];
    readonly responseChanges: readonly SituationChange[];
    readonly levels: readonly NamedChange<string>[];
    readonly indicators: readonly NamedChange<Indicator>[];
    readonly rules: readonly NamedChange<Rule>[];
    readonly steps: readonly NamedChange<Step>[];
    readonly deescalations: readonly NamedChange<string>[];
}

export function diffProtocols(before: Protocol, after: Protocol, budget?: Budget): ProtocolDiff {
    const structural = {
        levels: compareNamed(before.levels.map(l => ({ name: l.name, value: `${l.rank}:${l.label}` })), after.levels.map(l => ({ name: l.name, value: `${l.rank}:${l.label}` })), v => ({ rank: v })),
        indicators: compareNamed(before.indicators.map(i => ({ name: i.name, value: i })), after.indicators.map(i => ({ name: i.name, value: i })), indicatorFields),
        rules: compareNamed(before.rules.map(r => ({ name: r.name, value: r })), after.rules.map(r => ({ name: r.name, value: r })), ruleFields),
        steps: compareNamed(allSteps(before), allSteps(after), stepFields),
        deescalations: compareNamed(deescalationTexts(before), deescalationTexts(after), text => ({ condition: text })),
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
        || [diff.levels, diff.indicators, diff.rules, diff.steps, diff.deescalations].some(list => list.length > 0);
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

function deescalationTexts(protocol: Protocol): Array<{ name: string; value: string }> {
    return protocol.deescalations.map(d => ({
        name: `${d.from} → ${d.to}`,
        value: `when ${conditionText(d.condition)}${d.holdFor ? ` for ${quantityText(d.holdFor)}` : ''}`,
    }));
}

function allSteps(protocol: Protocol): Array<{ name: string; value: Step }> {
    return protocol.responses.flatMap(r => r.steps.map(step => ({ name: `${r.level}.${step.name}`, value: step })));
}

function indicatorFields(i: Indicator): Record<string, string> {
    return { type: describe(i), label: i.label, direction: i.worse ?? 'neutral', tentative: String(i.tentative) };
}

function ruleFields(r: Rule): Record<string, string> {
    return {
        kind: r.kind, level: r.level, citation: r.citation ?? '', condition: conditionText(r.condition),
        consequence: r.consequence ?? '', disclosure: r.disclosure ?? '',
    };
}

function stepFields(s: Step): Record<string, string> {
    return { step: stepClauses(s) };
}

function compareNamed<T>(before: Array<{ name: string; value: T }>, after: Array<{ name: string; value: T }>, fields: (value: T) => Record<string, string>): NamedChange<T>[] {
    const changes: NamedChange<T>[] = [];
    for (const old of before) {
        const now = after.find(x => x.name === old.name);
        if (!now) {
            changes.push({ name: old.name, before: old.value, fields: [] });
            continue;
        }
        const a = fields(old.value);
        const b = fields(now.value);
        const differing = Object.keys(a).filter(key => a[key] !== b[key]);
        if (differing.length > 0) changes.push({ name: old.name, before: old.value, after: now.value, fields: differing });
    }
    for (const now of after) {
        if (!before.some(x => x.name === now.name)) changes.push({ name: now.name, after: now.value, fields: [] });
    }
    return changes;
}
