// What every output is rendered from: the protocol, its two tables, and the findings of `check` on its file,
// in one language and one edition (see publication.ts).
import type { ReportedFinding } from '../analysis/findings.js';
import type { Protocol } from '../model/protocol.js';
import type { DecisionTables } from '../tables/tables.js';
import type { Phrasebook } from './i18n/phrasebook.js';

export interface CompiledProtocol {
    readonly protocol: Protocol;
    readonly tables: DecisionTables;
    /** The findings of `check` on the protocol and on the declarations it shares with its file, in file order. */
    readonly findings: readonly ReportedFinding[];
    /** The source file, as shown to readers (relative to the project root). */
    readonly source: string;
    /** The language of labels and wording (ISO 639-1), and its wording. */
    readonly language: string;
    readonly phrases: Phrasebook;
    /** `public` leaves confidential elements out; `full` keeps and marks them. */
    readonly edition: 'public' | 'full';
}

/**
 * The findings of a file that concern one of its protocols: those inside its block, and those outside
 * every protocol (imports, shared declarations); not those of the file's other protocols.
 */
export function findingsOf<T extends { readonly line: number }>(protocol: Protocol, others: readonly Protocol[], findings: readonly T[]): T[] {
    const inside = (p: Protocol, line: number) => line - 1 >= p.extent.start.line && line - 1 <= p.extent.end.line;
    return findings.filter(f => inside(protocol, f.line) || !others.some(other => inside(other, f.line)));
}
