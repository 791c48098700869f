// Timing one operation with tinybench: a few samples of work that takes milliseconds to seconds.
import { Bench } from 'tinybench';

export interface Timing {
    /** Mean and median, in milliseconds. */
    readonly mean: number;
    readonly median: number;
    /** Relative margin of error of the mean, in per cent (95 %). */
    readonly rme: number;
    readonly samples: number;
}

export interface TimingOptions {
    readonly iterations: number;
    /** Untimed work before each sample (fresh services, a fresh document). */
    readonly beforeEach?: () => void | Promise<void>;
}

/** Warm-up: runs until this long has passed (at least once), so that work of a millisecond is measured compiled, not interpreted. */
const WARMUP_MILLISECONDS = 300;
const MOST_WARMUP_RUNS = 200;

export async function time(name: string, run: () => unknown, options: TimingOptions): Promise<Timing> {
    if (options.iterations > 2) {
        const until = performance.now() + WARMUP_MILLISECONDS;
        for (let k = 0; k < MOST_WARMUP_RUNS && (k === 0 || performance.now() < until); k++) {
            await options.beforeEach?.();
            await run();
        }
    }
    const bench = new Bench({
        iterations: options.iterations,
        time: 0,
        warmup: false,
        throws: true,
    });
    bench.add(name, async () => { await run(); }, { beforeEach: options.beforeEach });
    await bench.run();
    const result = bench.tasks[0].result;
    if (result.state !== 'completed') throw new Error(`${name}: ${result.state}`);
    const { latency } = result;
    return { mean: latency.mean, median: latency.p50, rme: latency.rme, samples: latency.samplesCount };
}

/** Samples per measurement: many for small protocols, a few where one run takes seconds. */
export function iterationsFor(rules: number): number {
    return rules <= 100 ? 20 : rules <= 1000 ? 8 : 3;
}
