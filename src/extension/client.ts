// The language client: starts the bundled server for .detente files.
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { headingLines, lineFragment } from './doc-anchors.js';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('out/language/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    let headings: Map<string, number> | undefined;
    const reference = () => {
        try {
            headings ??= headingLines(fs.readFileSync(context.asAbsolutePath('docs/diagnostics.md'), 'utf8'));
        } catch {
            headings = new Map();
        }
        return headings;
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'detente' }],
        middleware: {
            // A code's link opens docs/diagnostics.md at the code's own section.
            handleDiagnostics: (uri, diagnostics, next) => {
                for (const diagnostic of diagnostics) {
                    const code = diagnostic.code;
                    if (typeof code !== 'object' || code.target.scheme !== 'file' || !code.target.fragment) continue;
                    const fragment = lineFragment(code.target.fragment, reference());
                    if (fragment) diagnostic.code = { value: code.value, target: code.target.with({ fragment }) };
                }
                next(uri, diagnostics);
            },
        },
    };
    return new LanguageClient('detente', 'Détente', serverOptions, clientOptions);
}
