// What the fuzz tests feed the toolchain: grammar-aware protocols (the benchmark's generator, and the
// examples) and random mutations of them, the damage real typing and real files do to text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateProtocol } from '../../bench/generate.js';

export const REPO = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.detente') ? [path.join(dir, entry.name)] : []);
}

/** The examples and fixtures, by path relative to the repository. */
export const SAMPLES: ReadonlyMap<string, string> = new Map(
    [...files(path.join(REPO, 'examples')), ...files(path.join(REPO, 'test', 'fixtures'))]
        .map(file => [path.relative(REPO, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')]));

/** A protocol of the benchmark's generator: valid text of every construct. */
export const generated: fc.Arbitrary<string> = fc.record({
    rules: fc.integer({ min: 1, max: 40 }),
    indicators: fc.integer({ min: 5, max: 12 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
}).map(options => generateProtocol(options));

export const sample: fc.Arbitrary<string> = fc.constantFrom(...SAMPLES.values());

/** Pieces of the language and of hostile text, to insert anywhere. */
const FRAGMENTS = [
    'protocol', 'threshold', 'redline', 'response', 'step', 'deescalate', 'scenario', 'given', 'expect', 'import', 'ladder', 'indicator',
    'party', 'organ', 'channel', 'within', 'after', 'via', 'and', 'or', 'not', 'in', 'between', '->', '{', '}', '(', ')', ':', ',', '.',
    '<', '<=', '=', '!=', '2 nm', '0.5', '1e9', '-1', '%', '"', '"unterminated', '/*', '*/', '//', '\n', '\r\n', '\t', '\u0000', '\ufeff',
    '\u202e', 'é', '🚢', '<script>alert(1)</script>', ']]>', '=cmd|', '"><img src=x onerror=alert(1)>', 'import "../../../etc/passwd"',
    'import "/etc/passwd.detente"', 'Aland.MoD', 'separation', 'radarLock', 'Crisis', 'x'.repeat(300),
];

export type Mutation =
    | { readonly kind: 'delete'; readonly at: number; readonly length: number }
    | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
    | { readonly kind: 'swap'; readonly at: number; readonly length: number; readonly with: number }
    | { readonly kind: 'truncate'; readonly at: number }
    | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const span = fc.integer({ min: 1, max: 80 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: position, length: span }),
    fc.record({ kind: fc.constant('duplicate' as const), at: position, length: span, to: position }),
    fc.record({ kind: fc.constant('swap' as const), at: position, length: span, with: position }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 12 })) }),
).map(m => m as unknown as Mutation);

/** Applies a mutation; positions are fractions of the text's length, so any mutation fits any text. */
export function mutate(text: string, m: Mutation): string {
    const at = Math.floor((m as { at: number }).at * text.length);
    switch (m.kind) {
        case 'delete': return text.slice(0, at) + text.slice(at + m.length);
        case 'truncate': return text.slice(0, at);
        case 'insert': return text.slice(0, at) + m.text + text.slice(at);
        case 'duplicate': {
            const piece = text.slice(at, at + m.length);
            const to = Math.floor(m.to * text.length);
            return text.slice(0, to) + piece + text.slice(to);
        }
        case 'swap': {
            const other = Math.floor(m.with * text.length);
            const [a, b] = at <= other ? [at, other] : [other, at];
            const first = text.slice(a, Math.min(a + m.length, b));
            const second = text.slice(b, b + m.length);
            return text.slice(0, a) + second + text.slice(a + first.length, b) + first + text.slice(b + second.length);
        }
    }
}

/** A protocol text: generated or an example, then damaged by up to five mutations. */
export const damaged: fc.Arbitrary<string> = fc.tuple(fc.oneof(generated, sample), fc.array(mutation, { minLength: 1, maxLength: 5 }))
    .map(([text, mutations]) => mutations.reduce(mutate, text));

/**
 * Shapes that have broken the toolchain before, made at random: deep mixes of parentheses, `not` and
 * set tests; long chains of `or` over set tests and over names that are keywords (`version`); conditions
 * in conjunctive form, whose boxes grow as 2^k; labels, citations and names full of control characters.
 */
export const hostile: fc.Arbitrary<string> = fc.oneof(
    fc.record({ outer: fc.integer({ min: 0, max: 160 }), inner: fc.integer({ min: 0, max: 120 }), nots: fc.integer({ min: 0, max: 40 }) })
        .map(({ outer, inner, nots }) => shell(`${'('.repeat(outer)}zone in {North} and ${'not '.repeat(nots)}${'('.repeat(inner)}zone in {North, South}${')'.repeat(outer + inner)}`)),
    fc.record({ terms: fc.integer({ min: 1, max: 3000 }), word: fc.constantFrom('zone in {North}', 'version', 'lock', 'version and lock') })
        .map(({ terms, word }) => shell(Array(terms).fill(word).join(' or '))),
    fc.integer({ min: 1, max: 22 }).map(k => shell(Array.from({ length: k }, (_, i) => `(lock or gap < ${i + 1} m)`).join(' and '))),
    fc.string({ unit: 'binary', maxLength: 24 }).map(junk => {
        const label = JSON.stringify(junk).slice(1, -1);
        return shell(`lock`, `"${label}"`);
    }),
);

/** A protocol around one condition (and a label), with the indicators the shapes above use. */
function shell(condition: string, label = '"Tense"'): string {
    return `protocol P ${label} {
    indicator gap ${label} : distance
    indicator lock ${label} : flag
    indicator version ${label} : flag
    indicator zone ${label} : one of North, South
    ladder { Calm "Calm" Tense ${label} }
    threshold T ${label}: ${condition} -> Tense
    redline R ${label}: lock -> Tense { consequence ${label} disclosure public }
    scenario ${label} { given lock expect Tense }
}
`;
}
