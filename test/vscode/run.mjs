// Runs the integration suite in a real VS Code downloaded by @vscode/test-electron. It needs to reach
// the VS Code download servers, so it is not part of `npm test` or CI here (see README); the browser
// end-to-end test in e2e/ runs VS Code (code-server) offline instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-vscode-'));
fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
fs.mkdirSync(path.join(workspace, 'drafts'));
fs.copyFileSync(path.join(repo, 'test/fixtures/defects/defects.detente'), path.join(workspace, 'drafts/defects.detente'));

try {
    await runTests({
        extensionDevelopmentPath: repo,
        extensionTestsPath: path.join(repo, 'test/vscode/suite/index.cjs'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
} catch (error) {
    console.error(`The VS Code integration suite failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(workspace, { recursive: true, force: true });
}
