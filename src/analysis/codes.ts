// The registry of diagnostic codes (docs/language.md §4): one place for each code's severity, stage, title
// and quick fix. The editor, JSON, SARIF and the docs all read it.
//
// A new code, in four places:
//   1. here: its severity, stage, title (one line, as the language reference words it) and quick fix, if any;
//   2. the check that reports it: a structural check in src/language/validation/, or a check of the
//      analysis in src/analysis/checks/ (with a witness when it is about situations);
//   3. its entry in docs/diagnostics.md: meaning, why it matters, an example and the fix;
//   4. its trigger and near miss in test/codes.test.ts (every code must have both), and the tests of its
//      check beside the others of its kind; a quick fix in src/language/lsp/code-action-provider.ts, when declared here.

export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a code is found: by the structural checks of the text (names, imports, units, syntax), which
 * come first and without which the model is not trustworthy, or by the analysis of the protocol model.
 */
export type Stage = 'structural' | 'analysis';

export interface CodeInfo {
    readonly severity: Severity;
    readonly stage: Stage;
    /** One line on what the code means, as in the language reference §4. */
    readonly title: string;
    /** The quick fix the editor offers, when one is obvious. */
    readonly quickFix?: string;
}

export const CODES = {
    'syntax': { severity: 'error', stage: 'structural', title: 'the text does not parse' },
    'unresolved-reference': { severity: 'error', stage: 'structural', title: 'a name that is not declared or not imported', quickFix: 'the name it most likely means, or a new level or indicator of that name' },
    'duplicate-name': { severity: 'error', stage: 'structural', title: 'two declarations of one kind share a name in a scope' },
    'bad-import': { severity: 'error', stage: 'structural', title: 'import missing, not a .detente file, outside the project, or cyclic' },
    'bad-ladder': { severity: 'error', stage: 'structural', title: 'a protocol needs exactly one ladder of at least two levels' },
    'unit-mismatch': { severity: 'error', stage: 'structural', title: 'a value does not fit its indicator: wrong dimension, unknown unit or member, or an unfit comparison', quickFix: 'the unit the indicator takes, or the unit it is shown in' },
    'unsatisfiable-condition': { severity: 'error', stage: 'analysis', title: 'a threshold, red line, de-escalation or scenario that no situation satisfies' },
    'always-true': { severity: 'warning', stage: 'analysis', title: 'a threshold or red line that every situation satisfies' },
    'masked-threshold': { severity: 'warning', stage: 'analysis', title: 'wherever it holds, a rule of a strictly more severe level holds too' },
    'redundant-threshold': { severity: 'warning', stage: 'analysis', title: 'wherever it holds, other rules of the same or higher level hold' },
    'non-monotone': { severity: 'warning', stage: 'analysis', title: 'a situation at least as bad on every directed indicator gets a lower level' },
    'unreachable-level': { severity: 'warning', stage: 'analysis', title: 'no situation has this level' },
    'missing-response': { severity: 'warning', stage: 'analysis', title: 'a level above the baseline without a response', quickFix: 'a response for the level, with one step to fill in' },
    'missing-offramp': { severity: 'warning', stage: 'analysis', title: 'a level above the baseline with no de-escalation path down to the baseline' },
    'flapping': { severity: 'error', stage: 'analysis', title: 'a de-escalation condition holds in a situation whose level is above its target and not above its source' },
    'no-hysteresis': { severity: 'warning', stage: 'analysis', title: "without a `for` hold, a de-escalation condition's region meets, at a boundary of a measured quantity, the region of a level it steps down from", quickFix: 'the nearest round bound that leaves a margin' },
    'deescalation-direction': { severity: 'error', stage: 'structural', title: 'a de-escalation whose target is not less severe than its source' },
    'step-cycle': { severity: 'error', stage: 'structural', title: '`after` dependencies form a cycle' },
    'redline-without-consequence': { severity: 'error', stage: 'structural', title: 'a red line without `consequence` or `disclosure`', quickFix: 'the missing consequence and disclosure, to fill in' },
    'deadline-exceeded': { severity: 'error', stage: 'analysis', title: "a step's absolute deadline is later than its response's `within`" },
    'channel-latency': { severity: 'warning', stage: 'analysis', title: "a step's channel latency is longer than the step's own `within`" },
    'channel-endpoint': { severity: 'error', stage: 'analysis', title: "the channel does not link the step's actor and counterpart" },
    'fallback-latency': { severity: 'warning', stage: 'analysis', title: "a step's channel falls back to a channel (or chain of fallbacks) slower than the step's `within`" },
    'fallback-endpoint': { severity: 'warning', stage: 'analysis', title: "a fallback channel does not link the step's actor and counterpart" },
    'no-fallback-channel': { severity: 'warning', stage: 'analysis', title: "a channel used by the most severe level's response has no fallback" },
    'force-without-legal-basis': { severity: 'error', stage: 'analysis', title: 'a force step without `cites`', quickFix: 'cites "…", to fill in' },
    'force-without-authorization': { severity: 'error', stage: 'analysis', title: 'a force step not `authorized by` an organ that `authorizes force`', quickFix: 'authorized by an organ that authorizes force, or that power for the organ named' },
    'preemptive-force': { severity: 'warning', stage: 'analysis', title: 'a force step not preceded (through `after`) by a verification step' },
    'force-on-tentative': { severity: 'warning', stage: 'analysis', title: 'a level with force steps is reached by a rule whose indicators are all tentative (the rule decides the level somewhere)' },
    'confidential-redline': { severity: 'info', stage: 'analysis', title: 'a red line that is not public cannot deter' },
    'redline-masked': { severity: 'warning', stage: 'analysis', title: 'wherever the red line holds, a rule of a strictly more severe level holds too' },
    'reciprocity': { severity: 'warning', stage: 'analysis', title: "a party's step with no step of the same verb by the other party, towards it or towards nobody, at the same level" },
    'not-bound': { severity: 'error', stage: 'structural', title: 'a party that the protocol does not bind (`between`) acts in a step or duty' },
    'role-ambiguous': { severity: 'error', stage: 'structural', title: '`the other party` in a protocol that binds other than two parties', quickFix: '`every other party` instead' },
    'empty-scope': { severity: 'error', stage: 'analysis', title: 'the scope conditions together hold in no situation' },
    'unused-event': { severity: 'warning', stage: 'analysis', title: 'an event no duty, count or replay can refer to in this protocol' },
    'missing-translation': { severity: 'warning', stage: 'structural', title: 'with `languages`: a label without a translation into a listed language', quickFix: 'a placeholder translation, to fill in' },
    'confidential-leak': { severity: 'warning', stage: 'analysis', title: 'a public element refers to a confidential one' },
    'unused-accept': { severity: 'warning', stage: 'analysis', title: 'an `accept CODE` whose finding does not occur on that declaration', quickFix: 'removes the clause' },
    'bad-accept': { severity: 'error', stage: 'structural', title: '`accept` of an unknown code or of an error' },
    'scenario-failed': { severity: 'error', stage: 'analysis', title: "a scenario's expectation does not hold", quickFix: 'the expectation updated to the level its situations have, or to the bounds of their levels' },
    'analysis-incomplete': { severity: 'info', stage: 'analysis', title: 'the analysis stopped at its time or size budget; what it reports is partial' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as DiagnosticCode[];

export function severityOf(code: DiagnosticCode): Severity {
    return CODES[code].severity;
}

export function stageOf(code: DiagnosticCode): Stage {
    return CODES[code].stage;
}

export function quickFixOf(code: DiagnosticCode): string | undefined {
    const info: CodeInfo = CODES[code];
    return info.quickFix;
}

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.hasOwn(CODES, value);
}
