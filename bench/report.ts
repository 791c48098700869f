// The benchmark's results: JSON for tools, and a Markdown table for people, with the targets.
import type { ProcessRun } from './processes.js';
import type { EditLatency } from './lsp.js';
import type { PhaseTimings } from './phases.js';
import type { Z3Comparison } from './z3-baseline.js';
import { type FamilyResults, familyMarkdown } from './report-families.js';

export interface ScaleResult {
    readonly rules: number;
    readonly indicators: number;
    readonly lines: number;
    readonly phases: PhaseTimings;
    readonly cliCheck: ProcessRun;
    readonly cliCompile?: ProcessRun;
}

export interface Results extends FamilyResults {
    readonly machine: Record<string, string | number>;
    readonly scales: readonly ScaleResult[];
    readonly indicatorSweep: readonly ScaleResult[];
    /** Fitted growth exponent per phase between the two largest scales (n log n from 1,000 to 10,000 is 1.125). */
    readonly growth: Readonly<Record<string, number>>;
    /** Edit to diagnostics in the language server, per family and size. */
    readonly lsp: readonly EditLatency[];
    /** The language server's figures of an earlier run to compare with (`--baseline`): its machine line and its latencies. */
    readonly baseline?: { readonly machine: Record<string, string | number>; readonly lsp: readonly Baseline[] };
    readonly z3: readonly Z3Comparison[];
    readonly targets: readonly Target[];
}

/** An earlier run's latency: without `complete`, its server published once per edit, the complete set. */
export type Baseline = Omit<EditLatency, 'complete'> & { readonly complete?: EditLatency['complete'] };

export interface Target {
    readonly target: string;
    readonly measured: string;
    readonly met: boolean | undefined;
}

/** The editor's latency goals: p95 of an edit to its first diagnostics, per family at its size. */
const latencyTargets: ReadonlyArray<{ family: EditLatency['family']; goal: number; fits: (lines: number) => boolean }> = [
    { family: 'realistic', goal: 150, fits: lines => lines >= 2000 && lines < 2400 },
    { family: 'unstructured', goal: 50, fits: lines => lines >= 300 && lines < 360 },
];

/** The exponent k of t ∝ n^k between two scales. */
export function exponent(n1: number, t1: number, n2: number, t2: number): number {
    return Math.log(t2 / t1) / Math.log(n2 / n1);
}

export function targets(results: Omit<Results, 'targets'>): Target[] {
    const at = (rules: number) => results.scales.find(s => s.rules === rules && s.indicators === 20);
    const list: Target[] = [];
    const thousand = at(1000);
    list.push({
        target: '`detente check`, 1,000 rules and 20 indicators: ≤ 1 s',
        measured: thousand ? ms(thousand.cliCheck.milliseconds) : 'not run',
        met: thousand && thousand.cliCheck.milliseconds <= 1000,
    });
    const tenThousand = at(10000);
    list.push({
        target: '`detente check`, 10,000 rules: ≤ 10 s and ≤ 1 GB',
        measured: tenThousand ? `${ms(tenThousand.cliCheck.milliseconds)}, ${mib(tenThousand.cliCheck.peakMiB)}` : 'not run',
        met: tenThousand && tenThousand.cliCheck.milliseconds <= 10_000 && tenThousand.cliCheck.peakMiB <= 1024,
    });
    const compile = tenThousand?.cliCompile;
    list.push({
        target: '`detente compile --to json,dmn`, 10,000 rules: ≤ 10 s and ≤ 500 MiB',
        measured: compile ? `${ms(compile.milliseconds)}, ${mib(compile.peakMiB)}` : 'not run',
        met: compile && compile.milliseconds <= 10_000 && compile.peakMiB <= 500,
    });
    const ratios = results.scales.map(s => s.phases.analysis.mean / s.phases.parseLink.mean);
    list.push({
        target: 'analysis ≤ parse+link at every scale',
        measured: ratios.length === 0 ? 'not run' : `analysis / parse+link: ${results.scales.map((s, i) => `${s.rules}: ${ratios[i].toFixed(2)}`).join(', ')}`,
        met: ratios.length > 0 ? ratios.every(r => r <= 1) : undefined,
    });
    const editTarget = (family: EditLatency['family'], lines: number, goal: number) => {
        const lsp = results.lsp.find(l => l.family === family && latencyTargets.some(t => t.family === family && t.goal === goal && t.fits(l.lines)));
        list.push({
            target: `edit to diagnostics, ${lines.toLocaleString('en')}-line ${family} protocol: p95 ≤ ${goal} ms`,
            measured: lsp ? `p95 ${ms(lsp.p95)} (${lsp.lines} lines; with the analysis' findings p95 ${ms(lsp.complete.p95)}${lsp.parseLink ? `; parse+link alone ${ms(lsp.parseLink)}` : ''})` : 'not run',
            met: lsp && lsp.p95 <= goal,
        });
    };
    editTarget('realistic', 2000, 150);
    editTarget('unstructured', 300, 50);
    const growth = thousand && tenThousand
        ? exponent(1000, thousand.phases.check.mean, 10000, tenThousand.phases.check.mean)
        : undefined;
    list.push({
        target: 'growth 1,000 → 10,000 rules at most ~n log n (exponent ≤ 1.15)',
        measured: growth === undefined ? 'not run' : `check: n^${growth.toFixed(2)}`,
        met: growth === undefined ? undefined : growth <= 1.15,
    });
    const finished = results.z3.filter(c => c.z3 !== undefined);
    const largest = results.z3.at(-1);
    list.push({
        target: '≥ 20× faster than the Z3 encoding, identical findings',
        measured: largest ? results.z3.map(c => `${c.rules} rules: ${c.z3 === undefined ? '> ' : ''}${c.ratio.toFixed(0)}×`).join(', ') +
            (finished.every(c => c.identical) ? ', identical' : ', DIFFERENT findings') : 'not run',
        met: largest ? finished.every(c => c.identical) && results.z3.every(c => c.ratio >= 20) : undefined,
    });
    return list;
}

/** The phases of an edit in the profile table, in the order they run. */
const PROFILE_PHASES = ['lexing', 'parsing', 'linking and scopes', 'structural checks', 'publishing', 'protocol model', 'situation analysis', 'garbage collection'];

export function markdown(results: Results): string {
    const lines: string[] = [];
    const out = (line = '') => lines.push(line);
    out('# Détente benchmark');
    out();
    out(Object.entries(results.machine).map(([key, value]) => `${key}: ${value}`).join(' · '));
    out();
    out('## Targets');
    out();
    table(out, ['target', 'measured', 'met'], results.targets.map(t => [t.target, t.measured, t.met === undefined ? '—' : t.met ? 'yes' : '**no**']));
    out();
    out('## By scale (20 indicators)');
    out();
    out('Times are means in milliseconds (± relative margin of error) over several runs in one process; ' +
        '`detente check` is one run of the command line, start-up included, with its peak resident memory.');
    out();
    table(out, ['rules', 'lines', 'parse+link', 'analysis', 'check', '`detente check`', 'peak memory', 'compile → JSON', 'compile → DMN', 'resolved rows', 'findings'],
        results.scales.map(s => [
            s.rules.toLocaleString('en'), s.lines.toLocaleString('en'), timing(s.phases.parseLink), timing(s.phases.analysis), timing(s.phases.check),
            ms(s.cliCheck.milliseconds), mib(s.cliCheck.peakMiB), timing(s.phases.compileJson), timing(s.phases.compileDmn),
            s.phases.resolvedRows.toLocaleString('en'), String(s.phases.findings),
        ]));
    out();
    if (results.scales.some(s => s.cliCompile)) {
        out('`detente compile --to json,dmn`, one run:');
        out();
        table(out, ['rules', 'time', 'peak memory', 'JSON', 'DMN'], results.scales.filter(s => s.cliCompile).map(s => [
            s.rules.toLocaleString('en'), ms(s.cliCompile!.milliseconds), mib(s.cliCompile!.peakMiB), bytes(s.phases.jsonBytes), bytes(s.phases.dmnBytes),
        ]));
        out();
    }
    if (Object.keys(results.growth).length > 0) {
        out('Growth between the two largest scales, as the exponent k of n^k (n log n from 1,000 to 10,000 rules is 1.125): ' +
            Object.entries(results.growth).map(([phase, k]) => `${phase} ${k.toFixed(2)}`).join(', ') + '.');
        out();
    }
    if (results.indicatorSweep.length > 0) {
        out(`## By number of indicators (${results.indicatorSweep[0].rules.toLocaleString('en')} rules)`);
        out();
        table(out, ['indicators', 'parse+link', 'analysis', 'check', 'findings'], results.indicatorSweep.map(s => [
            String(s.indicators), timing(s.phases.parseLink), timing(s.phases.analysis), timing(s.phases.check), String(s.phases.findings),
        ]));
        out();
    }
    familyMarkdown(results, out, ms);
    if (results.lsp.length > 0) {
        const [first] = results.lsp;
        out('## Language server: edit to diagnostics');
        out();
        out(`The bundled server over stdio; ${first.edits} edits, each retyping one threshold's value, timed from \`didChange\` until the file's diagnostics are published. ` +
            'The server publishes twice per edit: first the diagnostics of the parser, the linker and the structural checks (the edit columns), ' +
            'then the complete set with the situation analysis\' findings (the complete columns). ' +
            `Typing: ${first.bursts.count} bursts of ${first.bursts.keystrokes} keystrokes 10 ms apart, timed from the last keystroke until the diagnostics of the final text ` +
            '(builds overtaken by a keystroke are abandoned).');
        out();
        table(out, ['family', 'lines', 'rules', 'parse+link alone', 'open → diagnostics', 'edit p50', 'edit p95', 'edit max', 'complete p50', 'complete p95', 'typing p50', 'typing p95'], results.lsp.map(lsp => [
            lsp.family, lsp.lines.toLocaleString('en'), lsp.rules.toLocaleString('en'), lsp.parseLink ? ms(lsp.parseLink) : '—',
            ms(lsp.open), ms(lsp.p50), ms(lsp.p95), ms(lsp.max), ms(lsp.complete.p50), ms(lsp.complete.p95), ms(lsp.bursts.p50), ms(lsp.bursts.p95),
        ]));
        out();
        if (results.baseline && results.baseline.lsp.length > 0) {
            out(`Before: the same edits on the server of an earlier run (${Object.entries(results.baseline.machine).map(([key, value]) => `${key}: ${value}`).join(' · ')}). ` +
                'Where that server published once per edit, its one set was the complete one.');
            out();
            table(out, ['family', 'lines', 'edit p50', 'edit p95', 'complete p50', 'complete p95', 'now: edit p95', 'now: complete p95'], results.baseline.lsp.map(before => {
                const now = results.lsp.find(lsp => lsp.family === before.family && lsp.lines === before.lines);
                const complete = before.complete ?? before;
                return [
                    before.family, before.lines.toLocaleString('en'), ms(before.p50), ms(before.p95), ms(complete.p50), ms(complete.p95),
                    now ? ms(now.p95) : '—', now ? ms(now.complete.p95) : '—',
                ];
            }));
            out();
        }
        out('Every edit re-parses and re-links the whole document (Langium has no incremental parsing): on this machine that alone ' +
            'takes the time in the fourth column, which bounds what the edit-to-diagnostics latency can reach before the checks and the analysis run.');
        out();
        const profiled = results.lsp.filter(lsp => lsp.profile);
        if (profiled.length > 0) {
            out('Where an edit\'s time goes: the server\'s CPU profile (`node --cpu-prof`, a run of its own with fewer edits, as the profiler slows the server), ' +
                'each sample given to the innermost phase on its stack, milliseconds per edit. The first five phases come before the first diagnostics; ' +
                'the protocol model and the situation analysis before the complete ones; garbage collection is spread over all.');
            out();
            for (const lsp of profiled) {
                const target = latencyTargets.find(t => t.family === lsp.family && t.fits(lsp.lines));
                if (!target || lsp.p95 <= target.goal) continue;
                const p = (phase: string) => lsp.profile![phase] ?? 0;
                const first = p('lexing') + p('parsing') + p('linking and scopes') + p('structural checks') + p('publishing');
                out(`The ${lsp.lines.toLocaleString('en')}-line ${lsp.family} protocol misses its ${target.goal} ms: before its first diagnostics an edit costs ` +
                    `${ms(first)} of CPU in the phases above (lexing ${ms(p('lexing'))}, parsing ${ms(p('parsing'))}, linking ${ms(p('linking and scopes'))}, ` +
                    `structural checks ${ms(p('structural checks'))}), plus its share of the ${ms(p('garbage collection'))} of garbage collection. ` +
                    'Langium re-parses and re-links the whole text on every edit; the situation analysis comes only after the first diagnostics. ' +
                    `The machine's load (${String(results.machine.load ?? 'not recorded')}) slows every phase alike.`);
                out();
            }
            table(out, ['family', 'lines', ...PROFILE_PHASES, 'other', 'idle'], profiled.map(lsp => [
                lsp.family, lsp.lines.toLocaleString('en'),
                ...[...PROFILE_PHASES, 'other', 'idle'].map(phase => ms(lsp.profile![phase] ?? 0)),
            ]));
            out();
        }
    }
    if (results.z3.length > 0) {
        out('## Baseline: the Z3 encoding');
        out();
        out('Unsatisfiable, masked and redundant rules: each rule encoded as a Z3 formula (one solver, push/pop per question), ' +
            'against the region engine (situation space, level function and the rule checks, witnesses included) on the same protocol model.');
        out();
        table(out, ['rules', 'region engine', 'Z3', 'ratio', 'same findings', 'unsatisfiable / masked / redundant'], results.z3.map(c => [
            c.rules.toLocaleString('en'), ms(c.engine), c.z3 === undefined ? `> ${ms(c.z3Limit)} (stopped)` : ms(c.z3),
            `${c.z3 === undefined ? '> ' : ''}${c.ratio.toFixed(0)}×`, c.identical === undefined ? '—' : c.identical ? 'yes' : '**no**',
            `${c.found.unsatisfiable} / ${c.found.masked} / ${c.found.redundant}`,
        ]));
        out();
    }
    return lines.join('\n');
}

function table(out: (line: string) => void, header: readonly string[], rows: readonly (readonly string[])[]): void {
    out(`| ${header.join(' | ')} |`);
    out(`|${header.map(() => ' --- ').join('|')}|`);
    for (const row of rows) out(`| ${row.join(' | ')} |`);
}

function timing(t: { mean: number; rme: number }): string {
    return `${ms(t.mean)} ±${t.rme.toFixed(0)}%`;
}

export function ms(value: number): string {
    if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
    return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function mib(value: number): string {
    return `${value.toFixed(0)} MiB`;
}

function bytes(value: number): string {
    return value >= 1 << 20 ? `${(value / (1 << 20)).toFixed(1)} MiB` : `${(value / 1024).toFixed(0)} KiB`;
}
