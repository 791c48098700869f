// In the tests, an analysis in this process is bounded by its count of operations, never by the clock:
// a loaded machine must reach the verdicts an idle one reaches. (The command line and the language
// server, which the tests start as processes, keep their time limits: generous ones.)
import { Budget } from '../../src/analysis/regions.js';

Budget.withTimeLimit = (_milliseconds: number, maxOperations?: number) => new Budget(maxOperations);
