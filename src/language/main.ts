// The language server: Détente over the Language Server Protocol, on stdio or IPC.
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { createDetenteServices } from './detente-module.js';
import { registerRequestHandlers } from './requests/handlers.js';
import { ResilientMessageReader } from './transport.js';
import { ProtocolFileSystem } from './workspace/protocol-text.js';

// On stdio, frames are read by a reader that survives malformed ones; IPC (VS Code's own) carries whole messages.
const connection = process.argv.includes('--stdio')
    ? createConnection(ProposedFeatures.all, new ResilientMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
    : createConnection(ProposedFeatures.all);
const { shared, detente } = createDetenteServices({ connection, ...ProtocolFileSystem });
registerRequestHandlers(connection, detente);

// The code lens counts findings: it is computed once the document is validated, and refreshed after each
// validation (an edit here, or in a file this one imports), for clients that can refresh lenses.
let refreshLenses = false;
let refreshHints = false;
shared.lsp.LanguageServer.onInitialize(params => {
    refreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    refreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
});
shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
    if (refreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
});
// Inlay hints follow their settings (`detente.inlayHints.*`) as soon as they change.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(({ section }) => {
    if (section === 'detente' && refreshHints) void connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
});
startLanguageServer(shared, { CodeLensProvider: DocumentState.Validated });
