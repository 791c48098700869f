// What the commands print for people lands on terminals and in CI logs. Protocol text (scenario names,
// labels, citations, import paths) and file names may hold line breaks and escape sequences; they are
// shown as `\u001b`-style escapes, so none can forge a line (a GitHub Actions `::error` command, a
// finding, a passed test) or act on the terminal (clear it, recolour it, hide text, make links).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { printable } from '../../src/render/printable.js';
import { detente, folder } from './run.js';

const ESC = '\u001b';
/** A workflow command, on a line of its own once a line break before it is taken raw. */
const WORKFLOW = '::error file=README.md,line=1::Injected';
/**
 * What a terminal would act on — clear the screen, go back to the line's start, erase, a hyperlink,
 * a bell — as written inside a string literal: ESC and BEL raw, CR and backspace as escapes.
 */
const SEQUENCES = `${ESC}[2J\\r\\b${ESC}]8;;http://evil.example${ESC}\\\\click${ESC}]8;;${ESC}\\\\\u0007`;

/** Output with no character a terminal acts on but the line feeds between lines, and no line that is a workflow command. */
function expectInert(output: string): void {
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(output.split('\n').filter(line => line.startsWith('::'))).toEqual([]);
}

const protocol = (texts: { scenario?: string; citation?: string; label?: string; imported?: string; failing?: boolean }) => `${texts.imported ? `import "${texts.imported}"\n` : ''}protocol P "P" {
    indicator lock "${texts.label ?? 'Lock'}" : flag
    party A "A"
    ladder { Calm "${texts.label ?? 'Calm'}" Tense }
    threshold T "${texts.citation ?? 'Art. 1'}": lock -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock
    scenario "${texts.scenario ?? 'locked'}" { given lock expect Tense }
${texts.failing ? `    scenario "fails ${texts.scenario}" { given lock expect Calm }\n` : ''}}
`;

describe('the shared escape', () => {
    test('control characters become \\u escapes; other text, accents and right-to-left scripts included, is kept', () => {
        expect(printable(`ok\n${WORKFLOW}`)).toBe(`ok\\u000a${WORKFLOW}`);
        expect(printable(`${ESC}[31mred\r\b\t\u0000\u007f\u009b\u2028\u202e`)).toBe('\\u001b[31mred\\u000d\\u0008\\u0009\\u0000\\u007f\\u009b\\u2028\\u202e');
        expect(printable('Détente — Art. 4(1) שלום 🚢')).toBe('Détente — Art. 4(1) שלום 🚢');
    });
});

describe('human output of every command is inert', () => {
    test('test: a scenario name cannot emit a workflow command or an escape sequence', () => {
        const dir = folder({ 'p.detente': protocol({ scenario: `ok\\n${WORKFLOW}${SEQUENCES}`, failing: true }) });
        const run = detente(['test', 'p.detente'], dir);
        expectInert(run.stdout);
        expect(run.stdout).toContain(`  ✓ P › ok\\u000a${WORKFLOW}\\u001b[2J\\u000d\\u0008`);
        expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
    });

    test('check, text: messages quoting an import path', () => {
        const dir = folder({ 'p.detente': protocol({ imported: `x\\r\\n${WORKFLOW}${SEQUENCES}.detente` }) });
        const run = detente(['check', 'p.detente'], dir);
        expectInert(run.stdout + run.stderr);
        expect(run.stdout).toMatch(/^p\.detente:1:8 error bad-import .*x\\u000d\\u000a::error file=README\.md,line=1::Injected\\u001b\[2J/m);
    });

    test('explain, text: labels and citations', () => {
        const dir = folder({ 'p.detente': protocol({ label: `Tense\\r\\n${WORKFLOW}${SEQUENCES}`, citation: `Art. 1\\n${WORKFLOW}${SEQUENCES}` }) });
        const calm = detente(['explain', 'p.detente', '--given', 'lock=false'], dir);
        expect(calm.code).toBe(0);
        expectInert(calm.stdout);
        expect(calm.stdout).toContain('Level: Calm (Tense\\u000d\\u000a::error');
        const tense = detente(['explain', 'p.detente', '--given', 'lock=true'], dir);
        expect(tense.code).toBe(0);
        expectInert(tense.stdout);
        expect(tense.stdout).toContain('  T (Art. 1\\u000a::error');
    });

    test('diff, text: changed citations and labels', () => {
        const dir = folder({
            'v1/p.detente': protocol({}),
            'v2/p.detente': protocol({ label: `Calm\\n${WORKFLOW}${SEQUENCES}`, citation: `Art. 2\\n${WORKFLOW}${SEQUENCES}` }),
        });
        const run = detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir);
        expect(run.code).toBe(0);
        expectInert(run.stdout);
        expect(run.stdout).toContain('Art. 2\\u000a::error');
    });

    test('compile: messages naming files', () => {
        const dir = folder({ [`${ESC}[31mred\r.detente`]: protocol({}).replace('lock -> Tense', 'lock -> Nowhere') });
        const run = detente(['compile', '--to', 'md', '--out', `out${ESC}[2J`, '.'], dir);
        expectInert(run.stdout + run.stderr);
        expect(run.stderr).toBe('detente: \\u001b[31mred\\u000d.detente: P not compiled: the file has 1 error (see detente check)\n');
        fs.renameSync(path.join(dir, `${ESC}[31mred\r.detente`), path.join(dir, `${ESC}[31mred\r.txt`));
        fs.writeFileSync(path.join(dir, 'p.detente'), protocol({}));
        const wrote = detente(['compile', '--to', 'md', '--out', `out${ESC}[2J`, 'p.detente'], dir);
        expectInert(wrote.stdout + wrote.stderr);
        expect(wrote.stdout).toBe('wrote out\\u001b[2J/P.md\n');
    });

    test('every stderr line naming a file: a bad file, a bad path, a bad option', () => {
        const name = `evil\n${WORKFLOW}${ESC}[2J.detente`;
        const dir = folder({ [name]: new Uint8Array([0x00]), 'p.detente': protocol({}) });
        const checked = detente(['check', '.'], dir);
        expectInert(checked.stdout + checked.stderr);
        expect(checked.stderr).toBe(`detente: evil\\u000a${WORKFLOW}\\u001b[2J.detente: is a binary file, not protocol text (NUL byte at line 1, byte 1)\n`);
        const missing = detente(['check', `missing\r${ESC}[2J.detente`], dir);
        expectInert(missing.stdout + missing.stderr);
        expect(missing.stderr).toBe('detente: missing\\u000d\\u001b[2J.detente: no such file or folder\n');
        const option = detente(['check', `--${ESC}[2Jcolour`, 'p.detente'], dir);
        expectInert(option.stdout + option.stderr);
        expect(option.code).toBe(2);
    });

    test('fmt: the files it names', () => {
        const name = `${ESC}[2Jp\r.detente`;
        const dir = folder({ [name]: protocol({}).replace('    party', '  party') });
        const run = detente(['fmt', '.'], dir);
        expectInert(run.stdout + run.stderr);
        expect(run.stdout).toBe('formatted \\u001b[2Jp\\u000d.detente\n');
    });
});
