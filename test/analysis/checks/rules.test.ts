// unsatisfiable-condition, always-true, masked-threshold, redundant-threshold, redline-masked, confidential-redline.
import { describe, expect, test } from 'vitest';
import { findingsOf, protocol } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

describe('unsatisfiable-condition', () => {
    test('a threshold, a de-escalation and a scenario that no situation satisfies', async () => {
        expect(await messages(`
            threshold Never: separation < 1 km and separation > 2 km -> Concern
            deescalate Alert to Routine when radarLock and not radarLock
            scenario "impossible" { given vessels > 3, vessels < 2 expect Routine }
        `, 'unsatisfiable-condition')).toEqual([
            "Threshold 'Never' never holds: no situation satisfies its condition, so it can never lead to Concern.",
            'De-escalation from Alert to Routine never applies: no situation satisfies its condition.',
            'Scenario "impossible" can never run: no situation satisfies its given values.',
        ]);
    });

    test('whole numbers: no count between 2 and 3', async () => {
        expect(await messages('threshold T: vessels > 2 and vessels < 3 -> Concern', 'unsatisfiable-condition')).toHaveLength(1);
    });

    test('near misses: a single boundary point, a single count, an open interval of reals', async () => {
        expect(await messages(`
            threshold Point: separation <= 1 km and separation >= 1 km -> Concern
            threshold Three: vessels > 2 and vessels < 4 -> Concern
            threshold Open: separation > 1 km and separation < 1001 m -> Concern
        `, 'unsatisfiable-condition')).toEqual([]);
    });
});

describe('always-true', () => {
    test('a rule that every situation satisfies', async () => {
        expect(await messages(`
            threshold Everywhere: separation >= 0 m -> Concern
            threshold Tautology: radarLock or not radarLock -> Alert
        `, 'always-true')).toEqual([
            "Threshold 'Everywhere' holds in every situation: no situation is ever below Concern.",
            "Threshold 'Tautology' holds in every situation: no situation is ever below Alert.",
        ]);
    });

    test('near miss: zero excluded; a full percentage range but for one value', async () => {
        expect(await messages(`
            threshold Moving: separation > 0 m -> Concern
            threshold Share: share < 100 % -> Concern
        `, 'always-true')).toEqual([]);
    });
});

describe('masked-threshold', () => {
    test('a rule of a more severe level holds wherever it holds', async () => {
        const [found] = await findingsOf(protocol(`
            threshold Near: separation < 1 km -> Concern
            threshold Nearer: separation < 2 km -> Alert
        `), 'masked-threshold');
        expect(found.message).toBe("Threshold 'Near' never decides the level: wherever it holds, a more severe rule holds too (Nearer → Alert). " +
            'For example, at separation = 0.5 km; the level is Alert, not Concern.');
        expect(found.related?.map(r => r.message)).toEqual(["Threshold 'Nearer' leads to Alert wherever Near holds"]);
        // Shown in km, the unit the protocol uses most for separation.
        expect(found.witness).toMatchObject({ level: 'Alert', situation: { separation: '0.5 km' } });
    });

    test('masked only by several rules together', async () => {
        const [found] = await findingsOf(protocol(`
            threshold Crowded: vessels >= 2 -> Concern
            threshold North: vessels >= 2 and zone = North -> Alert
            threshold Elsewhere: vessels >= 2 and zone in {South, Strait} -> Crisis
        `), 'masked-threshold');
        expect(found.message).toContain('(North → Alert and Elsewhere → Crisis)');
    });

    test('one rule that holds wherever it holds is named alone, before rules that cover it only together', async () => {
        // Either and Neither cover every situation together, and each holds more than half of Locked: a ranking
        // by share alone would name them both. Lock holds wherever Locked does, on its own.
        const found = (await findingsOf(protocol(`
            threshold Locked: separation < 2 km and radarLock -> Concern
            threshold Either: vessels >= 2 or zone != South -> Crisis
            threshold Neither: vessels < 2 or zone != North -> Crisis
            threshold Lock: radarLock -> Alert
        `), 'masked-threshold')).find(f => f.message.startsWith("Threshold 'Locked'"))!;
        expect(found.message).toContain('(Lock → Alert)');
        expect(found.related).toHaveLength(1);
    });

    test('near miss: one value left uncovered lets the rule decide there', async () => {
        expect(await messages(`
            threshold Crowded: vessels >= 2 -> Concern
            threshold North: vessels >= 2 and zone = North -> Alert
            threshold South: vessels >= 2 and zone = South -> Crisis
        `, 'masked-threshold')).toEqual([]);
    });
});

describe('redundant-threshold', () => {
    test('covered by a rule of the same level', async () => {
        expect(await messages(`
            threshold Near: separation < 1 km -> Concern
            threshold Close: separation < 2 km -> Concern
        `, 'redundant-threshold')).toEqual([
            "Threshold 'Near' never changes the level: wherever it holds, other rules give Concern or more (Close → Concern). Removing it changes no situation's level.",
        ]);
    });

    test('of two identical rules, the later one is the redundant copy', async () => {
        const found = await findingsOf(protocol(`
            threshold First: radarLock -> Concern
            threshold Copy: radarLock -> Concern
        `), 'redundant-threshold');
        expect(found.map(f => f.message.split(' never')[0])).toEqual(["Threshold 'Copy'"]);
    });

    test('covered by same and higher levels together', async () => {
        const found = await findingsOf(protocol(`
            threshold Few: vessels <= 4 -> Concern
            threshold Many: vessels >= 5 -> Alert
            threshold Crowded: vessels >= 2 -> Concern
        `), 'redundant-threshold');
        expect(found.map(f => f.message)).toEqual([
            "Threshold 'Crowded' never changes the level: wherever it holds, other rules give Concern or more (Few → Concern and Many → Alert). " +
            "Removing it changes no situation's level.",
        ]);
    });

    test('a rule that leads to the baseline', async () => {
        expect(await messages('threshold Calm: separation > 10 nm -> Routine', 'redundant-threshold')).toEqual([
            "Threshold 'Calm' leads to the baseline Routine, which applies anyway when no rule holds: it never changes the level.",
        ]);
    });

    test('near miss: overlapping rules that each decide somewhere', async () => {
        expect(await messages(`
            threshold Near: separation < 2 km -> Concern
            threshold Lock: radarLock -> Concern
        `, 'redundant-threshold')).toEqual([]);
    });
});

describe('redline-masked', () => {
    test('a red line inside a more severe threshold', async () => {
        const [found] = await findingsOf(protocol(`
            redline Lock "Art. 7": radarLock and separation < 1 km -> Alert { consequence "x" disclosure public }
            threshold AnyLock: radarLock -> Crisis
        `), 'redline-masked');
        expect(found.message).toBe("Red line 'Lock' never decides the level: wherever it holds, a more severe rule holds too (AnyLock → Crisis). " +
            'For example, at separation = 0.5 km, radarLock = true; the level is Crisis, not Alert.');
    });

    test('near miss: a red line covered only by a rule of its own level still carries its consequence', async () => {
        const found = await findingsOf(protocol(`
            redline Crowd: vessels > 10 -> Concern { consequence "y" disclosure public }
            threshold Many: vessels > 5 -> Concern
        `));
        expect(found.filter(f => f.code === 'redline-masked' || f.code === 'redundant-threshold')).toEqual([]);
    });

    test('a threshold and a red line of one level that cover each other: the threshold is the redundant one', async () => {
        expect((await findingsOf(protocol(`
            threshold Many: vessels > 10 -> Concern
            redline Crowd: vessels > 10 -> Concern { consequence "y" disclosure public }
        `))).filter(f => f.code === 'redline-masked' || f.code === 'redundant-threshold').map(f => f.message.split(' never')[0])).toEqual([
            "Threshold 'Many'",
        ]);
    });

    test('near miss: a red line that decides where it holds', async () => {
        expect(await messages(`
            redline Lock: radarLock and separation < 1 km -> Crisis { consequence "x" disclosure public }
            threshold AnyLock: radarLock -> Alert
        `, 'redline-masked')).toEqual([]);
    });
});

describe('confidential-redline', () => {
    test('a confidential red line cannot deter', async () => {
        const found = await findingsOf(protocol('redline Secret: radarLock -> Crisis { consequence "x" disclosure confidential }'), 'confidential-redline');
        expect(found.map(f => [f.severity, f.message])).toEqual([
            ['info', "Red line 'Secret' is confidential: a consequence the other side does not know of cannot deter it."],
        ]);
    });

    test('near miss: a public red line', async () => {
        expect(await messages('redline Open: radarLock -> Crisis { consequence "x" disclosure public }', 'confidential-redline')).toEqual([]);
    });
});
