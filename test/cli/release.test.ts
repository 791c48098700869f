// A command that has taken what it needs from its files lets their syntax trees go: on large files they
// are most of the memory in use, and `compile` builds tables as large again after them.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { loadProject, releaseDocuments } from '../../src/cli/project.js';
import { folder } from './run.js';

const FILE = `protocol Patrol "Patrol protocol" {
    indicator gap "Closest approach" : distance in nm worse when lower
    party Aland "Aland"
    ladder { Calm Tense }
    threshold Near "Art. 1": gap < 2 nm -> Tense
}
`;

/** V8's full collection, reached from a test (the command line itself never compiles code). */
function collectGarbage(): void {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
}

/** Loads a project, keeps only its protocol models and a weak reference to the file's syntax tree. */
async function loaded(dir: string, release: boolean) {
    const project = await loadProject([path.join(dir, 'p.detente')], dir);
    const tree = new WeakRef(project.inputs[0].parseResult.value);
    const inputs = project.services.model.Compilations.inputsOf(project.inputs[0]);
    if (release) await releaseDocuments(project);
    return { tree, inputs, services: project.services, kept: release ? undefined : project };
}

describe('letting the syntax trees go', () => {
    test('once released, the workspace holds no document and the tree is collected; the protocol still compiles', async () => {
        const { tree, inputs, services } = await loaded(folder({ 'p.detente': FILE }), true);
        expect(services.shared.workspace.LangiumDocuments.all.count()).toBe(0);
        // A weak reference is cleared only after the task that last read it.
        await new Promise(resolve => setTimeout(resolve, 0));
        collectGarbage();
        await new Promise(resolve => setTimeout(resolve, 0));
        expect(tree.deref()).toBeUndefined();
        const compilation = services.model.Compilations.compileInput(inputs[0]);
        expect(compilation.ok && compilation.compiled.tables.resolvedRows.length).toBeGreaterThan(0);
    });

    test('near miss: a project not released keeps its tree', async () => {
        const { tree, kept } = await loaded(folder({ 'p.detente': FILE }), false);
        await new Promise(resolve => setTimeout(resolve, 0));
        collectGarbage();
        await new Promise(resolve => setTimeout(resolve, 0));
        expect(tree.deref()).toBeDefined();
        expect(kept?.inputs).toHaveLength(1);
    });
});
