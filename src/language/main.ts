// The language server: Détente over the Language Server Protocol, on stdio or IPC.
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
startLanguageServer(shared);
