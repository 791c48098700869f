// flapping, no-hysteresis, scenario-failed and analysis-incomplete.
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../src/analysis/analyse.js';
import { Budget } from '../../../src/analysis/budget.js';
import { findingsOf, protocol, protocolModel } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

const rules = `
    threshold Near: separation < 2 nm -> Concern
    threshold Lock: radarLock -> Alert
    threshold Crowd: vessels >= 3 -> Concern
`;

describe('flapping', () => {
    test('a de-escalation whose condition holds where the level is above its target and not above its source', async () => {
        const [found] = await findingsOf(protocol(rules + 'deescalate Alert to Routine when separation >= 3 nm'), 'flapping');
        expect(found.message).toBe('De-escalation from Alert to Routine flaps: at separation = 3 nm, vessels = 3; its condition holds, ' +
            'yet the level there is Concern, above Routine; stepping down would escalate again at once.');
        expect(found.witness).toMatchObject({ level: 'Concern', situation: { separation: '3 nm', vessels: '3' } });
    });

    test('near miss: the condition rules out every way back up', async () => {
        expect(await messages(rules + 'deescalate Alert to Routine when separation >= 3 nm and not radarLock and vessels < 3', 'flapping')).toEqual([]);
    });

    test('near miss: situations above the source level do not count (at them, the situation is not at the source)', async () => {
        // At radarLock the level is Alert, above Concern: while at Concern there is no lock, and stepping down stays down.
        expect(await messages(rules + 'deescalate Concern to Routine when separation >= 3 nm and vessels < 3', 'flapping')).toEqual([]);
        expect(await messages(`
            threshold Lock: radarLock -> Concern
            threshold Crowd: vessels >= 3 -> Alert
            deescalate Concern to Routine when not radarLock
        `, 'flapping')).toEqual([]);
    });
});

describe('no-hysteresis', () => {
    test('an off-ramp that starts right at the threshold it steps down from: the boundary and a value just beside it', async () => {
        const [found] = await findingsOf(protocol(rules + 'deescalate Concern to Routine when separation >= 2 nm and not radarLock and vessels < 3'), 'no-hysteresis');
        expect(found.message).toBe('De-escalation from Concern to Routine leaves no margin at separation = 2 nm: its condition holds at ' +
            'separation = 2 nm, vessels = 1, radarLock = false; just beside it (separation = 1.9 nm) the level is Concern, above Routine; ' +
            'a measurement hovering there would step down and up again. ' +
            'Leave a gap between the off-ramp and the rules it steps down from, or require the condition to hold for a time (for …).');
        expect(found.witness).toMatchObject({
            offramp: { level: 'Routine', situation: { separation: '2 nm', vessels: '1', radarLock: false } },
            reescalation: { level: 'Concern', situation: { separation: '1.9 nm', vessels: '1', radarLock: false } },
        });
    });

    test('a single boundary left out of both sides is no margin', async () => {
        const [found] = await findingsOf(protocol(rules + 'deescalate Concern to Routine when separation > 2 nm and not radarLock and vessels < 3'), 'no-hysteresis');
        expect(found.witness).toMatchObject({
            offramp: { level: 'Routine', situation: { separation: '2.1 nm' } },
            reescalation: { level: 'Concern', situation: { separation: '1.9 nm' } },
        });
    });

    test('the witness sits at the boundary, not at the next constant', async () => {
        const [found] = await findingsOf(protocol(`
            threshold Late: elapsed >= 60 min -> Concern
            threshold Later: elapsed >= 90 min -> Alert
            scenario "half an hour" { given elapsed = 30 min expect Routine }
            deescalate Concern to Routine when elapsed < 60 min
        `), 'no-hysteresis');
        expect(found.witness).toMatchObject({
            offramp: { level: 'Routine', situation: { elapsed: '59 min' } },
            reescalation: { level: 'Concern', situation: { elapsed: '60 min' } },
        });
    });

    test('near miss: a hold is a margin in time', async () => {
        expect(await messages(rules + 'deescalate Concern to Routine when separation >= 2 nm and not radarLock and vessels < 3 for 10 min', 'no-hysteresis')).toEqual([]);
    });

    test('near miss: counts are whole numbers, and at their physical minimum have no in-between', async () => {
        expect(await messages(rules + 'deescalate Concern to Routine when separation >= 3 nm and not radarLock and vessels <= 2', 'no-hysteresis')).toEqual([]);
        expect(await messages(`
            threshold Casualties: vessels >= 1 -> Concern
            deescalate Concern to Routine when vessels = 0
        `, 'no-hysteresis')).toEqual([]);
    });

    test('near misses: a margin on measured indicators; flags have no in-between', async () => {
        expect(await messages(rules + `
            deescalate Concern to Routine when separation >= 3 nm and not radarLock and vessels <= 1
            deescalate Alert to Concern when not radarLock and vessels <= 1
        `, 'no-hysteresis')).toEqual([]);
    });

    test('near miss: only the levels between the target and the source matter', async () => {
        expect(await messages(`
            threshold Near: separation < 2 nm -> Alert
            threshold Crowd: vessels >= 3 -> Concern
            deescalate Concern to Routine when separation >= 2 nm and vessels < 3
        `, 'no-hysteresis')).toEqual([]);
    });
});

describe('scenario-failed', () => {
    const body = rules + `
        response Concern { step hang: Aland.MoD notifies Borea.MoD via Hotline within 1 h }
        response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 15 min }
    `;

    test('an exact expectation that a matching situation breaks, with one counterexample', async () => {
        const [found] = await findingsOf(protocol(body + 'scenario "close" { given separation = 1 nm expect Concern }'), 'scenario-failed');
        expect(found.message).toBe('Scenario "close" fails: at separation = 1 nm, radarLock = true; the level is Alert, not Concern.');
        expect(found.witness).toMatchObject({ level: 'Alert', situation: { separation: '1 nm', radarLock: true } });
    });

    test('bounds and steps', async () => {
        expect(await messages(body + `
            scenario "low" { given separation = 1 nm expect at least Alert }
            scenario "high" { given radarLock expect at most Concern }
            scenario "steps" { given radarLock expect Alert steps call, hang }
        `, 'scenario-failed')).toEqual([
            'Scenario "low" fails: at separation = 1 nm, radarLock = false; the level is Concern, not at least Alert.',
            'Scenario "high" fails: at radarLock = true; the level is Alert, not at most Concern.',
            'Scenario "steps" fails: at radarLock = true; the level is Alert, and no step \'hang\' is due there.',
        ]);
    });

    test('near misses: expectations that hold over every matching situation', async () => {
        expect(await messages(body + `
            scenario "exact" { given separation = 1 nm, radarLock = false, vessels = 0 expect Concern }
            scenario "at least" { given separation = 1 nm expect at least Concern }
            scenario "at most" { given radarLock = false expect at most Concern }
            scenario "steps" { given radarLock expect Alert steps call }
        `, 'scenario-failed')).toEqual([]);
    });
});

describe('analysis-incomplete', () => {
    test('a budget too small to finish reports what it could and says so', async () => {
        const model = await protocolModel(protocol(rules + 'scenario "s" { given radarLock expect Alert }'));
        const analysis = analyse(model, { budget: new Budget(5) });
        expect(analysis.incomplete).toBeDefined();
        expect(analysis.findings.filter(f => f.code === 'analysis-incomplete').map(f => [f.severity, f.message.split(' (')[0]])).toEqual([
            ['info', "The analysis of 'Test' stopped early"],
        ]);
    });

    test('the checks of each declaration on its own are made whatever the budget', async () => {
        const model = await protocolModel(protocol(rules + `
            threshold Never: separation < 1 nm and separation > 2 nm -> Alert
            deescalate Concern to Routine when vessels < 1 and vessels > 2
            scenario "impossible" { given separation = 1 nm, separation = 2 nm expect Alert }
        `));
        const analysis = analyse(model, { budget: new Budget(5) });
        expect(analysis.incomplete).toBeDefined();
        expect(analysis.findings.filter(f => f.code === 'unsatisfiable-condition').map(f => f.message.split(':')[0])).toEqual([
            "Threshold 'Never' never holds",
            'De-escalation from Concern to Routine never applies',
            'Scenario "impossible" can never run',
        ]);
    });

    test('near miss: the default budget completes an ordinary protocol', async () => {
        const analysis = analyse(await protocolModel(protocol(rules)));
        expect(analysis.incomplete).toBeUndefined();
        expect(analysis.findings.filter(f => f.code === 'analysis-incomplete')).toEqual([]);
    });
});
