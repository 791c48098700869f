// What every situation check works from: the protocol, its situation space and its level function.
import type { Level, Protocol, Rule, SourceRef } from '../model/protocol.js';
import type { BoxMask } from './box-sets.js';
import type { Budget } from './budget.js';
import { type Box, boxWithin } from './boxes.js';
import type { SituationWitness } from './findings.js';
import { type Coverage, LevelFunction } from './levels.js';
import { holdsIn, levelAt } from './meaning.js';
import type { DeclarationRegions } from './checks/declarations.js';
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
    /** The analysis over an axis per indicator, once asked for (see `perIndicator`). */
    protected separate?: AnalysisContext;

    /** `declarations`: the regions of the protocol's declarations, when already worked out (see checkDeclarations). */
    constructor(readonly protocol: Protocol, readonly space: SituationSpace, protected readonly declarations?: DeclarationRegions) {
        const rules = declarations?.rules;
        this.levels = new LevelFunction(protocol, space, rules?.every(region => region !== undefined) ? rules as Region[] : undefined,
            declarations?.inside);
    }

    /** The same analysis over an axis per indicator (what tables show), when the analysis joined some axes; built once. */
    perIndicator(): AnalysisContext {
        if (!this.space.joint) return this;
        return this.separate ??= new AnalysisContext(this.protocol, this.space.perIndicator());
    }

    /** Runs `work` with its operations charged to `budget`, over both spaces when there are two. */
    withBudget<T>(budget: Budget, work: () => T): T {
        const separate = this.separate;
        return this.space.space.withBudget(budget, () => separate ? separate.withBudget(budget, work) : work());
    }

    /** The situations the protocol covers (its scope). */
    get inside(): Region {
        return this.levels.inside;
    }

    /** Where the `i`th de-escalation's condition holds inside the scope (all of the scope when it has no condition). */
    deescalationRegion(i: number): Region {
        const condition = this.protocol.deescalations[i].condition;
        return this.declarations?.deescalations[i] ?? (condition ? this.space.condition(condition).intersect(this.inside) : this.inside);
    }

    /** Where the `i`th scenario's given values hold. */
    scenarioRegion(i: number): Region {
        return this.declarations?.scenarios[i] ?? this.space.conjunction(this.protocol.scenarios[i].given);
    }

    /** Whether an axis is a measured quantity that varies continuously (not a count): where margins are measured. */
    isContinuous(dimension: number): boolean {
        const axis = this.space.axes[dimension];
        return axis.kind === 'numeric' && !axis.integer;
    }

    /** A situation of `box`, described by the indicators that keep it within `where`. */
    witnessIn(box: Box, where: Coverage): ConcreteWitness {
        const situation = this.space.witness(box);
        return this.concrete(situation, this.relevantAxes(situation, where));
    }

    /**
     * A concrete situation of a region, with the level the protocol gives it. Messages show only the
     * indicators that keep it in the region (see `relevantAxes`), or those given.
     */
    witness(region: Region, situation: Situation = this.space.witness(region.boxes[0]), shown = this.relevantAxes(situation, region)): ConcreteWitness {
        return this.concrete(situation, shown);
    }

    /**
     * A situation of `box` at the level `rank`, if the box has one, described by the indicators that
     * keep it both in the box and at that level.
     */
    witnessAtLevel(box: Box, rank: number): ConcreteWitness | undefined {
        const piece = this.levels.pieceAt(box, rank);
        const exactly = this.levels.exactly(rank);
        return piece && this.witnessIn(piece, { coversBox: b => boxWithin(b, box) && exactly.coversBox(b) });
    }

    /** A situation with its level, described by the indicators shown. */
    concrete(situation: Situation, shown: ReadonlySet<number>): ConcreteWitness {
        const level = this.levelAt(situation);
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
    relevantAxes(situation: Situation, region: Coverage): Set<number> {
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
        return new Set(this.space.axes.map((_, d) => d)
            .filter(d => this.space.indicatorsOn(d).some(({ name }) => !sameValue(a.get(name), b.get(name)))));
    }

    /** The rules that hold in a situation, in protocol order. */
    rulesAt(situation: Situation): number[] {
        const point = this.space.boxOf(situation);
        return point
            ? this.levels.rulesAt(point)
            : this.protocol.rules.map((rule, i) => holdsIn(this.protocol, rule.condition, situation) ? i : -1).filter(i => i >= 0);
    }

    /** The level of a situation. */
    levelAt(situation: Situation): Level {
        const point = this.space.boxOf(situation);
        // The checks ask only about situations inside the scope, where every situation has a level.
        return point ? this.levels.levelAt(point) : levelAt(this.protocol, situation) ?? this.protocol.levels[0];
    }

    /**
     * A small set of rules, among the rule boxes of `mask`, whose regions together cover `target` (none
     * of them can be left out), for naming in messages; empty when even all of them do not cover it.
     */
    coveringRules(target: Region, mask: BoxMask): number[] {
        return this.levels.coveringRules(target, mask);
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
export function nameList(names: readonly string[], limit = 3, conjunction: 'and' | 'or' = 'and'): string {
    if (names.length <= limit) {
        return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
    }
    return `${names.slice(0, limit).join(', ')} ${conjunction} ${names.length - limit} more`;
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
