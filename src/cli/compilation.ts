// From a loaded project to what the renderers need: each protocol of a file with its tables and findings.
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { type CompiledProtocol, findingsOf } from '../render/compiled.js';
import { BudgetExceeded } from '../analysis/budget.js';
import { decisionTables } from '../tables/tables.js';
import type { ReportedDiagnostic } from './findings.js';
import { type Project, displayPath } from './project.js';

export type Compilation =
    | { readonly ok: true; readonly compiled: CompiledProtocol }
    | { readonly ok: false; readonly protocol: string; readonly reason: string };

/** Compiles every protocol of a document; protocols with errors (their own, or their file's), or whose analysis stopped early, are refused. */
export function compileDocument(project: Project, document: LangiumDocument, diagnostics: readonly ReportedDiagnostic[]): Compilation[] {
    const file = displayPath(document.uri.fsPath);
    const source = path.relative(project.root, document.uri.fsPath).split(path.sep).join('/');
    const protocols = project.services.model.ProtocolModels.forDocument(document);
    return protocols.map((protocol): Compilation => {
        const findings = findingsOf(protocol, protocols.filter(other => other !== protocol), diagnostics.filter(d => d.file === file))
            .map(d => ({ ...d, file: source }));
        const errors = findings.filter(d => d.severity === 'error').length;
        if (errors > 0 || !protocol.complete) {
            return { ok: false, protocol: protocol.name, reason: `the file has ${errors || 'unresolved'} error${errors === 1 ? '' : 's'} (see detente check)` };
        }
        const analyses = project.services.model.Analyses;
        const analysis = analyses.of(protocol);
        if (analysis.incomplete) {
            return { ok: false, protocol: protocol.name, reason: `the analysis stopped early (${analysis.incomplete})` };
        }
        try {
            return { ok: true, compiled: { protocol, tables: analyses.ask(analysis, 'tables', decisionTables), findings, source } };
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            return { ok: false, protocol: protocol.name, reason: `its decision tables are too large to build (${error.reason})` };
        }
    });
}
