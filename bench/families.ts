// Rules as they come, beside the benchmark's tidy tracks: the unstructured family (rules drawn
// independently, bench/unstructured.ts) at several sizes and numbers of indicators, and a condition in
// conjunctive form, `(x0 or y0) and … and (xk or yk)` over flags, at growing k.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../src/analysis/analyse.js';
import { Budget } from '../src/analysis/budget.js';
import { type Timing, iterationsFor, time } from './measure.js';
import { type ProcessRun, runCliWithOutput } from './processes.js';
import { type Services, type Workload, build, buildText, freshServices, protocolOf, workload } from './workload.js';

export interface FamilyResult {
    readonly rules: number;
    readonly indicators: number;
    readonly lines: number;
    /** Parse and link, then every validation with the analysis, in process. */
    readonly check: Timing;
    /** The situation analysis alone, on the built model. */
    readonly analysis: Timing;
    readonly findings: number;
    /** Why the in-process analysis stopped early, if it did (the benchmark's budget is ten minutes). */
    readonly incomplete?: string;
    /** One run of `detente check`, with the command line's own budget. */
    readonly cliCheck?: ProcessRun & { readonly incomplete: boolean };
}

export interface ConjunctiveResult {
    /** Clauses `(xi or yi)`. */
    readonly clauses: number;
    readonly cliCheck: ProcessRun & { readonly incomplete: boolean };
    /** The situation analysis alone, in process, under the command line's budget (absent from older results). */
    readonly analysis?: Timing;
}

/** The unstructured family's text, written to the scratch folder. */
export function unstructuredWorkload(rules: number, indicators: number, folder: string, seed = 1): Workload {
    return workload({ rules, indicators, seed }, folder, 'unstructured');
}

/** `detente check` of one file, and whether it said the analysis stopped early. */
export function cliCheck(repo: string, file: string, scratch: string): ProcessRun & { incomplete: boolean } {
    const { run, output } = runCliWithOutput(repo, ['check', '--root', scratch, '--format', 'json', file], scratch);
    return { ...run, incomplete: output.includes('analysis-incomplete') };
}

/** The family at one size: in-process timings (fewer samples than the realistic family: it is slower), and the command line. */
export async function measureFamily(repo: string, work: Workload, scratch: string, withCli: boolean): Promise<FamilyResult> {
    const iterations = Math.min(iterationsFor(work.options.rules), 5);
    let services: Services = freshServices();
    const fresh = () => { services = freshServices(); };
    const check = await time('check', () => build(services, work, true), { iterations, beforeEach: fresh });
    fresh();
    const protocol = protocolOf(services, await build(services, work, false));
    const budget = () => Budget.withTimeLimit(600_000);
    const analysis = await time('analysis', () => analyse(protocol, { budget: budget() }), { iterations });
    const analysed = analyse(protocol, { budget: budget() });
    const { rules, indicators } = work.options;
    return {
        rules, indicators, lines: work.lines, check, analysis, findings: analysed.findings.length,
        ...(analysed.incomplete ? { incomplete: analysed.incomplete } : {}),
        ...(withCli ? { cliCheck: cliCheck(repo, work.file, scratch) } : {}),
    };
}

/** Two flags per clause among 250, one rule on the conjunction, and a few simple rules on other flags. */
export function conjunctiveProtocol(clauses: number): string {
    const flags = 250;
    if (2 * clauses > flags - 10) throw new Error(`at most ${(flags - 10) / 2} clauses among ${flags} flags`);
    const lines = [`protocol Conjunctive "${clauses} clauses of two flags among ${flags}" {`];
    for (let i = 0; i < flags; i++) lines.push(`    indicator f${i} "flag ${i}" : flag`);
    lines.push('    ladder { Routine "Routine" Watch "Watch" Concern "Concern" Alert "Alert" Crisis "Crisis" }');
    const clause = (i: number) => `(f${2 * i} or f${2 * i + 1})`;
    lines.push(`    threshold Conjunction "Every clause": ${Array.from({ length: clauses }, (_, i) => clause(i)).join(' and ')} -> Crisis`);
    for (let i = 0; i < 5; i++) lines.push(`    threshold Single${i} "Flag ${flags - 1 - i}": f${flags - 1 - i} -> ${i % 2 === 0 ? 'Watch' : 'Alert'}`);
    lines.push('}');
    return `${lines.join('\n')}\n`;
}

/**
 * `detente check` of the conjunctive protocol at each number of clauses, up to the first run that stops
 * early or takes longer than `stopAfter` milliseconds (the next ones would only take longer).
 */
export async function measureConjunctive(repo: string, clauses: readonly number[], scratch: string, stopAfter: number,
    progress: (message: string) => void): Promise<ConjunctiveResult[]> {
    const results: ConjunctiveResult[] = [];
    for (const k of clauses) {
        const file = path.join(scratch, `conjunctive-${k}.detente`);
        const text = conjunctiveProtocol(k);
        fs.writeFileSync(file, text);
        const run = cliCheck(repo, file, scratch);
        // The analysis alone, where the command line's time is mostly starting up: what grows with k.
        const analysis = run.incomplete || run.milliseconds > stopAfter ? undefined : await analysisTime(text, file);
        progress(`  conjunctive, ${k} clauses: ${run.milliseconds.toFixed(0)} ms, ${run.peakMiB.toFixed(0)} MiB${run.incomplete ? ', analysis-incomplete' : ''}` +
            `${analysis ? `; analysis ${analysis.median.toFixed(1)} ms` : ''}`);
        results.push({ clauses: k, cliCheck: run, ...(analysis ? { analysis } : {}) });
        if (!analysis) break;
    }
    return results;
}

/** The median of ten analyses of a protocol text, each under a budget of a minute (the command line's). */
async function analysisTime(text: string, file: string): Promise<Timing> {
    const services = freshServices();
    const protocol = protocolOf(services, await buildText(services, text, file, false));
    return time('analysis', () => analyse(protocol, { budget: Budget.withTimeLimit(60_000) }), { iterations: 10 });
}
