// `explain` (docs/language.md §3, §5) on generated protocols: the level, or the levels a partial situation can
// still have, and the rules that hold always or possibly, against brute force over the grid.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { explain } from '../../../src/analysis/explain.js';
import { parseGiven } from '../../../src/analysis/given.js';
import { equals } from '../../../src/model/rational.js';
import { Grid, OUTSIDE, type Oracle, type Plain, allConditions, completed, indicatorsOf, levelOf, readSituation } from './evaluate.js';
import { generatedProtocol } from './generate-text.js';
import { check } from './pipeline.js';
import type { Generated, Indicator, Protocol } from './protocol.js';

const RUNS = { seed: 20261129, numRuns: 100 };
const TIMEOUT = 60_000;

/** Indicators declared at the top level that no condition mentions: §3 counts them, and they get a property of their own. */
function unusedTopLevel(protocol: Protocol): Indicator[] {
    const mentioned = new Set(allConditions(protocol).flatMap(c => [...indicatorsOf(c)]));
    return protocol.indicators.filter(i => i.topLevel && !mentioned.has(i.name));
}

/** A partial situation: some indicators fixed at grid values (constants or values beside them), written as `--given` takes them. */
interface Given {
    readonly cells: ReadonlyMap<number, number>;
    readonly assignments: readonly string[];
}

const picks = fc.array(fc.record({ indicator: fc.nat(), cell: fc.nat(), tight: fc.boolean() }), { maxLength: 3 });

function givenOf(protocol: Protocol, grid: Grid, chosen: ReadonlyArray<{ indicator: number; cell: number; tight: boolean }>): Given {
    const skip = new Set(unusedTopLevel(protocol).map(i => i.name));
    const candidates = grid.axes.map((axis, d) => ({ axis, d })).filter(({ axis }) => !skip.has(axis.indicator.name));
    const cells = new Map<number, number>();
    const assignments: string[] = [];
    for (const pick of chosen) {
        if (candidates.length === 0) break;
        const { axis, d } = candidates[pick.indicator % candidates.length];
        if (cells.has(d)) continue;
        const cell = pick.cell % axis.values.length;
        cells.set(d, cell);
        // §5: the space before a unit is optional.
        assignments.push(`${axis.indicator.name}=${grid.text(d, cell, pick.tight)}`);
    }
    return { cells, assignments };
}

/** The situations of the grid that agree with the given values. */
function matching(oracle: Oracle, given: Given): number[] {
    const found: number[] = [];
    for (let k = 0; k < oracle.grid.size; k++) {
        const cells = oracle.grid.cells(k);
        if ([...given.cells].every(([d, c]) => cells[d] === c)) found.push(k);
    }
    return found;
}

async function explained(generated: Generated, given: Given) {
    const { model, oracle } = await check(generated);
    return { explanation: explain(model, parseGiven(model, given.assignments)), oracle };
}

describe('explain', () => {
    test('gives the level, or every level the matching situations can have', async () => {
        await fc.assert(fc.asyncProperty(generatedProtocol, picks, async (generated, chosen) => {
            const { protocol } = generated;
            const given = givenOf(protocol, new Grid(protocol), chosen);
            const { explanation, oracle } = await explained(generated, given);
            // Outside the scope there is no level to list.
            const expected = [...new Set(matching(oracle, given).map(k => oracle.levels[k]))].filter(rank => rank !== OUTSIDE).sort().map(rank => protocol.levels[rank]);
            expect(explanation.levels.map(l => l.level.name), given.assignments.join(' ')).toEqual(expected);
        }), RUNS);
    }, TIMEOUT);

    test('each level it gives comes with a matching situation that has that level', async () => {
        await fc.assert(fc.asyncProperty(generatedProtocol, picks, async (generated, chosen) => {
            const { protocol } = generated;
            const grid = new Grid(protocol);
            const given = givenOf(protocol, grid, chosen);
            const { explanation } = await explained(generated, given);
            for (const { level, example } of explanation.levels) {
                const read = completed(protocol, readSituation(protocol, example.json.situation));
                expect(read.problems).toEqual([]);
                expect(read.missing).toEqual([]);
                expect(protocol.levels[levelOf(protocol, read.situation)], JSON.stringify(example.json)).toBe(level.name);
                // A matching situation has exactly the given values.
                for (const [d, cell] of given.cells) {
                    const axis = grid.axes[d];
                    expect(sameValue(axis.values[cell], read.situation.get(axis.indicator.name)), `${axis.indicator.name} as given in ${JSON.stringify(example.json)}`).toBe(true);
                }
            }
        }), RUNS);
    }, TIMEOUT);

    test('gives each situation of the grid its level, and none outside the scope', async () => {
        await fc.assert(fc.asyncProperty(generatedProtocol, fc.nat(), async (generated, seed) => {
            const { protocol } = generated;
            const { model, oracle } = await check(generated);
            const grid = oracle.grid;
            // Every situation of a grid of up to 200; fifty spread over a larger one.
            const count = grid.size <= 200 ? grid.size : 50;
            const step = Math.max(1, Math.floor(grid.size / count));
            for (let n = 0; n < count; n++) {
                const k = (seed + n * step) % grid.size;
                const cells = grid.cells(k);
                const assignments = grid.axes.map((axis, d) => `${axis.indicator.name}=${grid.text(d, cells[d])}`);
                const levels = explain(model, parseGiven(model, assignments)).levels.map(l => l.level.name);
                expect(levels, assignments.join(' ')).toEqual(oracle.levels[k] === OUTSIDE ? [] : [protocol.levels[oracle.levels[k]]]);
            }
        }), { ...RUNS, numRuns: 60 });
    }, TIMEOUT);

    test('lists the rules that hold (inside the scope) in every matching situation as always, in some as possibly, and no other', async () => {
        await fc.assert(fc.asyncProperty(generatedProtocol, picks, async (generated, chosen) => {
            const { protocol } = generated;
            const given = givenOf(protocol, new Grid(protocol), chosen);
            const { explanation, oracle } = await explained(generated, given);
            // Outside the scope the protocol applies no rule (oracle.ruleHolds is taken inside it): a rule holds
            // always when it holds in every matching situation inside the scope.
            const situations = matching(oracle, given).filter(k => oracle.inside[k]);
            const expected = protocol.rules.flatMap((rule, i) => {
                const where = situations.filter(k => oracle.ruleHolds[i][k]).length;
                return where === 0 ? [] : [`${rule.name}: ${where === situations.length ? 'always' : 'possibly'}`];
            });
            expect(explanation.rules.map(v => `${v.rule.name}: ${v.holds}`), given.assignments.join(' ')).toEqual(expected);
        }), RUNS);
    }, TIMEOUT);

    // §3: a situation assigns every indicator of the protocol, "whether or not a rule uses them".
    test('accepts a value for an indicator declared at the top level that no rule uses, and it changes nothing', async () => {
        const withUnused = generatedProtocol.filter(g => unusedTopLevel(g.protocol).length > 0);
        await fc.assert(fc.asyncProperty(withUnused, async generated => {
            const { model } = await check(generated);
            const unused = unusedTopLevel(generated.protocol)[0];
            const value = `${unused.name}=${new Grid(generated.protocol).text(generated.protocol.indicators.indexOf(unused), 1)}`;
            let levels: string[] | undefined;
            expect(() => { levels = explain(model, parseGiven(model, [value])).levels.map(l => l.level.name); }, value).not.toThrow();
            expect(levels).toEqual(explain(model, parseGiven(model, [])).levels.map(l => l.level.name));
        }), { ...RUNS, numRuns: 30 });
    }, TIMEOUT);
});

function sameValue(a: Plain, b: Plain | undefined): boolean {
    return typeof a === 'object' && typeof b === 'object' ? equals(a, b) : a === b;
}
