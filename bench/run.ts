// `npm run bench`: generated protocols at 10 to 10,000 rules through every phase of checking and
// compiling, the command line's time and memory, the language server's edit-to-diagnostics latency,
// and the Z3 baseline. Writes bench/results/results.{md,json} and prints the Markdown.
//
//   npm run bench                      the whole suite (about ten minutes on two cores)
//   npm run bench -- --quick           10 and 100 rules, a short language-server run: a smoke test
//   npm run bench -- --scales 10,1000 --no-sweep --no-lsp --no-z3 --out /tmp/results
//   npm run bench -- --scales '' --no-sweep --no-z3 --out /tmp/results      the language server alone
//   npm run bench -- --scales '' --no-sweep --no-lsp --unstructured 1000 --clauses 10,12   the other families alone
//   npm run bench -- --scales '' --no-sweep --no-z3 --baseline bench/results/latency/before/results.json --out bench/results/latency
//                                                                            the language server beside an earlier run
//   DETENTE_BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench -- --scales '' --no-sweep --no-z3 \
//       --lsp-family unstructured --out /tmp/results                           one family, the server profiled
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type EditLatency, measureEditLatencyProfiled } from './lsp.js';
import { time } from './measure.js';
import { type CheckTimings, measurePhases } from './phases.js';
import { runCli } from './processes.js';
import { type Results, type ScaleResult, exponent, markdown, ms, targets } from './report.js';
import { compareWithZ3 } from './z3-baseline.js';
import { type FamilyResult, measureConjunctive, measureFamily, unstructuredWorkload } from './families.js';
import { type PreviousRealistic, familyTargets } from './report-families.js';
import { build, freshServices, protocolOf, scratchFolder, workload } from './workload.js';

const REPO = path.resolve(__dirname, '..', '..');
const USAGE = `npm run bench -- [options]
  --quick              10 and 100 rules, a short language-server run: a smoke test
  --scales 10,1000     the numbers of rules to measure ('' for none)
  --no-sweep           without the sweep over the number of indicators
  --no-lsp             without the language server's edit-to-diagnostics latency
  --lsp-family NAME    the language server on one family only: realistic (2,000 lines) or unstructured (300 lines)
  --no-z3              without the Z3 baseline
  --baseline FILE      an earlier run's results.json: its language-server figures beside these
  --out FOLDER         where results.md and results.json go (bench/results by default)
DETENTE_BENCH_SERVER_FLAGS passes Node flags to the language server (e.g. --cpu-prof).
`;
const INDICATORS = 20;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            quick: { type: 'boolean', default: false },
            scales: { type: 'string' },
            lsp: { type: 'boolean', default: true },
            'no-lsp': { type: 'boolean', default: false },
            'lsp-family': { type: 'string' },
            baseline: { type: 'string' },
            help: { type: 'boolean', default: false },
            z3: { type: 'boolean', default: true },
            'no-z3': { type: 'boolean', default: false },
            'no-sweep': { type: 'boolean', default: false },
            /** Rules of the unstructured family ('' for none), at 5, 20 and 40 indicators. */
            unstructured: { type: 'string' },
            /** Clauses of the conjunctive condition ('' for none). */
            clauses: { type: 'string' },
            out: { type: 'string', default: path.join(REPO, 'bench', 'results') },
        },
    });
    if (values.help) {
        process.stdout.write(USAGE);
        return;
    }
    const scales = values.scales === '' ? [] : values.scales?.split(',').map(Number) ?? (values.quick ? [10, 100] : [10, 100, 1000, 10000]);
    if (scales.some(n => !Number.isInteger(n) || n < 1)) throw new Error(`--scales: whole numbers of rules, comma-separated: ${values.scales}`);
    const list = (value: string | undefined, fallback: number[]) => value === '' ? [] : value?.split(',').map(Number) ?? fallback;
    const unstructuredScales = list(values.unstructured, values.quick ? [100] : [100, 1000, 4000, 10000]);
    const clauses = list(values.clauses, values.quick ? [4, 6] : [4, 6, 8, 10, 12, 14, 16, 18, 20]);
    const previous = previousRealistic(path.join(values.out, 'results.json'));
    const scratch = scratchFolder();
    const progress = (message: string) => process.stderr.write(`${message}\n`);
    try {
        const scaleResults: ScaleResult[] = [];
        for (const rules of scales) {
            const work = workload({ rules, indicators: INDICATORS, seed: 1 }, scratch);
            progress(`${rules} rules (${work.lines} lines): phases…`);
            const phases = await measurePhases(work);
            const cliCheck = runCli(REPO, ['check', '--root', scratch, work.file], scratch);
            const cliCompile = runCli(REPO, ['compile', '--to', 'json,dmn', '--out', path.join(scratch, `compiled-${rules}`), '--root', scratch, work.file], scratch);
            fs.rmSync(path.join(scratch, `compiled-${rules}`), { recursive: true, force: true });
            progress(`  check ${ms(phases.check.mean)}, detente check ${ms(cliCheck.milliseconds)} (${cliCheck.peakMiB.toFixed(0)} MiB), compile ${ms(cliCompile.milliseconds)}`);
            scaleResults.push({ rules, indicators: INDICATORS, lines: work.lines, phases, cliCheck, cliCompile });
        }

        const sweepRules = values.quick ? 100 : 1000;
        const indicatorSweep: ScaleResult[] = [];
        for (const indicators of values['no-sweep'] ? [] : [5, 10, 20, 30]) {
            const work = workload({ rules: sweepRules, indicators, seed: 1 }, scratch);
            progress(`${sweepRules} rules, ${indicators} indicators…`);
            const phases: CheckTimings = await measurePhases(work, { compile: false });
            indicatorSweep.push({ rules: sweepRules, indicators, lines: work.lines, phases: phases as ScaleResult['phases'], cliCheck: runCli(REPO, ['check', '--root', scratch, work.file], scratch) });
        }

        const unstructured: FamilyResult[] = [];
        for (const rules of unstructuredScales) {
            for (const indicators of [5, 20, 40]) {
                const work = unstructuredWorkload(rules, indicators, scratch);
                progress(`unstructured, ${rules} rules, ${indicators} indicators (${work.lines} lines)…`);
                // The command line where the targets are: at 20 indicators.
                const result = await measureFamily(REPO, work, scratch, indicators === 20);
                progress(`  check ${ms(result.check.mean)}, analysis ${ms(result.analysis.mean)}${result.cliCheck ? `, detente check ${ms(result.cliCheck.milliseconds)} (${result.cliCheck.peakMiB.toFixed(0)} MiB)` : ''}`);
                unstructured.push(result);
            }
        }
        if (clauses.length > 0) progress('conjunctive condition…');
        const conjunctive = await measureConjunctive(REPO, clauses, scratch, 30_000, progress);

        const growth: Record<string, number> = {};
        const [small, large] = scaleResults.slice(-2);
        if (small && large && large.rules > small.rules) {
            for (const phase of ['parseLink', 'analysis', 'check'] as const) {
                growth[phase === 'parseLink' ? 'parse+link' : phase] = exponent(small.rules, small.phases[phase].mean, large.rules, large.phases[phase].mean);
            }
        }

        const lsp: EditLatency[] = [];
        if (values.lsp && !values['no-lsp']) {
            // The realistic family at the size of a large annex, and an unstructured draft at drafting size.
            for (const { family, target } of [{ family: 'realistic', target: values.quick ? 200 : 2000 }, { family: 'unstructured', target: 300 }] as const) {
                if (values['lsp-family'] && values['lsp-family'] !== family) continue;
                // A folder of its own: the server loads every protocol of its workspace.
                const folder = fs.mkdtempSync(path.join(scratch, 'lsp-'));
                let rules = family === 'realistic' ? Math.round(target / 1.4) : target - INDICATORS - 3;
                let work = workload({ rules, indicators: INDICATORS, seed: 2 }, folder, family);
                while (work.lines < target) work = workload({ rules: rules += 50, indicators: INDICATORS, seed: 2 }, folder, family);
                progress(`language server: ${family}, ${work.lines} lines…`);
                const latency = await measureEditLatencyProfiled(REPO, work, values.quick ? 10 : 50, values.quick ? 5 : 20);
                let services = freshServices();
                const parseLink = await time('parse+link', () => build(services, work, false), { iterations: 8, beforeEach: () => { services = freshServices(); } });
                lsp.push({ ...latency, parseLink: parseLink.mean });
            }
        }

        let z3: Results['z3'] = [];
        if (values.z3 && !values['no-z3']) {
            const z3Scales = values.quick ? [10] : scales.filter(n => n <= 1000);
            progress(`Z3 baseline: ${z3Scales.join(', ')} rules…`);
            const protocols = await Promise.all(z3Scales.map(async rules => {
                const services = freshServices();
                return protocolOf(services, await build(services, workload({ rules, indicators: INDICATORS, seed: 1 }, scratch), false));
            }));
            z3 = await compareWithZ3(protocols, values.quick ? 20_000 : 300_000);
        }
        let z3Unstructured: Results['z3Unstructured'] = [];
        if (values.z3 && !values['no-z3'] && unstructuredScales.length > 0) {
            const z3Scales = values.quick ? [100] : [100, 1000];
            progress(`Z3 baseline, unstructured: ${z3Scales.join(', ')} rules…`);
            const protocols = await Promise.all(z3Scales.map(async rules => {
                const services = freshServices();
                return protocolOf(services, await build(services, unstructuredWorkload(rules, INDICATORS, scratch), false));
            }));
            z3Unstructured = await compareWithZ3(protocols, values.quick ? 20_000 : 300_000);
        }

        // An earlier run's results.json: its language-server figures are shown beside these.
        const earlier = values.baseline ? JSON.parse(fs.readFileSync(values.baseline, 'utf8')) as Pick<Results, 'machine' | 'lsp'> : undefined;
        const baseline = earlier ? { machine: earlier.machine, lsp: earlier.lsp } : undefined;
        const partial = { machine: machine(), scales: scaleResults, indicatorSweep, growth, lsp, z3, unstructured, conjunctive, z3Unstructured, previous, ...(baseline ? { baseline } : {}) };
        const results: Results = { ...partial, targets: [...targets(partial), ...familyTargets(partial, exponent, ms)] };
        fs.mkdirSync(values.out, { recursive: true });
        fs.writeFileSync(path.join(values.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
        const text = markdown(results);
        fs.writeFileSync(path.join(values.out, 'results.md'), `${text}\n`);
        process.stdout.write(`${text}\n`);
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/** The realistic family as the results being replaced recorded it: what "no regression" compares with. */
function previousRealistic(file: string): PreviousRealistic | undefined {
    if (!fs.existsSync(file)) return undefined;
    const before = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Results>;
    // Results that were themselves compared keep the older baseline: a slow run does not become the new reference.
    if (before.previous) return before.previous;
    const scales = (before.scales ?? []).filter(s => s.indicators === INDICATORS)
        .map(s => ({ rules: s.rules, analysis: s.phases.analysis.mean, check: s.phases.check.mean }));
    return scales.length > 0 ? { commit: String(before.machine?.commit ?? 'unknown'), scales } : undefined;
}

function machine(): Record<string, string | number> {
    let commit = 'unknown';
    try {
        commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        // not a git checkout
    }
    return {
        date: new Date().toISOString().slice(0, 10),
        commit,
        node: process.version,
        cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
        cores: os.availableParallelism(),
        memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
        // Other work on the machine slows every measurement: the load when the results were written.
        load: os.loadavg().map(n => n.toFixed(1)).join(' '),
    };
}

main().catch(error => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
});
