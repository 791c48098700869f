// The index of references across files, described when someone asks for references (find references,
// rename) rather than after every link: describing every reference of a large protocol costs each edit
// more than the structural checks do, and an editor asks for references far less often than it edits.
import {
    Cancellation, DefaultIndexManager, type AstNode, type LangiumDocument, type ReferenceDescription, type Stream, type URI, UriUtils, isReference
} from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { DetenteReferenceDescriptionProvider } from './reference-descriptions.js';

export class DetenteIndexManager extends DefaultIndexManager {
    /** Documents linked since their references were last described. */
    protected readonly undescribed = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async updateReferences(document: LangiumDocument, _cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.undescribed.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describePending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /** Whether the document refers to something in a changed file: read from its links, described or not. */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (!this.undescribed.has(document.uri.toString())) return super.isAffected(document, changedUris);
        return document.references.some(reference => {
            const targets = isReference(reference) ? [reference.$nodeDescription] : reference.items.map(item => item.$nodeDescription);
            return targets.some(target => target !== undefined && !UriUtils.equals(target.documentUri, document.uri) && changedUris.has(target.documentUri.toString()));
        });
    }

    protected describePending(): void {
        for (const [uri, document] of this.undescribed) {
            const services = this.serviceRegistry.getServices(document.uri);
            this.referenceIndex.set(uri, (services.workspace.ReferenceDescriptionProvider as DetenteReferenceDescriptionProvider).describe(document));
        }
        this.undescribed.clear();
    }
}
