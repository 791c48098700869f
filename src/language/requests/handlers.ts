// Answers the extension's requests (contract.ts) from the server's own documents and analyses.
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import { scenarioResults } from '../../analysis/analyse.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import type { ScenarioResult } from '../../analysis/checks/scenarios.js';
import { explain } from '../../analysis/explain.js';
import { GivenError, parseGiven } from '../../analysis/given.js';
import type { Protocol } from '../../model/protocol.js';
import { type CompiledProtocol, type ReportedFinding, findingsOf } from '../../render/compiled.js';
import { explanationText } from '../../render/explanation.js';
import { reportBody } from '../../render/html.js';
import { fileText, isFormat, renderFiles } from '../../render/outputs.js';
import { decisionTables } from '../../tables/tables.js';
import {
    CheckWorkspaceRequest, type CheckWorkspaceResult, ExplainRequest, type ExplainParams, type ExplainResult, ExportRequest,
    type ExportParams, type ExportResult, type ProtocolParams, ProtocolsRequest, type ProtocolsResult, ReportRequest,
    type ReportResult, RunScenariosRequest, type RunScenariosResult,
} from './contract.js';

export function registerRequestHandlers(connection: Connection, services: DetenteServices): void {
    const handlers = new RequestHandlers(services);
    connection.onRequest(ProtocolsRequest, (params: ProtocolParams) => handlers.protocols(params));
    connection.onRequest(ReportRequest, (params: ProtocolParams) => handlers.report(params));
    connection.onRequest(ExportRequest, (params: ExportParams) => handlers.export(params));
    connection.onRequest(ExplainRequest, (params: ExplainParams) => handlers.explain(params));
    connection.onRequest(RunScenariosRequest, (params: ProtocolParams) => handlers.runScenarios(params));
    connection.onRequest(CheckWorkspaceRequest, () => handlers.checkWorkspace());
}

export class RequestHandlers {
    constructor(protected readonly services: DetenteServices) { }

    /** The document once it is built and validated, so that answers match what the editor shows. */
    protected async document(uri: string): Promise<LangiumDocument | undefined> {
        const parsed = URI.parse(uri);
        const documents = this.services.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(parsed)) return undefined;
        await this.services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
        return documents.getDocument(parsed);
    }

    protected models(document: LangiumDocument): Protocol[] {
        return this.services.model.ProtocolModels.forDocument(document);
    }

    protected choose(document: LangiumDocument, name: string | undefined): Protocol | undefined {
        const models = this.models(document);
        return name === undefined ? models[0] : models.find(model => model.name === name);
    }

    async protocols({ uri }: ProtocolParams): Promise<ProtocolsResult> {
        const document = await this.document(uri);
        return {
            protocols: document ? this.models(document).map(protocol => ({
                name: protocol.name,
                title: protocol.title,
                position: protocol.source.range.start,
                indicators: protocol.indicators.map(i => ({ name: i.name, label: i.label, kind: i.kind, unit: i.unit, members: i.members })),
                scenarios: protocol.scenarios.map(s => ({ name: s.name, position: s.source.range.start })),
            })) : [],
        };
    }

    /** The compiled protocol, or why there is none. */
    protected compile(document: LangiumDocument, protocol: Protocol): CompiledProtocol | string {
        const root = this.services.shared.workspace.ImportResolver.projectRoot(document.uri);
        const source = path.relative(root, document.uri.fsPath).split(path.sep).join('/');
        const all: ReportedFinding[] = (document.diagnostics ?? []).map(d => ({
            file: source,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
            code: String(d.code ?? ''),
            message: typeof d.message === 'string' ? d.message : d.message.value,
        }));
        const findings = findingsOf(protocol, this.models(document).filter(other => other !== protocol), all);
        const errors = findings.filter(d => d.severity === 'error').length;
        if (errors > 0 || !protocol.complete) {
            return `The file has ${errors || 'unresolved'} error${errors === 1 ? '' : 's'}; the tables appear once ${errors === 1 ? 'it is' : 'they are'} fixed.`;
        }
        const analyses = this.services.model.Analyses;
        const analysis = analyses.of(protocol);
        if (analysis.incomplete) return `The analysis stopped early (${analysis.incomplete}).`;
        try {
            return { protocol, tables: analyses.ask(analysis, 'tables', decisionTables), findings, source };
        } catch (error) {
            if (error instanceof BudgetExceeded) return `The decision tables are too large to build (${error.reason}).`;
            throw error;
        }
    }

    /** Why a protocol's situations cannot be explained: text that does not parse, or parts left out of its model. */
    protected unexplainable(document: LangiumDocument, protocol: Protocol): string | undefined {
        const { lexerErrors, parserErrors } = document.parseResult;
        return lexerErrors.length > 0 || parserErrors.length > 0 || !protocol.complete
            ? 'The protocol has errors that leave parts of it unread; fix them first (see the Problems view).'
            : undefined;
    }

    async report({ uri, protocol: name }: ProtocolParams): Promise<ReportResult> {
        const document = await this.document(uri);
        if (!document) return { protocols: [], problem: 'This file is not part of the workspace the language server knows.' };
        const protocols = this.models(document).map(p => p.name);
        const protocol = this.choose(document, name);
        if (!protocol) return { protocols, problem: 'This file declares no protocol.' };
        const compiled = this.compile(document, protocol);
        return typeof compiled === 'string'
            ? { protocols, protocol: protocol.name, problem: compiled }
            : { protocols, protocol: protocol.name, html: reportBody(compiled, { inlineStyles: false }).text };
    }

    async export({ uri, protocol: name, formats }: ExportParams): Promise<ExportResult> {
        const document = await this.document(uri);
        const protocol = document && this.choose(document, name);
        if (!document || !protocol) return { files: [], problem: 'No protocol to export.' };
        const compiled = this.compile(document, protocol);
        if (typeof compiled === 'string') return { files: [], problem: compiled };
        return { files: renderFiles(compiled, formats.filter(isFormat)).map(file => ({ name: file.name, content: fileText(file) })) };
    }

    async explain({ uri, protocol: name, given }: ExplainParams): Promise<ExplainResult> {
        const document = await this.document(uri);
        const protocol = document && this.choose(document, name);
        if (!document || !protocol) return { problem: 'No protocol to explain.' };
        const problem = this.unexplainable(document, protocol);
        if (problem) return { problem };
        try {
            return { text: explanationText(explain(protocol, parseGiven(protocol, given), this.services.model.Analyses.budgets.for('explain'))) };
        } catch (error) {
            if (error instanceof GivenError) return { problem: error.message };
            if (error instanceof BudgetExceeded) return { problem: `The situation could not be explained in time (${error.reason}); give more of its values.` };
            throw error;
        }
    }

    async runScenarios({ uri }: ProtocolParams): Promise<RunScenariosResult> {
        const document = await this.document(uri);
        if (!document) return { outcomes: [] };
        return {
            outcomes: this.models(document).flatMap(protocol => {
                const results = protocol.complete ? this.scenarioResults(protocol) : undefined;
                return protocol.scenarios.map(scenario => {
                    const result = results?.find(r => r.scenario === scenario);
                    const counterexample = result?.counterexample
                        ? `\nCounterexample: ${Object.entries(result.counterexample.situation).map(([k, v]) => `${k} = ${v}`).join(', ')}`
                        : '';
                    return {
                        protocol: protocol.name,
                        name: scenario.name,
                        position: scenario.source.range.start,
                        passed: result?.passed ?? false,
                        ...(result?.passed ? {} : {
                            message: result?.reason
                                ? `${result.reason}${counterexample}`
                                : protocol.complete
                                    ? 'Not run: the analysis stopped at its budget (see the Problems view).'
                                    : 'Not run: the protocol has errors (see the Problems view).',
                        }),
                    };
                });
            }),
        };
    }

    /** The scenarios' verdicts, or none when the analysis, or the scenarios themselves, ran out of budget. */
    protected scenarioResults(protocol: Protocol): ScenarioResult[] | undefined {
        const analyses = this.services.model.Analyses;
        try {
            return analyses.ask(analyses.of(protocol), 'scenarios', scenarioResults);
        } catch (error) {
            if (error instanceof BudgetExceeded) return undefined;
            throw error;
        }
    }

    checkWorkspace(): CheckWorkspaceResult {
        const documents = this.services.shared.workspace.LangiumDocuments.all.toArray();
        const diagnostics = documents.flatMap(d => d.diagnostics ?? []);
        return {
            files: documents.length,
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length,
            infos: diagnostics.filter(d => (d.severity ?? 3) >= 3).length,
        };
    }
}
