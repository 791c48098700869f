// The benchmark's verdicts on its targets: met, missed, or not run, never guessed.
import { describe, expect, test } from 'vitest';
import type { PhaseTimings } from '../../bench/phases.js';
import { exponent, type Results, type ScaleResult, targets } from '../../bench/report.js';

const timing = (mean: number) => ({ mean, median: mean, rme: 1, samples: 3 });

function scale(rules: number, check: number, cli: number, peakMiB: number, analysis = check / 4, parseLink = check / 2, compile = { milliseconds: cli * 2, peakMiB }): ScaleResult {
    const phases: PhaseTimings = {
        parseLink: timing(parseLink), analysis: timing(analysis), check: timing(check), compileJson: timing(1), compileDmn: timing(1),
        findings: 0, resolvedRows: 0, jsonBytes: 0, dmnBytes: 0,
    };
    return { rules, indicators: 20, lines: rules, phases, cliCheck: { milliseconds: cli, peakMiB, exitCode: 0 }, cliCompile: { ...compile, exitCode: 0 } };
}

const base: Omit<Results, 'targets'> = { machine: {}, scales: [], indicatorSweep: [], growth: {}, z3: [] };

describe('benchmark targets', () => {
    test('the exponent of n^k between two scales', () => {
        expect(exponent(1000, 1, 10000, 10)).toBeCloseTo(1);
        expect(exponent(1000, 1, 10000, 100)).toBeCloseTo(2);
    });

    test('a full run that meets every target says so', () => {
        const verdicts = targets({
            ...base,
            scales: [scale(1000, 300, 800, 200), scale(10000, 3600, 4500, 600, undefined, undefined, { milliseconds: 9000, peakMiB: 480 })],
            lsp: { lines: 2100, rules: 1500, edits: 50, open: 500, p50: 90, p95: 140, max: 150, bursts: { count: 10, keystrokes: 5, p50: 100, p95: 120 } },
            z3: [{ rules: 100, engine: 2, z3: 1000, z3Limit: 1e5, ratio: 500, identical: true, found: { unsatisfiable: 0, masked: 0, redundant: 1 } }],
        });
        expect(verdicts.map(t => t.met)).toEqual([true, true, true, true, true, true, true]);
    });

    test('misses are reported as misses, and what did not run as not run', () => {
        const verdicts = targets({
            ...base,
            scales: [scale(1000, 300, 1200, 200, 400), scale(10000, 9000, 11000, 1500)],
            lsp: { lines: 2100, rules: 1500, edits: 50, open: 500, p50: 300, p95: 400, max: 500, bursts: { count: 10, keystrokes: 5, p50: 400, p95: 500 } },
            z3: [{ rules: 100, engine: 2, z3: 10, z3Limit: 1e5, ratio: 5, identical: false, found: { unsatisfiable: 0, masked: 0, redundant: 1 } }],
        });
        expect(verdicts.map(t => t.met)).toEqual([false, false, false, false, false, false, false]);
        const none = targets(base);
        expect(none.map(t => t.met)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
        expect(none.every(t => t.measured === 'not run')).toBe(true);
    });

    test('compile at 10,000 rules misses on time or on memory alone', () => {
        const compile = (milliseconds: number, peakMiB: number) => targets({ ...base, scales: [scale(10000, 3600, 4500, 600, undefined, undefined, { milliseconds, peakMiB })] })
            .find(t => t.target.startsWith('`detente compile'))!;
        expect(compile(9000, 480)).toMatchObject({ met: true, measured: '9000 ms, 480 MiB' });
        expect(compile(11_000, 480).met).toBe(false);
        expect(compile(9000, 520).met).toBe(false);
    });
});
