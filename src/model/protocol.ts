// The normalized protocol model: plain data in base units, the single input of analysis, tables and renderers.
import type { Rational } from './rational.js';
import type { Unit } from './units.js';
import type { VerbClass } from './verbs.js';

/** A zero-based position, as in the Language Server Protocol. */
export interface Position {
    readonly line: number;
    readonly character: number;
}

export interface Range {
    readonly start: Position;
    readonly end: Position;
}

/** Where a declaration is written: its name, or its first token. */
export interface SourceRef {
    readonly uri: string;
    readonly range: Range;
}

/** A label's translations, by ISO 639-1 code; the untagged text is the label itself. */
export type Translations = Readonly<Record<string, string>>;

/** What has a label people read, and may have it in other languages. */
export interface Labelled {
    readonly name: string;
    readonly label: string;
    readonly translations?: Translations;
}

/** A measured value: as written (amount and unit) and normalized to the base unit. */
export interface Quantity {
    readonly amount: Rational;
    readonly unit: string | undefined;
    readonly base: Rational;
}

/** Measured kinds: the built-in dimensions, or `measure` for a dimension the drafter declares. */
export type MeasuredKind = 'distance' | 'duration' | 'speed' | 'frequency' | 'count' | 'percent' | 'measure';

export type IndicatorKind = MeasuredKind | 'flag' | 'scale' | 'choice';

export interface Indicator extends Labelled {
    readonly kind: IndicatorKind;
    /** Measured indicators: their dimension (`distance`, or the name of a declared one) and its units, the base first. */
    readonly dimension?: string;
    readonly units?: readonly Unit[];
    /** An indicator of a declared dimension: that dimension's name and label (`Radiated power`). */
    readonly measure?: Labelled;
    /** Measured indicators: the unit values are shown in (declared with `in`, else the one the protocol uses most). */
    readonly unit?: string;
    /**
     * Which way is worse: `higher` (later members of a scale, `true` of a flag by default) or `lower`
     * (`worse when false` for a flag); undefined when neutral (choices, numbers without `worse when`, `neutral`).
     */
    readonly worse?: 'higher' | 'lower';
    /** Scales (least to most severe) and choices: their members, in declaration order. */
    readonly members?: readonly string[];
    /** Counts: the event counted and the window, when declared (`count of violation over 7 d`). */
    readonly counts?: { readonly event?: string; readonly window?: Quantity };
    readonly tentative: boolean;
    readonly source: SourceRef;
}

export interface Level extends Labelled {
    /** 0 is the baseline; higher is more severe. */
    readonly rank: number;
    readonly source: SourceRef;
}

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type TestValue =
    | { readonly kind: 'quantity'; readonly quantity: Quantity }
    | { readonly kind: 'member'; readonly member: string }
    | { readonly kind: 'boolean'; readonly value: boolean };

/** An indicator compared with constants: the only atoms of a condition. */
export type Test =
    | { readonly kind: 'compare'; readonly indicator: string; readonly operator: ComparisonOperator; readonly value: TestValue; readonly source: SourceRef }
    | { readonly kind: 'between'; readonly indicator: string; readonly low: TestValue; readonly high: TestValue; readonly source: SourceRef }
    | { readonly kind: 'in'; readonly indicator: string; readonly members: readonly string[]; readonly negated: boolean; readonly source: SourceRef }
    | { readonly kind: 'flag'; readonly indicator: string; readonly source: SourceRef };

export type Condition =
    | { readonly kind: 'and'; readonly operands: readonly Condition[] }
    | { readonly kind: 'or'; readonly operands: readonly Condition[] }
    | { readonly kind: 'not'; readonly operand: Condition }
    | { readonly kind: 'test'; readonly test: Test };

export interface Rule {
    readonly kind: 'threshold' | 'redline';
    readonly name: string;
    readonly citation?: string;
    readonly condition: Condition;
    /** `unless`: where the rule does not hold, though its condition does. */
    readonly unless?: Condition;
    readonly level: string;
    /** Red lines only. */
    readonly consequence?: string;
    readonly consequenceTranslations?: Translations;
    readonly disclosure?: 'public' | 'confidential';
    readonly source: SourceRef;
}

/** The situations the protocol covers (`scope`): outside every scope, no level applies. */
export interface Scope {
    readonly citation?: string;
    readonly condition: Condition;
    readonly source: SourceRef;
}

export interface Organ extends Labelled {
    readonly powers: ReadonlyArray<'force' | 'disclosure'>;
    readonly source: SourceRef;
}

export interface Party extends Labelled {
    readonly organs: readonly Organ[];
    readonly source: SourceRef;
}

export interface Mediator extends Labelled {
    readonly source: SourceRef;
}

/** A joint body (a commission) of several parties. */
export interface Body extends Labelled {
    readonly members: readonly string[];
    readonly source: SourceRef;
}

/** Stands for one bound party in steps and duties; different roles are different parties. */
export interface Role extends Labelled {
    readonly source: SourceRef;
}

/** A verb of the drafter's own: the phrase is its label (`renders assistance to`). */
export interface Action extends Labelled {
    readonly verbClass: VerbClass;
    readonly source: SourceRef;
}

export interface Event extends Labelled {
    readonly source: SourceRef;
}

/** One party in concrete terms: an organ of a party, a whole party, a mediator or a body. */
export type ConcreteActor =
    | { readonly kind: 'organ'; readonly party: string; readonly organ: string }
    | { readonly kind: 'party'; readonly party: string }
    | { readonly kind: 'mediator'; readonly mediator: string }
    | { readonly kind: 'body'; readonly body: string };

/**
 * Who acts or is addressed, as written: a concrete actor, a role (or an organ of the party in it), each
 * bound party (or its organ), and as counterparts the other party, every other party, or all parties.
 */
export type ActorRef =
    | ConcreteActor
    | { readonly kind: 'role'; readonly role: string; readonly organ?: string }
    | { readonly kind: 'each'; readonly organ?: string }
    | { readonly kind: 'other'; readonly organ?: string }
    | { readonly kind: 'every-other'; readonly organ?: string }
    | { readonly kind: 'all' };

export interface Channel extends Labelled {
    /** Two or more ends (a conference line has more). */
    readonly ends: readonly ConcreteActor[];
    /** An intermediary that carries what the channel carries. */
    readonly relay?: ConcreteActor;
    readonly latency?: Quantity;
    readonly fallback?: string;
    readonly confidential: boolean;
    readonly source: SourceRef;
}

/** What steps and duties have in common: someone does something, to someone, by some means. */
export interface Obligation {
    readonly name: string;
    /** Where the treaty says so (`step call "Art. 4(a)": …`). */
    readonly citation?: string;
    readonly actor: ActorRef;
    readonly verb: string;
    readonly verbClass: VerbClass;
    /** A declared action's phrase (`renders assistance to`), with its translations. */
    readonly phrase?: string;
    readonly phraseTranslations?: Translations;
    readonly counterpart?: ActorRef;
    readonly channel?: string;
    readonly authorizedBy?: ActorRef;
    /** The legal basis for force (`cites "UN Charter, Art. 51"`). */
    readonly legalBasis?: string;
    readonly confidential: boolean;
    readonly source: SourceRef;
}

export type StepTiming = 'within' | 'immediately' | 'without delay';

export interface Step extends Obligation {
    readonly timing: StepTiming;
    /** The step's own deadline: 0 for `immediately` and `without delay`. */
    readonly within: Quantity;
    readonly after: readonly string[];
    readonly ifUnresolved: boolean;
}

export type DutyTiming =
    /** `at least D before E`: no later than D before each occurrence of E. */
    | { readonly kind: 'before'; readonly lead: Quantity; readonly event: string }
    /** `within D after E` (or `immediately` / `without delay after E`, D = 0): no later than D after it. */
    | { readonly kind: 'after'; readonly timing: StepTiming; readonly within: Quantity; readonly event: string }
    /** `every D`: at least once in every period D. */
    | { readonly kind: 'every'; readonly period: Quantity }
    /** `on 1 January [every year]`. */
    | { readonly kind: 'on'; readonly day: number; readonly month: number; readonly yearly: boolean };

/** An obligation that no level triggers. */
export interface Duty extends Obligation {
    readonly when: DutyTiming;
}

export interface Response {
    /** The level whose response this is, or (`response to RULE`) the rule whose holding makes it due. */
    readonly level?: string;
    readonly rule?: string;
    readonly citation?: string;
    readonly within?: Quantity;
    /** Levels whose responses' steps are due too, each with its own deadline. */
    readonly includes: readonly string[];
    readonly steps: readonly Step[];
    readonly confidential: boolean;
    readonly source: SourceRef;
}

export interface Deescalation {
    readonly from: string;
    readonly to: string;
    readonly citation?: string;
    /** The condition that must hold (for `holdFor`); absent when the off-ramp waits only for steps. */
    readonly condition?: Condition;
    readonly holdFor?: Quantity;
    /** Steps of the source level's response that must be done first. */
    readonly after: readonly string[];
    readonly source: SourceRef;
}

export type ExpectationBound = 'exactly' | 'at least' | 'at most';

export interface Scenario {
    readonly name: string;
    /** Fixed indicators; every other indicator ranges over all its values. */
    readonly given: readonly Test[];
    /** `expect outside scope`: every matching situation lies outside the protocol's scope. */
    readonly outside: boolean;
    readonly bound: ExpectationBound;
    /** The expected level (absent when `outside`). */
    readonly level?: string;
    readonly steps: readonly string[];
    readonly confidential: boolean;
    readonly source: SourceRef;
}

export type Status = 'draft' | 'initialled' | 'signed' | 'in force' | 'suspended' | 'terminated';

export interface Protocol {
    readonly name: string;
    readonly title: string;
    readonly titleTranslations?: Translations;
    readonly version?: string;
    /** `YYYY-MM-DD`. */
    readonly date?: string;
    readonly status?: Status;
    /** The protocol this one supersedes (its name). */
    readonly supersedes?: string;
    /** The authentic languages: the first is the language of untagged text. Empty when not declared. */
    readonly languages: readonly string[];
    readonly confidential: boolean;
    readonly requireReciprocity: boolean;
    readonly parties: readonly Party[];
    /** The parties the protocol binds (`between`, else every party it sees), in order. */
    readonly bound: readonly string[];
    readonly roles: readonly Role[];
    readonly mediators: readonly Mediator[];
    readonly bodies: readonly Body[];
    readonly channels: readonly Channel[];
    readonly actions: readonly Action[];
    readonly events: readonly Event[];
    /** The situation space: every indicator the protocol declares or sees (top level of its file, imported), in a stable order. */
    readonly indicators: readonly Indicator[];
    /** The ladder, from the baseline to the most severe level. */
    readonly levels: readonly Level[];
    /** Thresholds and red lines, in source order. */
    readonly rules: readonly Rule[];
    readonly scopes: readonly Scope[];
    readonly responses: readonly Response[];
    readonly duties: readonly Duty[];
    readonly deescalations: readonly Deescalation[];
    readonly scenarios: readonly Scenario[];
    /** Where the protocol's name is written. */
    readonly source: SourceRef;
    /** The whole `protocol … { … }` block, in the file of `source`. */
    readonly extent: Range;
    /**
     * False when parts of the text could not be normalized (unresolved names, wrong units):
     * those parts are left out, and checks over all situations would not be trustworthy.
     */
    readonly complete: boolean;
}
