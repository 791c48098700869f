// The level function as regions: for each level of the ladder, where it holds (PRIORITY over the ladder).
import type { Protocol, Rule } from '../model/protocol.js';
import type { Region } from './regions.js';
import type { SituationSpace } from './situations.js';

export class LevelFunction {
    /** Per rule (in protocol order), where its condition holds. */
    readonly ruleRegions: readonly Region[];
    /** Per level rank, the union of its rules' regions (overlapping boxes). */
    readonly ruleUnion: readonly Region[];
    /** Per level rank, the union of the rules of all more severe levels. */
    readonly above: readonly Region[];
    /** Per level rank, where that level is the level of the situation (disjoint boxes). */
    readonly regions: readonly Region[];

    constructor(readonly protocol: Protocol, readonly space: SituationSpace) {
        this.ruleRegions = protocol.rules.map(rule => space.condition(rule.condition));
        const ranks = protocol.levels.length;
        const ruleUnion: Region[] = Array.from({ length: ranks }, () => space.space.empty());
        protocol.rules.forEach((rule, i) => {
            const rank = this.rankOf(rule.level);
            ruleUnion[rank] = ruleUnion[rank].union(this.ruleRegions[i]);
        });
        const above: Region[] = new Array(ranks);
        const regions: Region[] = new Array(ranks);
        let higher = space.space.empty();
        for (let rank = ranks - 1; rank >= 0; rank--) {
            above[rank] = higher;
            regions[rank] = rank === 0 ? higher.complement() : ruleUnion[rank].subtract(higher).disjoint();
            higher = higher.union(ruleUnion[rank]);
        }
        this.ruleUnion = ruleUnion;
        this.above = above;
        this.regions = regions;
    }

    rankOf(level: string): number {
        const found = this.protocol.levels.find(l => l.name === level);
        if (!found) throw new Error(`unknown level '${level}'`);
        return found.rank;
    }

    /** Where the level is strictly above the given rank. */
    regionAbove(rank: number): Region {
        return this.regions.slice(rank + 1).reduce((all, region) => all.union(region), this.space.space.empty());
    }

    rulesOf(rank: number): Rule[] {
        return this.protocol.rules.filter(rule => this.rankOf(rule.level) === rank);
    }
}
