// docs/language.md §5: one bad file never hides the others. Every other file is still checked and reported
// in the chosen format, the bad file is named on stderr, and the exit code is 2. An empty file (or one
// with only comments) is not bad input: it declares nothing and is checked like any other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sarifErrors } from '../render/validators.js';
import { detente, folder } from './run.js';

const GOOD = `protocol P "P" {
    indicator lock "Lock" : flag
    party A "A"
    ladder { Calm Tense Crisis }
    threshold T: lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
    scenario "locked" { given lock expect Tense }
}
`;
const BINARY = new Uint8Array([0x70, 0x00, 0xff]);
const BINARY_LINE = 'detente: b-binary.detente: is a binary file, not protocol text (NUL byte at line 1, byte 2)\n';

/** A good protocol (with warnings: Crisis is unreachable, without response or off-ramp), an empty file, a comment-only file and a binary file. */
const mixed = () => folder({ 'a-good.detente': GOOD, 'b-binary.detente': BINARY, 'c-empty.detente': '', 'd-comments.detente': '// nothing yet\n/* to be drafted */\n' });

describe('one bad file never hides the others', () => {
    test('check, text: the other files are checked and reported, the bad one is named, exit 2', () => {
        const run = detente(['check', '.'], mixed());
        expect(run.stdout).toMatch(/^a-good\.detente:4:\d+ warning unreachable-level /m);
        expect(run.stdout.trim().split('\n').at(-1)).toBe('3 files checked: 0 errors, 3 warnings, 0 infos');
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('check, JSON: the report of the other files', () => {
        const run = detente(['check', '--format', 'json', '.'], mixed());
        const report = JSON.parse(run.stdout);
        expect(report.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
            'a-good.detente missing-offramp', 'a-good.detente missing-response', 'a-good.detente unreachable-level',
        ]);
        expect(report.summary).toEqual({ errors: 0, warnings: 3, infos: 0 });
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('check, SARIF: the results of the other files, and the bad file as a notification of an unsuccessful run', () => {
        const run = detente(['check', '--format', 'sarif', '.'], mixed());
        const log = JSON.parse(run.stdout);
        expect(sarifErrors(log)).toEqual([]);
        const [sarifRun] = log.runs;
        expect(sarifRun.results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['missing-offramp', 'missing-response', 'unreachable-level']);
        expect(sarifRun.invocations).toEqual([{
            executionSuccessful: false,
            toolExecutionNotifications: [{
                level: 'error',
                message: { text: 'b-binary.detente: is a binary file, not protocol text (NUL byte at line 1, byte 2)' },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'b-binary.detente', uriBaseId: 'SRCROOT' } } }],
            }],
        }]);
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('check, SARIF, nothing bad: a successful run', () => {
        const log = JSON.parse(detente(['check', '--format', 'sarif', 'a-good.detente'], mixed()).stdout);
        expect(sarifErrors(log)).toEqual([]);
        expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    });

    test('test: the scenarios of the other files run, the last line counts them, exit 2', () => {
        const run = detente(['test', '.'], mixed());
        expect(run.stdout).toBe('a-good.detente\n  ✓ P › locked\n1 passed, 0 failed\n');
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('compile: the other files are compiled, the bad one is named, exit 2', () => {
        const dir = mixed();
        const run = detente(['compile', '--to', 'md', '--out', 'out', '.'], dir);
        expect(run.stdout).toBe('wrote out/P.md\n');
        expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['P.md']);
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('fmt: the other files are formatted, the bad one is named, exit 2', () => {
        const dir = folder({ 'b-binary.detente': BINARY, 'c.detente': GOOD.replace('    party', '  party') });
        const run = detente(['fmt', '.'], dir);
        expect(run.stdout).toBe('formatted c.detente\n');
        expect(fs.readFileSync(path.join(dir, 'c.detente'), 'utf8')).toBe(GOOD);
        expect(run.stderr).toBe(BINARY_LINE);
        expect(run.code).toBe(2);
    });

    test('several bad files are each named, in path order', () => {
        const dir = folder({ 'a-good.detente': GOOD, 'b-binary.detente': BINARY, 'z-latin1.detente': new Uint8Array([0x2f, 0x2f, 0xe9]) });
        const run = detente(['check', '.'], dir);
        expect(run.stderr).toBe(BINARY_LINE + 'detente: z-latin1.detente: is not UTF-8 text (invalid byte at line 1, byte 3)\n');
        expect(run.code).toBe(2);
    });
});

describe('an empty file declares nothing', () => {
    test.each([
        ['empty', ''],
        ['only whitespace', '\n\n   \n'],
        ['only comments', '// a protocol to come\n/* parties, channels, indicators */\n'],
        ['only a byte-order mark', '\uFEFF'],
    ])('%s: checked clean, exit 0', (_name, text) => {
        const run = detente(['check', 'e.detente'], folder({ 'e.detente': text }));
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos\n');
        expect(run.code).toBe(0);
    });

    test('test, compile and fmt take it as it is', () => {
        const dir = folder({ 'e.detente': '' });
        expect(detente(['test', 'e.detente'], dir)).toMatchObject({ stdout: '0 passed, 0 failed\n', stderr: '', code: 0 });
        expect(detente(['compile', 'e.detente', '--to', 'md'], dir)).toMatchObject({ stdout: '', stderr: '', code: 0 });
        expect(detente(['fmt', '--check', 'e.detente'], dir)).toMatchObject({ stdout: '1 file already formatted\n', stderr: '', code: 0 });
    });
});
