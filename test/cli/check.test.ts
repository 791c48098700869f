// `detente check` through the real command, in a child process: output formats, exit codes, bad input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { NOBODY, detente, detenteAsUser, folder } from './run.js';

const CLEAN = `protocol P "P" {
    indicator lock "Lock" : flag
    party A "A"
    ladder { Calm Tense }
    threshold T: lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
}
`;
const BROKEN = 'protocol P "P" {\n    ladder { Calm Tense }\n    threshold T: lock -> Tense\n}\n';

describe('detente check', () => {
    test('the examples are clean: exit 0 and a summary line', () => {
        const run = detente(['check', 'examples']);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('7 files checked: 0 errors, 0 warnings, 0 infos; 1 accepted (--show-accepted lists them)\n');
        expect(run.code).toBe(0);
    });

    test('the only finding on the examples is accepted, with its justification', () => {
        const run = detente(['check', '--format', 'json', 'examples']);
        const { diagnostics, summary } = JSON.parse(run.stdout);
        expect(summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
        expect(diagnostics.map((d: { code: string; file: string }) => `${d.file} ${d.code}`))
            .toEqual(['examples/missiles/missile-tests.detente confidential-redline']);
        expect(diagnostics[0].accepted.justification).toMatch(/confidential annex/);
    });

    test('text output: file:line:col severity code message, then the summary; exit 1 on errors', () => {
        const dir = folder({ 'p.detente': BROKEN });
        const run = detente(['check', 'p.detente'], dir);
        expect(run.stdout).toBe(
            "p.detente:3:18 error unresolved-reference Unknown indicator 'lock': not declared here or in an imported file.\n" +
            '1 file checked: 1 error, 0 warnings, 0 infos\n');
        expect(run.code).toBe(1);
    });

    test('JSON output has the shape of docs/language.md §5, with 1-based positions', () => {
        const dir = folder({ 'p.detente': BROKEN });
        const run = detente(['check', '--format', 'json', 'p.detente'], dir);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)).toEqual({
            diagnostics: [{
                file: 'p.detente', line: 3, column: 18, endLine: 3, endColumn: 22, severity: 'error',
                code: 'unresolved-reference', message: "Unknown indicator 'lock': not declared here or in an imported file.",
            }],
            summary: { errors: 1, warnings: 0, infos: 0 },
        });
    });

    test('folders are searched recursively, skipping hidden folders; each file is checked once', () => {
        const dir = folder({
            'a.detente': CLEAN,
            'nested/deeper/b.detente': CLEAN.replace('P', 'Q'),
            '.hidden/c.detente': BROKEN,
            'notes.txt': 'not a protocol',
        });
        const run = detente(['check', '.', 'a.detente'], dir);
        expect(run.stdout).toBe('2 files checked: 0 errors, 0 warnings, 0 infos\n');
        expect(run.code).toBe(0);
    });

    test('a symbolic-link loop between folders does not hang the search', () => {
        const dir = folder({ 'sub/a.detente': CLEAN });
        fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
        const run = detente(['check', '.'], dir);
        expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
    });

    test('imports must stay inside the current directory, or inside --root', () => {
        const dir = folder({
            'shared/parties.detente': 'indicator lock "Lock" : flag\n',
            'annex/p.detente': 'import "../shared/parties.detente"\n' + BROKEN,
        });
        const inside = detente(['check', 'annex/p.detente'], dir);
        expect(inside.code).toBe(0);
        const outside = detente(['check', 'p.detente'], path.join(dir, 'annex'));
        expect(outside.code).toBe(1);
        expect(outside.stdout).toContain("p.detente:1:8 error bad-import Cannot import '../shared/parties.detente' is outside the project root");
        const rooted = detente(['check', '--root', '..', 'p.detente'], path.join(dir, 'annex'));
        expect(rooted.code).toBe(0);
    });

    test('a file whose name starts with two dots is inside the project: imported, and shown by its relative path', () => {
        const dir = folder({
            '..shared.detente': 'indicator lock "Lock" : flag\n',
            'p.detente': 'import "..shared.detente"\n' + BROKEN,
            '..draft.detente': BROKEN,
        });
        const imported = detente(['check', 'p.detente'], dir);
        expect(imported.stdout).not.toContain('bad-import');
        expect(imported.stdout.trim().split('\n').at(-1)).toBe('2 files checked: 0 errors, 2 warnings, 0 infos');
        expect(imported.code).toBe(0);
        expect(detente(['check', '..draft.detente'], dir).stdout).toMatch(/^\.\.draft\.detente:3:18 error unresolved-reference/);
    });

    test('a byte-order mark and CRLF line endings are fine', () => {
        const dir = folder({ 'p.detente': '\uFEFF' + BROKEN.replaceAll('\n', '\r\n') });
        const run = detente(['check', 'p.detente'], dir);
        expect(run.stdout).toContain('p.detente:3:18 error unresolved-reference');
    });

    test('--max-warnings takes a whole number', () => {
        expect(detente(['check', '--max-warnings', '0', 'examples']).code).toBe(0);
        const run = detente(['check', '--max-warnings', 'many', 'examples']);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('expected a whole number of warnings');
    });

    test('--help and --version exit 0', () => {
        expect(detente(['--help']).code).toBe(0);
        const version = detente(['--version']);
        expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        expect(version.code).toBe(0);
    });
});

describe('detente check: bad usage and input exit 2 with one line naming the file', () => {
    const cases: Array<[string, Record<string, string | Uint8Array>, string[], RegExp]> = [
        ['a missing file', {}, ['missing.detente'], /^detente: missing\.detente: no such file or folder$/],
        ['a folder without protocols', { 'empty/readme.md': '# nothing' }, ['empty'], /^detente: empty: no \.detente files in this folder$/],
        ['a file that is not a protocol', { 'notes.txt': 'x' }, ['notes.txt'], /^detente: notes\.txt: not a \.detente file$/],
        ['an unknown format', { 'p.detente': CLEAN }, ['--format', 'xml', 'p.detente'], /argument 'xml' is invalid/],
        ['an unknown option', { 'p.detente': CLEAN }, ['--frobnicate', 'p.detente'], /unknown option '--frobnicate'/],
    ];
    test.each(cases)('%s', (_name, files, args, message) => {
        const dir = folder(files);
        const run = detente(['check', ...args], dir);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.split('\n')[0]).toMatch(message);
    });

    // A file that cannot be read is named, and the files that can be are still reported (bad-files.test.ts).
    const unreadable: Array<[string, Record<string, string | Uint8Array>, string]> = [
        ['a binary file', { 'b.detente': new Uint8Array([0x70, 0x00, 0xff]) }, 'detente: b.detente: is a binary file, not protocol text (NUL byte at line 1, byte 2)'],
        ['text that is not UTF-8', { 'l.detente': new Uint8Array([0x0a, 0x2f, 0x2f, 0xe9, 0x74, 0xe9]) }, 'detente: l.detente: is not UTF-8 text (invalid byte at line 2, byte 3)'],
    ];
    test.each(unreadable)('%s', (_name, files, message) => {
        const run = detente(['check', Object.keys(files)[0]], folder(files));
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`${message}\n`);
        expect(run.stdout).toBe('0 files checked: 0 errors, 0 warnings, 0 infos\n');
    });

    test('an unreadable file', () => {
        const dir = folder({ 'p.detente': CLEAN });
        fs.chmodSync(path.join(dir, 'p.detente'), 0o000);
        // root reads every file, so as root the command runs as the unprivileged user `nobody`.
        const run = process.getuid?.() === 0 ? detenteAsUser(NOBODY, ['check', 'p.detente'], dir) : detente(['check', 'p.detente'], dir);
        expect(run.stderr).toBe('detente: p.detente: permission denied\n');
        expect(run.code).toBe(2);
    });

    test('no command at all', () => {
        expect(detente([]).code).toBe(2);
    });
});
