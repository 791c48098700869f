// The language server publishes each edit's diagnostics in two phases: the parser's, the linker's and
// the structural checks' first (with the last complete set's findings, moved with the text, until they are
// worked out again), then the complete set with the situation analysis' findings. After any edit, or a
// burst of them, the last set published is exactly the one `detente check` finds in that text.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stageOf, type DiagnosticCode } from '../../../src/analysis/codes.js';
import { buildFile, protocol } from '../../helpers.js';

const REPO = path.resolve(__dirname, '../../..');
const FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-publishing-'));
const FILE = path.join(FOLDER, 'main.detente');
const URI = pathToFileURL(FILE).toString();

/** Near is masked by Nearer; with Nearer closer in, nothing is masked. */
const MASKED = protocol(`
    threshold Near: separation < 1 km -> Concern
    threshold Nearer: separation < 2 km -> Alert
`);
const UNMASKED = MASKED.replace('separation < 2 km -> Alert', 'separation < 0.5 km -> Alert');

let server: ChildProcessWithoutNullStreams;
let connection: MessageConnection;
/** Every set of diagnostics published for the file, in order. */
const published: Diagnostic[][] = [];
let onPublished: (() => void) | undefined;
let version = 1;

beforeAll(async () => {
    fs.writeFileSync(FILE, MASKED);
    server = spawn(process.execPath, [path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio']);
    connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest(() => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
        if (params.uri !== URI) return;
        published.push(params.diagnostics);
        onPublished?.();
    });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, capabilities: {}, rootUri: pathToFileURL(FOLDER).toString(),
        workspaceFolders: [{ uri: pathToFileURL(FOLDER).toString(), name: 'publishing' }],
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'detente', version: 1, text: MASKED } });
    // The workspace's build and the open document's: wait for the complete set, then for the server to be done.
    const complete = await expected(MASKED);
    await until(() => published.length > 0 && summary(published.at(-1)!).join('\n') === complete.join('\n'));
    await settled();
});

afterAll(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    server.kill();
    fs.rmSync(FOLDER, { recursive: true, force: true });
});

/** Replaces the whole text. */
async function edit(text: string): Promise<void> {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
}

/** Waits until a publication makes `done` true. */
function until(done: () => boolean): Promise<void> {
    return new Promise(resolve => {
        const check = () => {
            if (!done()) return;
            onPublished = undefined;
            resolve();
        };
        onPublished = check;
        check();
    });
}

/** Waits for `count` more publications. */
function publications(count: number): Promise<Diagnostic[][]> {
    const from = published.length;
    return new Promise(resolve => {
        const check = () => {
            if (published.length < from + count) return;
            onPublished = undefined;
            resolve(published.slice(from, from + count));
        };
        onPublished = check;
        check();
    });
}

/**
 * Waits until the server has finished with the file (once it has loaded it): a request the server answers
 * only once the document is validated. Messages keep their order on the stream, so every publication of
 * the builds before it has arrived when the answer does.
 */
async function settled(): Promise<void> {
    await connection.sendRequest('detente/protocols', { uri: URI });
}

/** What `detente check` finds in the text: the same checks in process, in one build. */
async function expected(text: string): Promise<string[]> {
    return summary((await buildFile(text)).diagnostics());
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character} ${d.severity} ${String(d.message)}`).sort();
}

const analysisFindings = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(d => stageOf(String(d.code) as DiagnosticCode) === 'analysis');

describe('publishing diagnostics in two phases', () => {
    test('an edit that fixes a finding: the structural diagnostics first, the old findings kept, then exactly the complete set, the finding gone', async () => {
        const previous = published.at(-1)!;
        const next = publications(2);
        await edit(UNMASKED);
        const [first, complete] = await next;
        // The old findings stay until the analysis of the new text replaces them (the edit is below them).
        expect(summary(analysisFindings(first))).toEqual(summary(analysisFindings(previous)));
        expect(summary(first)).toContainEqual(expect.stringMatching(/^masked-threshold/));
        expect(summary(complete)).toEqual(await expected(UNMASKED));
        expect(summary(complete)).not.toContainEqual(expect.stringMatching(/^masked-threshold/));
        expect(summary(first.filter(d => !analysisFindings([d]).length))).toEqual(summary(complete.filter(d => !analysisFindings([d]).length)));
        await settled();
        expect(summary(published.at(-1)!)).toEqual(await expected(UNMASKED));
    });

    test('an edit that brings a finding: it arrives with the complete set, which is exactly what the text has', async () => {
        const previous = published.at(-1)!;
        const next = publications(2);
        await edit(MASKED);
        const [first, complete] = await next;
        expect(summary(analysisFindings(first))).toEqual(summary(analysisFindings(previous)));
        expect(summary(first)).not.toContainEqual(expect.stringMatching(/^masked-threshold/));
        expect(summary(complete)).toContainEqual(expect.stringMatching(/^masked-threshold@30/));
        expect(summary(complete)).toEqual(await expected(MASKED));
        await settled();
        expect(summary(published.at(-1)!)).toEqual(await expected(MASKED));
    });

    test('a burst of edits: nothing of the texts it overtook is published after the last text\'s complete set', async () => {
        const texts = [UNMASKED, MASKED, UNMASKED.replace('Near:', 'Close:'), MASKED.replace('Nearer:', 'Closer:'), UNMASKED];
        const before = published.length;
        for (const text of texts) await edit(text);
        await settled();
        const final = await expected(UNMASKED);
        expect(published.length).toBeGreaterThan(before);
        expect(summary(published.at(-1)!)).toEqual(final);
        // Once the last text's complete set is out, nothing of an overtaken text follows it.
        const count = published.length;
        await settled();
        expect(published.length).toBe(count);
    });
});
