// "Détente: Replay an incident log…": the log chosen by the drafter, replayed through the protocol by the
// language server, and its timeline shown beside the editor; a click on an obligation reveals its step.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ProtocolsResult, ProtocolsRequest, ReplayRequest, type ReplayResult } from '../language/requests/contract.js';

export async function replayLog(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.Uri): Promise<void> {
    const { protocols } = await client.sendRequest<ProtocolsResult>(ProtocolsRequest, { uri: document.toString() });
    if (protocols.length === 0) return void vscode.window.showWarningMessage('This file declares no protocol.');
    const protocol = protocols.length === 1 ? protocols[0]
        : (await vscode.window.showQuickPick(protocols.map(p => ({ label: p.name, description: p.title, protocol: p })), { title: 'Which protocol?' }))?.protocol;
    if (!protocol) return;
    const [log] = await vscode.window.showOpenDialog({
        title: `Replay an incident log through ${protocol.name}`, canSelectMany: false, openLabel: 'Replay',
        defaultUri: vscode.Uri.joinPath(document, '..'),
        filters: { 'Incident logs (CSV, JSON Lines)': ['csv', 'jsonl', 'ndjson'] },
    }) ?? [];
    if (!log) return;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(log));
    const logName = vscode.workspace.asRelativePath(log);
    const panel = vscode.window.createWebviewPanel('detente.replay', `Replay: ${logName}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    const webview = {
        cspSource: panel.webview.cspSource,
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'replay.js')).toString(),
        nonce: randomBytes(16).toString('base64'),
    };
    const result = await client.sendRequest<ReplayResult>(ReplayRequest, { uri: document.toString(), protocol: protocol.name, log: text, logName, webview });
    if (result.problem || !result.html) {
        panel.dispose();
        return void vscode.window.showErrorMessage(result.problem ?? 'The log could not be replayed.');
    }
    panel.webview.html = result.html;
    panel.webview.onDidReceiveMessage(async (message: { command?: string; uri?: string; line?: number; column?: number }) => {
        if (message.command !== 'reveal' || !message.uri || !message.line) return;
        const position = new vscode.Position(message.line - 1, (message.column ?? 1) - 1);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }, undefined, context.subscriptions);
    void vscode.window.setStatusBarMessage(result.compliant ? '$(pass) Replay: every obligation on time' : '$(error) Replay: obligations late or missing', 5000);
}
