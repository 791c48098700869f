// `detente replay FILE LOG`: an incident log replayed through a protocol (docs/replay.md). Exit 0 when every
// obligation due was done on time, 1 when one was late or missing, 2 for bad input: a protocol with
// errors, or a log record that does not fit (each named with its file and line; nothing is guessed).
import * as path from 'node:path';
import { isStructuralError } from '../../language/compilations.js';
import { readRegularFile } from '../../language/workspace/protocol-text.js';
import { replayHtml } from '../../render/replay-html.js';
import { replayJson } from '../../render/replay-json.js';
import { replayText } from '../../render/replay-text.js';
import { printable } from '../../render/printable.js';
import { LogError, logFormat, readLog } from '../../replay/log.js';
import { compliant, replay, type Replay } from '../../replay/replay.js';
import { collectDiagnostics, formatText } from '../findings.js';
import { UsageError, describeFsError, stderrLine } from '../inputs.js';
import { writeOutputs } from '../output.js';
import { chooseProtocol, displayPath, loadProject } from '../project.js';

export type ReplayFormat = 'text' | 'json' | 'html';

export interface ReplayOptions {
    readonly protocol?: string;
    readonly format: ReplayFormat;
    readonly out?: string;
    readonly root?: string;
}

/** At most this many bad records are listed; the count of the rest follows. */
const SHOWN_PROBLEMS = 20;

export async function replayCommand(file: string, log: string, options: ReplayOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject([file], options.root);
    const document = project.inputs[0];
    const diagnostics = collectDiagnostics(project).filter(isStructuralError);
    if (diagnostics.length > 0) {
        err.write(formatText(diagnostics, project.documents.length));
        err.write(stderrLine(`${file} has errors; fix them before replaying a log through it`));
        return 2;
    }
    const protocol = chooseProtocol(project.services.model.ProtocolModels.forDocument(document), options.protocol, file);
    const text = await readLogText(log);
    const shown = displayPath(path.resolve(log));
    let result: Replay;
    try {
        result = replay(protocol, readLog(text, logFormat(log, text)));
    } catch (error) {
        if (!(error instanceof LogError)) throw error;
        for (const problem of error.problems.slice(0, SHOWN_PROBLEMS)) err.write(stderrLine(`${shown}:${problem.line}: ${problem.message}`));
        if (error.problems.length > SHOWN_PROBLEMS) err.write(stderrLine(`${shown}: ${error.problems.length - SHOWN_PROBLEMS} more bad records`));
        return 2;
    }
    const rendered = options.format === 'json' ? JSON.stringify(replayJson(result, shown), null, 2) + '\n'
        : options.format === 'html' ? replayHtml(result, shown)
            : replayText(result, shown);
    if (options.out === undefined) {
        out.write(rendered);
    } else {
        await writeOutputs([{ file: options.out, content: rendered }], [...project.documents.map(d => d.uri.fsPath), path.resolve(log)]);
        out.write(`wrote ${printable(displayPath(path.resolve(options.out)))}\n`);
    }
    return compliant(result) ? 0 : 1;
}

/** The log's text: a regular file of UTF-8 text. */
async function readLogText(log: string): Promise<string> {
    let bytes: Uint8Array;
    try {
        bytes = await readRegularFile(path.resolve(log));
    } catch (error) {
        const message = error instanceof Error && error.name === 'NotRegularFileError' ? error.message : describeFsError(error);
        throw new UsageError(`${log}: ${message}`);
    }
    if (bytes.includes(0)) throw new UsageError(`${log}: is a binary file, not an incident log`);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UsageError(`${log}: is not UTF-8 text`);
    }
}
