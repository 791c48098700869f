// `bin/detente.js` starts on any Node: an older one hands over to the Node the project installs.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from './run.js';

/** A Node older than 22 on this machine (Debian's, when installed), to start the launcher with. */
function olderNode(): string | undefined {
    for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
        const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
        if (version.status === 0 && Number(/^v(\d+)/.exec(version.stdout)?.[1]) < 22) return candidate;
    }
    return undefined;
}

const older = olderNode();

describe('the launcher', () => {
    test.skipIf(!older)('on a Node older than 22 (needs one installed here) it runs the command on the project\'s Node', () => {
        const run = spawnSync(older!, [path.join(REPO, 'bin', 'detente.js'), 'check', 'examples'], { cwd: REPO, encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/7 files checked: 0 errors, 0 warnings, 0 infos; 1 accepted \(--show-accepted lists them\)\n$/);
    });

    test('on the project\'s Node it runs the command itself', () => {
        const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'detente.js'), '--version'], { cwd: REPO, encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
    });
});
