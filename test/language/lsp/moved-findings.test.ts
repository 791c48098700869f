// Between an edit and its analysis, the last findings are shown where the edit moved their text.
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isFinding, moved } from '../../../src/language/lsp/diagnostics-before-analysis.js';

const TEXT = ['protocol P {', '    threshold Near: gap < 1 km -> Concern', '    threshold Nearer: gap < 2 km -> Alert', '}'].join('\n');

/** A finding on `word` of line `line` of TEXT. */
function finding(line: number, word: string): Diagnostic {
    const character = TEXT.split('\n')[line].indexOf(word);
    return { code: 'masked-threshold', message: `${word} is masked.`, range: { start: { line, character }, end: { line, character: character + word.length } } };
}

const at = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

describe('findings moved with the text', () => {
    test('a line inserted above moves them down; an edit below leaves them', () => {
        const near = finding(1, 'Near');
        const inserted = TEXT.replace('protocol P {\n', 'protocol P {\n    // a comment\n');
        expect(moved({ text: TEXT, findings: [near] }, inserted).map(at)).toEqual([[2, 14, 2, 18]]);
        const below = TEXT.replace('2 km', '0.5 km');
        expect(moved({ text: TEXT, findings: [near] }, below).map(at)).toEqual([at(near)]);
    });

    test('on the same line, a longer word before it moves it right', () => {
        const nearer = finding(2, 'Nearer');
        const renamed = TEXT.replace('    threshold Nearer', '    threshold  Nearer');
        expect(moved({ text: TEXT, findings: [nearer] }, renamed).map(at)).toEqual([[2, 15, 2, 21]]);
    });

    test('text typed just after a finding does not join it', () => {
        const near = finding(1, 'Near');
        const typed = TEXT.replace('Near:', 'Nearby:');
        expect(moved({ text: TEXT, findings: [near] }, typed).map(at)).toEqual([at(near)]);
    });

    test('an edit inside a finding keeps it over the changed stretch', () => {
        const rule = { ...finding(1, 'Near: gap < 1 km'), code: 'masked-threshold' };
        const edited = TEXT.replace('gap < 1 km -> Concern', 'gap < 12 km -> Concern');
        const [range] = moved({ text: TEXT, findings: [rule] }, edited).map(at);
        expect(range).toEqual([1, 14, 1, 31]);
    });

    test('only the analysis\' findings are carried, not structural diagnostics', () => {
        expect(isFinding(finding(1, 'Near'))).toBe(true);
        expect(isFinding({ ...finding(1, 'Near'), code: 'syntax' })).toBe(false);
        expect(isFinding({ ...finding(1, 'Near'), code: undefined })).toBe(false);
    });
});
