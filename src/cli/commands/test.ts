// `detente test`: runs every scenario of the protocols named, and ends with `N passed, N failed`.
import { printable } from '../../render/printable.js';
import { reportBadFiles } from '../inputs.js';
import { displayPath, loadProject } from '../project.js';

export interface TestOptions {
    readonly root?: string;
}

/** Returns the exit code: 2 when a file could not be read (the others still run), else 1 when a scenario failed. */
export async function testCommand(paths: readonly string[], options: TestOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject(paths, options.root, { keepGoing: true });
    reportBadFiles(project.bad, err);
    let passed = 0;
    let failed = 0;
    for (const document of project.inputs) {
        const protocols = project.services.model.ProtocolModels.forDocument(document);
        if (protocols.every(protocol => protocol.scenarios.length === 0)) continue;
        out.write(`${printable(displayPath(document.uri.fsPath))}\n`);
        for (const protocol of protocols) {
            const results = project.services.model.Compilations.scenarios(protocol);
            for (const scenario of protocol.scenarios) {
                const result = results?.find(r => r.scenario === scenario);
                // Scenario names are protocol text: a line break or an escape sequence in one stays on its line.
                const title = printable(`${protocol.name} › ${scenario.name}`);
                if (result?.passed) {
                    passed++;
                    out.write(`  ✓ ${title}\n`);
                } else {
                    failed++;
                    const reason = result?.reason
                        ?? (protocol.complete ? 'not run: the analysis stopped at its budget (see detente check)' : 'not run: the protocol has errors (see detente check)');
                    out.write(`  ✗ ${title}\n      ${printable(reason)}\n`);
                }
            }
        }
    }
    out.write(`${passed} passed, ${failed} failed\n`);
    if (project.bad.length > 0) return 2;
    return failed > 0 ? 1 : 0;
}
