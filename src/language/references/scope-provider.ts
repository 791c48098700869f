// Resolves names: imported files only (not transitively), members against their indicator, scenario steps by level.
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, type ReferenceInfo, type Scope } from 'langium';
import {
    isBetween, isChoiceType, isComparison, isFlagTest, isMembership, isMemberValue, isResponse, isScaleType, isScenario,
    type Indicator, type Scenario
} from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ImportResolver } from '../workspace/import-resolver.js';

export class DetenteScopeProvider extends DefaultScopeProvider {
    protected readonly imports: ImportResolver;

    constructor(services: DetenteServices) {
        super(services);
        this.imports = services.shared.workspace.ImportResolver;
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
        return super.getScope(context);
    }

    /** The members of a scale or `one of` indicator; nothing for other indicators. */
    protected memberScope(indicator: Indicator | undefined): Scope {
        const type = indicator?.type;
        return isScaleType(type) || isChoiceType(type) ? this.createScopeForNodes(type.members) : EMPTY_SCOPE;
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
