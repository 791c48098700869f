// The normalized protocol model: plain data in base units, the single input of analysis, tables and renderers.
import type { Rational } from './rational.js';
import type { Dimension } from './units.js';
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

/** A measured value: as written (amount and unit) and normalized to the base unit. */
export interface Quantity {
    readonly amount: Rational;
    readonly unit: string | undefined;
    readonly base: Rational;
}

export type IndicatorKind = Dimension | 'flag' | 'scale' | 'choice';

export interface Indicator {
    readonly name: string;
    readonly label: string;
    readonly kind: IndicatorKind;
    /** Measured indicators: the unit values are shown in (declared with `in`, else the one the protocol uses most). */
    readonly unit?: string;
    /**
     * Which way is worse. Flags (true is worse) and scales (later is worse) are always `higher`;
     * choices and numbers without `worse when` are neutral (undefined).
     */
    readonly worse?: 'higher' | 'lower';
    /** Scales (least to most severe) and choices: their members, in declaration order. */
    readonly members?: readonly string[];
    readonly tentative: boolean;
    readonly source: SourceRef;
}

export interface Level {
    readonly name: string;
    readonly label: string;
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
    readonly level: string;
    /** Red lines only. */
    readonly consequence?: string;
    readonly disclosure?: 'public' | 'confidential';
    readonly source: SourceRef;
}

export interface Organ {
    readonly name: string;
    readonly label: string;
    readonly powers: ReadonlyArray<'force' | 'disclosure'>;
    readonly source: SourceRef;
}

export interface Party {
    readonly name: string;
    readonly label: string;
    readonly organs: readonly Organ[];
    readonly source: SourceRef;
}

export interface Mediator {
    readonly name: string;
    readonly label: string;
    readonly source: SourceRef;
}

/** Who acts or is addressed: an organ of a party, a whole party, or a mediator. */
export type ActorRef =
    | { readonly kind: 'organ'; readonly party: string; readonly organ: string }
    | { readonly kind: 'party'; readonly party: string }
    | { readonly kind: 'mediator'; readonly mediator: string };

export interface Channel {
    readonly name: string;
    readonly label: string;
    readonly ends: readonly [ActorRef, ActorRef];
    readonly latency?: Quantity;
    readonly fallback?: string;
    readonly source: SourceRef;
}

export interface Step {
    readonly name: string;
    readonly actor: ActorRef;
    readonly verb: string;
    readonly verbClass: VerbClass;
    readonly counterpart?: ActorRef;
    readonly channel?: string;
    readonly within: Quantity;
    readonly after: readonly string[];
    readonly ifUnresolved: boolean;
    readonly authorizedBy?: { readonly party: string; readonly organ: string };
    readonly citation?: string;
    readonly source: SourceRef;
}

export interface Response {
    readonly level: string;
    readonly within?: Quantity;
    readonly steps: readonly Step[];
    readonly source: SourceRef;
}

export interface Deescalation {
    readonly from: string;
    readonly to: string;
    readonly condition: Condition;
    readonly holdFor?: Quantity;
    readonly source: SourceRef;
}

export type ExpectationBound = 'exactly' | 'at least' | 'at most';

export interface Scenario {
    readonly name: string;
    /** Fixed indicators; every other indicator ranges over all its values. */
    readonly given: readonly Test[];
    readonly bound: ExpectationBound;
    readonly level: string;
    readonly steps: readonly string[];
    readonly source: SourceRef;
}

export interface Protocol {
    readonly name: string;
    readonly title: string;
    readonly version?: string;
    readonly requireReciprocity: boolean;
    readonly parties: readonly Party[];
    readonly mediators: readonly Mediator[];
    readonly channels: readonly Channel[];
    /** The situation space: every indicator the protocol declares or sees (top level of its file, imported), in a stable order. */
    readonly indicators: readonly Indicator[];
    /** The ladder, from the baseline to the most severe level. */
    readonly levels: readonly Level[];
    /** Thresholds and red lines, in source order. */
    readonly rules: readonly Rule[];
    readonly responses: readonly Response[];
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
