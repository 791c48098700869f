// Budgets: how much work, time and memory one question asked of a protocol may take. Every entry point
// (a command, an editor request, a quick fix) asks with a budget of its own, and a question that runs
// out of it ends in a clear answer (`analysis-incomplete`, or a one-line message), never a hang or a crash.

/** Thrown when a question spends more than its budget; callers say what was and was not proved. */
export class BudgetExceeded extends Error {
    constructor(readonly reason: string) {
        super(`analysis budget exceeded: ${reason}`);
        this.name = 'BudgetExceeded';
    }
}

export interface BudgetLimits {
    /** Box operations. */
    readonly operations: number;
    /** Wall-clock time, in milliseconds. */
    readonly milliseconds: number;
    /** Numbers held in the boxes of one region (two per dimension and box): a bound on memory. */
    readonly numbers: number;
}

/** What one question may take when nothing else is said: far more than any protocol a drafter writes needs. */
export const DEFAULT_LIMITS: BudgetLimits = { operations: 20_000_000, milliseconds: Number.POSITIVE_INFINITY, numbers: 20_000_000 };

/** A bound on the work of one question: box operations, wall-clock time and the size of its regions. */
export class Budget {
    operations = 0;
    protected deadline: number;
    readonly maxOperations: number;
    readonly maxNumbers: number;

    constructor(maxOperations = DEFAULT_LIMITS.operations, deadline = Number.POSITIVE_INFINITY, maxNumbers = DEFAULT_LIMITS.numbers) {
        this.maxOperations = maxOperations;
        this.deadline = deadline;
        this.maxNumbers = maxNumbers;
    }

    static of(limits: Partial<BudgetLimits>): Budget {
        const { operations, milliseconds, numbers } = { ...DEFAULT_LIMITS, ...limits };
        return new Budget(operations, Date.now() + milliseconds, numbers);
    }

    static withTimeLimit(milliseconds: number, maxOperations?: number): Budget {
        return new Budget(maxOperations, Date.now() + milliseconds);
    }

    /** A budget of its own for one small piece of work, under the same time limit. */
    local(maxOperations: number): Budget {
        return new Budget(maxOperations, this.deadline, this.maxNumbers);
    }

    /** Moves the time limit on by the time spent waiting, not working. */
    extend(milliseconds: number): void {
        this.deadline += milliseconds;
    }

    spend(amount = 1): void {
        const before = this.operations;
        this.operations += amount;
        if (this.operations > this.maxOperations) {
            throw new BudgetExceeded(`more than ${this.maxOperations} box operations`);
        }
        // Reading the clock is costly: look at it every 4096 operations.
        if ((before >> 12) !== (this.operations >> 12) && Date.now() > this.deadline) {
            throw new BudgetExceeded('time limit reached');
        }
    }

    /** Checks that a region of this many boxes over this many dimensions may be held. */
    hold(boxes: number, dimensions: number): void {
        if (boxes * 2 * Math.max(1, dimensions) > this.maxNumbers) {
            throw new BudgetExceeded(`a region of more than ${Math.floor(this.maxNumbers / (2 * Math.max(1, dimensions)))} boxes`);
        }
    }
}

/** What charges work to a budget: the budget of whatever runs now (see `Space.withBudget`). */
export interface Meter {
    readonly budget: Budget;
}

/** The questions asked of a protocol, each with its own budget. */
export type Task =
    /** The checks over all situations, as `check` and the editor's diagnostics run them. */
    | 'analysis'
    /** The decision tables of `compile`, the preview and export. */
    | 'tables'
    | 'explain'
    | 'diff'
    /** A scenario run from the Test Explorer. */
    | 'scenarios'
    /** A quick fix's search, a hover's region in words: answered at once or not at all. */
    | 'assist';

/** How much each task may take: a policy, chosen by the command line or the language server. */
export class Budgets {
    constructor(readonly limits: Readonly<Record<Task, Partial<BudgetLimits>>>) { }

    for(task: Task): Budget {
        return Budget.of(this.limits[task]);
    }
}

/** A command can wait longer for a complete answer than an editor. */
export const COMMAND_LINE_BUDGETS = new Budgets({
    analysis: { milliseconds: 60_000 },
    tables: { milliseconds: 60_000 },
    explain: { milliseconds: 60_000 },
    diff: { milliseconds: 60_000 },
    scenarios: { milliseconds: 60_000 },
    assist: { milliseconds: 1_000, operations: 2_000_000 },
});

/** The editor stays responsive: diagnostics in a few seconds, requests a little longer, assistance at once. */
export const EDITOR_BUDGETS = new Budgets({
    analysis: { milliseconds: 3_000 },
    tables: { milliseconds: 10_000 },
    explain: { milliseconds: 5_000 },
    diff: { milliseconds: 10_000 },
    scenarios: { milliseconds: 5_000 },
    assist: { milliseconds: 500, operations: 1_000_000 },
});
