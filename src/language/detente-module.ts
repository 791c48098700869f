// Dependency injection for the Détente language: Langium's defaults plus one service per concern.
import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { DetenteGeneratedModule, DetenteGeneratedSharedModule } from './generated/module.js';
import { Analyses } from './protocol-analyses.js';
import { Compilations } from './compilations.js';
import { DetenteCodeActionProvider } from './lsp/code-action-provider.js';
import { DetenteCodeLensProvider } from './lsp/code-lens-provider.js';
import { DetenteCompletionProvider } from './lsp/completion-provider.js';
import { DetenteDocumentSymbolProvider } from './lsp/document-symbol-provider.js';
import { DetenteFoldingRangeProvider } from './lsp/folding-range-provider.js';
import { DetenteFormatter } from './lsp/formatter.js';
import { DetenteNodeKindProvider } from './lsp/node-kind-provider.js';
import { DetenteSemanticTokenProvider } from './lsp/semantic-token-provider.js';
import { DetenteWorkspaceSymbolProvider } from './lsp/workspace-symbol-provider.js';
import { DetenteHoverProvider } from './lsp/hover-provider.js';
import { DetenteInlayHintProvider } from './lsp/inlay-hint-provider.js';
import { DetenteDefinitionProvider, DetenteDocumentLinkProvider } from './lsp/import-links.js';
import { publishDiagnosticsBeforeAnalysis } from './lsp/diagnostics-before-analysis.js';
import { ProtocolModels } from './protocol-models.js';
import { DetenteScopeComputation } from './references/scope-computation.js';
import { DetenteScopeProvider } from './references/scope-provider.js';
import { DetenteDocumentValidator } from './validation/document-validator.js';
import { DetenteValidationRegistry } from './validation/registry.js';
import { DetenteLinker } from './references/linker.js';
import { GuardedLexer, createGuardedCompletionParser, createGuardedParser } from './parser/guarded-parser.js';
import { DetenteTokenBuilder } from './parser/token-builder.js';
import { DetenteReferenceDescriptionProvider } from './workspace/reference-descriptions.js';
import { registerValidationChecks } from './validation/validator.js';
import { DetenteDocumentBuilder } from './workspace/document-builder.js';
import { DetenteIndexManager } from './workspace/index-manager.js';
import { ImportResolver } from './workspace/import-resolver.js';
import { DetenteWorkspaceManager } from './workspace/workspace-manager.js';

export type DetenteSharedAddedServices = {
    workspace: {
        ImportResolver: ImportResolver
    }
};

export type DetenteSharedServices = LangiumSharedServices & DetenteSharedAddedServices;

export type DetenteAddedServices = {
    model: {
        ProtocolModels: ProtocolModels,
        Analyses: Analyses,
        Compilations: Compilations
    }
};

export type DetenteServices = LangiumServices & DetenteAddedServices & {
    shared: DetenteSharedServices
};

export const DetenteSharedModule: Module<DetenteSharedServices, DeepPartial<DetenteSharedServices>> = {
    lsp: {
        NodeKindProvider: () => new DetenteNodeKindProvider(),
        WorkspaceSymbolProvider: services => new DetenteWorkspaceSymbolProvider(services),
    },
    workspace: {
        ImportResolver: services => new ImportResolver(services),
        DocumentBuilder: services => new DetenteDocumentBuilder(services),
        IndexManager: services => new DetenteIndexManager(services),
        WorkspaceManager: services => new DetenteWorkspaceManager(services),
    }
};

export const DetenteModule: Module<DetenteServices, PartialLangiumServices & DetenteAddedServices> = {
    parser: {
        TokenBuilder: () => new DetenteTokenBuilder(),
        Lexer: services => new GuardedLexer(services),
        LangiumParser: services => createGuardedParser(services),
        CompletionParser: services => createGuardedCompletionParser(services),
    },
    model: {
        ProtocolModels: services => new ProtocolModels(services.shared),
        Analyses: () => new Analyses(),
        Compilations: services => new Compilations(services),
    },
    references: {
        ScopeComputation: services => new DetenteScopeComputation(services),
        ScopeProvider: services => new DetenteScopeProvider(services),
        Linker: services => new DetenteLinker(services),
    },
    validation: {
        DocumentValidator: services => new DetenteDocumentValidator(services),
        ValidationRegistry: services => new DetenteValidationRegistry(services),
    },
    workspace: {
        ReferenceDescriptionProvider: services => new DetenteReferenceDescriptionProvider(services),
    },
    lsp: {
        CodeActionProvider: services => new DetenteCodeActionProvider(services),
        CodeLensProvider: services => new DetenteCodeLensProvider(services),
        CompletionProvider: services => new DetenteCompletionProvider(services),
        DocumentSymbolProvider: services => new DetenteDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new DetenteFoldingRangeProvider(services),
        Formatter: services => new DetenteFormatter(services),
        SemanticTokenProvider: services => new DetenteSemanticTokenProvider(services),
        HoverProvider: services => new DetenteHoverProvider(services),
        InlayHintProvider: services => new DetenteInlayHintProvider(services),
        DefinitionProvider: services => new DetenteDefinitionProvider(services),
        DocumentLinkProvider: services => new DetenteDocumentLinkProvider(services),
    },
};

export function createDetenteServices(context: DefaultSharedModuleContext): { shared: DetenteSharedServices; detente: DetenteServices } {
    const shared = inject(
        createDefaultSharedModule(context),
        DetenteGeneratedSharedModule,
        DetenteSharedModule
    );
    const detente = inject(
        createDefaultModule({ shared }),
        DetenteGeneratedModule,
        DetenteModule
    ) as DetenteServices;
    shared.ServiceRegistry.register(detente);
    registerValidationChecks(detente);
    if (context.connection) {
        publishDiagnosticsBeforeAnalysis(context.connection, detente);
    } else {
        // Outside a language server nobody sends the client's configuration: start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, detente };
}
