// `detente compile --to md|html|csv|json|dmn|annex [--out DIR]`: decision tables and reports for each protocol.
import * as path from 'node:path';
import type { CompiledProtocol } from '../../render/compiled.js';
import { renderAnnex } from '../../render/annex.js';
import { renderResolvedCsv, renderRuleCsv } from '../../render/csv.js';
import { renderDmn } from '../../render/dmn.js';
import { renderHtml } from '../../render/html.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { compileDocument } from '../compilation.js';
import { collectDiagnostics } from '../findings.js';
import { type Output, writeOutputs } from '../output.js';
import { displayPath, loadProject } from '../project.js';

export const FORMATS = ['md', 'html', 'csv', 'json', 'dmn', 'annex'] as const;
export type Format = typeof FORMATS[number];

/** The files each format writes for a protocol, named after it. */
const RENDERERS: Record<Format, Array<{ suffix: string; render: (compiled: CompiledProtocol) => string }>> = {
    md: [{ suffix: '.md', render: renderMarkdown }],
    html: [{ suffix: '.html', render: renderHtml }],
    csv: [{ suffix: '.rules.csv', render: renderRuleCsv }, { suffix: '.resolved.csv', render: renderResolvedCsv }],
    json: [{ suffix: '.json', render: renderJson }],
    dmn: [{ suffix: '.dmn', render: renderDmn }],
    annex: [{ suffix: '.annex.md', render: renderAnnex }],
};

/** The files of the given formats for one compiled protocol, in a folder. */
export function renderAll(compiled: CompiledProtocol, formats: readonly Format[], folder: string): Output[] {
    return formats.flatMap(format => RENDERERS[format].map(({ suffix, render }) => ({
        file: path.join(folder, `${compiled.protocol.name}${suffix}`),
        content: render(compiled),
    })));
}

export interface CompileOptions {
    readonly to: readonly Format[];
    readonly out?: string;
    readonly root?: string;
}

export async function compileCommand(paths: readonly string[], options: CompileOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject(paths, options.root);
    const diagnostics = collectDiagnostics(project.documents);
    const outputs: Output[] = [];
    let failed = 0;
    for (const document of project.inputs) {
        for (const compilation of compileDocument(project, document, diagnostics)) {
            if (!compilation.ok) {
                err.write(`detente: ${displayPath(document.uri.fsPath)}: ${compilation.protocol} not compiled: ${compilation.reason}\n`);
                failed++;
                continue;
            }
            const folder = options.out ?? path.dirname(document.uri.fsPath);
            outputs.push(...renderAll(compilation.compiled, options.to, folder));
        }
    }
    await writeOutputs(outputs, project.documents.map(d => d.uri.fsPath));
    for (const output of outputs) {
        out.write(`wrote ${displayPath(path.resolve(output.file))}\n`);
    }
    return failed > 0 ? 1 : 0;
}
