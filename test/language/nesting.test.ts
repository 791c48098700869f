// The nesting guard: conditions deeper than the parser can safely descend are reported where they go
// too deep, the rest of the file is read as usual, and nothing shallower is touched.
import { describe, expect, test } from 'vitest';
import { MAX_OPERATORS, MAX_PARENTHESES, limitNesting } from '../../src/language/parser/nesting.js';
import { buildFile } from '../helpers.js';

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
        const { problems, text } = limitNesting(protocol(chain(MAX_OPERATORS + 10)));
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toContain(`more than ${MAX_OPERATORS} 'and', 'or' and 'not'`);
        // Positions do not move: only what lies past the limit is blanked, up to the arrow.
        expect(text.length).toBe(protocol(chain(MAX_OPERATORS + 10)).length);
        expect(text).toContain('-> Tense');
    });

    test('each condition counts on its own, and parentheses and operators in comments and texts do not count', () => {
        const many = Array.from({ length: 3 }, (_, i) => `    threshold T${i}: ${chain(MAX_OPERATORS - 1)} -> Tense\n`).join('');
        expect(limitNesting(`protocol P {\n${many}}\n`).problems).toEqual([]);
        const quoted = `protocol P "${'('.repeat(500)}" {\n    // ${'not '.repeat(500)}\n    /* ${'('.repeat(500)} */\n}\n`;
        expect(limitNesting(quoted)).toEqual({ text: quoted, problems: [] });
    });
});
