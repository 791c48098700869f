// The files each output format writes for a compiled protocol, named after the protocol.
import type { CompiledProtocol } from './compiled.js';
import { renderAnnex } from './annex.js';
import { writeResolvedCsv, writeRuleCsv } from './csv.js';
import { writeDmn } from './dmn.js';
import { renderHtml } from './html.js';
import { collect, writeJson } from './json.js';
import { renderMarkdown } from './markdown.js';

import type { Format } from './formats.js';

export { FORMATS, FORMAT_DESCRIPTIONS, type Format, isFormat } from './formats.js';

/** Writes a file's text chunk by chunk, so that large tables need not be held as one string. */
export type ChunkWriter = (out: (chunk: string) => void) => void;

type Renderer = (compiled: CompiledProtocol) => ChunkWriter;
const whole = (render: (compiled: CompiledProtocol) => string): Renderer => compiled => out => out(render(compiled));
const chunked = (write: (compiled: CompiledProtocol, out: (chunk: string) => void) => void): Renderer => compiled => out => write(compiled, out);

const RENDERERS: Readonly<Record<Format, ReadonlyArray<{ suffix: string; render: Renderer }>>> = {
    md: [{ suffix: '.md', render: whole(renderMarkdown) }],
    html: [{ suffix: '.html', render: whole(renderHtml) }],
    csv: [{ suffix: '.rules.csv', render: chunked(writeRuleCsv) }, { suffix: '.resolved.csv', render: chunked(writeResolvedCsv) }],
    json: [{ suffix: '.json', render: chunked(writeJson) }],
    dmn: [{ suffix: '.dmn', render: chunked(writeDmn) }],
    annex: [{ suffix: '.annex.md', render: whole(renderAnnex) }],
};

export interface RenderedFile {
    /** The file name, without a folder: `Patrol.rules.csv`. */
    readonly name: string;
    /** Writes the file's text; rendering happens as it is called. */
    readonly write: ChunkWriter;
}

/** A rendered file's whole text. */
export function fileText(file: RenderedFile): string {
    return collect(file.write);
}

/** Every file of the given formats for one compiled protocol. */
export function renderFiles(compiled: CompiledProtocol, formats: readonly Format[]): RenderedFile[] {
    return formats.flatMap(format => RENDERERS[format].map(({ suffix, render }) => ({
        name: `${compiled.protocol.name}${suffix}`,
        write: render(compiled),
    })));
}
