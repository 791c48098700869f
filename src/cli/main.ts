// The `detente` command line: commands over the same core as the language server.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { check } from './commands/check.js';
import { diffCommand, diffSupersededCommand } from './commands/diff.js';
import { fmtCommand } from './commands/fmt.js';
import { FORMATS, type Format, compileCommand } from './commands/compile.js';
import { OUTPUT_LANGUAGES } from '../render/i18n/phrasebook.js';
import { EDITIONS } from '../render/publication.js';
import { explainCommand } from './commands/explain.js';
import { type ReplayFormat, replayCommand } from './commands/replay.js';
import { testCommand } from './commands/test.js';
import { printable, printableLines } from '../render/printable.js';
import { UsageError, stderrLine } from './inputs.js';

import { VERSION } from './version.js';

/** Runs the command line and resolves to its exit code: 0 success, 1 findings, 2 bad usage or input. */
export async function run(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
    let exitCode = 0;
    const program = new Command('detente')
        .description('Check and compile escalation protocols.')
        .version(VERSION, '-v, --version')
        .exitOverride()
        .configureOutput({
            writeOut: text => out.write(text),
            // Its messages quote the arguments given, which may hold control characters.
            writeErr: text => err.write(printableLines(text)),
        })
        .showHelpAfterError('(run detente --help for usage)');

    program.command('check')
        .description('validate protocols and report findings')
        .argument('<paths...>', '.detente files or folders to search')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
        .option('--show-accepted', 'list accepted findings (accept CODE "…"), apart, with their justification')
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (paths: string[], options: { format: 'text' | 'json' | 'sarif'; maxWarnings?: number; root?: string }) => {
            exitCode = await check(paths, options, out, err);
        });

    program.command('compile')
        .description('write decision tables and reports for each protocol')
        .argument('<paths...>', '.detente files or folders to search')
        .requiredOption('--to <formats...>', `output formats, several allowed: ${FORMATS.join(', ')}`, collectFormats)
        .option('--out <dir>', 'folder to write into (default: next to each file)')
        .addOption(new Option('--lang <code>', 'language of labels and wording (default: each protocol\'s first language)').choices([...OUTPUT_LANGUAGES]))
        .addOption(new Option('--edition <edition>', 'public leaves out confidential elements; full keeps and marks them').choices([...EDITIONS]).default('full'))
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (paths: string[], options: { to: Format[]; out?: string; root?: string }) => {
            exitCode = await compileCommand(paths, options, out, err);
        });

    program.command('diff')
        .description('the situations whose level or response changed between two versions, and every element of the text that changed')
        .argument('<old>', 'the earlier version (.detente file); alone, the later version, compared with the protocol it supersedes')
        .argument('[new]', 'the later version (.detente file)')
        .option('--protocol <name>', 'the protocol to compare, when the files declare several')
        .addOption(new Option('--format <format>', 'output format (md: a negotiation memo)').choices(['text', 'json', 'md']).default('text'))
        .option('--exit-code', 'exit 1 when anything changed')
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (oldFile: string, newFile: string | undefined, options: { protocol?: string; format: 'text' | 'json' | 'md'; exitCode?: boolean; root?: string }) => {
            exitCode = newFile === undefined ? await diffSupersededCommand(oldFile, options, out, err) : await diffCommand(oldFile, newFile, options, out, err);
        });

    program.command('fmt')
        .description('format protocol files in place')
        .argument('<paths...>', '.detente files or folders to search')
        .option('--check', 'change nothing; exit 1 if any file would be reformatted')
        .action(async (paths: string[], options: { check?: boolean }) => {
            exitCode = await fmtCommand(paths, options, out, err);
        });

    program.command('test')
        .description('run every scenario; the last line is "N passed, N failed"')
        .argument('<paths...>', '.detente files or folders to search')
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (paths: string[], options: { root?: string }) => {
            exitCode = await testCommand(paths, options, out, err);
        });

    program.command('explain')
        .description('the level of a situation, the rules that hold and the steps due')
        .argument('<file>', 'the .detente file of the protocol')
        .option('--given <assignments...>', 'indicator values, e.g. separation=1.5nm radarLock=true (unspecified indicators range over all values)', collect, [])
        .option('--protocol <name>', 'the protocol to explain, when the file declares several')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (file: string, options: { given: string[]; protocol?: string; format: 'text' | 'json'; root?: string }) => {
            exitCode = await explainCommand(file, options, out, err);
        });

    program.command('replay')
        .description('replay an incident log through a protocol: the level over time, the obligations due, and whether each was done in time')
        .argument('<file>', 'the .detente file of the protocol')
        .argument('<log>', 'the incident log: CSV (time,kind,subject,value,party) or JSON Lines')
        .option('--protocol <name>', 'the protocol to replay, when the file declares several')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
        .option('--out <file>', 'write the report to this file instead of standard output')
        .option('--root <dir>', 'project root that imports must stay inside (default: the current directory)')
        .action(async (file: string, log: string, options: { protocol?: string; format: ReplayFormat; out?: string; root?: string }) => {
            exitCode = await replayCommand(file, log, options, out, err);
        });

    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here with code 0; usage errors were already printed.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof UsageError) {
            err.write(stderrLine(error.message));
            return 2;
        }
        // A bug, not the user's fault: one line, and the stack only when asked for.
        const detail = process.env.DETENTE_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
        err.write(`detente: internal error: ${printable(error instanceof Error ? error.message : String(error))}${printableLines(detail)}\n`);
        return 2;
    }
}

/** `--to md html`, `--to md,html` and `--to md --to html` all work; each format once. */
function collectFormats(value: string, previous: Format[] = []): Format[] {
    const formats = value.split(',').map(f => f.trim()).filter(Boolean);
    for (const format of formats) {
        if (!(FORMATS as readonly string[]).includes(format)) {
            throw new InvalidArgumentError(`'${format}' is not a format; choose from ${FORMATS.join(', ')}`);
        }
    }
    return [...new Set([...previous, ...formats as Format[]])];
}

/** Lets `--given` repeat and take several values at once. */
function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number of warnings');
    }
    return Number(value);
}
