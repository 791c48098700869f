// The language, the analysis and the command line never evaluate text and never reach the network:
// no eval, no new Function, no shell, no sockets or HTTP in Détente's own code, and none of the
// library code the bundles carry evaluates text either. (The launcher bin/detente.js may start the
// project's own Node; that is all it does.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const ENTRIES = { 'out/cli.cjs': 'src/cli/bin.ts', 'out/language/main.cjs': 'src/language/main.ts' };
/** Node modules that start processes, open connections, or compile code. */
const FORBIDDEN_MODULES = ['child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'vm', 'inspector', 'worker_threads', 'cluster'];
const EVALUATION = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/;
const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/;
/**
 * Library code that loads such modules, and why it may: features Détente does not use. A path may
 * have a prefix before `node_modules/`: where node_modules is a link to another checkout's, esbuild
 * names the files by their real path (`../main/node_modules/…`).
 */
const ALLOWED: ReadonlyArray<readonly [RegExp, string]> = [
    [/(^|\/)node_modules\/(vscode-languageserver|vscode-jsonrpc)\//, 'the protocol transports (sockets, pipes) and the lookup of global npm modules'],
    [/(^|\/)node_modules\/commander\/lib\/command\.js$/, 'sub-commands that are separate executables; detente declares none'],
    [/(^|\/)node_modules\/langium\/lib\/node\/worker-thread-async-parser\.js$/, 'parsing in worker threads; detente does not configure it'],
];

async function metafile(entry: string): Promise<esbuild.Metafile> {
    const result = await esbuild.build({
        absWorkingDir: REPO, entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true,
        external: ['vscode'], logLevel: 'silent',
    });
    return result.metafile;
}

const forbidden = (imported: string) => FORBIDDEN_MODULES.includes(imported.replace(/^node:/, ''));

describe.each(Object.entries(ENTRIES))('%s', (bundle, entry) => {
    test('Détente\'s own modules import nothing that runs processes, opens connections or compiles code, and evaluate no text', async () => {
        const inputs = Object.entries((await metafile(entry)).inputs).filter(([file]) => file.startsWith('src/'));
        expect(inputs.length).toBeGreaterThan(50);
        for (const [file, input] of inputs) {
            expect(input.imports.map(i => i.path).filter(forbidden), file).toEqual([]);
            const source = fs.readFileSync(path.join(REPO, file), 'utf8');
            expect(EVALUATION.test(source), `${file} evaluates text`).toBe(false);
            expect(NETWORK.test(source), `${file} reaches the network`).toBe(false);
        }
    });

    test('of the libraries bundled, only known unused features load such modules, and nothing evaluates text', async () => {
        const inputs = Object.entries((await metafile(entry)).inputs);
        const loaders = inputs.filter(([, input]) => input.imports.some(i => i.external && forbidden(i.path))).map(([file]) => file);
        expect(loaders.filter(file => !ALLOWED.some(([pattern]) => pattern.test(file)))).toEqual([]);
        // lodash finds the global object with a constant `Function("return this")` when `global` is missing;
        // under Node it never runs, and it evaluates no input. Anything else fails.
        const text = fs.readFileSync(path.join(REPO, bundle), 'utf8').replaceAll('freeSelf || Function("return this")()', 'freeSelf');
        expect(text.match(EVALUATION)?.[0]).toBeUndefined();
    });
});
