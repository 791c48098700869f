// The situation space: boundaries open and closed, units, whole-number counts, percent ranges, witnesses.
import { describe, expect, test } from 'vitest';
import { SituationSpace, formatValue, roundValueIn, type Value } from '../../src/analysis/situations.js';
import { parseGiven } from '../../src/analysis/given.js';
import { holdsIn } from '../../src/analysis/meaning.js';
import type { Protocol } from '../../src/model/protocol.js';
import { rational } from '../../src/model/rational.js';
import { protocol, protocolModel } from '../helpers.js';

/** Whether the region of rule `name` contains the situation given as `indicator=value` texts. */
function holdsAt(model: Protocol, space: SituationSpace, name: string, ...given: string[]): boolean {
    const rule = model.rules.find(r => r.name === name)!;
    const box = space.boxOf(parseGiven(model, given))!;
    const region = space.condition(rule.condition);
    const inRegion = region.coversBox(box);
    // The engine agrees with the direct meaning at every point it is asked about.
    const complete = new Map(space.witness(box));
    expect(inRegion).toBe(holdsIn(model, rule.condition, complete));
    return inRegion;
}

describe('situation space', () => {
    test('open and closed boundaries, across units', async () => {
        const model = await protocolModel(protocol(`
            threshold Lt: separation < 2 nm -> Concern
            threshold Le: separation <= 2 nm -> Concern
            threshold Gt: separation > 3704 m -> Concern
            threshold Ge: separation >= 3.704 km -> Concern
            threshold Eq: separation = 1 nm -> Concern
            threshold Ne: separation != 1 nm -> Concern
            threshold Bw: separation between 1 km and 1 nm -> Concern
        `));
        const extra = new Map([['separation', [rational(3704), rational(3703), rational(3705), rational(1000), rational(1852), rational(1853)]]]);
        const space = new SituationSpace(model, { extraValues: extra });
        const at = (rule: string, value: string) => holdsAt(model, space, rule, `separation=${value}`);
        expect([at('Lt', '3703m'), at('Lt', '2nm'), at('Le', '2nm'), at('Le', '3705m')]).toEqual([true, false, true, false]);
        expect([at('Gt', '3704m'), at('Gt', '3705m'), at('Ge', '2nm'), at('Ge', '3703m')]).toEqual([false, true, true, false]);
        expect([at('Eq', '1852m'), at('Eq', '1853m'), at('Ne', '1nm'), at('Ne', '1853m')]).toEqual([true, false, false, true]);
        expect([at('Bw', '1km'), at('Bw', '1nm'), at('Bw', '1853m'), at('Bw', '999m')]).toEqual([true, true, false, false]);
    });

    test('durations and speeds convert exactly', async () => {
        const model = await protocolModel(protocol(`
            threshold Long: elapsed >= 1.5 h -> Concern
            threshold Fast: closing > 10 kn -> Concern
            threshold Day: elapsed >= 1 d -> Alert
        `));
        const space = new SituationSpace(model, {
            extraValues: new Map([['elapsed', [rational(5399), rational(86400)]], ['closing', [rational(18520, 3600), rational(5)]]]),
        });
        expect(holdsAt(model, space, 'Long', 'elapsed=90min')).toBe(true);
        expect(holdsAt(model, space, 'Long', 'elapsed=5399s')).toBe(false);
        expect(holdsAt(model, space, 'Day', 'elapsed=24h')).toBe(true);
        expect(holdsAt(model, space, 'Fast', 'closing=10kn')).toBe(false);
        expect(holdsAt(model, space, 'Fast', 'closing=5mps')).toBe(false); // 5 m/s is 9.72 kn
    });

    test('counts are whole numbers: no count lies strictly between 2 and 3', async () => {
        const model = await protocolModel(protocol(`
            threshold Between: vessels > 2 and vessels < 3 -> Concern
            threshold Half: vessels > 2.5 -> Concern
            threshold Many: vessels >= 3 -> Alert
        `));
        const space = new SituationSpace(model);
        expect(space.condition(model.rules[0].condition).isEmpty).toBe(true);
        // `> 2.5` and `>= 3` are the same set of counts.
        const half = space.condition(model.rules[1].condition);
        const many = space.condition(model.rules[2].condition);
        expect(half.covers(many) && many.covers(half)).toBe(true);
    });

    test('percentages stay within 0–100; flags have two values; scales are ordered', async () => {
        const model = await protocolModel(protocol(`
            threshold Full: share >= 100 % -> Concern
            threshold Any: share >= 0 % -> Concern
            threshold Lock: radarLock or not radarLock -> Concern
            threshold Up: posture >= Exercise -> Concern
            threshold Down: posture < Exercise -> Concern
        `));
        const space = new SituationSpace(model);
        const region = (i: number) => space.condition(model.rules[i].condition);
        expect(region(0).boxes).toHaveLength(1);
        expect(region(1).complement().isEmpty).toBe(true);
        expect(region(2).complement().isEmpty).toBe(true);
        expect(region(3).union(region(4)).complement().isEmpty).toBe(true);
        expect(region(3).meets(region(4))).toBe(false);
    });

    test('the whole space and no situation', async () => {
        const model = await protocolModel(protocol('threshold T: radarLock and not radarLock -> Concern'));
        const space = new SituationSpace(model);
        expect(space.condition(model.rules[0].condition).isEmpty).toBe(true);
        expect(space.space.full().complement().isEmpty).toBe(true);
    });

    test('witnesses read well: boundaries on the bounded side, round numbers in the indicator unit', async () => {
        const model = await protocolModel(protocol(`
            indicator gap "Gap" : distance in nm worse when lower
            threshold A: gap < 2 nm -> Concern
            threshold B: gap >= 2 nm and gap < 5 nm -> Alert
            threshold C: gap > 5 nm -> Crisis
            threshold D: gap < 500 m -> Crisis
        `));
        const space = new SituationSpace(model);
        const witness = (i: number) => {
            const situation = space.witness(space.condition(model.rules[i].condition).boxes[0]);
            return formatValue(model.indicators.find(x => x.name === 'gap')!, situation.get('gap') as Value);
        };
        expect([witness(0), witness(1), witness(2), witness(3)]).toEqual(['1 nm', '2 nm', '6 nm', '0.1 nm']);
    });

    test('round values between boundaries', () => {
        const nm = (x: number) => rational(Math.round(x * 1852));
        expect(roundValueIn(rational(0), nm(2), 'nm', false)).toEqual(nm(1));
        expect(roundValueIn(nm(1), nm(2), 'nm', false)).toEqual(rational(2778));
        expect(roundValueIn(nm(2), undefined, 'nm', false)).toEqual(nm(3));
        expect(roundValueIn(rational(0), rational(30), 'min', false)).toEqual(rational(18));
        expect(roundValueIn(rational(3), rational(10), undefined, true)).toEqual(rational(6));
        expect(roundValueIn(rational(7), undefined, undefined, true)).toEqual(rational(8));
    });
});
