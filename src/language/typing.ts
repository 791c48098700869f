// What values and comparisons fit an indicator: shared by the unit checks, the model builder and the editor.
import {
    isBetween, isBooleanValue, isChoiceType, isCountType, isFlagType, isMemberValue, isQuantity, isQuantityType, isScaleType,
    type Dimension as DeclaredDimension, type Indicator, type Quantity, type Value
} from './generated/ast.js';
import type { IndicatorKind, MeasuredKind } from '../model/protocol.js';
import { type Rational, compare, parseDecimal, rational } from '../model/rational.js';
import { type Dimension, type Unit, declaredUnits, formatList, unitProblem, unitsOf } from '../model/units.js';

export function indicatorKind(indicator: Indicator | undefined): IndicatorKind | undefined {
    const type = indicator?.type;
    if (isQuantityType(type)) return type.dimension ? type.dimension as Dimension : type.declared ? 'measure' : undefined;
    if (isCountType(type)) return 'count';
    if (isFlagType(type)) return 'flag';
    if (isScaleType(type)) return 'scale';
    if (isChoiceType(type)) return 'choice';
    return undefined;
}

export function isMeasured(kind: IndicatorKind | undefined): kind is MeasuredKind {
    return kind !== undefined && kind !== 'flag' && kind !== 'scale' && kind !== 'choice';
}

/** The dimension a measured indicator is in: a built-in one, or the name of the declared one. */
export function dimensionName(indicator: Indicator): string | undefined {
    const type = indicator.type;
    if (isCountType(type)) return 'count';
    if (!isQuantityType(type)) return undefined;
    return type.dimension ?? type.declared?.ref?.name;
}

/** The units of a measured indicator's dimension, the base first. */
export function unitsOfIndicator(indicator: Indicator | undefined): Unit[] {
    const type = indicator?.type;
    if (isCountType(type)) return [];
    if (!isQuantityType(type)) return [];
    if (type.dimension) return unitsOf(type.dimension as Dimension);
    const declared = type.declared?.ref;
    return declared ? unitsOfDimension(declared) : [];
}

/** The units a declared dimension defines, with their factors worked out exactly. */
export function unitsOfDimension(dimension: DeclaredDimension): Unit[] {
    const definitions = dimension.units
        .map(u => ({ symbol: u.name, factor: parseDecimal(u.factor ?? ''), of: u.of }))
        .filter((u): u is { symbol: string; factor: Rational; of: string } => u.factor !== undefined && !!u.symbol && !!u.of);
    return dimension.base ? declaredUnits(dimension.name, dimension.base, definitions) : [];
}

export function memberNames(indicator: Indicator | undefined): string[] {
    const type = indicator?.type;
    return isScaleType(type) || isChoiceType(type) ? type.members.map(member => member.name) : [];
}

/** How to describe an indicator's type in a message: `a distance`, `a flag`, `a scale`, `a one of`, `a power`. */
export function describeKind(kind: IndicatorKind, indicator?: Indicator): string {
    switch (kind) {
        case 'choice': return "a 'one of'";
        case 'measure': return `a ${(indicator && dimensionName(indicator)) ?? 'measured quantity'}`;
        default: return `a ${kind}`;
    }
}

/** What a value of this indicator looks like, for messages: `a distance (m, km or nm)`, `true or false`. */
export function expectedValue(indicator: Indicator, kind: IndicatorKind): string {
    if (isMeasured(kind)) {
        const units = unitsOfIndicator(indicator).map(unit => unit.symbol);
        return units.length > 0 ? `${describeKind(kind, indicator)} (${formatList(units)})` : 'a whole number';
    }
    if (kind === 'flag') return 'true or false';
    return `one of its members (${memberNames(indicator).join(', ')})`;
}

/** Why a measured quantity does not fit a dimension (named, with its units), or undefined. */
export function quantityProblem(dimension: string, units: readonly Unit[], quantity: Quantity): string | undefined {
    const unit = unitProblem(dimension, units, quantity.unit);
    if (unit) {
        return unit;
    }
    const amount = parseDecimal(quantity.number ?? '');
    if (dimension === 'percent' && amount && compare(amount, rational(100)) > 0) {
        return `${quantity.number} % is outside 0–100`;
    }
    return undefined;
}

/** Why a duration (a deadline, a latency, a hold, a window) is not one, or undefined. */
export function durationProblem(quantity: Quantity): string | undefined {
    return quantityProblem('duration', unitsOf('duration'), quantity);
}

export type ComparisonUse = 'equality' | 'order' | 'between';

/** Why `value` cannot be compared with `indicator` in this way, or undefined when it can. */
export function valueProblem(indicator: Indicator, value: Value | undefined, use: ComparisonUse): string | undefined {
    const kind = indicatorKind(indicator);
    if (!kind || !value) {
        return undefined; // a syntax error already covers it
    }
    const name = indicator.name;
    // Only spelled out when it is the problem: a scale may list many members.
    const mismatch = () => `'${name}' is ${describeKind(kind, indicator)}; compare it with ${expectedValue(indicator, kind)}`;
    if (isMeasured(kind)) {
        if (!isQuantity(value)) return mismatch();
        const amount = parseDecimal(value.number ?? '');
        // `= 2.5` on a count holds nowhere and `!= 2.5` everywhere: say why rather than let a scenario never run.
        if (kind === 'count' && use === 'equality' && amount && amount.d !== 1n) {
            return `'${name}' is a count: its values are whole numbers, and ${value.number} is not one`;
        }
        return quantityProblem(dimensionName(indicator) ?? kind, unitsOfIndicator(indicator), value);
    }
    if (kind === 'flag') {
        if (!isBooleanValue(value)) return mismatch();
        return use === 'equality' ? undefined : `'${name}' is a flag; compare it with = or != only`;
    }
    if (!isMemberValue(value)) {
        return mismatch();
    }
    if (kind === 'choice' && use !== 'equality') {
        return `the members of '${name}' have no order; use =, != or in { … }`;
    }
    return undefined;
}

/** The comparison a value takes part in, for `valueProblem`. */
export function useOf(operator: string | undefined, container: unknown): ComparisonUse {
    if (isBetween(container)) return 'between';
    return operator === '=' || operator === '!=' ? 'equality' : 'order';
}
