// `detente check`: validate protocols and report findings as text or JSON.
import { loadProject } from '../project.js';
import { collectDiagnostics, formatJson, formatText, summarize } from '../findings.js';

export interface CheckOptions {
    readonly format: 'text' | 'json';
    readonly maxWarnings?: number;
    readonly root?: string;
}

/** Returns the exit code: 1 when errors (or more warnings than allowed) were found, else 0. */
export async function check(paths: readonly string[], options: CheckOptions, out: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject(paths, options.root);
    const diagnostics = collectDiagnostics(project.documents);
    out.write(options.format === 'json' ? formatJson(diagnostics) : formatText(diagnostics, project.documents.length));
    const { errors, warnings } = summarize(diagnostics);
    return errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings) ? 1 : 0;
}
