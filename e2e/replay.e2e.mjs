// The replay report in a real browser: `detente replay --format html` on the example log with a late and a
// missing step, opened in Chromium (driven by playwright-core). The level is drawn as an SVG step line, the
// obligations as marks, late and missing ones with their word; the page runs no script. A screenshot goes
// to test-results/replay.png.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const RESULTS = path.join(REPO, 'test-results');
const CHROMIUM = process.env.CHROMIUM ?? (spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/chromium');

let browser;
let page;
let scratch;

describe('the replay report in Chromium', { timeout: 120_000 }, () => {
    before(async () => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-replay-e2e-'));
        const report = path.join(scratch, 'replay.html');
        const run = spawnSync(process.execPath, [
            path.join(REPO, 'bin', 'detente.js'), 'replay', 'examples/replay/test-notification.detente', 'examples/replay/exercise-late.jsonl',
            '--format', 'html', '--out', report,
        ], { cwd: REPO, encoding: 'utf8' });
        assert.equal(run.status, 1, run.stderr);
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
        page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
        page.on('console', message => { throw new Error(`the page logged: ${message.text()}`); });
        await page.goto(pathToFileURL(report).toString());
    });

    after(async () => {
        await browser?.close();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    test('the chart renders: a step line over the ladder, a mark per obligation, late and missing in words', async () => {
        const chart = page.locator('svg.replay');
        const box = await chart.boundingBox();
        assert.ok(box && box.width > 600 && box.height > 100, `the chart has a size (${JSON.stringify(box)})`);
        const line = await page.locator('svg.replay polyline.line').boundingBox();
        assert.ok(line && line.width > 500, 'the level line spans the log');
        assert.equal(await page.locator('svg.replay g.mark').count(), 7);
        assert.equal(await page.locator('svg.replay g.status-late').count(), 2);
        assert.equal(await page.locator('svg.replay g.status-missing').count(), 2);
        const labels = await page.locator('svg.replay g.mark text').allTextContents();
        assert.ok(labels.includes('answer (Aland) — LATE') && labels.includes('ask (Borea) — MISSING'), labels.join(', '));
        assert.equal(await page.locator('script').count(), 0);
        fs.mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: path.join(RESULTS, 'replay.png'), fullPage: true });
    });
});
