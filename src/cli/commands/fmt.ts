// `detente fmt [--check]`: formats protocol files in place; `--check` only reports the files that would change.
import { DetenteFormatter } from '../../language/lsp/formatter.js';
import { createDetenteServices } from '../../language/detente-module.js';
import { MAX_TEXT_LENGTH } from '../../language/parser/guarded-parser.js';
import { ProtocolFileSystem } from '../../language/workspace/protocol-text.js';
import { printable } from '../../render/printable.js';
import { UsageError, findProtocolFiles, readProtocolFile, stderrLine } from '../inputs.js';
import { writeAtomically } from '../output.js';
import { displayPath } from '../project.js';

export interface FmtOptions {
    readonly check?: boolean;
}

/**
 * Returns the exit code: 2 when a file could not be read (the others are still formatted), else 1
 * when a file could not be formatted or, with `--check`, would change.
 */
export async function fmtCommand(paths: readonly string[], options: FmtOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const files = await findProtocolFiles(paths);
    const formatter = new DetenteFormatter(createDetenteServices(ProtocolFileSystem).detente);
    let bad = 0;
    let changed = 0;
    let unformattable = 0;
    for (const file of files) {
        let text: string;
        try {
            text = (await readProtocolFile(file, displayPath(file))).text;
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            err.write(stderrLine(error.message));
            bad++;
            continue;
        }
        const formatted = formatter.format(text);
        if (formatted === undefined) {
            const why = text.length > MAX_TEXT_LENGTH ? 'it is longer than the protocol files Détente reads' : 'it contains characters the language does not use';
            err.write(stderrLine(`${displayPath(file)}: not formatted: ${why} (see detente check)`));
            unformattable++;
            continue;
        }
        if (formatted === text) continue;
        changed++;
        if (options.check) {
            out.write(`${printable(displayPath(file))} would be reformatted\n`);
        } else {
            await writeAtomically(file, formatted);
            out.write(`formatted ${printable(displayPath(file))}\n`);
        }
    }
    if (options.check && changed === 0 && unformattable === 0 && bad === 0) {
        out.write(`${files.length} file${files.length === 1 ? '' : 's'} already formatted\n`);
    }
    if (bad > 0) return 2;
    return unformattable > 0 || (options.check && changed > 0) ? 1 : 0;
}
