// Running the real `detente` command in a child process, in scratch folders of protocol files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

export const REPO = path.resolve(__dirname, '../..');
const DETENTE = path.join(REPO, 'bin', 'detente.js');

export interface Run { code: number | null; stdout: string; stderr: string }

/**
 * A run that has not ended by then is stopped, and fails its test (its code is null) instead of
 * hanging the suite: a waiting child blocks the test's own timeout. Generous, for loaded machines.
 */
const HANG_AFTER_MS = 180_000;

/** Runs `detente` with the arguments in a folder (the repository by default). */
export function detente(args: string[], cwd = REPO): Run {
    const result = spawnSync(process.execPath, [DETENTE, ...args], { cwd, encoding: 'utf8', timeout: HANG_AFTER_MS, killSignal: 'SIGKILL' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `detente` through a shell command line: `ulimit -n 256 && exec detente …`, in a folder. */
export function detenteInShell(prefix: string, args: string[], cwd: string): Run {
    const command = `${prefix} && exec ${[process.execPath, DETENTE, ...args].map(quote).join(' ')}`;
    const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', timeout: HANG_AFTER_MS, killSignal: 'SIGKILL' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A word for the shell, quoted. */
export function quote(word: string): string {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The unprivileged user `nobody`, to meet permissions that root would pass through. */
export const NOBODY = 65534;

/**
 * Runs `detente` as another user, in a folder of `scratch()`. That user may not reach this checkout
 * (a clone in root's home folder, mode 0700), so the command runs from a copy of its bundle — and,
 * when that user cannot run this Node either, of Node — in a fresh folder anyone can read; the
 * folders from the scratch folder down to `cwd` are opened to that user too.
 */
export function detenteAsUser(user: number, args: string[], cwd: string): Run {
    for (let d = cwd; d !== path.dirname(scratch()); d = path.dirname(d)) fs.chmodSync(d, 0o755);
    const runnable = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-runnable-'));
    try {
        fs.chmodSync(runnable, 0o755);
        const cli = path.join(runnable, 'cli.cjs');
        fs.copyFileSync(path.join(REPO, 'out', 'cli.cjs'), cli);
        fs.chmodSync(cli, 0o644);
        let node = process.execPath;
        if (spawnSync(node, ['--version'], { uid: user, gid: user }).status !== 0) {
            node = path.join(runnable, 'node');
            fs.copyFileSync(process.execPath, node);
            fs.chmodSync(node, 0o755);
        }
        const result = spawnSync(node, [cli, ...args], { cwd, encoding: 'utf8', uid: user, gid: user, timeout: HANG_AFTER_MS, killSignal: 'SIGKILL' });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    } finally {
        fs.rmSync(runnable, { recursive: true, force: true });
    }
}

let root: string | undefined;

// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** The scratch folder of this test file, removed when its tests end. */
export function scratch(): string {
    root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'detente-cli-'));
    return root;
}

/** A fresh folder holding the given files (path → content). */
export function folder(files: Record<string, string | Uint8Array>): string {
    const dir = fs.mkdtempSync(path.join(scratch(), 'case-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}
