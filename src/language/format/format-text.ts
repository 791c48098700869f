// A protocol file's text laid out (see layout.ts): what `detente fmt` writes and the editor's formatter edits to.
import type { GuardedLexer } from '../parser/guarded-parser.js';
import { MAX_TEXT_LENGTH } from '../parser/guarded-parser.js';
import { type LayoutToken, layout } from './layout.js';

/** Keywords that may also name things (`indicator speed …`): in a layout they are names. */
const SOFT_KEYWORDS = new Set(['distance', 'duration', 'speed', 'count', 'percent', 'flag', 'version']);

/** The text laid out, or undefined when it does not lex (a formatter must not guess) or is too long to read. */
export function formatText(text: string, lexer: GuardedLexer): string | undefined {
    if (text.length > MAX_TEXT_LENGTH) return undefined;
    // Every token as written: the nesting guard keeps tokens from the parser, never from the layout.
    const result = lexer.tokenizeText(text);
    if (result.errors.length > 0) return undefined;
    const tokens: LayoutToken[] = [...result.tokens, ...result.hidden]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(token => ({
            image: token.image,
            kind: kindOf(token.tokenType.name, token.image),
            startLine: (token.startLine ?? 1) - 1,
            endLine: (token.endLine ?? token.startLine ?? 1) - 1,
        }));
    return layout(tokens);
}

function kindOf(tokenType: string, image: string): LayoutToken['kind'] {
    switch (tokenType) {
        case 'SL_COMMENT':
        case 'ML_COMMENT': return 'comment';
        case 'STRING': return 'string';
        case 'NUMBER': return 'number';
        case 'ID': return 'name';
        default: return SOFT_KEYWORDS.has(image) ? 'name' : 'keyword';
    }
}
