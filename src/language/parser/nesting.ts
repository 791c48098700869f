// A guard between the lexer and the parser: conditions nested too deeply (parentheses, or long chains
// of `and`, `or` and `not`, which the parser turns into nested nodes) would exhaust the call stack of the
// parser and of everything that walks its tree. Such a condition is reported, and the tokens beyond the
// limit are kept from the parser. The guard reads the lexer's tokens, so nothing inside texts or comments,
// and no name that happens to be a keyword (`version`), can fool it.
import type { IToken } from 'chevrotain';

/** Parentheses inside parentheses, at most. */
export const MAX_PARENTHESES = 100;
/** `and`, `or` and `not` along one path of a condition (each makes one more level of the tree), at most. */
export const MAX_OPERATORS = 1000;

export interface NestingProblem {
    readonly offset: number;
    readonly length: number;
    /** 1-based, as the lexer counts. */
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export interface LimitedTokens {
    /** The tokens the parser reads: those beyond the limits left out. */
    readonly tokens: IToken[];
    readonly problems: readonly NestingProblem[];
}

/** What a token is to the nesting of a condition. */
type Kind = 'open' | 'close' | 'and-or' | 'not' | 'boundary' | 'word';

/** Tokens that may stand inside a condition besides names and numbers; anything else ends it. */
const CONDITION_TOKENS = new Set(['(', ')', 'and', 'or', 'not', 'between', 'in', 'true', 'false', '<', '<=', '>', '>=', '=', '!=', '%', '.']);

/**
 * Leaves out what lies beyond the limits. `isName` tells the keywords that may also be names (an
 * indicator called `version`): inside a condition they are names, not the start of a declaration.
 */
export function limitNesting(tokens: readonly IToken[], isName: (tokenType: string) => boolean): LimitedTokens {
    const kinds = classify(tokens, isName);
    const partners = pairs(kinds);
    const problems: NestingProblem[] = [];
    const dropped = new Set<number>();
    // Per open parenthesis, the operators counted inside it; the operators of the enclosing levels add up.
    const levels: number[] = [0];
    let operators = 0;
    // `not not …` nests like parentheses: the parser descends once per `not`.
    let nots = 0;
    // Whether this condition was reported already: once is enough.
    let reported = false;
    const report = (token: IToken, message: string) => {
        if (reported) return;
        reported = true;
        problems.push({
            offset: token.startOffset, length: token.image.length, line: token.startLine ?? 1, column: token.startColumn ?? 1, message,
        });
    };
    const tooDeep = `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here; split the condition into several rules.`;

    for (let i = 0; i < tokens.length; i++) {
        if (dropped.has(i)) continue;
        switch (kinds[i]) {
            case 'open':
                if (levels.length + nots > MAX_PARENTHESES) {
                    // The pair of parentheses goes; what they hold stays.
                    report(tokens[i], tooDeep);
                    dropped.add(i);
                    const close = partners.get(i);
                    if (close !== undefined) dropped.add(close);
                    continue;
                }
                levels.push(0);
                break;
            case 'close':
                if (levels.length > 1) operators -= levels.pop()!;
                nots = 0;
                break;
            case 'word':
                nots = 0;
                break;
            case 'not':
                nots++;
                if (levels.length - 1 + nots > MAX_PARENTHESES) {
                    report(tokens[i], tooDeep);
                    for (; kinds[i] === 'not'; i++) dropped.add(i);
                    i--;
                    nots = 0;
                    continue;
                }
                if (countOperator(i)) continue;
                break;
            case 'and-or':
                nots = 0;
                if (countOperator(i)) continue;
                break;
            case 'boundary':
                reported = false;
                nots = 0;
                levels.length = 1;
                levels[0] = 0;
                operators = 0;
                break;
        }
    }
    return { tokens: dropped.size === 0 ? [...tokens] : tokens.filter((_, i) => !dropped.has(i)), problems };

    /** Counts an operator; past the limit, leaves out the rest of the condition but the parentheses that close enclosing levels. */
    function countOperator(i: number): boolean {
        if (operators < MAX_OPERATORS) {
            operators++;
            levels[levels.length - 1]++;
            return false;
        }
        report(tokens[i], `This condition chains more than ${MAX_OPERATORS} 'and', 'or' and 'not' along one path; split it into several rules.`);
        let depth = 0;
        let j = i;
        for (; j < tokens.length && kinds[j] !== 'boundary'; j++) {
            if (kinds[j] === 'open') depth++;
            if (kinds[j] === 'close' && depth > 0) {
                depth--;
            } else if (kinds[j] === 'close') {
                continue; // closes an enclosing level: kept for the parser
            }
            dropped.add(j);
        }
        return true;
    }
}

/**
 * The role of each token. Braces and commas are part of a condition inside a set (`zone in {A, B}`),
 * and end it elsewhere; `not` before `in` belongs to the set test and does not nest.
 */
function classify(tokens: readonly IToken[], isName: (tokenType: string) => boolean): Kind[] {
    let inSet = false;
    return tokens.map((token, i) => {
        const type = token.tokenType.name;
        if (inSet) {
            if (type === '}') inSet = false;
            return 'word';
        }
        switch (type) {
            case '(': return 'open';
            case ')': return 'close';
            case 'and':
            case 'or': return 'and-or';
            case 'not': return tokens[i + 1]?.tokenType.name === 'in' ? 'word' : 'not';
            case '{':
                if (tokens[i - 1]?.tokenType.name === 'in') {
                    inSet = true;
                    return 'word';
                }
                return 'boundary';
            case 'ID':
            case 'NUMBER': return 'word';
            default: return CONDITION_TOKENS.has(type) || isName(type) ? 'word' : 'boundary';
        }
    });
}

/** Each opening parenthesis with the one that closes it, within one condition. */
function pairs(kinds: readonly Kind[]): Map<number, number> {
    const partners = new Map<number, number>();
    const open: number[] = [];
    kinds.forEach((kind, i) => {
        if (kind === 'open') open.push(i);
        else if (kind === 'close' && open.length > 0) partners.set(open.pop()!, i);
        else if (kind === 'boundary') open.length = 0;
    });
    return partners;
}
