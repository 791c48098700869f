// The index of references across files is described when asked: after edits, find references lists the
// references of the current texts, none of an earlier one; an edit to an imported file relinks its importers.
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { isIndicator, type ProtocolFile } from '../../src/language/generated/ast.js';
import { ROOT } from '../helpers.js';

describe('the reference index', () => {
    test('find references follows each edit of the importing file', async () => {
        const { shared, detente } = createDetenteServices(EmptyFileSystem);
        shared.workspace.ImportResolver.setProjectRoot(ROOT);
        const sharedUri = URI.file(path.join(ROOT, 'shared.detente'));
        const mainUri = URI.file(path.join(ROOT, 'main.detente'));
        const open = (uri: URI, version: number, text: string) => shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'detente', version, text));
        const main = (rules: string) => `import "shared.detente"\nprotocol P { ladder { Calm Tense } ${rules} }`;
        /** Where each use of `gap` is in the main file's text. */
        const uses = (text: string) => [...text.split('\n')[1].matchAll(/\bgap\b/g)].map(match => `main.detente:1:${match.index}`);
        const references = () => {
            const document = shared.workspace.LangiumDocuments.getDocument(sharedUri)!;
            const gap = AstUtils.streamAst((document.parseResult.value as ProtocolFile)).find(isIndicator)!;
            return detente.references.References.findReferences(gap, { includeDeclaration: false })
                .map(reference => `${path.basename(reference.sourceUri.fsPath)}:${reference.segment.range.start.line}:${reference.segment.range.start.character}`)
                .toArray();
        };

        open(sharedUri, 1, 'indicator gap "Gap" : distance worse when lower');
        const both = main('threshold T: gap < 1 km -> Tense threshold U: gap < 2 km -> Tense');
        open(mainUri, 1, both);
        await shared.workspace.DocumentBuilder.update([sharedUri, mainUri], []);
        expect(uses(both)).toHaveLength(2);
        expect(references()).toEqual(uses(both));

        const one = main('threshold U: gap < 2 km -> Tense');
        open(mainUri, 2, one);
        await shared.workspace.DocumentBuilder.update([mainUri], []);
        expect(references()).toEqual(uses(one));

        // An edit to the imported file relinks the importer, whose references are described anew.
        open(sharedUri, 2, '\nindicator gap "Gap" : distance worse when lower');
        await shared.workspace.DocumentBuilder.update([sharedUri], []);
        expect(references()).toEqual(uses(one));
        expect(shared.workspace.LangiumDocuments.getDocument(mainUri)!.diagnostics!.some(d => d.code === 'unresolved-reference')).toBe(false);

        open(sharedUri, 3, 'indicator distance "Gap" : distance worse when lower');
        await shared.workspace.DocumentBuilder.update([sharedUri], []);
        expect(shared.workspace.LangiumDocuments.getDocument(mainUri)!.diagnostics!.map(d => d.code)).toContain('unresolved-reference');
    });
});
