// bad-import: every way an import can go wrong, on real files, and the imports that are fine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildWorkspace, expectNoStructuralDiagnostics } from '../../helpers.js';
import { loadProject } from '../../../src/cli/project.js';

let scratch: string;

beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-imports-'));
});

afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

/** Writes files under a fresh project folder and checks `main.detente` as the command line would. */
async function checkOnDisk(files: Record<string, string | Uint8Array>, setup?: (project: string) => void): Promise<string[]> {
    const project = fs.mkdtempSync(path.join(scratch, 'project-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
        fs.writeFileSync(path.join(project, name), content);
    }
    setup?.(project);
    const loaded = await loadProject([path.join(project, 'main.detente')], project);
    const main = loaded.documents.find(doc => doc.uri.fsPath === path.join(project, 'main.detente'))!;
    return (main.diagnostics ?? []).map(d => `${String(d.code)}: ${String(d.message)}`);
}

describe('bad-import', () => {
    test('a file that does not exist', async () => {
        expect(await checkOnDisk({ 'main.detente': 'import "missing.detente"' })).toEqual([
            "bad-import: Cannot import 'missing.detente' does not exist.",
        ]);
    });

    test('a file that is not a .detente file', async () => {
        expect(await checkOnDisk({ 'main.detente': 'import "notes.txt"', 'notes.txt': 'x' })).toEqual([
            "bad-import: Cannot import 'notes.txt' is not a .detente file.",
        ]);
    });

    test('paths outside the project root, relative or absolute', async () => {
        const found = await checkOnDisk({ 'main.detente': 'import "../outside.detente"\nimport "/etc/passwd.detente"' });
        expect(found).toEqual([
            expect.stringMatching(/^bad-import: Cannot import '\.\.\/outside\.detente' is outside the project root /),
            "bad-import: Cannot import '/etc/passwd.detente' must be a relative path with '/' separators.",
        ]);
    });

    test('a symbolic link that leads outside the root is never followed', async () => {
        const outside = path.join(scratch, 'secret.detente');
        fs.writeFileSync(outside, 'indicator secret "Secret" : flag');
        const found = await checkOnDisk({ 'main.detente': 'import "link.detente"' }, project => {
            fs.symlinkSync(outside, path.join(project, 'link.detente'));
        });
        expect(found).toEqual([expect.stringMatching(/leads outside the project root .* through a symbolic link\.$/)]);
    });

    test('a file that is binary or not UTF-8', async () => {
        const found = await checkOnDisk({
            'main.detente': 'import "binary.detente"\nimport "latin1.detente"',
            'binary.detente': new Uint8Array([0x69, 0x00, 0x01]),
            'latin1.detente': new Uint8Array([0x2f, 0x2f, 0x20, 0xe9, 0x0a]),
        });
        expect(found).toEqual([
            "bad-import: Cannot import 'binary.detente' is a binary file, not protocol text (NUL byte at line 1, byte 2).",
            "bad-import: Cannot import 'latin1.detente' is not UTF-8 text (invalid byte at line 1, byte 4).",
        ]);
    });

    test('a cycle of two files, and a file that imports itself', async () => {
        const workspace = await buildWorkspace({
            'a.detente': 'import "b.detente"',
            'b.detente': 'import "a.detente"',
            'self.detente': 'import "self.detente"',
        });
        expect(workspace.diagnostics('a.detente').map(d => d.message)).toEqual(['Import cycle: a.detente → b.detente → a.detente.']);
        expect(workspace.diagnostics('b.detente').map(d => d.message)).toEqual(['Import cycle: b.detente → a.detente → b.detente.']);
        expect(workspace.diagnostics('self.detente').map(d => d.message)).toEqual(['Import cycle: self.detente → self.detente.']);
    });

    test('near misses: imports in sub-folders, with ./ and .. that stay inside the root, and a diamond', async () => {
        expect(await checkOnDisk({
            'main.detente': 'import "./shared/a.detente"\nimport "shared/../shared/b.detente"',
            'shared/a.detente': 'import "b.detente"\nindicator a "A" : flag',
            'shared/b.detente': 'indicator b "B" : flag',
        })).toEqual([]);
        expectNoStructuralDiagnostics(await buildWorkspace({
            'main.detente': 'import "x.detente"\nimport "y.detente"',
            'x.detente': 'import "z.detente"',
            'y.detente': 'import "z.detente"',
            'z.detente': '',
        }), 'main.detente');
    });
});
