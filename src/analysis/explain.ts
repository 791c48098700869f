// `explain`: what a protocol says about a situation, possibly partial: whether it lies inside the scope,
// the level (or the levels it can still be), the rules that hold, the steps then due with their absolute
// deadlines, and the standing duties, which no level triggers.
import type { Duty, Level, Protocol, Rule } from '../model/protocol.js';
import type { Rational } from '../model/rational.js';
import { AnalysisContext, type ConcreteWitness } from './context.js';
import { type DueStep as ScheduledDueStep, stepsDue } from './deadlines.js';
import type { Budget } from './budget.js';
import { type Situation, type SituationText, SituationSpace } from './situations.js';

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

/** Matching situations outside the scope, where the protocol assigns no level. */
export interface OutsideCase {
    /** `always`: every matching situation is outside; `possibly`: some are. */
    readonly holds: 'always' | 'possibly';
    /** A matching situation outside the scope, and how to say it. */
    readonly example: { readonly situation: SituationText; readonly description: string };
}

export interface DueStep {
    readonly level: Level;
    readonly scheduled: ScheduledDueStep;
}

export interface Explanation {
    readonly protocol: Protocol;
    readonly given: Situation;
    /** The given values as written in the language. */
    readonly givenText: SituationText;
    /** The levels matching situations inside the scope can have, least severe first; exactly one when the given values fix it. */
    readonly levels: readonly LevelCase[];
    readonly outside?: OutsideCase;
    readonly rules: readonly RuleVerdict[];
    /** Per level, the steps of its response, of the responses it includes and of the rules that hold in every matching situation. */
    readonly steps: readonly DueStep[];
    /** Obligations that hold whatever the level: before or after events, periodic, on a date. */
    readonly duties: readonly Duty[];
}

export function explain(protocol: Protocol, given: Situation, budget?: Budget): Explanation {
    const extraValues = new Map<string, Rational[]>();
    for (const [indicator, value] of given) {
        if (value.kind === 'number') extraValues.set(indicator, [value.value]);
    }
    // Joint axes, unless the given values name some indicators of one and not the others: no box holds just those.
    const joint = new SituationSpace(protocol, { budget, extraValues, joint: true });
    const space = joint.boxOf(given) ? joint : joint.perIndicator();
    const context = new AnalysisContext(protocol, space);
    const box = space.boxOf(given);
    if (!box) throw new Error('a given value outside the situation space');
    const matching = space.space.region([box]);

    const levels = protocol.levels
        .map(level => ({ level, example: context.witnessAtLevel(box, level.rank) }))
        .filter((found): found is LevelCase => found.example !== undefined);
    const outsidePart = matching.subtract(context.inside);
    const outside: OutsideCase | undefined = outsidePart.isEmpty ? undefined : (() => {
        const situation = space.witness(outsidePart.boxes[0]);
        const shown = context.relevantAxes(situation, { coversBox: b => outsidePart.coversBox(b) });
        return {
            holds: levels.length === 0 ? 'always' : 'possibly',
            example: { situation: space.toText(situation), description: space.describe(situation, shown) },
        } as const;
    })();
    // A rule holds only inside the scope: it holds for certain when it holds in every matching situation there.
    const matchingInside = matching.intersect(context.inside);
    const rules = protocol.rules
        .map((rule, i) => {
            const region = context.levels.ruleRegions[i];
            return !matchingInside.isEmpty && region.covers(matchingInside) ? { rule, holds: 'always' as const }
                : region.meets(matchingInside) ? { rule, holds: 'possibly' as const } : undefined;
        })
        .filter((verdict): verdict is RuleVerdict => verdict !== undefined);
    // A rule response is due where its rule holds: for certain only when the rule holds in every matching situation.
    const always = rules.filter(verdict => verdict.holds === 'always').map(verdict => verdict.rule.name);
    const steps = levels.flatMap(({ level }) => stepsDue(protocol, level.name, always).map(scheduled => ({ level, scheduled })));
    return { protocol, given, givenText: space.toText(given), levels, outside, rules, steps, duties: protocol.duties };
}
