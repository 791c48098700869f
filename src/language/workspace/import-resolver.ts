// Resolves `import "path"` to a document: relative to the importing file, `.detente` only, inside the project root.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices, type WorkspaceManager } from 'langium';
import type { Import, ProtocolFile } from '../generated/ast.js';

export type ImportResolution =
    | { readonly ok: true; readonly uri: URI }
    | { readonly ok: false; readonly reason: string; readonly uri?: URI };

export class ImportResolver {
    protected readonly documents: LangiumDocuments;
    protected readonly workspace: () => WorkspaceManager;
    /** Set by the command line (`--root`, or the current directory); the editor uses workspace folders. */
    protected explicitRoot: string | undefined;
    /** Files that exist but could not be read as protocol text, with the reason. */
    protected readonly unreadable = new Map<string, string>();

    constructor(services: LangiumSharedCoreServices) {
        this.documents = services.workspace.LangiumDocuments;
        // Resolved lazily: the workspace manager depends on services created after this one.
        this.workspace = () => services.workspace.WorkspaceManager;
    }

    setProjectRoot(root: string): void {
        this.explicitRoot = path.resolve(root);
    }

    /** The folder imports of this document must stay inside. */
    projectRoot(documentUri: URI): string {
        if (this.explicitRoot) {
            return this.explicitRoot;
        }
        const file = documentUri.fsPath;
        const folders = (this.workspace().workspaceFolders ?? [])
            .map(folder => URI.parse(folder.uri).fsPath)
            .filter(folder => isInside(folder, file))
            .sort((a, b) => b.length - a.length);
        return folders[0] ?? path.dirname(file);
    }

    markUnreadable(uri: URI, reason: string): void {
        this.unreadable.set(uri.toString(), reason);
    }

    clearUnreadable(uri: URI): void {
        this.unreadable.delete(uri.toString());
    }

    /**
     * Where an import points, checked without reading the target: the path form, the root, and
     * (for files on disk) that no symbolic link leads outside the root.
     */
    locate(importingUri: URI, importPath: string | undefined): ImportResolution {
        // A half-typed `import` has no path yet: the parser reports it, and nothing is read.
        if (importPath === undefined || importPath.trim() === '') {
            return { ok: false, reason: 'the import path is empty' };
        }
        if (path.isAbsolute(importPath) || /^[a-zA-Z]:[\\/]/.test(importPath) || importPath.includes('\\')) {
            return { ok: false, reason: `'${importPath}' must be a relative path with '/' separators` };
        }
        if (!importPath.endsWith('.detente')) {
            return { ok: false, reason: `'${importPath}' is not a .detente file` };
        }
        const root = this.projectRoot(importingUri);
        const target = path.resolve(path.dirname(importingUri.fsPath), importPath);
        const uri = importingUri.with({ path: URI.file(target).path });
        if (!isInside(root, target)) {
            return { ok: false, reason: `'${importPath}' is outside the project root ${root}`, uri };
        }
        if (this.documents.hasDocument(uri) && !fs.existsSync(target)) {
            return { ok: true, uri }; // a document that lives only in memory (tests, unsaved buffers)
        }
        let real: string;
        try {
            real = fs.realpathSync.native(target);
        } catch {
            return { ok: false, reason: `'${importPath}' does not exist`, uri };
        }
        if (!isInside(realRoot(root), real)) {
            return { ok: false, reason: `'${importPath}' leads outside the project root ${root} through a symbolic link`, uri };
        }
        if (!fs.statSync(real).isFile()) {
            return { ok: false, reason: `'${importPath}' is not a file`, uri };
        }
        return { ok: true, uri };
    }

    /** Like `locate`, and the target must also be loaded as a document. */
    resolve(importNode: Import, importingUri: URI): ImportResolution {
        const located = this.locate(importingUri, importNode.path);
        if (!located.ok) {
            return located;
        }
        const unreadable = this.unreadable.get(located.uri.toString());
        if (unreadable) {
            return { ok: false, reason: `'${importNode.path}' ${unreadable}`, uri: located.uri };
        }
        if (!this.documents.hasDocument(located.uri)) {
            return { ok: false, reason: `'${importNode.path}' is not loaded`, uri: located.uri };
        }
        return located;
    }

    /** The documents this document imports directly (imports are not transitive). */
    importedDocuments(document: LangiumDocument): LangiumDocument[] {
        const file = document.parseResult.value as ProtocolFile;
        const imported: LangiumDocument[] = [];
        for (const importNode of file.imports ?? []) {
            const resolution = this.resolve(importNode, document.uri);
            if (resolution.ok) {
                imported.push(this.documents.getDocument(resolution.uri)!);
            }
        }
        return imported;
    }
}

/** Whether `file` is `folder` or lies below it: `..shared.detente` does, only a `..` segment leads out. */
export function isInside(folder: string, file: string): boolean {
    const relative = path.relative(folder, file);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function realRoot(root: string): string {
    try {
        return fs.realpathSync.native(root);
    } catch {
        return root;
    }
}
