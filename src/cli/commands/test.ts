// `detente test`: runs every scenario of the protocols named, and ends with `N passed, N failed` (and `N not run`).
import { printable } from '../../render/printable.js';
import { reportBadFiles } from '../inputs.js';
import { displayPath, loadProject } from '../project.js';

export interface TestOptions {
    readonly root?: string;
}

/** Returns the exit code: 2 when a file could not be read (the others still run), else 1 when a scenario failed or could not run. */
export async function testCommand(paths: readonly string[], options: TestOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject(paths, options.root, { keepGoing: true });
    reportBadFiles(project.bad, err);
    let passed = 0;
    let failed = 0;
    let notRun = 0;
    for (const document of project.inputs) {
        const protocols = project.services.model.ProtocolModels.forDocument(document);
        if (protocols.every(protocol => protocol.scenarios.length === 0)) continue;
        out.write(`${printable(displayPath(document.uri.fsPath))}\n`);
        for (const protocol of protocols) {
            for (const { scenario, state, reason } of project.services.model.Compilations.verdicts(protocol)) {
                // Scenario names are protocol text: a line break or an escape sequence in one stays on its line.
                const title = printable(`${protocol.name} › ${scenario.name}`);
                if (state === 'passed') {
                    passed++;
                    out.write(`  ✓ ${title}\n`);
                } else if (state === 'failed') {
                    failed++;
                    out.write(`  ✗ ${title}\n      ${printable(reason!)}\n`);
                } else {
                    notRun++;
                    out.write(`  ○ ${title}\n      ${printable(reason!.replace(/\.$/, ' (see detente check).'))}\n`);
                }
            }
        }
    }
    out.write(`${passed} passed, ${failed} failed${notRun > 0 ? `, ${notRun} not run` : ''}\n`);
    if (project.bad.length > 0) return 2;
    return failed + notRun > 0 ? 1 : 0;
}
