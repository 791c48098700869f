// Writing outputs safely: each file appears whole or not at all, and no input is ever overwritten.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChunkWriter } from '../render/outputs.js';
import { UsageError, describeFsError } from './inputs.js';

export interface Output {
    readonly file: string;
    /** The text, whole or written in chunks as the file is written. */
    readonly content: string | ChunkWriter;
}

/** Chunks are gathered up to this size before they are written. */
const BUFFER_SIZE = 1 << 20;
/** The buffer of the file being written (one at a time), made once. */
let writeBuffer: Buffer | undefined;

/** Signals that end a run (Ctrl-C, `kill`, a CI job cancelled): its temporary files go with it. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A temporary file of another run is left alone while it may still be written (by a run on another machine). */
const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Writes every output to a temporary file in its folder, and only when all are written renames
 * them into place, so a reader never sees a partial file and a failure leaves none behind. Refuses
 * before writing anything when two outputs share a path or an output would replace an input.
 *
 * The temporary files are removed on failure and when the run is interrupted; a run killed outright
 * (SIGKILL, a crash, power loss) leaves them, and the next run writing the same outputs removes them.
 */
export async function writeOutputs(outputs: readonly Output[], inputs: readonly string[]): Promise<void> {
    const seen = new Set<string>();
    const protectedFiles = new Set(inputs.map(realOrSelf));
    for (const output of outputs) {
        const target = path.resolve(output.file);
        if (seen.has(target)) {
            throw new UsageError(`${output.file}: two protocols of the same name would write this file; compile them into different --out folders`);
        }
        seen.add(target);
        if (protectedFiles.has(realOrSelf(target))) {
            throw new UsageError(`${output.file}: is an input; refusing to overwrite it`);
        }
    }
    removeStaleTemporaries(outputs.map(output => output.file));
    const written: Array<{ temporary: string; file: string }> = [];
    const pending = new Set<string>();
    // Node acts on a signal only between two turns of its event loop, and the writing below runs in
    // one turn: a signal received meanwhile is handled once the files are renamed or removed, and
    // ends the run as the signal would have.
    const interrupted = (signal: NodeJS.Signals) => {
        for (const temporary of pending) fs.rmSync(temporary, { force: true });
        ENDING_SIGNALS.forEach(s => process.off(s, interrupted));
        process.kill(process.pid, signal);
    };
    ENDING_SIGNALS.forEach(signal => process.on(signal, interrupted));
    try {
        for (const output of outputs) {
            const temporary = writeTemporary(output.file, output.content, pending);
            written.push({ temporary, file: output.file });
        }
        for (const { temporary, file } of written) {
            try {
                fs.renameSync(temporary, file);
                pending.delete(temporary);
            } catch (error) {
                throw new UsageError(`${file}: cannot write (${describeFsError(error)})`);
            }
        }
    } finally {
        for (const temporary of pending) fs.rmSync(temporary, { force: true });
        pending.clear();
        // One turn of the event loop, for a signal that came during the writing to be handled.
        await new Promise(resolve => setImmediate(resolve));
        ENDING_SIGNALS.forEach(signal => process.off(signal, interrupted));
    }
}

/**
 * The temporary file of an output: hidden, beside it, named after it, and after this process, so
 * that a later run can tell its own stale temporaries from the files of other programs.
 */
function temporaryName(file: string): string {
    const resolved = path.resolve(file);
    const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
    return path.join(path.dirname(resolved), `.${path.basename(resolved)}.detente-${unique}.tmp`);
}

/** `.NAME.detente-PID-HEX.tmp`: the output's name, and the process that wrote it. */
const TEMPORARY = /^\.(.+)\.detente-(\d+)-[0-9a-f]+\.tmp$/;

/**
 * Removes the temporary files that killed runs left beside these outputs: those of a process that
 * no longer runs here, untouched for a while. Files of any other name are never touched.
 */
function removeStaleTemporaries(files: readonly string[]): void {
    const byFolder = new Map<string, Set<string>>();
    for (const file of files.map(f => path.resolve(f))) {
        const names = byFolder.get(path.dirname(file)) ?? new Set<string>();
        names.add(path.basename(file));
        byFolder.set(path.dirname(file), names);
    }
    for (const [folder, names] of byFolder) {
        let entries: string[];
        try {
            entries = fs.readdirSync(folder);
        } catch {
            continue; // a folder yet to be created holds nothing stale
        }
        for (const entry of entries) {
            const match = TEMPORARY.exec(entry);
            if (!match || !names.has(match[1]) || isRunning(Number(match[2]))) continue;
            const temporary = path.join(folder, entry);
            try {
                const stat = fs.lstatSync(temporary);
                if (stat.isFile() && Date.now() - stat.mtimeMs > STALE_AFTER_MS) fs.rmSync(temporary, { force: true });
            } catch {
                // Gone already, or not ours to remove: either way nothing to do.
            }
        }
    }
}

function isRunning(pid: number): boolean {
    if (pid === process.pid) return true;
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: it runs, as another user.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** Writes a temporary file beside `file`, recorded in `temporaries` from its creation; on failure removes it and says why. */
function writeTemporary(file: string, content: string | ChunkWriter, temporaries: Set<string>): string {
    const folder = path.dirname(path.resolve(file));
    try {
        fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
        throw new UsageError(`${folder}: cannot create the output folder (${describeFsError(error)})`);
    }
    const temporary = temporaryName(file);
    let descriptor: number | undefined;
    try {
        descriptor = fs.openSync(temporary, 'wx');
        temporaries.add(temporary);
        const fd = descriptor;
        // Chunks are encoded into one buffer, written when full: no joined string, no garbage per chunk.
        const buffer = writeBuffer ??= Buffer.allocUnsafe(BUFFER_SIZE);
        let used = 0;
        const flush = () => {
            for (let at = 0; at < used;) at += fs.writeSync(fd, buffer, at, used - at);
            used = 0;
        };
        const write: ChunkWriter = typeof content === 'string' ? out => out(content) : content;
        write(chunk => {
            // A UTF-16 unit takes at most three bytes in UTF-8.
            if (used + 3 * chunk.length > BUFFER_SIZE) flush();
            if (3 * chunk.length > BUFFER_SIZE) fs.writeSync(fd, chunk);
            else used += buffer.write(chunk, used);
        });
        flush();
        fs.closeSync(fd);
        descriptor = undefined;
        return temporary;
    } catch (error) {
        if (descriptor !== undefined) fs.closeSync(descriptor);
        fs.rmSync(temporary, { force: true });
        temporaries.delete(temporary);
        if (error instanceof UsageError || !isFsError(error)) throw error;
        throw new UsageError(`${file}: cannot write (${describeFsError(error)})`);
    }
}

function isFsError(error: unknown): boolean {
    return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function realOrSelf(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file);
    }
}
