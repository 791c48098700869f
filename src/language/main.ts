// The language server: Détente over the Language Server Protocol, on stdio or IPC.
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createDetenteServices } from './detente-module.js';
import { registerRequestHandlers } from './lsp/request-handlers.js';
import { ProtocolFileSystem } from './workspace/protocol-text.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, detente } = createDetenteServices({ connection, ...ProtocolFileSystem });
registerRequestHandlers(connection, detente);
startLanguageServer(shared);
