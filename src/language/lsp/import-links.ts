// Import paths as links: go to definition (F12) on `import "…"` opens the imported file, and each
// resolved path is a document link (Ctrl+click). Completion of the paths themselves is in completion-provider.ts.
import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider, type DocumentLinkProvider } from 'langium/lsp';
import type { DefinitionParams, DocumentLink, LocationLink, Range } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import type { Import, ProtocolFile } from '../generated/ast.js';
import type { ImportResolver } from '../workspace/import-resolver.js';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Each import of a document with the range of its path (inside the quotes) and where it leads, if it resolves. */
function importTargets(imports: ImportResolver, document: LangiumDocument): Array<{ node: Import; range: Range; target?: string }> {
    const file = document.parseResult.value as ProtocolFile;
    return (file.imports ?? []).flatMap(node => {
        const path = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'path');
        if (!path) return [];
        const { start, end } = path.range;
        const range = { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: Math.max(start.character + 1, end.character - 1) } };
        const resolution = imports.locate(document.uri, node.path);
        return [{ node, range, ...(resolution.ok ? { target: resolution.uri.toString() } : {}) }];
    });
}

function contains(range: Range, line: number, character: number): boolean {
    return line >= range.start.line && line <= range.end.line
        && (line > range.start.line || character >= range.start.character) && (line < range.end.line || character <= range.end.character);
}

export class DetenteDefinitionProvider extends DefaultDefinitionProvider {
    protected readonly imports: ImportResolver;

    constructor(services: DetenteServices) {
        super(services);
        this.imports = services.shared.workspace.ImportResolver;
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
        const { line, character } = params.position;
        const link = importTargets(this.imports, document).find(found => contains(found.range, line, character));
        if (link) {
            return link.target ? [{ originSelectionRange: link.range, targetUri: link.target, targetRange: FILE_START, targetSelectionRange: FILE_START }] : undefined;
        }
        return super.getDefinition(document, params);
    }
}

export class DetenteDocumentLinkProvider implements DocumentLinkProvider {
    protected readonly imports: ImportResolver;

    constructor(services: DetenteServices) {
        this.imports = services.shared.workspace.ImportResolver;
    }

    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        return importTargets(this.imports, document).filter(link => link.target)
            .map(link => ({ range: link.range, target: link.target, tooltip: 'Open the imported file' }));
    }
}
