// End to end, in a real VS Code: code-server serves VS Code on loopback with the packaged extension
// installed, and Chromium (driven by playwright-core) opens the examples. Screenshots go to test-results/;
// E2E_KEEP=1 keeps the scratch workspace and the code-server log for a look afterwards.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const VSIX = path.join(REPO, 'detente.vsix');
const RESULTS = path.join(REPO, 'test-results');
const CODE_SERVER = path.join(HERE, 'node_modules', '.bin', 'code-server');
// Debian's chromium, found on PATH (or named by CHROMIUM).
const CHROMIUM = process.env.CHROMIUM ?? (spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/chromium');
const TIMEOUT = 60_000;

let server;
let browser;
let page;
let scratch;

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

async function waitForServer(url, deadline) {
    while (Date.now() < deadline) {
        try {
            const response = await fetch(url);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(resolve => setTimeout(resolve, 500));
    }
    throw new Error(`code-server did not answer at ${url}`);
}

async function screenshot(name) {
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

/** A test that leaves a screenshot of the page as it failed, for whoever reads the CI log. */
function test(name, body) {
    nodeTest(name, async () => {
        try {
            await body();
        } catch (error) {
            await screenshot(`failed-${name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
            throw error;
        }
    });
}

async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
}

async function openFile(relative) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relative);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relative) }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: path.basename(relative) }).waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .view-lines').first().waitFor();
}

async function goToLine(line, column) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
}

describe('the Détente extension in VS Code (code-server)', { timeout: 10 * TIMEOUT }, () => {
    before(async () => {
        assert.ok(fs.existsSync(VSIX), 'detente.vsix is missing: run `npm run package` in the project first');
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-e2e-'));
        const userData = path.join(scratch, 'user-data');
        const extensions = path.join(scratch, 'extensions');
        const workspace = path.join(scratch, 'workspace');
        fs.cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
        fs.mkdirSync(path.join(workspace, 'drafts'));
        fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'defects', 'defects.detente'), path.join(workspace, 'drafts', 'defects.detente'));
        fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
        fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
            'security.workspace.trust.enabled': false,
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'workbench.welcomePage.walkthroughs.openOnInstall': false,
            'telemetry.telemetryLevel': 'off',
            'extensions.autoCheckUpdates': false,
            'extensions.autoUpdate': false,
            'editor.hover.delay': 100,
            'workbench.secondarySideBar.defaultVisibility': 'hidden',
            'chat.disableAIFeatures': true,
        }, null, 2));
        const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
        const install = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { encoding: 'utf8' });
        assert.equal(install.status, 0, `installing the extension failed:\n${install.stdout}\n${install.stderr}`);

        const port = await freePort();
        server = spawn(CODE_SERVER, [
            ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
            '--disable-getting-started-override', workspace,
        ], { stdio: ['ignore', 'pipe', 'pipe'] });
        const log = fs.createWriteStream(path.join(scratch, 'code-server.log'));
        server.stdout.pipe(log);
        server.stderr.pipe(log);
        const url = `http://127.0.0.1:${port}`;
        await waitForServer(`${url}/healthz`, Date.now() + TIMEOUT);

        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor();
        await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor();
    });

    after(async () => {
        await browser?.close();
        server?.kill();
        if (scratch && !process.env.E2E_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
    });

    test('a .detente file is highlighted with the grammar’s scopes', async () => {
        await openFile('maritime/incidents-at-sea.detente');
        await goToLine(6, 2);
        await runCommand('Developer: Inspect Editor Tokens and Scopes');
        // The widget first says "Loading..." while it tokenizes.
        const widget = page.locator('.token-inspect-widget', { hasText: 'textmate scopes' });
        await widget.waitFor();
        assert.match(await widget.innerText(), /keyword\.control\.detente/);
        assert.match(await widget.innerText(), /source\.detente/);
        await screenshot('1-highlighted');
        await page.keyboard.press('Escape');
    });

    test('the defective draft shows its problems, the clean examples none', async () => {
        // Focus, not toggle (Ctrl+Shift+M): the panel may be open already.
        await runCommand('Problems: Focus on Problems View');
        const markers = page.locator('.markers-panel');
        await markers.waitFor();
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'defects.detente' }).first().waitFor({ timeout: TIMEOUT });
        const text = await markers.innerText();
        for (const expected of ["Level 'Unused' is unreachable", "Threshold 'Never' never holds", 'De-escalation from Crisis to Alert flaps', 'Scenario "wrong" fails']) {
            assert.ok(text.includes(expected), `the Problems view lacks: ${expected}\n${text}`);
        }
        for (const clean of ['incidents-at-sea.detente', 'air-incursions.detente', 'cyber-hotline.detente', 'parties.detente', 'missile-tests.detente', 'strait-risk-reduction.detente', 'test-notification.detente']) {
            assert.ok(!text.includes(clean), `a clean example shows problems: ${clean}`);
        }
        await screenshot('2-problems');
    });

    test('hovering an indicator shows what it is', async () => {
        await openFile('maritime/incidents-at-sea.detente');
        await goToLine(26, 1);
        const token = page.locator('.monaco-editor .view-line span', { hasText: /^separation$/ }).first();
        await token.hover();
        const hover = page.locator('.monaco-hover-content', { hasText: 'indicator' });
        await hover.waitFor({ timeout: TIMEOUT });
        assert.match(await hover.innerText(), /indicator separation — Closest point of approach between the vessels/);
        await screenshot('3-hover');
        await page.mouse.move(5, 5);
    });

    test('the preview opens beside the editor and shows the decision table', async () => {
        await openFile('maritime/incidents-at-sea.detente');
        await runCommand('Détente: Open decision table preview');
        const preview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        await preview.locator('h2', { hasText: 'Resolved decision table' }).waitFor({ timeout: TIMEOUT });
        const body = await preview.locator('body').innerText();
        assert.match(body, /Escalation ladder/);
        assert.match(body, /Crisis/);
        assert.match(body, /check → intercept/);
        assert.equal(await preview.locator('svg.ladder').count(), 1);
        await screenshot('4-preview');
    });

    test('clicking a rule in the preview reveals it in the editor', async () => {
        const preview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        await preview.locator('tr[data-rule="WeaponsLock"]').click();
        // The cursor lands on the line that declares the red line.
        const example = fs.readFileSync(path.join(REPO, 'examples', 'maritime', 'incidents-at-sea.detente'), 'utf8').split('\n');
        const line = example.findIndex(text => text.includes('redline WeaponsLock')) + 1;
        await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col`) }).waitFor({ timeout: TIMEOUT });
    });

    test('the preview follows an edit in place, without reloading', async () => {
        const preview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        // A reload would lose this mark.
        await preview.locator('body').evaluate(body => { body.dataset.mark = 'kept'; });
        // The cursor stands on the red line's name: rename it, then undo.
        await page.keyboard.type('X');
        await preview.locator('tr[data-rule="XWeaponsLock"]').waitFor({ timeout: TIMEOUT });
        await page.keyboard.press('Control+Z');
        await preview.locator('tr[data-rule="WeaponsLock"]').waitFor({ timeout: TIMEOUT });
        assert.equal(await preview.locator('body').getAttribute('data-mark'), 'kept');
    });

    test('the scenarios run in the Test Explorer', async () => {
        await runCommand('Test: Run All Tests');
        await runCommand('Testing: Focus on Test Explorer View');
        // The examples' 29 scenarios and one of the defective draft's pass; its "wrong" and "never" fail.
        const summary = page.locator('.test-explorer .result-summary');
        await summary.filter({ hasText: '30/32' }).waitFor({ timeout: TIMEOUT });
        const tree = page.locator('.test-explorer .monaco-list');
        await tree.locator('.monaco-list-row', { hasText: 'defects.detente' }).first().waitFor();
        await screenshot('5-scenarios');
    });
});
