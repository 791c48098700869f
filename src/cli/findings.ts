// Diagnostics of built documents as plain records, and their text and JSON renderings (docs/language.md §5).
import type { ReportedFinding } from '../analysis/findings.js';
import { printable } from '../render/printable.js';
import { type Project, displayPath } from './project.js';

/** Findings as the command line reports them: records of the one kind every shell uses. */
export type ReportedDiagnostic = ReportedFinding;

export interface Summary {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

/** Every finding of the built documents, files named as the user typed them, in file order. */
export function collectDiagnostics(project: Project): ReportedDiagnostic[] {
    const compilations = project.services.model.Compilations;
    return project.documents.flatMap(document => compilations.findings(document, uri => displayPath(uri.fsPath)))
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** The findings that count: accepted ones do not. */
export function summarize(all: readonly ReportedDiagnostic[]): Summary {
    const diagnostics = all.filter(d => !d.accepted);
    return {
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        infos: diagnostics.filter(d => d.severity === 'info').length,
    };
}

/**
 * One line per finding, then the summary. Accepted findings do not count; they are left out, or with
 * `showAccepted` listed apart after the others, each with its justification (docs/language.md §4).
 */
export function formatText(diagnostics: readonly ReportedDiagnostic[], fileCount: number, showAccepted = false): string {
    const line = (d: ReportedDiagnostic) => `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${printable(d.code === 'syntax' ? oneLine(d.message) : d.message)}`;
    const lines = diagnostics.filter(d => !d.accepted).map(line);
    const accepted = diagnostics.filter(d => d.accepted);
    if (showAccepted && accepted.length > 0) {
        lines.push('Accepted findings:');
        lines.push(...accepted.map(d => `  ${line(d)} (accepted: ${printable(d.accepted!.justification)})`));
    }
    const { errors, warnings, infos } = summarize(diagnostics);
    const apart = accepted.length > 0 ? `; ${accepted.length} accepted${showAccepted ? '' : ' (--show-accepted lists them)'}` : '';
    lines.push(`${plural(fileCount, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}${apart}`);
    return lines.join('\n') + '\n';
}

export function formatJson(diagnostics: readonly ReportedDiagnostic[]): string {
    return JSON.stringify({ diagnostics, summary: summarize(diagnostics) }, null, 2) + '\n';
}

/**
 * The parser's messages list the expected tokens on lines of their own: one finding, one line. (Other
 * messages have no line breaks of their own; one there comes from protocol text, and is escaped.)
 */
function oneLine(message: string): string {
    return message.replace(/\s*\n\s*/g, ' ');
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
