// A per-dimension sweep index over a fixed list of boxes, as bit sets: for every dimension and every
// cell, the boxes that start at or below it and those that end at or above it. Which boxes meet a box,
// or contain it, is then an `and` of a few bit sets per dimension — a word holds 32 boxes — whatever
// the number of dimensions and however wide the boxes are (a tree of bounding boxes degrades when
// every box is wide on most of its twenty dimensions; this does not). On it: exact covering of a box
// by a union of the indexed boxes, split only along the bounds of the boxes that meet each piece.
import { type Box, subtractBoxes } from './boxes.js';
import type { Meter } from './budget.js';

/** A set of indexed boxes: bit `i % 32` of word `i >> 5` for the `i`th box. */
export type BoxMask = Int32Array;

/** Candidates as a sparse list of non-zero words: their positions and their bits. */
interface Words {
    readonly at: Int32Array;
    readonly bits: Int32Array;
    readonly length: number;
}

const NONE: Words = { at: new Int32Array(0), bits: new Int32Array(0), length: 0 };

export class BoxSets {
    /** Words of a mask. */
    readonly words: number;
    readonly dimensions: number;
    /** Every box. */
    readonly all: BoxMask;
    /** Per dimension and cell: the offset, in `low[d]`, of the boxes whose range starts at or below the cell, or -1 for none. */
    protected readonly lowAt: Int32Array[] = [];
    protected readonly low: Int32Array[] = [];
    /** Per dimension and cell: the offset, in `high[d]`, of the boxes whose range ends at or above the cell, or -1 for none. */
    protected readonly highAt: Int32Array[] = [];
    protected readonly high: Int32Array[] = [];

    /** Per word, the dimensions on which some of its boxes are narrower than the whole range. */
    protected readonly wordDimensions: number[][];
    /** Every box's bounds, one after another. */
    protected readonly flat: Int32Array;

    constructor(readonly boxes: readonly Box[], readonly sizes: readonly number[], protected readonly meter?: Meter) {
        const count = boxes.length;
        this.flat = Int32Array.from(boxes.flat());
        this.words = (count + 31) >>> 5;
        this.dimensions = sizes.length;
        this.wordDimensions = Array.from({ length: this.words }, (_, w) => {
            const dimensions = new Set<number>();
            for (const box of boxes.slice(w << 5, (w + 1) << 5)) this.narrowedDimensions(box).forEach(d => dimensions.add(d));
            return [...dimensions].sort((a, b) => a - b);
        });
        this.all = new Int32Array(this.words);
        for (let i = 0; i < count; i++) this.all[i >>> 5] |= 1 << (i & 31);
        meter?.budget.spend(count);
        for (let d = 0; d < this.dimensions; d++) {
            const [lowAt, low] = this.sweep(d, box => box[2 * d], false);
            const [highAt, high] = this.sweep(d, box => box[2 * d + 1], true);
            this.lowAt.push(lowAt);
            this.low.push(low);
            this.highAt.push(highAt);
            this.high.push(high);
        }
    }

    /**
     * For one bound of every box on dimension `d`: one set per distinct value, of the boxes whose bound
     * is at or below it (`downward`: at or above it), and where each cell finds its set.
     */
    protected sweep(d: number, bound: (box: Box) => number, downward: boolean): [Int32Array, Int32Array] {
        const { words } = this;
        const size = this.sizes[d];
        const byCell: number[][] = Array.from({ length: size }, () => []);
        this.boxes.forEach((box, i) => byCell[bound(box)].push(i));
        const distinct = byCell.reduce((n, list) => n + (list.length > 0 ? 1 : 0), 0);
        const sets = new Int32Array(distinct * words);
        const at = new Int32Array(size).fill(-1);
        this.meter?.budget.spend((distinct * words) >> 4);
        let slot = -1;
        for (let k = 0; k < size; k++) {
            const cell = downward ? size - 1 - k : k;
            if (byCell[cell].length > 0) {
                slot++;
                const offset = slot * words;
                if (slot > 0) sets.copyWithin(offset, offset - words, offset);
                for (const i of byCell[cell]) sets[offset + (i >>> 5)] |= 1 << (i & 31);
            }
            at[cell] = slot < 0 ? -1 : slot * words;
        }
        return [at, sets];
    }

    /** A mask of the boxes `keep` accepts. */
    mask(keep: (index: number) => boolean): BoxMask {
        const mask = new Int32Array(this.words);
        for (let i = 0; i < this.boxes.length; i++) {
            if (keep(i)) mask[i >>> 5] |= 1 << (i & 31);
        }
        return mask;
    }

    /** Whether some box of `among` meets `box`. */
    meets(box: Box, among: BoxMask = this.all): boolean {
        return this.meeting(box, undefined, among, true).length > 0;
    }

    /** The boxes of `among` that meet `box`, in index order. */
    meetingIndices(box: Box, among: BoxMask = this.all): number[] {
        const found: number[] = [];
        const words = this.meeting(box, undefined, among);
        for (let k = 0; k < words.length; k++) {
            for (let bits = words.bits[k]; bits !== 0; bits &= bits - 1) found.push((words.at[k] << 5) + lowestBit(bits));
        }
        return found;
    }

    /** The first of `groups`, in order, with a box that meets `box`, or -1. */
    firstGroupMeeting(box: Box, groups: readonly BoxMask[]): number {
        return groups.findIndex(group => this.meets(box, group));
    }

    /** The first box of `among`, in index order, that contains `box` and that `accept` accepts, or -1. */
    firstContaining(box: Box, among: BoxMask, accept: (index: number) => boolean): number {
        const words = this.meeting(box, undefined, among);
        for (let k = 0; k < words.length; k++) {
            for (let bits = this.containing(box, words.at[k], words.bits[k]); bits !== 0; bits &= bits - 1) {
                const index = (words.at[k] << 5) + lowestBit(bits);
                if (accept(index)) return index;
            }
        }
        return -1;
    }

    /**
     * The number of cells `box` has in common with the `i`th box, as a product of widths in the order of
     * the dimensions (the same order always gives the same rounding).
     */
    cellsInCommon(box: Box, i: number): number {
        const flat = this.flat;
        const base = i * 2 * this.dimensions;
        let product = 1;
        for (let k = 0; k < box.length; k += 2) {
            const lo = box[k] > flat[base + k] ? box[k] : flat[base + k];
            const hi = box[k + 1] < flat[base + k + 1] ? box[k + 1] : flat[base + k + 1];
            if (hi < lo) return 0;
            product *= hi - lo + 1;
        }
        return product;
    }

    /**
     * A piece of `box` that no box of `among` reaches, or undefined when they cover it together. Exact:
     * a piece no box meets is uncovered, a piece some box contains is covered; otherwise the piece is
     * cut by a box that meets it (one that fails to contain it on a single dimension, when there is one:
     * two slabs are left) and the parts outside that box are searched in turn, depth first.
     */
    uncovered(box: Box, among: BoxMask = this.all): Box | undefined {
        const budget = this.meter?.budget;
        const pieces: Box[] = [box];
        const first = this.meeting(box, undefined, among);
        const parents: Words[] = [first];
        const candidates: (Words | undefined)[] = [first];
        while (pieces.length > 0) {
            const piece = pieces.pop()!;
            const parent = parents.pop()!;
            const words = candidates.pop() ?? this.meeting(piece, parent);
            if (words.length === 0) {
                budget?.spend(1);
                return piece;
            }
            // One pass over the candidates: those that contain the piece, and those that miss it on one dimension only.
            let cut = -1;
            let fallback = -1;
            let covered = false;
            let k = 0;
            const narrowed = this.narrowedDimensions(piece);
            for (; k < words.length && !covered; k++) {
                const bits = words.bits[k];
                const w = words.at[k];
                let one = 0;
                let two = 0;
                // Only where the piece or some box of the word is narrower than the whole range can a box miss it.
                for (const d of narrowed) {
                    const misses = bits & ~this.containsOn(d, piece, w);
                    two |= one & misses;
                    one |= misses;
                }
                for (const d of this.wordDimensions[w]) {
                    if (piece[2 * d] !== 0 || piece[2 * d + 1] !== this.sizes[d] - 1) continue;
                    const misses = bits & ~this.containsOn(d, piece, w);
                    two |= one & misses;
                    one |= misses;
                }
                if ((bits & ~one) !== 0) covered = true;
                else if (cut < 0 && (one & ~two) !== 0) cut = (words.at[k] << 5) + lowestBit(one & ~two);
                else if (fallback < 0) fallback = (words.at[k] << 5) + lowestBit(bits);
            }
            // Charged for the words looked at: the pass stops at the first box that contains the piece.
            budget?.spend(1 + ((k * (narrowed.length + 1)) >> 5));
            if (covered) continue;
            if (cut < 0) cut = fallback;
            const rest = subtractBoxes(piece, this.boxes[cut]);
            const without = this.remove(words, cut);
            // Last pushed, first searched: the pieces in the order subtractBoxes gives them.
            for (let p = rest.length - 1; p >= 0; p--) {
                pieces.push(rest[p]);
                parents.push(without);
                candidates.push(undefined);
            }
        }
        return undefined;
    }

    /** Whether the boxes of `among` cover `box` together. */
    covers(box: Box, among: BoxMask = this.all): boolean {
        return this.uncovered(box, among) === undefined;
    }

    /** The dimensions on which `box` is narrower than the whole range. */
    protected narrowedDimensions(box: Box): number[] {
        const narrowed: number[] = [];
        for (let d = 0; d < this.dimensions; d++) {
            if (box[2 * d] !== 0 || box[2 * d + 1] !== this.sizes[d] - 1) narrowed.push(d);
        }
        return narrowed;
    }

    /** The candidates less one box. */
    protected remove(words: Words, index: number): Words {
        const at = words.at.slice(0, words.length);
        const bits = words.bits.slice(0, words.length);
        const k = at.indexOf(index >>> 5);
        bits[k] &= ~(1 << (index & 31));
        return { at, bits, length: words.length };
    }

    /** The boxes of `from` (all of `among` when undefined) that meet `box`, as their non-zero words (`firstOnly`: the first word). */
    protected meeting(box: Box, from?: Words, among: BoxMask = this.all, firstOnly = false): Words {
        // Only the dimensions the box narrows tell boxes apart: on the others, every box meets it.
        const lows: Int32Array[] = [];
        const highs: Int32Array[] = [];
        const lowOffsets: number[] = [];
        const highOffsets: number[] = [];
        for (let d = 0; d < this.dimensions; d++) {
            const lo = box[2 * d];
            const hi = box[2 * d + 1];
            if (lo <= 0 && hi >= this.sizes[d] - 1) continue;
            // Boxes that start at or below hi, and end at or above lo.
            const lowOffset = this.lowAt[d][hi];
            const highOffset = this.highAt[d][lo];
            if (lowOffset < 0 || highOffset < 0) return NONE;
            lows.push(this.low[d]);
            highs.push(this.high[d]);
            lowOffsets.push(lowOffset);
            highOffsets.push(highOffset);
        }
        const n = from ? from.length : among.length;
        const at = new Int32Array(n);
        const bits = new Int32Array(n);
        let length = 0;
        // The work: a look at each word, and the dimensions' sets for the words that hold boxes of `among`.
        let work = n;
        for (let k = 0; k < n; k++) {
            const w = from ? from.at[k] : k;
            let x = from ? from.bits[k] : among[k];
            if (x !== 0) work += lows.length;
            for (let j = 0; j < lows.length && x !== 0; j++) x &= lows[j][lowOffsets[j] + w] & highs[j][highOffsets[j] + w];
            if (x !== 0) {
                at[length] = w;
                bits[length++] = x;
                if (firstOnly) break;
            }
        }
        this.meter?.budget.spend(1 + (work >> 5));
        return { at, bits, length };
    }

    /** The boxes of word `w` whose range on `d` holds the piece's. */
    protected containsOn(d: number, piece: Box, w: number): number {
        const lowOffset = this.lowAt[d][piece[2 * d]];
        const highOffset = this.highAt[d][piece[2 * d + 1]];
        if (lowOffset < 0 || highOffset < 0) return 0;
        return this.low[d][lowOffset + w] & this.high[d][highOffset + w];
    }

    /** The boxes among `bits` (word `w`) that contain `box`. */
    protected containing(box: Box, w: number, bits: number): number {
        for (let d = 0; d < this.dimensions && bits !== 0; d++) bits &= this.containsOn(d, box, w);
        return bits;
    }
}

/** The position of the lowest set bit of a non-zero word. */
export function lowestBit(bits: number): number {
    return 31 - Math.clz32(bits & -bits);
}
