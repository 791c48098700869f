// The benchmark's verdicts on the targets of rules as they come: met, missed, or not run, never guessed.
import { describe, expect, test } from 'vitest';
import type { ConjunctiveResult, FamilyResult } from '../../bench/families.js';
import { exponent, ms } from '../../bench/report.js';
import { type FamilyResults, familyTargets } from '../../bench/report-families.js';
import type { Z3Comparison } from '../../bench/z3-baseline.js';

const timing = (mean: number) => ({ mean, median: mean, rme: 1, samples: 3 });

function unstructured(rules: number, check: number, cli: number, incomplete = false): FamilyResult {
    return {
        rules, indicators: 20, lines: rules, check: timing(check), analysis: timing(check / 2), findings: rules,
        cliCheck: { milliseconds: cli, peakMiB: 300, exitCode: 1, incomplete },
    };
}

/** `analysis`: the in-process analysis alone; by default linear in k. */
const conjunctive = (clauses: number, milliseconds: number, peakMiB = 150, incomplete = false, analysis = clauses / 2): ConjunctiveResult =>
    ({ clauses, cliCheck: { milliseconds, peakMiB, exitCode: 1, incomplete }, ...(incomplete ? {} : { analysis: timing(analysis) }) });

const z3 = (identical: boolean): Z3Comparison =>
    ({ rules: 100, engine: 2, z3: 1000, z3Limit: 1e5, ratio: 500, identical, found: { unsatisfiable: 0, masked: 3, redundant: 1 } });

const realistic = (rules: number, analysis: number, check: number) =>
    ({ rules, indicators: 20, phases: { analysis: timing(analysis), check: timing(check) } });

function verdicts(results: FamilyResults, scales = [realistic(1000, 30, 260)]) {
    return familyTargets({ ...results, scales }, exponent, ms);
}

describe('targets of rules as they come', () => {
    test('a run that meets every target says so', () => {
        const found = verdicts({
            unstructured: [unstructured(1000, 400, 900), unstructured(10000, 5000, 9000)],
            conjunctive: [conjunctive(10, 300), conjunctive(15, 500), conjunctive(20, 800)],
            z3Unstructured: [z3(true)],
            previous: { commit: 'abc', scales: [{ rules: 1000, analysis: 30, check: 250 }] },
        });
        expect(found.map(t => t.met)).toEqual([true, true, true, true, true, true, true]);
    });

    test('misses are reported as misses', () => {
        const found = verdicts({
            // 10,000 rules in time, but incomplete; growth n^1.4 from 1,000.
            unstructured: [unstructured(1000, 400, 1100), unstructured(10000, 10000, 9000, true)],
            // Exponential in k: stopped before 20 clauses.
            conjunctive: [conjunctive(10, 300), conjunctive(12, 1900), conjunctive(14, 9000), conjunctive(16, 3000, 600, true)],
            z3Unstructured: [z3(false)],
            previous: { commit: 'abc', scales: [{ rules: 1000, analysis: 10, check: 250 }] },
        });
        expect(found.map(t => t.met)).toEqual([false, false, false, false, false, false, false]);
        expect(found[4].measured).toContain('not reached');
        // 20 clauses in time but over the memory target.
        expect(verdicts({ conjunctive: [conjunctive(18, 700), conjunctive(20, 900, 400)] })[4].met).toBe(false);
        // Every run in time, but the analysis doubles with each clause: fitted, p is far above 3.
        const doubling = verdicts({ conjunctive: [4, 8, 12, 16, 20].map(k => conjunctive(k, 400, 150, false, 2 ** k / 1000)) });
        expect(doubling[4].met).toBe(true);
        expect(doubling[5].met).toBe(false);
        expect(doubling[5].measured).toMatch(/p = (\d+\.\d+)$/);
        expect(Number(/p = (\d+\.\d+)$/.exec(doubling[5].measured)![1])).toBeGreaterThan(6);
        // Too few points to fit a growth: not met.
        expect(verdicts({ conjunctive: [conjunctive(18, 700), conjunctive(20, 800)] })[5].met).toBe(false);
    });

    test('a series asked for fewer than 20 clauses that did not stop is not run at 20, not missed', () => {
        const found = verdicts({ conjunctive: [conjunctive(4, 300), conjunctive(6, 320)] });
        expect(found.slice(4, 6).map(t => t.met)).toEqual([undefined, undefined]);
        expect(found[4].measured).toBe('not run at 20 clauses (up to 6)');
    });

    test('what did not run is not run', () => {
        const found = verdicts({}, []);
        expect(found.map(t => t.met)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
        expect(found.every(t => t.measured === 'not run')).toBe(true);
    });
});
