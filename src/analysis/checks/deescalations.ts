// Checks of the off-ramps: conditions nothing satisfies, de-escalations that flap, and missing margins.
//
// `deescalate A to B` only ever matters while the situation is at A, and escalation is immediate: at A,
// every situation has a level at most A. So the situations that matter are those whose level lies above
// B and not above A (docs/language.md §3): an off-ramp flaps when its condition holds in one of them, and
// leaves no margin when, without a `for` hold, its condition's region touches theirs across a boundary
// of a measured quantity.
import type { Deescalation } from '../../model/protocol.js';
import type { AnalysisContext } from '../context.js';
import { type Finding, finding } from '../findings.js';
import type { Box } from '../boxes.js';
import type { Coverage } from '../levels.js';
import type { Region } from '../regions.js';
import type { Value } from '../situations.js';

export function checkDeescalations(context: AnalysisContext): Finding[] {
    return context.protocol.deescalations.map((_, i) => checkDeescalation(context, i)).filter(found => found !== undefined);
}

/** `flapping` or `no-hysteresis` of the `i`th de-escalation, if it has either. */
export function checkDeescalation(context: AnalysisContext, i: number): Finding | undefined {
    const deescalation = context.protocol.deescalations[i];
    // An off-ramp that waits only for steps has no condition that could hold where the level is higher.
    if (!deescalation.condition) return undefined;
    const condition = context.deescalationRegion(i);
    const title = `De-escalation from ${deescalation.from} to ${deescalation.to}`;
    if (condition.isEmpty) return undefined; // reported by the declaration checks
    const target = context.levels.rankOf(deescalation.to);
    const source = context.levels.rankOf(deescalation.from);
    if (source <= target) return undefined; // deescalation-direction
    const band = context.levels.between(target, source);
    const flap = flapping(context, condition, target, source);
    if (flap) {
        const example = context.witnessIn(flap, both(condition, band));
        return finding('flapping', deescalation.source,
            `${title} flaps: at ${example.description}; its condition holds, yet the level there is ${example.level.name}, ` +
            `above ${deescalation.to}; stepping down would escalate again at once.`,
            { witness: example.json });
    }
    if (deescalation.holdFor) return undefined; // a hold is a margin in time
    const touch = touching(context, condition, target, source);
    return touch && noMargin(context, deescalation, title, touch, [condition, band]);
}

/** A piece of the off-ramp's condition where the level lies above its target and not above its source. */
function flapping(context: AnalysisContext, condition: Region, target: number, source: number): Box | undefined {
    for (const box of condition.boxes) {
        const piece = context.levels.pieceBetween(box, target, source);
        if (piece) return piece;
    }
    return undefined;
}

/**
 * A box of the off-ramp's condition and a piece of the situations between its target and source whose
 * closures meet: on each measured continuous axis, their ranges overlap or meet at a boundary (a single
 * boundary left out of both is no margin); on every other axis, they share a value.
 */
function touching(context: AnalysisContext, condition: Region, target: number, source: number): [Box, Box] | undefined {
    const { space } = context;
    for (const c of condition.boxes) {
        const reach = c.slice();
        space.axes.forEach((axis, d) => {
            if (!context.isContinuous(d)) return;
            // The cells whose closure meets the closure of c's range: a point's neighbours, and past an open end, the point and the gap beyond.
            const [lo, hi] = [c[2 * d], c[2 * d + 1]];
            reach[2 * d] = Math.max(0, lo - (isGap(context, d, lo) ? 2 : 1));
            reach[2 * d + 1] = Math.min(space.space.sizes[d] - 1, hi + (isGap(context, d, hi) ? 2 : 1));
        });
        const piece = context.levels.pieceBetween(reach, target, source);
        if (piece) return [c, piece];
    }
    return undefined;
}

function isGap(context: AnalysisContext, dimension: number, cell: number): boolean {
    const axis = context.space.axes[dimension];
    return axis.kind === 'numeric' && axis.cells[cell].kind === 'gap';
}

/**
 * The witness pair at the boundary: where the ranges share values, the same value on both sides; where
 * they meet at a boundary, the boundary on the side that holds it and a value just beside it on the other
 * (or, when neither holds it, a value just beside it on each side).
 */
function noMargin(context: AnalysisContext, deescalation: Deescalation, title: string, [c, a]: [Box, Box], [condition, band]: [Region, Coverage]): Finding {
    const { space } = context;
    const offramp = new Map<string, Value>();
    const reescalation = new Map<string, Value>();
    const boundaries: string[] = [];
    space.axes.forEach((axis, d) => {
        const [clo, chi, alo, ahi] = [c[2 * d], c[2 * d + 1], a[2 * d], a[2 * d + 1]];
        const lo = Math.max(clo, alo);
        const hi = Math.min(chi, ahi);
        if (lo <= hi || axis.kind === 'joint') {
            // Where the ranges share values (always, off the measured continuous axes: see touching), the same value on both sides.
            const shared = space.pickCell(d, lo, hi);
            space.assign(offramp, d, shared);
            space.assign(reescalation, d, shared);
            return;
        }
        // c's range ends at `x`, a's starts at `y` (or the other way round): neighbours, or two gaps around one point.
        const [x, y] = chi < alo ? [chi, alo] : [clo, ahi];
        const point = Math.abs(x - y) === 2 ? (x + y) / 2 : isGap(context, d, x) ? y : x;
        const side = (cell: number) => cell === point ? space.valueAt(d, cell) : space.valueBeside(d, cell, point);
        boundaries.push(space.describe(new Map([[axis.indicator.name, space.valueAt(d, point)]]), new Set([d])));
        offramp.set(axis.indicator.name, side(x));
        reescalation.set(axis.indicator.name, side(y));
    });
    const shown = new Set([
        ...context.relevantAxes(offramp, condition), ...context.relevantAxes(reescalation, band), ...context.differingAxes(offramp, reescalation),
    ]);
    const leaving = context.witness(condition, offramp, shown);
    const back = context.concrete(reescalation, shown);
    // Beside the boundary only the measured values differ: the message names those alone.
    const beside = context.space.describe(reescalation, context.differingAxes(offramp, reescalation));
    return finding('no-hysteresis', deescalation.source,
        `${title} leaves no margin at ${boundaries.join(' and ')}: its condition holds at ${leaving.description}; just beside it ` +
        `(${beside}) the level is ${back.level.name}, above ${deescalation.to}; a measurement hovering there would step down and up again. ` +
        'Leave a gap between the off-ramp and the rules it steps down from, or require the condition to hold for a time (for …).',
        { witness: { offramp: leaving.json, reescalation: back.json } });
}

/** Where both hold. */
function both(a: Coverage, b: Coverage): Coverage {
    return { coversBox: box => a.coversBox(box) && b.coversBox(box) };
}
