// The commands: export the tables, compare with an earlier version, check the workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    CheckWorkspaceRequest, type CheckWorkspaceResult, CompareRequest, type CompareResult, ExportRequest, type ExportResult,
    type ProtocolInfo, ProtocolsRequest, type ProtocolsResult,
} from '../language/requests/contract.js';
import { FORMATS, FORMAT_DESCRIPTIONS } from '../render/formats.js';

/** The `.detente` document a command is about: the one given, or the active editor's. */
export function targetDocument(uri?: string | vscode.Uri): vscode.Uri | undefined {
    if (uri) return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'detente' ? editor.document.uri : undefined;
}

async function pickProtocol(client: LanguageClient, uri: vscode.Uri): Promise<ProtocolInfo | undefined> {
    const { protocols } = await client.sendRequest<ProtocolsResult>(ProtocolsRequest, { uri: uri.toString() });
    if (protocols.length <= 1) {
        if (protocols.length === 0) void vscode.window.showWarningMessage('This file declares no protocol.');
        return protocols[0];
    }
    const picked = await vscode.window.showQuickPick(protocols.map(p => ({ label: p.name, description: p.title, protocol: p })), { title: 'Which protocol?' });
    return picked?.protocol;
}

export async function exportTables(client: LanguageClient, uri?: string | vscode.Uri): Promise<void> {
    const document = targetDocument(uri);
    if (!document) return void vscode.window.showWarningMessage('Open a .detente file to export its decision tables.');
    const protocol = await pickProtocol(client, document);
    if (!protocol) return;
    const formats = await vscode.window.showQuickPick(FORMATS.map(format => ({ label: format, description: FORMAT_DESCRIPTIONS[format], picked: format === 'md' || format === 'html' })), {
        title: `Export ${protocol.name}`, canPickMany: true, placeHolder: 'Formats to write',
    });
    if (!formats || formats.length === 0) return;
    const beside = vscode.Uri.joinPath(document, '..');
    const where = await vscode.window.showQuickPick([
        { label: 'Next to the file', folder: beside },
        { label: 'Choose a folder…', folder: undefined },
    ], { title: 'Where to write the files?' });
    if (!where) return;
    const folder = where.folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: beside, openLabel: 'Export here' }))?.[0];
    if (!folder) return;
    const result = await client.sendRequest<ExportResult>(ExportRequest, { uri: document.toString(), protocol: protocol.name, formats: formats.map(f => f.label) });
    if (result.problem) return void vscode.window.showErrorMessage(`Not exported: ${result.problem}`);
    const written = result.files.map(file => vscode.Uri.joinPath(folder, file.name));
    for (const [i, file] of result.files.entries()) {
        await vscode.workspace.fs.writeFile(written[i], new TextEncoder().encode(file.content));
    }
    await offerWrittenFiles(written, folder);
}

/**
 * Says what was written and offers to open it with VS Code's own commands, which work in the desktop,
 * remote and web editors alike (the operating system's file manager is not at hand in all of them).
 */
async function offerWrittenFiles(written: readonly vscode.Uri[], folder: vscode.Uri): Promise<void> {
    const names = written.map(uri => uri.path.slice(uri.path.lastIndexOf('/') + 1));
    const open = written.length === 1 ? 'Open' : `Open ${names[0]}`;
    const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
    const reveal = 'Reveal in Explorer';
    const answer = await vscode.window.showInformationMessage(
        `Wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(folder)}: ${names.join(', ')}`,
        open, ...(inWorkspace ? [reveal] : []));
    if (answer === open) await vscode.commands.executeCommand('vscode.open', written[0]);
    else if (answer === reveal) await vscode.commands.executeCommand('revealInExplorer', written[0]);
}

/**
 * Compare with…: the protocol against the one it supersedes, or against a protocol of another file of
 * the workspace; the memo opens as a Markdown preview beside the editor.
 */
export async function compareWith(client: LanguageClient, uri?: string | vscode.Uri): Promise<void> {
    const document = targetDocument(uri);
    if (!document) return void vscode.window.showWarningMessage('Open a .detente file to compare it with an earlier version.');
    const protocol = await pickProtocol(client, document);
    if (!protocol) return;
    const files = (await vscode.workspace.findFiles('**/*.detente', '**/node_modules/**'))
        .filter(file => file.toString() !== document.toString())
        .sort((a, b) => a.path.localeCompare(b.path));
    const superseded = { label: '$(history) The protocol it supersedes', description: 'supersedes …', file: undefined as vscode.Uri | undefined };
    const picked = await vscode.window.showQuickPick([superseded, ...files.map(file => ({ label: vscode.workspace.asRelativePath(file), description: '', file }))], {
        title: `Compare ${protocol.name} with an earlier version`, placeHolder: 'The earlier version',
    });
    if (!picked) return;
    const earlier = picked.file && await pickProtocol(client, picked.file);
    if (picked.file && !earlier) return;
    const result = await client.sendRequest<CompareResult>(CompareRequest, {
        uri: document.toString(), protocol: protocol.name, ...(picked.file ? { otherUri: picked.file.toString(), otherProtocol: earlier!.name } : {}),
    });
    if (result.problem) return void vscode.window.showErrorMessage(result.problem);
    const memo = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown ?? '' });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', memo.uri);
}

export async function checkWorkspace(client: LanguageClient): Promise<void> {
    const result = await client.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest, {});
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const message = `${plural(result.files, 'file')} checked: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.infos, 'info')}`;
    if (result.errors > 0) void vscode.window.showErrorMessage(message);
    else void vscode.window.showInformationMessage(message);
}
