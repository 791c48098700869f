// The analysis of each protocol model, computed once per model and within a budget.
import { analyse, type Analysis } from '../analysis/analyse.js';
import { Budget } from '../analysis/regions.js';
import type { Protocol } from '../model/protocol.js';

export class Analyses {
    protected readonly cache = new WeakMap<Protocol, Analysis>();

    /** Keeps the editor responsive: a protocol's analysis gets a few seconds; the command line may allow more. */
    budget: () => Budget = () => Budget.withTimeLimit(3_000);

    of(protocol: Protocol): Analysis {
        let analysis = this.cache.get(protocol);
        if (!analysis) {
            analysis = analyse(protocol, { budget: this.budget() });
            this.cache.set(protocol, analysis);
        }
        return analysis;
    }
}
