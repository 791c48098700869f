// The two decision tables of a protocol: the rule table (one row per rule, or per part of a rule with `or`;
// PRIORITY hit policy) and the resolved table (disjoint rows covering every situation; UNIQUE).
import type { Analysis } from '../analysis/analyse.js';
import { type DueStep, stepsDue } from '../analysis/deadlines.js';
import type { Box } from '../analysis/boxes.js';
import type { Region } from '../analysis/regions.js';
import type { SituationSpace } from '../analysis/situations.js';
import type { Level, Protocol, Rule } from '../model/protocol.js';
import { type Constraint, constraintsOf } from './constraints.js';

export interface RuleRow {
    readonly rule: Rule;
    /** 1-based part of the rule, when its condition needs several rows (`or`); `parts` counts them. */
    readonly part: number;
    readonly parts: number;
    readonly level: Level;
    readonly constraints: readonly Constraint[];
    readonly box: Box;
}

export interface ResolvedRow {
    /** Undefined outside the scope, where no level applies. */
    readonly level?: Level;
    /** The rules with a response of their own (`response to RULE`) that hold throughout the row. */
    readonly rules: readonly string[];
    readonly constraints: readonly Constraint[];
    readonly box: Box;
}

export interface DecisionTables {
    readonly protocol: Protocol;
    readonly space: SituationSpace;
    /** Levels from the most severe to the baseline: the PRIORITY order. */
    readonly priority: readonly Level[];
    readonly ruleRows: readonly RuleRow[];
    readonly resolvedRows: readonly ResolvedRow[];
    /** With a scope: disjoint boxes covering the inside of the scope, each with its constraints; empty without one. */
    readonly scopeRows: readonly { readonly box: Box; readonly constraints: readonly Constraint[] }[];
    /** The steps due at each level (its response's and those it includes), with their absolute deadlines. */
    readonly steps: ReadonlyMap<string, readonly DueStep[]>;
}

/** Builds both tables from a complete analysis (one whose budget did not run out). */
export function decisionTables(analysis: Analysis): DecisionTables {
    const context = analysis.context;
    if (!context || analysis.incomplete) {
        throw new Error(`the analysis of ${analysis.protocol.name} is incomplete: ${analysis.incomplete ?? 'no situation space'}`);
    }
    const { protocol, space, levels } = context;
    const levelOf = (name: string) => protocol.levels.find(l => l.name === name)!;
    const ruleRows = protocol.rules.flatMap((rule, i) => {
        const boxes = sortBoxes(levels.ruleRegions[i].merged().boxes);
        return boxes.map((box, k) => row(space, { rule, part: k + 1, parts: boxes.length, level: levelOf(rule.level), box }));
    });
    const priority = [...protocol.levels].reverse();
    // Rows are split where a rule with a response of its own starts or stops holding, so that each row
    // has one set of steps due. Level regions are disjoint, except the baseline's under a scope written
    // with `or` (its boxes overlap), and so is what a region of one box cuts from them; only those others
    // are made disjoint, since that costs a search over every box.
    const responsive = protocol.rules.flatMap((rule, i) => protocol.responses.some(r => r.rule === rule.name) ? [{ rule: rule.name, region: levels.ruleRegions[i] }] : []);
    const disjoint = (region: Region, overlapping: boolean) => overlapping ? region.disjoint() : region;
    const resolvedRows: ResolvedRow[] = priority.flatMap(level => {
        let pieces = [{ region: disjoint(levels.region(level.rank), level.rank === 0 && levels.inside.boxes.length > 1), rules: [] as string[] }];
        for (const { rule, region } of responsive) {
            pieces = pieces.flatMap(piece => [
                { region: disjoint(piece.region.intersect(region), region.boxes.length > 1), rules: [...piece.rules, rule] },
                { region: piece.region.subtract(region), rules: piece.rules },
            ]).filter(piece => !piece.region.isEmpty);
        }
        return pieces.flatMap(piece => sortBoxes(piece.region.merged().boxes).map(box => row(space, { level, rules: piece.rules, box })));
    });
    // Outside the scope: rows of their own, last, so that the table still covers every situation.
    const scoped = protocol.scopes.length > 0;
    if (scoped) {
        resolvedRows.push(...sortBoxes(levels.inside.complement().disjoint().merged().boxes).map(box => row(space, { level: undefined, rules: [], box })));
    }
    const scopeRows = scoped ? sortBoxes(levels.inside.disjoint().merged().boxes).map(box => row(space, { box })) : [];
    const steps = new Map(protocol.levels.map(level => [level.name, stepsDue(protocol, level.name)]));
    return { protocol, space, priority, ruleRows, resolvedRows, scopeRows, steps };
}

/**
 * A row whose constraints are worked out when a renderer reads them: a table of many thousand rows is
 * then never held as constraints all at once.
 */
function row<T extends { readonly box: Box }>(space: SituationSpace, fields: T): T & { readonly constraints: readonly Constraint[] } {
    return Object.defineProperty(fields, 'constraints', { get: () => constraintsOf(space, fields.box), enumerable: true }) as T & { readonly constraints: readonly Constraint[] };
}

/** Rows in indicator order: by the first indicator's range, then the second's, and so on. */
function sortBoxes(boxes: readonly Box[]): Box[] {
    return [...boxes].sort((a, b) => {
        for (let i = 0; i < a.length; i++) {
            if (a[i] !== b[i]) return a[i] - b[i];
        }
        return 0;
    });
}
