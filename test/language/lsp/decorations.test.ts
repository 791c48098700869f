// Semantic tokens, inlay hints, the code lens over each protocol, and links from diagnostics to their explanation.
import { EmptyFileSystem } from 'langium';
import { expectSemanticToken, highlightHelper, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { buildFile, protocol } from '../../helpers.js';

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
    test('values in conditions show their base-unit value; waiting steps their absolute deadline', async () => {
        const document = await parseDocument(services, protocol(`
            threshold T: separation < 2 nm or closing > 10 kn or separation < 500 m -> Concern
            response Concern { step a: UN verifies within 1 h step b: UN mediates within 2 h after a }
        `));
        const hints = await services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
        });
        expect(hints?.map(h => h.label)).toEqual(['= 3704 m', '≈ 5.144 mps', '⇒ by 3 h']);
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
