// non-monotone: a situation at least as bad on every directed indicator (equal on neutral ones) gets a lower level.
import type { Indicator, Rule } from '../../model/protocol.js';
import { type AnalysisContext, ruleTitle, related } from '../context.js';
import { type Finding, finding } from '../findings.js';
import { holdsIn } from '../meaning.js';
import type { Box, Region } from '../regions.js';
import type { Situation, Value } from '../situations.js';

export function checkMonotonicity(context: AnalysisContext): Finding[] {
    const { protocol, space, levels } = context;
    const budget = space.space.budget;
    const reported = new Set<Rule>();
    const findings: Finding[] = [];
    for (let high = levels.regions.length - 1; high > 0; high--) {
        for (let low = 0; low < high; low++) {
            for (const a of levels.regions[high].boxes) {
                for (const b of levels.regions[low].boxes) {
                    budget.spend();
                    if (!worseReachable(context, a, b)) continue;
                    const [better, worse] = witnessPair(context, a, b);
                    const culprit = protocol.rules.find(rule => levels.rankOf(rule.level) === high && holdsIn(protocol, rule.condition, better));
                    if (!culprit || reported.has(culprit)) continue;
                    reported.add(culprit);
                    findings.push(report(context, culprit, better, worse, [levels.regions[high], levels.regions[low]]));
                }
            }
        }
    }
    return findings;
}

function direction(indicator: Indicator): 'higher' | 'lower' | 'neutral' {
    return indicator.worse ?? 'neutral';
}

/** Whether some s in `a` and t in `b` have t at least as bad as s on every axis (equal on neutral ones). */
function worseReachable(context: AnalysisContext, a: Box, b: Box): boolean {
    return context.space.axes.every((axis, d) => {
        const [alo, ahi, blo, bhi] = [a[2 * d], a[2 * d + 1], b[2 * d], b[2 * d + 1]];
        switch (direction(axis.indicator)) {
            case 'higher': return alo <= bhi;
            case 'lower': return ahi >= blo;
            case 'neutral': return alo <= bhi && blo <= ahi;
        }
    });
}

/** Readable s ∈ a and t ∈ b, t at least as bad as s: equal wherever the boxes share values. */
function witnessPair(context: AnalysisContext, a: Box, b: Box): [Situation, Situation] {
    const { space } = context;
    const better = new Map<string, Value>();
    const worse = new Map<string, Value>();
    space.axes.forEach((axis, d) => {
        const [alo, ahi, blo, bhi] = [a[2 * d], a[2 * d + 1], b[2 * d], b[2 * d + 1]];
        const lo = Math.max(alo, blo);
        const hi = Math.min(ahi, bhi);
        const [s, t] = lo <= hi
            ? [space.pickCell(d, lo, hi), space.pickCell(d, lo, hi)]
            : [space.pickCell(d, alo, ahi), space.pickCell(d, blo, bhi)];
        better.set(axis.indicator.name, space.valueAt(d, s));
        worse.set(axis.indicator.name, space.valueAt(d, t));
    });
    return [better, worse];
}

function report(context: AnalysisContext, culprit: Rule, better: Situation, worse: Situation, [high, low]: [Region, Region]): Finding {
    const { protocol } = context;
    const shown = new Set([...context.relevantAxes(better, high), ...context.relevantAxes(worse, low), ...context.differingAxes(better, worse)]);
    const betterWitness = context.witness(high, better, shown);
    const worseWitness = context.witness(low, worse, shown);
    const worseRule = protocol.rules.find(rule => rule.level === worseWitness.level.name && holdsIn(protocol, rule.condition, worse));
    return finding('non-monotone', culprit.source,
        `${ruleTitle(culprit)} makes the ladder non-monotone: at ${betterWitness.description} the level is ${betterWitness.level.name}, ` +
        `but at ${worseWitness.description}, at least as bad on every indicator, it is only ${worseWitness.level.name}.`,
        {
            witness: { better: betterWitness.json, worse: worseWitness.json },
            related: worseRule
                ? [related(worseRule.source, `${ruleTitle(worseRule)} decides the worse situation: ${worseWitness.level.name}`)]
                : [],
        });
}
