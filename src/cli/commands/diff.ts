// `detente diff OLD NEW` (or `diff NEW`, against the protocol NEW supersedes): the situations whose level
// or response changed, and every element of the text that changed.
import { BudgetExceeded, COMMAND_LINE_BUDGETS } from '../../analysis/budget.js';
import { type ProtocolDiff, diffProtocols, hasChanges } from '../../analysis/diff.js';
import type { Protocol } from '../../model/protocol.js';
import { diffJson, diffMarkdown, diffText } from '../../render/diff.js';
import { printable } from '../../render/printable.js';
import { UsageError } from '../inputs.js';
import { collectDiagnostics, formatText } from '../findings.js';
import { isStructuralError } from '../../language/compilations.js';
import { type Project, loadProject } from '../project.js';

export interface DiffOptions {
    readonly protocol?: string;
    readonly format: 'text' | 'json' | 'md';
    readonly exitCode?: boolean;
    readonly root?: string;
}

export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const before = await protocolOf(oldFile, options, err);
    const after = await protocolOf(newFile, options, err);
    if (!before || !after) return 1;
    return compare(before.protocol, after.protocol, newFile, options, out, err);
}

/** `diff NEW`: NEW's protocol against the one it `supersedes`, which its file declares or imports. */
export async function diffSupersededCommand(newFile: string, options: DiffOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const after = await protocolOf(newFile, options, err, true);
    if (!after) return 1;
    const name = after.protocol.supersedes;
    if (!name) throw new UsageError(`${newFile}: ${after.protocol.name} supersedes no protocol; give the earlier version: detente diff OLD ${newFile}`);
    const before = after.project.documents
        .flatMap(document => after.project.services.model.ProtocolModels.forDocument(document))
        .find(protocol => protocol.name === name);
    if (!before) throw new UsageError(`${newFile}: the protocol ${name} that ${after.protocol.name} supersedes is neither declared nor imported there`);
    return compare(before, after.protocol, newFile, options, out, err);
}

function compare(before: Protocol, after: Protocol, newFile: string, options: DiffOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
    let diff: ProtocolDiff;
    try {
        diff = diffProtocols(before, after, COMMAND_LINE_BUDGETS.for('diff'));
    } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        err.write(`detente: ${printable(newFile)}: the situations of the two versions could not be compared within the budget (${error.reason})\n`);
        return 1;
    }
    out.write(options.format === 'json' ? JSON.stringify(diffJson(diff), null, 2) + '\n' : options.format === 'md' ? diffMarkdown(diff) : diffText(diff));
    return options.exitCode && hasChanges(diff) ? 1 : 0;
}

/** The protocol of a file: the one named, or its only one; with `latest`, among several, the only one that supersedes another there. */
async function protocolOf(file: string, options: DiffOptions, err: NodeJS.WritableStream, latest = false): Promise<{ project: Project; protocol: Protocol } | undefined> {
    const project = await loadProject([file], options.root);
    // Structural errors leave parts of a version unread; findings of its analysis do not stop a comparison.
    const errors = collectDiagnostics(project).filter(isStructuralError);
    if (errors.length > 0) {
        err.write(formatText(errors, project.documents.length));
        err.write(`detente: ${printable(file)} has errors; fix them before comparing versions\n`);
        return undefined;
    }
    const protocols = project.services.model.ProtocolModels.forDocument(project.inputs[0]);
    const superseding = protocols.filter(p => p.supersedes !== undefined && protocols.some(other => other.name === p.supersedes));
    const chosen = options.protocol ? protocols.find(p => p.name === options.protocol)
        : protocols.length === 1 ? protocols[0] : latest && superseding.length === 1 ? superseding[0] : undefined;
    if (!chosen) {
        throw new UsageError(options.protocol
            ? `${file}: no protocol named '${options.protocol}' (it has ${protocols.map(p => p.name).join(', ') || 'none'})`
            : `${file}: declares ${protocols.length === 0 ? 'no protocol' : `several protocols (${protocols.map(p => p.name).join(', ')}); choose one with --protocol`}`);
    }
    return { project, protocol: chosen };
}
