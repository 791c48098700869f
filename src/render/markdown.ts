// Markdown (GitHub-flavoured): the ladder, the rule table, the resolved table and the responses.
import type { Protocol } from '../model/protocol.js';
import type { CompiledProtocol } from './compiled.js';
import { actorName, constraintText, formatDuration, levelTitle, offrampWhen, stepText } from './text.js';

/**
 * Every character some reader takes for the end of a line: CommonMark ends lines at a lone CR too,
 * and other renderers and editors at vertical tab, form feed, NEL and the Unicode separators. Any of
 * them would let protocol text start a table row, a heading or a numbered paragraph of its own.
 */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/** Escapes protocol text for Markdown: no HTML, no emphasis, no links, no table breaks, no new lines. */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/[\\`*_[\]|#]/g, match => `\\${match}`)
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(LINE_BREAKS, ' ');
}

/** Generated cells (bounds, units, names) need only the table separator escaped. */
function cell(text: string): string {
    return text.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(compiled: CompiledProtocol): string {
    const { protocol, tables } = compiled;
    const indicatorNames = protocol.indicators.map(i => escapeMarkdown(i.name));
    const out: string[] = [];
    out.push(`# ${escapeMarkdown(protocol.name)} — ${escapeMarkdown(protocol.title)}`, '');
    out.push(`${protocol.version ? `Version ${escapeMarkdown(protocol.version)} · ` : ''}Source: ${escapeMarkdown(compiled.source)}`, '');

    out.push('## Escalation ladder', '');
    out.push(table(['rank', 'level', 'label', 'rules leading to it', 'response within'], [...protocol.levels].reverse().map(level => [
        String(level.rank),
        escapeMarkdown(level.name),
        escapeMarkdown(level.label),
        protocol.rules.filter(r => r.level === level.name).map(r => escapeMarkdown(r.name)).join(', ') || (level.rank === 0 ? '(baseline)' : '—'),
        responseWithin(protocol, level.name),
    ])), '');

    out.push('## Indicators', '');
    out.push(table(['indicator', 'description', 'type', 'worse when', 'shown in'], protocol.indicators.map(indicator => [
        escapeMarkdown(indicator.name),
        escapeMarkdown(indicator.label) + (indicator.tentative ? ' *(tentative)*' : ''),
        indicator.kind === 'scale' || indicator.kind === 'choice'
            ? `${indicator.kind === 'scale' ? 'scale' : 'one of'} ${indicator.members!.map(escapeMarkdown).join(indicator.kind === 'scale' ? ' < ' : ', ')}`
            : indicator.kind,
        indicator.kind === 'flag' ? 'true' : indicator.kind === 'scale' ? 'later' : indicator.worse ?? 'neutral',
        indicator.unit ?? '',
    ])), '');

    out.push('## Rule table', '');
    out.push('Hit policy PRIORITY: the level of a situation is the most severe level among the rules that hold, or the baseline when none holds.', '');
    out.push(table(['rule', 'citation', ...indicatorNames, 'level'], tables.ruleRows.map(row => [
        `${row.rule.kind === 'redline' ? '**red line** ' : ''}${escapeMarkdown(row.rule.name)}${row.parts > 1 ? ` (${row.part}/${row.parts})` : ''}`,
        escapeMarkdown(row.rule.citation ?? ''),
        ...row.constraints.map(c => cell(constraintText(c))),
        escapeMarkdown(row.level.name),
    ])), '');

    out.push('## Resolved table', '');
    out.push('Hit policy UNIQUE: every situation falls in exactly one row. Rows run from the most severe level down.', '');
    out.push(table([...indicatorNames, 'level', 'steps due'], tables.resolvedRows.map(row => [
        ...row.constraints.map(c => cell(constraintText(c))),
        escapeMarkdown(row.level.name),
        (tables.steps.get(row.level.name) ?? []).map(s => escapeMarkdown(s.step.name)).join(', ') || '—',
    ])), '');

    out.push('## Responses', '');
    for (const response of protocol.responses) {
        const level = protocol.levels.find(l => l.name === response.level)!;
        out.push(`### ${escapeMarkdown(levelTitle(level))}${response.within ? ` — within ${formatDuration(response.within.base)}` : ''}`, '');
        out.push(table(['step', 'action', 'within', 'due by', 'after', 'conditions'], (tables.steps.get(level.name) ?? []).map(({ step, deadline, path }) => [
            escapeMarkdown(step.name),
            escapeMarkdown(stepText(step)),
            formatDuration(step.within.base),
            deadline ? `${formatDuration(deadline)}${path.length > 1 ? ` (${path.map(s => escapeMarkdown(s.name)).join(' → ')})` : ''}` : 'no deadline',
            step.after.map(escapeMarkdown).join(', '),
            [
                step.ifUnresolved ? 'if unresolved' : '',
                step.authorizedBy ? `authorized by ${escapeMarkdown(actorName(step.authorizedBy))}` : '',
                step.legalBasis ? `cites ${escapeMarkdown(step.legalBasis)}` : '',
            ].filter(Boolean).join('; '),
        ])), '');
    }

    if (protocol.deescalations.length > 0) {
        out.push('## De-escalation', '');
        out.push(table(['from', 'to', 'when', 'for'], protocol.deescalations.map(d => [
            escapeMarkdown(d.from), escapeMarkdown(d.to), cell(offrampWhen(d)), d.holdFor ? formatDuration(d.holdFor.base) : '—',
        ])), '');
    }
    return out.join('\n');
}

function responseWithin(protocol: Protocol, level: string): string {
    const response = protocol.responses.find(r => r.level === level);
    return response ? (response.within ? formatDuration(response.within.base) : 'declared') : '—';
}
