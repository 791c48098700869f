// Semantic tokens, inlay hints, the code lens over each protocol, and links from diagnostics to their explanation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { expectSemanticToken, highlightHelper, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { DEFAULT_INLAY_HINTS } from '../../../src/language/lsp/inlay-hint-provider.js';
import { buildFile, protocol } from '../../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const services = createDetenteServices(EmptyFileSystem).detente;

describe('semantic tokens', () => {
    test('levels, indicators, parties, organs, units and numbers are told apart', async () => {
        const tokens = await highlightHelper(services)(`protocol P {
    party <|Aland|> "A" { organ <|MoD|> "M" }
    indicator <|gap|> "Gap" : distance
    channel <|Line|> "L" links <|Aland|>.<|MoD|>, <|Aland|>
    ladder { <|Calm|> <|Tense|> }
    threshold <|T|>: <|gap|> < <|2|> <|nm|> -> <|Tense|>
    response Tense { step <|call|>: Aland.MoD notifies Aland via <|Line|> within 5 min }
}`);
        const expectations: Array<[number, SemanticTokenTypes]> = [
            [0, SemanticTokenTypes.namespace], [1, SemanticTokenTypes.class], [2, SemanticTokenTypes.variable],
            [3, SemanticTokenTypes.interface], [4, SemanticTokenTypes.namespace], [5, SemanticTokenTypes.class],
            [6, SemanticTokenTypes.namespace],
            [7, SemanticTokenTypes.enumMember], [8, SemanticTokenTypes.enumMember], [9, SemanticTokenTypes.event],
            [10, SemanticTokenTypes.variable], [11, SemanticTokenTypes.number], [12, SemanticTokenTypes.type],
            [13, SemanticTokenTypes.enumMember], [14, SemanticTokenTypes.function], [15, SemanticTokenTypes.interface],
        ];
        for (const [rangeIndex, tokenType] of expectations) {
            expectSemanticToken(tokens, { rangeIndex, tokenType });
        }
    });
    test('roles, bodies, events, actions, duties and declared dimensions have their own colours too', async () => {
        const tokens = await highlightHelper(services)(`protocol P {
    party Aland "A" { organ MoD "M" }
    party Borea "B" { organ MoD "M" }
    role <|Launcher|> "The launching party"
    body <|Commission|> "Joint Commission" of <|Aland|>, Borea
    event <|launch|> "Launch"
    action <|exchanges|> "exchanges data" : communication
    dimension <|mass|> "Mass" base kg { t = 1000 kg }
    indicator load "Load" : <|mass|>
    channel Line "L" links <|each|> party.<|MoD|>, Commission
    duty <|tell|>: each party.MoD <|exchanges|> the other party via Line at least 24 h before <|launch|>
}`);
        const expectations: Array<[number, SemanticTokenTypes]> = [
            [0, SemanticTokenTypes.parameter], [1, SemanticTokenTypes.namespace], [2, SemanticTokenTypes.namespace],
            [3, SemanticTokenTypes.event], [4, SemanticTokenTypes.method], [5, SemanticTokenTypes.type],
            [6, SemanticTokenTypes.type], [8, SemanticTokenTypes.class], [9, SemanticTokenTypes.function],
            [10, SemanticTokenTypes.method], [11, SemanticTokenTypes.event],
        ];
        for (const [rangeIndex, tokenType] of expectations) {
            expectSemanticToken(tokens, { rangeIndex, tokenType });
        }
    });
});

describe('inlay hints', () => {
    const TEXT = protocol(`
            threshold T: separation < 2 nm or closing > 10 kn or separation < 500 m -> Concern
            threshold Far:   separation < 3 nm -> Concern
            threshold Fast:  closing > 20 kn   -> Alert
            response Concern { step a: UN verifies within 1 h step b: UN mediates within 2 h after a }
        `);
    /** The hints of TEXT under these settings (none: the defaults), each with the text of its line up to it. */
    async function hints(settings?: object) {
        const { shared, detente } = createDetenteServices(EmptyFileSystem);
        if (settings) shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { detente: { inlayHints: settings } } });
        const document = await parseDocument(detente, TEXT);
        const found = await detente.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
        }) ?? [];
        const lines = TEXT.split('\n');
        return found.map(h => ({ label: h.label, before: lines[h.position.line].slice(0, h.position.character).trim(), rest: lines[h.position.line].slice(h.position.character) }));
    }

    test('by default, the values of a line in base units at its end, so that aligned arrows stay aligned', async () => {
        const found = await hints();
        expect(found.map(h => h.label)).toEqual([
            '2 nm = 3704 m, 10 kn ≈ 5.144 mps', '3 nm = 5556 m', '20 kn ≈ 10.289 mps', '⇒ by 3 h',
        ]);
        // A unit hint has nothing after it on its line: the `->` columns do not move.
        expect(found.slice(0, 3).map(h => h.rest)).toEqual(['', '', '']);
        expect(found[1].before).toBe('threshold Far:   separation < 3 nm -> Concern');
    });

    test('detente.inlayHints.units: inline, right after each value, or off', async () => {
        expect((await hints({ units: 'inline' })).map(h => [h.label, h.before.split(' ').slice(-2).join(' ')])).toEqual([
            ['= 3704 m', '2 nm'], ['≈ 5.144 mps', '10 kn'], ['= 5556 m', '3 nm'], ['≈ 10.289 mps', '20 kn'], ['⇒ by 3 h', '2 h'],
        ]);
        expect((await hints({ units: 'off' })).map(h => h.label)).toEqual(['⇒ by 3 h']);
    });

    test('detente.inlayHints.deadlines: off hides the absolute deadlines of waiting steps', async () => {
        expect((await hints({ deadlines: false })).map(h => h.label)).not.toContain('⇒ by 3 h');
        expect(await hints({ deadlines: false, units: 'off' })).toEqual([]);
    });

    test('the extension declares both settings, with the defaults the server assumes', () => {
        const settings = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties;
        expect(settings['detente.inlayHints.units']).toMatchObject({ default: DEFAULT_INLAY_HINTS.units, enum: ['endOfLine', 'inline', 'off'] });
        expect(settings['detente.inlayHints.deadlines']).toMatchObject({ default: DEFAULT_INLAY_HINTS.deadlines, type: 'boolean' });
    });
});

describe('code lens', () => {
    test('each protocol shows its rules and findings, and offers the decision table preview', async () => {
        const workspace = await buildFile(protocol('threshold Near: separation < 1 km -> Concern\nthreshold Nearer: separation < 2 km -> Alert'));
        const document = workspace.documents.get('main.detente')!;
        const lenses = await workspace.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect(lenses?.map(l => l.command?.title)).toEqual(['2 rules · 9 warnings', 'Preview decision table']);
        expect(lenses?.[1].command).toMatchObject({ command: 'detente.openPreview', arguments: [document.uri.toString(), 'Test'] });
    });
    test('accepted findings are counted apart, not among the warnings and infos', async () => {
        const workspace = await buildFile(`protocol Patrol {
    party Aland "Aland"
    party Borea "Borea"
    indicator gap "Closest approach" : distance in nm worse when lower
    ladder { Calm Tense }
    redline Near "Art. 1": gap < 1 nm -> Tense {
        consequence "Suspension of exercises" disclosure confidential
    } accept confidential-redline "disclosed to the other Party in the confidential annex"
    response Tense { step call: Aland notifies Borea within 10 min }
    deescalate Tense to Calm when gap >= 2 nm for 10 min
}`);
        const document = workspace.documents.get('main.detente')!;
        const lenses = await workspace.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect(lenses?.[0].command?.title).toBe('1 rule · no findings · 1 accepted');
    });
    test('a protocol with scenarios counts their verdicts; one that cannot run is not run, not failed', async () => {
        const scenarios = `
            threshold Near: separation < 2 nm -> Concern
            scenario "far" { given separation = 5 nm expect Routine }
            scenario "wrong" { given separation = 1 nm expect Routine }
            scenario "never" { given separation = 1 nm, separation = 3 nm expect Concern }`;
        const titles = async (text: string) => {
            const workspace = await buildFile(text);
            const document = workspace.documents.get('main.detente')!;
            return (await workspace.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }))?.map(l => l.command);
        };
        const lenses = await titles(protocol(scenarios));
        expect(lenses?.[1]).toEqual({ title: '3 scenarios: 1 passed, 1 failed, 1 not run', command: 'workbench.view.testing.focus' });
        expect((await titles(protocol(scenarios.replace('< 2 nm', '< 2 h'))))?.[1]?.title).toBe('3 scenarios: 3 not run');
    });
});

describe('diagnostics link to their explanation', () => {
    test('codeDescription points at the code’s section of docs/diagnostics.md', async () => {
        const workspace = await buildFile(protocol('threshold T: separation < 2 h -> Concern'));
        const [diagnostic] = workspace.diagnostics().filter(d => d.code === 'unit-mismatch');
        expect(diagnostic.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#unit-mismatch$/);
    });
});
