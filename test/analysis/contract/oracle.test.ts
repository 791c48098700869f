// The checks over situations (docs/language.md §4), run through the language services on generated text,
// against a second reading of §3–§4 that shares nothing with the engine but its rational numbers.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SituationWitness, Witness } from '../../../src/analysis/findings.js';
import { STRUCTURAL_CODES } from '../../helpers.js';
import {
    OUTSIDE, type Oracle, type Situation, cellOf, closuresMeet, completed, holds, levelOf, meetsExpectation, readSituation, ruleHolds
} from './evaluate.js';
import { generatedProtocol } from './generate-text.js';
import { type Checked, type Declaration, check, findings, flagged, misplaced, where } from './pipeline.js';
import type { Generated, Protocol } from './protocol.js';
import { type Rational, compare, subtract } from '../../../src/model/rational.js';

const RUNS = { seed: 20261129, numRuns: 100 };
// Building a workspace per protocol is the slow part; the first property pays for it, the others reuse it.
const TIMEOUT = 60_000;

/** A property of a generated protocol, its findings and the brute-force verdicts. */
async function holdsFor(property: (generated: Generated, checked: Checked) => void): Promise<void> {
    await fc.assert(fc.asyncProperty(generatedProtocol, async generated => property(generated, await check(generated))), RUNS);
}

/** A witness situation read back in the indicators' own units, with the level the oracle gives it. */
function read(protocol: Protocol, witness: SituationWitness): { situation: Situation; level: number } {
    const found = completed(protocol, readSituation(protocol, witness.situation));
    expect(found.problems, 'values that do not fit their indicators').toEqual([]);
    expect(found.missing, 'indicators a condition uses but the witness leaves out').toEqual([]);
    const level = levelOf(protocol, found.situation);
    // §3: every check considers only the situations inside the scope; so do the witnesses.
    expect(level, `inside the scope: ${JSON.stringify(witness.situation)}`).not.toBe(OUTSIDE);
    if (witness.level !== undefined) expect(witness.level, 'the level the witness states').toBe(protocol.levels[level]);
    return { situation: found.situation, level };
}

function single(witness: Witness | undefined): SituationWitness {
    expect(witness, 'a witness').toBeDefined();
    expect((witness as SituationWitness).situation, 'a single situation').toBeDefined();
    return witness as SituationWitness;
}

function pair(witness: Witness | undefined, first: string, second: string): [SituationWitness, SituationWitness] {
    const named = witness as Record<string, SituationWitness> | undefined;
    expect(named?.[first], `a witness with '${first}'`).toBeDefined();
    expect(named?.[second], `a witness with '${second}'`).toBeDefined();
    return [named![first], named![second]];
}

const thresholds = (p: Protocol) => (i: number) => p.rules[i].kind === 'threshold';
const redlines = (p: Protocol) => (i: number) => p.rules[i].kind === 'redline';

describe('generated protocols', () => {
    test('are valid text: no structural error, and the analysis completes', async () => {
        await holdsFor((_, checked) => {
            const structural = checked.diagnostics.filter(d => STRUCTURAL_CODES.has(String(d.code)) || d.code === 'analysis-incomplete');
            expect(structural.map(d => `${String(d.code)}@${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
        });
    }, TIMEOUT);
});

describe('every finding over situations', () => {
    const KINDS: Record<string, readonly Declaration[]> = {
        'unsatisfiable-condition': ['rules', 'offramps', 'scenarios'],
        'always-true': ['rules'], 'masked-threshold': ['rules'], 'redundant-threshold': ['rules'], 'redline-masked': ['rules'],
        'non-monotone': ['rules'], 'force-on-tentative': ['rules'], 'unreachable-level': ['levels'],
        'flapping': ['offramps'], 'no-hysteresis': ['offramps'], 'scenario-failed': ['scenarios'], 'empty-scope': ['scopes'],
    };
    test('sits on a declaration of the kind it is about', async () => {
        await holdsFor(({ rendered }, checked) => {
            for (const [code, kinds] of Object.entries(KINDS)) expect(misplaced(checked, rendered, code, kinds), code).toEqual([]);
        });
    }, TIMEOUT);
});

/*
 * With an empty scope the contract's "no situation (inside the scope) satisfies" and "every situation (inside
 * the scope) satisfies" both hold of every rule, vacuously. `empty-scope` is then the finding that matters;
 * what the checks of single rules and off-ramps say besides is left open, and not compared.
 */
describe('empty-scope', () => {
    test('on the first scope, exactly when the scopes together hold in no situation', async () => {
        await holdsFor(({ rendered }, checked) => {
            expect(flagged(checked, rendered, 'empty-scope', 'scopes')).toEqual(checked.oracle.emptyScope() ? [0] : []);
        });
    }, TIMEOUT);
});

describe('unsatisfiable-condition', () => {
    test('on exactly the rules no situation inside the scope satisfies (the condition without its exception)', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            if (checked.oracle.emptyScope()) return;
            expect(flagged(checked, rendered, 'unsatisfiable-condition', 'rules'))
                .toEqual(where(protocol.rules.length, i => !checked.oracle.satisfiable(i)));
        });
    }, TIMEOUT);

    test('on exactly the off-ramps no situation inside the scope satisfies', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            if (checked.oracle.emptyScope()) return;
            expect(flagged(checked, rendered, 'unsatisfiable-condition', 'offramps'))
                .toEqual(where(protocol.offramps.length, i => !checked.oracle.offrampHolds[i].includes(1)));
        });
    }, TIMEOUT);

    test('on exactly the scenarios whose given values no situation satisfies (inside the scope, unless they expect to be outside it)', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'unsatisfiable-condition', 'scenarios'))
                .toEqual(where(protocol.scenarios.length, i => checked.oracle.scenarioPasses(i) === undefined));
        });
    }, TIMEOUT);
});

describe('always-true', () => {
    test('on exactly the rules above the baseline that hold in every situation inside the scope', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            if (checked.oracle.emptyScope()) return;
            expect(flagged(checked, rendered, 'always-true', 'rules')).toEqual(where(protocol.rules.length, i => checked.oracle.alwaysTrue(i)));
            for (const f of findings(checked, rendered, 'always-true', 'rules')) {
                if (f.witness) expect(ruleHolds(protocol, protocol.rules[f.index], read(protocol, single(f.witness)).situation)).toBe(true);
            }
        });
    }, TIMEOUT);
});

describe('masked-threshold', () => {
    test('on exactly the thresholds where, wherever they hold, a rule of a strictly more severe level holds', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'masked-threshold', 'rules'))
                .toEqual(where(protocol.rules.length, i => thresholds(protocol)(i) && checked.oracle.masked(i)));
        });
    }, TIMEOUT);

    test('its witness: the threshold holds, and the level there is more severe than its own', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            // Only where the finding is due: a finding that should not be there fails the property above.
            for (const f of findings(checked, rendered, 'masked-threshold', 'rules').filter(f => checked.oracle.masked(f.index))) {
                const rule = protocol.rules[f.index];
                const { situation, level } = read(protocol, single(f.witness));
                expect(ruleHolds(protocol, rule, situation), `${rule.name} holds at its witness`).toBe(true);
                expect(level).toBeGreaterThan(rule.level);
            }
        });
    }, TIMEOUT);
});

describe('redline-masked', () => {
    // A rule of the red line's own level does not mask it: the red line still carries its consequence.
    test('on exactly the red lines where, wherever they hold, a rule of a strictly more severe level holds', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'redline-masked', 'rules'))
                .toEqual(where(protocol.rules.length, i => redlines(protocol)(i) && checked.oracle.masked(i)));
        });
    }, TIMEOUT);

    test('its witness: the red line holds, and the level there is more severe than its own', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            // Only where the finding is due: a finding that should not be there fails the property above.
            for (const f of findings(checked, rendered, 'redline-masked', 'rules').filter(f => checked.oracle.masked(f.index))) {
                const rule = protocol.rules[f.index];
                const { situation, level } = read(protocol, single(f.witness));
                expect(ruleHolds(protocol, rule, situation), `${rule.name} holds at its witness`).toBe(true);
                expect(level).toBeGreaterThan(rule.level);
            }
        });
    }, TIMEOUT);
});

describe('redundant-threshold', () => {
    test('only on thresholds that, wherever they hold, other rules of the same or a higher level hold; the witness shows one', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            const { oracle } = checked;
            for (const f of findings(checked, rendered, 'redundant-threshold', 'rules')) {
                expect(f.index, 'on a threshold').toBeGreaterThanOrEqual(0);
                const rule = protocol.rules[f.index];
                expect(rule.kind).toBe('threshold');
                expect(oracle.satisfiable(f.index) && oracle.covered(f.index, j => protocol.rules[j].level >= rule.level), `${rule.name} is covered`).toBe(true);
                if (f.witness) {
                    const { situation, level } = read(protocol, single(f.witness));
                    expect(ruleHolds(protocol, rule, situation)).toBe(true);
                    expect(level).toBeGreaterThanOrEqual(rule.level);
                }
            }
        });
    }, TIMEOUT);

    test('every rule reported as masked or redundant can be left out, all at once, without changing any level', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            const removable = new Set(['masked-threshold', 'redundant-threshold', 'redline-masked']
                .flatMap(code => flagged(checked, rendered, code, 'rules')));
            const changed = where(checked.oracle.grid.size, k => checked.oracle.levelWithout(k, removable) !== checked.oracle.levels[k]);
            expect(changed.slice(0, 1).map(k => situationText(checked.oracle, k)), `leaving out ${[...removable].map(i => protocol.rules[i].name).join(', ')}`).toEqual([]);
        });
    }, TIMEOUT);

    /*
     * Of rules that cover each other only the later is reported, so once the reported ones are gone each
     * satisfiable threshold left decides some situation. Red lines are never removable by their own
     * level (they carry a consequence): a threshold covered only thanks to a red line of its level written
     * after it is the one case where the contract leaves open which is reported, and is skipped.
     */
    test('every other satisfiable threshold is needed once the reported rules are gone', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            const { oracle } = checked;
            const removable = new Set(['masked-threshold', 'redundant-threshold', 'redline-masked']
                .flatMap(code => flagged(checked, rendered, code, 'rules')));
            protocol.rules.forEach((rule, i) => {
                if (rule.kind !== 'threshold' || removable.has(i) || !oracle.satisfiable(i)) return;
                if (oracle.changesSomething(new Set([...removable, i]))) return;
                const laterRedlines = where(protocol.rules.length, j => j > i && protocol.rules[j].kind === 'redline' && protocol.rules[j].level === rule.level);
                const open = oracle.changesSomething(new Set([...removable, i, ...laterRedlines]));
                expect(open, `${rule.name} is not reported, yet leaving it out changes no level`).toBe(true);
            });
        });
    }, TIMEOUT);
});

describe('non-monotone', () => {
    test('reported exactly when a situation at least as bad on every directed indicator (by its declared direction) gets a lower level, both inside the scope', async () => {
        await holdsFor(({ rendered }, checked) => {
            expect(findings(checked, rendered, 'non-monotone', 'rules').length > 0).toBe(checked.oracle.nonMonotone());
        });
    }, TIMEOUT);

    test('its witness pair: the worse situation is at least as bad and has a lower level', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            for (const f of findings(checked, rendered, 'non-monotone', 'rules')) {
                const [betterWitness, worseWitness] = pair(f.witness, 'better', 'worse');
                const better = read(protocol, betterWitness);
                const worse = read(protocol, worseWitness);
                expect(checked.oracle.atLeastAsBad(worse.situation, better.situation), 'at least as bad on every directed indicator, equal on neutral ones').toBe(true);
                expect(worse.level).toBeLessThan(better.level);
            }
        });
    }, TIMEOUT);
});

describe('unreachable-level', () => {
    test('on exactly the levels no situation inside the scope has', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            // With an empty scope no level is reachable: that one error is reported, and not each level.
            const empty = protocol.levels.every((_, rank) => !checked.oracle.reachable(rank));
            expect(flagged(checked, rendered, 'unreachable-level', 'levels'))
                .toEqual(where(protocol.levels.length, rank => !empty && !checked.oracle.reachable(rank)));
        });
    }, TIMEOUT);
});

describe('flapping', () => {
    // Escalation is immediate: at A no situation is above A, so only levels in (B, A] can undo the step down.
    test('on exactly the off-ramps A to B whose condition holds where the level is above B and not above A', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'flapping', 'offramps')).toEqual(where(protocol.offramps.length, i => checked.oracle.flapping(i)));
        });
    }, TIMEOUT);

    test('its witness: the condition holds, and the level is above B and not above A', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            for (const f of findings(checked, rendered, 'flapping', 'offramps').filter(f => checked.oracle.flapping(f.index))) {
                const offramp = protocol.offramps[f.index];
                const { situation, level } = read(protocol, single(f.witness));
                expect(holds(protocol, offramp.condition, situation), 'the off-ramp holds at its witness').toBe(true);
                expect(level > offramp.to && level <= offramp.from, `level ${protocol.levels[level]} in (${protocol.levels[offramp.to]}, ${protocol.levels[offramp.from]}]`).toBe(true);
            }
        });
    }, TIMEOUT);
});

describe('no-hysteresis', () => {
    test('on exactly the off-ramps without `for` whose region touches, on a continuous indicator, the levels it steps down from', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'no-hysteresis', 'offramps')).toEqual(where(protocol.offramps.length, i => checked.oracle.noHysteresis(i)));
        });
    }, TIMEOUT);

    test('its witness: the off-ramp holds on one side, a level in (B, A] on the other, across one boundary', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            for (const f of findings(checked, rendered, 'no-hysteresis', 'offramps').filter(f => checked.oracle.noHysteresis(f.index))) {
                const offramp = protocol.offramps[f.index];
                const [leavingWitness, backWitness] = pair(f.witness, 'offramp', 'reescalation');
                const leaving = read(protocol, leavingWitness);
                const back = read(protocol, backWitness);
                expect(holds(protocol, offramp.condition, leaving.situation), 'the off-ramp holds on its side').toBe(true);
                expect(back.level > offramp.to && back.level <= offramp.from, `level ${protocol.levels[back.level]} in (${protocol.levels[offramp.to]}, ${protocol.levels[offramp.from]}]`).toBe(true);
                expect(apart(checked.oracle, leaving.situation, back.situation), 'the pair sits across one boundary').toEqual([]);
            }
        });
    }, TIMEOUT);

    test('its witness: a value beside the boundary lies nearer to it than to the middle of its gap', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            for (const f of findings(checked, rendered, 'no-hysteresis', 'offramps').filter(f => checked.oracle.noHysteresis(f.index))) {
                const [leavingWitness, backWitness] = pair(f.witness, 'offramp', 'reescalation');
                const leaving = read(protocol, leavingWitness);
                const back = read(protocol, backWitness);
                expect(farFromBoundary(checked.oracle, leaving.situation, back.situation), JSON.stringify(f.witness)).toEqual([]);
            }
        });
    }, TIMEOUT);
});

describe('force-on-tentative', () => {
    test('on exactly the rules on tentative indicators alone that decide, somewhere, a level whose response uses force', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'force-on-tentative', 'rules')).toEqual(where(protocol.rules.length, i => checked.oracle.forceOnTentative(i)));
            for (const f of findings(checked, rendered, 'force-on-tentative', 'rules')) {
                if (!f.witness) continue;
                const rule = protocol.rules[f.index];
                const { situation, level } = read(protocol, single(f.witness));
                expect(ruleHolds(protocol, rule, situation) && level === rule.level, `${rule.name} decides the level at its witness`).toBe(true);
            }
        });
    }, TIMEOUT);
});

describe('scenario-failed', () => {
    test('on exactly the satisfiable scenarios some matching situation does not meet (expect outside scope: one inside it)', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            expect(flagged(checked, rendered, 'scenario-failed', 'scenarios')).toEqual(where(protocol.scenarios.length, i => checked.oracle.scenarioPasses(i) === false));
        });
    }, TIMEOUT);

    test('its counterexample matches the given values and misses the expectation', async () => {
        await holdsFor(({ protocol, rendered }, checked) => {
            for (const f of findings(checked, rendered, 'scenario-failed', 'scenarios')) {
                const scenario = protocol.scenarios[f.index];
                const { situation, level } = read(protocol, single(f.witness));
                expect(scenario.given.every(g => holds(protocol, g, situation)), 'the given values hold').toBe(true);
                expect(meetsExpectation(protocol, f.index, level), `level ${protocol.levels[level]} misses the expectation`).toBe(false);
            }
        });
    }, TIMEOUT);
});

describe('witnesses', () => {
    // §3: a situation assigns every indicator of the protocol, used or not, declared in it or at the top level.
    test('assign every indicator of the protocol, including those declared at the top level that no rule uses', async () => {
        await holdsFor(({ protocol }, checked) => {
            for (const d of checked.diagnostics) {
                const witness = (d.data as { witness?: Witness } | undefined)?.witness;
                if (!witness) continue;
                const situations = 'situation' in witness ? [witness as SituationWitness] : Object.values(witness as Record<string, SituationWitness>);
                for (const w of situations) {
                    expect(readSituation(protocol, w.situation).missing, `${String(d.code)}@${d.range.start.line + 1}`).toEqual([]);
                }
            }
        });
    }, TIMEOUT);
});

// ---- Helpers on situations -----------------------------------------------------------------

function situationText(oracle: Oracle, k: number): string {
    return [...oracle.situation(k)].map(([name, value]) => `${name}=${typeof value === 'object' ? `${value.n}/${value.d}` : String(value)}`).join(', ');
}

/** Why two situations are not across a single boundary: axes where they are not the same or neighbouring cells. */
function apart(oracle: Oracle, a: Situation, b: Situation): string[] {
    return oracle.grid.axes.flatMap(axis => {
        const name = axis.indicator.name;
        const [i, j] = [cellOf(axis, a.get(name)!), cellOf(axis, b.get(name)!)];
        return i >= 0 && j >= 0 && closuresMeet(axis, i, j) ? [] : [name];
    });
}

/**
 * The axes where a value of the pair lies in a gap beside the boundary the pair straddles, but not
 * nearer to that boundary than to the middle of the gap (above the largest constant: than half the
 * boundary). "A value just beside it" is not a value halfway to the next constant.
 */
function farFromBoundary(oracle: Oracle, a: Situation, b: Situation): string[] {
    return oracle.grid.axes.flatMap(axis => {
        if (!axis.cells) return [];
        const name = axis.indicator.name;
        const [i, j] = [cellOf(axis, a.get(name)!), cellOf(axis, b.get(name)!)];
        if (i < 0 || j < 0 || i === j || !closuresMeet(axis, i, j)) return [];
        const point = Math.abs(i - j) === 2 ? (i + j) / 2 : axis.cells[i] === 'point' ? i : j;
        const boundary = axis.values[point] as Rational;
        return [i, j].filter(c => axis.cells![c] === 'gap').flatMap(c => {
            const value = (c === i ? a : b).get(name) as Rational;
            const far = axis.values[c === point - 1 ? c - 1 : c + 1] as Rational | undefined;
            const gap = far ? abs(subtract(far, boundary)) : boundary;
            const distance = abs(subtract(value, boundary));
            // Strictly nearer than half the gap (an unbounded gap above 0 leaves nothing to compare with).
            return gap.n === 0n || compare(subtract(gap, distance), distance) > 0 ? [] : [`${name}: ${describeValue(value)} is not just beside ${describeValue(boundary)}`];
        });
    });
}

function abs(x: Rational): Rational {
    return x.n < 0n ? { n: -x.n, d: x.d } : x;
}

function describeValue(x: Rational): string {
    return x.d === 1n ? String(x.n) : `${x.n}/${x.d}`;
}
