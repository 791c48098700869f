// SARIF 2.1.0 for code scanning: one rule per diagnostic code, results with related locations,
// stable fingerprints, and file URIs relative to the project root.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES, type DiagnosticCode, isDiagnosticCode } from '../analysis/codes.js';
import type { ReportedDiagnostic } from './findings.js';
import type { BadFile } from './inputs.js';

export interface SarifSource {
    /** The text at each diagnostic's range (the declaration's name), for fingerprints that survive moved lines. */
    textAt(diagnostic: ReportedDiagnostic): string;
}

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Files that could not be read are the run's notifications: the run did not check everything. */
export function formatSarif(diagnostics: readonly ReportedDiagnostic[], root: string, version: string, source: SarifSource, bad: readonly BadFile[] = []): string {
    const codes = Object.keys(CODES) as DiagnosticCode[];
    const rules = codes.map(code => ({
        id: code,
        name: code.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join(''),
        shortDescription: { text: CODES[code].title },
        fullDescription: { text: `${CODES[code].title}. See docs/diagnostics.md#${code}.` },
        defaultConfiguration: { level: LEVELS[CODES[code].severity] },
        properties: { tags: ['escalation-protocol'] },
    }));
    const occurrences = new Map<string, number>();
    const results = diagnostics.map(d => {
        const file = relativeUri(root, d.file);
        const stable = `${d.code}\u0000${file}\u0000${source.textAt(d).trim()}`;
        const occurrence = (occurrences.get(stable) ?? 0) + 1;
        occurrences.set(stable, occurrence);
        return {
            ruleId: d.code,
            ...(isDiagnosticCode(d.code) ? { ruleIndex: codes.indexOf(d.code) } : {}),
            level: LEVELS[d.severity],
            message: { text: d.message },
            locations: [location(root, d.file, d.line, d.column, d.endLine, d.endColumn)],
            ...(d.related ? {
                relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(root, r.file, r.line, r.column), message: { text: r.message } })),
            } : {}),
            partialFingerprints: { 'detenteFinding/v1': `${createHash('sha256').update(stable).digest('hex').slice(0, 32)}:${occurrence}` },
            ...(d.witness !== undefined ? { properties: { witness: d.witness } } : {}),
            // An accepted finding is suppressed in source, with the drafters' justification (docs/language.md §4).
            ...(d.accepted ? { suppressions: [{ kind: 'inSource', justification: d.accepted.justification }] } : {}),
        };
    });
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'Détente', semanticVersion: version, version, rules } },
            invocations: [{
                executionSuccessful: bad.length === 0,
                ...(bad.length > 0 ? {
                    toolExecutionNotifications: bad.map(({ file, message }) => ({
                        level: 'error',
                        message: { text: message },
                        locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(root, file), uriBaseId: 'SRCROOT' } } }],
                    })),
                } : {}),
            }],
            originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(root).href}/` } },
            results,
            columnKind: 'utf16CodeUnits',
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function location(root: string, file: string, startLine: number, startColumn: number, endLine?: number, endColumn?: number) {
    return {
        physicalLocation: {
            artifactLocation: { uri: relativeUri(root, file), uriBaseId: 'SRCROOT' },
            region: { startLine, startColumn, ...(endLine ? { endLine, endColumn } : {}) },
        },
    };
}

/** A file shown relative to the working directory, as a URI reference relative to the project root. */
function relativeUri(root: string, file: string): string {
    const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
    return relative.split('/').map(encodeURIComponent).join('/');
}

