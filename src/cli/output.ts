// Writing outputs safely: each file appears whole or not at all, and no input is ever overwritten.
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

/**
 * Writes every output to a temporary file in its folder, and only when all are written renames
 * them into place, so a reader never sees a partial file and a failure leaves none behind. Refuses
 * before writing anything when two outputs share a path or an output would replace an input.
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
    const written: Array<{ temporary: string; file: string }> = [];
    try {
        for (const output of outputs) {
            written.push({ temporary: writeTemporary(output.file, output.content), file: output.file });
        }
        for (const { temporary, file } of written) {
            try {
                fs.renameSync(temporary, file);
            } catch (error) {
                throw new UsageError(`${file}: cannot write (${describeFsError(error)})`);
            }
        }
    } finally {
        for (const { temporary } of written) fs.rmSync(temporary, { force: true });
    }
}

/** Writes a temporary file beside `file`; on failure removes it and says why. */
function writeTemporary(file: string, content: string | ChunkWriter): string {
    const folder = path.dirname(path.resolve(file));
    try {
        fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
        throw new UsageError(`${folder}: cannot create the output folder (${describeFsError(error)})`);
    }
    const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    let descriptor: number | undefined;
    try {
        descriptor = fs.openSync(temporary, 'wx');
        const fd = descriptor;
        let pending: string[] = [];
        let size = 0;
        const flush = () => {
            fs.writeSync(fd, pending.join(''));
            pending = [];
            size = 0;
        };
        const write: ChunkWriter = typeof content === 'string' ? out => out(content) : content;
        write(chunk => {
            pending.push(chunk);
            size += chunk.length;
            if (size >= BUFFER_SIZE) flush();
        });
        flush();
        fs.closeSync(fd);
        descriptor = undefined;
        return temporary;
    } catch (error) {
        if (descriptor !== undefined) fs.closeSync(descriptor);
        fs.rmSync(temporary, { force: true });
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
