// The in-process phases of checking and compiling one protocol, each timed on its own.
import { analyse } from '../src/analysis/analyse.js';
import { Budget } from '../src/analysis/budget.js';
import type { CompiledProtocol } from '../src/render/compiled.js';
import { writeDmn } from '../src/render/dmn.js';
import { writeJson } from '../src/render/json.js';
import { decisionTables } from '../src/tables/tables.js';
import { type Timing, iterationsFor, time } from './measure.js';
import { type Services, type Workload, build, freshServices, protocolOf } from './workload.js';
import { compiledProtocol } from '../src/render/publication.js';

export interface PhaseTimings {
    /** Langium alone: parse, index, scope and link, no validation. */
    readonly parseLink: Timing;
    /** The situation analysis of the built protocol model (all its checks). */
    readonly analysis: Timing;
    /** What `detente check` does in process: parse, link, and every validation with the analysis. */
    readonly check: Timing;
    /** From the analysed protocol to the written text: tables, then JSON or DMN. */
    readonly compileJson: Timing;
    readonly compileDmn: Timing;
    readonly findings: number;
    readonly resolvedRows: number;
    readonly jsonBytes: number;
    readonly dmnBytes: number;
}

export type CheckTimings = Pick<PhaseTimings, 'parseLink' | 'analysis' | 'check' | 'findings'>;

export async function measurePhases(work: Workload): Promise<PhaseTimings>;
export async function measurePhases(work: Workload, options: { compile: false }): Promise<CheckTimings>;
export async function measurePhases(work: Workload, options = { compile: true }): Promise<PhaseTimings | CheckTimings> {
    const iterations = iterationsFor(work.options.rules);
    let services: Services = freshServices();
    const fresh = () => { services = freshServices(); };

    const parseLink = await time('parse+link', () => build(services, work, false), { iterations, beforeEach: fresh });
    const check = await time('check', () => build(services, work, true), { iterations, beforeEach: fresh });

    fresh();
    const protocol = protocolOf(services, await build(services, work, false));
    const budget = () => Budget.withTimeLimit(600_000);
    const analysis = await time('analysis', () => analyse(protocol, { budget: budget() }), { iterations });
    const analysed = analyse(protocol, { budget: budget() });
    if (analysed.incomplete) throw new Error(`the analysis of ${work.file} stopped early: ${analysed.incomplete}`);
    if (!options.compile) return { parseLink, analysis, check, findings: analysed.findings.length };

    const compile = (write: (compiled: CompiledProtocol, out: (chunk: string) => void) => void) => {
        // The tables under a budget of their own, as the command line builds them (see ProtocolAnalyses).
        const tables = analysed.context ? analysed.context.space.space.withBudget(budget(), () => decisionTables(analysed)) : decisionTables(analysed);
        const compiled: CompiledProtocol = compiledProtocol({ protocol, tables, findings: [], source: 'synthetic.detente' });
        let bytes = 0;
        write(compiled, chunk => { bytes += Buffer.byteLength(chunk); });
        return { bytes, rows: compiled.tables.resolvedRows.length };
    };
    const compileJson = await time('compile json', () => compile(writeJson), { iterations: Math.min(iterations, 5) });
    const compileDmn = await time('compile dmn', () => compile(writeDmn), { iterations: Math.min(iterations, 5) });
    const json = compile(writeJson);
    const dmn = compile(writeDmn);
    return {
        parseLink, analysis, check, compileJson, compileDmn,
        findings: analysed.findings.length, resolvedRows: json.rows, jsonBytes: json.bytes, dmnBytes: dmn.bytes,
    };
}
