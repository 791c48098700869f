// non-monotone: a situation at least as bad on every directed indicator (equal on neutral ones) gets a lower level.
import { type Box, boxWithin, piecesOutside } from '../boxes.js';
import { type AnalysisContext, ruleTitle, related } from '../context.js';
import { type Finding, PAUSE, finding } from '../findings.js';
import { atLeastAsBad } from '../joint.js';
import type { Coverage, RuleBox } from '../levels.js';
import type { Situation, Value } from '../situations.js';

/**
 * For each rule, where it decides the level: the situations at least as bad as one of those form a box
 * (each directed axis extended towards worse); any part of that box no rule of the same level or
 * above reaches is a worse situation with a lower level.
 */
export function* checkMonotonicity(context: AnalysisContext): Generator<Finding | typeof PAUSE> {
    const { levels } = context;
    for (let rank = levels.top; rank > 0; rank--) {
        for (let i = 0; i < levels.ranks.length; i++) {
            if (levels.ranks[i] !== rank) continue;
            yield PAUSE;
            const pair = violation(context, i);
            if (pair) yield report(context, i, pair);
        }
    }
}

/** A situation where rule `i` decides the level, and one at least as bad with a lower level. */
function violation(context: AnalysisContext, i: number): [Situation, Situation] | undefined {
    const { levels } = context;
    const rank = levels.ranks[i];
    const sameOrAbove = (other: RuleBox) => other.rank >= rank;
    for (const box of levels.ruleRegions[i].boxes) {
        // Most rules pass here at once: everything worse than where they hold is at their level or above
        // (at once when it lies in the rule's own box: a rule that tests only how bad things are, or neutral indicators).
        const worse = worseThan(context, box);
        if (boxWithin(worse, box) || levels.coversInside(worse, levels.atLeast(rank))) continue;
        const higher = levels.rulesMeeting(box, other => other.rank > rank).map(other => other.box);
        for (const decided of piecesOutside(box, higher, context.space.space.budget)) {
            const worse = levels.uncoveredInside(worseThan(context, decided), sameOrAbove);
            if (worse) return witnessPair(context, decided, worse);
        }
    }
    return undefined;
}

/** Every situation at least as bad as some situation of `box`. */
function worseThan(context: AnalysisContext, box: Box): Box {
    const result = box.slice();
    context.space.axes.forEach((_, d) => {
        // A joint axis is directed only when its classes form a chain: what is at least as bad as a class is that class and those after it.
        switch (context.space.direction(d)) {
            case 'higher': result[2 * d + 1] = context.space.space.sizes[d] - 1; break;
            case 'lower': result[2 * d] = 0; break;
        }
    });
    return result;
}

/** Readable s ∈ a and t ∈ b, t at least as bad as s (b lies among the situations worse than a): equal wherever the boxes share values. */
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
        if (axis.kind !== 'joint' || s === t) {
            space.assign(better, d, s);
            space.assign(worse, d, t);
            return;
        }
        // Classes of a chain: the worse one's first joint value is at least as bad as some joint value of a's classes.
        const value = axis.classes[t][0];
        const below = axis.classes.slice(alo, ahi + 1).flat().find(other => atLeastAsBad(axis.parts, other, value))!;
        space.assignJoint(better, d, below);
        space.assignJoint(worse, d, value);
    });
    return [better, worse];
}

function report(context: AnalysisContext, culprit: number, [better, worse]: [Situation, Situation]): Finding {
    const { protocol, levels } = context;
    const rule = protocol.rules[culprit];
    const exactly = (situation: Situation): Coverage => levels.exactly(context.levelAt(situation).rank);
    const shown = new Set([
        ...context.relevantAxes(better, exactly(better)), ...context.relevantAxes(worse, exactly(worse)), ...context.differingAxes(better, worse),
    ]);
    const betterWitness = context.concrete(better, shown);
    const worseWitness = context.concrete(worse, shown);
    const worseRule = context.rulesAt(worse).find(i => levels.ranks[i] === worseWitness.level.rank);
    return finding('non-monotone', rule.source,
        `${ruleTitle(rule)} makes the ladder non-monotone: at ${betterWitness.description}; the level is ${betterWitness.level.name}, ` +
        `but at ${worseWitness.description} (at least as bad on every indicator) it is only ${worseWitness.level.name}.`,
        {
            witness: { better: betterWitness.json, worse: worseWitness.json },
            related: worseRule !== undefined
                ? [related(protocol.rules[worseRule].source, `${ruleTitle(protocol.rules[worseRule])} decides the worse situation: ${worseWitness.level.name}`)]
                : [],
        });
}
