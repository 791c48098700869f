// The code lens counts the findings the editor shows: asked for right after an edit, it waits for the
// analysis; and the server asks the editor to refresh lenses once each validation is done.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const FILE = path.join(REPO, 'test', 'fixtures', 'defects', 'defects.detente');
const URI = pathToFileURL(FILE).toString();

let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
let refreshes = 0;
let published: Array<{ uri: string; diagnostics: Array<{ severity?: number }> }> = [];

beforeAll(async () => {
    server = spawn(process.execPath, [path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio']);
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest('workspace/codeLens/refresh', () => { refreshes++; return null; });
    connection.onRequest(() => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: [] }) => {
        if (params.uri === URI) published.push(params);
    });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, capabilities: { workspace: { codeLens: { refreshSupport: true } } },
        rootUri: pathToFileURL(path.dirname(FILE)).toString(),
        workspaceFolders: [{ uri: pathToFileURL(path.dirname(FILE)).toString(), name: 'defects' }],
    });
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    server.kill();
});

async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise(resolve => setTimeout(resolve, 20));
}

describe('the code lens after an edit', () => {
    test('counts the findings of the analysis, and is refreshed once they are known', async () => {
        const text = fs.readFileSync(FILE, 'utf8');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'detente', version: 1, text } });
        // Asked at once, before any diagnostics: the lens waits for them.
        const lenses = await connection.sendRequest<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: URI } });
        await until(() => published.length > 0 && refreshes > 0);
        const last = published.at(-1)!.diagnostics;
        const errors = last.filter(d => d.severity === 1).length;
        const warnings = last.filter(d => d.severity === 2).length;
        expect(errors).toBeGreaterThan(0);
        expect(lenses[0].command?.title).toContain(`${errors} errors, ${warnings} warnings`);

        // An edit: the lens is asked for again on refresh, and counts anew.
        published = [];
        const before = refreshes;
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: text.replace(/scenario "wrong"[^}]*\}/, '') }],
        });
        const after = await connection.sendRequest<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: URI } });
        await until(() => refreshes > before && published.length > 0);
        expect(after[0].command?.title).toContain(`${errors - 1} errors`);
    });
});
