// The outline: protocol, the parties it binds, parties and organs, roles, bodies, events, indicators, the
// scope, the ladder, rules, responses and steps, duties, de-escalations and scenarios. Unnamed declarations get a name that says what they are;
// rules say where they lead, and confidential elements are marked.
import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

export class DetenteDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const name = describe(node);
        if (name && node.$cstNode) {
            const selection = ast.isResponse(node) || ast.isDeescalation(node) || ast.isLadder(node) || ast.isScope(node) || ast.isBinding(node) ? node.$cstNode : undefined;
            const nameNode = selection ?? this.nameProvider.getNameNode(node) ?? node.$cstNode;
            const symbol = this.createSymbol(document, node, node.$cstNode, nameNode, name);
            const detail = details(node);
            return [detail ? { ...symbol, detail } : symbol];
        }
        // Conditions, values and the like hold no declarations: nothing to show below them.
        if (ast.isTest(node) || ast.isAnd(node) || ast.isOr(node) || ast.isNot(node) || ast.isImport(node)) return [];
        return super.getSymbol(document, node);
    }
}

/** Beside the name: where a rule leads, and that an element is confidential (left out of the public edition). */
function details(node: AstNode): string | undefined {
    const parts = [
        ast.isThreshold(node) || ast.isRedline(node) ? `→ ${node.level?.$refText ?? '?'}` : undefined,
        (node as AstNode & { confidential?: boolean }).confidential === true ? 'confidential' : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

function describe(node: AstNode): string | undefined {
    if (ast.isLadder(node)) return 'ladder';
    if (ast.isResponse(node)) return node.rule ? `response to ${node.rule.$refText}` : `response ${node.level?.$refText ?? ''}`.trim();
    if (ast.isScope(node)) return `scope${node.citation ? ` ${node.citation}` : ''}`;
    if (ast.isBinding(node)) return `between ${node.parties.map(p => p.$refText).join(', ')}`;
    if (ast.isDeescalation(node)) return `deescalate ${node.from?.$refText ?? '?'} → ${node.to?.$refText ?? '?'}`;
    if (ast.isScenario(node)) return `scenario "${node.name}"`;
    if (ast.isOrgan(node)) return `${node.$container.name}.${node.name}`;
    const name = (node as AstNode & { name?: unknown }).name;
    return typeof name === 'string' && name ? name : undefined;
}
