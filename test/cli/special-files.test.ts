// Paths that are not regular files — a link to /dev/zero, which reads forever, and a named pipe, which
// waits for a writer — are never read: every command that reads protocols names them and exits 2.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { NotRegularFileError, ProtocolFileSystemProvider } from '../../src/language/workspace/protocol-text.js';
import { detente, folder } from './run.js';

const PROTOCOL = `protocol P "P" {
    indicator lock "Lock" : flag
    party A "A"
    ladder { Calm Tense }
    threshold T: lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
    scenario "locked" { given lock expect Tense }
}
`;

const unix = process.platform !== 'win32';

/** A folder with a good protocol, a link to /dev/zero and a named pipe, all named `.detente`. */
function specialFiles(): string {
    const dir = folder({ 'good.detente': PROTOCOL });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.detente'));
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe.detente')]);
    expect(made.status, 'mkfifo makes the named pipe').toBe(0);
    return dir;
}

describe.skipIf(!unix)('files that are not regular files', () => {
    test.each(['zero.detente', 'pipe.detente'])('check %s: one line naming it, exit 2, no hang', name => {
        const run = detente(['check', name], specialFiles());
        expect(run.stderr).toBe(`detente: ${name}: not a regular file\n`);
        expect(run.code).toBe(2);
    });

    test.each([
        ['test', ['test', 'FILE']],
        ['compile', ['compile', '--to', 'md', '--out', 'out', 'FILE']],
        ['fmt', ['fmt', 'FILE']],
        ['fmt --check', ['fmt', '--check', 'FILE']],
        ['explain', ['explain', 'FILE', '--given', 'lock=true']],
    ])('%s names them too, and exits 2', (_name, args) => {
        const dir = specialFiles();
        for (const name of ['zero.detente', 'pipe.detente']) {
            const run = detente(args.map(arg => arg === 'FILE' ? name : arg), dir);
            expect(run.stderr).toContain(`detente: ${name}: not a regular file\n`);
            expect(run.code).toBe(2);
        }
    });

    test('diff names them too, and exits 2', () => {
        const dir = specialFiles();
        expect(detente(['diff', 'good.detente', 'pipe.detente'], dir)).toMatchObject({ code: 2, stderr: 'detente: pipe.detente: not a regular file\n' });
        expect(detente(['diff', 'zero.detente', 'good.detente'], dir)).toMatchObject({ code: 2, stderr: 'detente: zero.detente: not a regular file\n' });
    });

    test('in a folder, they are named while the regular files are checked', () => {
        const run = detente(['check', '.'], specialFiles());
        expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
        expect(run.stderr).toBe('detente: pipe.detente: not a regular file\ndetente: zero.detente: not a regular file\n');
        expect(run.code).toBe(2);
    });

    test('the language server\'s file system refuses them too, without reading', async () => {
        const dir = specialFiles();
        const files = new ProtocolFileSystemProvider();
        for (const name of ['zero.detente', 'pipe.detente']) {
            const uri = URI.file(path.join(dir, name));
            await expect(files.readFile(uri)).rejects.toThrow(NotRegularFileError);
            expect(() => files.readFileSync(uri)).toThrow(NotRegularFileError);
        }
        expect(await files.readFile(URI.file(path.join(dir, 'good.detente')))).toBe(PROTOCOL);
    });

    test('an import of one is a bad import, not a read', () => {
        const dir = specialFiles();
        fs.writeFileSync(path.join(dir, 'importer.detente'), `import "pipe.detente"\n${PROTOCOL}`);
        const run = detente(['check', 'importer.detente'], dir);
        expect(run.stdout).toContain("importer.detente:1:8 error bad-import Cannot import 'pipe.detente' is not a file");
        expect(run.code).toBe(1);
    });
});
