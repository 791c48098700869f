// The level function as regions (PRIORITY over the ladder): where each rule holds, and, through an
// index over the boxes of every rule, which level each part of the situation space has. The checks ask
// it questions about single boxes; nothing here compares every rule with every other.
import type { Level, Protocol, Rule } from '../model/protocol.js';
import { BoxIndex } from './box-index.js';
import { type Box, intersectBoxes, piecesOutside, uncoveredPiece } from './boxes.js';
import type { Budget } from './budget.js';
import { Region } from './regions.js';
import type { SituationSpace } from './situations.js';

/** One box of a rule's region. */
export interface RuleBox {
    readonly box: Box;
    /** The rule's index in the protocol. */
    readonly rule: number;
    readonly rank: number;
    /** Position among all rule boxes: protocol order, then the box's order within its rule. */
    readonly order: number;
}

/** What a set of situations answers: whether it covers a box (for witnesses that show only what matters). */
export interface Coverage {
    coversBox(box: Box): boolean;
}

export class LevelFunction {
    /** Per rule (in protocol order), where its condition holds. */
    readonly ruleRegions: readonly Region[];
    /** Per rule, the rank of the level it leads to. */
    readonly ranks: readonly number[];
    readonly ruleBoxes: readonly RuleBox[];
    protected readonly index: BoxIndex<RuleBox>;
    protected readonly regionCache = new Map<number, Region>();

    /** The situations the protocol covers (its scope): outside them, no level applies. */
    readonly inside: Region;

    /** `ruleRegions`: where each rule holds (inside the scope `inside`), when already worked out. */
    constructor(readonly protocol: Protocol, readonly space: SituationSpace, ruleRegions?: readonly Region[], inside?: Region) {
        this.inside = inside ?? space.inside(protocol);
        this.ruleRegions = ruleRegions ?? protocol.rules.map(rule => space.rule(rule, this.inside));
        this.ranks = protocol.rules.map(rule => this.rankOf(rule.level));
        let order = 0;
        this.ruleBoxes = this.ruleRegions.flatMap((region, rule) =>
            region.boxes.map(box => ({ box, rule, rank: this.ranks[rule], order: order++ })));
        this.index = new BoxIndex(this.ruleBoxes, space.space);
    }

    get top(): number {
        return this.protocol.levels.length - 1;
    }

    rankOf(level: string): number {
        const found = this.protocol.levels.find(l => l.name === level);
        if (!found) throw new Error(`unknown level '${level}'`);
        return found.rank;
    }

    rulesOf(rank: number): Rule[] {
        return this.protocol.rules.filter((_, i) => this.ranks[i] === rank);
    }

    /** The rule boxes that meet `box` and satisfy `keep`, in protocol order. */
    rulesMeeting(box: Box, keep: (ruleBox: RuleBox) => boolean = () => true): RuleBox[] {
        return this.index.meeting(box, keep).sort((a, b) => a.order - b.order);
    }

    /** A piece of `box` where none of the kept rules holds, or undefined when they cover it. */
    uncovered(box: Box, keep: (ruleBox: RuleBox) => boolean): Box | undefined {
        const budget = this.space.space.budget;
        return uncoveredPiece(box, largestFirst(box, this.rulesMeeting(box, keep), budget), budget);
    }

    /** Where some rule of a level more severe than `rank` holds: where the level is above `rank`. */
    above(rank: number): Coverage & { meetsBox(box: Box): boolean } {
        const keep = (r: RuleBox) => r.rank > rank;
        return {
            coversBox: box => this.uncovered(box, keep) === undefined,
            meetsBox: box => this.index.meets(box, keep),
        };
    }

    /** Where the level is exactly `rank`. */
    exactly(rank: number): Coverage {
        return {
            coversBox: box => !this.index.meets(box, r => r.rank > rank)
                && (rank === 0 ? this.inside.coversBox(box) : this.uncovered(box, r => r.rank >= rank) === undefined),
        };
    }

    /** Whether a situation's cell box lies inside the scope. */
    isInside(point: Box): boolean {
        return this.inside.meetsBox(point);
    }

    /** A piece of `box` inside the scope where none of the kept rules holds, or undefined when they cover all of it there. */
    uncoveredInside(box: Box, keep: (ruleBox: RuleBox) => boolean): Box | undefined {
        for (const part of this.inside.intersectBox(box).boxes) {
            const piece = this.uncovered(part, keep);
            if (piece) return piece;
        }
        return undefined;
    }

    /** Where the level lies above `low` and not above `high`. */
    between(low: number, high: number): Coverage {
        return {
            coversBox: box => !this.index.meets(box, r => r.rank > high) && this.uncovered(box, r => r.rank > low) === undefined,
        };
    }

    /** A piece of `box` where the level is exactly `rank`, if there is one. */
    pieceAt(box: Box, rank: number): Box | undefined {
        return rank === 0 ? this.uncoveredInside(box, r => r.rank > 0) : this.pieceBetween(box, rank - 1, rank);
    }

    /**
     * A piece of `box` where the level lies above `low` and not above `high`, if there is one (`low` ≥ 0):
     * a part of a rule of such a level that no rule above `high` reaches, the least severe rules first.
     */
    pieceBetween(box: Box, low: number, high: number): Box | undefined {
        const budget = this.space.space.budget;
        const candidates = this.rulesMeeting(box, r => r.rank > low && r.rank <= high).sort((a, b) => a.rank - b.rank || a.order - b.order);
        for (const ruleBox of candidates) {
            const part = intersectBoxes(box, ruleBox.box)!;
            const piece = uncoveredPiece(part, this.rulesMeeting(part, r => r.rank > high).map(r => r.box), budget);
            if (piece) return piece;
        }
        return undefined;
    }

    /** The rank of the level at a situation's cell box (a single cell on every axis). */
    rankAt(point: Box): number {
        let rank = 0;
        this.index.forEachMeeting(point, r => {
            if (r.rank > rank) rank = r.rank;
            return rank === this.top;
        });
        return rank;
    }

    levelAt(point: Box): Level {
        return this.protocol.levels[this.rankAt(point)];
    }

    /** The rules that hold at a situation's cell box, in protocol order. */
    rulesAt(point: Box): number[] {
        return [...new Set(this.rulesMeeting(point).map(r => r.rule))];
    }

    /**
     * Where the level is exactly `rank`, as disjoint boxes: each rule box of that level less the rules
     * of higher levels and the boxes of its level before it; for the baseline, what no rule covers.
     */
    region(rank: number): Region {
        let region = this.regionCache.get(rank);
        if (!region) {
            const budget = this.space.space.budget;
            const boxes = rank === 0
                ? this.inside.boxes.flatMap(box => piecesOutside(box, this.rulesMeeting(box, r => r.rank > 0).map(r => r.box), budget))
                : this.ruleBoxes.filter(r => r.rank === rank).flatMap(mine => piecesOutside(mine.box,
                    this.rulesMeeting(mine.box, r => r.rank > rank || (r.rank === rank && r.order < mine.order)).map(r => r.box), budget));
            region = new Region(this.space.space, boxes);
            this.regionCache.set(rank, region);
        }
        return region;
    }

    /** Whether no situation has the level `rank`. */
    isUnreachable(rank: number): boolean {
        if (rank === 0) return this.pieceAt(this.space.space.fullBox(), 0) === undefined;
        // Rule boxes lie inside the scope: a piece of one that no higher rule reaches is a situation at this level.
        return this.ruleBoxes.every(mine => mine.rank !== rank || this.uncovered(mine.box, r => r.rank > rank) === undefined);
    }
}

/**
 * The covering boxes, those that take the largest share of `box` first: the search for an uncovered
 * piece then cuts few, small pieces (a box that holds all of `box` ends it at once).
 */
function largestFirst(box: Box, cover: readonly RuleBox[], budget: Budget): Box[] {
    budget.spend(cover.length);
    const share = (other: Box) => {
        let product = 1;
        for (let i = 0; i < box.length; i += 2) {
            product *= (Math.min(box[i + 1], other[i + 1]) - Math.max(box[i], other[i]) + 1) / (box[i + 1] - box[i] + 1);
        }
        return product;
    };
    return cover.map(r => ({ box: r.box, share: share(r.box), order: r.order }))
        .sort((a, b) => b.share - a.share || a.order - b.order)
        .map(r => r.box);
}
