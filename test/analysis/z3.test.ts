// Cross-check with the Z3 SMT solver: unsatisfiable, masked and redundant verdicts on random protocols
// agree with Z3's answers to the same questions (each rule encoded as a formula over the indicators).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Context, init, killThreads } from 'z3-solver';
import { findingVerdicts, z3Verdicts } from '../../bench/z3-encoding.js';
import { analyse } from '../../src/analysis/analyse.js';
import { randomProtocol } from './generate.js';

let z3: Awaited<ReturnType<typeof init>>;
let ctx: Context;

beforeAll(async () => {
    z3 = await init();
    ctx = z3.Context('main');
}, 300_000);

afterAll(async () => {
    // The solver keeps worker threads alive; end them so the test process can exit.
    await killThreads(z3.em);
});

describe('cross-check with Z3', () => {
    test('unsatisfiable, masked and redundant rules match Z3 on random protocols', async () => {
        await fc.assert(fc.asyncProperty(randomProtocol, async protocol => {
            const expected = await z3Verdicts(ctx, protocol);
            const actual = findingVerdicts(protocol, analyse(protocol).findings);
            expect([...actual.unsatisfiable].sort()).toEqual([...expected.unsatisfiable].sort());
            expect([...actual.masked].sort()).toEqual([...expected.masked].sort());
            expect([...actual.redundant].sort()).toEqual([...expected.redundant].sort());
        }), { numRuns: 60, seed: 424242 });
    }, 600_000);
});
