// A property of replay against explain (docs/replay.md): a log whose observations stay in one situation for a
// long time ends at that situation's `explain` level, and every step `explain` lists is reported due, with
// the same deadline, from the moment the situation was observed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/analysis/explain.js';
import type { Indicator, Protocol, Response, SourceRef, Step } from '../../src/model/protocol.js';
import { type Rational, rational, subtract, toExactString } from '../../src/model/rational.js';
import { readLog } from '../../src/replay/log.js';
import { replay } from '../../src/replay/replay.js';
import { parseGiven } from '../../src/analysis/given.js';
import { randomProtocol } from '../analysis/generate.js';
import { HEADER } from './replay-helpers.js';

const NOWHERE: SourceRef = { uri: 'file:///generated.detente', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
const WITHIN = [0, 60, 1800, 5400];
const START = '2026-01-01T00:00:00Z';
/** Long after the situation was observed: every deadline has passed. */
const LATER = '2028-01-01T00:00:00Z';

function step(name: string, within: number, after: string[]): Step {
    return {
        name, actor: { kind: 'mediator', mediator: 'UN' }, verb: 'verifies', verbClass: 'verification', confidential: false, source: NOWHERE,
        timing: within === 0 ? 'immediately' : 'within', within: { amount: rational(within), unit: 's', base: rational(within) }, after, ifUnresolved: false,
    };
}

const stepsOf: fc.Arbitrary<Step[]> = fc.array(fc.record({ within: fc.constantFrom(...WITHIN), after: fc.array(fc.nat(3), { maxLength: 2 }) }), { minLength: 1, maxLength: 3 })
    .map(shapes => shapes.map((shape, i) => step(`s${i}`, shape.within, [...new Set(shape.after.filter(j => j < i).map(j => `s${j}`))])));

/** A random protocol with a scope, responses to its levels above the baseline (with `includes`) and to some rules. */
const protocolWithResponses: fc.Arbitrary<Protocol> = randomProtocol.chain(base => fc.record({
    scoped: fc.boolean(),
    levels: fc.array(fc.record({ has: fc.boolean(), steps: stepsOf, includes: fc.array(fc.nat(base.levels.length - 1), { maxLength: 2 }) }), { minLength: base.levels.length, maxLength: base.levels.length }),
    rules: fc.array(fc.record({ has: fc.boolean(), steps: stepsOf }), { minLength: base.rules.length, maxLength: base.rules.length }),
}).map(({ scoped, levels, rules }): Protocol => {
    const responses: Response[] = [];
    levels.forEach((shape, rank) => {
        if (rank === 0 || !shape.has) return;
        const includes = [...new Set(shape.includes.filter(i => i !== rank && i > 0 && levels[i].has).map(i => base.levels[i].name))];
        responses.push({ level: base.levels[rank].name, includes, steps: shape.steps, confidential: false, source: NOWHERE });
    });
    rules.forEach((shape, i) => {
        if (shape.has) responses.push({ rule: base.rules[i].name, includes: [], steps: shape.steps.map(s => ({ ...s, name: `r${i}${s.name}`, after: s.after.map(a => `r${i}${a}`) })), confidential: false, source: NOWHERE });
    });
    // A scope: the condition of the last off-ramp or rule, negated, so that some situations fall outside.
    const scopes = scoped && base.rules.length > 1 ? [{ condition: { kind: 'not' as const, operand: base.rules[base.rules.length - 1].condition }, source: NOWHERE }] : [];
    return { ...base, responses, scopes };
}));

/** Values as written in the language, of every kind the generator makes. */
function valuesOf(indicator: Indicator): fc.Arbitrary<string> {
    switch (indicator.kind) {
        case 'flag': return fc.constantFrom('true', 'false');
        case 'scale':
        case 'choice': return fc.constantFrom(...indicator.members!);
        case 'count': return fc.constantFrom('0', '1', '2', '3', '5', '100', '150');
        case 'percent': return fc.constantFrom('0 %', '0.5 %', '1 %', '1.5 %', '1.75 %', '2 %', '5 %', '100 %');
        // Measured: amounts in the dimension's base unit (m, s, mps, Hz, or a declared dimension's base).
        default: {
            const unit = indicator.units?.[0]?.symbol ?? 'm';
            return fc.constantFrom('0', '0.5', '1', '1.5', '1.75', '2', '3', '5', '100', '150').map(amount => `${amount} ${unit}`);
        }
    }
}

const caseOf = protocolWithResponses.chain(protocol => fc.tuple(fc.constant(protocol), fc.tuple(...protocol.indicators.map(valuesOf))));

const seconds = (t: Rational) => toExactString(t);

describe('replay agrees with explain', () => {
    test('a log that stays in one situation: the explain level, and every step it lists due with the same deadline', () => {
        fc.assert(fc.property(caseOf, ([protocol, values]) => {
            const rows = protocol.indicators.flatMap((indicator, i) => [`${START},observe,${indicator.name},${values[i]},`, `${LATER},observe,${indicator.name},${values[i]},`]);
            const records = readLog([HEADER, ...rows.filter(r => r.startsWith(START)), ...rows.filter(r => r.startsWith(LATER))].join('\n'), 'csv');
            const result = replay(protocol, records);
            const explanation = explain(protocol, parseGiven(protocol, protocol.indicators.map((indicator, i) => `${indicator.name}=${values[i]}`)));

            const final = result.changes[result.changes.length - 1];
            if (explanation.outside?.holds === 'always') {
                expect(final.to).toBeUndefined();
                expect(result.obligations).toEqual([]);
                return;
            }
            expect(explanation.levels).toHaveLength(1);
            expect(final.to?.name).toBe(explanation.levels[0].level.name);
            // Nothing changes after the situation was first observed.
            expect(result.changes.every(c => seconds(c.time) === seconds(result.start))).toBe(true);

            const expected = explanation.steps.map(({ scheduled: { step: s, deadline, response } }) => `${response.level ?? response.rule}.${s.name} ${deadline ? seconds(deadline) : '-'}`).sort();
            const due = result.obligations.map(o => `${o.response!.level ?? o.response!.rule}.${o.name} ${o.deadline ? seconds(subtract(o.deadline, o.due)) : '-'}`).sort();
            expect(due).toEqual(expected);
            expect(result.obligations.every(o => seconds(o.due) === seconds(result.start) && o.status === 'missing')).toBe(true);
        }), { numRuns: 200, seed: 20261129 });
    });
});
