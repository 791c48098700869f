// `explain`: what a protocol says about a situation, possibly partial: the level (or the levels it can
// still be), the rules that hold, and the steps then due with their absolute deadlines.
import type { Level, Protocol, Rule } from '../model/protocol.js';
import type { Rational } from '../model/rational.js';
import { AnalysisContext, type ConcreteWitness } from './context.js';
import { type ScheduledStep, schedule } from './deadlines.js';
import type { Budget } from './budget.js';
import { type Situation, SituationSpace } from './situations.js';

export interface RuleVerdict {
    readonly rule: Rule;
    /** `always`: in every situation matching the given values; `possibly`: in some of them. */
    readonly holds: 'always' | 'possibly';
}

export interface LevelCase {
    readonly level: Level;
    /** A matching situation at this level. */
    readonly example: ConcreteWitness;
}

export interface DueStep {
    readonly level: Level;
    readonly scheduled: ScheduledStep;
}

export interface Explanation {
    readonly protocol: Protocol;
    readonly given: Situation;
    /** The levels matching situations can have, least severe first; exactly one when the given values fix it. */
    readonly levels: readonly LevelCase[];
    readonly rules: readonly RuleVerdict[];
    readonly steps: readonly DueStep[];
}

export function explain(protocol: Protocol, given: Situation, budget?: Budget): Explanation {
    const extraValues = new Map<string, Rational[]>();
    for (const [indicator, value] of given) {
        if (value.kind === 'number') extraValues.set(indicator, [value.value]);
    }
    const space = new SituationSpace(protocol, { budget, extraValues });
    const context = new AnalysisContext(protocol, space);
    const box = space.boxOf(given);
    if (!box) throw new Error('a given value outside the situation space');
    const matching = space.space.region([box]);

    const levels = protocol.levels
        .map(level => ({ level, example: context.witnessAtLevel(box, level.rank) }))
        .filter((found): found is LevelCase => found.example !== undefined);
    const rules = protocol.rules
        .map((rule, i) => {
            const region = context.levels.ruleRegions[i];
            return region.coversBox(box) ? { rule, holds: 'always' as const } : region.meets(matching) ? { rule, holds: 'possibly' as const } : undefined;
        })
        .filter((verdict): verdict is RuleVerdict => verdict !== undefined);
    const steps = levels.flatMap(({ level }) => {
        const response = protocol.responses.find(r => r.level === level.name);
        return response ? schedule(response).map(scheduled => ({ level, scheduled })) : [];
    });
    return { protocol, given, levels, rules, steps };
}
