// Workspace symbols: every declaration of every protocol file, not only what files export.
import { AstUtils, type LangiumDocuments } from 'langium';
import type { FuzzyMatcher, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { DetenteSharedServices } from '../detente-module.js';

const DECLARATIONS = [ast.isProtocol, ast.isParty, ast.isOrgan, ast.isMediator, ast.isChannel, ast.isIndicator, ast.isLevel, ast.isRule, ast.isStep, ast.isScenario];

export class DetenteWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly kinds: NodeKindProvider;
    protected readonly matcher: FuzzyMatcher;

    constructor(services: DetenteSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.kinds = services.lsp.NodeKindProvider;
        this.matcher = services.lsp.FuzzyMatcher;
    }

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
                if (!DECLARATIONS.some(is => is(node))) continue;
                const name = ast.isOrgan(node) ? `${node.$container.name}.${node.name}` : (node as { name?: string }).name;
                const range = node.$cstNode?.range;
                if (!name || !range || (params.query && !this.matcher.match(params.query, name))) continue;
                const container = AstUtils.getContainerOfType(node.$container, ast.isProtocol);
                symbols.push({
                    name,
                    kind: this.kinds.getSymbolKind(node),
                    location: { uri: document.uri.toString(), range },
                    ...(container && container !== node ? { containerName: container.name } : {}),
                });
            }
        }
        return symbols;
    }
}
