// `detente compile --to md|html|csv|json|dmn|annex [--out DIR]`: decision tables and reports for each protocol.
import * as path from 'node:path';
import type { CompiledProtocol } from '../../render/compiled.js';
import type { Edition } from '../../render/publication.js';
import { type Format, renderFiles } from '../../render/outputs.js';
import { printable } from '../../render/printable.js';
import { reportBadFiles, stderrLine } from '../inputs.js';
import { type Output, writeOutputs } from '../output.js';
import { displayPath, loadProject, releaseDocuments } from '../project.js';

export { FORMATS, type Format } from '../../render/outputs.js';

/** The files of the given formats for one compiled protocol, in a folder. */
function renderAll(compiled: CompiledProtocol, formats: readonly Format[], folder: string): Output[] {
    return renderFiles(compiled, formats).map(file => ({ file: path.join(folder, file.name), content: file.write }));
}

export interface CompileOptions {
    readonly to: readonly Format[];
    readonly out?: string;
    readonly root?: string;
    readonly lang?: string;
    readonly edition?: Edition;
}

/** Returns the exit code: 2 when a file could not be read (the others are still compiled), else 1 when a protocol was not compiled. */
export async function compileCommand(paths: readonly string[], options: CompileOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const { services, files, inputFiles, bad } = await readProject(paths, options.root, err);
    const outputs: Output[] = [];
    let failed = 0;
    for (const { file, inputs } of files) {
        for (const input of inputs) {
            const compilation = services.model.Compilations.compileInput(input);
            if (!compilation.ok) {
                const see = compilation.errors ? ' (see detente check)' : '';
                err.write(stderrLine(`${displayPath(file)}: ${compilation.protocol} not compiled: ${compilation.reason}${see}`));
                failed++;
                continue;
            }
            const published = services.model.Compilations.publish(compilation.compiled, { language: options.lang, edition: options.edition });
            if (!published) {
                err.write(stderrLine(`${displayPath(file)}: ${compilation.compiled.protocol.name} is confidential: left out of the public edition`));
                continue;
            }
            if (!published.ok) {
                err.write(stderrLine(`${displayPath(file)}: ${published.protocol} not compiled: ${published.reason}`));
                failed++;
                continue;
            }
            const folder = options.out ?? path.dirname(file);
            outputs.push(...renderAll(published.compiled, options.to, folder));
        }
    }
    await writeOutputs(outputs, inputFiles);
    for (const output of outputs) {
        out.write(`wrote ${printable(displayPath(path.resolve(output.file)))}\n`);
    }
    if (bad > 0) return 2;
    return failed > 0 ? 1 : 0;
}

/**
 * The project's files, checked, and what compiling each protocol takes from them; the syntax trees are
 * let go before any table is built (the project itself is not kept: it holds them).
 */
async function readProject(paths: readonly string[], root: string | undefined, err: NodeJS.WritableStream) {
    const project = await loadProject(paths, root, { keepGoing: true });
    reportBadFiles(project.bad, err);
    const files = project.inputs.map(document => ({ file: document.uri.fsPath, inputs: project.services.model.Compilations.inputsOf(document) }));
    // Every file read, and every file that could not be: none of them is ever overwritten.
    const inputFiles = [...project.documents.map(d => d.uri.fsPath), ...project.bad.map(b => b.file)];
    await releaseDocuments(project);
    return { services: project.services, files, inputFiles, bad: project.bad.length };
}
