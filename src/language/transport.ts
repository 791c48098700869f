// Reading Language Server Protocol messages from a stream (stdio) so that no malformed frame can make the
// server deaf: a header without a usable Content-Length, a length that is too small or too large for the
// message that follows, or bytes that are not JSON are dropped, and reading starts again at the next header.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER = 'content-length:';
const HEADER_END = Buffer.from('\r\n\r\n');
/** A message larger than this is not one a client sends: the length is a lie. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export class ResilientMessageReader extends AbstractMessageReader {
    protected buffer: Buffer = Buffer.alloc(0);
    protected callback: DataCallback | undefined;

    constructor(protected readonly readable: NodeJS.ReadableStream) {
        super();
    }

    listen(callback: DataCallback): Disposable {
        this.callback = callback;
        const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        const onError = (error: Error) => this.fireError(error);
        const onClose = () => this.fireClose();
        this.readable.on('data', onData);
        this.readable.on('error', onError);
        this.readable.on('close', onClose);
        this.readable.on('end', onClose);
        return {
            dispose: () => {
                this.readable.off('data', onData);
                this.readable.off('error', onError);
                this.readable.off('close', onClose);
                this.readable.off('end', onClose);
            },
        };
    }

    protected onData(chunk: Buffer): void {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        for (let message = this.nextMessage(); message !== undefined; message = this.nextMessage()) {
            this.callback?.(message);
        }
    }

    /** The next complete message, dropping what cannot be one; undefined when more bytes are needed. */
    protected nextMessage(): Message | undefined {
        for (;;) {
            const start = indexOfHeader(this.buffer, 0);
            if (start < 0) {
                // Keep a tail that may be the start of a header split across chunks.
                this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - HEADER.length));
                return undefined;
            }
            if (start > 0) this.drop(start, 'bytes before a header');
            const end = this.buffer.indexOf(HEADER_END);
            if (end < 0) return undefined;
            const length = contentLength(this.buffer.subarray(0, end).toString('ascii'));
            const bodyStart = end + HEADER_END.length;
            if (length === undefined) {
                this.drop(bodyStart, 'a header without a valid Content-Length');
                continue;
            }
            if (this.buffer.length < bodyStart + length) {
                // Either more bytes are on their way, or the length is too large: then a whole message and
                // the next header are already here.
                const next = indexOfHeader(this.buffer, bodyStart);
                const message = next < 0 ? undefined : parse(this.buffer.subarray(bodyStart, next));
                if (message === undefined) return undefined;
                this.drop(next, 'a Content-Length larger than its message');
                return message;
            }
            const message = parse(this.buffer.subarray(bodyStart, bodyStart + length));
            if (message !== undefined) {
                this.buffer = this.buffer.subarray(bodyStart + length);
                return message;
            }
            // Too small, or not JSON: start again at the next header.
            const next = indexOfHeader(this.buffer, bodyStart);
            this.drop(next < 0 ? bodyStart + length : next, 'a message that is not JSON of its Content-Length');
        }
    }

    protected drop(bytes: number, what: string): void {
        this.buffer = this.buffer.subarray(bytes);
        this.fireError(new Error(`Dropped ${what}; reading on at the next message.`));
    }
}

/** The first `Content-Length:` header at or after `from`, whatever its case. */
function indexOfHeader(buffer: Buffer, from: number): number {
    for (let i = buffer.indexOf(':', from + HEADER.length - 1); i >= 0; i = buffer.indexOf(':', i + 1)) {
        const start = i - (HEADER.length - 1);
        if (start >= from && buffer.subarray(start, i + 1).toString('ascii').toLowerCase() === HEADER) return start;
    }
    return -1;
}

/** The Content-Length of a header block: a whole number no larger than any real message, else undefined. */
function contentLength(header: string): number | undefined {
    const line = header.split('\r\n').find(l => l.toLowerCase().startsWith(HEADER));
    const value = line?.slice(HEADER.length).trim();
    if (!value || !/^\d+$/.test(value)) return undefined;
    const length = Number(value);
    return length <= MAX_MESSAGE_BYTES ? length : undefined;
}

/** A JSON-RPC message, or undefined when the bytes are not one. */
function parse(bytes: Buffer): Message | undefined {
    try {
        const value: unknown = JSON.parse(bytes.toString('utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Message : undefined;
    } catch {
        return undefined;
    }
}
