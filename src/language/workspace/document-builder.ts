// Builds documents together with the files they import, and rebuilds importers when an imported file changes.
import {
    Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled, type BuildOptions, type LangiumDocument, type URI
} from 'langium';
import type { ProtocolFile } from '../generated/ast.js';
import type { DetenteSharedServices } from '../detente-module.js';
import type { ImportResolver } from './import-resolver.js';
import { UnreadableTextError } from './protocol-text.js';

export class DetenteDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly imports: ImportResolver;

    constructor(services: DetenteSharedServices) {
        super(services);
        this.imports = services.workspace.ImportResolver;
        // An edit is validated in every category, the situation analysis included (Langium's default leaves
        // out all but `fast`); the analysis' findings are published after the others (see document-validator.ts).
        this.updateBuildOptions = { validation: true };
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        // Keystrokes come one message per turn of the event loop: let the next one in before parsing,
        // so that a build it overtakes stops here rather than after a parse that is thrown away.
        await new Promise(resolve => setImmediate(resolve));
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
        // Parse first, so that imports are read from the current text, then load what they name.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, doc => this.langiumDocumentFactory.update(doc, cancelToken));
        const loaded = await this.loadImports(documents);
        await super.buildDocuments([...documents, ...loaded], options, cancelToken);
    }

    /**
     * Loads every file the documents import, transitively, that is not loaded yet. Targets that break
     * the import rules are never read; the validator reports them as `bad-import`.
     */
    protected async loadImports(documents: LangiumDocument[]): Promise<LangiumDocument[]> {
        const loaded: LangiumDocument[] = [];
        const queue = [...documents];
        for (let document = queue.shift(); document; document = queue.shift()) {
            for (const importNode of (document.parseResult.value as ProtocolFile).imports ?? []) {
                const target = this.imports.locate(document.uri, importNode.path);
                if (!target.ok || this.langiumDocuments.hasDocument(target.uri)) {
                    continue;
                }
                const imported = await this.readDocument(target.uri);
                if (imported) {
                    loaded.push(imported);
                    queue.push(imported);
                }
            }
        }
        return loaded;
    }

    protected async readDocument(uri: URI): Promise<LangiumDocument | undefined> {
        try {
            const document = await this.langiumDocumentFactory.fromUri(uri);
            this.langiumDocuments.addDocument(document);
            this.imports.clearUnreadable(uri);
            return document;
        } catch (error) {
            this.imports.markUnreadable(uri, error instanceof UnreadableTextError ? error.message : 'cannot be read');
            return undefined;
        }
    }

    /** Also relink documents that import a changed file, or whose imports did not resolve (they may now). */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) {
            return true;
        }
        return ((document.parseResult.value as ProtocolFile).imports ?? []).some(importNode => {
            const resolution = this.imports.resolve(importNode, document.uri);
            return !resolution.ok || changedUris.has(resolution.uri.toString());
        });
    }
}
