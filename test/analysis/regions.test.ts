// The region engine: exact operations on finite unions of boxes.
import { describe, expect, test } from 'vitest';
import { type Box, subtractBoxes } from '../../src/analysis/boxes.js';
import { Budget, BudgetExceeded } from '../../src/analysis/budget.js';
import { Space } from '../../src/analysis/regions.js';

/** A two-dimensional space of 10 × 10 cells; boxes are written [x0, x1, y0, y1]. */
const space = new Space([10, 10]);
const box = (x0: number, x1: number, y0: number, y1: number): Box => ([x0, x1, y0, y1]);
const region = (...boxes: Box[]) => space.region(boxes);

/** The cells of a region, for comparing regions by content. */
function cells(r: ReturnType<typeof region>): string[] {
    const found = new Set<string>();
    for (const b of r.boxes) {
        for (let x = b[0]; x <= b[1]; x++) for (let y = b[2]; y <= b[3]; y++) found.add(`${x},${y}`);
    }
    return [...found].sort();
}

describe('regions', () => {
    test('empty boxes are dropped; the full region is one box', () => {
        expect(region(box(3, 2, 0, 9)).isEmpty).toBe(true);
        expect(cells(space.full())).toHaveLength(100);
        expect(space.empty().isEmpty).toBe(true);
    });

    test('intersection', () => {
        const r = region(box(0, 4, 0, 4)).intersect(region(box(3, 9, 2, 9)));
        expect(cells(r)).toEqual(cells(region(box(3, 4, 2, 4))));
        expect(region(box(0, 1, 0, 1)).intersect(region(box(2, 3, 2, 3))).isEmpty).toBe(true);
    });

    test('subtraction yields disjoint pieces that cover exactly the difference', () => {
        const a = box(0, 9, 0, 9);
        const pieces = subtractBoxes(a, box(3, 5, 4, 6));
        const all = pieces.flatMap(p => cells(region(p)));
        expect(new Set(all).size).toBe(all.length); // disjoint
        expect(all).toHaveLength(100 - 9);
        expect(all).not.toContain('4,5');
    });

    test('complement, and complement of the complement', () => {
        const r = region(box(2, 5, 2, 5), box(4, 8, 0, 3));
        const c = r.complement();
        expect(cells(c).length + cells(r).length).toBe(100);
        expect(cells(c.complement())).toEqual(cells(r));
        expect(space.full().complement().isEmpty).toBe(true);
        expect(cells(space.empty().complement())).toHaveLength(100);
    });

    test('containment is exact for unions: a box covered only by several boxes together is covered', () => {
        const halves = region(box(0, 4, 0, 9), box(5, 9, 0, 9));
        expect(halves.coversBox(box(2, 7, 3, 6))).toBe(true);
        const quarters = region(box(0, 4, 0, 4), box(5, 9, 0, 4), box(0, 4, 5, 9), box(5, 9, 5, 8));
        expect(quarters.coversBox(box(0, 9, 0, 8))).toBe(true);
        expect(quarters.coversBox(box(0, 9, 0, 9))).toBe(false);
        expect(quarters.uncoveredPart(box(0, 9, 0, 9))).toEqual(box(5, 9, 9, 9));
    });

    test('meets and union', () => {
        const a = region(box(0, 1, 0, 1));
        const b = region(box(1, 2, 1, 2));
        expect(a.meets(b)).toBe(true);
        expect(a.meets(region(box(2, 3, 0, 9)))).toBe(false);
        expect(cells(a.union(b))).toHaveLength(7);
    });

    test('disjoint() keeps the situations and removes overlaps', () => {
        const r = region(box(0, 5, 0, 5), box(3, 8, 3, 8), box(4, 4, 4, 4)).disjoint();
        const all = r.boxes.flatMap(b => cells(region(b)));
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(36 + 36 - 9);
    });

    test('merged() joins boxes that touch along one dimension', () => {
        const r = region(box(0, 2, 0, 9), box(3, 5, 0, 9), box(6, 9, 0, 9)).merged();
        expect(r.boxes).toEqual([box(0, 9, 0, 9)]);
        const apart = region(box(0, 2, 0, 9), box(4, 5, 0, 9)).merged();
        expect(apart.boxes).toHaveLength(2);
    });

    test('a budget stops runaway work with BudgetExceeded, never a hang', () => {
        const tight = new Space([1000, 1000, 1000], new Budget(50));
        const many = tight.region(Array.from({ length: 40 }, (_, i) => ([i * 20, i * 20 + 5, i * 7, i * 7 + 500, 0, i * 10])));
        expect(() => many.complement()).toThrow(BudgetExceeded);
    });
});
