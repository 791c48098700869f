// The language client: starts the bundled server for .detente files.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'detente' }],
        middleware: {
            // VS Code has the extension's own snippets; the server's, meant for other editors, would repeat them.
            provideCompletionItem: async (document, position, context, token, next) => {
                const result = await next(document, position, context, token);
                const items = Array.isArray(result) ? result : result?.items ?? [];
                const kept = items.filter(item => item.kind !== vscode.CompletionItemKind.Snippet);
                return Array.isArray(result) || !result ? kept : { ...result, items: kept };
            },
        },
    };
    return new LanguageClient('detente', 'Détente', serverOptions, clientOptions);
}
