// Runs every situation check on a protocol model, within a budget, and collects the findings.
import type { Protocol } from '../model/protocol.js';
import { checkDeescalations } from './checks/deescalations.js';
import { checkForceOnTentative, checkLadderStructure, checkReachability } from './checks/ladder.js';
import { checkForce, checkReciprocity } from './checks/legal.js';
import { checkMonotonicity } from './checks/monotonicity.js';
import { checkChannels, checkDeadlines } from './checks/procedures.js';
import { checkRules } from './checks/rules.js';
import { type ScenarioResult, checkScenarios, runScenarios } from './checks/scenarios.js';
import { checkDeclarations } from './checks/declarations.js';
import { checkConfidentialLeaks, checkEvents } from './checks/declared.js';
import { AnalysisContext, nameList } from './context.js';
import { type Finding, PAUSE, finding } from './findings.js';
import { Budget, BudgetExceeded } from './budget.js';
import { SituationSpace } from './situations.js';

export interface AnalysisOptions {
    readonly budget?: Budget;
    /**
     * Whether indicators tested only together may share a joint axis (joint.ts; on by default). Off, every
     * indicator has an axis of its own: the same findings, as the tests hold it, at the cost of a union of
     * 2^k boxes for `(a or b) and …` over k clauses.
     */
    readonly joint?: boolean;
}

export interface Analysis {
    readonly protocol: Protocol;
    readonly findings: readonly Finding[];
    /** Undefined when the budget ran out before the situation space was built. */
    readonly context?: AnalysisContext;
    /** Why the analysis stopped early, if it did. */
    readonly incomplete?: string;
}

/** A check over situations: its findings, and `PAUSE` wherever the analysis may stop for a moment. */
type SituationCheck = (context: AnalysisContext) => Iterable<Finding | typeof PAUSE>;

/** The checks that compare declarations over all situations, cheapest first: the budget cuts the last. */
const SITUATION_CHECKS: readonly SituationCheck[] = [
    checkDeescalations,
    checkScenarios,
    checkForceOnTentative,
    checkReachability,
    checkRules,
    checkMonotonicity,
];

/** Analyses a protocol at once. */
export function analyse(protocol: Protocol, options: AnalysisOptions = {}): Analysis {
    const steps = analysisSteps(protocol, options);
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}

/**
 * Analyses a protocol, calling `pause` at every pause point: it may wait (to let other work run) or
 * throw (to abandon the analysis, e.g. when the text it analyses has changed).
 */
export async function analyseWithPauses(protocol: Protocol, options: AnalysisOptions, pause: () => Promise<void>): Promise<Analysis> {
    const steps = analysisSteps(protocol, options);
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        await pause();
    }
}

function* analysisSteps(protocol: Protocol, options: AnalysisOptions): Generator<typeof PAUSE, Analysis> {
    // Checks that need no situation come first: they complete even when the situation analysis does not.
    const findings: Finding[] = [
        ...checkLadderStructure(protocol),
        ...checkDeadlines(protocol),
        ...checkChannels(protocol),
        ...checkForce(protocol),
        ...checkReciprocity(protocol),
        ...checkEvents(protocol),
        ...checkConfidentialLeaks(protocol),
    ];
    const budget = options.budget ?? new Budget();
    const space = new SituationSpace(protocol, { budget, joint: options.joint ?? true });
    // Then each declaration on its own, under budgets of their own: the budget of the whole may only cut what follows.
    const started = Date.now();
    const declarations = yield* checkDeclarations(space, budget);
    budget.extend(Date.now() - started);
    findings.push(...declarations.findings);
    let context: AnalysisContext | undefined;
    try {
        if (declarations.tooLarge.length > 0) {
            throw new BudgetExceeded(`${nameList(declarations.tooLarge, 2)} ${declarations.tooLarge.length === 1 ? 'is' : 'are'} too large to analyse`);
        }
        context = new AnalysisContext(protocol, space, declarations);
        // An empty scope covers nothing: every other situation finding would follow from that one error.
        if (protocol.scopes.length > 0 && declarations.inside?.isEmpty) return { protocol, findings, context };
        for (const check of SITUATION_CHECKS) {
            yield PAUSE;
            for (const found of check(context)) {
                if (found === PAUSE) yield PAUSE; else findings.push(found);
            }
        }
        return { protocol, findings, context };
    } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        findings.push(finding('analysis-incomplete', protocol.source,
            `The analysis of '${protocol.name}' stopped early (${error.reason}); the findings shown are partial. ` +
            'Splitting very large conditions, or the protocol, keeps the analysis complete.'));
        return { protocol, findings, context, incomplete: error.reason };
    }
}

/** The scenarios' verdicts, for `detente test`. */
export function scenarioResults(analysis: Analysis): ScenarioResult[] | undefined {
    return analysis.context && !analysis.incomplete ? runScenarios(analysis.context) : undefined;
}
