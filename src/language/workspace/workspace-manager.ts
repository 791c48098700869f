// Loads the workspace's protocol files and checks them all, open or not, as `detente check` would: the
// Problems view lists every file's findings. One unreadable file is remembered, not fatal to the rest,
// and files are read a few at a time, so that a workspace of thousands loses none to the descriptor limit.
import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';
import type { DetenteSharedServices } from '../detente-module.js';
import { READS_AT_ONCE, mapBounded } from './bounded.js';
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
        await mapBounded(uris, READS_AT_ONCE, async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                this.imports.markUnreadable(uri, error instanceof UnreadableTextError ? error.message : 'cannot be read');
            }
        });
    }

    /** One folder at a time (Langium lists them all at once): each listing holds a descriptor too. */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        let entries;
        try {
            entries = await this.fileSystemProvider.readDirectory(folder);
        } catch (error) {
            console.error(`Cannot list the folder ${folder.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        for (const entry of entries) {
            if (!this.shouldIncludeEntry(entry)) continue;
            if (entry.isDirectory) {
                await this.traverseFolder(entry.uri, uris);
            } else if (entry.isFile) {
                uris.push(entry.uri);
            }
        }
    }
}
