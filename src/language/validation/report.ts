// Reporting a finding as a Langium diagnostic: severity from the code registry, the code in `code` and `data.code`.
import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { severityOf, type DiagnosticCode } from '../../analysis/codes.js';
import type { Witness } from '../../analysis/findings.js';
import { codeDescription } from '../docs-link.js';

/** What a diagnostic carries besides its message: the code, and the situation(s) that show the problem. */
export interface DiagnosticPayload {
    readonly code: DiagnosticCode;
    readonly witness?: Witness;
}

export function codeFields(code: DiagnosticCode, extra: Omit<DiagnosticPayload, 'code'> = {}): {
    code: DiagnosticCode; data: DiagnosticPayload; codeDescription?: { href: string };
} {
    const description = codeDescription(code);
    return { code, data: { code, ...extra }, ...(description ? { codeDescription: description } : {}) };
}

export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: DiagnosticCode,
    message: string,
    info: DiagnosticInfo<N>,
    extra: Omit<DiagnosticPayload, 'code'> = {}
): void {
    accept(severityOf(code), message, { ...info, ...codeFields(code, extra) });
}
