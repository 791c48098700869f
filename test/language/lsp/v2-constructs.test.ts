// Every construct of the language's version 2 in the editor, on the example that uses most of them
// (roles, events, duties, scope, translations, metadata, accepted findings, `expect outside scope`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { RequestHandlers } from '../../../src/language/requests/handlers.js';
import { buildWorkspace } from '../../helpers.js';

const REPO = path.resolve(__dirname, '../../..');
const MISSILES = fs.readFileSync(path.join(REPO, 'examples/missiles/missile-tests.detente'), 'utf8');
const PARTIES = fs.readFileSync(path.join(REPO, 'examples/common/parties.detente'), 'utf8');

async function open(text = MISSILES) {
    const workspace = await buildWorkspace({ 'missiles/m.detente': text, 'common/parties.detente': PARTIES });
    const document = workspace.documents.get('missiles/m.detente')!;
    return { workspace, document, lsp: workspace.services.lsp, textDocument: { uri: document.uri.toString() } };
}

/** The position of `needle` (its `at`-th character) in the example. */
function position(needle: string, at = 0, text = MISSILES) {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    expect(line, needle).toBeGreaterThanOrEqual(0);
    return { line, character: lines[line].indexOf(needle) + at };
}

describe('version 2 in the editor', () => {
    test('the outline lists bindings, roles, events, the scope and duties; rules say their level, confidential elements are marked', async () => {
        const { lsp, document, textDocument } = await open();
        const [protocol] = await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }) as DocumentSymbol[];
        expect(protocol.children!.map(s => s.name)).toEqual(expect.arrayContaining([
            'between Aland, Borea', 'Testing', 'Notified', 'launch', 'accident', 'scope Art. 1(2)', 'notify', 'report', 'lists', 'review',
        ]));
        const detail = (name: string) => protocol.children!.find(s => s.name === name)?.detail;
        expect(detail('Crossing')).toBe('→ Breach');
        expect(detail('scenario "A trajectory across the border is a breach"')).toBe('confidential');
        expect(detail('scenario "Aircraft in distress are outside the Agreement"')).toBeUndefined();
    });

    test('hover: role bindings, duty timing, translations, the scope, each party and accepted findings', async () => {
        const { lsp, document, textDocument } = await open();
        const hover = async (needle: string, at: number) =>
            ((await lsp.HoverProvider!.getHoverContent(document, { textDocument, position: position(needle, at) }))?.contents as { value: string } | undefined)?.value;
        expect(await hover('role Testing', 5)).toContain('Stands for one of `Aland`, `Borea`');
        expect(await hover('role Testing', 5)).toContain('`@fr` la Partie qui procède à l’essai');
        expect(await hover('duty notify', 5)).toContain('**at least 3 d before launch**');
        expect(await hover('duty notify', 5)).toContain('Binds, in turn: Testing = Aland, Notified = Borea; Testing = Borea, Notified = Aland.');
        expect(await hover('duty lists', 5)).toContain('**on 1 January every year**');
        expect(await hover('event launch', 6)).toContain('Duties: `notify` (at least 3 d before launch)');
        expect(await hover('scope "Art', 1)).toBe('**scope** (Art. 1(2)) — the protocol covers only the situations where `not inDistress`.\n\n' +
            'Outside it no level applies; several scopes all apply. `expect outside scope` tests a situation outside.');
        expect(await hover('each party.MoD', 1)).toBe('**each party** — every party the protocol binds, in turn: `Aland`, `Borea`. The obligation binds each of them.');
        expect(await hover('the other party.MoD', 5)).toContain('**the other party** — of the two parties the protocol binds (`Aland`, `Borea`)');
        expect(await hover('accept confidential-redline', 10)).toMatch(/^\*\*accepted\*\* `confidential-redline` \(info\) — The Parties knowingly keep/);
    });

    test('completion: phrases of several words, events, codes to accept, languages of translations', async () => {
        const complete = async (line: string, replacement: string) => {
            const text = MISSILES.replace(line, replacement);
            expect(text, line).not.toBe(MISSILES);
            const offset = text.indexOf('<|>');
            const { lsp, document, textDocument } = await open(text.replace('<|>', ''));
            return (await lsp.CompletionProvider!.getCompletion(document, { textDocument, position: document.textDocument.positionAt(offset) }))?.items ?? [];
        };
        const labels = (items: Array<{ label: string }>) => items.map(i => i.label);
        expect(labels(await complete('        expect outside scope', '        expect <|>'))).toEqual(['outside scope', 'at least', 'at most', 'Normal', 'Concern', 'Breach']);
        expect(labels(await complete('    status in force', '    status <|>'))).toEqual(['in force', 'draft', 'initialled', 'signed', 'suspended', 'terminated']);
        const duty = '    duty review "Art. 10":   each party.MFA consults the other party.MFA every 1 yr';
        expect(labels(await complete(duty, '    duty x: <|>'))).toEqual(['each party', 'Testing', 'Notified', 'Aland', 'Borea', 'Coria']);
        expect(labels(await complete(duty, '    duty x: Testing.MFA notifies Notified.MFA via Notes at least 3 d before <|>'))).toEqual(['launch', 'accident']);
        expect(labels(await complete('Notified.MoD requests Testing.MoD via Hotline immediately', 'Notified.MoD requests Testing.MoD via Hotline <|>')))
            .toEqual(['within', 'immediately', 'without delay']);
        const codes = await complete('        accept confidential-redline "The', '        accept <|>"The');
        expect(labels(codes)).toEqual(expect.arrayContaining(['confidential-redline', 'masked-threshold', 'missing-translation', 'reciprocity']));
        // Errors cannot be accepted, nor can an unused `accept` accept itself.
        expect(labels(codes)).not.toEqual(expect.arrayContaining(['unit-mismatch']));
        expect(labels(codes).filter(label => ['unit-mismatch', 'syntax', 'scenario-failed', 'unused-accept'].includes(label))).toEqual([]);
        expect(labels(await complete('    role Notified "the other Party" @fr', '    role Notified "the other Party" @<|>'))).toEqual(['en', 'fr']);
        // Near miss: no phrase takes its punctuation along.
        expect(labels(await complete(duty, '<|>'))).toContain('ladder');
    });

    test('the formatter leaves the example as it is written, and the code lens counts its scenarios, `expect outside scope` among them', async () => {
        const { lsp, document, textDocument } = await open();
        expect(await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } })).toEqual([]);
        const lenses = await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
        expect(lenses?.map(l => l.command?.title)).toEqual(['6 rules · no findings · 1 accepted', '5 scenarios: 5 passed', 'Preview decision table']);
    });

    test('the Test Explorer runs `expect outside scope`: passed, and failed when the situation is inside', async () => {
        const run = async (text: string) => {
            const { workspace, document } = await open(text);
            return (await new RequestHandlers(workspace.services).runScenarios({ uri: document.uri.toString() })).outcomes;
        };
        const outside = (await run(MISSILES)).find(o => o.name === 'Aircraft in distress are outside the Agreement');
        expect(outside).toMatchObject({ state: 'passed' });
        const inside = (await run(MISSILES.replace('given inDistress = true\n        expect outside scope', 'given inDistress = false\n        expect outside scope')))
            .find(o => o.name === 'Aircraft in distress are outside the Agreement');
        expect(inside?.state).toBe('failed');
        expect(inside?.message).toMatch(/; the situation is inside the scope, at \w+\.\nCounterexample: /);
    });

    test('the preview shows the scope with its outside row, standing duties, confidential elements marked and accepted findings apart', async () => {
        const { workspace, document } = await open();
        const { html } = await new RequestHandlers(workspace.services).report({ uri: document.uri.toString() });
        expect(html!.match(/<h2>[^<]*<\/h2>/g)).toEqual(expect.arrayContaining(['<h2>Scope</h2>', '<h2>Standing duties</h2>', '<h2>Scenarios</h2>']));
        expect(html).toMatch(/class="outside"/);
        expect(html).toMatch(/class="confidential"/);
        // The accepted finding is in a table of its own, with its justification, not among the open findings.
        expect(html).toMatch(/<table class="accepted">[\s\S]*confidential-redline[\s\S]*knowingly keep/);
    });
});
