// Loads protocol files into a Détente workspace and builds them: the one entry of every command.
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { COMMAND_LINE_BUDGETS } from '../analysis/budget.js';
import { createDetenteServices, type DetenteServices } from '../language/detente-module.js';
import { isInside } from '../language/workspace/import-resolver.js';
import { ProtocolFileSystem } from '../language/workspace/protocol-text.js';
import type { Protocol } from '../model/protocol.js';
import { type BadFile, UsageError, findProtocolFiles, readProtocolFiles } from './inputs.js';

export interface Project {
    readonly services: DetenteServices;
    readonly root: string;
    /** The files named on the command line (or found in its folders), in path order. */
    readonly inputs: readonly LangiumDocument[];
    /** Every built document: the inputs and what they import. */
    readonly documents: readonly LangiumDocument[];
    /** Files found but not read (with `keepGoing`): the commands name them on stderr and exit 2. */
    readonly bad: readonly BadFile[];
}

export interface LoadOptions {
    /** Check the files that can be read when some cannot (docs/language.md §5); otherwise the first bad file is a `UsageError`. */
    readonly keepGoing?: boolean;
}

export async function loadProject(paths: readonly string[], root = process.cwd(), options: LoadOptions = {}): Promise<Project> {
    const files = await findProtocolFiles(paths);
    const { sources, bad } = await readProtocolFiles(files, displayPath);
    if (bad.length > 0 && !options.keepGoing) {
        throw new UsageError(bad[0].message);
    }
    const { shared, detente } = createDetenteServices(ProtocolFileSystem);
    const absoluteRoot = path.resolve(root);
    shared.workspace.ImportResolver.setProjectRoot(absoluteRoot);
    // A command line can wait longer for a complete analysis than an editor.
    detente.model.Analyses.budgets = COMMAND_LINE_BUDGETS;
    const inputs = sources.map(source => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(source.file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(inputs, { validation: true });
    const documents = shared.workspace.LangiumDocuments.all.toArray()
        .sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
    return { services: detente, root: absoluteRoot, inputs, documents, bad };
}

/**
 * Lets the syntax trees of a project go, once a command has taken what it needs from them (a protocol
 * model holds none of them): on large files they are most of the memory in use. The workspace forgets
 * the documents, and the parser the tree it built last, which it keeps until it parses again.
 */
export async function releaseDocuments(project: Project): Promise<void> {
    await project.services.shared.workspace.DocumentBuilder.update([], project.documents.map(document => document.uri));
    project.services.parser.LangiumParser.parse('');
}

/** A path as the user would type it: relative to the current directory when inside it. */
export function displayPath(file: string): string {
    return isInside(process.cwd(), file) ? path.relative(process.cwd(), file).split(path.sep).join('/') : file;
}

/** The protocol a command about one protocol works on: the one named with --protocol, or the file's only one. */
export function chooseProtocol(protocols: readonly Protocol[], name: string | undefined, file: string): Protocol {
    if (name !== undefined) {
        const found = protocols.find(p => p.name === name);
        if (!found) throw new UsageError(`${file}: no protocol named '${name}' (it has ${protocols.map(p => p.name).join(', ') || 'none'})`);
        return found;
    }
    if (protocols.length === 0) throw new UsageError(`${file}: declares no protocol`);
    if (protocols.length > 1) throw new UsageError(`${file}: declares several protocols (${protocols.map(p => p.name).join(', ')}); choose one with --protocol`);
    return protocols[0];
}
