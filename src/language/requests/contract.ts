// The requests the VS Code extension sends the language server beyond the LSP: the preview, export,
// explain, scenarios and a workspace check. Shared by both sides; types and names only.

export interface ProtocolParams {
    readonly uri: string;
    /** The protocol of the file; the first one when omitted. */
    readonly protocol?: string;
}

export interface IndicatorInfo {
    readonly name: string;
    readonly label: string;
    readonly kind: string;
    /** Measured indicators: the unit values are shown in, and every unit a value may be written in. */
    readonly unit?: string;
    readonly units?: readonly string[];
    readonly members?: readonly string[];
}

export interface SourcePosition {
    /** 0-based, as in the Language Server Protocol. */
    readonly line: number;
    readonly character: number;
}

export interface ScenarioInfo {
    readonly name: string;
    readonly position: SourcePosition;
}

export interface ProtocolInfo {
    readonly name: string;
    readonly title: string;
    readonly indicators: readonly IndicatorInfo[];
    readonly scenarios: readonly ScenarioInfo[];
    readonly position: SourcePosition;
}

/** `detente/protocols`: the protocols of a file, with their indicators and scenarios. */
export const ProtocolsRequest = 'detente/protocols';
export interface ProtocolsResult {
    readonly protocols: readonly ProtocolInfo[];
}

/** An error that keeps a protocol from its report, where it is written (1-based, as editors show it). */
export interface ReportError {
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly message: string;
}

/**
 * `detente/report`: the decision-table report of a protocol as HTML (the body only; every text escaped).
 * The analysis' own errors (a failing scenario, an off-ramp that flaps) are findings of the report; only
 * errors that leave the text unread (syntax, names, units) keep it from being rendered.
 */
export const ReportRequest = 'detente/report';
export interface ReportResult {
    readonly protocols: readonly string[];
    readonly protocol?: string;
    readonly html?: string;
    /** Why there is no report: errors in the file, an unfinished analysis. */
    readonly problem?: string;
    /** The errors that keep the report from being rendered, in file order, when those are why. */
    readonly errors?: readonly ReportError[];
}

/** `detente/export`: the files of the given formats, for the client to write. */
export const ExportRequest = 'detente/export';
export interface ExportParams extends ProtocolParams {
    readonly formats: readonly string[];
}
export interface ExportResult {
    readonly files: ReadonlyArray<{ readonly name: string; readonly content: string }>;
    readonly problem?: string;
}

/**
 * `detente/compare`: the comparison of a protocol with an earlier version, as the Markdown memo of
 * `detente diff --format md`; without `otherUri`, with the protocol it supersedes.
 */
export const CompareRequest = 'detente/compare';
export interface CompareParams extends ProtocolParams {
    readonly otherUri?: string;
    readonly otherProtocol?: string;
}
export interface CompareResult {
    readonly markdown?: string;
    readonly problem?: string;
}

/**
 * `detente/replay`: an incident log (its text, read by the client) replayed through a protocol, as the
 * HTML page of `detente replay --format html`, ready for a webview that runs the given script.
 */
export const ReplayRequest = 'detente/replay';
export interface ReplayParams extends ProtocolParams {
    readonly log: string;
    readonly logName: string;
    readonly webview: { readonly cspSource: string; readonly scriptUri: string; readonly nonce: string };
}
export interface ReplayResult {
    readonly html?: string;
    readonly compliant?: boolean;
    readonly problem?: string;
}

/**
 * `detente/explain`: the text `detente explain` prints for the given values. A value that cannot be read
 * is named in `invalid` (by indicator), and the answer is that for the other values: a form stays useful
 * while one of its fields is being typed.
 */
export const ExplainRequest = 'detente/explain';
export interface ExplainParams extends ProtocolParams {
    /** `indicator=value`, as `detente explain --given` takes them. */
    readonly given: readonly string[];
}
export interface ExplainResult {
    readonly text?: string;
    /** Why a value cannot be read, by indicator. */
    readonly invalid?: Readonly<Record<string, string>>;
    readonly problem?: string;
}

/** `detente/runScenarios`: every scenario of a file's protocols, run. */
export const RunScenariosRequest = 'detente/runScenarios';
export interface ScenarioOutcome {
    readonly protocol: string;
    readonly name: string;
    readonly position: SourcePosition;
    /** `not run`: the protocol has errors, the analysis ran out of budget, or no situation matches `given`. */
    readonly state: 'passed' | 'failed' | 'not run';
    /** Why it failed (with the counterexample) or did not run. */
    readonly message?: string;
}
export interface RunScenariosResult {
    readonly outcomes: readonly ScenarioOutcome[];
}

/** `detente/checkWorkspace`: the findings of every protocol file the server knows, counted. */
export const CheckWorkspaceRequest = 'detente/checkWorkspace';
export interface CheckWorkspaceResult {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}
