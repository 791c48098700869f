// Fuzzing: damaged and generated protocols through parse, link, validation, every editor feature at
// random places, the extension's requests and formatting. Nothing throws, every document gets its
// diagnostics, and formatting stays idempotent and lossless. A hang fails the test at its timeout —
// no case is timed against the clock, which a loaded machine would fail. A fixed seed and budget run
// in CI; FUZZ_RUNS and FUZZ_SEED run longer or elsewhere (`npm run fuzz`). Crashers found are kept in
// crashers/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import type { GuardedLexer } from '../../src/language/parser/guarded-parser.js';
import { damaged, generated, hostile } from './inputs.js';
import { runPipeline } from './pipeline.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const CRASHERS = path.join(__dirname, 'crashers');

const places = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });
const lexer = createDetenteServices(EmptyFileSystem).detente.parser.Lexer;

/** Every token and comment, in order, without the whitespace between them. */
function tokens(text: string): string[] {
    const result = (lexer as GuardedLexer).tokenizeText(text);
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image);
}

async function survives(text: string, at: readonly number[]): Promise<void> {
    const { formatted } = await runPipeline(text, at);
    if (formatted !== undefined) {
        expect(tokens(formatted)).toEqual(tokens(text));
        const { formatted: again } = await runPipeline(formatted, []);
        expect(again).toBe(formatted);
    }
}

describe('fuzzing the language server', () => {
    test('damaged protocols: no exception, diagnostics for every document, formatting loses nothing', async () => {
        await fc.assert(fc.asyncProperty(damaged, places, survives), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    }, 600_000);

    test('generated protocols: the same, and they format to a fixed point', async () => {
        await fc.assert(fc.asyncProperty(generated, places, survives), { numRuns: Math.max(10, RUNS / 4), seed: SEED + 1, endOnFailure: true });
    }, 600_000);

    test('hostile shapes (deep parentheses among sets, long chains, conjunctive conditions, control characters): the same', async () => {
        await fc.assert(fc.asyncProperty(hostile, places, survives), { numRuns: Math.max(10, RUNS / 3), seed: SEED + 2, endOnFailure: true });
    }, 600_000);

    test.each([
        ['10,000 nested parentheses', `${'('.repeat(10_000)}lock${')'.repeat(10_000)}`],
        ['10,000 nested nots', `${'not '.repeat(10_000)}lock`],
        ['60,000 chained conditions', Array.from({ length: 60_000 }, (_, i) => `gap < ${i + 1} m`).join(' and ')],
    ])('%s: every feature of the server, without exhausting the stack', async (_name, condition) => {
        const text = `protocol P {\n    indicator gap : distance\n    indicator lock : flag\n    ladder { Calm Tense }\n    threshold T: ${condition} -> Tense\n}\n`;
        const { document } = await runPipeline(text, [0.1, 0.5, 0.99]);
        expect(document.diagnostics!.map(d => d.code)).toContain('syntax');
    });

    const crashers = fs.readdirSync(CRASHERS).filter(name => name.endsWith('.detente'));
    test.each(crashers)('regression: crashers/%s', async name => {
        await survives(fs.readFileSync(path.join(CRASHERS, name), 'utf8'), [0, 0.25, 0.5, 0.75, 1]);
    });
});
