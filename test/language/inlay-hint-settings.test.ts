// The inlay hint settings reach the server: read from the editor at start, and followed when they change,
// with a request to the editor to show the hints anew.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const TEXT = `protocol P {
    indicator gap "Gap" : distance worse when lower
    ladder { Calm Tense }
    threshold Near: gap < 2 nm -> Tense
}
`;

let folder: string;
let uri: string;
let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
let refreshes = 0;

beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-hints-'));
    fs.writeFileSync(path.join(folder, 'p.detente'), TEXT);
    uri = pathToFileURL(path.join(folder, 'p.detente')).toString();
    server = spawn(process.execPath, [path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio']);
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    // The editor's settings at start: no unit hints.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ inlayHints: { units: 'off' } })));
    connection.onRequest('workspace/inlayHint/refresh', () => { refreshes++; return null; });
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } } },
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'hints' }],
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'detente', version: 1, text: TEXT } });
});

afterAll(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    server.kill();
    fs.rmSync(folder, { recursive: true, force: true });
});

const hints = () => connection.sendRequest<Array<{ label: string }>>('textDocument/inlayHint', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
});

describe('inlay hint settings', () => {
    test('are read at start and followed on change, and the editor is asked to refresh the hints', async () => {
        expect((await hints()).map(h => h.label)).toEqual([]);
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { detente: { inlayHints: { units: 'inline' } } } });
        while (refreshes === 0) await new Promise(resolve => setTimeout(resolve, 20));
        expect((await hints()).map(h => h.label)).toEqual(['= 3704 m']);
    });
});
