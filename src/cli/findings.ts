// Diagnostics of built documents as plain records, and their text and JSON renderings (LANGUAGE.md §5).
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../analysis/codes.js';
import { printable } from '../render/printable.js';
import { displayPath } from './project.js';

export interface ReportedDiagnostic {
    readonly file: string;
    /** 1-based, as editors and `file:line:col` links count. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
    readonly witness?: unknown;
    readonly related?: ReadonlyArray<{ readonly file: string; readonly line: number; readonly column: number; readonly message: string }>;
}

export interface Summary {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

export function collectDiagnostics(documents: readonly LangiumDocument[]): ReportedDiagnostic[] {
    return documents.flatMap(document => (document.diagnostics ?? []).map(diagnostic => toReported(document, diagnostic)))
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

function toReported(document: LangiumDocument, diagnostic: Diagnostic): ReportedDiagnostic {
    const data = diagnostic.data as { code?: string; witness?: unknown } | undefined;
    const related = diagnostic.relatedInformation?.map(info => ({
        file: displayPath(URI.parse(info.location.uri).fsPath),
        line: info.location.range.start.line + 1,
        column: info.location.range.start.character + 1,
        message: info.message,
    }));
    return {
        file: displayPath(document.uri.fsPath),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
        code: String(data?.code ?? diagnostic.code ?? 'syntax'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        ...(data?.witness !== undefined ? { witness: data.witness } : {}),
        ...(related && related.length > 0 ? { related } : {}),
    };
}

export function summarize(diagnostics: readonly ReportedDiagnostic[]): Summary {
    return {
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        infos: diagnostics.filter(d => d.severity === 'info').length,
    };
}

export function formatText(diagnostics: readonly ReportedDiagnostic[], fileCount: number): string {
    const lines = diagnostics.map(d => `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${printable(d.code === 'syntax' ? oneLine(d.message) : d.message)}`);
    const { errors, warnings, infos } = summarize(diagnostics);
    lines.push(`${plural(fileCount, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`);
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
