// CSV (RFC 4180): one file per table. Cells a spreadsheet would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { CompiledProtocol } from './compiled.js';
import { collect } from './json.js';
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

/** Rows are written this many at a time: a table of many thousand rows is never one string. */
const BATCH = 1000;

function writeCsv(header: readonly string[], count: number, row: (index: number) => readonly string[], out: (chunk: string) => void): void {
    const write = (rows: (readonly string[])[]) => out(stringify(rows.map(cells => cells.map(neutraliseFormula)), { record_delimiter: 'windows' }));
    write([header]);
    for (let start = 0; start < count; start += BATCH) {
        const rows: (readonly string[])[] = [];
        for (let index = start; index < Math.min(count, start + BATCH); index++) rows.push(row(index));
        write(rows);
    }
}

// Indicator columns keep the indicators' names: they are the identifiers programs join on.
export function writeRuleCsv({ protocol, tables, phrases: p }: CompiledProtocol, out: (chunk: string) => void): void {
    const header = [p.t('col.rule'), p.t('col.kind'), p.t('col.part'), p.t('col.citation'), ...protocol.indicators.map(i => i.name), p.t('col.unless'), p.t('col.level')];
    writeCsv(header, tables.ruleRows.length, index => {
        const row = tables.ruleRows[index];
        return [
            row.rule.name, row.rule.kind, row.parts > 1 ? `${row.part}/${row.parts}` : '', row.rule.citation ?? '',
            ...row.constraints.map(constraintText), row.rule.unless ? conditionText(row.rule.unless) : '', row.level.name,
        ];
    }, out);
}

/** The resolved table; a row outside the scope has an empty level. */
export function writeResolvedCsv(compiled: CompiledProtocol, out: (chunk: string) => void): void {
    const { protocol, tables, phrases: p } = compiled;
    writeCsv([...protocol.indicators.map(i => i.name), p.t('col.level'), p.t('col.steps')], tables.resolvedRows.length, index => {
        const row = tables.resolvedRows[index];
        return [...row.constraints.map(constraintText), row.level?.name ?? '', rowSteps(compiled, row).join(' ')];
    }, out);
}

export const renderRuleCsv = (compiled: CompiledProtocol): string => collect(out => writeRuleCsv(compiled, out));
export const renderResolvedCsv = (compiled: CompiledProtocol): string => collect(out => writeResolvedCsv(compiled, out));
