// The index of a document's references (for find references across files), read from the references
// the linker recorded instead of a walk of the whole tree.
import {
    Cancellation, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription, interruptAndCheck, isReference
} from 'langium';

export class DetenteReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        return this.describe(document);
    }

    /** The descriptions at once, for the index that describes a document when it is asked (see index-manager.ts). */
    describe(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const reference of document.references) {
            const container = reference.$refNode?.astNode;
            if (isReference(reference) && !reference.error && container) {
                // The property is not needed to describe the reference: only its text and target are.
                descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
            }
        }
        return descriptions;
    }
}
