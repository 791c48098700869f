// The characters a token may start with, for a pattern that opens with one character class: each UTF-16
// code unit is tried against that class. Chevrotain looks a token type up by the first code unit of the
// text; a letter beyond the Basic Multilingual Plane starts with a high surrogate, so a Unicode class
// also lists those.

/** The UTF-16 code units that can start a match, or nothing when the pattern does not open with a class that must match. */
export function startCharacters(pattern: RegExp): number[] | undefined {
    const opening = leadingClass(pattern.source);
    if (!opening) return undefined;
    const flags = pattern.flags.replace(/[gy]/g, '');
    const key = `${opening}/${flags}`;
    let codes = known.get(key);
    if (!codes) {
        codes = [];
        // One scan of every code unit but the surrogates (a lone one is no character), in order.
        for (const match of everyCodeUnit().matchAll(new RegExp(opening, `${flags}g`))) codes.push(match[0].charCodeAt(0));
        if (pattern.unicode || flags.includes('v')) {
            for (let code = 0xd800; code <= 0xdbff; code++) codes.push(code);
            codes.sort((a, b) => a - b);
        }
        known.set(key, codes);
    }
    return [...codes];
}

/** Computed once per pattern: each language service set builds its tokens anew. */
const known = new Map<string, number[]>();
let allCodeUnits: string | undefined;

function everyCodeUnit(): string {
    if (allCodeUnits === undefined) {
        const units: string[] = [];
        for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) units.push(String.fromCharCode(code));
        allCodeUnits = units.join('');
    }
    return allCodeUnits;
}

/** The character class the pattern opens with, when one character of it is required (no `?`, `*` or `{0` after it, no alternation). */
function leadingClass(source: string): string | undefined {
    if (!source.startsWith('[') || source.startsWith('[^') || topLevelAlternation(source)) return undefined;
    let i = 1;
    for (; i < source.length && source[i] !== ']'; i++) {
        if (source[i] === '\\') i++;
        if (source[i] === '[') return undefined; // nested classes (the v flag): not read here
    }
    if (i >= source.length) return undefined;
    const after = source.slice(i + 1);
    if (/^(\?|\*|\{0[,}])/.test(after)) return undefined;
    return source.slice(0, i + 1);
}

function topLevelAlternation(source: string): boolean {
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') { i++; continue; }
        if (inClass) { if (c === ']') inClass = false; continue; }
        if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === '|' && depth === 0) return true;
    }
    return false;
}
