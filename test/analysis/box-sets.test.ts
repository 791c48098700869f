// The bit-set index over rule boxes: which boxes meet or contain a box, and whether some of them cover
// it together, checked cell by cell against random boxes in a small space.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BoxSets } from '../../src/analysis/box-sets.js';
import type { Box } from '../../src/analysis/boxes.js';

const SIZES = [4, 3, 5];

const range = (size: number) => fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
const randomBox = fc.tuple(...SIZES.map(range)).map(ranges => ranges.flat() as Box);

function cellsOf(box: Box): string[] {
    const cells: string[] = [];
    for (let x = box[0]; x <= box[1]; x++) for (let y = box[2]; y <= box[3]; y++) for (let z = box[4]; z <= box[5]; z++) cells.push(`${x},${y},${z}`);
    return cells;
}

const meet = (a: Box, b: Box) => a.every((_, i) => i % 2 === 1 || (a[i] <= b[i + 1] && b[i] <= a[i + 1]));
const within = (inner: Box, outer: Box) => inner.every((_, i) => i % 2 === 1 || (inner[i] >= outer[i] && inner[i + 1] <= outer[i + 1]));

describe('box sets', () => {
    test('meeting, containing and covering agree with the cells, for any subset of the boxes', () => {
        // More than 32 boxes: masks of several words.
        fc.assert(fc.property(fc.array(randomBox, { minLength: 1, maxLength: 70 }), randomBox, fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }),
            (boxes, box, chosen) => {
                const sets = new BoxSets(boxes, SIZES);
                const mask = sets.mask(i => chosen[i]);
                const kept = boxes.map((_, i) => i).filter(i => chosen[i]);
                expect(sets.meetingIndices(box, mask)).toEqual(kept.filter(i => meet(boxes[i], box)));
                expect(sets.meets(box, mask)).toBe(kept.some(i => meet(boxes[i], box)));
                expect(sets.firstGroupMeeting(box, [mask, sets.all])).toBe(kept.some(i => meet(boxes[i], box)) ? 0 : boxes.some(b => meet(b, box)) ? 1 : -1);
                // The share of the box's cells each box holds.
                boxes.forEach((other, i) => {
                    expect(sets.cellsInCommon(box, i)).toBe(cellsOf(box).filter(cell => cellsOf(other).includes(cell)).length);
                });
                expect(sets.firstContaining(box, mask, () => true)).toBe(kept.find(i => within(box, boxes[i])) ?? -1);
                // The first that also passes a test of its own: here, an odd index.
                expect(sets.firstContaining(box, mask, i => i % 2 === 1)).toBe(kept.find(i => i % 2 === 1 && within(box, boxes[i])) ?? -1);
                const covered = new Set(kept.flatMap(i => cellsOf(boxes[i])));
                const missing = cellsOf(box).filter(cell => !covered.has(cell));
                expect(sets.covers(box, mask)).toBe(missing.length === 0);
                const piece = sets.uncovered(box, mask);
                if (piece) {
                    // A piece of the box that no chosen box reaches.
                    expect(within(piece, box)).toBe(true);
                    expect(cellsOf(piece).some(cell => covered.has(cell))).toBe(false);
                }
            }), { numRuns: 300 });
    });

    test('the cells two boxes have in common', () => {
        const boxes: Box[] = Array.from({ length: 40 }, (_, i) => [0, i % 4, 0, 2, 1, 3]);
        const sets = new BoxSets(boxes, SIZES);
        expect(sets.cellsInCommon([1, 3, 0, 0, 0, 4], 3)).toBe(3 * 1 * 3);
        expect(sets.cellsInCommon([1, 3, 0, 0, 0, 4], 0)).toBe(0);
    });
});
