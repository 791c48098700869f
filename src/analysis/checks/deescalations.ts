// Checks of the off-ramps: conditions nothing satisfies, de-escalations that flap, and missing margins.
import type { Deescalation } from '../../model/protocol.js';
import type { AnalysisContext } from '../context.js';
import { type Finding, finding } from '../findings.js';
import { type Box, intersectBoxes } from '../boxes.js';
import type { Coverage, RuleBox } from '../levels.js';
import type { Region } from '../regions.js';
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
        const above = context.levels.above(target);
        const overlap = overlapAbove(context, condition, target);
        if (!overlap.isEmpty) {
            const example = context.witness(overlap);
            findings.push(finding('flapping', deescalation.source,
                `${title} flaps: at ${example.description} its condition holds, yet the level there is ${example.level.name}, ` +
                `above ${deescalation.to}; the situation would escalate again at once.`,
                { witness: example.json }));
            continue;
        }
        const touch = touching(context, condition.boxes, target);
        if (touch) {
            findings.push(noMargin(context, deescalation, title, touch, [condition, above]));
        }
    }
    return findings;
}

/** Where the off-ramp's condition holds and the level is above its target; the least severe rules first. */
function overlapAbove(context: AnalysisContext, condition: Region, target: number): Region {
    const { levels } = context;
    const boxes = condition.boxes.flatMap(box => leastSevereFirst(levels.rulesMeeting(box, r => r.rank > target))
        .map(r => intersectBoxes(box, r.box)!));
    return context.space.space.region(boxes);
}

/**
 * A box of the off-ramp and a box of a rule above its target that touch: on every measured axis
 * their ranges meet or are neighbours (a boundary and the values just beside it); on flags, scales
 * and choices they share a value.
 */
function touching(context: AnalysisContext, offramp: readonly Box[], target: number): [Box, Box] | undefined {
    const { levels, space } = context;
    for (const c of offramp) {
        // The box widened by one cell on measured axes: what it touches, it meets.
        const reach = c.slice();
        space.axes.forEach((axis, d) => {
            if (axis.kind !== 'numeric') return;
            reach[2 * d] = Math.max(0, c[2 * d] - 1);
            reach[2 * d + 1] = Math.min(space.space.sizes[d] - 1, c[2 * d + 1] + 1);
        });
        const [first] = leastSevereFirst(levels.rulesMeeting(reach, r => r.rank > target));
        if (first) return [c, first.box];
    }
    return undefined;
}

function leastSevereFirst(ruleBoxes: RuleBox[]): RuleBox[] {
    return ruleBoxes.sort((a, b) => a.rank - b.rank || a.order - b.order);
}

function noMargin(context: AnalysisContext, deescalation: Deescalation, title: string, [c, a]: [Box, Box], [condition, above]: [Region, Coverage]): Finding {
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
    const back = context.concrete(reescalation, shown);
    return finding('no-hysteresis', deescalation.source,
        `${title} leaves no margin: its condition holds at ${leaving.description}, and right beside it, at ${back.description}, ` +
        `the level is ${back.level.name}, above ${deescalation.to}. Leave a gap between the off-ramp and the rules it steps down from.`,
        { witness: { offramp: leaving.json, reescalation: back.json } });
}
