// The integration suite, run inside VS Code's extension host by test/vscode/run.mjs.
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function until(what, predicate, timeout = 60000) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

const tests = [
    ['the defective draft has its problems; the clean example none', async () => {
        const folder = vscode.workspace.workspaceFolders[0].uri;
        const defects = vscode.Uri.joinPath(folder, 'drafts/defects.detente');
        const clean = vscode.Uri.joinPath(folder, 'maritime/incidents-at-sea.detente');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(clean));
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(defects));
        const expected = ['unsatisfiable-condition', 'unreachable-level', 'flapping', 'scenario-failed', 'masked-threshold'];
        const codesOf = found => new Set(found.map(d => typeof d.code === 'object' ? d.code.value : d.code));
        // The structural diagnostics are published first, the analysis' findings with the complete set after them.
        const diagnostics = await until('diagnostics', () => {
            const found = vscode.languages.getDiagnostics(defects);
            return expected.every(code => codesOf(found).has(code)) && found;
        });
        const codes = codesOf(diagnostics);
        for (const code of expected) {
            assert.ok(codes.has(code), `missing ${code}`);
        }
        assert.deepEqual(vscode.languages.getDiagnostics(clean), []);
    }],
    ['the commands run', async () => {
        const commands = await vscode.commands.getCommands(true);
        for (const command of ['detente.openPreview', 'detente.export', 'detente.explain', 'detente.checkWorkspace']) {
            assert.ok(commands.includes(command), `missing command ${command}`);
        }
        await vscode.commands.executeCommand('detente.checkWorkspace');
    }],
    ['the preview shows the decision table under a strict CSP', async () => {
        const extension = vscode.extensions.all.find(e => e.packageJSON.name === 'detente');
        const api = await extension.activate();
        const folder = vscode.workspace.workspaceFolders[0].uri;
        const clean = vscode.Uri.joinPath(folder, 'maritime/incidents-at-sea.detente');
        await vscode.commands.executeCommand('detente.openPreview', clean.toString());
        const html = await until('the preview', () => {
            const text = api.previewHtml();
            return text && text.includes('Resolved decision table') && text;
        });
        assert.match(html, /Content-Security-Policy/);
        assert.match(html, /check → intercept/);
        assert.doesNotMatch(html, /style="/);
    }],
];

exports.run = async function run() {
    const failures = [];
    for (const [name, body] of tests) {
        try {
            await body();
            console.log(`✓ ${name}`);
        } catch (error) {
            console.log(`✗ ${name}\n  ${error && error.stack || error}`);
            failures.push(name);
        }
    }
    if (failures.length > 0) throw new Error(`${failures.length} of ${tests.length} failed: ${failures.join('; ')}`);
};

