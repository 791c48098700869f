// `detente diff OLD NEW`: the situations whose level or response changed, and the rules and steps that changed.
import { BudgetExceeded, COMMAND_LINE_BUDGETS } from '../../analysis/budget.js';
import { type NamedChange, type ProtocolDiff, type SituationChange, diffProtocols, hasChanges, responseKey } from '../../analysis/diff.js';
import type { Deescalation, Protocol, Rule, Step } from '../../model/protocol.js';
import { actorName, conditionText, offrampText, quantityText, stepClauses } from '../../model/syntax.js';
import { constraintsOf } from '../../tables/constraints.js';
import { boxText } from '../../render/text.js';
import { printable } from '../../render/printable.js';
import { UsageError } from '../inputs.js';
import { collectDiagnostics, formatText } from '../findings.js';
import { isStructuralError } from '../../language/compilations.js';
import { loadProject } from '../project.js';

export interface DiffOptions {
    readonly protocol?: string;
    readonly format: 'text' | 'json';
    readonly exitCode?: boolean;
    readonly root?: string;
}

export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const before = await protocolOf(oldFile, options, err);
    const after = await protocolOf(newFile, options, err);
    if (!before || !after) return 1;
    let diff: ProtocolDiff;
    try {
        diff = diffProtocols(before, after, COMMAND_LINE_BUDGETS.for('diff'));
    } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        err.write(`detente: ${newFile}: the situations of the two versions could not be compared within the budget (${error.reason})\n`);
        return 1;
    }
    out.write(options.format === 'json' ? JSON.stringify(toJson(diff), null, 2) + '\n' : toText(diff));
    return options.exitCode && hasChanges(diff) ? 1 : 0;
}

async function protocolOf(file: string, options: DiffOptions, err: NodeJS.WritableStream): Promise<Protocol | undefined> {
    const project = await loadProject([file], options.root);
    // Structural errors leave parts of a version unread; findings of its analysis do not stop a comparison.
    const errors = collectDiagnostics(project).filter(isStructuralError);
    if (errors.length > 0) {
        err.write(formatText(errors, project.documents.length));
        err.write(`detente: ${printable(file)} has errors; fix them before comparing versions\n`);
        return undefined;
    }
    const protocols = project.services.model.ProtocolModels.forDocument(project.inputs[0]);
    const chosen = options.protocol ? protocols.find(p => p.name === options.protocol) : protocols.length === 1 ? protocols[0] : undefined;
    if (!chosen) {
        throw new UsageError(options.protocol
            ? `${file}: no protocol named '${options.protocol}' (it has ${protocols.map(p => p.name).join(', ') || 'none'})`
            : `${file}: declares ${protocols.length === 0 ? 'no protocol' : `several protocols (${protocols.map(p => p.name).join(', ')}); choose one with --protocol`}`);
    }
    return chosen;
}

function where(diff: ProtocolDiff, change: SituationChange): string[] {
    return change.boxes.map(box => boxText(constraintsOf(diff.space!, box)));
}

function toText(diff: ProtocolDiff): string {
    const lines: string[] = [];
    const name = diff.before.name === diff.after.name ? diff.after.name : `${diff.before.name} → ${diff.after.name}`;
    if (!hasChanges(diff)) return `${name}: no change.\n`;
    lines.push(`${name}:`);
    if (diff.incomparable) {
        lines.push(`  Situations cannot be compared: ${diff.incomparable}.`);
    }
    const situations = (title: string, changes: readonly SituationChange[], label: (c: SituationChange) => string) => {
        if (changes.length === 0) return;
        lines.push(`  ${title}:`);
        for (const change of changes) {
            lines.push(`    ${label(change)}`);
            where(diff, change).forEach(text => lines.push(`      where ${text}`));
            lines.push(`      e.g. at ${change.example.description}`);
        }
    };
    situations('Situations whose level changed', diff.levelChanges, c => `${c.from} → ${c.to}`);
    situations('Situations whose response changed', diff.responseChanges, c => `at ${c.to}`);
    const named = <T>(title: string, changes: readonly NamedChange<T>[], show: (value: T) => string) => {
        if (changes.length === 0) return;
        lines.push(`  ${title}:`);
        for (const change of changes) {
            if (!change.before) lines.push(`    + ${change.name}: ${show(change.after!)}`);
            else if (!change.after) lines.push(`    − ${change.name}: ${show(change.before)}`);
            else lines.push(`    ~ ${change.name}: ${change.fields.map(f => `${f.field} ${f.before}  ⇒  ${f.after}`).join('; ')}`);
        }
    };
    named('Levels', diff.levels, level => `${level.label} (level ${level.rank + 1})`);
    named('Parties', diff.parties, party => party.label);
    named('Organs', diff.organs, organ => `${organ.label}${organ.powers.length > 0 ? `, authorizes ${organ.powers.join(', ')}` : ''}`);
    named('Channels', diff.channels, channel => `${channel.label}, links ${channel.ends.map(actorName).join(', ')}` +
        `${channel.latency ? `, latency ${quantityText(channel.latency)}` : ''}${channel.fallback ? `, fallback ${channel.fallback}` : ''}`);
    named('Indicators', diff.indicators, i => `${i.kind}${i.members ? ` ${i.members.join(', ')}` : ''}${i.worse ? `, worse when ${i.worse}` : ''}`);
    named('Rules', diff.rules, ruleText);
    named('Responses', diff.responses, response => `response ${responseKey(response)}${response.within ? ` within ${quantityText(response.within)}` : ''}`);
    named('Steps', diff.steps, stepClauses);
    named('De-escalations', diff.deescalations, deescalationText);
    // One entry per line: a label or citation holding a line break or an escape sequence stays in its line.
    return lines.map(printable).join('\n') + '\n';
}

function ruleText(rule: Rule): string {
    return `${rule.kind === 'redline' ? 'red line ' : ''}${conditionText(rule.condition)} -> ${rule.level}${rule.citation ? ` (${rule.citation})` : ''}`;
}

function deescalationText(d: Deescalation): string {
    return `${offrampText(d)}${d.holdFor ? ` for ${quantityText(d.holdFor)}` : ''}`;
}

function toJson(diff: ProtocolDiff) {
    const situations = (changes: readonly SituationChange[]) => changes.map(change => ({
        from: change.from,
        to: change.to,
        where: where(diff, change),
        example: change.example.json.situation,
    }));
    const named = <T>(changes: readonly NamedChange<T>[], show: (value: T) => string) => changes.map(change => ({
        name: change.name,
        change: !change.before ? 'added' : !change.after ? 'removed' : 'changed',
        ...(change.fields.length > 0 ? { fields: change.fields.map(f => f.field), changes: change.fields } : {}),
        ...(change.before !== undefined ? { before: show(change.before) } : {}),
        ...(change.after !== undefined ? { after: show(change.after) } : {}),
    }));
    return {
        protocol: diff.after.name,
        changed: hasChanges(diff),
        ...(diff.incomparable ? { incomparable: diff.incomparable } : {}),
        levelChanges: situations(diff.levelChanges),
        responseChanges: situations(diff.responseChanges),
        levels: named(diff.levels, level => level.label),
        parties: named(diff.parties, party => party.label),
        organs: named(diff.organs, organ => organ.label),
        channels: named(diff.channels, channel => channel.label),
        indicators: named(diff.indicators, i => i.kind),
        rules: named(diff.rules, ruleText),
        responses: named(diff.responses, responseKey),
        steps: named(diff.steps, (step: Step) => stepClauses(step)),
        deescalations: named(diff.deescalations, deescalationText),
    };
}
