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
    // The palette lists what the focused part allows when it opens (`editorLangId == detente`); an editor
    // opened a moment ago may not have set its context yet: then the palette is opened again. The row run
    // is the one whose label is the title, not the first that matches the text.
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        try {
            await row.waitFor({ timeout: attempt < 3 ? TIMEOUT / 4 : TIMEOUT });
            break;
        } catch (error) {
            if (attempt >= 3) throw error;
            await page.keyboard.press('Escape');
            await input.waitFor({ state: 'hidden' });
        }
    }
    await row.click();
}

async function openFile(relative) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relative);
    // The row Enter opens is the focused one, once the list has caught up with the text.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: path.basename(relative) }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: path.basename(relative) }).waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    // The editor has the keyboard, and knows its language.
    await page.locator('.part.editor .monaco-editor.focused').first().waitFor({ timeout: TIMEOUT });
    if (relative.endsWith('.detente')) await page.locator('[id="status.editor.mode"]', { hasText: 'Détente' }).waitFor({ timeout: TIMEOUT });
}

/**
 * The keyboard back in the text editor, its cursor where it is: after a click in a webview, the webview
 * may take the focus back from the editor the click revealed (the two race across frames).
 */
async function focusEditor() {
    // View: Focus First Editor Group (a webview passes its keys on to the workbench).
    await page.keyboard.press('Control+1');
    await page.locator('.part.editor .monaco-editor.focused').first().waitFor({ timeout: TIMEOUT });
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
        // A draft being written: completion is tried in its empty response.
        fs.writeFileSync(path.join(workspace, 'drafts', 'typing.detente'), [
            'import "../common/parties.detente"', '', 'protocol Typing {', '    indicator gap "Gap" : distance worse when lower',
            '    ladder { Calm Tense }', '    threshold Near: gap < 2 nm -> Tense', '    response Tense {', '        ', '    }', '}', '',
        ].join('\n'));
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
        // The list shows only the rows in view: the whole window for the panel, so that every finding (and its related locations) fits.
        await runCommand('View: Toggle Maximized Panel');
        await page.locator('.markers-panel .monaco-list-row', { hasText: "Level 'Unused' is unreachable" }).first().waitFor({ timeout: TIMEOUT });
        const text = await markers.innerText();
        for (const expected of ["Level 'Unused' is unreachable", "Threshold 'Never' never holds", 'De-escalation from Crisis to Alert flaps', 'Scenario "wrong" fails']) {
            assert.ok(text.includes(expected), `the Problems view lacks: ${expected}\n${text}`);
        }
        for (const clean of ['incidents-at-sea.detente', 'air-incursions.detente', 'cyber-hotline.detente', 'parties.detente', 'missile-tests.detente', 'strait-risk-reduction.detente', 'test-notification.detente']) {
            assert.ok(!text.includes(clean), `a clean example shows problems: ${clean}`);
        }
        await screenshot('2-problems');
        await runCommand('View: Toggle Maximized Panel');
    });

    test('a finding’s code links to its section of the diagnostics reference', async () => {
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: "Threshold 'Never' never holds" }).first();
        await row.locator('a', { hasText: 'unsatisfiable-condition' }).click();
        await page.locator('.tab.active', { hasText: 'diagnostics.md' }).waitFor({ timeout: TIMEOUT });
        const reference = fs.readFileSync(path.join(REPO, 'docs', 'diagnostics.md'), 'utf8').split('\n');
        const heading = reference.indexOf('## `unsatisfiable-condition`') + 1;
        assert.ok(heading > 1);
        await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${heading}, Col`) }).waitFor({ timeout: TIMEOUT });
        await page.locator('.monaco-editor .view-line', { hasText: '## `unsatisfiable-condition`' }).first().waitFor({ timeout: TIMEOUT });
        await screenshot('2b-code-link');
        await runCommand('View: Close Editor');
    });

    test('hovering an indicator shows what it is', async () => {
        await openFile('maritime/incidents-at-sea.detente');
        await goToLine(26, 1);
        const token = page.locator('.monaco-editor .view-line span', { hasText: /^separation$/ }).first();
        const hover = page.locator('.monaco-hover-content', { hasText: 'indicator' });
        // A hover can be dismissed by the editor's own rendering as it arrives (the panel just resized): point again.
        for (let attempt = 1; ; attempt++) {
            await token.hover();
            try {
                await hover.waitFor({ timeout: attempt < 3 ? TIMEOUT / 6 : TIMEOUT });
                break;
            } catch (error) {
                if (attempt >= 3) throw error;
                await page.mouse.move(5, 5);
            }
        }
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
        await focusEditor();
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

    test('completion opens on `.` after a party, with its organs', async () => {
        await openFile('drafts/typing.detente');
        await goToLine(8, 9);
        await page.keyboard.type('step s: Aland.');
        const suggestions = page.locator('.suggest-widget.visible .monaco-list-row');
        await suggestions.filter({ hasText: 'MoD' }).first().waitFor({ timeout: TIMEOUT });
        const labels = await suggestions.allInnerTexts();
        assert.ok(labels.some(label => label.includes('Fleet')), `the organs of Aland: ${labels.join(' | ')}`);
        // Only the organs: no word of the file and no snippet.
        assert.ok(!labels.some(label => /Typing|Near|threshold/.test(label)), `not an organ: ${labels.join(' | ')}`);
        await screenshot('6-completion');
        await page.keyboard.press('Escape');
        // code-server saves as one types: undone, then saved, rather than reverted.
        for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+S');
    });

    test('`prot` then Enter writes the protocol snippet, where a declaration can start', async () => {
        await goToLine(11, 1);
        await page.keyboard.type('prot');
        const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused');
        await focused.filter({ hasText: 'protocol … { ladder … }' }).waitFor({ timeout: TIMEOUT });
        await page.keyboard.press('Enter');
        // The editor renders spaces as no-break spaces: `\s`, not ' '.
        await page.locator('.monaco-editor .view-line', { hasText: /^\s*ladder\s\{\s*$/ }).first().waitFor({ timeout: TIMEOUT });
        await page.locator('.monaco-editor .view-line', { hasText: /^protocol\sName\s"Title"\s\{/ }).first().waitFor({ timeout: TIMEOUT });
        await screenshot('6b-snippet');
        await page.keyboard.press('Escape');
        for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+S');
    });

    test('the code lens counts the findings once the analysis is done, and the scenarios apart', async () => {
        await openFile('drafts/defects.detente');
        const lens = page.locator('.codelens-decoration');
        // The defective draft: its analysis finds the flapping off-ramp and the failing scenario (errors), not only the syntax.
        await lens.filter({ hasText: /\d+ rules? · \d+ errors?, \d+ warnings?/ }).first().waitFor({ timeout: TIMEOUT });
        await lens.filter({ hasText: '3 scenarios: 1 passed, 1 failed, 1 not run' }).first().waitFor({ timeout: TIMEOUT });
        await screenshot('7-lens');
    });

    test('an error while typing keeps the preview’s tables under a banner that names it', async () => {
        await openFile('maritime/incidents-at-sea.detente');
        await runCommand('Détente: Open decision table preview');
        const preview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        await preview.locator('tr[data-rule="WeaponsLock"]').waitFor({ timeout: TIMEOUT });
        // A stray character where a declaration starts: a syntax error.
        await goToLine(31, 1);
        await page.keyboard.type('§ ');
        const banner = preview.locator('.problem.errors');
        await banner.waitFor({ timeout: TIMEOUT });
        assert.match(await banner.innerText(), /The file has \d+ errors?: the tables below are those of its last version without/);
        assert.match(await banner.innerText(), /Line 31, column 1/);
        // The tables are still there, dimmed.
        assert.equal(await preview.locator('main.stale tr[data-rule="WeaponsLock"]').count(), 1);
        await screenshot('8-preview-with-error');
        // A click on the error puts the cursor where it is written.
        await page.keyboard.press('Control+End');
        await banner.locator('a.source').first().click();
        await focusEditor();
        await page.locator('.statusbar-item', { hasText: /Ln 31, Col 1\b/ }).waitFor({ timeout: TIMEOUT });
        // Undo the stray character, and save: code-server may have written it to disk already, and the tests
        // after this one read the file as the example has it.
        for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Z');
        await banner.waitFor({ state: 'detached', timeout: TIMEOUT });
        await page.keyboard.press('Control+S');
        const onDisk = path.join(scratch, 'workspace', 'maritime', 'incidents-at-sea.detente');
        const example = fs.readFileSync(path.join(REPO, 'examples', 'maritime', 'incidents-at-sea.detente'), 'utf8');
        for (const deadline = Date.now() + TIMEOUT; fs.readFileSync(onDisk, 'utf8') !== example;) {
            assert.ok(Date.now() < deadline, 'the example was not saved back as it was');
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    });

    test('Explain: a form with a field per indicator, a wrong unit named at once, the answer beside it', async () => {
        await runCommand('View: Close All Editors');
        await openFile('maritime/incidents-at-sea.detente');
        await runCommand('Détente: Explain a situation…');
        const form = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        const separation = form.locator('[data-indicator="separation"]');
        await separation.waitFor({ timeout: TIMEOUT });
        assert.equal(await form.locator('select[data-indicator="radarLock"] option').count(), 3);
        await separation.fill('0.5 h');
        await form.locator('#error-separation', { hasText: "'h' is a unit of duration" }).waitFor({ timeout: TIMEOUT });
        await separation.fill('0.5 nm');
        await form.locator('#error-separation:empty').waitFor({ state: 'attached', timeout: TIMEOUT });
        await form.locator('select[data-indicator="radarLock"]').selectOption('true');
        await form.locator('#answer h2', { hasText: 'Level: one of Crisis, outside the scope' }).waitFor({ timeout: TIMEOUT });
        await form.locator('select[data-indicator="waters"]').selectOption('HighSeas');
        await form.locator('#answer h2', { hasText: /^Level: Crisis/ }).waitFor({ timeout: TIMEOUT });
        assert.match(await form.locator('#answer').innerText(), /Steps due at Crisis/);
        assert.match(await form.locator('#count').innerText(), /^3 of \d+ indicators given$/);
        await screenshot('9-explain');
    });
});
