// bad-import: missing, not a .detente file, outside the project root, unreadable, or part of a cycle.
import * as path from 'node:path';
import { AstUtils, type LangiumDocument, type LangiumDocuments, type URI, type ValidationAcceptor } from 'langium';
import type { Import } from '../generated/ast.js';
import type { ImportResolver } from '../workspace/import-resolver.js';
import { report } from './report.js';

export class ImportChecks {
    constructor(protected readonly imports: ImportResolver, protected readonly documents: LangiumDocuments) { }

    checkImport(importNode: Import, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(importNode);
        const resolution = this.imports.resolve(importNode, document.uri);
        if (!resolution.ok) {
            report(accept, 'bad-import', `Cannot import ${resolution.reason}.`, { node: importNode, property: 'path' });
            return;
        }
        const cycle = this.pathBack(document, resolution.uri);
        if (cycle) {
            const files = [document, ...cycle].map(doc => relativeName(document, doc.uri));
            report(accept, 'bad-import', `Import cycle: ${files.join(' → ')}.`, { node: importNode, property: 'path' });
        }
    }

    /** The chain of imports from `start` back to `document`, when importing `start` closes a cycle. */
    protected pathBack(document: LangiumDocument, start: URI): LangiumDocument[] | undefined {
        const visited = new Set<string>();
        const walk = (current: LangiumDocument | undefined): LangiumDocument[] | undefined => {
            if (!current) return undefined;
            if (current === document) return [current];
            const key = current.uri.toString();
            if (visited.has(key)) return undefined;
            visited.add(key);
            for (const imported of this.imports.importedDocuments(current)) {
                const rest = walk(imported);
                if (rest) return [current, ...rest];
            }
            return undefined;
        };
        return walk(this.documents.getDocument(start));
    }
}

function relativeName(from: LangiumDocument, uri: URI): string {
    const relative = path.relative(path.dirname(from.uri.fsPath), uri.fsPath);
    return relative.split(path.sep).join('/');
}
