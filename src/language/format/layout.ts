// The layout of a protocol file: the formatter's rules, applied to the token stream.
//
// The author's line breaks are kept (at most one blank line in a row); what changes is indentation
// (four spaces per open block, one more for a continued line), the spaces between tokens, and the
// alignment drafters expect in runs of similar lines: labels after names (organs, indicators,
// levels, channels…), the `->` of rules, the action after `step NAME:`, and trailing comments.
// Every token and comment is kept as it is, so formatting loses nothing and formatting twice
// changes nothing more.

export interface LayoutToken {
    readonly image: string;
    /** `comment` for line and block comments; `keyword` for the language's keywords and punctuation. */
    readonly kind: 'keyword' | 'name' | 'string' | 'number' | 'comment';
    readonly startLine: number;
    readonly endLine: number;
}

const INDENT = '    ';

/** Keywords that begin a declaration or a clause on its own line: anything else at a line's start continues the line before. */
const MEMBER_STARTS = new Set([
    'import', 'protocol', 'version', 'date', 'status', 'supersedes', 'languages', 'require', 'between', 'party', 'organ',
    'role', 'mediator', 'body', 'channel', 'action', 'event', 'dimension', 'indicator', 'scope', 'ladder', 'threshold',
    'redline', 'response', 'step', 'duty', 'deescalate', 'scenario', 'given', 'expect', 'consequence', 'disclosure',
    'confidential',
]);

/** Keywords whose line aligns the string that follows the declared name. */
const LABELLED = new Set(['party', 'organ', 'role', 'mediator', 'body', 'channel', 'action', 'event', 'dimension', 'indicator']);

interface Line {
    readonly tokens: LayoutToken[];
    /** The keyword of the declaration the line belongs to (a continued line, that of the line it continues). */
    declares: string;
    /** Blank lines before this one in the original (collapsed to at most one). */
    readonly blankBefore: boolean;
    depth: number;
    continuation: boolean;
    /** Inside a ladder block, where each line declares levels. */
    inLadder: boolean;
}

export function layout(tokens: readonly LayoutToken[]): string {
    const lines = splitLines(tokens);
    assignDepths(lines);
    const rendered = lines.map(line => ({ line, parts: spaced(line.tokens, line.declares) }));
    alignRuns(rendered);
    alignTrailingComments(rendered);
    const out: string[] = [];
    rendered.forEach(({ line, parts }, i) => {
        if (line.blankBefore && i > 0) out.push('');
        out.push(INDENT.repeat(line.depth + (line.continuation ? 1 : 0)) + parts.map(p => p.pad + p.text).join('').trimStart());
    });
    return out.length > 0 ? out.join('\n') + '\n' : '';
}

function splitLines(tokens: readonly LayoutToken[]): Line[] {
    const lines: Line[] = [];
    let current: LayoutToken[] = [];
    let lastLine = -1;
    let blankBefore = false;
    for (const token of tokens) {
        if (current.length > 0 && token.startLine > lastLine) {
            lines.push({ tokens: current, declares: '', blankBefore, depth: 0, continuation: false, inLadder: false });
            blankBefore = token.startLine > lastLine + 1;
            current = [];
        } else if (current.length === 0 && lastLine >= 0) {
            blankBefore = token.startLine > lastLine + 1;
        }
        current.push(token);
        lastLine = token.endLine;
    }
    if (current.length > 0) lines.push({ tokens: current, declares: '', blankBefore, depth: 0, continuation: false, inLadder: false });
    return lines;
}

/** Block depth from braces (the braces of `in {…}` are a set, not a block), and continued lines. */
function assignDepths(lines: Line[]): void {
    const stack: Array<'block' | 'set' | 'ladder'> = [];
    lines.forEach((line, index) => {
        const first = line.tokens[0];
        const closesFirst = first.image === '}' && stack.length > 0 && stack[stack.length - 1] !== 'set';
        line.depth = stack.filter(kind => kind !== 'set').length - (closesFirst ? 1 : 0);
        line.inLadder = stack[stack.length - 1] === 'ladder';
        const startsMember = first.kind === 'comment' || first.image === '}' || MEMBER_STARTS.has(first.image)
            || (line.inLadder && first.kind === 'name');
        line.continuation = index > 0 && !startsMember;
        line.declares = line.continuation ? lines[index - 1].declares : first.image === 'confidential' ? line.tokens[1]?.image ?? '' : first.image;
        line.tokens.forEach((token, i) => {
            if (token.image === '{') {
                const before = line.tokens[i - 1]?.image;
                stack.push(before === 'in' ? 'set' : before === 'ladder' ? 'ladder' : 'block');
            } else if (token.image === '}') {
                stack.pop();
            }
        });
    });
}

interface Part {
    pad: string;
    readonly text: string;
    readonly token: LayoutToken;
}

/**
 * Spaces between the tokens of a line: one, except around `.`, `,`, `:`, parentheses and set braces.
 * An indicator's type and an action's class follow ` : ` (`indicator gap "Gap" : distance`), as the language reference writes them.
 */
function spaced(tokens: readonly LayoutToken[], declares: string): Part[] {
    let setDepth = 0;
    // The type of an indicator and the class of an action follow ` : `; a name or citation is followed by `:`.
    const declaresIndicator = declares === 'indicator' || declares === 'action';
    return tokens.map((token, i) => {
        const previous = tokens[i - 1];
        let pad = i === 0 ? '' : ' ';
        if (previous) {
            const p = previous.image;
            const t = token.image;
            const inSet = setDepth > 0;
            // `@fr "…"`: a translation's language follows its sign.
            if (t === ',' || (t === ':' && !declaresIndicator) || t === ')' || t === '.' || p === '.' || p === '(' || p === '@') pad = '';
            if (inSet && (p === '{' || t === '}')) pad = '';
        }
        if (token.image === '{' && tokens[i - 1]?.image === 'in') setDepth++;
        else if (token.image === '}' && setDepth > 0) setDepth--;
        return { pad, text: token.image, token };
    });
}

function width(parts: readonly Part[], end: number): number {
    return parts.slice(0, end).reduce((sum, part, i) => sum + (i === 0 ? 0 : part.pad.length) + part.text.length, 0);
}

/** Where a line aligns, and with which other lines: a kind of line and the part to pad before. */
function anchorOf(line: Line, parts: readonly Part[]): { kind: string; index: number } | undefined {
    const images = parts.map(p => p.text);
    const first = images[0];
    const hasComment = parts.some((p, i) => p.token.kind === 'comment' && i < parts.length - 1);
    if (hasComment) return undefined;
    if (LABELLED.has(first) && parts[2]?.token.kind === 'string') return { kind: first, index: 2 };
    if (line.inLadder && parts[0].token.kind === 'name' && parts[1]?.token.kind === 'string' && (parts.length <= 3 || parts[2].text === '@')) return { kind: 'level', index: 1 };
    if ((first === 'threshold' || first === 'redline') && images.includes('->')) return { kind: 'rule', index: images.indexOf('->') };
    // The action after `step NAME:` or `duty NAME "citation":`.
    const colon = images.indexOf(':');
    if ((first === 'step' || first === 'duty') && (colon === 2 || colon === 3) && parts.length > colon + 1) return { kind: first, index: colon + 1 };
    return undefined;
}

/** Pads the anchors of consecutive lines of one kind (same depth, no blank line between) to one column. */
function alignRuns(rendered: Array<{ line: Line; parts: Part[] }>): void {
    let run: Array<{ parts: Part[]; index: number }> = [];
    let runKey = '';
    const flush = () => {
        if (run.length > 1) {
            const column = Math.max(...run.map(r => width(r.parts, r.index)));
            for (const r of run) r.parts[r.index].pad = ' '.repeat(column - width(r.parts, r.index) + 1);
        }
        run = [];
        runKey = '';
    };
    for (const { line, parts } of rendered) {
        const anchor = line.continuation ? undefined : anchorOf(line, parts);
        const key = anchor ? `${anchor.kind}@${line.depth}` : '';
        if (!anchor || key !== runKey || line.blankBefore) flush();
        if (anchor) {
            run.push({ parts, index: anchor.index });
            runKey = key;
        }
    }
    flush();
}

/** Trailing `//` comments of consecutive lines start in one column, two spaces after the longest code. */
function alignTrailingComments(rendered: Array<{ line: Line; parts: Part[] }>): void {
    let run: Array<{ line: Line; parts: Part[] }> = [];
    const flush = () => {
        if (run.length > 1) {
            const code = (r: { line: Line; parts: Part[] }) =>
                INDENT.length * (r.line.depth + (r.line.continuation ? 1 : 0)) + width(r.parts, r.parts.length - 1);
            const column = Math.max(...run.map(code));
            for (const r of run) r.parts[r.parts.length - 1].pad = ' '.repeat(column - code(r) + 2);
        }
        run = [];
    };
    for (const entry of rendered) {
        const last = entry.parts[entry.parts.length - 1];
        const trailing = entry.parts.length > 1 && last.token.kind === 'comment' && last.text.startsWith('//');
        if (!trailing || entry.line.blankBefore) flush();
        if (trailing) run.push(entry);
    }
    flush();
}
