// `detente fmt [--check]`: formats protocol files in place; `--check` only reports the files that would change.
import { createDetenteServices } from '../../language/detente-module.js';
import { formatText } from '../../language/format/format-text.js';
import { type GuardedLexer, MAX_TEXT_LENGTH } from '../../language/parser/guarded-parser.js';
import { ProtocolFileSystem } from '../../language/workspace/protocol-text.js';
import { printable } from '../../render/printable.js';
import { rewriteInPlace } from '../in-place.js';
import { UsageError, findProtocolFiles, readProtocolFile, stderrLine } from '../inputs.js';
import { displayPath } from '../project.js';
import { conventionsOf, encodeText, withLineEndings } from '../text-conventions.js';

export interface FmtOptions {
    readonly check?: boolean;
}

/**
 * Returns the exit code: 2 when a file could not be read or written (the others are still
 * formatted), else 1 when a file could not be formatted or, with `--check`, would change.
 */
export async function fmtCommand(paths: readonly string[], options: FmtOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const files = await findProtocolFiles(paths);
    const lexer = createDetenteServices(ProtocolFileSystem).detente.parser.Lexer as GuardedLexer;
    let bad = 0;
    let changed = 0;
    let unformattable = 0;
    // One file at a time, each read just before it is formatted: a link to a file formatted a moment
    // ago (a symbolic or a hard link) is then read formatted, not overwritten with an older text.
    for (const file of files) {
        const shown = displayPath(file);
        let source;
        try {
            source = await readProtocolFile(file, shown);
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            err.write(stderrLine(error.message));
            bad++;
            continue;
        }
        const { text, byteOrderMark } = source;
        const laidOut = formatText(text, lexer);
        if (laidOut === undefined) {
            const why = text.length > MAX_TEXT_LENGTH ? 'it is longer than the protocol files Détente reads' : 'it contains characters the language does not use';
            err.write(stderrLine(`${shown}: not formatted: ${why} (see detente check)`));
            unformattable++;
            continue;
        }
        // The layout changes; the file's byte-order mark and line endings do not.
        const conventions = conventionsOf(text, byteOrderMark);
        const formatted = withLineEndings(laidOut, conventions);
        if (formatted === text) continue;
        changed++;
        if (options.check) {
            out.write(`${printable(shown)} would be reformatted\n`);
            continue;
        }
        try {
            rewriteInPlace(file, shown, encodeText(text, conventions), encodeText(formatted, conventions));
        } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            err.write(stderrLine(error.message));
            bad++;
            continue;
        }
        out.write(`formatted ${printable(shown)}\n`);
    }
    if (options.check && changed === 0 && unformattable === 0 && bad === 0) {
        out.write(`${files.length} file${files.length === 1 ? '' : 's'} already formatted\n`);
    }
    if (bad > 0) return 2;
    return unformattable > 0 || (options.check && changed > 0) ? 1 : 0;
}
