// non-monotone, unreachable-level, missing-response, missing-offramp, force-on-tentative.
import { describe, expect, test } from 'vitest';
import { findingsOf, protocol } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

describe('non-monotone', () => {
    test('a closer ship gets a lower level than a distant one', async () => {
        const [found] = await findingsOf(protocol('threshold Distant: separation > 10 km -> Concern'), 'non-monotone');
        expect(found.message).toBe("Threshold 'Distant' makes the ladder non-monotone: at separation = 20 km; the level is Concern, " +
            'but at separation = 10 km (at least as bad on every indicator) it is only Routine.');
        expect(found.witness).toMatchObject({
            better: { level: 'Concern', situation: { separation: '20 km' } },
            worse: { level: 'Routine', situation: { separation: '10 km' } },
        });
    });

    test('flags (true is worse) and scales (later is worse) are directed', async () => {
        expect((await findingsOf(protocol(`
            threshold Unlocked: not radarLock -> Concern
            threshold Peaceful: posture < Exercise -> Alert
        `), 'non-monotone')).map(f => f.message.split(' makes')[0])).toEqual(["Threshold 'Peaceful'", "Threshold 'Unlocked'"]);
    });

    test('the related information points at the rule of the worse situation', async () => {
        const [found] = await findingsOf(protocol(`
            threshold Near: separation < 1 km -> Concern
            threshold Mid: separation between 1 km and 5 km -> Alert
        `), 'non-monotone');
        expect(found.message).toMatch(/^Threshold 'Mid' makes the ladder non-monotone: at separation = 1 km; the level is Alert, but at separation = 0\.5 km/);
        expect(found.related?.map(r => r.message)).toEqual(["Threshold 'Near' decides the worse situation: Concern"]);
    });

    test('near misses: neutral indicators (one of, numbers without direction) and monotone ladders', async () => {
        expect(await messages(`
            indicator depth "Depth" : distance
            threshold North: zone = North -> Concern
            threshold Deep: depth > 5 km -> Alert
            threshold Near: separation < 1 km and radarLock -> Crisis
            threshold Lock: radarLock or posture >= Exercise -> Concern
        `, 'non-monotone')).toEqual([]);
    });
});

describe('unreachable-level', () => {
    test('a level no rule leads to, and a level whose rules are always outranked', async () => {
        expect(await messages(`
            threshold Near: separation < 1 km -> Concern
            threshold Nearer: separation < 2 km -> Crisis
        `, 'unreachable-level')).toEqual([
            "Level 'Concern' is unreachable: no situation has this level (more severe rules hold wherever Near holds).",
            "Level 'Alert' is unreachable: no situation has this level (no threshold or red line leads to it).",
        ]);
    });

    test('a level whose only rule can never hold says so', async () => {
        expect(await messages(`
            threshold Never: separation < 1 km and separation > 2 km -> Concern
            threshold Near: separation < 1 km -> Alert
            threshold Lock: radarLock -> Crisis
            threshold Fast: closing > 20 kn -> Concern
            threshold Faster: closing > 10 kn -> Crisis
        `, 'unreachable-level')).toEqual([
            "Level 'Concern' is unreachable: no situation has this level (Never can never hold, and more severe rules hold wherever Fast holds).",
        ]);
        expect(await messages(`
            threshold Never: separation < 1 km and separation > 2 km -> Concern
            threshold Near: separation < 1 km -> Alert
            threshold Lock: radarLock -> Crisis
        `, 'unreachable-level')).toEqual([
            "Level 'Concern' is unreachable: no situation has this level (Never can never hold).",
        ]);
    });

    test('the baseline, when a rule holds everywhere', async () => {
        expect(await messages(`
            threshold Always: vessels >= 0 -> Concern
            threshold A: radarLock -> Alert
            threshold C: radarLock and separation < 1 km -> Crisis
        `, 'unreachable-level')).toEqual([
            "Level 'Routine' is unreachable: no situation has this level (rules of higher levels hold in every situation).",
        ]);
    });

    test('near miss: every level reached somewhere', async () => {
        expect(await messages(`
            threshold A: separation < 2 km -> Concern
            threshold B: separation < 1 km -> Alert
            threshold C: radarLock -> Crisis
        `, 'unreachable-level')).toEqual([]);
    });
});

describe('missing-response and missing-offramp', () => {
    const ladderBody = `
        threshold A: separation < 2 km -> Concern
        threshold B: separation < 1 km -> Alert
        threshold C: radarLock -> Crisis
    `;

    test('levels above the baseline without a response, or without a way down to it', async () => {
        const body = ladderBody + `
            response Concern { step a: UN verifies within 1 h }
            response Crisis { step c: UN verifies within 1 h }
            deescalate Crisis to Alert when not radarLock
            deescalate Concern to Routine when separation > 3 km
        `;
        expect(await messages(body, 'missing-response')).toEqual([
            "Level 'Alert' has no response: nothing is required of anyone once the situation reaches it.",
        ]);
        expect(await messages(body, 'missing-offramp')).toEqual([
            "Level 'Alert' has no way back: no chain of de-escalations leads from it down to the baseline Routine.",
            "Level 'Crisis' has no way back: no chain of de-escalations leads from it down to the baseline Routine.",
        ]);
    });

    test('near miss: every level has a response and a chain of off-ramps, skipping levels is fine', async () => {
        const body = ladderBody + `
            response Concern { step a: UN verifies within 1 h }
            response Alert { step b: UN verifies within 1 h }
            response Crisis { step c: UN verifies within 1 h }
            deescalate Crisis to Concern when not radarLock and separation > 3 km
            deescalate Alert to Routine when separation > 3 km
            deescalate Concern to Routine when separation > 3 km
        `;
        expect(await messages(body, 'missing-response')).toEqual([]);
        expect(await messages(body, 'missing-offramp')).toEqual([]);
    });
});

describe('force-on-tentative', () => {
    const header = `
        indicator intent "Assessed intent" : scale Low < High tentative
        indicator rumour "Reported sighting" : flag tentative
    `;

    test('a level with force reached by a rule on tentative indicators alone', async () => {
        expect(await messages(header + `
            threshold Hostile: intent = High and rumour -> Crisis
            response Crisis { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.MoD cites "x" }
        `, 'force-on-tentative')).toEqual([
            "Threshold 'Hostile' leads to Crisis, whose response uses force (hit), on tentative indicators alone (intent and rumour): " +
            'force would rest on an assessment, not on an observation.',
        ]);
    });

    test('near misses: a tentative rule that never decides the level (masked, or unsatisfiable)', async () => {
        expect(await messages(header + `
            threshold Hostile: intent = High -> Alert
            threshold Locked: intent = High or radarLock -> Crisis
            threshold Impossible: rumour and not rumour -> Alert
            response Alert { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.MoD cites "x" }
        `, 'force-on-tentative')).toEqual([]);
    });

    test('near misses: an observed indicator in the rule, or no force at that level', async () => {
        expect(await messages(header + `
            threshold Hostile: intent = High and radarLock -> Crisis
            threshold Rumour: rumour -> Alert
            response Crisis { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.MoD cites "x" }
            response Alert { step ask: Aland.MoD requests Borea.MoD within 1 h }
        `, 'force-on-tentative')).toEqual([]);
    });
});
