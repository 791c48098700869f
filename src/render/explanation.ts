// An explanation of a situation, for people (text) and for programs (JSON, as docs/language.md §5 specifies).
import { formatDuration } from '../analysis/deadlines.js';
import type { DueStep, Explanation } from '../analysis/explain.js';
import { toNumber } from '../model/rational.js';
import { actorName, conditionText, dutyTimingText, stepText } from '../model/syntax.js';
import type { Duty, Protocol } from '../model/protocol.js';
import { printable } from './printable.js';

export function explanationJson(explanation: Explanation) {
    const { levels, outside } = explanation;
    const determined = levels.length === 1 && !outside;
    return {
        protocol: explanation.protocol.name,
        given: explanation.givenText,
        ...(outside?.holds === 'always'
            ? { level: null, outside: true }
            : determined
                ? { level: levels[0].level.name }
                : {
                    levels: levels.map(c => c.level.name),
                    witnesses: Object.fromEntries(levels.map(c => [c.level.name, c.example.json.situation])),
                    ...(outside ? { mayBeOutside: true, outsideWitness: outside.example.situation } : {}),
                }),
        rules: explanation.rules.map(({ rule, holds }) => ({
            name: rule.name, kind: rule.kind, level: rule.level, ...(rule.citation ? { citation: rule.citation } : {}), holds,
        })),
        steps: explanation.steps.map(({ level, scheduled: { step, deadline, path, response } }) => ({
            level: level.name,
            ...(response.rule ? { rule: response.rule } : {}),
            name: step.name,
            ...(step.citation ? { citation: step.citation } : {}),
            actor: actorName(step.actor),
            verb: step.verb,
            ...(step.counterpart ? { counterpart: actorName(step.counterpart) } : {}),
            ...(step.channel ? { channel: step.channel } : {}),
            within: step.timing === 'within' ? formatDuration(step.within.base) : step.timing,
            ...(step.after.length > 0 ? { after: step.after } : {}),
            ...(deadline ? { deadline: formatDuration(deadline), deadlineSeconds: toNumber(deadline) } : {}),
            path: path.map(s => s.name),
            ...(step.ifUnresolved ? { ifUnresolved: true } : {}),
        })),
        duties: explanation.duties.map(duty => ({
            name: duty.name,
            ...(duty.citation ? { citation: duty.citation } : {}),
            actor: actorName(duty.actor),
            verb: duty.verb,
            ...(duty.counterpart ? { counterpart: actorName(duty.counterpart) } : {}),
            ...(duty.channel ? { channel: duty.channel } : {}),
            when: dutyTimingText(duty.when),
        })),
    };
}

/** For a terminal: each line is made printable, so that a label or citation cannot break it. */
export function explanationText(explanation: Explanation): string {
    const lines: string[] = [];
    const { protocol, levels, outside } = explanation;
    const given = Object.entries(explanation.givenText).map(([k, v]) => `${k} = ${v}`).join(', ');
    lines.push(`${protocol.name}${given ? `, given ${given}` : ', any situation'}`);
    if (outside?.holds === 'always') {
        lines.push(`Outside the scope (${scopeText(protocol)}): the protocol assigns no level and no response is due.`);
    } else if (levels.length === 1 && !outside) {
        const { level } = levels[0];
        lines.push(`Level: ${level.name}${level.label !== level.name ? ` (${level.label})` : ''}`);
    } else {
        const cases = [
            ...levels.map(c => ({ name: c.level.name, description: c.example.description })),
            ...(outside ? [{ name: 'outside the scope', description: outside.example.description }] : []),
        ];
        lines.push(`Level: one of ${cases.map(c => c.name).join(', ')} — the given values do not fix it:`);
        const nameWidth = width(cases.map(c => c.name));
        for (const { name, description } of cases) lines.push(`  ${name.padEnd(nameWidth)}  e.g. at ${description}`);
    }
    if (outside?.holds !== 'always') {
        const always = explanation.rules.filter(r => r.holds === 'always');
        const possibly = explanation.rules.filter(r => r.holds === 'possibly');
        const inside = outside ? ' inside the scope' : '';
        lines.push(always.length ? `Rules that hold${inside}:` : `No rule holds in every matching situation${inside}.`);
        always.forEach(({ rule }) => lines.push(`  ${ruleLine(rule)}`));
        if (possibly.length) {
            lines.push(`Rules that may hold${inside}:`);
            possibly.forEach(({ rule }) => lines.push(`  ${ruleLine(rule)}`));
        }
        for (const { level } of levels) {
            const steps = explanation.steps.filter(s => s.level === level);
            if (steps.length === 0) {
                lines.push(level.rank === 0 ? `At ${level.name}, no steps are due.` : `At ${level.name}, no response is declared.`);
                continue;
            }
            lines.push(`Steps due at ${level.name}, from entering it:`);
            lines.push(...stepLines(steps));
        }
    }
    if (explanation.duties.length > 0) {
        lines.push('Standing duties, whatever the level:');
        lines.push(...dutyLines(explanation.duties));
    }
    return lines.map(printable).join('\n') + '\n';
}

function stepLines(steps: readonly DueStep[]): string[] {
    const nameWidth = width(steps.map(s => s.scheduled.step.name));
    const actionWidth = width(steps.map(s => stepText(s.scheduled.step)));
    return steps.map(({ scheduled: { step, deadline, path, response } }) => {
        const by = !deadline ? 'no deadline (after-cycle)'
            : deadline.n === 0n && step.timing !== 'within' ? step.timing
                : `by ${formatDuration(deadline)}`;
        const notes = [
            path.length > 1 && path.map(s => s.name).join(' → '),
            response.rule && `from when ${response.rule} starts to hold`,
            step.citation,
        ].filter(Boolean);
        const unresolved = step.ifUnresolved ? ' if unresolved' : '';
        return `  ${step.name.padEnd(nameWidth)}  ${stepText(step).padEnd(actionWidth)}  ${by}${unresolved}${notes.length ? `  (${notes.join('; ')})` : ''}`;
    });
}

function dutyLines(duties: readonly Duty[]): string[] {
    const nameWidth = width(duties.map(d => d.name));
    const actionWidth = width(duties.map(d => stepText(d)));
    return duties.map(duty => `  ${duty.name.padEnd(nameWidth)}  ${stepText(duty).padEnd(actionWidth)}  ${dutyTimingText(duty.when)}${duty.citation ? `  (${duty.citation})` : ''}`);
}

/** The scope, for a sentence: `Art. 1: not inDistress`. */
function scopeText(protocol: Protocol): string {
    return protocol.scopes.map(scope => `${scope.citation ? `${scope.citation}: ` : ''}${conditionText(scope.condition)}`).join('; ');
}

function ruleLine(rule: { name: string; citation?: string; level: string; kind: string }): string {
    return `${rule.kind === 'redline' ? 'red line ' : ''}${rule.name}${rule.citation ? ` (${rule.citation})` : ''} → ${rule.level}`;
}

function width(texts: readonly string[]): number {
    return Math.max(0, ...texts.map(t => t.length));
}
