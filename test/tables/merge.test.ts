// The tables' merge gives the boxes the regions' own merge gives, in the same order: the rows of every
// output stay as they were, only quicker to work out.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Box } from '../../src/analysis/boxes.js';
import { Space } from '../../src/analysis/regions.js';
import { mergeBoxes } from '../../src/tables/merge.js';

/** Random boxes in a small space of 1 to 4 dimensions, so that many touch, overlap or repeat. */
const boxesIn = (sizes: readonly number[]) => fc.array(
    fc.tuple(...sizes.map(size => fc.tuple(fc.nat(size - 1), fc.nat(size - 1)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)))
        .map(ranges => ranges.flat() as Box),
    { maxLength: 60 });

const spaces = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 });

describe('merging rows', () => {
    test('the same boxes in the same order as Region.merged, overlapping or not', () => {
        fc.assert(fc.property(spaces.chain(sizes => fc.tuple(fc.constant(sizes), boxesIn(sizes))), ([sizes, boxes]) => {
            const space = new Space(sizes);
            expect(mergeBoxes(boxes, sizes.length)).toEqual(space.region(boxes).merged().boxes);
        }), { numRuns: 2000 });
    });

    test('the same boxes on disjoint regions: a grid cut into cells merges back to whole slabs', () => {
        fc.assert(fc.property(spaces.chain(sizes => fc.tuple(fc.constant(sizes), boxesIn(sizes))), ([sizes, boxes]) => {
            const space = new Space(sizes);
            const disjoint = space.region(boxes).disjoint().boxes;
            expect(mergeBoxes(disjoint, sizes.length)).toEqual(space.region(disjoint).merged().boxes);
        }), { numRuns: 2000 });
        const space = new Space([4, 3]);
        const cells: Box[] = [];
        for (let x = 0; x < 4; x++) for (let y = 0; y < 3; y++) cells.push([x, x, y, y]);
        expect(mergeBoxes(cells, 2)).toEqual([[0, 3, 0, 2]]);
        expect(space.region(cells).merged().boxes).toEqual([[0, 3, 0, 2]]);
    });
});
