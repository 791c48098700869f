// The command line as users run it: wall-clock time and peak memory of `detente check` and `compile`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProcessRun {
    readonly milliseconds: number;
    /** Peak resident memory of the process, in MiB. */
    readonly peakMiB: number;
    readonly exitCode: number;
}

/** Runs `bin/detente.js` on the project's Node, as users run it, reporting its peak memory as it exits. */
export function runCli(repo: string, args: readonly string[], scratch: string): ProcessRun {
    return runCliWithOutput(repo, args, scratch).run;
}

/** The same, with what the command wrote to its standard output. */
export function runCliWithOutput(repo: string, args: readonly string[], scratch: string): { run: ProcessRun; output: string } {
    const report = path.join(scratch, 'peak-memory.cjs');
    const peakFile = path.join(scratch, 'peak.txt');
    fs.writeFileSync(report, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--require', report, path.join(repo, 'bin', 'detente.js'), ...args], {
        cwd: scratch, encoding: 'utf8', maxBuffer: 1 << 28,
    });
    const milliseconds = performance.now() - started;
    if (run.status === null || run.status > 1) {
        throw new Error(`detente ${args.join(' ')} failed (${run.status ?? run.signal}):\n${run.stderr.slice(0, 2000)}`);
    }
    return { run: { milliseconds, peakMiB: Number(fs.readFileSync(peakFile, 'utf8')) / 1024, exitCode: run.status }, output: run.stdout };
}
