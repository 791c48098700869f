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
    /** Per dimension, the boxes of the rules with a box narrower than the whole range on it. */
    protected narrowingRules?: BoxMask[];
    /** The boxes of the rules whose boxes hold, summed, nearly as much as the whole space or more. */
    protected largeRules?: BoxMask;

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

    /** Whether the rule boxes of `mask` cover every box of rule `rule`. */
    coversRule(rule: number, mask: BoxMask): boolean {
        return this.ruleRegions[rule].boxes.every(box => this.sets.covers(box, mask));
    }

    /**
     * A small set of rules, among the rule boxes of `mask`, whose regions together cover `target` (none of
     * them can be left out), for naming in messages; empty when even all of them do not cover it. The rules
     * in the order of the share of the target they hold; the shortest prefix that covers it (coverage only
     * grows along the prefix: found by bisection); then, from the last, the rules not needed.
     */
    coveringRules(target: Region, mask: BoxMask): number[] {
        // A rule of one box that contains the whole target has the largest share a rule of one box can
        // have, and covers the target alone: the ranking needs nothing after the first such rule, and so
        // no rule of one box after it (it holds less of the target, or as much and comes later). The rest
        // of the ranking, a pass over every rule that meets the target, is left out.
        const first = this.sets.firstContainingAll(target.boxes, this.andMasks(mask, this.singleBoxRules));
        if (first < 0 && !target.boxes.every(box => this.sets.covers(box, mask))) return [];
        const last = first < 0 ? -1 : this.ruleBoxes[first].rule;
        const candidates = first < 0 ? mask
            : this.andMasks(this.andMasks(mask, this.orMasks(this.multiBoxRules, this.sets.below(first + 1))), this.mayHoldWhole(target, first));
        const single = target.boxes.length === 1 ? target.boxes[0] : undefined;
        // The first containing rule's share, summed as any other's; a rule that holds less comes after it.
        const most = last < 0 ? 0 : this.shareOf(target, target.boxes.map(() => first));
        const shares = this.sharesOf(target, candidates, last >= 0, (rule, share) => last < 0 || share > most || (share === most && rule <= last), (rule, count, firstBox) => {
            // A rule with no more boxes meeting the target than the target has boxes holds no more of it
            // than the first containing rule (each box holds at most all of it): it comes after that rule,
            // unless it comes before it and ties. For a target of one box, only a box that contains it
            // ties: any other holds less of it by a factor (w - 1) / w at least, w a width of the target
            // in cells, far more than floating point rounds away. (Targets of several boxes: shares summed.)
            if (last < 0 || count > target.boxes.length) return true;
            return rule < last && (!single || boxWithin(single, this.ruleBoxes[firstBox].box)) || rule === last;
        });
        shares.sort((a, b) => b.share - a.share || a.rule - b.rule);
        let ranked = shares.map(({ rule }) => rule);
        if (last >= 0) ranked = ranked.slice(0, ranked.indexOf(last) + 1);
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
     * Per rule with boxes among `candidates` that meet the target (that `keep` accepts, given how many there
     * are and the first, and whose share `ranks` accepts; with `onlyWhole`, only where the share may reach
     * the whole target's), those boxes and the share of the target's cells they hold: per target box,
     * the cells it has in common with each of them, a box counted once per target box it meets (overlaps
     * count twice: an estimate). Summed in one fixed order, so that equal shares stay equal in floating point.
     */
    protected sharesOf(target: Region, candidates: BoxMask, onlyWhole: boolean, ranks: (rule: number, share: number) => boolean,
        keep: (rule: number, count: number, firstBox: number) => boolean): { rule: number; share: number; boxes: number[] }[] {
        const budget = this.space.space.budget;
        const found: { rule: number; share: number; boxes: number[] }[] = [];
        const targets = target.boxes;
        const meeting = targets.map(t => this.sets.meetingIndices(t, candidates));
        const narrowed = targets.map(t => this.narrowed(t));
        const cells = targets.map(t => t.reduce((product, lo, k) => k % 2 === 1 ? product : product * (t[k + 1] - lo + 1), 1));
        const whole = targets.length * cells.reduce((sum, c) => sum + c, 0);
        budget.spend(meeting.reduce((sum, m) => sum + m.length, 0) >> 3);
        // A rule's boxes come one after another in each list: the lists are walked together, rule by rule,
        // and a rule's boxes gathered per target box in turn, as the share counts them.
        const at = targets.map(() => 0);
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
            if (!keep(rule, boxes.length, boxes[0])) continue;
            if (onlyWhole && !this.mayHoldAll(targets, boxes, narrowed, cells, whole)) continue;
            const share = this.shareOf(target, boxes);
            if (ranks(rule, share)) found.push({ rule, share, boxes });
        }
    }

    /**
     * Whether the rule boxes `boxes` may hold as many of the target's cells as the whole target, as the share
     * counts them (`whole`): false when their shares, each known to a few parts in 10^15, fall short by far more.
     */
    protected mayHoldAll(targets: readonly Box[], boxes: readonly number[], narrowed: readonly number[][], cells: readonly number[], whole: number): boolean {
        let share = 0;
        for (let k = 0; k < targets.length; k++) {
            let part = 0;
            for (const i of boxes) part += this.sets.approximateShare(targets[k], i, narrowed[k]);
            share += part * cells[k];
        }
        return share > whole * (1 - 1e-9);
    }

    /** The dimensions on which a box is not the whole range. */
    protected narrowed(box: Box): number[] {
        return this.space.space.sizes.flatMap((size, d) => box[2 * d] > 0 || box[2 * d + 1] < size - 1 ? [d] : []);
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

    /**
     * The boxes of the rules that may hold as much of the target as the whole of it: those with a box narrower
     * than the whole range on a dimension the target narrows, and those whose boxes hold together, summed,
     * nearly as much as the whole space. Any other rule holds, of each target box, the share of the space
     * each of its boxes holds (the target is the whole range wherever they are not), and so less than all of it.
     */
    protected mayHoldWhole(target: Region, first: number): BoxMask {
        this.narrowingRules ??= this.space.space.sizes.map((size, d) => this.closedByRule(
            this.mask(r => r.box[2 * d] > 0 || r.box[2 * d + 1] < size - 1)));
        this.largeRules ??= this.closedByRule(this.mask(r => {
            let sum = 0;
            for (let i = this.firstBox[r.rule]; i < this.firstBox[r.rule + 1]; i++) sum += this.sets.fractionOf(i);
            return sum > 1 - 1e-9;
        }));
        const result = this.largeRules.slice();
        // The first rule that contains the target is one of them; it is named here to be sure of it.
        result[first >>> 5] |= 1 << (first & 31);
        const narrowed = new Set(target.boxes.flatMap(t => this.narrowed(t)));
        for (const d of narrowed) {
            const rules = this.narrowingRules[d];
            for (let w = 0; w < result.length; w++) result[w] |= rules[w];
        }
        return result;
    }

    /** The boxes of every rule with a box in `mask`. */
    protected closedByRule(mask: BoxMask): BoxMask {
        const closed = mask.slice();
        for (let rule = 0; rule < this.ruleRegions.length; rule++) {
            let any = false;
            for (let i = this.firstBox[rule]; i < this.firstBox[rule + 1] && !any; i++) any = ((mask[i >>> 5] >>> (i & 31)) & 1) === 1;
            if (any) for (let i = this.firstBox[rule]; i < this.firstBox[rule + 1]; i++) closed[i >>> 5] |= 1 << (i & 31);
        }
        return closed;
    }

    /** The boxes of rules of one box. */
    protected get singleBoxRules(): BoxMask {
        return this.cachedMask('single', r => this.firstBox[r.rule + 1] - this.firstBox[r.rule] === 1);
    }

    /** The boxes of rules of several boxes. */
    protected get multiBoxRules(): BoxMask {
        return this.cachedMask('multiple', r => this.firstBox[r.rule + 1] - this.firstBox[r.rule] > 1);
    }

    protected andMasks(a: BoxMask, b: BoxMask): BoxMask {
        const result = new Int32Array(a.length);
        for (let w = 0; w < a.length; w++) result[w] = a[w] & b[w];
        return result;
    }

    protected orMasks(a: BoxMask, b: BoxMask): BoxMask {
        const result = new Int32Array(a.length);
        for (let w = 0; w < a.length; w++) result[w] = a[w] | b[w];
        return result;
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
