// The language server keeps serving whatever a client sends: unknown requests and bad parameters get
// error answers, malformed messages are dropped, and the next good request is answered as usual.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const EXAMPLE = pathToFileURL(path.join(REPO, 'examples', 'maritime', 'incidents-at-sea.detente')).toString();

let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;

beforeAll(async () => {
    server = spawn(process.execPath, [path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio']);
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest(() => null);
    let opened: () => void;
    const diagnosed = new Promise<void>(resolve => { opened = resolve; });
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        if (params.uri === EXAMPLE) opened();
    });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, capabilities: {},
        rootUri: pathToFileURL(path.join(REPO, 'examples')).toString(),
        workspaceFolders: [{ uri: pathToFileURL(path.join(REPO, 'examples')).toString(), name: 'examples' }],
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: EXAMPLE, languageId: 'detente', version: 1, text: fs.readFileSync(fileURLToPath(EXAMPLE), 'utf8') },
    });
    await diagnosed;
});

afterAll(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    server.kill();
});

/** The hover on `separation` in the example's first threshold: the proof that the server still answers. */
async function stillServes(): Promise<void> {
    const lines = fs.readFileSync(fileURLToPath(EXAMPLE), 'utf8').split('\n');
    const line = lines.findIndex(text => text.includes('threshold CloseApproach'));
    const hover = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: EXAMPLE }, position: { line, character: lines[line].indexOf('separation') + 2 },
    });
    expect(hover?.contents.value).toContain('**indicator** `separation`');
}

async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown> | undefined> {
    try {
        await request;
        return undefined;
    } catch (error) {
        return error as ResponseError<unknown>;
    }
}

describe('the language server under bad requests', () => {
    test('an unknown request is answered "method not found"', async () => {
        const error = await errorOf(connection.sendRequest('detente/noSuchThing', { anything: 1 }));
        expect(error?.code).toBe(-32601);
        await stillServes();
    });

    test('requests with missing or absurd parameters get an answer, not a crash', async () => {
        const answers = await Promise.all([
            connection.sendRequest('textDocument/hover', {}).then(() => 'answered', () => 'error'),
            connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.detente' }, position: { line: -5, character: 1e9 } }).then(() => 'answered', () => 'error'),
            connection.sendRequest('textDocument/completion', { textDocument: { uri: EXAMPLE }, position: { line: 99999, character: 3 } }).then(() => 'answered', () => 'error'),
            connection.sendRequest('detente/report', { uri: 42 }).then(() => 'answered', () => 'error'),
            connection.sendRequest('detente/explain', { uri: EXAMPLE, given: 'not a list' }).then(() => 'answered', () => 'error'),
            connection.sendRequest('detente/export', { uri: EXAMPLE, formats: [{ evil: true }] }).then(() => 'answered', () => 'error'),
        ]);
        expect(answers).toHaveLength(6);
        await stillServes();
    });

    test('a malformed message is dropped and the next request is answered', async () => {
        server.stdin.write('Content-Length: 9\r\n\r\n{"broken"');
        server.stdin.write('Content-Length: 2\r\n\r\n[]');
        await stillServes();
        expect(server.exitCode).toBeNull();
    });

    test.each([
        ['too large', (body: string) => `Content-Length: ${body.length + 500}\r\n\r\n${body}`],
        ['too small', (body: string) => `Content-Length: ${body.length - 7}\r\n\r\n${body}`],
        ['negative', (body: string) => `Content-Length: -${body.length}\r\n\r\n${body}`],
        ['missing', (body: string) => `Content-Type: application/vscode-jsonrpc\r\n\r\n${body}`],
        ['not a number', (body: string) => `Content-Length: ten\r\n\r\n${body}`],
    ])('a Content-Length that lies (%s) loses that message only: the server keeps listening', async (_, frame) => {
        server.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: '$/noSuchNotification', params: { padding: 'x'.repeat(40) } })));
        await stillServes();
        expect(server.exitCode).toBeNull();
    });

    test('a request for a document the server never opened is answered with an error, not a result', async () => {
        const answer = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///never/opened.detente' } })
            .then(result => ({ result }), (error: ResponseError<unknown>) => ({ error: error.code }));
        expect(answer).not.toHaveProperty('result.code');
        await stillServes();
    });
});
