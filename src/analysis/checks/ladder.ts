// Checks of the ladder as a whole: unreachable levels, levels without a response or a way back down,
// and force steps that tentative indicators alone can set off.
import type { Condition, Protocol } from '../../model/protocol.js';
import { type AnalysisContext, nameList, ruleTitle } from '../context.js';
import { type Finding, finding } from '../findings.js';

/** Checks that need no situation: they run even when the analysis of situations hits its budget. */
export function checkLadderStructure(protocol: Protocol): Finding[] {
    const findings: Finding[] = [];
    const baseline = protocol.levels[0];
    for (const level of protocol.levels.slice(1)) {
        if (!protocol.responses.some(response => response.level === level.name)) {
            findings.push(finding('missing-response', level.source,
                `Level '${level.name}' has no response: nothing is required of anyone once the situation reaches it.`));
        }
        if (!reachesBaseline(protocol, level.name)) {
            findings.push(finding('missing-offramp', level.source,
                `Level '${level.name}' has no way back: no chain of de-escalations leads from it down to the baseline ${baseline.name}.`));
        }
    }
    return findings;
}

function reachesBaseline(protocol: Protocol, from: string): boolean {
    const baseline = protocol.levels[0].name;
    const seen = new Set([from]);
    const queue = [from];
    for (let level = queue.shift(); level !== undefined; level = queue.shift()) {
        if (level === baseline) return true;
        for (const deescalation of protocol.deescalations) {
            if (deescalation.from === level && !seen.has(deescalation.to)) {
                seen.add(deescalation.to);
                queue.push(deescalation.to);
            }
        }
    }
    return false;
}

export function checkReachability(context: AnalysisContext): Finding[] {
    const { protocol, levels } = context;
    return protocol.levels
        .filter(level => levels.isUnreachable(level.rank))
        .map(level => finding('unreachable-level', level.source, `Level '${level.name}' is unreachable: no situation has this level (${whyUnreachable(context, level.rank)}).`));
}

function whyUnreachable({ protocol, levels }: AnalysisContext, rank: number): string {
    if (rank === 0) return 'rules of higher levels hold in every situation';
    const rules = protocol.rules.filter((_, i) => levels.ranks[i] === rank);
    if (rules.length === 0) return 'no threshold or red line leads to it';
    const satisfiable = rules.filter(rule => !levels.ruleRegions[protocol.rules.indexOf(rule)].isEmpty);
    const never = rules.filter(rule => !satisfiable.includes(rule)).map(r => r.name);
    const cannotHold = never.length > 0 ? `${nameList(never)} can never hold` : '';
    const masked = satisfiable.length > 0 ? `more severe rules hold wherever ${nameList(satisfiable.map(r => r.name))} ${satisfiable.length === 1 ? 'holds' : 'hold'}` : '';
    return [cannotHold, masked].filter(Boolean).join(', and ');
}

/**
 * A level whose response uses force, reached by a rule whose indicators are all tentative: in some
 * situation that rule holds and decides the level (no more severe rule holds there).
 */
export function checkForceOnTentative(context: AnalysisContext): Finding[] {
    const { protocol, levels } = context;
    const tentative = new Set(protocol.indicators.filter(indicator => indicator.tentative).map(indicator => indicator.name));
    const findings: Finding[] = [];
    for (const response of protocol.responses) {
        const force = response.steps.filter(step => step.verbClass === 'force');
        if (force.length === 0) continue;
        protocol.rules.forEach((rule, i) => {
            if (rule.level !== response.level) return;
            const used = indicatorsOf(rule.condition);
            if (used.size === 0 || ![...used].every(name => tentative.has(name))) return;
            const decides = !levels.coversRule(i, levels.higherThan(levels.ranks[i]));
            if (!decides) return;
            findings.push(finding('force-on-tentative', rule.source,
                `${ruleTitle(rule)} leads to ${rule.level}, whose response uses force (${nameList(force.map(step => step.name))}), ` +
                `on tentative indicators alone (${nameList([...used])}): force would rest on an assessment, not on an observation.`));
        });
    }
    return findings;
}

function indicatorsOf(condition: Condition, into = new Set<string>()): Set<string> {
    switch (condition.kind) {
        case 'test': into.add(condition.test.indicator); break;
        case 'not': indicatorsOf(condition.operand, into); break;
        default: condition.operands.forEach(operand => indicatorsOf(operand, into));
    }
    return into;
}
