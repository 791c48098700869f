// The preview's page is locked down: a strict CSP with a nonce, no remote content, and hostile protocol
// text inert both in the shell and in the report the language server renders for it.
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { previewContent, previewHtml } from '../../src/extension/preview-html.js';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { RequestHandlers } from '../../src/language/requests/handlers.js';
import { buildWorkspace } from '../helpers.js';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

function page(body: string, protocols = ['A', 'B']) {
    return previewHtml({
        cspSource: 'https://webview.example', nonce: 'n0nce', styleUri: 'https://webview.example/media/preview.css',
        scriptUri: 'https://webview.example/media/preview.js', title: HOSTILE, protocols, current: 'A', body,
    });
}

describe('the preview page', () => {
    test('a strict Content-Security-Policy: nothing but the webview’s own sources and nonce’d scripts and styles', () => {
        const html = page('<p>report</p>');
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replaceAll('&#39;', "'");
        expect(csp).toBe("default-src 'none'; style-src https://webview.example 'nonce-n0nce'; script-src 'nonce-n0nce'; img-src https://webview.example data:; font-src https://webview.example");
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0]);
        expect(scripts).toEqual(['<script nonce="n0nce" src="https://webview.example/media/preview.js">']);
        expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/webview\.example)/);
    });

    test('the content the page swaps in on an edit is the content it loads with', () => {
        const content = previewContent({ protocols: [HOSTILE, 'B'], current: 'B', body: '<p>report</p>', problem: HOSTILE });
        const shell = previewHtml({
            cspSource: 'https://webview.example', nonce: 'n0nce', styleUri: 's', scriptUri: 'j', title: 't',
            protocols: [HOSTILE, 'B'], current: 'B', body: '<p>report</p>', problem: HOSTILE,
        });
        expect(shell).toContain(`<div id="content">${content}</div>`);
        expect(content).not.toMatch(/<script|<img/);
        expect(content).toContain('<main><p>report</p></main>');
    });

    test('the title and protocol names are escaped', () => {
        const html = page('', [HOSTILE, 'B']);
        expect(html).not.toMatch(/<img|<script>alert/);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    });

    test('the report the server renders for a hostile protocol carries no markup from it and no inline style', async () => {
        const text = `protocol Hostile "${HOSTILE.replace(/"/g, '\\"')}" {
    party A "${HOSTILE.replace(/"/g, '\\"')}"
    indicator lock "${HOSTILE.replace(/"/g, '\\"')}" : flag
    ladder { Calm "${HOSTILE.replace(/"/g, '\\"')}" Tense }
    threshold T "${HOSTILE.replace(/"/g, '\\"')}": lock -> Tense
    response Tense { step s: A notifies within 1 h cites "${HOSTILE.replace(/"/g, '\\"')}" }
    deescalate Tense to Calm when not lock
}`;
        const workspace = await buildWorkspace({ 'hostile.detente': text });
        const document = workspace.documents.get('hostile.detente')!;
        const report = await new RequestHandlers(workspace.services).report({ uri: document.uri.toString() });
        expect(report.problem).toBeUndefined();
        expect(report.html).toBeDefined();
        expect(report.html).not.toMatch(/<script|<img|onerror="|style="/);
        expect(report.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        const shell = page(report.html!);
        expect(shell.match(/<script\b/g)).toHaveLength(1);
    });

    test('a file with errors gets a problem instead of a report', async () => {
        const workspace = await buildWorkspace({ 'broken.detente': 'protocol P { ladder { A B } threshold T: nothing -> B }' });
        const report = await new RequestHandlers(workspace.services).report({ uri: workspace.documents.get('broken.detente')!.uri.toString() });
        expect(report).toMatchObject({ protocols: ['P'], protocol: 'P', problem: expect.stringMatching(/^The file has 1 error/) });
        expect(report.errors).toEqual([{ line: 1, column: 42, code: 'unresolved-reference', message: expect.stringMatching(/^Unknown indicator 'nothing'/) }]);
        const unknown = await new RequestHandlers(createDetenteServices(EmptyFileSystem).detente).report({ uri: URI.file('/nowhere.detente').toString() });
        expect(unknown.problem).toMatch(/not part of the workspace/);
    });

    test('the analysis’ own errors do not keep the report: a failing scenario is a finding of the tables', async () => {
        const text = `protocol P "Patrol" {
    party A "Aland"
    party B "Borea"
    indicator gap "Gap" : distance in nm worse when lower
    ladder { Calm Tense }
    threshold Near: gap < 2 nm -> Tense
    response Tense { step tell: A notifies B within 1 h }
    deescalate Tense to Calm when gap >= 3 nm
    scenario "wrong" { given gap = 1 nm expect Calm }
}`;
        const workspace = await buildWorkspace({ 'p.detente': text });
        expect(workspace.codes('p.detente')).toContain('scenario-failed@9');
        const report = await new RequestHandlers(workspace.services).report({ uri: workspace.documents.get('p.detente')!.uri.toString() });
        expect(report.problem).toBeUndefined();
        expect(report.errors).toBeUndefined();
        expect(report.html).toContain('Resolved decision table');
        expect(report.html).toContain('Scenario &quot;wrong&quot; fails');
    });
});

describe('the preview with errors', () => {
    const errors = [
        { line: 4, column: 21, code: 'syntax', message: `Expected a name but found '->'.` },
        { line: 9, column: 5, code: 'unresolved-reference', message: `Unknown level 'Tens': not in the ladder. Did you mean 'Tense'?` },
    ];

    test('keeps the last good tables under a banner naming each error, a link to where it is written', () => {
        const content = previewContent({ protocols: ['P'], current: 'P', body: '<h2>Resolved decision table</h2>', problem: 'The file has 2 errors', errors, stale: true });
        expect(content).toContain('The file has 2 errors: the tables below are those of its last version without them.');
        expect(content).toContain('<a href="#" class="source" data-line="4" data-column="21" title="Reveal in the editor">Line 4, column 21</a>: Expected a name but found &#39;-&gt;&#39;. <code>syntax</code>');
        expect(content).toContain('data-line="9" data-column="5"');
        expect(content).toContain('<main class="stale"><h2>Resolved decision table</h2></main>');
    });

    test('without earlier tables, says they appear once the errors are fixed; names five errors at most', () => {
        const many = Array.from({ length: 7 }, (_, i) => ({ line: i + 1, column: 1, code: 'syntax', message: `error ${i + 1}` }));
        const content = previewContent({ protocols: ['P'], current: 'P', problem: 'The file has 7 errors', errors: many });
        expect(content).toContain('The file has 7 errors: the tables appear once they are fixed.');
        expect(content.match(/data-line=/g)).toHaveLength(5);
        expect(content).toContain('and 2 more (see the Problems view).');
        expect(content).toContain('<main></main>');
    });
});

