// What every situation check works from: the protocol, its situation space and its level function.
import type { Level, Protocol, Rule, SourceRef } from '../model/protocol.js';
import type { SituationWitness } from './findings.js';
import { LevelFunction } from './levels.js';
import { levelAt } from './meaning.js';
import type { Region } from './regions.js';
import { type Situation, type Value, SituationSpace } from './situations.js';

export interface ConcreteWitness {
    readonly situation: Situation;
    readonly level: Level;
    /** The constrained indicators only, for messages: `separation = 1 nm, radarLock = true`. */
    readonly description: string;
    readonly json: SituationWitness;
}

export class AnalysisContext {
    readonly levels: LevelFunction;

    constructor(readonly protocol: Protocol, readonly space: SituationSpace) {
        this.levels = new LevelFunction(protocol, space);
    }

    /**
     * A concrete situation of a region, with the level the protocol gives it. Messages show only the
     * indicators that keep it in the region (see `relevantAxes`), or those given.
     */
    witness(region: Region, situation: Situation = this.space.witness(region.boxes[0]), shown = this.relevantAxes(situation, region)): ConcreteWitness {
        const level = levelAt(this.protocol, situation);
        return {
            situation,
            level,
            description: this.space.describe(situation, shown),
            json: { situation: this.space.toText(situation), level: level.name },
        };
    }

    /**
     * The indicators a situation needs to stay in a region: starting from the situation itself, each
     * indicator whose every value keeps it inside is let go. What is left explains the situation.
     */
    relevantAxes(situation: Situation, region: Region): Set<number> {
        const box = this.space.boxOf(situation);
        if (!box) return new Set(this.space.axes.map((_, d) => d));
        for (let d = 0; d < this.space.axes.length; d++) {
            const [lo, hi] = [box[2 * d], box[2 * d + 1]];
            box[2 * d] = 0;
            box[2 * d + 1] = this.space.space.sizes[d] - 1;
            if (!region.coversBox(box)) {
                box[2 * d] = lo;
                box[2 * d + 1] = hi;
            }
        }
        return this.space.constrainedAxes(box);
    }

    /** The axes on which two situations differ. */
    differingAxes(a: Situation, b: Situation): Set<number> {
        return new Set(this.space.axes.map((axis, d) => ({ axis, d }))
            .filter(({ axis }) => !sameValue(a.get(axis.indicator.name), b.get(axis.indicator.name)))
            .map(({ d }) => d));
    }

    /**
     * A small set of the candidate rules whose regions together cover `target` (none of them can be
     * left out), for naming in messages; empty when even all of them do not cover it.
     */
    coveringRules(target: Region, candidates: readonly number[], base: Region = this.space.space.empty()): number[] {
        const regions = this.levels.ruleRegions;
        const union = (indices: readonly number[]) => indices.reduce((all, j) => all.union(regions[j]), base);
        let chosen = candidates.filter(j => regions[j].meets(target));
        if (!union(chosen).covers(target)) return [];
        for (const j of [...chosen].reverse()) {
            const without = chosen.filter(k => k !== j);
            if (union(without).covers(target)) chosen = without;
        }
        return chosen;
    }

    levelNamed(name: string): Level {
        return this.protocol.levels.find(level => level.name === name)!;
    }

    rankOf(rule: Rule): number {
        return this.levels.rankOf(rule.level);
    }
}

/** `Threshold 'X'` or `Red line 'X'`, as messages name a rule. */
export function ruleTitle(rule: Rule): string {
    return `${rule.kind === 'redline' ? 'Red line' : 'Threshold'} '${rule.name}'`;
}

/** A few names and how many more: `A, B and 3 more`. */
export function nameList(names: readonly string[], limit = 3): string {
    if (names.length <= limit) {
        return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    }
    return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

export function related(source: SourceRef, message: string) {
    return { source, message };
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
    if (!a || !b || a.kind !== b.kind) return a === b;
    switch (a.kind) {
        case 'number': return a.value.n === (b as typeof a).value.n && a.value.d === (b as typeof a).value.d;
        case 'member': return a.member === (b as typeof a).member;
        case 'flag': return a.value === (b as typeof a).value;
    }
}
