// What values and comparisons fit an indicator: shared by the unit checks, the model builder and the editor.
import {
    isBetween, isBooleanValue, isChoiceType, isFlagType, isMemberValue, isQuantity, isQuantityType, isScaleType,
    type Indicator, type Quantity, type Value
} from './generated/ast.js';
import type { IndicatorKind } from '../model/protocol.js';
import { parseDecimal, compare, rational } from '../model/rational.js';
import { formatList, unitProblem, unitsOf, type Dimension } from '../model/units.js';

export function indicatorKind(indicator: Indicator | undefined): IndicatorKind | undefined {
    const type = indicator?.type;
    if (isQuantityType(type)) return type.dimension as Dimension;
    if (isFlagType(type)) return 'flag';
    if (isScaleType(type)) return 'scale';
    if (isChoiceType(type)) return 'choice';
    return undefined;
}

export function isMeasured(kind: IndicatorKind | undefined): kind is Dimension {
    return kind === 'distance' || kind === 'duration' || kind === 'speed' || kind === 'count' || kind === 'percent';
}

export function memberNames(indicator: Indicator | undefined): string[] {
    const type = indicator?.type;
    return isScaleType(type) || isChoiceType(type) ? type.members.map(member => member.name) : [];
}

/** How to describe an indicator's type in a message: `a distance`, `a flag`, `a scale`, `a one of`. */
export function describeKind(kind: IndicatorKind): string {
    switch (kind) {
        case 'choice': return "a 'one of'";
        default: return `a ${kind}`;
    }
}

/** What a value of this indicator looks like, for messages: `a distance (m, km or nm)`, `true or false`. */
export function expectedValue(indicator: Indicator, kind: IndicatorKind): string {
    if (isMeasured(kind)) {
        const units = unitsOf(kind).map(unit => unit.symbol);
        return units.length > 0 ? `a ${kind} (${formatList(units)})` : 'a whole number';
    }
    if (kind === 'flag') return 'true or false';
    return `one of its members (${memberNames(indicator).join(', ')})`;
}

/** Why a measured quantity does not fit a dimension, or undefined. */
export function quantityProblem(dimension: Dimension, quantity: Quantity): string | undefined {
    const unit = unitProblem(dimension, quantity.unit);
    if (unit) {
        return unit;
    }
    const amount = parseDecimal(quantity.number ?? '');
    if (dimension === 'percent' && amount && compare(amount, rational(100)) > 0) {
        return `${quantity.number} % is outside 0–100`;
    }
    return undefined;
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
    const mismatch = () => `'${name}' is ${describeKind(kind)}; compare it with ${expectedValue(indicator, kind)}`;
    if (isMeasured(kind)) {
        if (!isQuantity(value)) return mismatch();
        const amount = parseDecimal(value.number ?? '');
        // `= 2.5` on a count holds nowhere and `!= 2.5` everywhere: say why rather than let a scenario never run.
        if (kind === 'count' && use === 'equality' && amount && amount.d !== 1n) {
            return `'${name}' is a count: its values are whole numbers, and ${value.number} is not one`;
        }
        return quantityProblem(kind, value);
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
