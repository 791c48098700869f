// An explanation of a situation, for people (text) and for programs (JSON, as docs/language.md §5 specifies).
import { formatDuration } from '../analysis/deadlines.js';
import type { Explanation } from '../analysis/explain.js';
import type { SituationText } from '../analysis/situations.js';
import { toNumber } from '../model/rational.js';
import { actorName, stepText } from '../model/syntax.js';
import { printable } from './printable.js';

function givenText(explanation: Explanation): SituationText {
    const witness = explanation.levels[0]?.example.json.situation ?? {};
    return Object.fromEntries([...explanation.given.keys()].map(name => [name, witness[name]]));
}

export function explanationJson(explanation: Explanation) {
    const determined = explanation.levels.length === 1;
    return {
        protocol: explanation.protocol.name,
        given: givenText(explanation),
        ...(determined
            ? { level: explanation.levels[0].level.name }
            : {
                levels: explanation.levels.map(c => c.level.name),
                witnesses: Object.fromEntries(explanation.levels.map(c => [c.level.name, c.example.json.situation])),
            }),
        rules: explanation.rules.map(({ rule, holds }) => ({
            name: rule.name, kind: rule.kind, level: rule.level, ...(rule.citation ? { citation: rule.citation } : {}), holds,
        })),
        steps: explanation.steps.map(({ level, scheduled: { step, deadline, path } }) => ({
            level: level.name,
            name: step.name,
            actor: actorName(step.actor),
            verb: step.verb,
            ...(step.counterpart ? { counterpart: actorName(step.counterpart) } : {}),
            ...(step.channel ? { channel: step.channel } : {}),
            within: formatDuration(step.within.base),
            ...(step.after.length > 0 ? { after: step.after } : {}),
            ...(deadline ? { deadline: formatDuration(deadline), deadlineSeconds: toNumber(deadline) } : {}),
            path: path.map(s => s.name),
            ...(step.ifUnresolved ? { ifUnresolved: true } : {}),
        })),
    };
}

/** For a terminal: each line is made printable, so that a label or citation cannot break it. */
export function explanationText(explanation: Explanation): string {
    const lines: string[] = [];
    const { protocol } = explanation;
    const given = Object.entries(givenText(explanation)).map(([k, v]) => `${k} = ${v}`).join(', ');
    lines.push(`${protocol.name}${given ? `, given ${given}` : ', any situation'}`);
    if (explanation.levels.length === 1) {
        const { level } = explanation.levels[0];
        lines.push(`Level: ${level.name}${level.label !== level.name ? ` (${level.label})` : ''}`);
    } else {
        lines.push(`Level: one of ${explanation.levels.map(c => c.level.name).join(', ')} — the given values do not fix it:`);
        for (const { level, example } of explanation.levels) {
            lines.push(`  ${level.name.padEnd(width(explanation.levels.map(c => c.level.name)))}  e.g. at ${example.description}`);
        }
    }
    const always = explanation.rules.filter(r => r.holds === 'always');
    const possibly = explanation.rules.filter(r => r.holds === 'possibly');
    lines.push(always.length ? 'Rules that hold:' : 'No rule holds in every matching situation.');
    always.forEach(({ rule }) => lines.push(`  ${ruleLine(rule)}`));
    if (possibly.length) {
        lines.push('Rules that may hold:');
        possibly.forEach(({ rule }) => lines.push(`  ${ruleLine(rule)}`));
    }
    for (const { level } of explanation.levels) {
        const steps = explanation.steps.filter(s => s.level === level);
        if (steps.length === 0) {
            lines.push(level.rank === 0 ? `At ${level.name}, no steps are due.` : `At ${level.name}, no response is declared.`);
            continue;
        }
        lines.push(`Steps due at ${level.name}, from entering it:`);
        const nameWidth = width(steps.map(s => s.scheduled.step.name));
        const actionWidth = width(steps.map(s => stepText(s.scheduled.step)));
        for (const { scheduled: { step, deadline, path } } of steps) {
            const by = deadline ? `by ${formatDuration(deadline)}` : 'no deadline (after-cycle)';
            const via = path.length > 1 ? `  (${path.map(s => s.name).join(' → ')})` : '';
            const unresolved = step.ifUnresolved ? ' if unresolved' : '';
            lines.push(`  ${step.name.padEnd(nameWidth)}  ${stepText(step).padEnd(actionWidth)}  ${by}${unresolved}${via}`);
        }
    }
    return lines.map(printable).join('\n') + '\n';
}

function ruleLine(rule: { name: string; citation?: string; level: string; kind: string }): string {
    return `${rule.kind === 'redline' ? 'red line ' : ''}${rule.name}${rule.citation ? ` (${rule.citation})` : ''} → ${rule.level}`;
}

function width(texts: readonly string[]): number {
    return Math.max(0, ...texts.map(t => t.length));
}
