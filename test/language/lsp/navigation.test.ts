// Navigation: definitions, references and rename across imported files; outline, workspace symbols,
// folding and highlights.
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectSymbols } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { DocumentSymbol, TextEdit } from 'vscode-languageserver';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { ROOT, buildWorkspace } from '../../helpers.js';

const services = createDetenteServices(EmptyFileSystem).detente;

const PROTOCOL = `protocol P "Patrol" {
    party <|Aland|> "Aland" { organ MoD "Defence" authorizes force }
    party Borea "Borea"
    indicator <|gap|> "Gap" : distance worse when lower
    ladder {
        Routine
        <|Concern|>
    }
    threshold Near: <|gap|> < 2 nm -> <|Concern|>
    response <|Concern|> {
        step call: <|Aland|>.MoD notifies Borea within 10 min
    }
    deescalate <|Concern|> to Routine when <|gap|> > 3 nm
    scenario "near" { given <|gap|> = 1 nm expect <|Concern|> }
}`;

describe('navigation in one file', () => {
    test('go to definition from a use of an indicator and of a level', async () => {
        const text = PROTOCOL.replace(/<\||\|>/g, '').replace('Near: gap', 'Near: <|>gap').replace('-> Concern', '-> <|>Concern');
        await expectGoToDefinition(services)({
            text: text.replace('indicator gap', 'indicator <|gap|>').replace(/^(\s+)Concern$/m, '$1<|Concern|>'),
            index: 0, rangeIndex: 0,
        });
        await expectGoToDefinition(services)({
            text: text.replace('indicator gap', 'indicator <|gap|>').replace(/^(\s+)Concern$/m, '$1<|Concern|>'),
            index: 1, rangeIndex: 1,
        });
    });

    test('find references of an indicator, with its declaration', async () => {
        const text = PROTOCOL.replace(/<\|(Aland|Concern)\|>/g, '$1').replace('indicator <|gap|>', 'indicator <|<|>gap|>');
        await expectFindReferences(services)({ text, includeDeclaration: true });
    });

    test('document highlights of a level', async () => {
        const text = PROTOCOL.replace(/<\|(Aland|gap)\|>/g, '$1').replace('response <|Concern|>', 'response <|<|>Concern|>');
        await expectHighlight(services)({ text, index: 0, rangeIndex: [0, 1, 2, 3, 4] });
    });

    test('the outline: protocol, parties and organs, indicators, ladder, rules, responses and steps, off-ramps, scenarios', async () => {
        const show = (symbol: DocumentSymbol): string => symbol.children?.length ? `${symbol.name} [${symbol.children.map(show).join(', ')}]` : symbol.name;
        await expectSymbols(services)({
            text: PROTOCOL.replace(/<\||\|>/g, ''),
            assert: symbols => expect(symbols.map(show)).toEqual([
                'P [Aland [Aland.MoD], Borea, gap, ladder [Routine, Concern], Near, response Concern [call], deescalate Concern → Routine, scenario "near"]',
            ]),
        });
    });

    test('folding of blocks and comments', async () => {
        await expectFoldings(services)({
            // A block folds up to the line before its closing brace, which stays in view.
            text: `<|protocol P {
    <|party A "A" {
        organ O "O"|>
    }
    <|/* a long
       comment */|>
    ladder { X Y }|>
}`,
        });
    });
});

describe('navigation across imported files', () => {
    const files = {
        'main.detente': `import "shared.detente"
protocol P {
    ladder { Calm Tense }
    threshold T: lock -> Tense
    response Tense { step s: Aland.MoD notifies Borea within 1 h }
}`,
        'shared.detente': `party Aland "Aland" { organ MoD "Defence" }
party Borea "Borea"
indicator lock "Lock" : flag`,
    };
    const uri = (name: string) => URI.file(path.join(ROOT, name)).toString();

    test('go to definition lands in the imported file', async () => {
        const workspace = await buildWorkspace(files);
        const document = workspace.documents.get('main.detente')!;
        const offset = document.textDocument.getText().indexOf('lock ->');
        const links = await workspace.services.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
        });
        expect(links?.map(l => [l.targetUri, l.targetSelectionRange.start])).toEqual([[uri('shared.detente'), { line: 2, character: 10 }]]);
    });

    test('renaming an organ rewrites Party.Organ everywhere; renaming a party rewrites the party before its organs', async () => {
        const workspace = await buildWorkspace(files);
        const shared = workspace.documents.get('shared.detente')!;
        const at = (text: string) => shared.textDocument.positionAt(shared.textDocument.getText().indexOf(text));
        const rename = async (position: ReturnType<typeof at>, newName: string) => (await workspace.services.lsp.RenameProvider!.rename(shared, {
            textDocument: { uri: shared.uri.toString() }, position, newName,
        }))!.changes!;
        const texts = (changes: Record<string, TextEdit[]>) => Object.fromEntries(Object.entries(changes).map(([u, edits]) => [u, edits.map(e => e.newText).sort()]));
        expect(texts(await rename(at('MoD'), 'Defence'))).toEqual({ [uri('shared.detente')]: ['Defence'], [uri('main.detente')]: ['Defence'] });
        expect(texts(await rename(at('Aland'), 'Arland'))).toEqual({ [uri('shared.detente')]: ['Arland'], [uri('main.detente')]: ['Arland'] });
        expect(texts(await rename(at('lock'), 'radarLock'))).toEqual({ [uri('shared.detente')]: ['radarLock'], [uri('main.detente')]: ['radarLock'] });
    });

    test('workspace symbols include what protocols declare, not only what files export', async () => {
        const workspace = await buildWorkspace(files);
        const symbols = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(symbols.map(s => `${s.name}${s.containerName ? ` (${s.containerName})` : ''}`).sort()).toEqual(
            ['Aland', 'Aland.MoD', 'Borea', 'Calm (P)', 'P', 'T (P)', 'Tense (P)', 'lock', 's (P)']);
        const found = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Tns' });
        expect(found.map(s => s.name)).toEqual(['Tense']);
    });
});
