// Checks of each rule against the others: unsatisfiable, always true, masked, redundant, red lines.
import type { Rule } from '../../model/protocol.js';
import { type AnalysisContext, nameList, related, ruleTitle } from '../context.js';
import { type Finding, PAUSE, finding } from '../findings.js';
import type { RuleBox } from '../levels.js';

export function* checkRules(context: AnalysisContext): Generator<Finding | typeof PAUSE> {
    const { protocol, levels } = context;
    const findings: Finding[] = [];
    const regions = levels.ruleRegions;
    const unsatisfiable = new Set<number>();

    protocol.rules.forEach((rule, i) => {
        if (regions[i].isEmpty) {
            unsatisfiable.add(i);
            findings.push(finding('unsatisfiable-condition', rule.source,
                `${ruleTitle(rule)} never holds: no situation satisfies its condition, so it can never lead to ${rule.level}.`));
        } else if (levels.ranks[i] > 0 && regions[i].complement().isEmpty) {
            findings.push(finding('always-true', rule.source,
                `${ruleTitle(rule)} holds in every situation: no situation is ever below ${rule.level}.`));
        }
        if (rule.kind === 'redline' && rule.disclosure === 'confidential') {
            findings.push(finding('confidential-redline', rule.source,
                `${ruleTitle(rule)} is confidential: a consequence the other side does not know of cannot deter it.`));
        }
    });

    // Reverse order: of two identical rules, the later one is the redundant copy.
    const redundant = new Set<number>();
    const covered = (i: number, keep: (other: RuleBox) => boolean) =>
        regions[i].boxes.every(box => levels.uncovered(box, keep) === undefined);
    yield* findings;
    for (let i = protocol.rules.length - 1; i >= 0; i--) {
        yield PAUSE;
        if (unsatisfiable.has(i)) continue;
        const rank = levels.ranks[i];
        const higher = (other: RuleBox) => other.rank > rank;
        if (covered(i, higher)) {
            yield masked(context, i, higher);
            redundant.add(i);
            continue;
        }
        // The other rules of the same level that are still there, with those of higher levels.
        const others = (other: RuleBox) => other.rank > rank || (other.rank === rank && other.rule !== i && !redundant.has(other.rule));
        if (rank === 0 || covered(i, others)) {
            yield neverChanges(context, i, others);
            redundant.add(i);
        }
    }
}

function masked(context: AnalysisContext, i: number, higher: (other: RuleBox) => boolean): Finding {
    const rule = context.protocol.rules[i];
    const region = context.levels.ruleRegions[i];
    const maskers = context.coveringRules(region, higher).map(j => context.protocol.rules[j]);
    const example = context.witness(region);
    const code = rule.kind === 'redline' ? 'redline-masked' : 'masked-threshold';
    return finding(code, rule.source,
        `${ruleTitle(rule)} never decides the level: wherever it holds, a more severe rule holds too (${nameList(maskers.map(describeRule), 4)}). ` +
        `For example, at ${example.description} the level is ${example.level.name}, not ${rule.level}.`,
        {
            witness: example.json,
            related: maskers.map(other => related(other.source, `${ruleTitle(other)} leads to ${other.level} wherever ${rule.name} holds`)),
        });
}

function neverChanges(context: AnalysisContext, i: number, others: (other: RuleBox) => boolean): Finding {
    const rule = context.protocol.rules[i];
    const code = rule.kind === 'redline' ? 'redline-masked' : 'redundant-threshold';
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
