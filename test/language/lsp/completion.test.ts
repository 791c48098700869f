// Completion knows the context: what is in scope, what fits the indicator, and the usual snippets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionList } from 'vscode-languageserver';
import { createDetenteServices } from '../../../src/language/detente-module.js';
import { buildWorkspace } from '../../helpers.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const services = createDetenteServices(EmptyFileSystem).detente;
const complete = expectCompletion(services);

const BASE = `
protocol P {
    party Aland "Aland" { organ MoD "Defence" organ Fleet "Fleet" }
    party Borea "Borea"
    mediator UN "United Nations"
    channel Hotline "Hotline" links Aland.MoD, Borea
    indicator gap "Gap" : distance worse when lower
    indicator wait "Wait" : duration
    indicator share "Share" : percent
    indicator posture "Posture" : scale Calm < Alerted < Deployed
    indicator lock "Lock" : flag
    indicator zone "Zone" : one of Strait, Open
    ladder { Routine Concern Crisis }
    threshold Stray: lock -> Concern
    §
}`;

const at = (body: string) => BASE.replace('§', body);
const labels = (list: CompletionList) => list.items.map(item => item.label);

describe('completion', () => {
    test('indicators at the start of a condition', async () => {
        await complete({ text: at('threshold T: <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['gap', 'wait', 'share', 'posture', 'lock', 'not']));
        } });
    });

    test('units that fit the indicator being compared', async () => {
        await complete({ text: at('threshold T: gap < 2 <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['m', 'km', 'nm']));
            expect(labels(list)).not.toContain('min');
            expect(labels(list)).not.toContain('%');
        } });
        await complete({ text: at('threshold T: wait > 30 <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['s', 'min', 'h', 'd']));
            expect(labels(list)).not.toContain('nm');
        } });
        await complete({ text: at('threshold T: share > 30 <|>'), index: 0, assert: list => {
            expect(labels(list)).toContain('%');
            expect(labels(list)).not.toContain('m');
        } });
    });

    test('members of a scale after a comparison', async () => {
        await complete({ text: at('threshold T: posture >= <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['Calm', 'Alerted', 'Deployed']));
            expect(labels(list)).not.toContain('Routine');
        } });
    });

    test('levels after ->', async () => {
        await complete({ text: at('threshold T: lock -> <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['Routine', 'Concern', 'Crisis']);
        } });
    });

    test('organs after Party., verbs, channels after via, steps after after', async () => {
        await complete({ text: at('response Crisis { step a: Aland.<|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['MoD', 'Fleet']);
        } });
        await complete({ text: at('response Crisis { step a: Aland.MoD <|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['notifies', 'verifies', 'mediates', 'intercepts', 'withdraws', 'discloses']));
        } });
        await complete({ text: at('response Crisis { step a: Aland.MoD notifies Borea via <|> }'), index: 0, assert: list => {
            expect(labels(list)).toContain('Hotline');
        } });
        await complete({ text: at('response Crisis { step first: UN verifies within 1 h step second: UN mediates within 1 h after <|> }'), index: 0, assert: list => {
            expect(labels(list)).toContain('first');
        } });
    });

    test('keywords and snippets for the usual declarations', async () => {
        await complete({ text: at('<|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['threshold', 'redline', 'response', 'scenario', 'deescalate',
                'threshold … -> …', 'redline … { consequence … }', 'response … { step … }', 'scenario "…" { given … expect … }']));
            const snippet = list.items.find(item => item.label === 'threshold … -> …')!;
            expect(snippet.insertTextFormat).toBe(2);
            expect(snippet.textEdit?.newText ?? snippet.insertText).toContain('${3:condition} -> ${4:Level}');
        } });
        await complete({ text: '<|>', index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['protocol', 'protocol … { ladder … }', 'import', 'indicator']));
        } });
    });

    test('a typed prefix filters the names that fit, members of the indicator among them', async () => {
        await complete({ text: at('threshold T: zone = Str<|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['Strait']);
        } });
        await complete({ text: at('threshold T: zone = <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['Strait', 'Open']);
        } });
        await complete({ text: at('threshold T: lock = <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['true', 'false']);
        } });
        await complete({ text: at('response Crisis { step a: Aland.F<|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['Fleet']);
        } });
    });

    test('a step never waits on itself', async () => {
        await complete({ text: at('response Crisis { step first: UN verifies within 1 h step second: UN mediates within 1 h after first, <|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['first']);
        } });
    });

    test('snippets only where a declaration can start', async () => {
        const snippets = (list: CompletionList) => list.items.filter(item => item.kind === 15).map(item => item.label);
        for (const text of [
            'response Crisis { step a: Aland notifies Borea via <|> }',
            'response Crisis { step a: UN verifies within 1 h step b: UN mediates within 1 h after <|> }',
            'threshold T: zone = <|>',
            'threshold T: lock -> Concern <|>',
        ]) {
            await complete({ text: at(text), index: 0, assert: list => expect(snippets(list), text).toEqual([]) });
        }
        await complete({ text: at('thr<|>'), index: 0, assert: list => {
            const snippet = list.items.find(item => item.kind === 15)!;
            expect(snippet).toMatchObject({ label: 'threshold … -> …', filterText: 'threshold', sortText: '0-threshold' });
            expect(snippet.sortText! < list.items.find(item => item.label === 'threshold')!.sortText!).toBe(true);
        } });
        await complete({ text: 'prot<|>', index: 0, assert: list => expect(labels(list)).toEqual(['protocol … { ladder … }', 'protocol']) });
        await complete({ text: at('  deesc<|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['deescalate … to … when … for …', 'deescalate']);
        } });
    });

    test('the extension leaves snippets to the server and words to nobody', () => {
        // Snippets contributed to VS Code would be offered everywhere, and word suggestions fill any empty list.
        const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
        expect(manifest.contributes.snippets).toBeUndefined();
        expect(manifest.contributes.configurationDefaults['[detente]']['editor.wordBasedSuggestions']).toBe('off');
    });

    test('`.` triggers completion after a name only; quotes and slashes only in an import', async () => {
        const triggered = async (text: string, triggerCharacter: string) => {
            const offset = text.indexOf('<|>');
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text.replace('<|>', ''), URI.file(`/completion/${triggerCharacter.charCodeAt(0)}.detente`));
            await services.shared.workspace.DocumentBuilder.build([document]);
            return (await services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), context: { triggerKind: 2, triggerCharacter },
            }))?.items.map(item => item.label);
        };
        expect(services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual(['.', '"', '/']);
        expect(await triggered(at('response Crisis { step a: Aland.<|> }'), '.')).toEqual(['MoD', 'Fleet']);
        expect(await triggered(at('threshold T: gap < 2.<|>'), '.')).toEqual([]);
        expect(await triggered(at('threshold T "<|>'), '"')).toEqual([]);
    });
});

describe('import paths', () => {
    test('complete with the workspace’s other protocol files, relative to the importing one', async () => {
        const shared = 'party Aland "Aland"\n';
        const workspace = await buildWorkspace({ 'drafts/main.detente': 'import "§"\n', 'common/parties.detente': shared, 'drafts/channels.detente': shared });
        const document = workspace.documents.get('drafts/main.detente')!;
        const provider = workspace.services.lsp.CompletionProvider!;
        const at = (character: number, triggerCharacter?: string) => provider.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character },
            ...(triggerCharacter ? { context: { triggerKind: 2, triggerCharacter } } : {}),
        });
        const list = await at(8, '"');
        expect(list?.items.map(item => item.label)).toEqual(['channels.detente', '../common/parties.detente']);
        expect(list?.items[1].textEdit).toEqual({ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, newText: '../common/parties.detente' });
    });

    test('go to definition and a document link on an import path open the imported file', async () => {
        const workspace = await buildWorkspace({ 'main.detente': 'import "common/parties.detente"\nimport "missing.detente"\n', 'common/parties.detente': 'party Aland "Aland"\n' });
        const document = workspace.documents.get('main.detente')!;
        const target = workspace.documents.get('common/parties.detente')!.uri.toString();
        const definition = await workspace.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 12 } });
        expect(definition).toEqual([{
            originSelectionRange: { start: { line: 0, character: 8 }, end: { line: 0, character: 30 } },
            targetUri: target, targetRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            targetSelectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        }]);
        const links = await workspace.services.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
        expect(links.map(link => link.target)).toEqual([target]);
    });
});

