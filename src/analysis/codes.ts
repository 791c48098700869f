// The registry of diagnostic codes (LANGUAGE.md §4): one place for code, severity and title.

export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
    readonly severity: Severity;
    /** One line on what the code means, as in LANGUAGE.md §4. */
    readonly title: string;
}

export const CODES = {
    'syntax': { severity: 'error', title: 'the text does not parse' },
    'unresolved-reference': { severity: 'error', title: 'a name that is not declared or not imported' },
    'duplicate-name': { severity: 'error', title: 'two declarations of one kind share a name in a scope' },
    'bad-import': { severity: 'error', title: 'import missing, not a .detente file, outside the project, or cyclic' },
    'bad-ladder': { severity: 'error', title: 'a protocol needs exactly one ladder of at least two levels' },
    'unit-mismatch': { severity: 'error', title: 'a value does not fit its indicator: wrong dimension, unknown unit or member, or an unfit comparison' },
    'deescalation-direction': { severity: 'error', title: 'a de-escalation whose target is not less severe than its source' },
    'step-cycle': { severity: 'error', title: '`after` dependencies form a cycle' },
    'redline-without-consequence': { severity: 'error', title: 'a red line without `consequence` or `disclosure`' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as DiagnosticCode[];

export function severityOf(code: DiagnosticCode): Severity {
    return CODES[code].severity;
}

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.hasOwn(CODES, value);
}
