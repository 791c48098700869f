// A generated protocol as plain data, kept beside its text: what the oracle evaluates, independent of src/model.
import type { Rational } from '../../../src/model/rational.js';

/** The built-in dimensions, and `power`: a dimension the generated file declares (`dimension power … base W { … }`). */
export type Dimension = 'distance' | 'duration' | 'speed' | 'frequency' | 'power' | 'count' | 'percent';
export type Kind = Dimension | 'flag' | 'scale' | 'choice';

export interface Indicator {
    readonly name: string;
    readonly kind: Kind;
    /**
     * As declared: `worse when higher|lower` on measured indicators, `worse when true|false` on flags (a flag
     * without it is worse when true); scales have their fixed order, choices none.
     */
    readonly worse?: 'higher' | 'lower' | 'true' | 'false';
    /** Declared `neutral`: unordered (a measured indicator without `worse when` is neutral too). */
    readonly neutral?: boolean;
    /** Scales (least to most severe) and choices. */
    readonly members?: readonly string[];
    readonly tentative: boolean;
    /** Declared at the top level of the file, outside the protocol block. */
    readonly topLevel: boolean;
    /** `in UNIT`, when the declaration names a display unit. */
    readonly unit?: string;
}

/** A number as written (`0.5 km`) and its value in the base unit (500). */
export interface Quantity {
    readonly base: Rational;
    readonly text: string;
}

export type Value =
    | { readonly type: 'number'; readonly quantity: Quantity }
    | { readonly type: 'bool'; readonly value: boolean }
    | { readonly type: 'member'; readonly member: string };

export type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type Condition =
    | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[]; readonly parenthesized: boolean }
    | { readonly kind: 'not'; readonly operand: Condition }
    | { readonly kind: 'compare'; readonly indicator: string; readonly operator: Operator; readonly value: Value }
    | { readonly kind: 'between'; readonly indicator: string; readonly low: Value; readonly high: Value }
    | { readonly kind: 'in'; readonly indicator: string; readonly members: readonly string[]; readonly negated: boolean }
    | { readonly kind: 'flag'; readonly indicator: string };

export interface Rule {
    readonly kind: 'threshold' | 'redline';
    readonly name: string;
    readonly condition: Condition;
    /** Rank in the ladder (0 is the baseline). */
    readonly level: number;
    /** `unless`: where the rule does not hold though its condition does. */
    readonly unless?: Condition;
}

export interface Offramp {
    readonly from: number;
    readonly to: number;
    readonly condition: Condition;
    /** `for …` as written, when the off-ramp has a hold time. */
    readonly hold?: string;
}

export interface Scenario {
    readonly name: string;
    /** Each a single test (a comparison, `between`, `in` or a bare flag). */
    readonly given: readonly Condition[];
    readonly bound?: 'least' | 'most';
    readonly level: number;
    /** `expect outside scope` (then `bound` and `level` are not written). */
    readonly outside?: boolean;
}

export interface Protocol {
    /** Every indicator a situation assigns: used or not, in the protocol or at the top level of the file. */
    readonly indicators: readonly Indicator[];
    /** The ladder, least severe first. */
    readonly levels: readonly string[];
    readonly rules: readonly Rule[];
    /** The `scope` conditions: a situation is inside when all of them hold. */
    readonly scopes: readonly Condition[];
    readonly offramps: readonly Offramp[];
    readonly scenarios: readonly Scenario[];
    /** The ranks whose response has a force step. */
    readonly forceLevels: readonly number[];
    /** The ranks with a response without force. */
    readonly plainLevels: readonly number[];
}

/** The protocol's text, and the 0-based line each declaration a finding can sit on starts at. */
export interface Rendered {
    readonly text: string;
    readonly lines: {
        readonly levels: readonly number[];
        readonly rules: readonly number[];
        readonly scopes: readonly number[];
        readonly offramps: readonly number[];
        readonly scenarios: readonly number[];
    };
}

export interface Generated {
    readonly protocol: Protocol;
    readonly rendered: Rendered;
}
