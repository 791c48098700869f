// The command line on hostile input: every case ends in one clear line and exit 2, or in diagnostics
// and exit 1 — never a stack trace, never a hang, never a crash of Node.
import { describe, expect, test } from 'vitest';
import { MAX_OPERATORS, MAX_PARENTHESES } from '../../src/language/parser/nesting.js';
import { detente, folder } from './run.js';

const HEAD = 'protocol P "P" {\n    indicator gap : distance worse when lower\n    indicator lock : flag\n    party A "A"\n    ladder { Calm Tense }\n';
const TAIL = '    response Tense { step s: A notifies within 1 h }\n    deescalate Tense to Calm when not lock and gap >= 5 km\n}\n';
const withCondition = (condition: string) => `${HEAD}    threshold T: ${condition} -> Tense\n${TAIL}`;

/** No JavaScript stack, no V8 report. */
function expectNoTrace(output: string): void {
    expect(output).not.toMatch(/\n\s+at |FATAL ERROR|internal error|RangeError/);
}

describe('detente check on hostile input', () => {
    test('a 20 MB file: reported as too long, not read into a crash', () => {
        const rule = '    threshold T: lock and gap < 1 km -> Tense\n';
        const text = HEAD + rule.repeat(Math.ceil(20 * 1024 * 1024 / rule.length)) + TAIL;
        const run = detente(['check', 'big.detente'], folder({ 'big.detente': text }));
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^big\.detente:1:1 error syntax This file is 20\.0 MB; protocol files of up to 5 MB are read\. Split it into files that import each other\.\n/);
        expectNoTrace(run.stdout + run.stderr);
    });

    test.each([
        ['10,000 nested parentheses', `${'('.repeat(10000)}lock${')'.repeat(10000)}`, `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here`],
        ['10,000 nested nots', `${'not '.repeat(10000)}lock`, `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here`],
        ['a 1 MB line of 60,000 conditions', Array.from({ length: 60000 }, (_, i) => `gap < ${i + 1} m`).join(' and '), `chains more than ${MAX_OPERATORS} 'and', 'or' and 'not'`],
    ])('%s: a syntax error at the place, exit 1', (_name, condition, message) => {
        const run = detente(['check', 'deep.detente'], folder({ 'deep.detente': withCondition(condition) }));
        expectNoTrace(run.stdout + run.stderr);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('deep.detente:6:');
        expect(run.stdout).toContain(message);
        expect(run.stdout.trim().split('\n').at(-1)).toBe('1 file checked: 1 error, 0 warnings, 0 infos');
    });

    test('nesting right at the limits is checked, compiled and explained as usual', () => {
        const deepest = `${'('.repeat(MAX_PARENTHESES - 1)}lock and ${Array.from({ length: MAX_OPERATORS - 1 }, (_, i) => `gap < ${i + 1} m`).join(' and ')}${')'.repeat(MAX_PARENTHESES - 1)}`;
        const dir = folder({ 'deep.detente': withCondition(deepest) });
        const check = detente(['check', 'deep.detente'], dir);
        expect(check.stdout.trim().split('\n').at(-1)).toBe('1 file checked: 0 errors, 0 warnings, 0 infos');
        const compile = detente(['compile', '--to', 'md,html,csv,json,dmn,annex', '--out', 'out', 'deep.detente'], dir);
        expectNoTrace(compile.stdout + compile.stderr);
        expect(compile.code).toBe(0);
        const explain = detente(['explain', 'deep.detente', '--given', 'lock=true', 'gap=0.5m'], dir);
        expect(explain.stdout).toMatch(/^Level: Tense$/m);
        expect(detente(['fmt', '--check', 'deep.detente'], dir).code).not.toBe(2);
    });

    test('a line of a million characters in a comment is just text', () => {
        const run = detente(['check', 'long.detente'], folder({ 'long.detente': withCondition('lock') + `// ${'x'.repeat(1_000_000)}\n` }));
        expect(run.code).toBe(0);
        expect(run.stdout.trim()).toBe('1 file checked: 0 errors, 0 warnings, 0 infos');
    });
});
