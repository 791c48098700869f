// The nesting guard: conditions deeper than the parser can safely descend are reported where they go
// too deep, the rest of the file is read as usual, and nothing shallower is touched.
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { type GuardedLexer, isGuardError } from '../../src/language/parser/guarded-parser.js';
import { MAX_OPERATORS, MAX_PARENTHESES } from '../../src/language/parser/nesting.js';
import { buildFile } from '../helpers.js';

const lexer = createDetenteServices(EmptyFileSystem).detente.parser.Lexer as GuardedLexer;

/** What the guard reports on a text, and the text of the tokens it lets through. */
function limitNesting(text: string) {
    const result = lexer.tokenize(text);
    return {
        problems: result.errors.filter(isGuardError),
        kept: result.tokens.length,
        all: lexer.tokenizeText(text).tokens.length,
        images: result.tokens.map(token => token.image).join(' '),
    };
}

const protocol = (condition: string) => `protocol P {
    indicator gap : distance worse when lower
    indicator lock : flag
    ladder { Calm Tense }
    threshold T: ${condition} -> Tense
    threshold U: lock -> Tense
}
`;
const chain = (n: number) => Array.from({ length: n }, (_, i) => `gap < ${i + 1} m`).join(' and ');

describe('the nesting guard', () => {
    test('deep parentheses: one syntax error at the first one too deep; the rest of the file is linked', async () => {
        const workspace = await buildFile(protocol(`${'('.repeat(MAX_PARENTHESES + 5)}lock${')'.repeat(MAX_PARENTHESES + 5)}`));
        const diagnostics = workspace.diagnostics();
        expect(diagnostics.map(d => d.code)).toEqual(['syntax']);
        expect(diagnostics[0].message).toBe(`Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here; split the condition into several rules.`);
        expect(diagnostics[0].range.start).toEqual({ line: 4, character: 17 + MAX_PARENTHESES });
    });

    test('at the limits nothing is reported', async () => {
        const deepest = `${'('.repeat(MAX_PARENTHESES - 1)}lock and ${chain(MAX_OPERATORS - 1)}${')'.repeat(MAX_PARENTHESES - 1)}`;
        expect(limitNesting(protocol(deepest)).problems).toEqual([]);
        expect((await buildFile(protocol(deepest))).codes().filter(code => code.startsWith('syntax'))).toEqual([]);
    });

    test('a chain of operators past the limit is reported once, at the operator past it', () => {
        const { problems, images } = limitNesting(protocol(chain(MAX_OPERATORS + 10)));
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toContain(`more than ${MAX_OPERATORS} 'and', 'or' and 'not'`);
        // Only what lies past the limit is left out, up to the arrow.
        expect(images).toContain('-> Tense');
        expect(images).toContain(`gap < ${MAX_OPERATORS + 1} m`);
        expect(images).not.toContain(`gap < ${MAX_OPERATORS + 2} m`);
    });

    test('each condition counts on its own, and parentheses and operators in comments and texts do not count', () => {
        const many = Array.from({ length: 3 }, (_, i) => `    threshold T${i}: ${chain(MAX_OPERATORS - 1)} -> Tense\n`).join('');
        expect(limitNesting(`protocol P {\n${many}}\n`).problems).toEqual([]);
        const quoted = `protocol P "${'('.repeat(500)}" {\n    // ${'not '.repeat(500)}\n    /* ${'('.repeat(500)} */\n}\n`;
        expect(limitNesting(quoted).problems).toEqual([]);
    });

    test('sets, commas and names that are keywords do not end a condition', async () => {
        // 99 parentheses, a set, 60 more and a set: 159 deep, though every brace and comma resets a textual scan.
        const sets = `${'('.repeat(99)}zone in {A} and ${'('.repeat(60)}zone in {A, B}${')'.repeat(159)}`;
        const text = `protocol P {\n    indicator zone : one of A, B\n    ladder { Calm Tense }\n    threshold T: ${sets} -> Tense\n}\n`;
        expect(limitNesting(text).problems.map(p => p.message)).toEqual([
            `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here; split the condition into several rules.`,
        ]);
        expect((await buildFile(text)).codes()).toEqual(['syntax@4']);
        const versions = `protocol P {\n    indicator version : flag\n    ladder { Calm Tense }\n    threshold T: ${Array(MAX_OPERATORS + 2).fill('version').join(' or ')} -> Tense\n}\n`;
        expect(limitNesting(versions).problems).toHaveLength(1);
        const ors = `protocol P {\n    indicator zone : one of A, B\n    ladder { Calm Tense }\n    threshold T: ${Array(7000).fill('zone in {A}').join(' or ')} -> Tense\n}\n`;
        expect(limitNesting(ors).problems).toHaveLength(1);
        expect((await buildFile(ors)).codes()).toEqual(['syntax@4']);
    });

    test('near miss: `not in` is a set test, not a nesting `not`', () => {
        const text = `protocol P {\n    indicator zone : one of A, B\n    ladder { Calm Tense }\n    threshold T: ${'('.repeat(MAX_PARENTHESES - 1)}zone not in {A}${')'.repeat(MAX_PARENTHESES - 1)} -> Tense\n}\n`;
        expect(limitNesting(text).problems).toEqual([]);
    });
});
