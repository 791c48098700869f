// Loads the workspace's protocol files and checks them all, open or not, as `detente check` would: the
// Problems view lists every file's findings. One unreadable file is remembered, not fatal to the rest.
import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';
import type { DetenteSharedServices } from '../detente-module.js';
import type { ImportResolver } from './import-resolver.js';
import { UnreadableTextError } from './protocol-text.js';

export class DetenteWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly imports: ImportResolver;

    constructor(services: DetenteSharedServices) {
        super(services);
        this.imports = services.workspace.ImportResolver;
        // Langium validates only the files an editor opens or changes; a closed file's findings would
        // appear only if some later edit happened to rebuild it.
        this.initialBuildOptions = { validation: true };
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                this.imports.markUnreadable(uri, error instanceof UnreadableTextError ? error.message : 'cannot be read');
            }
        }));
    }
}
