// Rename across files, aware of qualified names: renaming an organ rewrites `Party.Organ` references,
// renaming a party rewrites the party part of its organs' references too.
import { CstUtils, type LangiumDocument, type LangiumDocuments, type ReferenceDescription } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { DetenteServices } from '../detente-module.js';
import type { RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

export class DetenteRenameProvider extends DefaultRenameProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: DetenteServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf && this.references.findDeclarations(leaf)[0];
        if (!target) return undefined;
        const changes: Record<string, TextEdit[]> = {};
        const edit = (uri: string, range: TextEdit['range'], newText: string) => (changes[uri] ??= []).push({ range, newText });
        const rewrite = (reference: ReferenceDescription, text: (written: string) => string) => {
            edit(reference.sourceUri.toString(), reference.segment.range, text(this.textAt(reference)));
        };
        for (const reference of this.references.findReferences(target, { includeDeclaration: true })) {
            // An organ is referred to as `Party.Organ`: keep the party, replace the organ.
            rewrite(reference, written => ast.isOrgan(target) && written.includes('.')
                ? `${written.slice(0, written.lastIndexOf('.'))}.${params.newName}`
                : params.newName);
        }
        if (ast.isParty(target)) {
            for (const organ of target.organs) {
                for (const reference of this.references.findReferences(organ, { includeDeclaration: false })) {
                    rewrite(reference, written => `${params.newName}${written.slice(written.indexOf('.'))}`);
                }
            }
        }
        return { changes };
    }

    protected textAt(reference: ReferenceDescription): string {
        return this.documents.getDocument(reference.sourceUri)?.textDocument.getText(reference.segment.range) ?? '';
    }
}
