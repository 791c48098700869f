// Two-phase publishing: a document's parser, linker and structural diagnostics reach the editor as soon
// as they are known; the complete set, with the situation analysis' findings, replaces them once the
// document is validated (Langium publishes it then). A newer edit cancels the analysis of the older text,
// so its findings are never published over the newer diagnostics.
import type { Connection } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import type { DetenteDocumentValidator } from '../validation/document-validator.js';

export function publishDiagnosticsBeforeAnalysis(connection: Connection, services: DetenteServices): void {
    const validator = services.validation.DocumentValidator as DetenteDocumentValidator;
    validator.onStructuralDiagnostics(({ document, diagnostics }) => {
        void connection.sendDiagnostics({ uri: document.uri.toString(), diagnostics });
    });
}
