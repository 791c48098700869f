// Semantic highlighting: levels, indicators, parties and organs, channels, steps, rules, members,
// units and numbers each in their own colour, wherever they are declared or named.
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** The token type for what a name denotes. */
function typeOfTarget(node: AstNode | undefined): string | undefined {
    if (ast.isLevel(node)) return SemanticTokenTypes.enumMember;
    if (ast.isIndicator(node)) return SemanticTokenTypes.variable;
    if (ast.isParty(node) || ast.isBody(node)) return SemanticTokenTypes.namespace;
    if (ast.isRole(node)) return SemanticTokenTypes.parameter;
    if (ast.isOrgan(node) || ast.isMediator(node)) return SemanticTokenTypes.class;
    if (ast.isChannel(node)) return SemanticTokenTypes.interface;
    if (ast.isStep(node) || ast.isDuty(node)) return SemanticTokenTypes.function;
    if (ast.isAction(node)) return SemanticTokenTypes.method;
    if (ast.isThreshold(node) || ast.isEvent(node)) return SemanticTokenTypes.event;
    if (ast.isRedline(node)) return SemanticTokenTypes.macro;
    if (ast.isMember(node)) return SemanticTokenTypes.property;
    if (ast.isDimension(node)) return SemanticTokenTypes.type;
    if (ast.isProtocol(node)) return SemanticTokenTypes.namespace;
    return undefined;
}

/** Properties of each node type that hold references. */
const REFERENCES: Record<string, readonly string[]> = {
    Supersedes: ['protocol'],
    Binding: ['parties'],
    Body: ['members'],
    Named: ['subject', 'organ'],
    EachParty: ['organ'],
    OtherParty: ['organ'],
    EveryOtherParty: ['organ'],
    Channel: ['fallback'],
    QuantityType: ['declared'],
    CountType: ['event'],
    Threshold: ['level'],
    Redline: ['level'],
    Response: ['rule', 'level', 'includes'],
    Step: ['channel', 'after'],
    Duty: ['channel'],
    BeforeEvent: ['event'],
    AfterEvent: ['event'],
    Verb: ['action'],
    Deescalation: ['from', 'to', 'after'],
    Scenario: ['level', 'steps'],
    Comparison: ['indicator'],
    Between: ['indicator'],
    Membership: ['indicator', 'members'],
    FlagTest: ['indicator'],
    MemberValue: ['member'],
};

export class DetenteSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void {
        const declared = typeOfTarget(node);
        if (declared && 'name' in node && typeof node.name === 'string' && !ast.isScenario(node)) {
            accept({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const property of REFERENCES[node.$type] ?? []) {
            const value = (node as unknown as Record<string, unknown>)[property];
            const references = Array.isArray(value) ? value : value ? [value] : [];
            references.forEach((reference: { ref?: AstNode }, index) => {
                const type = typeOfTarget(reference.ref);
                if (type) accept({ node, property, index: Array.isArray(value) ? index : undefined, type });
            });
        }
        if (ast.isQuantity(node)) {
            accept({ node, property: 'number', type: SemanticTokenTypes.number });
            if (node.unit) accept({ node, property: 'unit', type: SemanticTokenTypes.type });
        }
        if (ast.isQuantityType(node) && node.unit) {
            accept({ node, property: 'unit', type: SemanticTokenTypes.type });
        }
    }
}
