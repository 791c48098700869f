// Running the real `detente` command in a child process, in scratch folders of protocol files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

export const REPO = path.resolve(__dirname, '../..');
const DETENTE = path.join(REPO, 'bin', 'detente.js');

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs `detente` with the arguments in a folder (the repository by default), optionally as another user. */
export function detente(args: string[], cwd = REPO, asUser?: number): Run {
    const result = spawnSync(process.execPath, [DETENTE, ...args], { cwd, encoding: 'utf8', uid: asUser, gid: asUser });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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
