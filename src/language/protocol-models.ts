// The normalized model of each protocol in a document, built once per link of that document.
import { AstUtils, DocumentCache, DocumentState, type LangiumDocument } from 'langium';
import { isProtocol, isSharedDeclaration, type Protocol as ProtocolNode, type ProtocolFile, type SharedDeclaration } from './generated/ast.js';
import type { DetenteSharedServices } from './detente-module.js';
import type { ImportResolver } from './workspace/import-resolver.js';
import { buildProtocol } from './model-builder.js';
import type { Protocol } from '../model/protocol.js';

export class ProtocolModels {
    protected readonly imports: ImportResolver;
    protected readonly cache: DocumentCache<string, Protocol>;

    constructor(shared: DetenteSharedServices) {
        this.imports = shared.workspace.ImportResolver;
        // Relinking (an edit here or in an imported file) invalidates the document's models.
        this.cache = new DocumentCache(shared, DocumentState.Linked);
    }

    forProtocol(protocol: ProtocolNode): Protocol {
        const document = AstUtils.getDocument(protocol);
        const index = protocol.$container.declarations.indexOf(protocol);
        return this.cache.get(document.uri, String(index), () => buildProtocol(protocol, this.sharedDeclarations(document)));
    }

    forDocument(document: LangiumDocument): Protocol[] {
        return (document.parseResult.value as ProtocolFile).declarations.filter(isProtocol).map(protocol => this.forProtocol(protocol));
    }

    /** The top-level declarations a document sees: those of the files it imports, in import order, then its own. */
    sharedDeclarations(document: LangiumDocument): SharedDeclaration[] {
        const files = [...this.imports.importedDocuments(document), document]
            .map(doc => doc.parseResult.value as ProtocolFile);
        return files.flatMap(file => file.declarations.filter(isSharedDeclaration));
    }
}
