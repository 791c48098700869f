// CSV (RFC 4180): one file per table. Cells a spreadsheet would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { CompiledProtocol } from './compiled.js';
import { constraintText } from './text.js';

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

export function renderRuleCsv({ protocol, tables }: CompiledProtocol): string {
    return csv([
        ['rule', 'kind', 'part', 'citation', ...protocol.indicators.map(i => i.name), 'level'],
        ...tables.ruleRows.map(row => [
            row.rule.name, row.rule.kind, row.parts > 1 ? `${row.part}/${row.parts}` : '', row.rule.citation ?? '',
            ...row.constraints.map(constraintText), row.level.name,
        ]),
    ]);
}

export function renderResolvedCsv({ protocol, tables }: CompiledProtocol): string {
    return csv([
        [...protocol.indicators.map(i => i.name), 'level', 'steps'],
        ...tables.resolvedRows.map(row => [
            ...row.constraints.map(constraintText), row.level.name,
            (tables.steps.get(row.level.name) ?? []).map(s => s.step.name).join(' '),
        ]),
    ]);
}
