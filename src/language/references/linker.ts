// Links every reference of a document, as Langium's linker does, with one walk of the tree.
import { Cancellation, DefaultLinker, type LangiumDocument } from 'langium';
import { forEachNode, referencesOf } from '../workspace/ast-walk.js';

export class DetenteLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        await forEachNode(document.parseResult.value, cancelToken, node => {
            for (const reference of referencesOf(node)) this.doLink(reference, document);
        });
    }
}
