// JSON: the protocol's structure and both tables, in base units (m, s, m/s, Hz, count, percent, a declared dimension's base).
// The shape is specified by schemas/detente-tables.schema.json.
import type { Duty, Indicator, Labelled, Obligation, Protocol } from '../model/protocol.js';
import { type Rational, toExactString, toNumber } from '../model/rational.js';
import type { Box } from '../analysis/boxes.js';
import type { SituationSpace } from '../analysis/situations.js';
import { type Constraint, constraintOn } from '../tables/constraints.js';
import type { ResolvedRow } from '../tables/tables.js';
import { schedule } from '../analysis/deadlines.js';
import type { CompiledProtocol } from './compiled.js';
import { rowSteps } from './sections.js';
import { actorName, conditionText, testText, wholeNumberBounds } from './text.js';

const TABLES_FORMAT = 'detente-tables/2';

const BASE_UNITS: Record<string, string> = { distance: 'm', duration: 's', speed: 'm/s', frequency: 'Hz', count: 'count', percent: 'percent' };

export function renderJson(compiled: CompiledProtocol): string {
    return collect(out => writeJson(compiled, out));
}

/** The JSON document, chunk by chunk: the tables' rows are formatted one at a time, never all at once. */
export function writeJson(compiled: CompiledProtocol, out: (chunk: string) => void): void {
    const { protocol, tables } = compiled;
    // Rows repeat the same few ranges per indicator and the same steps per level: each is written once
    // and its text reused, so that a table of many thousand rows costs little more than its bytes.
    const conditionTexts = new ConditionTexts(tables.space);
    const steps = memoised((row: ResolvedRow) => `${row.level?.name ?? ''}\u0000${row.rules.join('\u0000')}`, row => rowSteps(compiled, row));
    const document = {
        format: TABLES_FORMAT,
        protocol: structure(protocol, compiled),
        ruleTable: {
            hitPolicy: 'PRIORITY',
            priority: tables.priority.map(level => level.name),
            rows: new LazyArray(tables.ruleRows, row => ({
                rule: row.rule.name,
                kind: row.rule.kind,
                part: row.part,
                parts: row.parts,
                ...(row.rule.citation ? { citation: row.rule.citation } : {}),
                level: row.level.name,
                conditions: new Conditions(row.box, conditionTexts),
            })),
        },
        ...(tables.scopeRows.length > 0 ? {
            scope: { rows: new LazyArray(tables.scopeRows, row => ({ conditions: new Conditions(row.box, conditionTexts) })) },
        } : {}),
        resolvedTable: {
            hitPolicy: 'UNIQUE',
            rows: new LazyArray(tables.resolvedRows, row => ({
                level: row.level?.name ?? null,
                conditions: new Conditions(row.box, conditionTexts),
                steps: steps(row),
            })),
        },
    };
    writeValue(document, '', out);
    out('\n');
}

/** An array whose items are made as they are written. */
class LazyArray<T> {
    constructor(readonly items: readonly T[], readonly item: (value: T) => unknown) { }
}

/** A row's conditions, one per indicator: the object `conditions` gives, written from remembered texts. */
class Conditions {
    constructor(readonly box: Box, readonly texts: ConditionTexts) { }
}

/** The text of each indicator's condition as a row's member, per range of cells and depth, made once. */
class ConditionTexts {
    /** Per indentation, per dimension: the text by `lo × size + hi`. */
    protected readonly made = new Map<string, Map<number, string>[]>();

    constructor(readonly space: SituationSpace) { }

    text(dimension: number, lo: number, hi: number, indent: string): string {
        let byDimension = this.made.get(indent);
        if (!byDimension) this.made.set(indent, byDimension = this.space.axes.map(() => new Map()));
        const key = lo * this.space.space.sizes[dimension] + hi;
        let text = byDimension[dimension].get(key);
        if (text === undefined) {
            const constraint = constraintOn(this.space, dimension, lo, hi);
            text = `${JSON.stringify(constraint.indicator.name)}: ${collect(out => writeValue(condition(constraint), indent, out))}`;
            byDimension[dimension].set(key, text);
        }
        return text;
    }
}

/** `make`, remembering its result per key. */
function memoised<T, R>(key: (value: T) => string, make: (value: T) => R): (value: T) => R {
    const made = new Map<string, R>();
    return value => {
        const k = key(value);
        let result = made.get(k);
        if (result === undefined) {
            result = make(value);
            made.set(k, result);
        }
        return result;
    };
}

/** As `JSON.stringify(value, null, 2)` writes it, in chunks (values are plain data: no `undefined`, no `toJSON`). */
function writeValue(value: unknown, indent: string, out: (chunk: string) => void): void {
    const inner = `${indent}  `;
    if (value instanceof LazyArray) {
        if (value.items.length === 0) return out('[]');
        out('[');
        value.items.forEach((item, i) => {
            out(`${i > 0 ? ',' : ''}\n${inner}`);
            writeValue(value.item(item), inner, out);
        });
        return out(`\n${indent}]`);
    }
    if (value instanceof Conditions) {
        const dimensions = value.box.length / 2;
        if (dimensions === 0) return out('{}');
        let text = '{';
        for (let d = 0; d < dimensions; d++) {
            text += `${d > 0 ? ',' : ''}\n${inner}${value.texts.text(d, value.box[2 * d], value.box[2 * d + 1], inner)}`;
        }
        return out(`${text}\n${indent}}`);
    }
    if (Array.isArray(value) || value === null || typeof value !== 'object') {
        return out(JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`));
    }
    const entries = Object.entries(value);
    if (entries.length === 0) return out('{}');
    out('{');
    entries.forEach(([key, item], i) => {
        out(`${i > 0 ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
        writeValue(item, inner, out);
    });
    out(`\n${indent}}`);
}

/** What a chunked writer writes, as one string. */
export function collect(write: (out: (chunk: string) => void) => void): string {
    const chunks: string[] = [];
    write(chunk => chunks.push(chunk));
    return chunks.join('');
}

function structure(protocol: Protocol, compiled: CompiledProtocol) {
    const obligation = (item: Obligation) => ({
        name: item.name,
        ...(item.citation ? { citation: item.citation } : {}),
        actor: actorName(item.actor),
        verb: item.verb,
        verbClass: item.verbClass,
        ...(item.phrase !== undefined ? { phrase: item.phrase } : {}),
        ...(item.counterpart ? { counterpart: actorName(item.counterpart) } : {}),
        ...(item.channel ? { channel: item.channel } : {}),
        ...(item.authorizedBy ? { authorizedBy: actorName(item.authorizedBy) } : {}),
        ...(item.legalBasis ? { legalBasis: item.legalBasis } : {}),
        confidential: item.confidential,
    });
    const labelled = (item: Labelled) => ({ name: item.name, label: item.label });
    return {
        name: protocol.name,
        title: protocol.title,
        ...(protocol.version ? { version: protocol.version } : {}),
        ...(protocol.date ? { date: protocol.date } : {}),
        ...(protocol.status ? { status: protocol.status } : {}),
        ...(protocol.supersedes ? { supersedes: protocol.supersedes } : {}),
        languages: protocol.languages,
        language: compiled.language,
        edition: compiled.edition,
        confidential: protocol.confidential,
        source: compiled.source,
        requireReciprocity: protocol.requireReciprocity,
        indicators: protocol.indicators.map(indicator => ({
            name: indicator.name,
            label: indicator.label,
            kind: indicator.kind,
            ...(indicator.kind === 'measure' && indicator.dimension ? { dimension: indicator.dimension } : {}),
            ...(baseUnit(indicator) ? { baseUnit: baseUnit(indicator) } : {}),
            ...(indicator.unit ? { unit: indicator.unit } : {}),
            ...(indicator.worse ? { worse: indicator.worse } : {}),
            ...(indicator.members ? { members: indicator.members } : {}),
            ...(indicator.counts?.event ? { countsEvent: indicator.counts.event } : {}),
            ...(indicator.counts?.window ? { windowSeconds: seconds(indicator.counts.window.base) } : {}),
            tentative: indicator.tentative,
        })),
        levels: protocol.levels.map(level => ({ name: level.name, label: level.label, rank: level.rank })),
        parties: protocol.parties.map(party => ({
            name: party.name, label: party.label, bound: protocol.bound.includes(party.name),
            organs: party.organs.map(organ => ({ name: organ.name, label: organ.label, powers: organ.powers })),
        })),
        roles: protocol.roles.map(labelled),
        mediators: protocol.mediators.map(labelled),
        bodies: protocol.bodies.map(body => ({ ...labelled(body), members: body.members })),
        channels: protocol.channels.map(channel => ({
            name: channel.name, label: channel.label, ends: channel.ends.map(actorName),
            ...(channel.relay ? { relay: actorName(channel.relay) } : {}),
            ...(channel.latency ? { latencySeconds: seconds(channel.latency.base) } : {}),
            ...(channel.fallback ? { fallback: channel.fallback } : {}),
            confidential: channel.confidential,
        })),
        actions: protocol.actions.map(action => ({ ...labelled(action), verbClass: action.verbClass })),
        events: protocol.events.map(labelled),
        scopes: protocol.scopes.map(scope => ({ ...(scope.citation ? { citation: scope.citation } : {}), condition: conditionText(scope.condition) })),
        rules: protocol.rules.map(rule => ({
            name: rule.name, kind: rule.kind, ...(rule.citation ? { citation: rule.citation } : {}), level: rule.level,
            condition: conditionText(rule.condition),
            ...(rule.unless ? { unless: conditionText(rule.unless) } : {}),
            ...(rule.consequence ? { consequence: rule.consequence } : {}),
            ...(rule.disclosure ? { disclosure: rule.disclosure } : {}),
        })),
        responses: protocol.responses.map(response => ({
            ...(response.level !== undefined ? { level: response.level } : { rule: response.rule }),
            ...(response.citation ? { citation: response.citation } : {}),
            ...(response.within ? { withinSeconds: seconds(response.within.base) } : {}),
            includes: response.includes,
            confidential: response.confidential,
            steps: schedule(response).map(({ step, deadline, path }) => ({
                ...obligation(step),
                timing: step.timing,
                withinSeconds: seconds(step.within.base),
                after: step.after,
                ifUnresolved: step.ifUnresolved,
                ...(deadline ? { deadlineSeconds: seconds(deadline) } : {}),
                criticalPath: path.map(s => s.name),
            })),
        })),
        duties: protocol.duties.map(duty => ({ ...obligation(duty), when: dutyWhen(duty) })),
        deescalations: protocol.deescalations.map(d => ({
            from: d.from, to: d.to, ...(d.citation ? { citation: d.citation } : {}),
            ...(d.condition ? { condition: conditionText(d.condition) } : {}), after: d.after,
            ...(d.holdFor ? { holdForSeconds: seconds(d.holdFor.base) } : {}),
        })),
        scenarios: protocol.scenarios.map(s => ({
            name: s.name, given: s.given.map(testText),
            expect: s.outside ? { outside: true } : { bound: s.bound, level: s.level }, steps: s.steps, confidential: s.confidential,
        })),
    };
}

/** A duty's timing as data: `{ kind: 'before', event, leadSeconds }`, … */
function dutyWhen(duty: Duty) {
    const when = duty.when;
    switch (when.kind) {
        case 'before': return { kind: when.kind, event: when.event, leadSeconds: seconds(when.lead.base) };
        case 'after': return { kind: when.kind, event: when.event, timing: when.timing, withinSeconds: seconds(when.within.base) };
        case 'every': return { kind: when.kind, periodSeconds: seconds(when.period.base) };
        case 'on': return { kind: when.kind, day: when.day, month: when.month, yearly: when.yearly };
    }
}

/** An indicator's interval in base units with inclusive or exclusive ends, or its set of values. */
function condition(constraint: Constraint): unknown {
    if (constraint.kind === 'members') {
        return { members: constraint.indicator.kind === 'flag' ? constraint.members.map(m => m === 'true') : constraint.members };
    }
    const { low, high } = wholeNumberBounds(constraint);
    return {
        unit: baseUnit(constraint.indicator),
        min: toNumber(low.value), minInclusive: low.inclusive, minExact: toExactString(low.value),
        ...(high ? { max: toNumber(high.value), maxInclusive: high.inclusive, maxExact: toExactString(high.value) } : {}),
    };
}

function baseUnit(indicator: Indicator): string | undefined {
    return indicator.kind === 'measure' ? indicator.units?.[0]?.symbol : BASE_UNITS[indicator.kind];
}

function seconds(value: Rational): number {
    return toNumber(value);
}
