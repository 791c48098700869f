// duplicate-name: two declarations of one kind share a name in a scope.
import * as path from 'node:path';
import { AstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import {
    isLadder, isMediator, isParty, isResponse, isRule, isScenario, isSharedDeclaration,
    type ChoiceType, type Import, type Party, type Protocol, type ProtocolFile, type Response, type ScaleType, type SharedDeclaration
} from '../generated/ast.js';
import type { ImportResolver } from '../workspace/import-resolver.js';
import { report } from './report.js';

/** A declaration as seen from one scope: written there, or brought in by an import. */
interface Declared {
    readonly kind: string;
    readonly name: string;
    readonly node: AstNode;
    /** The import that brings it in, when it is declared in another file. */
    readonly via?: Import;
}

/** Declarations of these kinds share a namespace; parties and mediators are both actors. */
function kindOf(node: AstNode): string {
    if (isParty(node) || isMediator(node)) return 'party or mediator';
    if (isRule(node)) return 'rule';
    switch (node.$type) {
        case 'Channel': return 'channel';
        case 'Indicator': return 'indicator';
        case 'Protocol': return 'protocol';
        case 'Level': return 'level';
        case 'Scenario': return 'scenario';
        case 'Organ': return 'organ';
        case 'Step': return 'step';
        case 'Member': return 'member';
        default: return node.$type.toLowerCase();
    }
}

function declared(node: AstNode & { name?: string }, via?: Import): Declared | undefined {
    return node.name ? { kind: kindOf(node), name: node.name, node, via } : undefined;
}

export class NameChecks {
    constructor(protected readonly imports: ImportResolver) { }

    /** Top level: the file's own declarations, and those its imports bring in. */
    checkFile(file: ProtocolFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const own = file.declarations.map(node => declared(node)).filter(isDefined);
        this.reportDuplicates([...this.importedDeclarations(file, document), ...own], accept, document);
    }

    /** In a protocol, its declarations must not clash with each other nor with the shared ones it sees. */
    checkProtocol(protocol: Protocol, accept: ValidationAcceptor): void {
        const file = protocol.$container;
        const document = AstUtils.getDocument(protocol);
        const visible = [
            ...this.importedDeclarations(file, document),
            ...file.declarations.filter(isSharedDeclaration).map(node => declared(node)).filter(isDefined),
        ];
        const own: Declared[] = [];
        for (const member of protocol.members) {
            if (isSharedDeclaration(member) || isRule(member) || isScenario(member)) {
                own.push(...[declared(member)].filter(isDefined));
            } else if (isLadder(member)) {
                own.push(...member.levels.map(level => declared(level)).filter(isDefined));
            }
        }
        // Shared declarations seen from outside only clash with the protocol's own: report those alone.
        const seen = new Map<string, Declared>(visible.map(entry => [`${entry.kind}:${entry.name}`, entry]));
        this.reportDuplicates(own, accept, document, seen);
        this.checkResponses(protocol.members.filter(isResponse), accept);
    }

    /** At most one response per level. */
    protected checkResponses(responses: Response[], accept: ValidationAcceptor): void {
        const first = new Map<AstNode, Response>();
        for (const response of responses) {
            const level = response.level?.ref;
            if (!level) continue;
            const earlier = first.get(level);
            if (earlier) {
                report(accept, 'duplicate-name', `A second response for level '${level.name}': the first is at line ${lineOf(earlier)}; a level has at most one response.`,
                    { node: response, property: 'level' });
            } else {
                first.set(level, response);
            }
        }
    }

    checkParty(party: Party, accept: ValidationAcceptor): void {
        this.reportDuplicates(party.organs.map(organ => declared(organ)).filter(isDefined), accept, AstUtils.getDocument(party));
    }

    checkResponse(response: Response, accept: ValidationAcceptor): void {
        this.reportDuplicates(response.steps.map(step => declared(step)).filter(isDefined), accept, AstUtils.getDocument(response));
    }

    checkMembers(type: ScaleType | ChoiceType, accept: ValidationAcceptor): void {
        this.reportDuplicates(type.members.map(member => declared(member)).filter(isDefined), accept, AstUtils.getDocument(type));
    }

    protected importedDeclarations(file: ProtocolFile, document: LangiumDocument): Declared[] {
        const result: Declared[] = [];
        for (const importNode of file.imports) {
            const resolution = this.imports.resolve(importNode, document.uri);
            if (!resolution.ok) continue;
            const imported = document.uri.toString() === resolution.uri.toString()
                ? undefined // a self-import is reported as a cycle; its names are the file's own
                : this.imports.importedDocuments(document).find(doc => doc.uri.toString() === resolution.uri.toString());
            const importedFile = imported?.parseResult.value as ProtocolFile | undefined;
            for (const node of importedFile?.declarations.filter(isSharedDeclaration) ?? []) {
                const entry = declared(node as SharedDeclaration, importNode);
                if (entry) result.push(entry);
            }
        }
        return result;
    }

    /**
     * Reports each declaration whose kind and name were seen before. Declarations from other files cannot
     * carry a diagnostic here, so a clash between two imports is reported on the later import.
     */
    protected reportDuplicates(entries: Declared[], accept: ValidationAcceptor, document: LangiumDocument, seen = new Map<string, Declared>()): void {
        const reportedImports = new Set<Import>();
        for (const entry of entries) {
            const key = `${entry.kind}:${entry.name}`;
            const first = seen.get(key);
            if (!first) {
                seen.set(key, entry);
                continue;
            }
            if (first.node === entry.node) {
                continue; // the same declaration, reached through two imports of one file
            }
            const where = this.placeOf(first, document);
            if (entry.via) {
                if (!reportedImports.has(entry.via)) {
                    reportedImports.add(entry.via);
                    report(accept, 'duplicate-name', `Duplicate ${entry.kind} '${entry.name}': this import declares it, and it is already declared ${where}.`,
                        { node: entry.via, property: 'path' });
                }
            } else {
                report(accept, 'duplicate-name', `Duplicate ${entry.kind} '${entry.name}': already declared ${where}.`,
                    { node: entry.node, property: 'name' });
            }
        }
    }

    protected placeOf(entry: Declared, document: LangiumDocument): string {
        if (!entry.via) {
            return `at line ${lineOf(entry.node)}`;
        }
        const target = AstUtils.getDocument(entry.node).uri.fsPath;
        return `in ${path.relative(path.dirname(document.uri.fsPath), target).split(path.sep).join('/')} (imported at line ${lineOf(entry.via)})`;
    }
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
