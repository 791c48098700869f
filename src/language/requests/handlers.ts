// Answers the extension's requests (contract.ts) from the server's own documents and analyses.
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import { explain } from '../../analysis/explain.js';
import { GivenError, parseGiven } from '../../analysis/given.js';
import type { Protocol } from '../../model/protocol.js';
import type { CompiledProtocol } from '../../render/compiled.js';
import { explanationText } from '../../render/explanation.js';
import { reportBody } from '../../render/html.js';
import { fileText, isFormat, renderFiles } from '../../render/outputs.js';
import { diffProtocols } from '../../analysis/diff.js';
import { LogError, logFormat, readLog } from '../../replay/log.js';
import { compliant, replay } from '../../replay/replay.js';
import { replayHtml } from '../../render/replay-html.js';
import { diffMarkdown } from '../../render/diff.js';
import {
    CheckWorkspaceRequest, type CheckWorkspaceResult, CompareRequest, type CompareParams, type CompareResult, ExplainRequest, ReplayRequest, type ReplayParams, type ReplayResult, type ExplainParams, type ExplainResult, ExportRequest,
    type ExportParams, type ExportResult, type ProtocolParams, ProtocolsRequest, type ProtocolsResult, ReportRequest,
    type ReportResult, RunScenariosRequest, type RunScenariosResult,
} from './contract.js';

export function registerRequestHandlers(connection: Connection, services: DetenteServices): void {
    const handlers = new RequestHandlers(services);
    connection.onRequest(ProtocolsRequest, (params: ProtocolParams) => handlers.protocols(params));
    connection.onRequest(ReportRequest, (params: ProtocolParams) => handlers.report(params));
    connection.onRequest(ExportRequest, (params: ExportParams) => handlers.export(params));
    connection.onRequest(ExplainRequest, (params: ExplainParams) => handlers.explain(params));
    connection.onRequest(CompareRequest, (params: CompareParams) => handlers.compare(params));
    connection.onRequest(ReplayRequest, (params: ReplayParams) => handlers.replay(params));
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
                indicators: protocol.indicators.map(i => ({
                    name: i.name, label: i.label, kind: i.kind, unit: i.unit, ...(i.units ? { units: i.units.map(u => u.symbol) } : {}), members: i.members,
                })),
                scenarios: protocol.scenarios.map(s => ({ name: s.name, position: s.source.range.start })),
            })) : [],
        };
    }

    /** The compiled protocol, or why there is none. */
    protected compile(document: LangiumDocument, protocol: Protocol): CompiledProtocol | string {
        const compilation = this.services.model.Compilations.compile(document, protocol);
        if (compilation.ok) return compilation.compiled;
        const reason = compilation.reason.charAt(0).toUpperCase() + compilation.reason.slice(1);
        return compilation.errors ? `${reason} (see the Problems view); the tables appear once they are fixed.` : `${reason}.`;
    }

    /**
     * The preview's report: rendered with the analysis' findings, errors included; refused only for errors
     * that leave the text unread, which come with it, so that the preview can name them beside the last
     * report it showed.
     */
    async report({ uri, protocol: name }: ProtocolParams): Promise<ReportResult> {
        const document = await this.document(uri);
        if (!document) return { protocols: [], problem: 'This file is not part of the workspace the language server knows.' };
        const protocols = this.models(document).map(p => p.name);
        const protocol = this.choose(document, name);
        if (!protocol) return { protocols, problem: 'This file declares no protocol.' };
        const compilation = this.services.model.Compilations.compile(document, protocol, { analysisErrors: 'render' });
        if (compilation.ok) return { protocols, protocol: protocol.name, html: reportBody(compilation.compiled, { inlineStyles: false }).text };
        const reason = compilation.reason.charAt(0).toUpperCase() + compilation.reason.slice(1);
        if (!compilation.errors) return { protocols, protocol: protocol.name, problem: `${reason}.` };
        const errors = this.services.model.Compilations.structuralErrors(document, protocol)
            .map(({ line, column, code, message }) => ({ line, column, code, message }));
        return { protocols, protocol: protocol.name, problem: `${reason}; the tables appear once ${errors.length === 1 ? 'it is' : 'they are'} fixed.`, errors };
    }

    async export({ uri, protocol: name, formats }: ExportParams): Promise<ExportResult> {
        const document = await this.document(uri);
        const protocol = document && this.choose(document, name);
        if (!document || !protocol) return { files: [], problem: 'No protocol to export.' };
        const compiled = this.compile(document, protocol);
        if (typeof compiled === 'string') return { files: [], problem: compiled };
        return { files: renderFiles(compiled, formats.filter(isFormat)).map(file => ({ name: file.name, content: fileText(file) })) };
    }

    /** The earlier version (another file's protocol, or the one this one supersedes) against this one. */
    async compare({ uri, protocol: name, otherUri, otherProtocol }: CompareParams): Promise<CompareResult> {
        const document = await this.document(uri);
        const after = document && this.choose(document, name);
        if (!document || !after) return { problem: 'No protocol to compare.' };
        let before: Protocol | undefined;
        if (otherUri) {
            const other = await this.document(otherUri);
            before = other && this.choose(other, otherProtocol);
            if (!before) return { problem: 'The other file declares no protocol the language server knows.' };
        } else {
            if (!after.supersedes) return { problem: `${after.name} supersedes no protocol: choose the earlier version to compare with.` };
            before = this.services.shared.workspace.LangiumDocuments.all.toArray()
                .flatMap(d => this.models(d)).find(p => p.name === after.supersedes);
            if (!before) return { problem: `The protocol ${after.supersedes} that ${after.name} supersedes is not in the workspace.` };
        }
        for (const [version, protocol] of [['earlier', before], ['later', after]] as const) {
            if (!protocol.complete) return { problem: `The ${version} version (${protocol.name}) has errors; fix them first (see the Problems view).` };
        }
        try {
            return { markdown: diffMarkdown(diffProtocols(before, after, this.services.model.Analyses.budgets.for('diff'))) };
        } catch (error) {
            if (error instanceof BudgetExceeded) return { problem: `The two versions could not be compared within the budget (${error.reason}).` };
            throw error;
        }
    }

    /** A log replayed through the protocol; a bad record is named with its line, as `detente replay` names it. */
    async replay({ uri, protocol: name, log, logName, webview }: ReplayParams): Promise<ReplayResult> {
        const document = await this.document(uri);
        const protocol = document && this.choose(document, name);
        if (!document || !protocol) return { problem: 'No protocol to replay the log through.' };
        const problem = this.services.model.Compilations.unexplainable(document, protocol);
        if (problem) return { problem: `The log cannot be replayed: ${problem}; fix them first (see the Problems view).` };
        try {
            const result = replay(protocol, readLog(log, logFormat(logName, log)));
            return { html: replayHtml(result, logName, webview), compliant: compliant(result) };
        } catch (error) {
            if (!(error instanceof LogError)) throw error;
            const shown = error.problems.slice(0, 5).map(p => `${logName}:${p.line}: ${p.message}`);
            const more = error.problems.length - shown.length;
            return { problem: `The log has bad records: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.` };
        }
    }

    async explain({ uri, protocol: name, given }: ExplainParams): Promise<ExplainResult> {
        const document = await this.document(uri);
        const protocol = document && this.choose(document, name);
        if (!document || !protocol) return { problem: 'No protocol to explain.' };
        // Each value read on its own, so that one that cannot be read is named and the others still count.
        const invalid: Record<string, string> = {};
        const readable = given.filter(assignment => {
            try {
                parseGiven(protocol, [assignment]);
                return true;
            } catch (error) {
                if (!(error instanceof GivenError)) throw error;
                const name = /^\s*([^=\s]+)\s*=/.exec(assignment)?.[1] ?? assignment;
                invalid[name] = fieldMessage(name, error.message);
                return false;
            }
        });
        const problem = this.services.model.Compilations.unexplainable(document, protocol);
        if (problem) {
            return { problem: `The situation cannot be explained: ${problem}; fix them first (see the Problems view).`, ...(Object.keys(invalid).length > 0 ? { invalid } : {}) };
        }
        try {
            const explanation = explain(protocol, parseGiven(protocol, readable), this.services.model.Analyses.budgets.for('explain'));
            return {
                text: explanationText(explanation),
                ...(Object.keys(invalid).length > 0 ? { invalid } : {}),
            };
        } catch (error) {
            if (error instanceof GivenError) return { problem: error.message, ...(Object.keys(invalid).length > 0 ? { invalid } : {}) };
            if (error instanceof BudgetExceeded) return { problem: `The situation could not be explained in time (${error.reason}); give more of its values.` };
            throw error;
        }
    }

    async runScenarios({ uri }: ProtocolParams): Promise<RunScenariosResult> {
        const document = await this.document(uri);
        if (!document) return { outcomes: [] };
        return {
            outcomes: this.models(document).flatMap(protocol => this.services.model.Compilations.verdicts(protocol).map(({ scenario, state, reason, counterexample }) => ({
                protocol: protocol.name,
                name: scenario.name,
                position: scenario.source.range.start,
                state,
                ...(state === 'failed' ? {
                    message: `${reason}\nCounterexample: ${Object.entries(counterexample!.situation).map(([k, v]) => `${k} = ${v}`).join(', ')}`,
                } : state === 'not run' ? { message: reason!.replace(/\.$/, ' (see the Problems view).') } : {}),
            }))),
        };
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

/** A reading error shown beside its field: the field names the indicator already. */
function fieldMessage(name: string, message: string): string {
    // `gap: 'h' is a unit of …` and `ships is a count: …` beside the field `ships`: `A count: …`.
    const text = message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message.startsWith(`${name} is `) ? message.slice(name.length + 4) : message;
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}
