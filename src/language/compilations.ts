// From built documents to what every shell reports and renders: one finding record for each diagnostic,
// and one compile gate (no error in the protocol or its file, a complete analysis, tables within their
// budget). The command line and the language server's requests both go through here.
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { scenarioResults } from '../analysis/analyse.js';
import { BudgetExceeded } from '../analysis/budget.js';
import type { ScenarioResult } from '../analysis/checks/scenarios.js';
import { type Severity, isDiagnosticCode, severityOf, stageOf } from '../analysis/codes.js';
import type { Acceptance, ReportedFinding, SituationWitness } from '../analysis/findings.js';
import type { Protocol, Scenario } from '../model/protocol.js';
import { type CompiledProtocol, findingsOf } from '../render/compiled.js';
import { type PublishOptions, compiledProtocol, publish } from '../render/publication.js';
import { decisionTables } from '../tables/tables.js';
import type { DetenteServices } from './detente-module.js';
import type { ImportResolver } from './workspace/import-resolver.js';
import type { Analyses } from './protocol-analyses.js';
import type { ProtocolModels } from './protocol-models.js';

export type Compilation =
    | { readonly ok: true; readonly compiled: CompiledProtocol }
    /** `errors`: findings the reader should look at (each shell says where); else the analysis or the tables ran out of budget. */
    | { readonly ok: false; readonly protocol: string; readonly reason: string; readonly errors: boolean };

/** What compiling a protocol takes from its file; once taken, the file's syntax tree may be let go. */
export interface CompileInput {
    readonly protocol: Protocol;
    /** The findings of `check` on the protocol and on the declarations it shares with its file. */
    readonly findings: readonly ReportedFinding[];
    /** The file, as reports name it. */
    readonly source: string;
}

export interface CompileOptions {
    /**
     * `refuse` (the compile gate, by default): any error refuses the protocol. `render` (the editor's
     * preview): only structural errors do; the analysis' errors (a failing scenario, an off-ramp that
     * flaps) are findings of the report, shown with its tables.
     */
    readonly analysisErrors?: 'refuse' | 'render';
}

export interface ScenarioVerdict {
    readonly scenario: Scenario;
    readonly state: 'passed' | 'failed' | 'not run';
    /** Why it failed or did not run, as a sentence. */
    readonly reason?: string;
    readonly counterexample?: SituationWitness;
}

/** A clause of the analysis (`at …; the level is …`) as a sentence of its own. */
function sentence(clause: string): string {
    return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}${/[.!?]$/.test(clause) ? '' : '.'}`;
}

/** How a file is named to the reader: by default, relative to the project root. */
export type FileNames = (uri: URI) => string;

export class Compilations {
    protected readonly models: ProtocolModels;
    protected readonly analyses: Analyses;
    protected readonly imports: ImportResolver;

    constructor(services: DetenteServices) {
        this.models = services.model.ProtocolModels;
        this.analyses = services.model.Analyses;
        this.imports = services.shared.workspace.ImportResolver;
    }

    /** A file as reports name it: relative to its project root, with `/`. */
    source(uri: URI): string {
        return path.relative(this.imports.projectRoot(uri), uri.fsPath).split(path.sep).join('/');
    }

    /** Every diagnostic of a document as a finding record, in file order. */
    findings(document: LangiumDocument, name: FileNames = uri => this.source(uri)): ReportedFinding[] {
        return (document.diagnostics ?? []).map(diagnostic => reported(document, diagnostic, name))
            .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    }

    /** Every protocol of a document compiled, or refused with the reason. */
    compileDocument(document: LangiumDocument): Compilation[] {
        return this.inputsOf(document).map(input => this.compileInput(input));
    }

    /** What compiling each protocol of a document takes from it. */
    inputsOf(document: LangiumDocument): CompileInput[] {
        const protocols = this.models.forDocument(document);
        const findings = this.findings(document);
        return protocols.map(protocol => this.inputOf(document, protocol, protocols, findings));
    }

    /** What compiling one protocol of a document takes from it (the document's protocols and findings, when already known). */
    protected inputOf(document: LangiumDocument, protocol: Protocol, protocols = this.models.forDocument(document), findings = this.findings(document)): CompileInput {
        return { protocol, findings: findingsOf(protocol, protocols.filter(other => other !== protocol), findings), source: this.source(document.uri) };
    }

    /**
     * A protocol with its tables and findings; refused when it or its file has errors (those of its file's
     * other protocols do not count), when its analysis stopped early, or when its tables exceed their budget.
     */
    compile(document: LangiumDocument, protocol: Protocol, options: CompileOptions = {}): Compilation {
        return this.compileInput(this.inputOf(document, protocol), options);
    }

    /** `compile`, on what was taken from the file. */
    compileInput({ protocol, findings, source }: CompileInput, options: CompileOptions = {}): Compilation {
        const errors = findings.filter(f => options.analysisErrors === 'render' ? isStructuralError(f) : f.severity === 'error' && !f.accepted).length;
        const refuse = (reason: string, withErrors = false): Compilation => ({ ok: false, protocol: protocol.name, reason, errors: withErrors });
        if (errors > 0 || !protocol.complete) {
            return refuse(`the file has ${errors || 'unresolved'} error${errors === 1 ? '' : 's'}`, true);
        }
        const analysis = this.analyses.of(protocol);
        if (analysis.incomplete) return refuse(`the analysis stopped early (${analysis.incomplete})`);
        try {
            const tables = this.analyses.ask(analysis, 'tables', decisionTables);
            return { ok: true, compiled: compiledProtocol({ protocol, tables, findings, source }) };
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            return refuse(`its decision tables are too large to build (${error.reason})`);
        }
    }

    /**
     * A compiled protocol in a language and an edition: undefined for a confidential protocol in the public
     * edition; refused when the public edition's own tables (without its confidential red lines) exceed
     * their budget.
     */
    publish(compiled: CompiledProtocol, options: PublishOptions): Compilation | undefined {
        try {
            const published = publish(compiled, options, protocol => {
                const analysis = this.analyses.of(protocol);
                if (analysis.incomplete) throw new BudgetExceeded(analysis.incomplete);
                return this.analyses.ask(analysis, 'tables', decisionTables);
            });
            return published && { ok: true, compiled: published };
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            return { ok: false, protocol: compiled.protocol.name, reason: `its public edition's tables could not be worked out (${error.reason})`, errors: false };
        }
    }

    /** The errors that refuse a protocol its report in the editor: the structural ones of the protocol or its file. */
    structuralErrors(document: LangiumDocument, protocol: Protocol): ReportedFinding[] {
        const others = this.models.forDocument(document).filter(other => other !== protocol);
        return findingsOf(protocol, others, this.findings(document)).filter(isStructuralError);
    }

    /**
     * Why a protocol's situations cannot be explained, if they cannot: only structural errors, which leave
     * parts of the text unread, stop it; findings of the analysis (a failing scenario, an off-ramp that flaps)
     * do not — explaining situations is how they are understood.
     */
    unexplainable(document: LangiumDocument, protocol: Protocol): string | undefined {
        return this.findings(document).some(isStructuralError) || !protocol.complete ? 'the protocol has errors that leave parts of it unread' : undefined;
    }

    /**
     * Each scenario's verdict as every shell shows it: passed; failed, with a situation that shows it; or not
     * run, when the protocol has errors, the analysis ran out of budget, or no situation matches its `given`.
     */
    verdicts(protocol: Protocol): ScenarioVerdict[] {
        const results = this.scenarios(protocol);
        return protocol.scenarios.map(scenario => {
            const result = results?.find(r => r.scenario === scenario);
            if (result?.passed) return { scenario, state: 'passed' };
            if (result?.counterexample) return { scenario, state: 'failed', reason: sentence(result.reason!), counterexample: result.counterexample };
            const why = result?.reason ?? (protocol.complete ? 'the analysis stopped at its budget' : 'the protocol has errors');
            return { scenario, state: 'not run', reason: sentence(`not run: ${why}`) };
        });
    }

    /** The scenarios' verdicts, or none when the analysis, or the scenarios themselves, ran out of budget. */
    scenarios(protocol: Protocol): ScenarioResult[] | undefined {
        if (!protocol.complete) return undefined;
        try {
            return this.analyses.ask(this.analyses.of(protocol), 'scenarios', scenarioResults);
        } catch (error) {
            if (error instanceof BudgetExceeded) return undefined;
            throw error;
        }
    }
}

/** An LSP diagnostic as a finding record: the one severity mapping, and the acceptance it carries. */
function reported(document: LangiumDocument, diagnostic: Diagnostic, name: FileNames): ReportedFinding {
    const data = diagnostic.data as { code?: string; witness?: unknown; accepted?: Acceptance } | undefined;
    const code = String(data?.code ?? diagnostic.code ?? 'syntax');
    const related = diagnostic.relatedInformation?.map(info => ({
        file: name(URI.parse(info.location.uri)),
        line: info.location.range.start.line + 1,
        column: info.location.range.start.character + 1,
        message: info.message,
    }));
    return {
        file: name(document.uri),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: data?.accepted && isDiagnosticCode(code) ? severityOf(code) : severityFromLsp(diagnostic.severity),
        code,
        // An accepted finding keeps its own message; the editor's, which leads with the justification, is for the editor.
        message: data?.accepted?.message ?? (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value),
        ...(data?.witness !== undefined ? { witness: data.witness } : {}),
        ...(related && related.length > 0 ? { related } : {}),
        ...(data?.accepted ? { accepted: { justification: data.accepted.justification } } : {}),
    };
}

/** An error of the structural checks: part of the text is unread, and no model of it can be trusted. */
export function isStructuralError(finding: ReportedFinding): boolean {
    return finding.severity === 'error' && !finding.accepted && (!isDiagnosticCode(finding.code) || stageOf(finding.code) === 'structural');
}

/** LSP severities (1 error, 2 warning, 3 information, 4 hint) as Détente's. */
export function severityFromLsp(severity: number | undefined): Severity {
    return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'info';
}
