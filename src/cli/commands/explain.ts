// `detente explain FILE --given ind=value …`: the level of a (partial) situation, the rules that hold, the steps due.
import { explain, type Explanation } from '../../analysis/explain.js';
import { GivenError, parseGiven } from '../../analysis/given.js';
import { formatDuration } from '../../analysis/deadlines.js';
import type { SituationText } from '../../analysis/situations.js';
import { toNumber } from '../../model/rational.js';
import type { Protocol } from '../../model/protocol.js';
import { actorName, stepText } from '../../model/syntax.js';
import { UsageError } from '../inputs.js';
import { loadProject } from '../project.js';
import { collectDiagnostics, formatText } from '../findings.js';

export interface ExplainOptions {
    readonly given: readonly string[];
    readonly protocol?: string;
    readonly format: 'text' | 'json';
    readonly root?: string;
}

export async function explainCommand(file: string, options: ExplainOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject([file], options.root);
    const document = project.inputs[0];
    const diagnostics = collectDiagnostics(project.documents).filter(d => d.severity === 'error');
    if (diagnostics.length > 0) {
        err.write(formatText(diagnostics, project.documents.length));
        err.write(`detente: ${file} has errors; fix them before explaining situations\n`);
        return 1;
    }
    const protocols = project.services.model.ProtocolModels.forDocument(document);
    const protocol = chooseProtocol(protocols, options.protocol, file);
    let explanation: Explanation;
    try {
        explanation = explain(protocol, parseGiven(protocol, options.given));
    } catch (error) {
        if (error instanceof GivenError) throw new UsageError(`--given: ${error.message}`);
        throw error;
    }
    out.write(options.format === 'json' ? JSON.stringify(toJson(explanation), null, 2) + '\n' : toText(explanation));
    return 0;
}

function chooseProtocol(protocols: readonly Protocol[], name: string | undefined, file: string): Protocol {
    if (name !== undefined) {
        const found = protocols.find(p => p.name === name);
        if (!found) throw new UsageError(`${file}: no protocol named '${name}' (it has ${protocols.map(p => p.name).join(', ') || 'none'})`);
        return found;
    }
    if (protocols.length === 0) throw new UsageError(`${file}: declares no protocol`);
    if (protocols.length > 1) throw new UsageError(`${file}: declares several protocols (${protocols.map(p => p.name).join(', ')}); choose one with --protocol`);
    return protocols[0];
}

function givenText(explanation: Explanation): SituationText {
    const witness = explanation.levels[0]?.example.json.situation ?? {};
    return Object.fromEntries([...explanation.given.keys()].map(name => [name, witness[name]]));
}

function toJson(explanation: Explanation) {
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

function toText(explanation: Explanation): string {
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
    return lines.join('\n') + '\n';
}

function ruleLine(rule: { name: string; citation?: string; level: string; kind: string }): string {
    return `${rule.kind === 'redline' ? 'red line ' : ''}${rule.name}${rule.citation ? ` (${rule.citation})` : ''} → ${rule.level}`;
}

function width(texts: readonly string[]): number {
    return Math.max(0, ...texts.map(t => t.length));
}
