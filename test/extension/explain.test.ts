// The Explain form: one field per indicator fitted to its type, the values kept, the answer beside it,
// a value that cannot be read named beside its field while the others still count; a strict CSP.
import { describe, expect, test } from 'vitest';
import { answerContent, explainHtml, formContent } from '../../src/extension/explain-html.js';
import { RequestHandlers } from '../../src/language/requests/handlers.js';
import { buildWorkspace } from '../helpers.js';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
const PROTOCOL = `protocol Patrol "Patrol" {
    indicator gap "Closest approach" : distance in nm worse when lower
    indicator lock "Radar lock" : flag
    indicator posture "Posture" : scale Calm < Alerted
    indicator ships "Ships" : count worse when higher
    ladder { Calm Tense Crisis }
    threshold Near: gap < 2 nm -> Tense
    threshold Locked: lock -> Crisis
    response Tense { step call: Patrol notifies Patrol within 30 min }
}
party Patrol "Patrol"
`;

async function setup() {
    const workspace = await buildWorkspace({ 'p.detente': PROTOCOL });
    const handlers = new RequestHandlers(workspace.services);
    const uri = workspace.documents.get('p.detente')!.uri.toString();
    const [protocol] = (await handlers.protocols({ uri })).protocols;
    return { handlers, uri, protocol };
}

describe('the Explain form', () => {
    test('one field per indicator: a choice for flags and scales, a value with its units for measures', async () => {
        const { protocol } = await setup();
        const form = formContent({ protocols: ['Patrol'], protocol: 'Patrol', indicators: protocol.indicators, values: { gap: '1.5 nm', lock: 'true' } });
        expect([...form.matchAll(/data-indicator="(\w+)"/g)].map(m => m[1])).toEqual(['gap', 'lock', 'posture', 'ships']);
        expect(form).toMatch(/<input type="text" id="field-gap" data-indicator="gap" value="1.5 nm" placeholder="e.g. 2 nm"/);
        expect(form).toContain('<span class="units">m, km, nm, ft, mi</span>');
        expect(form).toMatch(/<select id="field-lock"[^>]*>\s*<option value="">any value<\/option>\s*<option value="true" selected>true<\/option><option value="false">false<\/option>/);
        expect(form).toMatch(/<select id="field-posture"[^>]*>\s*<option value="" selected>any value<\/option>\s*<option value="Calm">Calm<\/option><option value="Alerted">Alerted<\/option>/);
        expect(form).toContain('placeholder="a whole number, e.g. 3"');
        expect(form).toContain('<span id="count">2 of 4 indicators given</span>');
        // Each field has its place for a message, which the script fills as text.
        expect(form).toContain('<p class="error" id="error-gap" role="alert"></p>');
    });

    test('a strict Content-Security-Policy, and protocol text inert', () => {
        const page = explainHtml({
            cspSource: 'https://webview.example', nonce: 'n0nce', styleUri: 'https://webview.example/media/explain.css',
            scriptUri: 'https://webview.example/media/explain.js', protocols: [HOSTILE, 'B'], protocol: HOSTILE,
            indicators: [{ name: 'gap', label: HOSTILE, kind: 'distance', units: ['m'] }], values: { gap: HOSTILE },
            answer: { problem: HOSTILE },
        });
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1].replaceAll('&#39;', "'");
        expect(csp).toBe("default-src 'none'; style-src https://webview.example 'nonce-n0nce'; script-src 'nonce-n0nce'; font-src https://webview.example");
        expect([...page.matchAll(/<script\b[^>]*>/g)].map(m => m[0])).toEqual(['<script nonce="n0nce" src="https://webview.example/media/explain.js">']);
        expect(page).not.toContain('<img');
        expect(page).not.toContain('<script>alert');
    });
});

describe('the answer beside the form', () => {
    test('the level, why and what is due, from the values given', async () => {
        const { handlers, uri } = await setup();
        const result = await handlers.explain({ uri, protocol: 'Patrol', given: ['gap=1nm', 'lock=false'] });
        expect(result.invalid).toBeUndefined();
        const answer = answerContent(result);
        expect(answer).toMatch(/^<h2>Level: Tense<\/h2>/);
        expect(answer).toContain('<h3>Rules that hold</h3>\n<pre>Near → Tense</pre>');
        expect(answer).toMatch(/<h3>Steps due at Tense, from entering it<\/h3>\n<pre>call +Patrol notifies Patrol +by 30 min<\/pre>/);
    });

    test('a value that cannot be read is named by its indicator; the others still count', async () => {
        const { handlers, uri } = await setup();
        const result = await handlers.explain({ uri, protocol: 'Patrol', given: ['gap=1h', 'lock=true', 'ships=2.5'] });
        expect(result.invalid).toEqual({
            gap: "'h' is a unit of duration, but a distance takes m, km, nm, ft or mi.",
            ships: 'A count: give a whole number, not 2.5.',
        });
        expect(result.text).toContain('given lock = true');
        expect(answerContent(result)).toMatch(/^<h2>Level: Crisis<\/h2>/);
    });

    test('a protocol with errors has no answer, yet each field is still read', async () => {
        const workspace = await buildWorkspace({ 'p.detente': PROTOCOL.replace('gap < 2 nm', 'gap < 2 h') });
        const uri = workspace.documents.get('p.detente')!.uri.toString();
        const result = await new RequestHandlers(workspace.services).explain({ uri, protocol: 'Patrol', given: ['gap=1h', 'lock=true'] });
        expect(result.problem).toMatch(/^The situation cannot be explained: the protocol has errors/);
        expect(result.invalid).toEqual({ gap: "'h' is a unit of duration, but a distance takes m, km, nm, ft or mi." });
    });

    test('near miss: a situation the values do not fix names the levels still possible', async () => {
        const { handlers, uri } = await setup();
        const answer = answerContent(await handlers.explain({ uri, protocol: 'Patrol', given: [] }));
        expect(answer).toMatch(/^<h2>Level: one of Calm, Tense, Crisis/);
        expect(answerContent(undefined)).toContain('The answer appears here as values are given.');
    });
});
