// What every output is rendered from: the protocol, its two tables, and the findings of `check` on its file.
import type { Severity } from '../analysis/codes.js';
import type { Protocol } from '../model/protocol.js';
import type { DecisionTables } from '../tables/tables.js';

export interface ReportedFinding {
    readonly line: number;
    readonly column: number;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
}

export interface CompiledProtocol {
    readonly protocol: Protocol;
    readonly tables: DecisionTables;
    /** The findings of `check` on the protocol's file, in file order. */
    readonly findings: readonly ReportedFinding[];
    /** The source file, as shown to readers (relative to the project root). */
    readonly source: string;
}
