// Resolves names: imported files only (not transitively), members against their indicator, scenario steps by level.
import {
    type AstNode, AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, type ReferenceInfo, type Scope, WorkspaceCache
} from 'langium';
import {
    isBetween, isBinding, isChoiceType, isComparison, isDeescalation, isFlagTest, isMembership, isMemberValue, isNamed, isParty, isProtocol,
    isResponse, isRole, isScaleType, isScenario, type Deescalation, type Indicator, type Organ, type Party, type Scenario
} from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ImportResolver } from '../workspace/import-resolver.js';

export class DetenteScopeProvider extends DefaultScopeProvider {
    protected readonly imports: ImportResolver;
    /** Per container and reference type, its scope: a protocol with thousands of rules is searched by name, not scanned. */
    protected readonly localScopes: WorkspaceCache<AstNode, Map<string, Scope>>;

    constructor(services: DetenteServices) {
        super(services);
        this.imports = services.shared.workspace.ImportResolver;
        this.localScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isMemberValue(container)) {
            // While a comparison is being typed, the parser may still see a bare flag test: any test names the indicator.
            const test = container.$container;
            return isComparison(test) || isBetween(test) || isFlagTest(test) ? this.memberScope(test.indicator?.ref) : EMPTY_SCOPE;
        }
        if (isMembership(container) && context.property === 'members') {
            return this.memberScope(container.indicator?.ref);
        }
        if (isScenario(container) && context.property === 'steps') {
            return this.scenarioStepScope(container);
        }
        if (isDeescalation(container) && context.property === 'after') {
            return this.offrampStepScope(container);
        }
        if (context.property === 'organ') {
            return this.organScope(container, context);
        }
        return this.lexicalScope(context);
    }

    /** The declarations visible from a reference's container and its ancestors, innermost first, then the global scope. */
    protected lexicalScope(context: ReferenceInfo, referenceType = this.reflection.getReferenceType(context)): Scope {
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let node: AstNode | undefined = context.container;
        while (node && !localSymbols?.has(node)) node = node.$container;
        return node ? this.scopeOf(node, referenceType, context) : this.getGlobalScope(referenceType, context);
    }

    /** The scope of a container with local symbols, built once per workspace state. */
    protected scopeOf(node: AstNode, referenceType: string, context: ReferenceInfo): Scope {
        const byType = this.localScopes.get(node, () => new Map());
        let scope = byType.get(referenceType);
        if (!scope) {
            const localSymbols = AstUtils.getDocument(node).localSymbols!;
            let outer: AstNode | undefined = node.$container;
            while (outer && !localSymbols.has(outer)) outer = outer.$container;
            const outerScope = outer ? this.scopeOf(outer, referenceType, context) : this.getGlobalScope(referenceType, context);
            scope = new MultiMapScope(localSymbols.getStream(node).filter(desc => this.reflection.isSubtype(desc.type, referenceType)), outerScope);
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /** The members of a scale or `one of` indicator; nothing for other indicators. */
    protected memberScope(indicator: Indicator | undefined): Scope {
        const type = indicator?.type;
        if (!isScaleType(type) && !isChoiceType(type)) return EMPTY_SCOPE;
        const byType = this.localScopes.get(type, () => new Map());
        let scope = byType.get('Member');
        if (!scope) {
            scope = new MultiMapScope(type.members.filter(member => member.name).map(member => this.descriptions.createDescription(member, member.name)));
            byType.set('Member', scope);
        }
        return scope;
    }

    /**
     * The organs after a party are that party's; after a role, `each party` or another party, the organs of
     * the parties the protocol binds (one per name: whether each of them has it is checked, not assumed).
     */
    protected organScope(container: AstNode, context: ReferenceInfo): Scope {
        const subject = isNamed(container) ? container.subject?.ref : undefined;
        if (isParty(subject)) return this.createScopeForNodes(subject.organs);
        if (isNamed(container) && !isRole(subject)) return EMPTY_SCOPE;
        const organs = new Map<string, Organ>();
        for (const party of this.boundParties(container, context)) {
            for (const organ of party.organs) if (organ.name && !organs.has(organ.name)) organs.set(organ.name, organ);
        }
        return this.createScopeForNodes([...organs.values()]);
    }

    /** The parties a protocol binds: those of `between`, or every party it sees. */
    boundParties(node: AstNode, context: ReferenceInfo): Party[] {
        const protocol = AstUtils.getContainerOfType(node, isProtocol);
        const binding = protocol?.members.find(isBinding);
        if (binding) return binding.parties.map(p => p.ref).filter((p): p is Party => p !== undefined);
        return this.lexicalScope(context, 'Party').getAllElements().map(description => description.node).filter(isParty).toArray();
    }

    /** The steps an off-ramp may wait for: those of its source level's response and of the responses that one includes. */
    protected offrampStepScope(deescalation: Deescalation): Scope {
        const responses = deescalation.$container.members.filter(isResponse);
        const own = responses.filter(response => response.level?.ref && response.level.ref === deescalation.from?.ref);
        const included = own.flatMap(response => response.includes.map(level => level.ref))
            .flatMap(level => responses.filter(response => level && response.level?.ref === level));
        return this.createScopeForNodes([...own, ...included].flatMap(response => response.steps));
    }

    /** The steps of the expected level's response first, then any step of the protocol. */
    protected scenarioStepScope(scenario: Scenario): Scope {
        const responses = scenario.$container.members.filter(isResponse);
        const expected = scenario.level?.ref;
        const allSteps = this.createScopeForNodes(responses.flatMap(response => response.steps));
        return this.createScopeForNodes(
            responses.filter(response => expected && response.level?.ref === expected).flatMap(response => response.steps),
            allSteps
        );
    }

    /** Only the document's own top-level declarations and those of the files it imports directly. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        return this.globalScopeCache.get(`${document.uri.toString()}#${referenceType}`, () => {
            const uris = new Set([document.uri, ...this.imports.importedDocuments(document).map(imported => imported.uri)]
                .map(uri => uri.toString()));
            return new MultiMapScope(this.indexManager.allElements(referenceType, uris));
        });
    }
}
