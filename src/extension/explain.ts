// "Détente: Explain a situation…": a form beside the editor, one field per indicator, and the answer of
// `detente explain` beside it, asked again as values change. A value that cannot be read is named beside
// its field while the others still count. The values are kept per protocol in the workspace's state (closing
// the form loses nothing), and follow the protocol's edits: an indicator added gets a field, one removed loses it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    ExplainRequest, type ExplainResult, type IndicatorInfo, type ProtocolInfo, ProtocolsRequest, type ProtocolsResult,
} from '../language/requests/contract.js';
import { type FormValues, answerContent, countText, explainHtml, formContent } from './explain-html.js';

const STATE_KEY = 'detente.explain.values';

export class ExplainPanel implements vscode.Disposable {
    protected static current: ExplainPanel | undefined;
    protected readonly disposables: vscode.Disposable[] = [];
    protected protocols: readonly ProtocolInfo[] = [];
    protected protocol: string | undefined;
    protected answer: ExplainResult | undefined;
    /** The indicators the form shows, as a key: the form is rebuilt only when they change. */
    protected fields = '';
    protected refreshTimer: NodeJS.Timeout | undefined;
    /** Answers come back in any order: only the latest question's is shown. */
    protected asked = 0;

    static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri): ExplainPanel {
        if (ExplainPanel.current) {
            ExplainPanel.current.panel.reveal(vscode.ViewColumn.Beside);
            ExplainPanel.current.showDocument(uri);
            return ExplainPanel.current;
        }
        const panel = vscode.window.createWebviewPanel('detente.explain', 'Explain', vscode.ViewColumn.Beside, {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
        });
        ExplainPanel.current = new ExplainPanel(panel, context, client, uri);
        return ExplainPanel.current;
    }

    protected constructor(
        readonly panel: vscode.WebviewPanel,
        protected readonly context: vscode.ExtensionContext,
        protected readonly client: LanguageClient,
        protected uri: vscode.Uri,
    ) {
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.uri.toString() === this.uri.toString()) this.scheduleRefresh();
            }),
            vscode.languages.onDidChangeDiagnostics(event => {
                if (event.uris.some(u => u.toString() === this.uri.toString())) this.scheduleRefresh();
            }),
        );
        void this.refresh();
    }

    showDocument(uri: vscode.Uri): void {
        this.uri = uri;
        this.protocol = undefined;
        this.fields = '';
        void this.refresh();
    }

    protected get key(): string {
        return `${this.uri.toString()}#${this.protocol ?? ''}`;
    }

    /** The values typed for the current protocol; kept in the workspace's state, so that closing the form loses nothing. */
    protected get values(): FormValues {
        return this.context.workspaceState.get<Record<string, FormValues>>(STATE_KEY, {})[this.key] ?? {};
    }

    protected async setValues(values: FormValues): Promise<void> {
        const all = this.context.workspaceState.get<Record<string, FormValues>>(STATE_KEY, {});
        await this.context.workspaceState.update(STATE_KEY, { ...all, [this.key]: values });
    }

    protected get indicators(): readonly IndicatorInfo[] {
        return this.protocols.find(p => p.name === this.protocol)?.indicators ?? [];
    }

    protected scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), 300);
    }

    /** The protocols of the file again (after an edit), the form if its indicators changed, and the answer. */
    async refresh(): Promise<void> {
        try {
            this.protocols = (await this.client.sendRequest<ProtocolsResult>(ProtocolsRequest, { uri: this.uri.toString() })).protocols;
        } catch {
            this.protocols = [];
        }
        if (!this.protocols.some(p => p.name === this.protocol)) this.protocol = this.protocols[0]?.name;
        this.panel.title = `Explain ${this.protocol ?? vscode.workspace.asRelativePath(this.uri)}`;
        const fields = JSON.stringify([this.protocols.map(p => p.name), this.protocol, this.indicators]);
        if (fields !== this.fields) {
            const reload = this.fields === '';
            this.fields = fields;
            if (reload) this.panel.webview.html = this.page();
            else void this.panel.webview.postMessage({ command: 'form', html: this.form() });
        }
        await this.explain();
    }

    protected async explain(): Promise<void> {
        const asked = ++this.asked;
        const values = this.values;
        const given = this.indicators.filter(i => (values[i.name] ?? '').trim() !== '').map(i => `${i.name}=${values[i.name].trim()}`);
        let answer: ExplainResult;
        if (!this.protocol) {
            answer = { problem: 'This file declares no protocol.' };
        } else {
            try {
                answer = await this.client.sendRequest<ExplainResult>(ExplainRequest, { uri: this.uri.toString(), protocol: this.protocol, given });
            } catch (error) {
                answer = { problem: `The language server could not explain the situation: ${error instanceof Error ? error.message : String(error)}` };
            }
        }
        if (asked !== this.asked) return;
        this.answer = answer;
        void this.panel.webview.postMessage({
            command: 'answer', html: answerContent(answer), invalid: answer.invalid ?? {}, count: countText(given.length, this.indicators.length), values,
        });
    }

    protected form(): string {
        return formContent({ protocols: this.protocols.map(p => p.name), protocol: this.protocol ?? '', indicators: this.indicators, values: this.values });
    }

    protected page(): string {
        const webview = this.panel.webview;
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file)).toString();
        return explainHtml({
            cspSource: webview.cspSource,
            nonce: randomBytes(16).toString('base64'),
            styleUri: media('explain.css'),
            scriptUri: media('explain.js'),
            protocols: this.protocols.map(p => p.name),
            protocol: this.protocol ?? '',
            indicators: this.indicators,
            values: this.values,
            answer: this.answer,
        });
    }

    protected async onMessage(message: { command?: string; values?: unknown; name?: unknown }): Promise<void> {
        if (message.command === 'ready') {
            // A page reloaded (after being hidden) comes back with the HTML it was first given: the values kept here replace it.
            void this.panel.webview.postMessage({ command: 'form', html: this.form() });
            await this.explain();
        } else if (message.command === 'values' && typeof message.values === 'object' && message.values !== null) {
            const values = Object.fromEntries(Object.entries(message.values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
            await this.setValues(values);
            await this.explain();
        } else if (message.command === 'protocol' && typeof message.name === 'string') {
            this.protocol = message.name;
            this.fields = JSON.stringify([this.protocols.map(p => p.name), this.protocol, this.indicators]);
            void this.panel.webview.postMessage({ command: 'form', html: this.form() });
            this.panel.title = `Explain ${this.protocol}`;
            await this.explain();
        }
    }

    dispose(): void {
        if (ExplainPanel.current === this) ExplainPanel.current = undefined;
        clearTimeout(this.refreshTimer);
        this.disposables.forEach(d => d.dispose());
        this.panel.dispose();
    }
}
