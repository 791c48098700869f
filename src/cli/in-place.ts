// Rewriting a file in place, as `fmt` does: the same file gets the new text — the target of a
// symbolic link, the same inode (hard links stay linked), its mode and owner unchanged — and a
// read-only file is refused, not forced.
import * as fs from 'node:fs';
import { UsageError, describeFsError } from './inputs.js';

/** Opening never waits on a pipe and never takes a terminal; 0 where the platform lacks a flag. */
const OPEN_FLAGS = fs.constants.O_RDWR | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Replaces the content of `file`, which must still be `expected`, with `replacement`.
 *
 * Why in place, and not a temporary file renamed over it: a rename is atomic but creates another
 * file — it replaces a symbolic link by a regular file, splits hard links, and takes the writer's
 * owner and umask. In place keeps the file itself; what it gives up is atomicity, so the order of
 * the writes keeps what a crash can do small:
 * - the content is compared with what was formatted (through the same descriptor that writes), so
 *   an edit saved meanwhile is never overwritten;
 * - the file is never truncated first: the new text is written over the old from the start, and
 *   only then is the file cut to its new length. A crash in between leaves the whole new text
 *   (followed, when it is shorter, by the old text's tail), never an empty or half-empty file;
 * - an error while writing (a full disk) writes the old content back, which the caller still holds.
 */
export function rewriteInPlace(file: string, shownAs: string, expected: Uint8Array, replacement: Uint8Array): void {
    const fail = (why: string) => new UsageError(`${shownAs}: not formatted: ${why}`);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch (error) {
        throw fail(describeFsError(error));
    }
    // Root may write any file: the mode, not the permission check, says the file is not to be changed.
    if ((stat.mode & 0o222) === 0) throw fail('the file is read-only');
    let descriptor: number;
    try {
        descriptor = fs.openSync(file, OPEN_FLAGS);
    } catch (error) {
        throw fail(describeFsError(error));
    }
    try {
        const opened = fs.fstatSync(descriptor);
        if (!opened.isFile()) throw fail('not a regular file');
        if (!sameBytes(fs.readFileSync(descriptor), expected)) throw fail('it changed while it was being formatted; run fmt again');
        try {
            writeFrom(descriptor, replacement);
            fs.ftruncateSync(descriptor, replacement.length);
            fs.fsyncSync(descriptor);
        } catch (error) {
            try {
                writeFrom(descriptor, expected);
                fs.ftruncateSync(descriptor, expected.length);
            } catch {
                // The original could not be restored either; the message below says the file was not written.
            }
            throw fail(`cannot write (${describeFsError(error)})`);
        }
    } finally {
        fs.closeSync(descriptor);
    }
}

/** Writes all the bytes from the start of the file. */
function writeFrom(descriptor: number, bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) {
        written += fs.writeSync(descriptor, bytes, written, bytes.length - written, written);
    }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    return a.length === b.length && Buffer.compare(a, b) === 0;
}
