// What the analysis reports: a code, a message, where it sits, and the situations that show it.
import type { SourceRef } from '../model/protocol.js';
import { type DiagnosticCode, type Severity, severityOf } from './codes.js';
import type { SituationText } from './situations.js';

/** One situation and the level it gets. */
export interface SituationWitness {
    readonly situation: SituationText;
    readonly level?: string;
}

/** A single situation, or a named pair of them (non-monotone: `better`/`worse`; hysteresis: `offramp`/`reescalation`). */
export type Witness = SituationWitness | Readonly<Record<string, SituationWitness>>;

export interface RelatedSource {
    readonly source: SourceRef;
    readonly message: string;
}

export interface Finding {
    readonly code: DiagnosticCode;
    readonly severity: Severity;
    readonly message: string;
    readonly source: SourceRef;
    readonly witness?: Witness;
    readonly related?: readonly RelatedSource[];
}

export function finding(code: DiagnosticCode, source: SourceRef, message: string, extra: { witness?: Witness; related?: RelatedSource[] } = {}): Finding {
    return {
        code,
        severity: severityOf(code),
        message,
        source,
        ...(extra.witness ? { witness: extra.witness } : {}),
        ...(extra.related && extra.related.length > 0 ? { related: extra.related } : {}),
    };
}

/**
 * Where a long check may stop for a moment (between rules), so that an editor can interrupt an
 * analysis when the text changes again: checks yield it among their findings.
 */
export const PAUSE = undefined;

/** What an accepted diagnostic carries (`accept CODE "justification"`), beside its code and witness. */
export interface Acceptance {
    readonly justification: string;
    /** The finding's own message (the editor shows it with the justification before it). */
    readonly message: string;
}

/** A finding placed in a file as people read it: what every shell reports and every report lists. */
export interface ReportedFinding {
    /** The file, as shown to the reader (relative to the current folder, or to the project root in reports). */
    readonly file: string;
    /** 1-based, as editors and `file:line:col` links count. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    /** The code's own severity (an accepted finding keeps it). */
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
    readonly witness?: unknown;
    readonly related?: ReadonlyArray<{ readonly file: string; readonly line: number; readonly column: number; readonly message: string }>;
    /** A finding the drafters accepted (`accept CODE "…"`): not counted, shown apart. */
    readonly accepted?: { readonly justification: string };
}
