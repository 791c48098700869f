// flapping, no-hysteresis, scenario-failed and analysis-incomplete.
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../src/analysis/analyse.js';
import { Budget } from '../../../src/analysis/regions.js';
import { findingsOf, protocol, protocolModel } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

const rules = `
    threshold Near: separation < 2 nm -> Concern
    threshold Lock: radarLock -> Alert
    threshold Crowd: vessels >= 3 -> Concern
`;

describe('flapping', () => {
    test('a de-escalation whose condition holds where the level is above its target', async () => {
        const [found] = await findingsOf(protocol(rules + 'deescalate Alert to Routine when separation >= 3 nm'), 'flapping');
        expect(found.message).toBe('De-escalation from Alert to Routine flaps: at separation = 3 nm, vessels = 3 its condition holds, ' +
            'yet the level there is Concern, above Routine; the situation would escalate again at once.');
        expect(found.witness).toMatchObject({ level: 'Concern', situation: { separation: '3 nm', vessels: '3' } });
    });

    test('near miss: the condition rules out every way back up', async () => {
        expect(await messages(rules + 'deescalate Alert to Routine when separation >= 3 nm and not radarLock and vessels < 3', 'flapping')).toEqual([]);
    });
});

describe('no-hysteresis', () => {
    test('an off-ramp that starts right at the threshold it steps down from', async () => {
        const [found] = await findingsOf(protocol(rules + 'deescalate Concern to Routine when separation >= 2 nm and not radarLock and vessels < 3'), 'no-hysteresis');
        expect(found.message).toBe('De-escalation from Concern to Routine leaves no margin: its condition holds at separation = 2 nm, vessels = 1, radarLock = false, ' +
            'and right beside it, at separation = 1 nm, vessels = 1, radarLock = false, the level is Concern, above Routine. ' +
            'Leave a gap between the off-ramp and the rules it steps down from.');
        expect(found.witness).toMatchObject({
            offramp: { level: 'Routine', situation: { separation: '2 nm' } },
            reescalation: { level: 'Concern', situation: { separation: '1 nm' } },
        });
    });

    test('counts next to each other touch', async () => {
        expect(await messages(rules + 'deescalate Concern to Routine when separation >= 3 nm and not radarLock and vessels <= 2', 'no-hysteresis')).toHaveLength(1);
    });

    test('near misses: a margin on measured indicators; flags have no in-between', async () => {
        expect(await messages(rules + `
            deescalate Concern to Routine when separation >= 3 nm and not radarLock and vessels <= 1
            deescalate Alert to Concern when not radarLock and vessels <= 1
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
        expect(found.message).toBe('Scenario "close" fails: at separation = 1 nm, radarLock = true the level is Alert, not Concern.');
        expect(found.witness).toMatchObject({ level: 'Alert', situation: { separation: '1 nm', radarLock: true } });
    });

    test('bounds and steps', async () => {
        expect(await messages(body + `
            scenario "low" { given separation = 1 nm expect at least Alert }
            scenario "high" { given radarLock expect at most Concern }
            scenario "steps" { given radarLock expect Alert steps call, hang }
        `, 'scenario-failed')).toEqual([
            'Scenario "low" fails: at separation = 1 nm, radarLock = false the level is Concern, not at least Alert.',
            'Scenario "high" fails: at radarLock = true the level is Alert, not at most Concern.',
            'Scenario "steps" fails: at radarLock = true the level is Alert, whose response has no step \'hang\'.',
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

    test('near miss: the default budget completes an ordinary protocol', async () => {
        const analysis = analyse(await protocolModel(protocol(rules)));
        expect(analysis.incomplete).toBeUndefined();
        expect(analysis.findings.filter(f => f.code === 'analysis-incomplete')).toEqual([]);
    });
});
