// Fewer, larger rows for the same situations: boxes that differ on one dimension only are joined where
// their ranges touch or overlap, until none can be. The same boxes, in the same order, as the regions'
// own `merged()`, worked out for tables of a hundred thousand rows: groups are found through hashes in an
// open-addressed table and chains in typed arrays, and merging stops as soon as no dimension can join anything more.
import type { Box } from '../analysis/boxes.js';

/** A box with the hash of its range on each dimension and their xor: without one dimension is one more xor. */
interface Hashed {
    readonly box: Box;
    readonly each: Int32Array;
    readonly all: number;
}

export function mergeBoxes(boxes: readonly Box[], dimensions: number): Box[] {
    let current = boxes.map(hashed);
    // Each pass over the dimensions repeats while one joined something; once every dimension in a row
    // has joined nothing, no further pass can: stop there.
    for (let d = 0, idle = 0; idle < dimensions && current.length > 1; d = (d + 1) % dimensions) {
        const joined = joinAlong(current, d);
        if (joined.length < current.length) {
            current = joined;
            idle = 0;
        } else {
            idle++;
        }
    }
    return current.map(item => item.box);
}

/**
 * Joins, along dimension `d`, the boxes equal on every other dimension whose ranges on `d` touch or
 * overlap. The joined box takes the place of the first box of its run.
 */
function joinAlong(items: readonly Hashed[], d: number): Hashed[] {
    const n = items.length;
    // Boxes of equal hash without `d`, chained in order through an open-addressed table of the chains' first
    // boxes (a power of two at least twice as large as the boxes: short probes), then the next of each.
    const size = 1 << (32 - Math.clz32(2 * n - 1));
    const keys = new Int32Array(size);
    const heads = new Int32Array(size).fill(-1);
    const next = new Int32Array(n).fill(-1);
    const last = new Int32Array(n);
    const isHead = new Uint8Array(n);
    let chained = false;
    for (let i = 0; i < n; i++) {
        const key = items[i].all ^ items[i].each[d];
        let slot = key & (size - 1);
        while (heads[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & (size - 1);
        const head = heads[slot];
        if (head === -1) {
            heads[slot] = i;
            keys[slot] = key;
            last[i] = i;
            isHead[i] = 1;
        } else {
            next[last[head]] = i;
            last[head] = i;
            chained = true;
        }
    }
    if (!chained) return items as Hashed[];
    const result: (Hashed | undefined)[] = [...items];
    let changed = false;
    for (let head = 0; head < n; head++) {
        if (isHead[head] === 0 || next[head] === -1) continue;
        const chain: number[] = [];
        for (let i = head; i !== -1; i = next[i]) chain.push(i);
        // Equal hashes may hide unequal boxes: split the chain by what the boxes are.
        for (const same of equalClasses(items, chain, d)) {
            if (same.length > 1 && joinRun(items, same, d, result)) changed = true;
        }
    }
    return changed ? result.filter((item): item is Hashed => item !== undefined) : items as Hashed[];
}

function equalClasses(items: readonly Hashed[], chain: readonly number[], d: number): number[][] {
    const classes: number[][] = [];
    for (const i of chain) {
        const same = classes.find(c => equalExcept(items[c[0]].box, items[i].box, d));
        if (same) same.push(i); else classes.push([i]);
    }
    return classes;
}

/** Joins the touching or overlapping runs along `d` of boxes equal elsewhere; says whether it joined any. */
function joinRun(items: readonly Hashed[], same: readonly number[], d: number, result: (Hashed | undefined)[]): boolean {
    const lo = 2 * d;
    const hi = lo + 1;
    const sorted = [...same].sort((a, b) => items[a].box[lo] - items[b].box[lo] || a - b);
    let joined = false;
    let run = sorted[0];
    let current = items[run];
    for (let k = 1; k < sorted.length; k++) {
        const i = sorted[k];
        const box = items[i].box;
        if (box[lo] <= current.box[hi] + 1) {
            if (box[hi] > current.box[hi]) {
                const wider = current.box.slice();
                wider[hi] = box[hi];
                current = rehashed(current, wider, d);
            }
            result[run] = undefined;
            result[i] = undefined;
            run = Math.min(run, i);
            result[run] = current;
            joined = true;
        } else {
            run = i;
            current = items[i];
        }
    }
    return joined;
}

function equalExcept(a: Box, b: Box, d: number): boolean {
    for (let k = 0; k < a.length; k++) {
        if ((k >> 1) !== d && a[k] !== b[k]) return false;
    }
    return true;
}

function hashed(box: Box): Hashed {
    const each = new Int32Array(box.length >> 1);
    let all = 0;
    for (let k = 0; k < box.length; k += 2) {
        each[k >> 1] = mix(k, box[k], box[k + 1]);
        all ^= each[k >> 1];
    }
    return { box, each, all };
}

/** A joined box: equal to `like` but on dimension `d`. */
function rehashed(like: Hashed, box: Box, d: number): Hashed {
    const each = like.each.slice();
    each[d] = mix(2 * d, box[2 * d], box[2 * d + 1]);
    return { box, each, all: like.all ^ like.each[d] ^ each[d] };
}

function mix(position: number, lo: number, hi: number): number {
    let h = Math.imul(position + 1, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(hi + 0x165667b1, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 13)) | 0;
}
