// The analysis of each protocol model, computed once per model and within a budget.
import { type Cancellation, interruptAndCheck } from 'langium';
import { type Analysis, analyse, analyseWithPauses } from '../analysis/analyse.js';
import { Budget } from '../analysis/regions.js';
import type { Protocol } from '../model/protocol.js';

export class Analyses {
    protected readonly cache = new WeakMap<Protocol, Analysis>();

    /** Keeps the editor responsive: a protocol's analysis gets a few seconds; the command line may allow more. */
    budget: () => Budget = () => Budget.withTimeLimit(3_000);

    /** The analysis, worked out now if it is not known yet. */
    of(protocol: Protocol): Analysis {
        let analysis = this.cache.get(protocol);
        if (!analysis) {
            analysis = analyse(protocol, { budget: this.budget() });
            this.cache.set(protocol, analysis);
        }
        return analysis;
    }

    /**
     * The analysis, worked out in slices that let other requests run between them; abandoned (with
     * Langium's OperationCancelled) as soon as the token is cancelled, as when the text changes again.
     * The time the analysis waits between slices does not count against its budget.
     */
    async ofInterruptibly(protocol: Protocol, cancelToken: Cancellation.CancellationToken): Promise<Analysis> {
        const known = this.cache.get(protocol);
        if (known) return known;
        const budget = this.budget();
        const analysis = await analyseWithPauses(protocol, { budget }, async () => {
            const before = Date.now();
            await interruptAndCheck(cancelToken);
            budget.extend(Date.now() - before);
        });
        this.cache.set(protocol, analysis);
        return analysis;
    }
}
