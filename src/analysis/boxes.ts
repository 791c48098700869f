// Boxes: the building blocks of regions. A box is a product of inclusive cell ranges, one per
// dimension; these are the exact operations on boxes.
import type { Budget } from './budget.js';

/** Inclusive cell ranges per dimension: `[lo0, hi0, lo1, hi1, …]`. Empty when some `lo > hi`. */
export type Box = number[];

export function isEmptyBox(box: Box): boolean {
    for (let i = 0; i < box.length; i += 2) {
        if (box[i] > box[i + 1]) return true;
    }
    return false;
}

/** The intersection of two boxes, or undefined when they do not meet. */
export function intersectBoxes(a: Box, b: Box): Box | undefined {
    const result = a.slice();
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

/**
 * A piece of `box` that none of `cover` reaches, or undefined when they cover it together. Exact for
 * any number of overlapping covering boxes; the pieces are searched depth first, in `cover`'s order.
 */
export function uncoveredPiece(box: Box, cover: readonly Box[], budget: Budget): Box | undefined {
    let found: Box | undefined;
    forEachPieceOutside(box, cover, budget, piece => {
        found = piece;
        return true;
    });
    return found;
}

/** `box` minus every box of `cover`, as disjoint boxes. */
export function piecesOutside(box: Box, cover: readonly Box[], budget: Budget): Box[] {
    const pieces: Box[] = [];
    forEachPieceOutside(box, cover, budget, piece => {
        if (pieces.push(piece) % 4096 === 0) budget.hold(pieces.length, box.length / 2);
    });
    return pieces;
}

/**
 * The disjoint pieces of `box` outside `cover`, one by one (`visit` returns true to stop). Each piece
 * is cut by the covering boxes after the one that split it off: an explicit stack, so that thousands
 * of covering boxes cannot exhaust the call stack.
 */
function forEachPieceOutside(box: Box, cover: readonly Box[], budget: Budget, visit: (piece: Box) => boolean | void): void {
    const boxes: Box[] = [box];
    const starts: number[] = [0];
    while (boxes.length > 0) {
        const piece = boxes.pop()!;
        let k = starts.pop()!;
        const from = k;
        while (k < cover.length && !boxesMeet(piece, cover[k])) k++;
        budget.spend(1 + ((k - from) >> 4));
        if (k === cover.length) {
            if (visit(piece) === true) return;
            continue;
        }
        if (boxWithin(piece, cover[k])) continue;
        const rest = subtractBoxes(piece, cover[k]);
        // Last pushed, first cut: keep the order in which subtractBoxes gives the pieces.
        for (let p = rest.length - 1; p >= 0; p--) {
            boxes.push(rest[p]);
            starts.push(k + 1);
        }
    }
}
