// Scenarios: the protocol's own test cases, checked over every situation that matches their `given`.
import type { Scenario } from '../../model/protocol.js';
import type { AnalysisContext } from '../context.js';
import { stepsDue } from '../deadlines.js';
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
    const inside = given.intersect(context.inside);
    if (scenario.outside) {
        if (given.isEmpty) return { scenario, passed: false, reason: 'no situation satisfies its given values' };
        const box = inside.boxes[0];
        if (!box) return { scenario, passed: true };
        const example = context.witnessIn(box, { coversBox: b => inside.coversBox(b) });
        return { scenario, passed: false, counterexample: example.json, reason: `at ${example.description}; the situation is inside the scope, at ${example.level.name}` };
    }
    if (inside.isEmpty) {
        return { scenario, passed: false, reason: 'no situation inside the scope satisfies its given values' };
    }
    const expected = levels.rankOf(scenario.level!);
    const allowed = (rank: number) => scenario.bound === 'at least' ? rank >= expected : scenario.bound === 'at most' ? rank <= expected : rank === expected;
    // Rule responses are due for the rules that hold in every matching situation.
    // Only a rule with a box that meets the first matching situations can hold in all of them.
    const always = levels.rulesWithBoxMeeting(inside.boxes[0]).filter(i => levels.ruleRegions[i].covers(inside)).map(i => protocol.rules[i].name);
    for (const level of protocol.levels) {
        const box = inside.boxes.find(b => levels.pieceAt(b, level.rank) !== undefined);
        if (!box) continue;
        const example = () => context.witnessAtLevel(box, level.rank)!;
        if (!allowed(level.rank)) {
            const expectation = scenario.bound === 'exactly' ? scenario.level : `${scenario.bound} ${scenario.level}`;
            const { json, description } = example();
            return {
                scenario, passed: false, counterexample: json,
                reason: `at ${description}; the level is ${level.name}, not ${expectation}`,
            };
        }
        const due = stepsDue(protocol, level.name, always);
        const missing = scenario.steps.filter(step => !due.some(s => s.step.name === step));
        if (missing.length > 0) {
            const { json, description } = example();
            return {
                scenario, passed: false, counterexample: json,
                reason: `at ${description}; the level is ${level.name}, and no step ${missing.map(m => `'${m}'`).join(', ')} is due there`,
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
