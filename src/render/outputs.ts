// The files each output format writes for a compiled protocol, named after the protocol.
import type { CompiledProtocol } from './compiled.js';
import { renderAnnex } from './annex.js';
import { renderResolvedCsv, renderRuleCsv } from './csv.js';
import { renderDmn } from './dmn.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export const FORMATS = ['md', 'html', 'csv', 'json', 'dmn', 'annex'] as const;
export type Format = typeof FORMATS[number];

export const FORMAT_DESCRIPTIONS: Readonly<Record<Format, string>> = {
    md: 'Markdown tables',
    html: 'Print-ready HTML report with the ladder diagram',
    csv: 'CSV, one file per table',
    json: 'JSON tables and structure',
    dmn: 'DMN 1.5 decision tables',
    annex: 'Treaty-style annex text (Markdown)',
};

const RENDERERS: Readonly<Record<Format, ReadonlyArray<{ suffix: string; render: (compiled: CompiledProtocol) => string }>>> = {
    md: [{ suffix: '.md', render: renderMarkdown }],
    html: [{ suffix: '.html', render: renderHtml }],
    csv: [{ suffix: '.rules.csv', render: renderRuleCsv }, { suffix: '.resolved.csv', render: renderResolvedCsv }],
    json: [{ suffix: '.json', render: renderJson }],
    dmn: [{ suffix: '.dmn', render: renderDmn }],
    annex: [{ suffix: '.annex.md', render: renderAnnex }],
};

export interface RenderedFile {
    /** The file name, without a folder: `Patrol.rules.csv`. */
    readonly name: string;
    readonly content: string;
}

export function isFormat(value: string): value is Format {
    return (FORMATS as readonly string[]).includes(value);
}

/** Every file of the given formats for one compiled protocol. */
export function renderFiles(compiled: CompiledProtocol, formats: readonly Format[]): RenderedFile[] {
    return formats.flatMap(format => RENDERERS[format].map(({ suffix, render }) => ({
        name: `${compiled.protocol.name}${suffix}`,
        content: render(compiled),
    })));
}
