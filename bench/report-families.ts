// The targets and tables of the families beside the realistic one: unstructured rules, the conjunctive
// condition, the realistic family against the previous results, and the Z3 cross-check on each family.
import type { ConjunctiveResult, FamilyResult } from './families.js';
import type { Z3Comparison } from './z3-baseline.js';

/** The realistic family's analysis and check at each scale, as the previous results recorded them. */
export interface PreviousRealistic {
    readonly commit: string;
    readonly scales: readonly { readonly rules: number; readonly analysis: number; readonly check: number }[];
}

export interface FamilyResults {
    readonly unstructured?: readonly FamilyResult[];
    readonly conjunctive?: readonly ConjunctiveResult[];
    /** The Z3 cross-check on unstructured protocols (20 indicators). */
    readonly z3Unstructured?: readonly Z3Comparison[];
    readonly previous?: PreviousRealistic;
}

interface Target {
    readonly target: string;
    readonly measured: string;
    readonly met: boolean | undefined;
}

/** The least-squares slope of log t against log n: the p of t ∝ n^p over all the points. */
function fittedExponent(points: readonly (readonly [number, number])[]): number {
    const xs = points.map(([n]) => Math.log(n));
    const ys = points.map(([, t]) => Math.log(t));
    const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const covariance = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
    const variance = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    return covariance / variance;
}

/** The realistic family may be this much slower than before and still count as no regression: runs on a shared machine vary. */
const NOISE = 1.25;

export function familyTargets(
    results: FamilyResults & { readonly scales: readonly { readonly rules: number; readonly indicators: number; readonly phases: { readonly analysis: { readonly mean: number }; readonly check: { readonly mean: number } } }[] },
    exponent: (n1: number, t1: number, n2: number, t2: number) => number,
    ms: (value: number) => string,
): Target[] {
    const list: Target[] = [];
    const unstructured = (rules: number) => results.unstructured?.find(u => u.rules === rules && u.indicators === 20);
    const thousand = unstructured(1000);
    list.push({
        target: 'unstructured, 20 indicators: `detente check` of 1,000 rules ≤ 1 s',
        measured: thousand?.cliCheck ? `${ms(thousand.cliCheck.milliseconds)} (in process: check ${ms(thousand.check.mean)}, analysis ${ms(thousand.analysis.mean)})` : 'not run',
        met: thousand?.cliCheck ? thousand.cliCheck.milliseconds <= 1000 && !thousand.cliCheck.incomplete : undefined,
    });
    const tenThousand = unstructured(10000);
    list.push({
        target: 'unstructured, 20 indicators: `detente check` of 10,000 rules ≤ 10 s, without `analysis-incomplete`',
        measured: tenThousand?.cliCheck
            ? `${ms(tenThousand.cliCheck.milliseconds)}, ${tenThousand.cliCheck.peakMiB.toFixed(0)} MiB${tenThousand.cliCheck.incomplete ? ', **analysis-incomplete**' : ', complete'}`
            : 'not run',
        met: tenThousand?.cliCheck ? tenThousand.cliCheck.milliseconds <= 10_000 && !tenThousand.cliCheck.incomplete : undefined,
    });
    const growth = thousand && tenThousand ? exponent(1000, thousand.check.mean, 10000, tenThousand.check.mean) : undefined;
    list.push({
        target: 'unstructured: growth 1,000 → 10,000 rules at most ~n log n (exponent ≤ 1.15)',
        measured: growth === undefined ? 'not run' : `check: n^${growth.toFixed(2)} (analysis: n^${exponent(1000, thousand!.analysis.mean, 10000, tenThousand!.analysis.mean).toFixed(2)})`,
        met: growth === undefined ? undefined : growth <= 1.15,
    });
    const previous = results.previous;
    const compared = previous ? results.scales.filter(s => s.indicators === 20).flatMap(s => {
        const before = previous.scales.find(p => p.rules === s.rules);
        return before ? [{ rules: s.rules, analysis: s.phases.analysis.mean / before.analysis, check: s.phases.check.mean / before.check }] : [];
    }) : [];
    list.push({
        target: `realistic family: no regression (analysis and check ≤ ${NOISE}× the previous results${previous ? `, ${previous.commit}` : ''})`,
        measured: compared.length === 0 ? 'not run' : compared.map(c => `${c.rules}: ×${c.analysis.toFixed(2)} / ×${c.check.toFixed(2)}`).join(', '),
        met: compared.length === 0 ? undefined : compared.every(c => c.analysis <= NOISE && c.check <= NOISE),
    });
    const conjunctive = results.conjunctive ?? [];
    const twenty = conjunctive.find(c => c.clauses === 20);
    const last = conjunctive.at(-1);
    // The series stops at a run that is incomplete or too slow to time the analysis after it; a run asked
    // for fewer clauses (`--quick`, `--clauses`) did not reach 20 without stopping: not run, not missed.
    const stopped = last !== undefined && (last.cliCheck.incomplete || last.analysis === undefined);
    const notRun = conjunctive.length === 0 ? 'not run' : !twenty && !stopped ? `not run at 20 clauses (up to ${last!.clauses})` : undefined;
    list.push({
        target: '`(x0 or y0) and … and (x19 or y19)` among 250 flags: `detente check` ≤ 1 s and ≤ 300 MiB, exact',
        measured: notRun ?? (twenty ? `${ms(twenty.cliCheck.milliseconds)}, ${twenty.cliCheck.peakMiB.toFixed(0)} MiB${twenty.cliCheck.incomplete ? ', **analysis-incomplete**' : ''}`
            : `not reached: stopped after ${last!.clauses} clauses (${ms(last!.cliCheck.milliseconds)}${last!.cliCheck.incomplete ? ', analysis-incomplete' : ''})`),
        met: notRun ? undefined : twenty !== undefined && twenty.cliCheck.milliseconds <= 1000 && twenty.cliCheck.peakMiB <= 300 && !twenty.cliCheck.incomplete,
    });
    // Polynomial growth in k: time ∝ k^p, fitted over every number of clauses that completed, on the analysis
    // alone (the command line's time is mostly starting up); an exponential shows as a p that keeps growing.
    const timed = conjunctive.filter(c => !c.cliCheck.incomplete && c.analysis);
    const k = timed.length >= 3 ? fittedExponent(timed.map(c => [c.clauses, c.analysis!.median])) : undefined;
    list.push({
        target: 'conjunctive condition: growth in k polynomial (analysis time ∝ k^p, p ≤ 3, fitted from 4 to 20 clauses)',
        measured: conjunctive.length === 0 ? 'not run' : conjunctive.map(c => `${c.clauses}: ${c.analysis ? ms(c.analysis.median) : c.cliCheck.incomplete ? 'incomplete' : '—'}`).join(', ') +
            (k === undefined ? '' : `; p = ${k.toFixed(2)}`),
        met: notRun ? undefined : twenty !== undefined && !twenty.cliCheck.incomplete && k !== undefined && k <= 3,
    });
    const z3 = results.z3Unstructured ?? [];
    const finished = z3.filter(c => c.z3 !== undefined);
    list.push({
        target: 'the Z3 cross-check agrees on every finding, unstructured family',
        measured: z3.length === 0 ? 'not run' : z3.map(c => `${c.rules} rules: ${c.identical === undefined ? 'Z3 stopped' : c.identical ? 'identical' : '**different**'}`).join(', '),
        met: finished.length === 0 ? undefined : finished.every(c => c.identical),
    });
    return list;
}

export function familyMarkdown(results: FamilyResults, out: (line?: string) => void, ms: (value: number) => string): void {
    const table = (header: readonly string[], rows: readonly (readonly string[])[]) => {
        out(`| ${header.join(' | ')} |`);
        out(`|${header.map(() => ' --- ').join('|')}|`);
        for (const row of rows) out(`| ${row.join(' | ')} |`);
        out();
    };
    const timing = (t: { mean: number; rme: number }) => `${ms(t.mean)} ±${t.rme.toFixed(0)}%`;
    if (results.unstructured && results.unstructured.length > 0) {
        out('## Unstructured family');
        out();
        out('Rules drawn independently (bench/unstructured.ts, seed 1): random atoms of every type, `and` of one to three, some `or`, ' +
            '`between` and `not`, random levels. In-process times are means over a few runs; `detente check` is one run of the command line ' +
            '(its own 60 s budget), start-up included.');
        out();
        table(['rules', 'indicators', 'lines', 'check', 'analysis', 'findings', '`detente check`', 'peak memory'], results.unstructured.map(u => [
            u.rules.toLocaleString('en'), String(u.indicators), u.lines.toLocaleString('en'), timing(u.check),
            `${timing(u.analysis)}${u.incomplete ? ` (stopped: ${u.incomplete})` : ''}`, String(u.findings),
            u.cliCheck ? `${ms(u.cliCheck.milliseconds)}${u.cliCheck.incomplete ? ' (analysis-incomplete)' : ''}` : '—',
            u.cliCheck ? `${u.cliCheck.peakMiB.toFixed(0)} MiB` : '—',
        ]));
    }
    if (results.conjunctive && results.conjunctive.length > 0) {
        out('## Conjunctive condition');
        out();
        out('`(f0 or f1) and (f2 or f3) and …`, k clauses among 250 flags, one rule, and five rules on single flags; ' +
            '`detente check`, one run each, up to the first that stops early or runs long.');
        out();
        table(['clauses', '`detente check`', 'peak memory', 'complete', 'analysis alone (median of 10)'], results.conjunctive.map(c => [
            String(c.clauses), ms(c.cliCheck.milliseconds), `${c.cliCheck.peakMiB.toFixed(0)} MiB`, c.cliCheck.incomplete ? '**no** (analysis-incomplete)' : 'yes',
            c.analysis ? ms(c.analysis.median) : '—',
        ]));
    }
    if (results.z3Unstructured && results.z3Unstructured.length > 0) {
        out('## Baseline: the Z3 encoding, unstructured family');
        out();
        table(['rules', 'region engine', 'Z3', 'ratio', 'same findings', 'unsatisfiable / masked / redundant'], results.z3Unstructured.map(c => [
            c.rules.toLocaleString('en'), ms(c.engine), c.z3 === undefined ? `> ${ms(c.z3Limit)} (stopped)` : ms(c.z3),
            `${c.z3 === undefined ? '> ' : ''}${c.ratio.toFixed(0)}×`, c.identical === undefined ? '—' : c.identical ? 'yes' : '**no**',
            `${c.found.unsatisfiable} / ${c.found.masked} / ${c.found.redundant}`,
        ]));
    }
}
