// Thousands of protocol files under a low limit of open files (256, macOS's default): the command line
// and the language server read them a few at a time, so none is lost to "too many open files".
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { REPO, detenteInShell, folder, quote } from './run.js';

const FILES = 2000;
const LIMIT = 'ulimit -n 256';

/** A folder of `FILES` small protocol files, one indicator each. */
function manyFiles(): string {
    const files: Record<string, string> = {};
    for (let i = 1; i <= FILES; i++) files[`f${String(i).padStart(4, '0')}.detente`] = `indicator i${i} "Indicator ${i}" : flag\n`;
    return folder(files);
}

describe.skipIf(process.platform === 'win32')(`${FILES} files with ${LIMIT}`, () => {
    test('detente check reads and checks every one', () => {
        const run = detenteInShell(LIMIT, ['check', '.'], manyFiles());
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(`${FILES} files checked: 0 errors, 0 warnings, 0 infos\n`);
        expect(run.code).toBe(0);
    });

    test('detente test and fmt --check read every one too', () => {
        const dir = manyFiles();
        expect(detenteInShell(LIMIT, ['test', '.'], dir)).toMatchObject({ stderr: '', stdout: '0 passed, 0 failed\n', code: 0 });
        expect(detenteInShell(LIMIT, ['fmt', '--check', '.'], dir)).toMatchObject({ stderr: '', stdout: `${FILES} files already formatted\n`, code: 0 });
    });

    test('the language server loads and checks every one', async () => {
        const dir = manyFiles();
        const server = spawn('bash', ['-c', `${LIMIT} && exec ${[process.execPath, path.join(REPO, 'out', 'language', 'main.cjs'), '--stdio'].map(quote).join(' ')}`]);
        const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        const diagnosed = new Set<string>();
        const all = new Promise<void>(resolve => {
            connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
                diagnosed.add(params.uri);
                if (diagnosed.size === FILES) resolve();
            });
        });
        let stderr = '';
        server.stderr.on('data', chunk => { stderr += String(chunk); });
        connection.onRequest(() => null);
        connection.listen();
        try {
            await connection.sendRequest('initialize', {
                processId: process.pid, capabilities: {}, rootUri: pathToFileURL(dir).toString(),
                workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'many' }],
            });
            await connection.sendNotification('initialized', {});
            // Every file gets its diagnostics, or the test's timeout says which never did.
            await all;
            const expected = fs.readdirSync(dir).map(name => pathToFileURL(path.join(dir, name)).toString());
            expect([...diagnosed].sort()).toEqual(expected.sort());
            expect(stderr).not.toMatch(/EMFILE|too many open files/i);
        } finally {
            connection.dispose();
            server.kill();
        }
    }, 300_000);
});
