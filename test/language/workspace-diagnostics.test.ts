// The server checks every protocol file of the workspace when it starts, open in the editor or not,
// whether or not a file is opened while that first build runs.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
// The examples and the defective draft, together in one workspace.
const EXAMPLES = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-workspace-'));
fs.cpSync(path.join(REPO, 'examples'), EXAMPLES, { recursive: true });
fs.mkdirSync(path.join(EXAMPLES, 'drafts'));
fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'defects', 'defects.detente'), path.join(EXAMPLES, 'drafts', 'defects.detente'));
afterAll(() => fs.rmSync(EXAMPLES, { recursive: true, force: true }));
const uriOf = (file: string) => pathToFileURL(path.join(EXAMPLES, file)).toString();

/**
 * Starts the server on the workspace, opens the given file at once if any, and returns the latest diagnostics
 * of each file once they are what `expected` says (each file's structural diagnostics come first, the
 * situation analysis' findings with the complete set after them), or when the wait gives up.
 */
async function diagnosticsAtStart(open: string | undefined, files: readonly string[], expected: (published: Map<string, string[]>) => boolean): Promise<Map<string, string[]>> {
    const server = spawn(process.execPath, [path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio']);
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Map<string, string[]>();
    const publications = new Map<string, number>();
    const all = new Promise<void>(resolve => {
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Array<{ code?: string }> }) => {
            const file = files.find(f => uriOf(f) === params.uri);
            if (file) {
                published.set(file, params.diagnostics.map(d => String(d.code)));
                publications.set(file, (publications.get(file) ?? 0) + 1);
            }
            // Twice at least: the structural diagnostics, then the complete set.
            if (files.every(f => (publications.get(f) ?? 0) >= 2) && expected(published)) resolve();
        });
    });
    connection.onRequest(() => null);
    connection.listen();
    try {
        await connection.sendRequest('initialize', {
            processId: process.pid, capabilities: {}, rootUri: pathToFileURL(EXAMPLES).toString(),
            workspaceFolders: [{ uri: pathToFileURL(EXAMPLES).toString(), name: 'examples' }],
        });
        await connection.sendNotification('initialized', {});
        if (open) {
            await connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: uriOf(open), languageId: 'detente', version: 1, text: fs.readFileSync(path.join(EXAMPLES, open), 'utf8') },
            });
        }
        // Waits for every file; should one never get its diagnostics, gives up (well within the test's
        // timeout) so that the test names the files that got theirs. Generous for a loaded machine.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise(resolve => { timer = setTimeout(resolve, 240_000); })]);
        clearTimeout(timer);
        return published;
    } finally {
        connection.dispose();
        server.kill();
    }
}

const FILES = ['drafts/defects.detente', 'maritime/incidents-at-sea.detente', 'cyber/cyber-hotline.detente'];

test.each([
    ['no file open', undefined],
    ['a file opened while the first build runs', 'maritime/incidents-at-sea.detente'],
])('%s: every file gets its diagnostics, the closed defective draft included', async (_name, open) => {
    const defectsFound = (codes: string[] | undefined) => ['unreachable-level', 'scenario-failed'].every(code => codes?.includes(code));
    const published = await diagnosticsAtStart(open, FILES, latest => defectsFound(latest.get('drafts/defects.detente')));
    expect([...published.keys()].sort()).toEqual([...FILES].sort());
    expect(published.get('drafts/defects.detente')).toEqual(expect.arrayContaining(['unreachable-level', 'scenario-failed']));
    expect(published.get('maritime/incidents-at-sea.detente')).toEqual([]);
    expect(published.get('cyber/cyber-hotline.detente')).toEqual([]);
}, 300_000);
