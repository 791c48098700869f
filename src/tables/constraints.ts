// What a box says about one indicator, in base units: an interval with open or closed ends, or a set of values.
import type { Box } from '../analysis/boxes.js';
import type { SituationSpace } from '../analysis/situations.js';
import type { Indicator } from '../model/protocol.js';
import type { Rational } from '../model/rational.js';

export interface Bound {
    readonly value: Rational;
    readonly inclusive: boolean;
}

export type Constraint =
    /** Measured indicators; `high` undefined when unbounded above. `low` is always present (ranges start at 0). */
    | { readonly kind: 'interval'; readonly indicator: Indicator; readonly low: Bound; readonly high?: Bound; readonly whole: boolean }
    /** Flags (`true`/`false`), scales and choices. */
    | { readonly kind: 'members'; readonly indicator: Indicator; readonly members: readonly string[]; readonly whole: boolean };

/** The constraint a box puts on each axis of the space, in axis order. */
export function constraintsOf(space: SituationSpace, box: Box): Constraint[] {
    return space.axes.map((_, d) => constraintOn(space, d, box[2 * d], box[2 * d + 1]));
}

export function constraintOn(space: SituationSpace, dimension: number, lo: number, hi: number): Constraint {
    const axis = space.axes[dimension];
    if (axis.kind === 'joint') throw new Error('tables show a column per indicator: build them over an axis per indicator (SituationSpace.perIndicator)');
    const whole = lo === 0 && hi === space.space.sizes[dimension] - 1;
    if (axis.kind === 'members') {
        return { kind: 'members', indicator: axis.indicator, members: axis.members.slice(lo, hi + 1), whole };
    }
    const first = axis.cells[lo];
    const last = axis.cells[hi];
    const low: Bound = first.kind === 'point' ? { value: first.at, inclusive: true } : { value: first.above, inclusive: false };
    const high: Bound | undefined = last.kind === 'point'
        ? { value: last.at, inclusive: true }
        : last.below ? { value: last.below, inclusive: false } : undefined;
    return { kind: 'interval', indicator: axis.indicator, low, high, whole };
}

/** A single value, when the constraint allows exactly one. */
export function singleValue(constraint: Constraint & { kind: 'interval' }): Rational | undefined {
    const { low, high } = constraint;
    return high && low.inclusive && high.inclusive && low.value.n === high.value.n && low.value.d === high.value.d ? low.value : undefined;
}
