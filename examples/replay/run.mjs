// Replays the two example incident logs through examples/replay/test-notification.detente, as `npm start`
// does: the compliant log must exit 0, the one with a late and a missing step 1 (anything else fails).
// Each timeline is printed, and each HTML report written into compiled/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const protocol = 'examples/replay/test-notification.detente';
const runs = [
    { log: 'examples/replay/exercise-compliant.csv', expected: 0, html: 'compiled/replay-exercise-compliant.html' },
    { log: 'examples/replay/exercise-late.jsonl', expected: 1, html: 'compiled/replay-exercise-late.html' },
];

let failed = false;
for (const { log, expected, html } of runs) {
    for (const args of [['replay', protocol, log], ['replay', protocol, log, '--format', 'html', '--out', html]]) {
        console.log(`$ detente ${args.join(' ')}`);
        const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'detente.js'), ...args], { cwd: repo, stdio: 'inherit' });
        if (result.status !== expected) {
            console.error(`replay: expected exit code ${expected}, got ${result.status ?? result.signal}`);
            failed = true;
        }
    }
}
process.exit(failed ? 1 : 0);
