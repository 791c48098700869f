// Property: on random protocols, every check agrees with brute force over a grid holding every boundary
// and the points just beside it, and every witness exhibits what it claims.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../src/analysis/analyse.js';
import type { Finding, SituationWitness } from '../../src/analysis/findings.js';
import type { Protocol } from '../../src/model/protocol.js';
import { randomProtocol } from './generate.js';
import { atLeastAsBad, gridOf, holds, rank, rankWithout, situationFrom, touching } from './oracle.js';

const RUNS = { numRuns: 150, seed: 20261121 };

function setup(protocol: Protocol) {
    const analysis = analyse(protocol);
    expect(analysis.incomplete).toBeUndefined();
    const grid = gridOf(protocol);
    const ranks = grid.points.map(point => rank(protocol, point));
    const ruleOf = (f: Finding) => protocol.rules.findIndex(r => r.source === f.source);
    const flagged = (...codes: string[]) => new Set(analysis.findings.filter(f => codes.includes(f.code)).map(ruleOf).filter(i => i >= 0));
    return { analysis, grid, ranks, flagged };
}

function levelRank(protocol: Protocol, name: string | undefined): number {
    return protocol.levels.find(l => l.name === name)!.rank;
}

function witnessSituation(protocol: Protocol, witness: SituationWitness) {
    return situationFrom(protocol, witness.situation);
}

describe('the analysis agrees with brute force on random protocols', () => {
    test('satisfiable, always true, masked and redundant rules', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis, grid, ranks, flagged } = setup(protocol);
            const unsatisfiable = flagged('unsatisfiable-condition');
            const alwaysTrue = flagged('always-true');
            const masked = new Set(analysis.findings
                .filter(f => f.code === 'masked-threshold' || (f.code === 'redline-masked' && f.message.includes('never decides')))
                .map(f => protocol.rules.findIndex(r => r.source === f.source)));
            const removable = flagged('masked-threshold', 'redundant-threshold', 'redline-masked');
            protocol.rules.forEach((rule, i) => {
                const where = grid.points.filter(point => holds(protocol, rule.condition, point));
                expect(unsatisfiable.has(i), `unsatisfiable ${rule.name}`).toBe(where.length === 0);
                const ruleRank = levelRank(protocol, rule.level);
                expect(alwaysTrue.has(i), `always-true ${rule.name}`).toBe(ruleRank > 0 && where.length === grid.points.length);
                if (where.length > 0) {
                    const neverDecides = where.every(point => protocol.rules.some(other =>
                        levelRank(protocol, other.level) > ruleRank && holds(protocol, other.condition, point)));
                    expect(masked.has(i), `masked ${rule.name}`).toBe(neverDecides);
                }
            });
            // Every rule reported as never deciding or never changing the level can go, all at once.
            grid.points.forEach((point, k) => expect(rankWithout(protocol, removable, point)).toBe(ranks[k]));
            // And every other satisfiable threshold above the baseline matters somewhere (a red line covered by its own
            // level is not reported: it still carries its consequence).
            protocol.rules.forEach((rule, i) => {
                if (removable.has(i) || unsatisfiable.has(i) || levelRank(protocol, rule.level) === 0 || rule.kind === 'redline') return;
                const without = new Set([...removable, i]);
                expect(grid.points.some((point, k) => rankWithout(protocol, without, point) !== ranks[k]), `needed ${rule.name}`).toBe(true);
            });
        }), RUNS);
    });

    test('unreachable levels', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis, ranks } = setup(protocol);
            const unreachable = new Set(analysis.findings.filter(f => f.code === 'unreachable-level').map(f => f.message.split("'")[1]));
            for (const level of protocol.levels) {
                expect(unreachable.has(level.name), level.name).toBe(!ranks.includes(level.rank));
            }
        }), RUNS);
    });

    test('non-monotone ladders, with a witness pair that shows it', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis, grid, ranks } = setup(protocol);
            const found = analysis.findings.filter(f => f.code === 'non-monotone');
            const exists = grid.points.some((s, i) => grid.points.some((t, j) => ranks[j] < ranks[i] && atLeastAsBad(protocol, s, t)));
            expect(found.length > 0).toBe(exists);
            for (const f of found) {
                const pair = f.witness as { better: SituationWitness; worse: SituationWitness };
                const better = witnessSituation(protocol, pair.better);
                const worse = witnessSituation(protocol, pair.worse);
                expect(rank(protocol, better)).toBe(levelRank(protocol, pair.better.level));
                expect(rank(protocol, worse)).toBe(levelRank(protocol, pair.worse.level));
                expect(rank(protocol, worse)).toBeLessThan(rank(protocol, better));
                expect(atLeastAsBad(protocol, better, worse)).toBe(true);
            }
        }), { ...RUNS, numRuns: 80 });
    });

    test('flapping and missing hysteresis of de-escalations', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis, grid, ranks } = setup(protocol);
            protocol.deescalations.forEach(deescalation => {
                const findings = analysis.findings.filter(f => f.source === deescalation.source);
                const target = levelRank(protocol, deescalation.to);
                const source = levelRank(protocol, deescalation.from);
                const between = (r: number) => r > target && r <= source;
                const inCondition = grid.points.map(p => holds(protocol, deescalation.condition!, p));
                if (!inCondition.some(Boolean)) {
                    expect(findings.map(f => f.code)).toContain('unsatisfiable-condition');
                    return;
                }
                const flaps = grid.points.some((_, k) => inCondition[k] && between(ranks[k]));
                const flap = findings.find(f => f.code === 'flapping');
                expect(flap !== undefined).toBe(flaps);
                if (flap) {
                    const w = flap.witness as SituationWitness;
                    const at = witnessSituation(protocol, w);
                    expect(holds(protocol, deescalation.condition!, at)).toBe(true);
                    expect(rank(protocol, at)).toBe(levelRank(protocol, w.level));
                    expect(between(rank(protocol, at))).toBe(true);
                    return;
                }
                const touches = !deescalation.holdFor && grid.points.some((p, k) => inCondition[k] &&
                    grid.points.some((q, j) => between(ranks[j]) && touching(protocol, p, q)));
                const margin = findings.find(f => f.code === 'no-hysteresis');
                expect(margin !== undefined).toBe(touches);
                if (margin) {
                    const pair = margin.witness as { offramp: SituationWitness; reescalation: SituationWitness };
                    const offramp = witnessSituation(protocol, pair.offramp);
                    const reescalation = witnessSituation(protocol, pair.reescalation);
                    expect(holds(protocol, deescalation.condition!, offramp)).toBe(true);
                    expect(between(rank(protocol, reescalation))).toBe(true);
                    expect(touching(protocol, offramp, reescalation)).toBe(true);
                }
            });
        }), RUNS);
    });

    test('scenarios pass exactly when every matching situation meets the expectation; counterexamples are real', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis, grid, ranks } = setup(protocol);
            protocol.scenarios.forEach(scenario => {
                const findings = analysis.findings.filter(f => f.source === scenario.source);
                const matching = grid.points.map(p => scenario.given.every(test => holds(protocol, { kind: 'test', test }, p)));
                if (!matching.some(Boolean)) {
                    expect(findings.map(f => f.code)).toEqual(['unsatisfiable-condition']);
                    return;
                }
                const expected = levelRank(protocol, scenario.level);
                const allowed = (r: number) => scenario.bound === 'at least' ? r >= expected : scenario.bound === 'at most' ? r <= expected : r === expected;
                const fails = grid.points.some((_, k) => matching[k] && !allowed(ranks[k]));
                expect(findings.map(f => f.code)).toEqual(fails ? ['scenario-failed'] : []);
                if (fails) {
                    const w = findings[0].witness as SituationWitness;
                    const at = witnessSituation(protocol, w);
                    expect(scenario.given.every(test => holds(protocol, { kind: 'test', test }, at))).toBe(true);
                    expect(allowed(rank(protocol, at))).toBe(false);
                }
            });
        }), RUNS);
    });

    test('masking witnesses show a situation where the rule holds and a more severe level applies', () => {
        fc.assert(fc.property(randomProtocol, protocol => {
            const { analysis } = setup(protocol);
            for (const f of analysis.findings.filter(x => x.code === 'masked-threshold' || x.code === 'redline-masked' || x.code === 'redundant-threshold')) {
                const rule = protocol.rules.find(r => r.source === f.source)!;
                if (!f.witness) continue; // rules of the baseline carry no witness
                const w = f.witness as SituationWitness;
                const at = witnessSituation(protocol, w);
                expect(holds(protocol, rule.condition, at)).toBe(true);
                expect(rank(protocol, at)).toBe(levelRank(protocol, w.level));
                expect(rank(protocol, at)).toBeGreaterThanOrEqual(levelRank(protocol, rule.level));
            }
        }), RUNS);
    });

});
