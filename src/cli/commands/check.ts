// `detente check`: validate protocols and report findings as text, JSON or SARIF.
import { displayPath, loadProject } from '../project.js';
import { collectDiagnostics, formatJson, formatText, summarize } from '../findings.js';
import { reportBadFiles } from '../inputs.js';
import { formatSarif } from '../sarif.js';
import { VERSION } from '../version.js';

export interface CheckOptions {
    readonly format: 'text' | 'json' | 'sarif';
    readonly maxWarnings?: number;
    readonly root?: string;
    readonly showAccepted?: boolean;
}

/**
 * Returns the exit code: 2 when a file could not be read (the others are still checked and
 * reported), else 1 when errors (or more warnings than allowed) were found, else 0.
 */
export async function check(paths: readonly string[], options: CheckOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject(paths, options.root, { keepGoing: true });
    const diagnostics = collectDiagnostics(project);
    reportBadFiles(project.bad, err);
    switch (options.format) {
        case 'json':
            out.write(formatJson(diagnostics));
            break;
        case 'sarif': {
            const documents = new Map(project.documents.map(document => [displayPath(document.uri.fsPath), document]));
            out.write(formatSarif(diagnostics, project.root, VERSION, {
                textAt: d => documents.get(d.file)?.textDocument.getText({
                    start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 },
                }) ?? '',
            }, project.bad));
            break;
        }
        default:
            out.write(formatText(diagnostics, project.documents.length, options.showAccepted));
    }
    if (project.bad.length > 0) return 2;
    const { errors, warnings } = summarize(diagnostics);
    return errors > 0 || (options.maxWarnings !== undefined && warnings > options.maxWarnings) ? 1 : 0;
}
