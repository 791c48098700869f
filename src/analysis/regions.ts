// The region engine: exact finite unions of boxes over dimensions of ordered cells.
//
// Every dimension is a finite, ordered list of cells (for a measured indicator: the boundary
// values the protocol mentions and the open gaps between them; for a flag, scale or choice: its
// values). Because every condition compares an indicator with constants, every condition is a
// finite union of boxes of cell ranges, and every operation below is exact.
import { BoxIndex } from './box-index.js';
import { type Box, boxesMeet, intersectBoxes, isEmptyBox, piecesOutside, uncoveredPiece } from './boxes.js';
import { Budget, type Meter } from './budget.js';

export class Space implements Meter {
    readonly dimensions: number;

    constructor(readonly sizes: readonly number[], public budget = new Budget()) {
        this.dimensions = sizes.length;
        for (const size of sizes) {
            if (!(size >= 1)) throw new RangeError('every dimension needs at least one cell');
        }
    }

    /** Runs `work` with its operations charged to `budget`: each question asked of an analysis has a budget of its own. */
    withBudget<T>(budget: Budget, work: () => T): T {
        const before = this.budget;
        this.budget = budget;
        try {
            return work();
        } finally {
            this.budget = before;
        }
    }

    /** The box of every situation. */
    fullBox(): Box {
        const box: Box = [];
        for (let d = 0; d < this.dimensions; d++) box.push(0, this.sizes[d] - 1);
        return box;
    }

    /** The full box, narrowed on one dimension to the given cell range. */
    slab(dimension: number, lo: number, hi: number): Box {
        const box = this.fullBox();
        box[2 * dimension] = Math.max(0, lo);
        box[2 * dimension + 1] = Math.min(this.sizes[dimension] - 1, hi);
        return box;
    }

    full(): Region {
        return new Region(this, [this.fullBox()]);
    }

    empty(): Region {
        return new Region(this, []);
    }

    region(boxes: readonly Box[]): Region {
        return new Region(this, boxes.filter(box => !isEmptyBox(box)));
    }
}

/** Above this many box pairs, operations look boxes up in an index instead of trying every pair. */
const INDEX_THRESHOLD = 256;

interface Indexed {
    readonly box: Box;
    /** The position of the box in its region, so that lookups keep the region's order. */
    readonly order: number;
}

export class Region {
    protected indexed?: BoxIndex<Indexed>;

    constructor(readonly space: Space, readonly boxes: readonly Box[]) {
        space.budget.hold(boxes.length, space.dimensions);
    }

    get isEmpty(): boolean {
        return this.boxes.length === 0;
    }

    /** The boxes of this region that meet `box`, in the region's order. */
    boxesMeeting(box: Box): Box[] {
        if (this.boxes.length <= INDEX_THRESHOLD / 8) {
            this.space.budget.spend(this.boxes.length >> 4);
            return this.boxes.filter(candidate => boxesMeet(candidate, box));
        }
        this.indexed ??= new BoxIndex(this.boxes.map((b, order) => ({ box: b, order })), this.space);
        return this.indexed.meeting(box).sort((a, b) => a.order - b.order).map(item => item.box);
    }

    intersect(other: Region): Region {
        const result: Box[] = [];
        const pairwise = this.boxes.length * other.boxes.length <= INDEX_THRESHOLD;
        for (const a of this.boxes) {
            for (const b of pairwise ? other.boxes : other.boxesMeeting(a)) {
                this.space.budget.spend();
                const meet = intersectBoxes(a, b);
                if (meet && result.push(meet) % 4096 === 0) this.space.budget.hold(result.length, this.space.dimensions);
            }
        }
        return new Region(this.space, result);
    }

    intersectBox(box: Box): Region {
        return new Region(this.space, this.boxesMeeting(box).map(a => intersectBoxes(a, box)!));
    }

    /** Whether some situation lies in both regions. */
    meets(other: Region): boolean {
        const [few, many] = this.boxes.length <= other.boxes.length ? [this, other] : [other, this];
        return few.boxes.some(box => many.meetsBox(box));
    }

    meetsBox(box: Box): boolean {
        return this.boxesMeeting(box).length > 0;
    }

    /** The union; boxes may overlap (use `disjoint()` where that matters). */
    union(other: Region): Region {
        return new Region(this.space, [...this.boxes, ...other.boxes]);
    }

    /** Every situation of this region that is not in `other`, as disjoint pieces of this region's boxes. */
    subtract(other: Region): Region {
        return new Region(this.space, this.boxes.flatMap(box => piecesOutside(box, other.boxesMeeting(box), this.space.budget)));
    }

    complement(): Region {
        return this.space.full().subtract(this);
    }

    /** Whether every situation of `box` lies in this region; exact for unions of several boxes. */
    coversBox(box: Box): boolean {
        return this.uncoveredPart(box) === undefined;
    }

    /** Whether every situation of `other` lies in this region. */
    covers(other: Region): boolean {
        return other.boxes.every(box => this.coversBox(box));
    }

    /** A piece of `box` outside this region, or undefined when the region covers the box. */
    uncoveredPart(box: Box): Box | undefined {
        return uncoveredPiece(box, this.boxesMeeting(box), this.space.budget);
    }

    /** The same situations as pairwise disjoint boxes: each box less the boxes before it. */
    disjoint(): Region {
        const earlier = (box: Box, order: number) => this.boxesMeeting(box).filter(other => this.orderOf(other) < order);
        return new Region(this.space, this.boxes.flatMap((box, order) => piecesOutside(box, earlier(box, order), this.space.budget)));
    }

    /**
     * Merges boxes that differ on one dimension only, where their ranges touch or overlap, until
     * no more merge: fewer, larger boxes for the same situations (for tables people read). Each
     * pass groups the boxes that agree on all dimensions but one, and joins runs along that one.
     */
    merged(): Region {
        let boxes = [...this.boxes];
        const hashes = new BoxHashes();
        for (let changed = true; changed;) {
            changed = false;
            for (let d = 0; d < this.space.dimensions && boxes.length > 1; d++) {
                const joined = joinAlong(boxes, d, hashes);
                if (joined.length < boxes.length) {
                    boxes = joined;
                    changed = true;
                }
            }
        }
        return new Region(this.space, boxes);
    }

    protected orderOf(box: Box): number {
        this.orders ??= new Map(this.boxes.map((b, order) => [b, order]));
        return this.orders.get(box)!;
    }

    protected orders?: Map<Box, number>;
}

/**
 * Joins, along dimension `d`, the boxes equal on every other dimension whose ranges on `d` touch or
 * overlap. The result keeps the order of the first box of each run.
 */
function joinAlong(boxes: readonly Box[], d: number, hashes: BoxHashes): Box[] {
    const groups = new Map<number, number[]>();
    boxes.forEach((box, i) => {
        const key = hashes.without(box, d);
        const group = groups.get(key);
        if (group) group.push(i); else groups.set(key, [i]);
    });
    const result: (Box | undefined)[] = [...boxes];
    for (const group of groups.values()) {
        if (group.length < 2) continue;
        for (const same of equalClasses(boxes, group, d)) {
            if (same.length > 1) joinRun(boxes, same, d, result);
        }
    }
    return result.filter((box): box is Box => box !== undefined);
}

/** The boxes of a hash group split by what they really are on the other dimensions (hashes may collide). */
function equalClasses(boxes: readonly Box[], group: readonly number[], d: number): number[][] {
    const classes: number[][] = [];
    for (const i of group) {
        const same = classes.find(c => equalExcept(boxes[c[0]], boxes[i], d));
        if (same) same.push(i); else classes.push([i]);
    }
    return classes;
}

/** Joins the touching or overlapping runs, along d, of boxes equal elsewhere; the first of a run keeps its place. */
function joinRun(boxes: readonly Box[], same: readonly number[], d: number, result: (Box | undefined)[]): void {
    const sorted = [...same].sort((a, b) => boxes[a][2 * d] - boxes[b][2 * d] || a - b);
    let run = sorted[0];
    let current = boxes[run];
    for (const i of sorted.slice(1)) {
        const box = boxes[i];
        if (box[2 * d] <= current[2 * d + 1] + 1) {
            if (box[2 * d + 1] > current[2 * d + 1]) {
                current = current.slice();
                current[2 * d + 1] = box[2 * d + 1];
            }
            result[run] = undefined;
            result[i] = undefined;
            run = Math.min(run, i);
            result[run] = current;
        } else {
            run = i;
            current = box;
        }
    }
}

function equalExcept(a: Box, b: Box, d: number): boolean {
    for (let k = 0; k < a.length; k++) {
        if ((k >> 1) !== d && a[k] !== b[k]) return false;
    }
    return true;
}

/**
 * Hashes of boxes without one dimension: each dimension's range is mixed into a word, and the words
 * are xored, so that taking one dimension out is one more xor. Boxes equal on the other dimensions
 * hash alike. Worked out once per box.
 */
class BoxHashes {
    protected readonly words = new WeakMap<Box, { readonly all: number; readonly each: Int32Array }>();

    without(box: Box, d: number): number {
        let words = this.words.get(box);
        if (!words) {
            const each = new Int32Array(box.length >> 1);
            let all = 0;
            for (let k = 0; k < box.length; k += 2) {
                each[k >> 1] = mix(k, box[k], box[k + 1]);
                all ^= each[k >> 1];
            }
            words = { all, each };
            this.words.set(box, words);
        }
        return words.all ^ words.each[d];
    }
}

function mix(position: number, lo: number, hi: number): number {
    let h = Math.imul(position + 1, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(hi + 0x165667b1, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 13)) | 0;
}
