// The level function as regions (PRIORITY over the ladder): where each rule holds, and, through an
// index over the boxes of every rule, which level each part of the situation space has. The checks ask
// it questions about single boxes; nothing here compares every rule with every other.
import type { Level, Protocol, Rule } from '../model/protocol.js';
import { type BoxMask, BoxSets } from './box-sets.js';
import { type Box, boxWithin, intersectBoxes, piecesOutside, uncoveredPiece } from './boxes.js';
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
    /** The rule boxes, as sets: which of them meet or contain a box, and whether some of them cover it. */
    readonly sets: BoxSets;
    /** Per rule, its first box in `ruleBoxes` (its boxes follow one another), and one more entry: the count. */
    protected readonly firstBox: Int32Array;
    /** Per rule box, its rule. */
    protected readonly ruleOfBox: Int32Array;
    protected readonly regionCache = new Map<number, Region>();
    protected readonly maskCache = new Map<string, BoxMask>();
    /** The boxes of each level above the baseline, the most severe first. */
    protected byRankDown?: BoxMask[];

    /** How many coverage questions a rule's mildest corner was tried on, and how many it settled. */
    protected readonly corners = { tried: 0, settled: 0 };
    /** Per dimension, whether lower is worse: where a box's mildest cell is its highest. */
    protected readonly worseWhenLower: readonly boolean[];

    /** The situations the protocol covers (its scope): outside them, no level applies. */
    readonly inside: Region;

    /** `ruleRegions`: where each rule holds (inside the scope `inside`), when already worked out. */
    constructor(readonly protocol: Protocol, readonly space: SituationSpace, ruleRegions?: readonly Region[], inside?: Region) {
        this.inside = inside ?? space.inside(protocol);
        this.ruleRegions = ruleRegions ?? protocol.rules.map(rule => space.rule(rule, this.inside));
        this.ranks = protocol.rules.map(rule => this.rankOf(rule.level));
        this.worseWhenLower = space.axes.map((_, d) => space.direction(d) === 'lower');
        let order = 0;
        this.ruleBoxes = this.ruleRegions.flatMap((region, rule) =>
            region.boxes.map(box => ({ box, rule, rank: this.ranks[rule], order: order++ })));
        this.sets = new BoxSets(this.ruleBoxes.map(r => r.box), space.space.sizes, space.space);
        this.ruleOfBox = Int32Array.from(this.ruleBoxes, r => r.rule);
        this.firstBox = new Int32Array(this.ruleRegions.length + 1);
        for (let rule = 0, at = 0; rule < this.ruleRegions.length; rule++) {
            this.firstBox[rule] = at;
            at += this.ruleRegions[rule].boxes.length;
            this.firstBox[rule + 1] = at;
        }
    }

    /** The rule boxes `keep` accepts, as a mask over `ruleBoxes`. */
    mask(keep: (ruleBox: RuleBox) => boolean): BoxMask {
        return this.sets.mask(i => keep(this.ruleBoxes[i]));
    }

    /** The boxes of rules of a level more severe than `rank`. */
    higherThan(rank: number): BoxMask {
        return this.cachedMask(`>${rank}`, r => r.rank > rank);
    }

    /** The boxes of rules of the level `rank` or a more severe one. */
    atLeast(rank: number): BoxMask {
        return this.cachedMask(`>=${rank}`, r => r.rank >= rank);
    }

    /** The boxes of rules of the level `rank`. */
    at(rank: number): BoxMask {
        return this.cachedMask(`=${rank}`, r => r.rank === rank);
    }

    protected cachedMask(key: string, keep: (ruleBox: RuleBox) => boolean): BoxMask {
        let mask = this.maskCache.get(key);
        if (!mask) this.maskCache.set(key, mask = this.mask(keep));
        return mask;
    }

    /** Takes the boxes of rule `rule` out of `mask`, in place. */
    clearRule(mask: BoxMask, rule: number): BoxMask {
        for (let i = this.firstBox[rule]; i < this.firstBox[rule + 1]; i++) mask[i >>> 5] &= ~(1 << (i & 31));
        return mask;
    }

    /** Whether the rule boxes of `mask` cover `box` together. */
    covers(box: Box, mask: BoxMask): boolean {
        return this.sets.covers(box, mask);
    }

    /** Whether the rule boxes of `mask` cover every part of `box` inside the scope. */
    coversInside(box: Box, mask: BoxMask): boolean {
        return this.inside.intersectBox(box).boxes.every(part => this.sets.covers(part, mask));
    }

    /**
     * Whether the rule boxes of `mask` cover every box of rule `rule`. Where rules come in tracks that tighten
     * level by level, most are not covered, and not at their mildest corner (where the rules of more severe
     * levels seldom reach): that one cell, tried first, answers at the cost of a lookup. Where most rules are
     * covered it answers nothing, and is tried only while it settles one question in four.
     */
    coversRule(rule: number, mask: BoxMask): boolean {
        return this.ruleRegions[rule].boxes.every(box => {
            if (this.corners.tried < 64 || this.corners.settled * 4 >= this.corners.tried) {
                this.corners.tried++;
                if (!this.sets.meets(this.mildestCorner(box), mask)) {
                    this.corners.settled++;
                    return false;
                }
            }
            return this.sets.covers(box, mask);
        });
    }

    /** The cell of a box least bad on every directed indicator (its lowest on neutral ones). */
    protected mildestCorner(box: Box): Box {
        const corner = box.slice();
        for (let k = 0; k < corner.length; k += 2) {
            const end = this.worseWhenLower[k >> 1] ? box[k + 1] : box[k];
            corner[k] = end;
            corner[k + 1] = end;
        }
        return corner;
    }

    /**
     * A small set of rules, among the rule boxes of `mask`, whose regions together cover `target` (none of
     * them can be left out), for naming in messages; empty when even all of them do not cover it. A rule that
     * holds the whole target on its own is named alone: the first in protocol order with, for every box of the
     * target, a box that contains it. Otherwise the rules in the order of the share of the target they hold;
     * the shortest prefix that covers it (coverage only grows along the prefix: found by bisection); then,
     * from the last, the rules not needed.
     */
    coveringRules(target: Region, mask: BoxMask): number[] {
        const alone = this.firstRuleContaining(target.boxes, mask);
        if (alone >= 0) return [alone];
        if (!target.boxes.every(box => this.sets.covers(box, mask))) return [];
        const shares = this.sharesOf(target, mask);
        shares.sort((a, b) => b.share - a.share || a.rule - b.rule);
        const ranked = shares.map(({ rule }) => rule);
        const boxesOf = new Map(shares.map(({ rule, boxes }) => [rule, boxes]));
        const covers = (rules: readonly number[]) => {
            const among = new Int32Array(this.sets.words);
            for (const rule of rules) {
                for (const i of boxesOf.get(rule)!) among[i >>> 5] |= 1 << (i & 31);
            }
            return target.boxes.every(box => this.sets.covers(box, among));
        };
        let [lo, hi] = [1, ranked.length];
        while (lo < hi) {
            const middle = (lo + hi) >> 1;
            if (covers(ranked.slice(0, middle))) hi = middle; else lo = middle + 1;
        }
        let chosen = ranked.slice(0, lo);
        for (const rule of [...chosen].reverse()) {
            const without = chosen.filter(other => other !== rule);
            if (without.length > 0 && covers(without)) chosen = without;
        }
        return chosen.sort((a, b) => a - b);
    }

    /**
     * The first rule, in protocol order, with a box among `mask` around each of `boxes`, or -1: the rules
     * with a box around the first of them, from the bit sets, each then tried on the others.
     */
    protected firstRuleContaining(boxes: readonly Box[], mask: BoxMask): number {
        if (boxes.length === 0) return -1;
        const holds = (rule: number, box: Box) => {
            for (let i = this.firstBox[rule]; i < this.firstBox[rule + 1]; i++) {
                if (((mask[i >>> 5] >>> (i & 31)) & 1) === 1 && boxWithin(box, this.ruleBoxes[i].box)) return true;
            }
            return false;
        };
        const first = this.sets.firstContaining(boxes[0], mask, i => boxes.every((box, k) => k === 0 || holds(this.ruleOfBox[i], box)));
        return first < 0 ? -1 : this.ruleOfBox[first];
    }

    /**
     * Per rule with boxes among `candidates` that meet the target, those boxes and the share of the target's
     * cells they hold: per target box, the cells it has in common with each of them, a box counted once per
     * target box it meets (overlaps count twice: an estimate). Summed in one fixed order, so that equal
     * shares stay equal in floating point.
     */
    protected sharesOf(target: Region, candidates: BoxMask): { rule: number; share: number; boxes: number[] }[] {
        const budget = this.space.space.budget;
        const found: { rule: number; share: number; boxes: number[] }[] = [];
        const meeting = target.boxes.map(t => this.sets.meetingIndices(t, candidates));
        budget.spend(meeting.reduce((sum, m) => sum + m.length, 0) >> 3);
        // A rule's boxes come one after another in each list: the lists are walked together, rule by rule,
        // and a rule's boxes gathered per target box in turn, as the share counts them.
        const at = meeting.map(() => 0);
        for (;;) {
            let rule = -1;
            meeting.forEach((m, k) => {
                if (at[k] < m.length && (rule < 0 || this.ruleOfBox[m[at[k]]] < rule)) rule = this.ruleOfBox[m[at[k]]];
            });
            if (rule < 0) return found;
            const boxes: number[] = [];
            meeting.forEach((m, k) => {
                while (at[k] < m.length && this.ruleOfBox[m[at[k]]] === rule) boxes.push(m[at[k]++]);
            });
            found.push({ rule, share: this.shareOf(target, boxes), boxes });
        }
    }

    /** The share of the target's cells the rule boxes `boxes` hold, summed per target box, in order. */
    protected shareOf(target: Region, boxes: readonly number[]): number {
        let sum = 0;
        for (const t of target.boxes) {
            let part = 0;
            for (const i of boxes) part += this.sets.cellsInCommon(t, i);
            sum += part;
        }
        return sum;
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
        return this.sets.meetingIndices(box).map(i => this.ruleBoxes[i]).filter(keep);
    }

    /** A piece of `box` where none of the kept rules holds, or undefined when they cover it. */
    uncovered(box: Box, keep: (ruleBox: RuleBox) => boolean): Box | undefined {
        const budget = this.space.space.budget;
        return uncoveredPiece(box, largestFirst(box, this.rulesMeeting(box, keep), budget), budget);
    }

    /** Where some rule of a level more severe than `rank` holds: where the level is above `rank`. */
    above(rank: number): Coverage & { meetsBox(box: Box): boolean } {
        const higher = this.higherThan(rank);
        return {
            coversBox: box => this.sets.covers(box, higher),
            meetsBox: box => this.sets.meets(box, higher),
        };
    }

    /** Where the level is exactly `rank`. */
    exactly(rank: number): Coverage {
        const higher = this.higherThan(rank);
        return {
            coversBox: box => !this.sets.meets(box, higher)
                && (rank === 0 ? this.inside.coversBox(box) : this.sets.covers(box, this.atLeast(rank))),
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
            coversBox: box => !this.sets.meets(box, this.higherThan(high)) && this.sets.covers(box, this.higherThan(low)),
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
        this.byRankDown ??= Array.from({ length: this.top }, (_, k) => this.at(this.top - k));
        const found = this.sets.firstGroupMeeting(point, this.byRankDown);
        return found < 0 ? 0 : this.top - found;
    }

    levelAt(point: Box): Level {
        return this.protocol.levels[this.rankAt(point)];
    }

    /** The rules that hold at a situation's cell box, in protocol order. */
    rulesAt(point: Box): number[] {
        return this.rulesWithBoxMeeting(point);
    }

    /** The rules with a box that meets `box`, in protocol order. */
    rulesWithBoxMeeting(box: Box): number[] {
        return [...new Set(this.rulesMeeting(box).map(r => r.rule))];
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
        const higher = this.higherThan(rank);
        return this.ruleBoxes.every(mine => mine.rank !== rank || this.sets.covers(mine.box, higher));
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
