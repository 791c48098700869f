// A static spatial index over boxes (a bounding-volume hierarchy): which boxes meet a given box,
// without looking at all of them. Protocols with thousands of rules ask this of every rule.
import { type Box, boxesMeet } from './boxes.js';
import type { Meter } from './budget.js';

/** Up to this many boxes share a leaf: below it, a scan is cheaper than more nodes. */
const LEAF_SIZE = 8;

interface Node<T> {
    /** The smallest box around every box below the node. */
    readonly bounds: Box;
    /** At a leaf, its boxes. */
    readonly items?: readonly T[];
    /** Elsewhere: the boxes below the split, those above it, and those that cross it (if any). */
    readonly children?: readonly Node<T>[];
}

export class BoxIndex<T extends { readonly box: Box }> {
    protected readonly root?: Node<T>;

    constructor(items: readonly T[], protected readonly meter?: Meter) {
        if (items.length > 0) this.root = this.build(items);
    }

    /** Calls `visit` with every box that meets `box`, in no particular order; `visit` returns true to stop. */
    forEachMeeting(box: Box, visit: (item: T) => boolean | void): void {
        if (!this.root) return;
        const stack: Node<T>[] = [this.root];
        for (let node = stack.pop(); node; node = stack.pop()) {
            this.meter?.budget.spend();
            if (!boxesMeet(node.bounds, box)) continue;
            if (node.children) {
                for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]);
                continue;
            }
            // Each box of a leaf is looked at: the work is charged by the box, not by the node.
            this.meter?.budget.spend(node.items!.length);
            for (const item of node.items!) {
                if (boxesMeet(item.box, box) && visit(item) === true) return;
            }
        }
    }

    /** The boxes that meet `box` and satisfy `keep`. */
    meeting(box: Box, keep: (item: T) => boolean = () => true): T[] {
        const found: T[] = [];
        this.forEachMeeting(box, item => {
            if (keep(item)) found.push(item);
        });
        return found;
    }

    /** Whether some box that satisfies `keep` meets `box`. */
    meets(box: Box, keep: (item: T) => boolean = () => true): boolean {
        let found = false;
        this.forEachMeeting(box, item => (found = keep(item)));
        return found;
    }

    /**
     * Splits at a cell boundary of the dimension that separates the boxes best: fewest boxes crossing
     * it, then the most even halves. The crossing boxes get a subtree of their own, split on other
     * dimensions, so that wide boxes (a rule that holds in every sector) do not widen the others' nodes.
     */
    protected build(items: readonly T[]): Node<T> {
        const bounds = boundsOf(items);
        if (items.length <= LEAF_SIZE) return { bounds, items };
        let best: { d: number; at: number; crossing: number; balance: number } | undefined;
        const dimensions = bounds.length / 2;
        for (let d = 0; d < dimensions; d++) {
            const centres = new Int32Array(items.length);
            items.forEach(({ box }, i) => { centres[i] = box[2 * d] + box[2 * d + 1]; });
            centres.sort(); // typed arrays sort numerically, natively
            // Boxes wholly below `at` go left, wholly at or above it go right.
            const at = Math.floor(centres[centres.length >> 1] / 2) + 1;
            let crossing = 0;
            let left = 0;
            for (const { box } of items) {
                if (box[2 * d + 1] < at) left++;
                else if (box[2 * d] < at) crossing++;
            }
            const right = items.length - left - crossing;
            if (left === 0 || right === 0) continue;
            const balance = Math.abs(left - right);
            if (!best || crossing < best.crossing || (crossing === best.crossing && balance < best.balance)) {
                best = { d, at, crossing, balance };
            }
        }
        if (!best) return { bounds, items };
        const { d, at } = best;
        const below = items.filter(({ box }) => box[2 * d + 1] < at);
        const above = items.filter(({ box }) => box[2 * d] >= at);
        const crossing = items.filter(({ box }) => box[2 * d] < at && box[2 * d + 1] >= at);
        const children = [this.build(below), this.build(above)];
        if (crossing.length > 0) children.push(this.build(crossing));
        return { bounds, children };
    }
}

function boundsOf(items: readonly { readonly box: Box }[]): Box {
    const bounds = items[0].box.slice();
    for (const { box } of items) {
        for (let i = 0; i < box.length; i += 2) {
            if (box[i] < bounds[i]) bounds[i] = box[i];
            if (box[i + 1] > bounds[i + 1]) bounds[i + 1] = box[i + 1];
        }
    }
    return bounds;
}
