// A guard before the parser: conditions nested too deeply (parentheses, or long chains of `and`,
// `or` and `not`, which the parser turns into nested nodes) would exhaust the call stack of the
// parser and of everything that walks its tree. Such a condition is reported, and the part beyond the
// limit is hidden from the parser (blanked, so that every position stays where it is).

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

export interface LimitedText {
    /** The text with what lies beyond the limits blanked; the same text when nothing does. */
    readonly text: string;
    readonly problems: readonly NestingProblem[];
}

/** Words after which a new condition starts (or none does): the operator count starts again. */
const STATEMENT_WORDS = new Set([
    'threshold', 'redline', 'deescalate', 'scenario', 'given', 'expect', 'for', 'response', 'step', 'indicator',
    'protocol', 'party', 'channel', 'ladder', 'mediator', 'import', 'version', 'require', 'consequence', 'disclosure',
]);
const BOUNDARIES = new Set([',', '{', '}', ':']);

interface Token {
    readonly kind: 'open' | 'close' | 'operator' | 'boundary' | 'word';
    readonly not?: boolean;
    readonly start: number;
    readonly end: number;
}

export function limitNesting(text: string): LimitedText {
    const tokens = scan(text);
    const partners = pairs(tokens);
    const problems: NestingProblem[] = [];
    const blanks: Array<[number, number]> = [];
    // Per open parenthesis, the operators counted inside it; the operators of the enclosing levels add up.
    const levels: number[] = [0];
    let operators = 0;
    // `not not …` nests like parentheses: the parser descends once per `not`.
    let nots = 0;
    // Closing parentheses whose opening one was dropped; whether this condition was reported already.
    const skipped = new Set<number>();
    let reported = false;
    const report = (token: Token, message: string) => {
        if (reported) return;
        reported = true;
        problems.push({ ...position(text, token.start), offset: token.start, length: token.end - token.start, message });
    };

    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        switch (token.kind) {
            case 'open':
                if (levels.length + nots > MAX_PARENTHESES) {
                    // The pair of parentheses goes; what they hold stays.
                    report(token, `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here; split the condition into several rules.`);
                    const close = partners.get(i);
                    blanks.push([token.start, token.end]);
                    if (close !== undefined) {
                        blanks.push([tokens[close].start, tokens[close].end]);
                        skipped.add(close);
                    }
                    continue;
                }
                levels.push(0);
                break;
            case 'close':
                if (skipped.has(i)) break;
                if (levels.length > 1) operators -= levels.pop()!;
                nots = 0;
                break;
            case 'word':
                nots = 0;
                break;
            case 'operator':
                nots = token.not ? nots + 1 : 0;
                if (token.not && levels.length - 1 + nots > MAX_PARENTHESES) {
                    report(token, `Parentheses and 'not' nest more than ${MAX_PARENTHESES} levels deep here; split the condition into several rules.`);
                    let last = i;
                    while (tokens[last + 1]?.not) last++;
                    blanks.push([token.start, tokens[last].end]);
                    nots = 0;
                    i = last;
                    continue;
                }
                if (operators >= MAX_OPERATORS) {
                    report(token, `This condition chains more than ${MAX_OPERATORS} 'and', 'or' and 'not' along one path; split it into several rules.`);
                    const end = statementEnd(tokens, i);
                    for (const [from, to] of blankable(tokens, i, end)) blanks.push([from, to]);
                    i = end - 1;
                    continue;
                }
                operators++;
                levels[levels.length - 1]++;
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
    return { text: blanks.length === 0 ? text : blank(text, blanks), problems };
}

/** Each opening parenthesis with the one that closes it, within one condition. */
function pairs(tokens: readonly Token[]): Map<number, number> {
    const partners = new Map<number, number>();
    const open: number[] = [];
    tokens.forEach((token, i) => {
        if (token.kind === 'open') open.push(i);
        else if (token.kind === 'close' && open.length > 0) partners.set(open.pop()!, i);
        else if (token.kind === 'boundary') open.length = 0;
    });
    return partners;
}

/** The index of the first token after the condition that `from` is in. */
function statementEnd(tokens: readonly Token[], from: number): number {
    let i = from;
    while (i < tokens.length && tokens[i].kind !== 'boundary') i++;
    return i;
}

/** The ranges from `from` to `end` to blank: everything but the parentheses that close enclosing levels. */
function blankable(tokens: readonly Token[], from: number, end: number): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    let depth = 0;
    let start = tokens[from].start;
    for (let i = from; i < end; i++) {
        const token = tokens[i];
        if (token.kind === 'open') depth++;
        if (token.kind === 'close') {
            if (depth > 0) {
                depth--;
            } else {
                ranges.push([start, token.start]);
                start = token.end;
            }
        }
    }
    ranges.push([start, end < tokens.length ? tokens[end].start : Number.MAX_SAFE_INTEGER]);
    return ranges;
}

function blank(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
    const chars = text.split('');
    for (const [from, to] of ranges) {
        for (let i = from; i < Math.min(to, chars.length); i++) {
            if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
        }
    }
    return chars.join('');
}

function position(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * The tokens that matter for nesting: parentheses, `and`/`or`/`not`, and what ends a condition
 * (`->`, `,`, `{`, `}`, `:` and the words that start a declaration). Comments and quoted texts are skipped.
 */
function scan(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
        } else if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
            i = j + 1;
        } else if (c === '(' || c === ')') {
            tokens.push({ kind: c === '(' ? 'open' : 'close', start: i, end: i + 1 });
            i++;
        } else if (c === '-' && text[i + 1] === '>') {
            tokens.push({ kind: 'boundary', start: i, end: i + 2 });
            i += 2;
        } else if (BOUNDARIES.has(c)) {
            tokens.push({ kind: 'boundary', start: i, end: i + 1 });
            i++;
        } else if (isWordStart(text.charCodeAt(i))) {
            let j = i + 1;
            while (j < text.length && isWordPart(text.charCodeAt(j))) j++;
            const word = text.slice(i, j);
            const kind = word === 'and' || word === 'or' || word === 'not' ? 'operator' : STATEMENT_WORDS.has(word) ? 'boundary' : 'word';
            tokens.push({ kind, start: i, end: j, not: word === 'not' });
            i = j;
        } else {
            i++;
        }
    }
    return tokens;
}

function isWordStart(code: number): boolean {
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isWordPart(code: number): boolean {
    return isWordStart(code) || (code >= 48 && code <= 57);
}
