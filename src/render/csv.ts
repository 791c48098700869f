// CSV (RFC 4180): one file per table. Cells a spreadsheet would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { CompiledProtocol } from './compiled.js';
import { rowSteps } from './sections.js';
import { conditionText, constraintText } from './text.js';

/** A formula sign after nothing but spaces and control characters, which some spreadsheets skip first. */
const FORMULA = /^[\p{Cc}\p{Cf}\p{Z}\s]*[=+\-@]/u;

/**
 * Spreadsheets execute cells that start with `=`, `+`, `-` or `@` (and tab or carriage return), and
 * some look past leading spaces and control characters first (a NUL, a line feed, a no-break space,
 * a byte-order mark): such cells get a leading apostrophe, which spreadsheets show as text and do
 * not evaluate.
 */
export function neutraliseFormula(cell: string): string {
    return FORMULA.test(cell) || /^[\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csv(rows: readonly (readonly string[])[]): string {
    return stringify(rows.map(row => row.map(neutraliseFormula)), { record_delimiter: 'windows' });
}

// Indicator columns keep the indicators' names: they are the identifiers programs join on.
export function renderRuleCsv({ protocol, tables, phrases: p }: CompiledProtocol): string {
    return csv([
        [p.t('col.rule'), p.t('col.kind'), p.t('col.part'), p.t('col.citation'), ...protocol.indicators.map(i => i.name), p.t('col.unless'), p.t('col.level')],
        ...tables.ruleRows.map(row => [
            row.rule.name, row.rule.kind, row.parts > 1 ? `${row.part}/${row.parts}` : '', row.rule.citation ?? '',
            ...row.constraints.map(constraintText), row.rule.unless ? conditionText(row.rule.unless) : '', row.level.name,
        ]),
    ]);
}

/** The resolved table; a row outside the scope has an empty level. */
export function renderResolvedCsv(compiled: CompiledProtocol): string {
    const { protocol, tables, phrases: p } = compiled;
    return csv([
        [...protocol.indicators.map(i => i.name), p.t('col.level'), p.t('col.steps')],
        ...tables.resolvedRows.map(row => [
            ...row.constraints.map(constraintText), row.level?.name ?? '', rowSteps(compiled, row).join(' '),
        ]),
    ]);
}
