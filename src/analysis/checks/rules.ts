// Checks of each rule against the others: unsatisfiable, always true, masked, redundant, red lines.
import type { Rule } from '../../model/protocol.js';
import { type AnalysisContext, nameList, related, ruleTitle } from '../context.js';
import { type Finding, finding } from '../findings.js';
import type { Region } from '../regions.js';

export function checkRules(context: AnalysisContext): Finding[] {
    const { protocol, levels } = context;
    const findings: Finding[] = [];
    const regions = levels.ruleRegions;
    const unsatisfiable = new Set<number>();

    protocol.rules.forEach((rule, i) => {
        if (regions[i].isEmpty) {
            unsatisfiable.add(i);
            findings.push(finding('unsatisfiable-condition', rule.source,
                `${ruleTitle(rule)} never holds: no situation satisfies its condition, so it can never lead to ${rule.level}.`));
        } else if (regions[i].complement().isEmpty) {
            if (context.rankOf(rule) > 0) findings.push(finding('always-true', rule.source,
                `${ruleTitle(rule)} holds in every situation: no situation is ever below ${rule.level}.`));
        }
        if (rule.kind === 'redline' && rule.disclosure === 'confidential') {
            findings.push(finding('confidential-redline', rule.source,
                `${ruleTitle(rule)} is confidential: a consequence the other side does not know of cannot deter it.`));
        }
    });

    // Reverse order: of two identical rules, the later one is the redundant copy.
    const redundant = new Set<number>();
    for (let i = protocol.rules.length - 1; i >= 0; i--) {
        if (unsatisfiable.has(i)) continue;
        const rule = protocol.rules[i];
        const rank = context.rankOf(rule);
        if (levels.above[rank].covers(regions[i])) {
            findings.push(masked(context, rule, i));
            redundant.add(i);
            continue;
        }
        const peers = protocol.rules
            .map((other, j) => ({ other, j }))
            .filter(({ other, j }) => j !== i && !redundant.has(j) && context.rankOf(other) === rank);
        const cover = peers.reduce((union: Region, { j }) => union.union(regions[j]), levels.above[rank]);
        if (rank === 0 || cover.covers(regions[i])) {
            findings.push(neverChanges(context, rule, i, rank === 0 ? [] : peers.map(({ j }) => j)));
            redundant.add(i);
        }
    }
    return findings;
}

/** A few rules, among those of other indices that satisfy `keep`, that together cover rule `i`. */
function coveringRules(context: AnalysisContext, i: number, keep: (rule: Rule, j: number) => boolean): Rule[] {
    const candidates = context.protocol.rules.map((rule, j) => j).filter(j => j !== i && keep(context.protocol.rules[j], j));
    return context.coveringRules(context.levels.ruleRegions[i], candidates).map(j => context.protocol.rules[j]);
}

function masked(context: AnalysisContext, rule: Rule, i: number): Finding {
    const rank = context.rankOf(rule);
    const maskers = coveringRules(context, i, other => context.rankOf(other) > rank);
    const example = context.witness(context.levels.ruleRegions[i]);
    const code = rule.kind === 'redline' ? 'redline-masked' : 'masked-threshold';
    return finding(code, rule.source,
        `${ruleTitle(rule)} never decides the level: wherever it holds, a more severe rule holds too (${nameList(maskers.map(describeRule), 4)}). ` +
        `For example, at ${example.description} the level is ${example.level.name}, not ${rule.level}.`,
        {
            witness: example.json,
            related: maskers.map(other => related(other.source, `${ruleTitle(other)} leads to ${other.level} wherever ${rule.name} holds`)),
        });
}

function neverChanges(context: AnalysisContext, rule: Rule, i: number, peerIndices: number[]): Finding {
    const rank = context.rankOf(rule);
    const code = rule.kind === 'redline' ? 'redline-masked' : 'redundant-threshold';
    if (rank === 0) {
        return finding(code, rule.source,
            `${ruleTitle(rule)} leads to the baseline ${rule.level}, which applies anyway when no rule holds: it never changes the level.`);
    }
    const peers = new Set(peerIndices);
    const others = coveringRules(context, i, (other, j) => peers.has(j) || context.rankOf(other) > rank);
    const example = context.witness(context.levels.ruleRegions[i]);
    return finding(code, rule.source,
        `${ruleTitle(rule)} never changes the level: wherever it holds, other rules give ${rule.level} or more (${nameList(others.map(describeRule), 4)}). ` +
        `Removing it changes no situation's level.`,
        {
            witness: example.json,
            related: others.map(other => related(other.source, `${ruleTitle(other)} also holds where ${rule.name} holds`)),
        });
}

function describeRule(rule: Rule): string {
    return `${rule.name} → ${rule.level}`;
}
