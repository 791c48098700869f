// The side-by-side baseline: the same questions (unsatisfiable, masked, redundant) answered by Z3 on
// each rule's encoding, against the region engine on the same protocol model, in the same run.
import { init, killThreads } from 'z3-solver';
import { checkRules } from '../src/analysis/checks/rules.js';
import { AnalysisContext } from '../src/analysis/context.js';
import { PAUSE } from '../src/analysis/findings.js';
import { Budget } from '../src/analysis/budget.js';
import { SituationSpace } from '../src/analysis/situations.js';
import type { Protocol } from '../src/model/protocol.js';
import { iterationsFor, time } from './measure.js';
import { type Verdicts, Z3TimeLimit, findingVerdicts, z3Verdicts } from './z3-encoding.js';

export interface Z3Comparison {
    readonly rules: number;
    /** Milliseconds for the three questions over every rule. */
    readonly engine: number;
    /** Undefined when Z3 did not finish within its limit. */
    readonly z3?: number;
    readonly z3Limit: number;
    /** How many times faster the engine is (a lower bound when Z3 did not finish). */
    readonly ratio: number;
    /** Whether both found the same rules for each question (undefined when Z3 did not finish). */
    readonly identical?: boolean;
    readonly found: { readonly unsatisfiable: number; readonly masked: number; readonly redundant: number };
}

export async function compareWithZ3(protocols: readonly Protocol[], limitMs: number): Promise<Z3Comparison[]> {
    const z3 = await init();
    try {
        const results: Z3Comparison[] = [];
        for (const protocol of protocols) {
            const engineRun = () => [...checkRules(new AnalysisContext(protocol, new SituationSpace(protocol, { budget: Budget.withTimeLimit(600_000) })))]
                .filter(found => found !== PAUSE);
            const engine = (await time('engine', engineRun, { iterations: iterationsFor(protocol.rules.length) })).mean;
            const ours = findingVerdicts(protocol, engineRun());
            const ctx = z3.Context('main');
            const started = performance.now();
            let theirs: Verdicts | undefined;
            try {
                theirs = await z3Verdicts(ctx, protocol, started + limitMs);
            } catch (error) {
                if (!(error instanceof Z3TimeLimit)) throw error;
            }
            const z3Time = theirs ? performance.now() - started : undefined;
            results.push({
                rules: protocol.rules.length,
                engine,
                z3: z3Time,
                z3Limit: limitMs,
                ratio: (z3Time ?? limitMs) / engine,
                identical: theirs ? sameVerdicts(ours, theirs) : undefined,
                found: { unsatisfiable: ours.unsatisfiable.size, masked: ours.masked.size, redundant: ours.redundant.size },
            });
            if (!theirs) break; // larger protocols would not finish either
        }
        return results;
    } finally {
        await killThreads(z3.em);
    }
}

function sameVerdicts(a: Verdicts, b: Verdicts): boolean {
    const same = (x: ReadonlySet<number>, y: ReadonlySet<number>) => x.size === y.size && [...x].every(i => y.has(i));
    return same(a.unsatisfiable, b.unsatisfiable) && same(a.masked, b.masked) && same(a.redundant, b.redundant);
}
