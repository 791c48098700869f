// The language server as an editor drives it: the bundled server over stdio, a protocol opened, then
// edits one after another, each timed from didChange until its diagnostics are published. The server
// publishes twice per edit: the parser's, linker's and structural checks' diagnostics first, then the
// complete set with the situation analysis' findings; both are timed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { phasesOf } from './profile.js';
import type { Workload } from './workload.js';

export interface EditLatency {
    readonly family: Workload['family'];
    readonly lines: number;
    readonly rules: number;
    readonly edits: number;
    /** From didOpen to the first diagnostics, in milliseconds. */
    readonly open: number;
    /** From an edit to its first diagnostics (all but the situation analysis' findings). */
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
    /** From an edit to its complete diagnostics, the situation analysis' findings included. */
    readonly complete: Percentiles;
    /** Langium alone parsing and linking the same text in process, for comparison (mean, milliseconds). */
    readonly parseLink?: number;
    /** Bursts of keystrokes 10 ms apart: from the last keystroke to the diagnostics of the final text. */
    readonly bursts: { readonly count: number; readonly keystrokes: number; readonly p50: number; readonly p95: number };
    /** The server's CPU per edit and phase, in milliseconds, from a profiled run of its own (see profile.ts). */
    readonly profile?: Readonly<Record<string, number>>;
}

export interface LatencyOptions {
    /** Profiles the server (a run of its own: the profiler slows it) and attributes its time during the edits to phases. */
    readonly profile?: boolean;
}

export interface Percentiles {
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
}

interface PublishDiagnosticsParams {
    readonly uri: string;
    readonly diagnostics: ReadonlyArray<{ readonly message: string }>;
}

export async function measureEditLatency(repo: string, work: Workload, edits: number, options: LatencyOptions = {}): Promise<EditLatency> {
    // DETENTE_BENCH_SERVER_FLAGS passes Node flags to the server, e.g. `--cpu-prof` to profile it.
    const flags = process.env.DETENTE_BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
    const profiles = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'detente-profile-')) : undefined;
    if (profiles) flags.push('--cpu-prof', `--cpu-prof-dir=${profiles}`);
    /** The edits' span on the monotonic clock the profiler uses, in microseconds. */
    const now = () => Number(process.hrtime.bigint() / 1000n);
    let span: [number, number] = [0, 0];
    let result: EditLatency;
    const server = spawn(process.execPath, [...flags, path.join(repo, 'out', 'language', 'main.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const reader = new StreamMessageReader(server.stdout);
    const connection = createMessageConnection(reader, new StreamMessageWriter(server.stdin));
    const uri = pathToFileURL(work.file).toString();
    let published: ((at: number, params: PublishDiagnosticsParams) => void) | undefined;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri) published?.(performance.now(), params);
    });
    connection.onRequest(() => null); // configuration, registrations: nothing to add
    connection.listen();
    const diagnostics = (accept: (params: PublishDiagnosticsParams) => boolean = () => true) => publications(1, accept).then(([at]) => at);
    /** The times of the next `count` publications that `accept` takes. */
    const publications = (count: number, accept: (params: PublishDiagnosticsParams) => boolean = () => true) => new Promise<number[]>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the server published no diagnostics for a minute')), 60_000);
        const times: number[] = [];
        published = (at, params) => {
            if (!accept(params)) return;
            times.push(at);
            if (times.length < count) return;
            clearTimeout(timeout);
            resolve(times);
        };
    });
    /** Resolves once no diagnostics have been published for `ms` milliseconds. */
    const quiet = (ms: number) => new Promise<void>(resolve => {
        let timer = setTimeout(done, ms);
        function done() {
            published = undefined;
            resolve();
        }
        published = () => {
            clearTimeout(timer);
            timer = setTimeout(done, ms);
        };
    });
    let version = 1;
    const change = (line: number, from: number, to: number, text: string) => connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }],
    });
    try {
        await within(connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(path.dirname(work.file)).toString(),
            capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
            workspaceFolders: [{ uri: pathToFileURL(path.dirname(work.file)).toString(), name: 'bench' }],
        }), 'initialize');
        await connection.sendNotification('initialized', {});

        const opened = performance.now();
        const first = diagnostics();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'detente', version: 1, text: work.text } });
        const open = (await first) - opened;
        // The opening builds (the workspace's, then the open document's) finish before the first edit.
        await quiet(1000);

        // Each edit retypes the number of one threshold, as a drafter tunes a value; the next puts it back.
        const lines = work.text.split('\n');
        const editable = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s+threshold .* (<|>) [0-9.]+/.test(line));
        const latencies: number[] = [];
        const completions: number[] = [];
        span = [now(), 0];
        for (let k = 0; k < edits; k++) {
            const { line, i } = editable[(Math.floor(k / 2) * 7919) % editable.length];
            const match = /(<|>) ([0-9.]+)/.exec(line)!;
            const start = match.index + 2;
            const replacement = k % 2 === 0 ? `${match[2]}1` : match[2];
            const current = k % 2 === 0 ? match[2] : `${match[2]}1`;
            const next = publications(2);
            const sent = performance.now();
            await change(i, start, start + current.length, replacement);
            const [first, complete] = await next;
            latencies.push(first - sent);
            completions.push(complete - sent);
        }
        span = [span[0], now()];

        // Typing: keystrokes 10 ms apart retype a threshold's value, then its unit; each burst ends on a
        // unit of its own that the server reports, so the diagnostics of the final text are recognised.
        // A build still running when the next keystroke arrives is abandoned.
        const burstLatencies: number[] = [];
        const keystrokes = 5;
        const withUnit = editable.filter(({ line }) => /(<|>) [0-9.]+ [a-z]+/.test(line));
        for (let b = 0; b < (profiles ? 0 : Math.max(3, Math.round(edits / 5))); b++) {
            const { line, i } = withUnit[(b * 104729 + 17) % withUnit.length];
            const match = /(<|>) ([0-9.]+)( [a-z%]+)?/.exec(line)!;
            const start = match.index + 2;
            let length = match[0].length - 2;
            const unit = `zz${b}`;
            const texts = ['1', '12', '123', '1234', `1234 ${unit}`];
            let sent = 0;
            const final = diagnostics(params => params.diagnostics.some(d => d.message.includes(`'${unit}'`)));
            for (const text of texts) {
                sent = performance.now();
                await change(i, start, start + length, text);
                length = text.length;
                await new Promise(resolve => setTimeout(resolve, 10));
            }
            burstLatencies.push((await final) - sent);
            // Back to the original text before the next burst.
            const restored = diagnostics(params => !params.diagnostics.some(d => d.message.includes(`'${unit}'`)));
            await change(i, start, start + length, match[0].slice(2));
            await restored;
        }

        const stats = (values: number[]) => {
            const sorted = [...values].sort((a, b) => a - b);
            const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
            return { p50: percentile(0.5), p95: percentile(0.95), max: sorted.at(-1)! };
        };
        const typing = burstLatencies.length > 0 ? stats(burstLatencies) : { p50: NaN, p95: NaN };
        result = {
            family: work.family, lines: work.lines, rules: work.options.rules, edits, open, ...stats(latencies), complete: stats(completions),
            bursts: { count: burstLatencies.length, keystrokes, p50: typing.p50, p95: typing.p95 },
        };
    } finally {
        const exited = new Promise(resolve => server.once('exit', resolve));
        // A server that is gone answers nothing: the benchmark does not wait for it.
        await within(connection.sendRequest('shutdown'), 'shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
        connection.dispose();
        server.kill();
        // A server that exits while writing leaves part of a message behind; the reader would wait for the
        // rest, re-arming a timer every 10 s for ever (its dispose does not stop it), and the benchmark would never end.
        reader.partialMessageTimeout = 0;
    }
    if (!profiles) return result;
    // The server writes its profile as it exits.
    const [file] = fs.readdirSync(profiles).filter(name => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the profiled server wrote no profile');
    const profile = phasesOf(path.join(profiles, file), span[0], span[1], edits);
    fs.rmSync(profiles, { recursive: true, force: true });
    return { ...result, profile };
}

/** The edit latency, with the server's time per edit and phase from a second, profiled run. */
export async function measureEditLatencyProfiled(repo: string, work: Workload, edits: number, profiledEdits: number): Promise<EditLatency> {
    const latency = await measureEditLatency(repo, work, edits);
    const profiled = await measureEditLatency(repo, work, profiledEdits, { profile: true });
    return { ...latency, profile: profiled.profile };
}

/** A request's answer, or an error once a minute has passed without one (a hang detector, not a measurement). */
function within<T>(answer: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`the server did not answer '${what}' within a minute`)), 60_000); });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
