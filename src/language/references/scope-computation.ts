// Which names a file exports and which names each protocol and response sees.
import {
    DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols
} from 'langium';
import { isLadder, isProtocol, isRole, isRule, isSharedDeclaration, type ProtocolFile } from '../generated/ast.js';

export class DetenteScopeComputation extends DefaultScopeComputation {

    /** Top-level shared declarations are visible to importers; so are protocols (for `supersedes`, and workspace symbols). */
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const file = document.parseResult.value as ProtocolFile;
        const exports: AstNodeDescription[] = [];
        for (const declaration of file.declarations ?? []) {
            if (isSharedDeclaration(declaration) || isProtocol(declaration)) {
                this.describe(declaration, exports, document);
            }
        }
        return exports;
    }

    /**
     * A protocol sees its own declarations, its roles, rules and ladder's levels; a response sees its steps.
     * Organs are scoped by the party (or role) they are written after, and indicator members by the indicator
     * they are compared with (see the scope provider).
     */
    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const file = document.parseResult.value as ProtocolFile;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const protocol of (file.declarations ?? []).filter(isProtocol)) {
            const visible: AstNodeDescription[] = [];
            for (const member of protocol.members) {
                // Rules are referred to by rule responses (`response to RULE`).
                if (isSharedDeclaration(member) || isRole(member) || isRule(member)) {
                    this.describe(member, visible, document);
                }
                if (isLadder(member)) {
                    member.levels.forEach(level => this.describe(level, visible, document));
                }
                if (member.$type === 'Response') {
                    const steps: AstNodeDescription[] = [];
                    member.steps.forEach(step => this.describe(step, steps, document));
                    symbols.addAll(member, steps);
                }
            }
            symbols.addAll(protocol, visible);
        }
        return symbols;
    }

    protected describe(node: AstNode, into: AstNodeDescription[], document: LangiumDocument): void {
        const name = this.nameProvider.getName(node);
        if (name) {
            into.push(this.descriptions.createDescription(node, name, document));
        }
    }
}
