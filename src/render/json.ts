// JSON: the protocol's structure and both tables, in base units (m, s, m/s, count, percent).
// The shape is specified by schemas/detente-tables.schema.json.
import type { Indicator, Protocol } from '../model/protocol.js';
import { type Rational, toExactString, toNumber } from '../model/rational.js';
import type { Constraint } from '../tables/constraints.js';
import { schedule } from '../analysis/deadlines.js';
import type { CompiledProtocol } from './compiled.js';
import { actorName, conditionText, testText, wholeNumberBounds } from './text.js';

const TABLES_FORMAT = 'detente-tables/1';

const BASE_UNITS: Record<string, string> = { distance: 'm', duration: 's', speed: 'm/s', count: 'count', percent: 'percent' };

export function renderJson(compiled: CompiledProtocol): string {
    return collect(out => writeJson(compiled, out));
}

/** The JSON document, chunk by chunk: the tables' rows are formatted one at a time, never all at once. */
export function writeJson(compiled: CompiledProtocol, out: (chunk: string) => void): void {
    const { protocol, tables } = compiled;
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
                conditions: conditions(row.constraints),
            })),
        },
        resolvedTable: {
            hitPolicy: 'UNIQUE',
            rows: new LazyArray(tables.resolvedRows, row => ({
                level: row.level.name,
                conditions: conditions(row.constraints),
                steps: (tables.steps.get(row.level.name) ?? []).map(s => s.step.name),
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
    return {
        name: protocol.name,
        title: protocol.title,
        ...(protocol.version ? { version: protocol.version } : {}),
        source: compiled.source,
        requireReciprocity: protocol.requireReciprocity,
        indicators: protocol.indicators.map(indicator => ({
            name: indicator.name,
            label: indicator.label,
            kind: indicator.kind,
            ...(BASE_UNITS[indicator.kind] ? { baseUnit: BASE_UNITS[indicator.kind] } : {}),
            ...(indicator.unit ? { unit: indicator.unit } : {}),
            ...(indicator.worse ? { worse: indicator.worse } : {}),
            ...(indicator.members ? { members: indicator.members } : {}),
            tentative: indicator.tentative,
        })),
        levels: protocol.levels.map(level => ({ name: level.name, label: level.label, rank: level.rank })),
        parties: protocol.parties.map(party => ({
            name: party.name, label: party.label,
            organs: party.organs.map(organ => ({ name: organ.name, label: organ.label, powers: organ.powers })),
        })),
        mediators: protocol.mediators.map(mediator => ({ name: mediator.name, label: mediator.label })),
        channels: protocol.channels.map(channel => ({
            name: channel.name, label: channel.label, ends: channel.ends.map(actorName),
            ...(channel.latency ? { latencySeconds: seconds(channel.latency.base) } : {}),
            ...(channel.fallback ? { fallback: channel.fallback } : {}),
        })),
        rules: protocol.rules.map(rule => ({
            name: rule.name, kind: rule.kind, ...(rule.citation ? { citation: rule.citation } : {}), level: rule.level,
            condition: conditionText(rule.condition),
            ...(rule.consequence ? { consequence: rule.consequence } : {}),
            ...(rule.disclosure ? { disclosure: rule.disclosure } : {}),
        })),
        responses: protocol.responses.map(response => ({
            ...(response.level !== undefined ? { level: response.level } : { rule: response.rule }),
            ...(response.citation ? { citation: response.citation } : {}),
            ...(response.within ? { withinSeconds: seconds(response.within.base) } : {}),
            ...(response.includes.length > 0 ? { includes: response.includes } : {}),
            steps: schedule(response).map(({ step, deadline, path }) => ({
                name: step.name,
                actor: actorName(step.actor),
                verb: step.verb,
                verbClass: step.verbClass,
                ...(step.counterpart ? { counterpart: actorName(step.counterpart) } : {}),
                ...(step.channel ? { channel: step.channel } : {}),
                withinSeconds: seconds(step.within.base),
                after: step.after,
                ifUnresolved: step.ifUnresolved,
                ...(step.authorizedBy ? { authorizedBy: actorName(step.authorizedBy) } : {}),
                ...(step.legalBasis ? { citation: step.legalBasis } : {}),
                ...(deadline ? { deadlineSeconds: seconds(deadline) } : {}),
                criticalPath: path.map(s => s.name),
            })),
        })),
        deescalations: protocol.deescalations.map(d => ({
            from: d.from, to: d.to, ...(d.condition ? { condition: conditionText(d.condition) } : {}), ...(d.after.length > 0 ? { after: d.after } : {}),
            ...(d.holdFor ? { holdForSeconds: seconds(d.holdFor.base) } : {}),
        })),
        scenarios: protocol.scenarios.map(s => ({
            name: s.name, given: s.given.map(testText), expect: { bound: s.bound, level: s.level }, steps: s.steps,
        })),
    };
}

/** Per indicator, its interval in base units with inclusive or exclusive ends, or its set of values. */
function conditions(constraints: readonly Constraint[]): Record<string, unknown> {
    return Object.fromEntries(constraints.map(constraint => [constraint.indicator.name, condition(constraint)]));
}

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

function baseUnit(indicator: Indicator): string {
    return BASE_UNITS[indicator.kind];
}

function seconds(value: Rational): number {
    return toNumber(value);
}
