// Two-phase publishing: a document's parser, linker and structural diagnostics reach the editor as soon
// as they are known; the complete set, with the situation analysis' findings, replaces them once the
// document is validated (Langium publishes it then). A newer edit cancels the analysis of the older text,
// so its findings are never published over the newer diagnostics.
//
// Until the analysis of the new text is done, the first set carries the findings of the last complete
// one, moved with the text as the editor moves its own marks: without them every finding would vanish
// and come back at each keystroke (the way TypeScript keeps its semantic diagnostics until replaced).
import { DocumentState, type LangiumDocument, TextDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { type DiagnosticCode, stageOf } from '../../analysis/codes.js';
import type { DetenteServices } from '../detente-module.js';
import type { DetenteDocumentValidator } from '../validation/document-validator.js';

/** The analysis' findings of a document's last complete set, and the text they were found in. */
interface Analysed {
    readonly text: string;
    readonly findings: readonly Diagnostic[];
}

export function publishDiagnosticsBeforeAnalysis(connection: Connection, services: DetenteServices): void {
    const validator = services.validation.DocumentValidator as DetenteDocumentValidator;
    const analysed = new Map<string, Analysed>();
    services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (document: LangiumDocument) => {
        const findings = (document.diagnostics ?? []).filter(isFinding);
        analysed.set(document.uri.toString(), { text: document.textDocument.getText(), findings });
    });
    services.shared.workspace.TextDocuments?.onDidClose(event => analysed.delete(event.document.uri));
    // Returns the message's promise: the analysis waits until it is written (see DetenteDocumentValidator).
    validator.onStructuralDiagnostics(({ document, diagnostics }) => {
        const uri = document.uri.toString();
        const before = analysed.get(uri);
        const carried = before ? moved(before, document.textDocument.getText()) : [];
        return connection.sendDiagnostics({ uri, diagnostics: [...diagnostics, ...carried] });
    });
}

/** Whether a diagnostic comes from the situation analysis (its code's stage). */
export function isFinding(diagnostic: Diagnostic): boolean {
    return typeof diagnostic.code === 'string' && stageOf(diagnostic.code as DiagnosticCode) === 'analysis';
}

/**
 * The findings moved from their text to `text`: what precedes the changed stretch stays, what follows it
 * moves by the change's length, a place inside it goes to the new stretch's start (or end, for a range's
 * end).
 */
export function moved(before: Analysed, text: string): Diagnostic[] {
    const old = before.text;
    if (old === text) return [...before.findings];
    let prefix = 0;
    const shortest = Math.min(old.length, text.length);
    while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const from = TextDocument.create('', 'detente', 0, old);
    const to = TextDocument.create('', 'detente', 0, text);
    const delta = text.length - old.length;
    // Text inserted just where a finding starts or ends goes outside it: the finding does not grow.
    const place = (position: Position, isEnd: boolean): Position => {
        const offset = from.offsetAt(position);
        const before = offset <= prefix;
        const after = offset >= old.length - suffix;
        if (before && (isEnd || !after)) return to.positionAt(offset);
        if (after) return to.positionAt(offset + delta);
        return to.positionAt(isEnd ? text.length - suffix : prefix);
    };
    return before.findings.map(finding => {
        const range: Range = { start: place(finding.range.start, false), end: place(finding.range.end, true) };
        return { ...finding, range };
    });
}
