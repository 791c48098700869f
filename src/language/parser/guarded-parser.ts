// Langium's parsers behind the nesting guard: they read the text with over-deep conditions blanked,
// and the parse result reports each such condition as a syntax error where it goes too deep.
import {
    type AstNode, type LangiumCompletionParser, type LangiumCoreServices, type LangiumParser, type ParseResult, type ParserOptions,
    createCompletionParser, createLangiumParser
} from 'langium';
import { limitNesting } from './nesting.js';

/**
 * The longest text parsed, in characters (about 30,000 rules): a larger one is reported, not parsed,
 * rather than exhausting the memory of the editor's server or of the command line.
 */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/** The errors the guard adds to a parse result (a condition too deep, a text too long). */
const guardErrors = new WeakSet<object>();

export function isGuardError(error: object): boolean {
    return guardErrors.has(error);
}

function guarded<T extends object>(errors: readonly T[]): T[] {
    for (const error of errors) guardErrors.add(error);
    return [...errors];
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
        if (input.length > MAX_TEXT_LENGTH) {
            const result = parse<T>('', options);
            result.lexerErrors.push(...guarded([tooLong(input)]));
            return result;
        }
        const limited = limitNesting(input);
        const result = parse<T>(limited.text, options);
        result.lexerErrors.push(...guarded(limited.problems));
        return result;
    };
    return parser;
}

export function createGuardedCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = createCompletionParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = input => parse(input.length > MAX_TEXT_LENGTH ? '' : limitNesting(input).text);
    return parser;
}
