// Scenarios: the protocol's own test cases, checked over every situation that matches their `given`.
import type { Scenario } from '../../model/protocol.js';
import type { AnalysisContext } from '../context.js';
import { type Finding, type SituationWitness, finding } from '../findings.js';

export interface ScenarioResult {
    readonly scenario: Scenario;
    readonly passed: boolean;
    /** Why it failed, in one sentence. */
    readonly reason?: string;
    /** A situation matching `given` where the expectation does not hold. */
    readonly counterexample?: SituationWitness;
}

export function runScenarios(context: AnalysisContext): ScenarioResult[] {
    return context.protocol.scenarios.map((scenario, i) => runScenario(context, scenario, i));
}

function runScenario(context: AnalysisContext, scenario: Scenario, index: number): ScenarioResult {
    const { levels, protocol } = context;
    const given = context.scenarioRegion(index);
    if (given.isEmpty) {
        return { scenario, passed: false, reason: 'no situation satisfies its given values' };
    }
    const expected = levels.rankOf(scenario.level);
    const allowed = (rank: number) => scenario.bound === 'at least' ? rank >= expected : scenario.bound === 'at most' ? rank <= expected : rank === expected;
    for (const level of protocol.levels) {
        const box = given.boxes.find(b => levels.pieceAt(b, level.rank) !== undefined);
        if (!box) continue;
        const example = () => context.witnessAtLevel(box, level.rank)!;
        if (!allowed(level.rank)) {
            const expectation = scenario.bound === 'exactly' ? scenario.level : `${scenario.bound} ${scenario.level}`;
            const { json, description } = example();
            return {
                scenario, passed: false, counterexample: json,
                reason: `at ${description}, the level is ${level.name}, not ${expectation}`,
            };
        }
        const response = protocol.responses.find(r => r.level === level.name);
        const missing = scenario.steps.filter(step => !response?.steps.some(s => s.name === step));
        if (missing.length > 0) {
            const { json, description } = example();
            return {
                scenario, passed: false, counterexample: json,
                reason: `at ${description}, the level is ${level.name}, whose response has no step ${missing.map(m => `'${m}'`).join(', ')}`,
            };
        }
    }
    return { scenario, passed: true };
}

/** Failing scenarios; one that can never run is reported by the declaration checks. */
export function checkScenarios(context: AnalysisContext): Finding[] {
    return runScenarios(context).filter(result => !result.passed && result.counterexample).map(result =>
        finding('scenario-failed', result.scenario.source, `Scenario "${result.scenario.name}" fails: ${result.reason}.`, { witness: result.counterexample }));
}
