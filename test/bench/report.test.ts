// The benchmark's verdicts on its targets: met, missed, or not run, never guessed.
import { describe, expect, test } from 'vitest';
import type { PhaseTimings } from '../../bench/phases.js';
import type { EditLatency } from '../../bench/lsp.js';
import { exponent, markdown, type Results, type ScaleResult, targets } from '../../bench/report.js';

const timing = (mean: number) => ({ mean, median: mean, rme: 1, samples: 3 });

function scale(rules: number, check: number, cli: number, peakMiB: number, analysis = check / 4, parseLink = check / 2, compile = { milliseconds: cli * 2, peakMiB }): ScaleResult {
    const phases: PhaseTimings = {
        parseLink: timing(parseLink), analysis: timing(analysis), check: timing(check), compileJson: timing(1), compileDmn: timing(1),
        findings: 0, resolvedRows: 0, jsonBytes: 0, dmnBytes: 0,
    };
    return { rules, indicators: 20, lines: rules, phases, cliCheck: { milliseconds: cli, peakMiB, exitCode: 0 }, cliCompile: { ...compile, exitCode: 0 } };
}

const base: Omit<Results, 'targets'> = { machine: {}, scales: [], indicatorSweep: [], growth: {}, lsp: [], z3: [] };

function editLatency(family: EditLatency['family'], lines: number, p95: number, complete = p95 * 3): EditLatency {
    return {
        family, lines, rules: lines, edits: 50, open: 500, p50: p95 * 0.7, p95, max: p95 * 1.1,
        complete: { p50: complete * 0.7, p95: complete, max: complete * 1.1 }, bursts: { count: 10, keystrokes: 5, p50: p95, p95 },
    };
}

describe('benchmark targets', () => {
    test('the exponent of n^k between two scales', () => {
        expect(exponent(1000, 1, 10000, 10)).toBeCloseTo(1);
        expect(exponent(1000, 1, 10000, 100)).toBeCloseTo(2);
    });

    test('a full run that meets every target says so', () => {
        const verdicts = targets({
            ...base,
            scales: [scale(1000, 300, 800, 200), scale(10000, 3600, 4500, 600, undefined, undefined, { milliseconds: 9000, peakMiB: 480 })],
            lsp: [editLatency('realistic', 2100, 140), editLatency('unstructured', 300, 45)],
            z3: [{ rules: 100, engine: 2, z3: 1000, z3Limit: 1e5, ratio: 500, identical: true, found: { unsatisfiable: 0, masked: 0, redundant: 1 } }],
        });
        expect(verdicts.map(t => t.met)).toEqual(Array(8).fill(true));
    });

    test('misses are reported as misses, and what did not run as not run', () => {
        const verdicts = targets({
            ...base,
            scales: [scale(1000, 300, 1200, 200, 400), scale(10000, 9000, 11000, 1500)],
            lsp: [editLatency('realistic', 2100, 400), editLatency('unstructured', 300, 60)],
            z3: [{ rules: 100, engine: 2, z3: 10, z3Limit: 1e5, ratio: 5, identical: false, found: { unsatisfiable: 0, masked: 0, redundant: 1 } }],
        });
        expect(verdicts.map(t => t.met)).toEqual(Array(8).fill(false));
        const none = targets(base);
        expect(none.map(t => t.met)).toEqual(Array(8).fill(undefined));
        expect(none.every(t => t.measured === 'not run')).toBe(true);
    });

    test('compile at 10,000 rules misses on time or on memory alone', () => {
        const compile = (milliseconds: number, peakMiB: number) => targets({ ...base, scales: [scale(10000, 3600, 4500, 600, undefined, undefined, { milliseconds, peakMiB })] })
            .find(t => t.target.startsWith('`detente compile'))!;
        expect(compile(9000, 480)).toMatchObject({ met: true, measured: '9000 ms, 480 MiB' });
        expect(compile(11_000, 480).met).toBe(false);
        expect(compile(9000, 520).met).toBe(false);
    });

    test('each latency target is judged on its own family and size, and says what the complete diagnostics take', () => {
        // A 2,000-line unstructured run does not stand in for the realistic family, nor a realistic one for the 300-line draft.
        const swapped = targets({ ...base, lsp: [editLatency('unstructured', 2100, 100), editLatency('realistic', 300, 20)] });
        expect(swapped.filter(t => t.target.startsWith('edit to diagnostics')).map(t => t.measured)).toEqual(['not run', 'not run']);
        const verdicts = targets({ ...base, lsp: [editLatency('realistic', 2018, 120, 400)] });
        const realistic = verdicts.find(t => t.target.startsWith('edit to diagnostics, 2,000-line realistic'))!;
        expect(realistic.met).toBe(true);
        expect(realistic.measured).toContain("with the analysis' findings p95 400 ms");
        expect(markdown({ ...base, lsp: [editLatency('realistic', 2018, 120, 400)], targets: verdicts })).toContain('| realistic | 2,018 |');
    });

    test('a missed latency target is explained with the profile of its edits', () => {
        const profile = { lexing: 2, parsing: 80, 'linking and scopes': 20, 'structural checks': 10, publishing: 1, 'protocol model': 30, 'situation analysis': 40, 'garbage collection': 60 };
        const missed = { ...editLatency('realistic', 2018, 180, 400), profile };
        const met = { ...editLatency('unstructured', 300, 40), profile };
        const results = { ...base, machine: { load: '3.0 2.0 1.0' }, lsp: [missed, met] };
        const text = markdown({ ...results, targets: targets(results) });
        expect(text).toContain('The 2,018-line realistic protocol misses its 150 ms: before its first diagnostics an edit costs 113 ms of CPU');
        expect(text).toContain('parsing 80.0 ms');
        expect(text).toContain('(3.0 2.0 1.0)');
        expect(text).not.toContain('300-line unstructured protocol misses');
        expect(text).toContain('| unstructured | 300 | 2.0 ms | 80.0 ms | 20.0 ms | 10.0 ms | 1.0 ms | 30.0 ms | 40.0 ms | 60.0 ms | 0.0 ms | 0.0 ms |');
    });

    test('an earlier run is shown beside this one; a server that published once per edit published the complete set', () => {
        const { complete: _complete, ...before } = editLatency('unstructured', 300, 400);
        const results = { ...base, lsp: [editLatency('unstructured', 300, 40, 300)], baseline: { machine: { commit: 'abc1234' }, lsp: [before] } };
        const text = markdown({ ...results, targets: targets(results) });
        expect(text).toContain('Before: the same edits on the server of an earlier run (commit: abc1234)');
        expect(text).toContain('| unstructured | 300 | 280 ms | 400 ms | 280 ms | 400 ms | 40.0 ms | 300 ms |');
    });
});
