// The lexer and parsers behind the guards: a text too long is reported, not parsed; conditions nested too
// deeply are reported where they go too deep, and the parser reads the tokens with what lies beyond the
// limits left out (see nesting.ts).
import {
    type AstNode, AstUtils, DefaultLexer, GrammarAST, type LangiumCompletionParser, type LangiumCoreServices, type LangiumParser,
    type LexerResult, type ParseResult, type ParserOptions, type TokenizeOptions, createCompletionParser, createLangiumParser
} from 'langium';
import { limitNesting } from './nesting.js';

/**
 * The longest text parsed, in characters (about 30,000 rules): a larger one is reported, not parsed,
 * rather than exhausting the memory of the editor's server or of the command line.
 */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/** The errors the guards add (a condition too deep, a text too long). */
const guardErrors = new WeakSet<object>();

export function isGuardError(error: object): boolean {
    return guardErrors.has(error);
}

function guarded<T extends object>(errors: readonly T[]): T[] {
    for (const error of errors) guardErrors.add(error);
    return [...errors];
}

/** The lexer whose tokens every parser reads: the nesting guard applied. */
export class GuardedLexer extends DefaultLexer {
    /** Keywords that may also be names (`indicator version …`), read from the grammar's `Name` rule. */
    protected readonly names: ReadonlySet<string>;

    constructor(services: LangiumCoreServices) {
        super(services);
        const rule = services.Grammar.rules.find(r => r.name === 'Name');
        this.names = new Set(rule ? AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value) : []);
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = this.tokenizeText(text, options);
        const limited = limitNesting(result.tokens, type => this.names.has(type));
        return limited.problems.length === 0
            ? result
            : { ...result, tokens: limited.tokens, errors: [...result.errors, ...guarded(limited.problems)] };
    }

    /** Every token, unguarded: for the formatter, which lays out the text as written. */
    tokenizeText(text: string, options?: TokenizeOptions): LexerResult {
        return super.tokenize(text, options);
    }
}

function tooLong(input: string): { offset: number; length: number; line: number; column: number; message: string } {
    const megabytes = (input.length / (1024 * 1024)).toFixed(1);
    return {
        offset: 0, length: 0, line: 1, column: 1,
        message: `This file is ${megabytes} MB; protocol files of up to ${MAX_TEXT_LENGTH / (1024 * 1024)} MB are read. Split it into files that import each other.`,
    };
}

export function createGuardedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        if (input.length <= MAX_TEXT_LENGTH) return parse<T>(input, options);
        const result = parse<T>('', options);
        result.lexerErrors.push(...guarded([tooLong(input)]));
        return result;
    };
    return parser;
}

export function createGuardedCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = createCompletionParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = input => parse(input.length > MAX_TEXT_LENGTH ? '' : input);
    return parser;
}
