// The VS Code extension: the language client, the preview, the commands, scenarios in the Test Explorer
// and the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client.js';
import { checkWorkspace, compareWith, exportTables, targetDocument } from './commands.js';
import { ExplainPanel } from './explain.js';
import { PreviewPanel } from './preview.js';
import { replayLog } from './replay.js';
import { registerScenarioTests } from './scenarios.js';
import { registerStatusBar } from './status.js';

let client: LanguageClient | undefined;

/** What the extension offers other extensions, and its own tests in VS Code. */
export interface DetenteApi {
    /** The HTML of the open decision table preview, if one is open. */
    previewHtml(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<DetenteApi> {
    client = createClient(context);
    const running = client;
    context.subscriptions.push(
        vscode.commands.registerCommand('detente.openPreview', (uri?: string | vscode.Uri, protocol?: string) => {
            const document = targetDocument(uri);
            if (!document) return void vscode.window.showWarningMessage('Open a .detente file to preview its decision table.');
            PreviewPanel.show(context, running, document, protocol);
        }),
        vscode.commands.registerCommand('detente.export', (uri?: string | vscode.Uri) => exportTables(running, uri)),
        vscode.commands.registerCommand('detente.explain', (uri?: string | vscode.Uri) => {
            const document = targetDocument(uri);
            if (!document) return void vscode.window.showWarningMessage('Open a .detente file to explain a situation.');
            ExplainPanel.show(context, running, document);
        }),
        vscode.commands.registerCommand('detente.compare', (uri?: string | vscode.Uri) => compareWith(running, uri)),
        vscode.commands.registerCommand('detente.replay', (uri?: string | vscode.Uri) => {
            const document = targetDocument(uri);
            if (!document) return void vscode.window.showWarningMessage('Open a .detente file to replay an incident log through it.');
            return replayLog(context, running, document);
        }),
        vscode.commands.registerCommand('detente.checkWorkspace', () => checkWorkspace(running)),
        ...registerScenarioTests(running),
        ...registerStatusBar(),
    );
    await client.start();
    return { previewHtml: () => PreviewPanel.html() };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
