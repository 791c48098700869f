// A generated protocol loaded into a fresh Détente workspace, as the command line loads files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import { Budgets, COMMAND_LINE_BUDGETS } from '../src/analysis/budget.js';
import { createDetenteServices } from '../src/language/detente-module.js';
import { ProtocolFileSystem } from '../src/language/workspace/protocol-text.js';
import type { Protocol } from '../src/model/protocol.js';
import { type GeneratorOptions, generateProtocol } from './generate.js';
import { generateUnstructured } from './unstructured.js';

/** `realistic`: tracks of rules as generated annexes have them; `unstructured`: a merged draft's rules, overlapping every which way. */
export type Family = 'realistic' | 'unstructured';

export interface Workload {
    readonly family: Family;
    readonly options: GeneratorOptions;
    readonly text: string;
    readonly lines: number;
    /** The protocol written to a scratch folder, for the command line and the language server. */
    readonly file: string;
}

export function workload(options: GeneratorOptions, folder: string, family: Family = 'realistic'): Workload {
    const text = family === 'realistic' ? generateProtocol(options) : generateUnstructured(options);
    const file = path.join(folder, `${family === 'realistic' ? 'synthetic' : 'unstructured'}-${options.rules}-${options.indicators}.detente`);
    fs.writeFileSync(file, text);
    return { family, options, text, lines: text.split('\n').length - 1, file };
}

export function scratchFolder(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'detente-bench-'));
}

/** Ten minutes for every question: the benchmark measures, it does not give up. */
const BENCH_BUDGETS = new Budgets(Object.fromEntries(Object.keys(COMMAND_LINE_BUDGETS.limits)
    .map(task => [task, { milliseconds: 600_000 }])) as Budgets['limits']);

/** Fresh services, the way `detente check` makes them (a generous budget: the command line waits). */
export function freshServices() {
    const services = createDetenteServices(ProtocolFileSystem);
    services.detente.model.Analyses.budgets = BENCH_BUDGETS;
    return services;
}

export type Services = ReturnType<typeof freshServices>;

/** Parses and links (and validates, when asked) the workload's text as a new document. */
export async function build(services: Services, work: Workload, validation: boolean): Promise<LangiumDocument> {
    return buildText(services, work.text, work.file, validation);
}

/** Parses and links (and validates, when asked) a protocol text as a new document at `file`. */
export async function buildText(services: Services, text: string, file: string, validation: boolean): Promise<LangiumDocument> {
    const { shared } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation });
    return document;
}

/** The normalized protocol model of a built document (its only protocol). */
export function protocolOf(services: Services, document: LangiumDocument): Protocol {
    return services.detente.model.ProtocolModels.forDocument(document)[0];
}
