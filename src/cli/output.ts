// Writing outputs safely: each file appears whole or not at all, and no input is ever overwritten.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError, describeFsError } from './inputs.js';

export interface Output {
    readonly file: string;
    readonly content: string;
}

/**
 * Writes every output through a temporary file in the same folder and a rename, so a reader never
 * sees a partial file and a failure leaves none behind. Refuses before writing anything when two
 * outputs share a path or an output would replace an input.
 */
export async function writeOutputs(outputs: readonly Output[], inputs: readonly string[]): Promise<void> {
    const seen = new Set<string>();
    const protectedFiles = new Set(await Promise.all(inputs.map(realOrSelf)));
    for (const output of outputs) {
        const target = path.resolve(output.file);
        if (seen.has(target)) {
            throw new UsageError(`${output.file}: two protocols of the same name would write this file; compile them into different --out folders`);
        }
        seen.add(target);
        if (protectedFiles.has(await realOrSelf(target))) {
            throw new UsageError(`${output.file}: is an input; refusing to overwrite it`);
        }
    }
    for (const output of outputs) {
        await writeAtomically(output.file, output.content);
    }
}

export async function writeAtomically(file: string, content: string): Promise<void> {
    const folder = path.dirname(path.resolve(file));
    try {
        await fs.mkdir(folder, { recursive: true });
    } catch (error) {
        throw new UsageError(`${folder}: cannot create the output folder (${describeFsError(error)})`);
    }
    const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
        await fs.rename(temporary, file);
    } catch (error) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw new UsageError(`${file}: cannot write (${describeFsError(error)})`);
    }
}

async function realOrSelf(file: string): Promise<string> {
    try {
        return await fs.realpath(file);
    } catch {
        return path.resolve(file);
    }
}
