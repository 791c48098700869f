// Markdown (GitHub-flavoured): the ladder, the rule table, the resolved table and the responses.
import type { CompiledProtocol } from './compiled.js';
import { headerLine } from './metadata.js';
import { dutyRows, indicatorRows, ladderRows, offrampRows, redlineRows, responseSections, rowSteps, scopeRows } from './sections.js';
import { conditionText, constraintText } from './text.js';

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
    const { protocol, tables, phrases: p } = compiled;
    const md = escapeMarkdown;
    const secret = (text: string, confidential: boolean) => confidential ? `${text} *(${md(p.t('confidential'))})*` : text;
    const indicatorNames = protocol.indicators.map(i => md(i.name));
    const out: string[] = [];
    out.push(`# ${md(protocol.name)} — ${md(protocol.title)}`, '');
    out.push(md(headerLine(compiled)), '');

    out.push(`## ${p.t('table.ladder')}`, '');
    out.push(table([p.t('col.rank'), p.t('col.level'), p.t('col.label'), p.t('col.rulesLeading'), p.t('col.responseWithin')], ladderRows(compiled).map(row => [
        String(row.rank), md(row.name), md(row.label),
        row.rules.map(md).join(', ') || (row.rank === 1 ? `(${p.t('baseline')})` : '—'),
        md(row.response),
    ])), '');

    out.push(`## ${p.t('table.indicators')}`, '');
    out.push(table([p.t('col.indicator'), p.t('col.description'), p.t('col.type'), p.t('col.worseWhen'), p.t('col.unit')], indicatorRows(compiled).map(row => [
        md(row.name), md(row.label) + (row.tentative ? ` *(${p.t('tentative')})*` : ''), cell(row.type), row.worse, md(row.unit),
    ])), '');

    const scope = scopeRows(compiled);
    if (scope.length > 0) {
        out.push(`## ${p.t('table.scope')}`, '', p.t('table.scopeText'), '');
        out.push(table([p.t('col.citation'), p.t('col.condition')], scope.map(row => [md(row.citation), cell(row.condition)])), '');
    }

    out.push(`## ${p.t('table.ruleTable')}`, '');
    out.push(p.t('table.rulePolicy'), '');
    const unless = protocol.rules.some(rule => rule.unless);
    out.push(table([p.t('col.rule'), p.t('col.citation'), ...indicatorNames, ...(unless ? [p.t('col.unless')] : []), p.t('col.level')], tables.ruleRows.map(row => [
        `${row.rule.kind === 'redline' ? `**${p.t('redline')}** ` : ''}${md(row.rule.name)}${row.parts > 1 ? ` (${row.part}/${row.parts})` : ''}`,
        md(row.rule.citation ?? ''),
        ...row.constraints.map(c => cell(constraintText(c))),
        ...(unless ? [row.rule.unless ? cell(conditionText(row.rule.unless)) : ''] : []),
        md(row.level.name),
    ])), '');

    out.push(`## ${p.t('table.resolvedTable')}`, '');
    out.push(p.t('table.resolvedPolicy'), '');
    out.push(table([...indicatorNames, p.t('col.level'), p.t('col.steps')], tables.resolvedRows.map(row => [
        ...row.constraints.map(c => cell(constraintText(c))),
        row.level ? md(row.level.name) : `*${p.t('outside')}*`,
        rowSteps(compiled, row).map(md).join(', ') || '—',
    ])), '');

    const redlines = redlineRows(compiled);
    if (redlines.length > 0) {
        out.push(`## ${p.t('table.redlines')}`, '');
        out.push(table([p.t('col.rule'), p.t('col.citation'), p.t('col.condition'), p.t('col.level'), p.t('col.consequence'), p.t('col.disclosure')], redlines.map(row => [
            md(row.name), md(row.citation), cell(row.condition), md(row.level), md(row.consequence), md(row.disclosure),
        ])), '');
    }

    const responses = responseSections(compiled);
    if (responses.length > 0) {
        out.push(`## ${p.t('table.responses')}`, '');
        for (const response of responses) {
            const details = [response.citation, response.within, response.includes].filter(Boolean).map(md).join(' · ');
            out.push(`### ${secret(md(response.title), response.confidential)}${details ? ` — ${details}` : ''}`, '');
            out.push(table([p.t('col.step'), p.t('col.citation'), p.t('col.action'), p.t('col.within'), p.t('col.dueBy'), p.t('col.after'), p.t('col.conditions')], response.steps.map(step => [
                secret(md(step.name), step.confidential), md(step.citation), md(step.action), md(step.timing), md(step.dueBy), md(step.after), md(step.conditions),
            ])), '');
        }
    }

    const duties = dutyRows(compiled);
    if (duties.length > 0) {
        out.push(`## ${p.t('table.duties')}`, '');
        out.push(table([p.t('col.duty'), p.t('col.citation'), p.t('col.action'), p.t('col.when'), p.t('col.conditions')], duties.map(duty => [
            secret(md(duty.name), duty.confidential), md(duty.citation), md(duty.action), md(duty.when), md(duty.conditions),
        ])), '');
    }

    const offramps = offrampRows(compiled);
    if (offramps.length > 0) {
        out.push(`## ${p.t('table.deescalation')}`, '');
        out.push(table([p.t('col.from'), p.t('col.to'), p.t('col.citation'), p.t('col.when'), p.t('col.for')], offramps.map(row => [
            md(row.from), md(row.to), md(row.citation), cell(row.when), row.holdFor,
        ])), '');
    }
    return out.join('\n');
}
