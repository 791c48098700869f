// Checks of each rule against the others: unsatisfiable, always true, masked, redundant, red lines.
import type { Rule } from '../../model/protocol.js';
import { type AnalysisContext, nameList, related, ruleTitle } from '../context.js';
import { type Finding, PAUSE, finding } from '../findings.js';
import type { BoxMask } from '../box-sets.js';

/**
 * Rules that never decide the level (a strictly more severe rule holds wherever they hold) and thresholds
 * that never change it (rules of the same or a higher level hold wherever they hold). A red line covered
 * only by rules of its own level is not reported: it still carries its declared consequence.
 */
export function* checkRules(context: AnalysisContext): Generator<Finding | typeof PAUSE> {
    const { protocol, levels } = context;
    const regions = levels.ruleRegions;
    // Reverse order: of two identical rules, the later one is the redundant copy.
    // Per level, the boxes of its rules not found redundant so far.
    const remaining = protocol.levels.map(level => levels.at(level.rank).slice());
    for (let i = protocol.rules.length - 1; i >= 0; i--) {
        yield PAUSE;
        if (regions[i].isEmpty) continue; // unsatisfiable-condition
        const rank = levels.ranks[i];
        const higher = levels.higherThan(rank);
        if (levels.coversRule(i, higher)) {
            yield masked(context, i, higher);
            levels.clearRule(remaining[rank], i);
            continue;
        }
        if (protocol.rules[i].kind === 'redline') continue;
        // The other rules of the same level that are still there, with those of higher levels.
        const others = levels.clearRule(remaining[rank].slice(), i);
        for (let w = 0; w < others.length; w++) others[w] |= higher[w];
        if (rank === 0 || levels.coversRule(i, others)) {
            yield neverChanges(context, i, others);
            levels.clearRule(remaining[rank], i);
        }
    }
}

function masked(context: AnalysisContext, i: number, higher: BoxMask): Finding {
    const rule = context.protocol.rules[i];
    const region = context.levels.ruleRegions[i];
    const maskers = context.coveringRules(region, higher).map(j => context.protocol.rules[j]);
    const example = context.witness(region);
    const code = rule.kind === 'redline' ? 'redline-masked' : 'masked-threshold';
    return finding(code, rule.source,
        `${ruleTitle(rule)} never decides the level: wherever it holds, a more severe rule holds too (${nameList(maskers.map(describeRule), 4)}). ` +
        `For example, at ${example.description}; the level is ${example.level.name}, not ${rule.level}.`,
        {
            witness: example.json,
            related: maskers.map(other => related(other.source, `${ruleTitle(other)} leads to ${other.level} wherever ${rule.name} holds`)),
        });
}

function neverChanges(context: AnalysisContext, i: number, others: BoxMask): Finding {
    const rule = context.protocol.rules[i];
    const code = 'redundant-threshold';
    if (context.levels.ranks[i] === 0) {
        return finding(code, rule.source,
            `${ruleTitle(rule)} leads to the baseline ${rule.level}, which applies anyway when no rule holds: it never changes the level.`);
    }
    const region = context.levels.ruleRegions[i];
    const covering = context.coveringRules(region, others).map(j => context.protocol.rules[j]);
    const example = context.witness(region);
    return finding(code, rule.source,
        `${ruleTitle(rule)} never changes the level: wherever it holds, other rules give ${rule.level} or more (${nameList(covering.map(describeRule), 4)}). ` +
        `Removing it changes no situation's level.`,
        {
            witness: example.json,
            related: covering.map(other => related(other.source, `${ruleTitle(other)} also holds where ${rule.name} holds`)),
        });
}

function describeRule(rule: Rule): string {
    return `${rule.name} → ${rule.level}`;
}
