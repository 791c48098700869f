// The analysis of each protocol model, computed once per model; and every question asked of an analysis
// (tables, scenarios, explanations), each under a budget of its own.
import { type Cancellation, interruptAndCheck } from 'langium';
import { type Analysis, analyse, analyseWithPauses } from '../analysis/analyse.js';
import { type Budgets, type Task, EDITOR_BUDGETS } from '../analysis/budget.js';
import type { Protocol } from '../model/protocol.js';

export class Analyses {
    protected readonly cache = new WeakMap<Protocol, Analysis>();

    /** How much each question may take; the editor's by default, the command line sets its own. */
    budgets: Budgets = EDITOR_BUDGETS;

    /** The analysis, worked out now if it is not known yet. */
    of(protocol: Protocol): Analysis {
        let analysis = this.cache.get(protocol);
        if (!analysis) {
            analysis = analyse(protocol, { budget: this.budgets.for('analysis') });
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
        const budget = this.budgets.for('analysis');
        const analysis = await analyseWithPauses(protocol, { budget }, async () => {
            const before = Date.now();
            await interruptAndCheck(cancelToken);
            budget.extend(Date.now() - before);
        });
        this.cache.set(protocol, analysis);
        return analysis;
    }

    /** Asks a complete analysis one more question, under the budget of that kind of question. */
    ask<T>(analysis: Analysis, task: Task, question: (analysis: Analysis) => T): T {
        const context = analysis.context;
        return context ? context.withBudget(this.budgets.for(task), () => question(analysis)) : question(analysis);
    }
}
