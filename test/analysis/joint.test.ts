// Joint axes: indicators a protocol tests only together share one axis, whose cells are the classes of
// joint values no condition tells apart. The analysis answers exactly as over an axis per indicator.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../src/analysis/analyse.js';
import { explain } from '../../src/analysis/explain.js';
import type { Finding, SituationWitness } from '../../src/analysis/findings.js';
import { levelAt } from '../../src/analysis/meaning.js';
import type { Protocol } from '../../src/model/protocol.js';
import type { Situation, Value } from '../../src/analysis/situations.js';
import { decisionTables } from '../../src/tables/tables.js';
import { protocolModel } from '../helpers.js';
import { clausalProtocol } from './generate.js';
import { situationFrom } from './oracle.js';

/** `(f0 or f1) and (f2 or f3) and …`: k clauses over two flags each, among `flags` flags, and `extra` rules. */
function conjunctive(k: number, flags: number, extra = '', declared = ''): string {
    const clauses = Array.from({ length: k }, (_, i) => `(f${2 * i} or f${2 * i + 1})`).join(' and ');
    return `protocol Conjunctive "Clauses" {
${Array.from({ length: flags }, (_, i) => `    indicator f${i} "Flag ${i}" : flag${declared}`).join('\n')}
    ladder { Routine "Routine" Watch "Watch" Alert "Alert" Crisis "Crisis" }
    threshold Every "Every clause": ${clauses} -> Crisis
${extra}
}
`;
}

describe('joint axes', () => {
    test('20 clauses of two flags among 250 flags: one box, over an axis per clause', async () => {
        const analysis = analyse(await protocolModel(conjunctive(20, 250)));
        expect(analysis.incomplete).toBeUndefined();
        const { space, levels } = analysis.context!;
        expect(space.joint).toBe(true);
        expect(space.axes).toHaveLength(250 - 20);
        expect(levels.ruleRegions[0].boxes).toHaveLength(1);
    });

    test('a condition of few boxes keeps an axis per indicator (near miss)', async () => {
        const analysis = analyse(await protocolModel(conjunctive(5, 12)));
        expect(analysis.context!.space.joint).toBe(false);
        expect(analysis.context!.levels.ruleRegions[0].boxes).toHaveLength(32);
    });

    test('an indicator tested on its own where that would lose its direction keeps its own axis', async () => {
        // f0 alone tells apart (f0, f1) = (false, true) from (true, false); f1 true is worse than f1 false,
        // and the classes of {f0, f1} would no longer run from the mildest up: {f0, f1} stay separate.
        const analysis = analyse(await protocolModel(conjunctive(8, 16, '    threshold First "First": f0 -> Watch')));
        const { space } = analysis.context!;
        expect(space.axisOf('f0')).not.toBe(space.axisOf('f1'));
        expect(space.axisOf('f2')).toBe(space.axisOf('f3'));
        expect(analysis.context!.levels.ruleRegions[0].boxes).toHaveLength(2);
    });

    test('neutral flags share an axis whatever else tests them', async () => {
        const analysis = analyse(await protocolModel(conjunctive(8, 16, '    threshold First "First": f0 -> Watch', ' neutral')));
        const { space } = analysis.context!;
        expect(space.axisOf('f0')).toBe(space.axisOf('f1'));
        expect(space.direction(space.axisOf('f0'))).toBe('neutral');
        expect(space.axisOf('f0')).not.toBe(space.axisOf('f2'));
    });

    test('a witness shows concrete values of every indicator of a joint axis', async () => {
        // `not (f0 or f1)` is the mildest class of {f0, f1}: with f1 true, worse, the level falls from Alert.
        const analysis = analyse(await protocolModel(conjunctive(8, 16, '    threshold Quiet "Quiet": not (f0 or f1) -> Alert')));
        expect(analysis.context!.space.joint).toBe(true);
        const [found] = analysis.findings.filter(f => f.code === 'non-monotone');
        expect(found?.message).toMatch(/^Threshold 'Quiet'/);
        const { better, worse } = found.witness as Record<string, SituationWitness>;
        expect(better.situation).toMatchObject({ f0: false, f1: false });
        expect(worse.situation.f0 === true || worse.situation.f1 === true).toBe(true);
        expect(better.level).toBe('Alert');
    });

    test('decision tables keep a column per indicator', async () => {
        const model = await protocolModel(conjunctive(7, 14));
        const analysis = analyse(model);
        expect(analysis.context!.space.joint).toBe(true);
        const tables = decisionTables(analysis);
        expect(tables.space.axes).toHaveLength(14);
        expect(tables.ruleRows).toHaveLength(2 ** 7);
        expect(tables.ruleRows[0].constraints.map(c => c.indicator.name)).toEqual(model.indicators.map(i => i.name));
    });
});

/** What a finding is about, whatever its witness reads: code, place and severity. */
const gist = (f: Finding) => `${f.code} ${f.severity} ${f.source.range.start.line}`;

/** Every witness situation has the level the finding states. */
function expectWitnessesAtTheirLevels(protocol: Protocol, findings: readonly Finding[]) {
    for (const f of findings) {
        const witnesses = !f.witness ? [] : 'situation' in f.witness ? [f.witness as SituationWitness] : Object.values(f.witness);
        for (const witness of witnesses) {
            if (witness.level === undefined) continue;
            expect(levelAt(protocol, situationFrom(protocol, witness.situation))?.name, `${f.code}: ${JSON.stringify(witness.situation)}`).toBe(witness.level);
        }
    }
}

describe('explain over joint axes', () => {
    const flags = (values: Record<string, boolean>): Situation => new Map(Object.entries(values).map(([name, value]): [string, Value] => [name, { kind: 'flag', value }]));

    test('every flag given, among 20 clauses: one level, and the rule holds', async () => {
        const model = await protocolModel(conjunctive(20, 250));
        const given = flags(Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`f${i}`, i % 2 === 1])));
        const explained = explain(model, given);
        expect(explained.levels.map(l => l.level.name)).toEqual(['Crisis']);
        expect(explained.rules.map(r => `${r.rule.name} ${r.holds}`)).toEqual(['Every always']);
    });

    test('one flag of a clause given and not the other: the levels still possible', async () => {
        const model = await protocolModel(conjunctive(8, 16));
        const explained = explain(model, flags({ f0: false }));
        expect(explained.levels.map(l => l.level.name)).toEqual(['Routine', 'Crisis']);
        expect(explained.rules.map(r => `${r.rule.name} ${r.holds}`)).toEqual(['Every possibly']);
        const crisis = explained.levels.find(l => l.level.name === 'Crisis')!.example;
        expect(crisis.situation.get('f0')).toEqual({ kind: 'flag', value: false });
        expect(crisis.situation.get('f1')).toEqual({ kind: 'flag', value: true });
    });
});

describe('joint axes change no finding', () => {
    test('on conditions in conjunctive form among other rules, the findings are those over an axis per indicator', () => {
        let joined = 0;
        fc.assert(fc.property(clausalProtocol, protocol => {
            const joint = analyse(protocol);
            const separate = analyse(protocol, { joint: false });
            expect(joint.incomplete).toBeUndefined();
            expect(separate.incomplete).toBeUndefined();
            if (joint.context!.space.joint) joined++;
            expect(joint.findings.map(gist).sort()).toEqual(separate.findings.map(gist).sort());
            expectWitnessesAtTheirLevels(protocol, joint.findings);
        }), { numRuns: 150, seed: 20261130 });
        // The property is about joint axes: most of the protocols must have some.
        expect(joined).toBeGreaterThan(75);
    });
});
