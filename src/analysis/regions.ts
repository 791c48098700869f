// The region engine: exact finite unions of boxes over dimensions of ordered cells.
//
// Every dimension is a finite, ordered list of cells (for a measured indicator: the boundary
// values the protocol mentions and the open gaps between them; for a flag, scale or choice: its
// values). Because every condition compares an indicator with constants, every condition is a
// finite union of boxes of cell ranges, and every operation below is exact.

/** Inclusive cell ranges per dimension: `[lo0, hi0, lo1, hi1, …]`. Empty when some `lo > hi`. */
export type Box = Int32Array;

/** Thrown when an analysis spends more than its budget; callers report `analysis-incomplete`. */
export class BudgetExceeded extends Error {
    constructor(readonly reason: string) {
        super(`analysis budget exceeded: ${reason}`);
        this.name = 'BudgetExceeded';
    }
}

/** A bound on the work of one analysis: box operations, and wall-clock time. */
export class Budget {
    operations = 0;

    constructor(readonly maxOperations = 20_000_000, readonly deadline = Number.POSITIVE_INFINITY) { }

    static withTimeLimit(milliseconds: number, maxOperations?: number): Budget {
        return new Budget(maxOperations, Date.now() + milliseconds);
    }

    spend(amount = 1): void {
        const before = this.operations;
        this.operations += amount;
        if (this.operations > this.maxOperations) {
            throw new BudgetExceeded(`more than ${this.maxOperations} box operations`);
        }
        // Reading the clock is costly: look at it every 4096 operations.
        if ((before >> 12) !== (this.operations >> 12) && Date.now() > this.deadline) {
            throw new BudgetExceeded('time limit reached');
        }
    }
}

export class Space {
    readonly dimensions: number;

    constructor(readonly sizes: readonly number[], readonly budget = new Budget()) {
        this.dimensions = sizes.length;
        for (const size of sizes) {
            if (!(size >= 1)) throw new RangeError('every dimension needs at least one cell');
        }
    }

    /** The box of every situation. */
    fullBox(): Box {
        const box = new Int32Array(this.dimensions * 2);
        for (let d = 0; d < this.dimensions; d++) {
            box[2 * d + 1] = this.sizes[d] - 1;
        }
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

export function isEmptyBox(box: Box): boolean {
    for (let i = 0; i < box.length; i += 2) {
        if (box[i] > box[i + 1]) return true;
    }
    return false;
}

/** The intersection of two boxes, or undefined when they do not meet. */
export function intersectBoxes(a: Box, b: Box): Box | undefined {
    const result = new Int32Array(a.length);
    for (let i = 0; i < a.length; i += 2) {
        const lo = a[i] > b[i] ? a[i] : b[i];
        const hi = a[i + 1] < b[i + 1] ? a[i + 1] : b[i + 1];
        if (lo > hi) return undefined;
        result[i] = lo;
        result[i + 1] = hi;
    }
    return result;
}

export function boxesMeet(a: Box, b: Box): boolean {
    for (let i = 0; i < a.length; i += 2) {
        if (a[i] > b[i + 1] || b[i] > a[i + 1]) return false;
    }
    return true;
}

/** Whether `inner` lies within `outer`. */
export function boxWithin(inner: Box, outer: Box): boolean {
    for (let i = 0; i < inner.length; i += 2) {
        if (inner[i] < outer[i] || inner[i + 1] > outer[i + 1]) return false;
    }
    return true;
}

/**
 * `a − b` as disjoint boxes: for each dimension in turn, the parts of `a` below and above `b`
 * are cut off, and `a` is narrowed to `b` on that dimension.
 */
export function subtractBoxes(a: Box, b: Box): Box[] {
    if (!boxesMeet(a, b)) return [a];
    const pieces: Box[] = [];
    const rest = a.slice();
    for (let i = 0; i < a.length; i += 2) {
        if (rest[i] < b[i]) {
            const below = rest.slice();
            below[i + 1] = b[i] - 1;
            pieces.push(below);
            rest[i] = b[i];
        }
        if (rest[i + 1] > b[i + 1]) {
            const above = rest.slice();
            above[i] = b[i + 1] + 1;
            pieces.push(above);
            rest[i + 1] = b[i + 1];
        }
    }
    return pieces;
}

export class Region {
    constructor(readonly space: Space, readonly boxes: readonly Box[]) { }

    get isEmpty(): boolean {
        return this.boxes.length === 0;
    }

    intersect(other: Region): Region {
        const result: Box[] = [];
        for (const a of this.boxes) {
            for (const b of other.boxes) {
                this.space.budget.spend();
                const meet = intersectBoxes(a, b);
                if (meet) result.push(meet);
            }
        }
        return new Region(this.space, result);
    }

    intersectBox(box: Box): Region {
        const result: Box[] = [];
        for (const a of this.boxes) {
            this.space.budget.spend();
            const meet = intersectBoxes(a, box);
            if (meet) result.push(meet);
        }
        return new Region(this.space, result);
    }

    /** Whether some situation lies in both regions. */
    meets(other: Region): boolean {
        for (const a of this.boxes) {
            for (const b of other.boxes) {
                this.space.budget.spend();
                if (boxesMeet(a, b)) return true;
            }
        }
        return false;
    }

    /** The union; boxes may overlap (use `disjoint()` where that matters). */
    union(other: Region): Region {
        return new Region(this.space, [...this.boxes, ...other.boxes]);
    }

    /** Every situation of this region that is not in `other`, as disjoint pieces of this region's boxes. */
    subtract(other: Region): Region {
        let pieces: Box[] = [...this.boxes];
        for (const b of other.boxes) {
            const next: Box[] = [];
            for (const piece of pieces) {
                this.space.budget.spend();
                for (const rest of subtractBoxes(piece, b)) next.push(rest);
            }
            pieces = next;
            if (pieces.length === 0) break;
        }
        return new Region(this.space, pieces);
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
        const relevant = this.boxes.filter(candidate => boxesMeet(candidate, box));
        this.space.budget.spend(this.boxes.length >> 4);
        return uncovered(box, relevant, 0, this.space.budget);
    }

    /** The same situations as pairwise disjoint boxes. */
    disjoint(): Region {
        const result: Box[] = [];
        for (const box of this.boxes) {
            let pieces = [box];
            for (const earlier of result) {
                if (pieces.length === 0) break;
                const next: Box[] = [];
                for (const piece of pieces) {
                    this.space.budget.spend();
                    next.push(...subtractBoxes(piece, earlier));
                }
                pieces = next;
            }
            result.push(...pieces);
        }
        return new Region(this.space, result);
    }

    /**
     * Merges boxes that differ on one dimension only, where their ranges touch or overlap, until
     * no more merge: fewer, larger boxes for the same situations (for tables people read).
     */
    merged(): Region {
        let boxes = [...this.boxes];
        let changed = true;
        while (changed) {
            changed = false;
            outer: for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    this.space.budget.spend();
                    const joined = joinBoxes(boxes[i], boxes[j]);
                    if (joined) {
                        boxes[i] = joined;
                        boxes.splice(j, 1);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return new Region(this.space, boxes);
    }
}

/** Depth-first: the first piece of `box` that none of `cover[from…]` reaches. */
function uncovered(box: Box, cover: readonly Box[], from: number, budget: Budget): Box | undefined {
    for (let k = from; k < cover.length; k++) {
        if (!boxesMeet(box, cover[k])) continue;
        budget.spend();
        if (boxWithin(box, cover[k])) return undefined;
        for (const piece of subtractBoxes(box, cover[k])) {
            const left = uncovered(piece, cover, k + 1, budget);
            if (left) return left;
        }
        return undefined;
    }
    return box;
}

/** The union of two boxes when it is itself a box (equal on all dimensions but one, touching on that one). */
function joinBoxes(a: Box, b: Box): Box | undefined {
    let differing = -1;
    for (let i = 0; i < a.length; i += 2) {
        if (a[i] !== b[i] || a[i + 1] !== b[i + 1]) {
            if (differing >= 0) return undefined;
            differing = i;
        }
    }
    if (differing < 0) return a; // identical
    const i = differing;
    if (a[i] > b[i + 1] + 1 || b[i] > a[i + 1] + 1) return undefined;
    const joined = a.slice();
    joined[i] = Math.min(a[i], b[i]);
    joined[i + 1] = Math.max(a[i + 1], b[i + 1]);
    return joined;
}
