// In the tests, an analysis in this process is bounded by its count of operations, never by the clock:
// a loaded machine must reach the verdicts an idle one reaches. (The command line and the language
// server, which the tests start as processes, keep their time limits: generous ones.)
import { Budget, type BudgetLimits } from '../../src/analysis/budget.js';

const of = Budget.of.bind(Budget);
Budget.of = (limits: Partial<BudgetLimits>) => of({ ...limits, milliseconds: Number.POSITIVE_INFINITY });
Budget.withTimeLimit = (_milliseconds: number, maxOperations?: number) => new Budget(maxOperations);
