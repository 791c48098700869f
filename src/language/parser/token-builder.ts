// Tokens of the language: keywords yield to a longer name or diagnostic code that begins with them.
// Langium finds these by matching keywords against the terminals' patterns, which it cannot do for a
// pattern of Unicode letters (`\p{L}`): names are given as the longer alternative of every keyword they can
// start, so `incursion` is a name, not `in` and `cursion`.
import { DefaultTokenBuilder, type GrammarAST, GrammarUtils } from 'langium';
import type { TokenType } from 'chevrotain';
import { startCharacters } from './start-characters.js';

const NAME = /^[_\p{L}][\p{L}\p{N}_]*$/u;

export class DetenteTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const found = super.findLongerAlt(keyword, terminalTokens);
        const name = terminalTokens.find(token => token.name === 'ID');
        // A name first: a code (`confidential-redline`) is tried when the name is no longer than the keyword.
        return name && NAME.test(keyword.value) && !found.includes(name) ? [name, ...found] : found;
    }

    /**
     * Chevrotain cannot read a Unicode pattern, and without knowing where every token may start it tries
     * every keyword at every character, which made lexing most of the parse. The characters a name can
     * start with, given as a hint, bring back its first-character lookup.
     */
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (typeof token.PATTERN === 'function') {
            const hint = startCharacters(GrammarUtils.terminalRegex(terminal));
            if (hint) token.START_CHARS_HINT = hint;
        }
        return token;
    }
}

