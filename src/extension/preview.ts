// "Détente: Open decision table preview": the ladder, the tables, responses and findings beside the editor,
// following the drafter's edits; a click on a row or a finding reveals it in the editor. The page is
// loaded once and its content swapped in place afterwards, so that it keeps its scroll position and no
// click is lost to a reload while the drafter types.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ProtocolParams, ReportRequest, type ReportResult } from '../language/requests/contract.js';
import { type PreviewContent, previewContent, previewHtml } from './preview-html.js';

export class PreviewPanel implements vscode.Disposable {
    protected static current: PreviewPanel | undefined;
    protected readonly disposables: vscode.Disposable[] = [];
    protected protocol: string | undefined;
    protected refreshTimer: NodeJS.Timeout | undefined;
    /** The content shown now, and the content the page's HTML was loaded with. */
    protected content: PreviewContent = { protocols: [] };
    protected shown: string | undefined;
    protected loaded: string | undefined;
    /** The last report rendered without errors, kept on view while the text has errors: its protocol, its body. */
    protected lastGood: { readonly key: string; readonly body: string } | undefined;

    /** Opens the preview of a document beside it, or points the open preview at it. */
    static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri, protocol?: string): PreviewPanel {
        if (PreviewPanel.current) {
            PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
            PreviewPanel.current.showDocument(uri, protocol);
            return PreviewPanel.current;
        }
        const panel = vscode.window.createWebviewPanel('detente.preview', 'Détente preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            enableFindWidget: true,
            // Nothing but the extension's own media: no workspace files, no network.
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
        });
        PreviewPanel.current = new PreviewPanel(panel, context, client, uri, protocol);
        return PreviewPanel.current;
    }

    protected constructor(
        readonly panel: vscode.WebviewPanel,
        protected readonly context: vscode.ExtensionContext,
        protected readonly client: LanguageClient,
        protected uri: vscode.Uri,
        protocol: string | undefined,
    ) {
        this.protocol = protocol;
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.uri.toString() === this.uri.toString()) this.scheduleRefresh();
            }),
            vscode.languages.onDidChangeDiagnostics(event => {
                if (event.uris.some(u => u.toString() === this.uri.toString())) this.scheduleRefresh();
            }),
            // Like the Markdown preview: the preview shows the protocol file being edited.
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!editor || editor.document.languageId !== 'detente' || editor.document.uri.toString() === this.uri.toString()) return;
                if (vscode.workspace.getConfiguration('detente.preview').get<boolean>('followActiveEditor', true)) this.showDocument(editor.document.uri);
            }),
        );
        void this.refresh();
    }

    /** The page as it stands, with the content swapped in since it was loaded. */
    static html(): string | undefined {
        const current = PreviewPanel.current;
        return current?.loaded === undefined ? undefined : current.page();
    }

    showDocument(uri: vscode.Uri, protocol?: string): void {
        this.uri = uri;
        this.protocol = protocol;
        void this.refresh();
    }

    protected scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), 300);
    }

    async refresh(): Promise<void> {
        const params: ProtocolParams = { uri: this.uri.toString(), ...(this.protocol ? { protocol: this.protocol } : {}) };
        let result: ReportResult;
        try {
            result = await this.client.sendRequest<ReportResult>(ReportRequest, params);
        } catch (error) {
            result = { protocols: [], problem: `The language server could not build the report: ${error instanceof Error ? error.message : String(error)}` };
        }
        this.panel.title = `Preview ${result.protocol ?? vscode.workspace.asRelativePath(this.uri)}`;
        // An error while typing keeps the last tables on view, under a banner naming the errors.
        const key = `${this.uri.toString()}#${result.protocol ?? ''}`;
        if (result.html !== undefined) this.lastGood = { key, body: result.html };
        const kept = result.html === undefined && result.errors && this.lastGood?.key === key ? this.lastGood.body : undefined;
        this.content = {
            protocols: result.protocols, current: result.protocol, body: result.html ?? kept, problem: result.problem,
            errors: result.errors, stale: kept !== undefined,
        };
        const shown = previewContent(this.content);
        if (shown === this.shown) return;
        this.shown = shown;
        if (this.loaded === undefined) {
            this.panel.webview.html = this.page();
            this.loaded = shown;
        } else {
            // Not delivered while the page reloads (after being hidden): its `ready` asks again.
            void this.panel.webview.postMessage({ command: 'update', content: shown });
        }
    }

    protected page(): string {
        const webview = this.panel.webview;
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file)).toString();
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: randomBytes(16).toString('base64'),
            styleUri: media('preview.css'),
            scriptUri: media('preview.js'),
            title: this.panel.title,
            ...this.content,
        });
    }

    protected async onMessage(message: { command?: string; line?: number; column?: number; name?: string }): Promise<void> {
        if (message.command === 'ready') {
            // A page (re)loaded from older HTML catches up.
            if (this.shown !== this.loaded) void this.panel.webview.postMessage({ command: 'update', content: this.shown });
        } else if (message.command === 'protocol' && typeof message.name === 'string') {
            this.protocol = message.name;
            await this.refresh();
        } else if (message.command === 'reveal' && typeof message.line === 'number') {
            const document = await vscode.workspace.openTextDocument(this.uri);
            const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.uri.toString());
            const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
            const position = new vscode.Position(Math.max(0, message.line - 1), Math.max(0, (message.column ?? 1) - 1));
            editor.selection = new vscode.Selection(position, position);
            editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
    }

    dispose(): void {
        if (PreviewPanel.current === this) PreviewPanel.current = undefined;
        clearTimeout(this.refreshTimer);
        this.disposables.forEach(d => d.dispose());
        this.panel.dispose();
    }
}
