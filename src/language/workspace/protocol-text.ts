// Reading protocol files strictly: only regular files, and text must be UTF-8 and not binary, so
// nothing is silently garbled and no device or pipe is read forever.
import * as fs from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** A file that exists but cannot be taken as protocol text; the message says why and where. */
export class UnreadableTextError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UnreadableTextError';
    }
}

/** Decodes the bytes of a protocol file, or throws an `UnreadableTextError` naming the first bad byte. */
export function decodeProtocolText(bytes: Uint8Array): string {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        throw new UnreadableTextError(`is a binary file, not protocol text (NUL byte at ${place(bytes, nul)})`);
    }
    try {
        // `fatal` rejects malformed sequences instead of replacing them; a leading BOM is dropped.
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UnreadableTextError(`is not UTF-8 text (invalid byte at ${place(bytes, firstInvalidUtf8(bytes))})`);
    }
}

function place(bytes: Uint8Array, offset: number): string {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    return `line ${line}, byte ${offset - lineStart + 1}`;
}

/** The offset of the first byte that breaks UTF-8 (called only once decoding has failed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0) {
            return i;
        }
        for (let k = 1; k < length; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80) {
                return i;
            }
        }
        // Overlong forms, surrogates and code points above U+10FFFF.
        const c1 = bytes[i + 1];
        if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) {
            return i;
        }
        i += length;
    }
    return bytes.length;
}

/** A path that names a device, a named pipe, a socket or a folder: never read as a protocol. */
export class NotRegularFileError extends UnreadableTextError {
    constructor() {
        super('not a regular file');
        this.name = 'NotRegularFileError';
    }
}

/**
 * Opening never waits: a named pipe without a writer would block `open` itself, and a terminal must
 * not become the process's controlling terminal. (Both flags are 0 where the platform lacks them.)
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The bytes of a regular file. A path to anything else (`/dev/zero` reads forever, a pipe waits for
 * a writer) is refused before it is opened, and once more on the opened descriptor, in case the
 * path was swapped in between.
 */
export async function readRegularFile(file: string): Promise<Uint8Array> {
    if (!(await fs.promises.stat(file)).isFile()) throw new NotRegularFileError();
    const handle = await fs.promises.open(file, OPEN_FLAGS);
    try {
        if (!(await handle.stat()).isFile()) throw new NotRegularFileError();
        return await handle.readFile();
    } finally {
        await handle.close();
    }
}

/** `readRegularFile`, synchronously. */
export function readRegularFileSync(file: string): Uint8Array {
    if (!fs.statSync(file).isFile()) throw new NotRegularFileError();
    const descriptor = fs.openSync(file, OPEN_FLAGS);
    try {
        if (!fs.fstatSync(descriptor).isFile()) throw new NotRegularFileError();
        return fs.readFileSync(descriptor);
    } finally {
        fs.closeSync(descriptor);
    }
}

/** Node's file system, but only regular files are read, and text files are decoded strictly. */
export class ProtocolFileSystemProvider extends NodeFileSystemProvider {
    override async readBinary(uri: URI): Promise<Uint8Array> {
        return readRegularFile(uri.fsPath);
    }

    override readBinarySync(uri: URI): Uint8Array {
        return readRegularFileSync(uri.fsPath);
    }

    override async readFile(uri: URI): Promise<string> {
        return decodeProtocolText(await this.readBinary(uri));
    }

    override readFileSync(uri: URI): string {
        return decodeProtocolText(this.readBinarySync(uri));
    }
}

export const ProtocolFileSystem = {
    fileSystemProvider: () => new ProtocolFileSystemProvider()
};
