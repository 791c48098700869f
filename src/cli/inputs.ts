// Finding and reading the protocol files named on the command line; bad input is a `UsageError` (exit 2).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { READS_AT_ONCE, mapBounded } from '../language/workspace/bounded.js';
import { decodeProtocolText, readRegularFile, UnreadableTextError } from '../language/workspace/protocol-text.js';
import { printable } from '../render/printable.js';

/** Bad usage or input: reported as one line naming the file, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

/** A line `detente: …` on stderr (bad usage or input, a refusal); a file name in it cannot break it or talk to the terminal. */
export function stderrLine(message: string): string {
    return `detente: ${printable(message)}\n`;
}

/** Names each file that could not be read, one line each. */
export function reportBadFiles(bad: readonly BadFile[], err: NodeJS.WritableStream): void {
    for (const { message } of bad) err.write(stderrLine(message));
}

export interface ProtocolSource {
    /** Absolute path. */
    readonly file: string;
    /** Without the byte-order mark, if the file starts with one. */
    readonly text: string;
    readonly byteOrderMark: boolean;
}

/** A file found but not read: named on stderr while the other files go on (docs/language.md §5). */
export interface BadFile {
    /** Absolute path. */
    readonly file: string;
    /** The one line naming the file and why: `p.detente: not a regular file`. */
    readonly message: string;
}

const EXTENSION = '.detente';

/** The `.detente` files named or found (recursively) in the given paths, sorted, each once. */
export async function findProtocolFiles(paths: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = await statOrFail(given, absolute);
        if (stat.isDirectory()) {
            const files = await searchFolder(absolute, new Set());
            if (files.length === 0) {
                throw new UsageError(`${given}: no ${EXTENSION} files in this folder`);
            }
            files.forEach(file => found.add(file));
        } else if (!absolute.endsWith(EXTENSION)) {
            throw new UsageError(`${given}: not a ${EXTENSION} file`);
        } else {
            found.add(absolute);
        }
    }
    return [...found].sort();
}

async function statOrFail(given: string, absolute: string) {
    try {
        return await fs.stat(absolute);
    } catch (error) {
        throw new UsageError(`${given}: ${describeFsError(error)}`);
    }
}

/** Depth-first, skipping hidden folders and node_modules; real paths guard against symbolic-link loops. */
async function searchFolder(folder: string, visited: Set<string>): Promise<string[]> {
    let real: string;
    try {
        real = await fs.realpath(folder);
    } catch (error) {
        throw new UsageError(`${folder}: ${describeFsError(error)}`);
    }
    if (visited.has(real)) {
        return [];
    }
    visited.add(real);
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new UsageError(`${folder}: ${describeFsError(error)}`);
    }
    const files: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        if (entry.isSymbolicLink()) {
            isDirectory = (await fs.stat(full).catch(() => undefined))?.isDirectory() ?? false;
        }
        if (isDirectory) {
            files.push(...await searchFolder(full, visited));
        } else if (entry.name.endsWith(EXTENSION)) {
            // Pipes, devices and broken links too: reading refuses them by name, rather than skip them unsaid.
            files.push(full);
        }
    }
    return files;
}

/**
 * Reads a protocol file strictly: a regular file of UTF-8 text. An empty file is fine: it declares
 * nothing, and is checked like any other.
 */
export async function readProtocolFile(file: string, shownAs = file): Promise<ProtocolSource> {
    let bytes: Uint8Array;
    try {
        bytes = await readRegularFile(file);
    } catch (error) {
        throw new UsageError(`${shownAs}: ${error instanceof UnreadableTextError ? error.message : describeFsError(error)}`);
    }
    try {
        const byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        return { file, text: decodeProtocolText(bytes), byteOrderMark };
    } catch (error) {
        if (error instanceof UnreadableTextError) {
            throw new UsageError(`${shownAs}: ${error.message}`);
        }
        throw error;
    }
}

/** Reads every file, a few at a time; a file that cannot be read is set apart, and the others still read. */
export async function readProtocolFiles(files: readonly string[], shownAs: (file: string) => string): Promise<{ sources: ProtocolSource[]; bad: BadFile[] }> {
    const read = await mapBounded(files, READS_AT_ONCE, async file => {
        try {
            return await readProtocolFile(file, shownAs(file));
        } catch (error) {
            if (error instanceof UsageError) return { file, message: error.message };
            throw error;
        }
    });
    return {
        sources: read.filter((r): r is ProtocolSource => 'text' in r),
        bad: read.filter((r): r is BadFile => !('text' in r)),
    };
}

export function describeFsError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder, not a file';
        case 'ELOOP': return 'too many levels of symbolic links';
        case 'ENOTDIR': return 'a part of the path is not a folder';
        case 'EMFILE':
        case 'ENFILE': return 'too many files open at once';
        default: return error instanceof Error ? error.message : String(error);
    }
}
