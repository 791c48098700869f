// The examples, compiled in-process as `detente compile` would (paths relative to the repository).
import * as path from 'node:path';
import { loadProject } from '../../src/cli/project.js';
import type { CompiledProtocol } from '../../src/render/compiled.js';

export const REPO = path.resolve(__dirname, '../..');

export async function compileExamples(): Promise<CompiledProtocol[]> {
    return compileFolder(path.join(REPO, 'examples'));
}

/** The protocols of a folder of test/fixtures, compiled. */
export async function compileFixture(name: string): Promise<CompiledProtocol[]> {
    return compileFolder(path.join(REPO, 'test', 'fixtures', name));
}

async function compileFolder(folder: string): Promise<CompiledProtocol[]> {
    const cwd = process.cwd();
    process.chdir(REPO); // file names in outputs are relative to the project root
    try {
        const project = await loadProject([folder], REPO);
        return project.inputs.flatMap(document => project.services.model.Compilations.compileDocument(document))
            .map(c => {
                if (!c.ok) throw new Error(`${c.protocol}: ${c.reason}`);
                return c.compiled;
            });
    } finally {
        process.chdir(cwd);
    }
}

