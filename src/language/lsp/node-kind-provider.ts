// What each declaration is, for outlines, workspace symbols and completion items.
import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOLS: Record<string, SymbolKind> = {
    Protocol: SymbolKind.Namespace,
    Party: SymbolKind.Module,
    Organ: SymbolKind.Field,
    Role: SymbolKind.TypeParameter,
    Body: SymbolKind.Module,
    Mediator: SymbolKind.Class,
    Action: SymbolKind.Method,
    Event: SymbolKind.Event,
    Dimension: SymbolKind.Struct,
    Scope: SymbolKind.Boolean,
    Binding: SymbolKind.Array,
    Channel: SymbolKind.Interface,
    Indicator: SymbolKind.Variable,
    Ladder: SymbolKind.Enum,
    Level: SymbolKind.EnumMember,
    Threshold: SymbolKind.Event,
    Redline: SymbolKind.Event,
    Response: SymbolKind.Function,
    Step: SymbolKind.Method,
    Duty: SymbolKind.Method,
    Deescalation: SymbolKind.Operator,
    Scenario: SymbolKind.Object,
    Member: SymbolKind.Constant,
};

const COMPLETIONS: Record<string, CompletionItemKind> = {
    Protocol: CompletionItemKind.Module,
    Party: CompletionItemKind.Module,
    Organ: CompletionItemKind.Field,
    Role: CompletionItemKind.TypeParameter,
    Body: CompletionItemKind.Module,
    Mediator: CompletionItemKind.Class,
    Action: CompletionItemKind.Function,
    Event: CompletionItemKind.Event,
    Dimension: CompletionItemKind.Struct,
    Channel: CompletionItemKind.Interface,
    Indicator: CompletionItemKind.Variable,
    Level: CompletionItemKind.EnumMember,
    Threshold: CompletionItemKind.Event,
    Redline: CompletionItemKind.Event,
    Step: CompletionItemKind.Method,
    Member: CompletionItemKind.Constant,
};

export class DetenteNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOLS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETIONS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
