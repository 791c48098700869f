// The two decision tables of a protocol: the rule table (one row per rule, or per part of a rule with `or`;
// PRIORITY hit policy) and the resolved table (disjoint rows covering every situation; UNIQUE).
import type { Analysis } from '../analysis/analyse.js';
import { type DueStep, stepsDue } from '../analysis/deadlines.js';
import type { Box } from '../analysis/boxes.js';
import type { Region } from '../analysis/regions.js';
import type { SituationSpace } from '../analysis/situations.js';
import type { Level, Protocol, Rule } from '../model/protocol.js';
import { type Constraint, constraintsOf } from './constraints.js';
import { mergeBoxes } from './merge.js';

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
    // A column per indicator: over an axis per indicator, even where the analysis joined some.
    const { protocol, space, levels } = context.perIndicator();
    const levelOf = (name: string) => protocol.levels.find(l => l.name === name)!;
    const ruleRows = protocol.rules.flatMap((rule, i) => {
        const boxes = sortBoxes(merged(levels.ruleRegions[i]));
        return boxes.map((box, k) => row(space, { rule, part: k + 1, parts: boxes.length, level: levelOf(rule.level), box }));
    });
    const priority = [...protocol.levels].reverse();
    // Rows are split where a rule with a response of its own starts or stops holding, so that each row
    // has one set of steps due. A scope written with `or` gives overlapping boxes: rows are made disjoint.
    const responsive = protocol.rules.flatMap((rule, i) => protocol.responses.some(r => r.rule === rule.name) ? [{ rule: rule.name, region: levels.ruleRegions[i] }] : []);
    //
    // A level's region is disjoint already, but for the baseline under a scope of overlapping boxes;
    // a piece stays disjoint when cut by a rule of one box, or by what is outside a rule. Making a
    // disjoint region disjoint again changes nothing and, on large tables, costs seconds: it is skipped.
    const resolvedRows: ResolvedRow[] = priority.flatMap(level => {
        let pieces = [{ region: levels.region(level.rank), rules: [] as string[], disjoint: level.rank > 0 || levels.inside.boxes.length <= 1 }];
        for (const { rule, region } of responsive) {
            pieces = pieces.flatMap(piece => [
                { region: piece.region.intersect(region), rules: [...piece.rules, rule], disjoint: piece.disjoint && region.boxes.length <= 1 },
                { region: piece.region.subtract(region), rules: piece.rules, disjoint: piece.disjoint },
            ]).filter(piece => !piece.region.isEmpty);
        }
        return pieces.flatMap(piece => sortBoxes(merged(piece.disjoint ? piece.region : piece.region.disjoint()))
            .map(box => row(space, { level, rules: piece.rules, box })));
    });
    // Outside the scope: rows of their own, last, so that the table still covers every situation.
    const scoped = protocol.scopes.length > 0;
    if (scoped) {
        resolvedRows.push(...sortBoxes(merged(levels.inside.complement().disjoint())).map(box => row(space, { level: undefined, rules: [], box })));
    }
    const scopeRows = scoped ? sortBoxes(merged(levels.inside.disjoint())).map(box => row(space, { box })) : [];
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

/** A region's boxes merged into fewer, larger ones, as `Region.merged` merges them. */
function merged(region: Region): Box[] {
    return mergeBoxes(region.boxes, region.space.dimensions);
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
