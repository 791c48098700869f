// Reading protocol files strictly: text must be UTF-8 and not binary, so nothing is silently garbled.
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

/** Node's file system, but text files are decoded strictly. */
export class ProtocolFileSystemProvider extends NodeFileSystemProvider {
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
