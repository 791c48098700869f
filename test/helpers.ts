// Test helpers: build in-memory protocol files as a workspace and look at their diagnostics.
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { expect } from 'vitest';
import { createDetenteServices, type DetenteServices } from '../src/language/detente-module.js';
import { isProtocol, type ProtocolFile } from '../src/language/generated/ast.js';
import { analyse } from '../src/analysis/analyse.js';
import type { Budgets } from '../src/analysis/budget.js';
import { ALL_CODES, stageOf } from '../src/analysis/codes.js';
import type { Finding } from '../src/analysis/findings.js';
import type { Protocol as ProtocolModel } from '../src/model/protocol.js';

/** A folder that does not exist on disk: test documents live only in memory. */
export const ROOT = path.join(path.sep, 'detente-tests', 'project');

/** A diagnostic whose message is plain text, as all of Détente's are. */
export type TextDiagnostic = Diagnostic & { message: string };

export interface Workspace {
    readonly services: DetenteServices;
    readonly documents: Map<string, LangiumDocument<ProtocolFile>>;
    /** The diagnostics of one file (the first file when no name is given). */
    diagnostics(file?: string): TextDiagnostic[];
    /** `code@line` of each diagnostic of a file, lines 1-based, in order. */
    codes(file?: string): string[];
}

/** Builds the given files (path relative to the project root → text) with validation, under the given budgets. */
export async function buildWorkspace(files: Record<string, string>, root = ROOT, budgets?: Budgets): Promise<Workspace> {
    const { shared, detente } = createDetenteServices(EmptyFileSystem);
    if (budgets) detente.model.Analyses.budgets = budgets;
    shared.workspace.ImportResolver.setProjectRoot(root);
    const documents = new Map<string, LangiumDocument<ProtocolFile>>();
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<ProtocolFile>(text, URI.file(path.join(root, name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const first = Object.keys(files)[0];
    const diagnostics = (file = first): TextDiagnostic[] => (documents.get(file)?.diagnostics ?? [])
        .map(d => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
    return {
        services: detente,
        documents,
        diagnostics,
        codes: file => diagnostics(file).map(d => `${String(d.code)}@${d.range.start.line + 1}`),
    };
}

/** Builds one file and returns its workspace. */
export async function buildFile(text: string): Promise<Workspace> {
    return buildWorkspace({ 'main.detente': text });
}

/** The diagnostics of one protocol text that carry `code`. */
export async function diagnosticsWithCode(text: string, code: string): Promise<TextDiagnostic[]> {
    return (await buildFile(text)).diagnostics().filter(d => d.code === code);
}

export function expectNoDiagnostics(workspace: Workspace, file?: string): void {
    expect(workspace.diagnostics(file).map(d => `${String(d.code)}@${d.range.start.line + 1}: ${String(d.message)}`)).toEqual([]);
}

/** The codes of the checks on names, imports, units and structure (not those of the analysis). */
export const STRUCTURAL_CODES: ReadonlySet<string> = new Set(ALL_CODES.filter(code => stageOf(code) === 'structural'));

/** No finding of the structural checks; the situation analysis may still have something to say. */
export function expectNoStructuralDiagnostics(workspace: Workspace, file?: string): void {
    expect(workspace.diagnostics(file)
        .filter(d => STRUCTURAL_CODES.has(String(d.code)))
        .map(d => `${String(d.code)}@${d.range.start.line + 1}: ${String(d.message)}`)).toEqual([]);
}

/**
 * A small, clean protocol with one indicator of every type; `body` adds members. Its ladder is
 * Routine < Concern < Alert < Crisis.
 */
export function protocol(body: string, header = ''): string {
    return `${header}
protocol Test "Test protocol" {
    party Aland "Aland" {
        organ MoD "Ministry of Defence" authorizes force
        organ Fleet "Fleet"
    }
    party Borea "Borea" {
        organ MoD "Ministry of Defence"
        organ Fleet "Fleet"
    }
    mediator UN "United Nations"
    channel Hotline "Hotline" links Aland.MoD, Borea.MoD latency 5 min

    indicator separation "Separation" : distance worse when lower
    indicator elapsed "Time inside" : duration worse when higher
    indicator closing "Closing speed" : speed worse when higher
    indicator vessels "Vessels" : count worse when higher
    indicator share "Share" : percent worse when higher
    indicator radarLock "Radar lock" : flag
    indicator posture "Posture" : scale Peacetime < Exercise < Deployment
    indicator zone "Zone" : one of North, South, Strait

    ladder {
        Routine "Routine"
        Concern "Concern"
        Alert "Alert"
        Crisis "Crisis"
    }
${body}
}
`;
}

/** The normalized model of the first protocol of `main.detente` (other files may be given for imports). */
export async function protocolModel(text: string, others: Record<string, string> = {}): Promise<ProtocolModel> {
    const workspace = await buildWorkspace({ 'main.detente': text, ...others });
    const node = workspace.documents.get('main.detente')!.parseResult.value.declarations.find(isProtocol)!;
    return workspace.services.model.ProtocolModels.forProtocol(node);
}

/** The findings of the situation analysis of `protocol(body)`, as `code: message`. */
export async function findingsOf(text: string, code?: string): Promise<Finding[]> {
    const analysis = analyse(await protocolModel(text));
    return analysis.findings.filter(f => !code || f.code === code);
}
