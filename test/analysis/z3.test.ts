// Cross-check with the Z3 SMT solver: the verdicts of the situation checks on random protocols agree with
// Z3's answers to the same questions (each rule encoded as a formula over the indicators: its condition
// without its `unless` exception, inside the scope; monotonicity by each indicator's declared direction).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Context, init, killThreads } from 'z3-solver';
import { findingMoreVerdicts, findingVerdicts, z3MoreVerdicts, z3Verdicts } from '../../bench/z3-encoding.js';
import { analyse } from '../../src/analysis/analyse.js';
import { generateUnstructured } from '../../bench/unstructured.js';
import { protocolModel } from '../helpers.js';
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

const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);

describe('cross-check with Z3', () => {
    test('unsatisfiable, masked and redundant rules match Z3 on random protocols', async () => {
        await fc.assert(fc.asyncProperty(randomProtocol, async protocol => {
            const findings = analyse(protocol).findings;
            const more = await z3MoreVerdicts(ctx, protocol);
            // With an empty scope, `empty-scope` is the finding; what the checks of single rules then say is left open.
            if (more.emptyScope) return;
            const expected = await z3Verdicts(ctx, protocol);
            const actual = findingVerdicts(protocol, findings);
            expect(sorted(actual.unsatisfiable)).toEqual(sorted(expected.unsatisfiable));
            expect(sorted(actual.masked)).toEqual(sorted(expected.masked));
            expect(sorted(actual.redundant)).toEqual(sorted(expected.redundant));
        }), { numRuns: 60, seed: 424242 });
    }, 600_000);

    test('on rules as they come (the unstructured family: overlapping every which way), every verdict matches Z3', async () => {
        for (const seed of [1, 2, 3]) {
            const protocol = await protocolModel(generateUnstructured({ rules: 40, indicators: 6, seed }));
            const findings = analyse(protocol).findings;
            const expected = await z3Verdicts(ctx, protocol);
            const actual = findingVerdicts(protocol, findings);
            expect(sorted(actual.unsatisfiable), `unsatisfiable, seed ${seed}`).toEqual(sorted(expected.unsatisfiable));
            expect(sorted(actual.masked), `masked, seed ${seed}`).toEqual(sorted(expected.masked));
            expect(sorted(actual.redundant), `redundant, seed ${seed}`).toEqual(sorted(expected.redundant));
            // Masked and redundant rules both, or the family would not test union-aware coverage.
            expect(actual.masked.size * actual.redundant.size, `seed ${seed}`).toBeGreaterThan(0);
            const more = await z3MoreVerdicts(ctx, protocol);
            const moreActual = findingMoreVerdicts(protocol, findings);
            expect(sorted(moreActual.alwaysTrue), `always-true, seed ${seed}`).toEqual(sorted(more.alwaysTrue));
            expect(sorted(moreActual.unreachable), `unreachable-level, seed ${seed}`).toEqual(sorted(more.unreachable));
            expect(moreActual.nonMonotone, `non-monotone, seed ${seed}`).toBe(more.nonMonotone);
        }
    }, 600_000);

    test('empty scopes, always-true rules, unreachable levels, non-monotone ladders and scenarios match Z3', async () => {
        await fc.assert(fc.asyncProperty(randomProtocol, async protocol => {
            const expected = await z3MoreVerdicts(ctx, protocol);
            const actual = findingMoreVerdicts(protocol, analyse(protocol).findings);
            expect(actual.emptyScope, 'empty-scope').toBe(expected.emptyScope);
            if (!expected.emptyScope) expect(sorted(actual.alwaysTrue), 'always-true').toEqual(sorted(expected.alwaysTrue));
            // An empty scope is reported as such, and not as every level unreachable.
            expect(sorted(actual.unreachable), 'unreachable-level').toEqual(expected.emptyScope ? [] : sorted(expected.unreachable));
            expect(actual.nonMonotone, 'non-monotone').toBe(expected.nonMonotone);
            expect(actual.scenarios, 'scenarios').toEqual(expected.scenarios);
        }), { numRuns: 60, seed: 424243 });
    }, 600_000);
});
