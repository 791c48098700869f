// Checks of the off-ramps: conditions nothing satisfies, de-escalations that flap, and missing margins.
import type { Deescalation } from '../../model/protocol.js';
import type { AnalysisContext } from '../context.js';
import { type Finding, finding } from '../findings.js';
import type { Box, Region } from '../regions.js';
import type { Value } from '../situations.js';

export function checkDeescalations(context: AnalysisContext): Finding[] {
    const findings: Finding[] = [];
    for (const deescalation of context.protocol.deescalations) {
        const condition = context.space.condition(deescalation.condition);
        const title = `De-escalation from ${deescalation.from} to ${deescalation.to}`;
        if (condition.isEmpty) {
            findings.push(finding('unsatisfiable-condition', deescalation.source, `${title} never applies: no situation satisfies its condition.`));
            continue;
        }
        const target = context.levels.rankOf(deescalation.to);
        const above = context.levels.regionAbove(target);
        const overlap = condition.intersect(above);
        if (!overlap.isEmpty) {
            const example = context.witness(overlap);
            findings.push(finding('flapping', deescalation.source,
                `${title} flaps: at ${example.description} its condition holds, yet the level there is ${example.level.name}, ` +
                `above ${deescalation.to}; the situation would escalate again at once.`,
                { witness: example.json }));
            continue;
        }
        const touch = touching(context, condition.boxes, above.boxes);
        if (touch) {
            findings.push(noMargin(context, deescalation, title, touch, [condition, above]));
        }
    }
    return findings;
}

/**
 * A box of the off-ramp and a box above its target that touch: on every measured axis their ranges
 * meet or are neighbours (a boundary and the values just beside it); on flags, scales and choices
 * they share a value.
 */
function touching(context: AnalysisContext, offramp: readonly Box[], above: readonly Box[]): [Box, Box] | undefined {
    const axes = context.space.axes;
    const budget = context.space.space.budget;
    for (const c of offramp) {
        for (const a of above) {
            budget.spend();
            const touches = axes.every((axis, d) => {
                const slack = axis.kind === 'numeric' ? 1 : 0;
                return c[2 * d] <= a[2 * d + 1] + slack && a[2 * d] <= c[2 * d + 1] + slack;
            });
            if (touches) return [c, a];
        }
    }
    return undefined;
}

function noMargin(context: AnalysisContext, deescalation: Deescalation, title: string, [c, a]: [Box, Box], [condition, above]: [Region, Region]): Finding {
    const { space } = context;
    const offramp = new Map<string, Value>();
    const reescalation = new Map<string, Value>();
    space.axes.forEach((axis, d) => {
        const [clo, chi, alo, ahi] = [c[2 * d], c[2 * d + 1], a[2 * d], a[2 * d + 1]];
        const lo = Math.max(clo, alo);
        const hi = Math.min(chi, ahi);
        // Shared values: the same on both sides. Neighbours: the two cells across the boundary.
        const [x, y] = lo <= hi ? [space.pickCell(d, lo, hi), space.pickCell(d, lo, hi)] : chi < alo ? [chi, alo] : [clo, ahi];
        offramp.set(axis.indicator.name, space.valueAt(d, x));
        reescalation.set(axis.indicator.name, space.valueAt(d, y));
    });
    const shown = new Set([
        ...context.relevantAxes(offramp, condition), ...context.relevantAxes(reescalation, above), ...context.differingAxes(offramp, reescalation),
    ]);
    const leaving = context.witness(condition, offramp, shown);
    const back = context.witness(above, reescalation, shown);
    return finding('no-hysteresis', deescalation.source,
        `${title} leaves no margin: its condition holds at ${leaving.description}, and right beside it, at ${back.description}, ` +
        `the level is ${back.level.name}, above ${deescalation.to}. Leave a gap between the off-ramp and the rules it steps down from.`,
        { witness: { offramp: leaving.json, reescalation: back.json } });
}
