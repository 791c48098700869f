// The smallest protocols on which the engine and the contract (docs/language.md §3–§4) have disagreed, each
// with the verdict the contract's words give: shrunk from the properties of oracle.test.ts and explain.test.ts.
import { describe, expect, test } from 'vitest';
import { explain } from '../../../src/analysis/explain.js';
import { parseGiven } from '../../../src/analysis/given.js';
import type { SituationWitness } from '../../../src/analysis/findings.js';
import { buildFile, protocolModel } from '../../helpers.js';

const FORCE = `
    party Aland "Aland" {
        organ MoD "Ministry of Defence" authorizes force
        organ Fleet "Fleet Command"
    }
    party Borea "Borea" { organ MoD "Ministry of Defence" }
    mediator OSCE "OSCE"
    channel Hotline "Hotline" links Aland.MoD, Borea.MoD latency 1 min`;

function protocol(body: string, top = ''): string {
    return `${top}
protocol P "P" {
    indicator separation "Closest point of approach" : distance worse when lower
    indicator radarLock "Fire-control radar lock-on" : flag
    ladder {
        Routine "Routine"
        Concern "Concern"
        Alert "Alert"
    }
${body}
}
`;
}

/** The diagnostics of one code, as `line: witness`. */
async function found(text: string, code: string): Promise<Array<{ line: number; witness?: unknown }>> {
    const workspace = await buildFile(text);
    return workspace.diagnostics().filter(d => d.code === code)
        .map(d => ({ line: d.range.start.line + 1, witness: (d.data as { witness?: unknown } | undefined)?.witness }));
}

describe('flapping', () => {
    // While at Concern no situation is at Alert (escalation is immediate): only Concern itself can undo the step down.
    test('not reported when the off-ramp only holds where the level is above its source', async () => {
        const text = protocol(`
    threshold Close: separation < 2 nm -> Concern
    threshold Lock: radarLock -> Alert
    deescalate Concern to Routine when separation >= 2 nm for 1 h`);
        expect(await found(text, 'flapping')).toEqual([]);
    });

    test('its witness has a level above the target and not above the source', async () => {
        const text = protocol(`
    threshold Open: separation >= 500 m -> Concern
    threshold AtLimit: separation = 500 m -> Alert
    deescalate Concern to Routine when separation >= 500 m for 1 h`);
        const [flap] = await found(text, 'flapping');
        expect((flap.witness as SituationWitness).level).toBe('Concern');
    });
});

describe('redline-masked', () => {
    // "a rule of the same level does not mask it: the red line still carries the declared consequence"
    test('not reported when only a rule of the red line\'s own level covers it', async () => {
        const text = protocol(`
    threshold Close: separation < 1 nm -> Alert
    redline VeryClose: separation < 500 m -> Alert { consequence "Suspension of exercises" disclosure public }`);
        expect(await found(text, 'redline-masked')).toEqual([]);
    });
});

describe('no-hysteresis', () => {
    test('silenced by a `for` hold', async () => {
        const text = protocol(`
    threshold Close: separation < 2 nm -> Concern
    deescalate Concern to Routine when separation >= 2 nm for 1 h`);
        expect(await found(text, 'no-hysteresis')).toEqual([]);
    });

    test('never triggered by a count', async () => {
        const text = protocol(`
    indicator vessels "Vessels in the zone" : count worse when higher
    threshold Many: vessels >= 3 -> Concern
    deescalate Concern to Routine when vessels < 3`);
        expect(await found(text, 'no-hysteresis')).toEqual([]);
    });

    // "a single excluded point is no margin"
    test('reported when the off-ramp and the rule exclude only the boundary between them', async () => {
        const text = protocol(`
    threshold Close: separation < 2 nm -> Concern
    deescalate Concern to Routine when separation > 2 nm`);
        expect((await found(text, 'no-hysteresis')).map(f => f.line)).toEqual([12]);
    });

    test('its witness: the boundary and a value just beside it, not halfway to the next constant', async () => {
        const text = protocol(`
    threshold Close: separation < 2 nm -> Concern
    deescalate Concern to Routine when separation >= 2 nm`);
        const [finding] = await found(text, 'no-hysteresis');
        const { offramp, reescalation } = finding.witness as Record<string, SituationWitness>;
        expect(offramp.situation.separation).toBe('2 nm');
        // Anything in (1 nm, 2 nm) is nearer 2 nm than 0; the engine's 1 nm is halfway to the physical bound.
        const value = Number(String(reescalation.situation.separation).replace(' nm', ''));
        expect(value > 1 && value < 2, `reescalation at ${String(reescalation.situation.separation)}`).toBe(true);
    });
});

describe('force-on-tentative', () => {
    const force = `
    response Concern within 4 h {
        step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
        step check: OSCE verifies within 1 h after call
        step hit: Aland.Fleet intercepts within 1 h after check authorized by Aland.MoD cites "Art. 51"
    }`;

    test('not reported for a rule that never holds', async () => {
        const text = protocol(`${FORCE}
    indicator assessed "Assessed hostile intent" : percent tentative
    threshold Intent: assessed > 100 % -> Concern${force}`);
        expect(await found(text, 'force-on-tentative')).toEqual([]);
    });

    test('not reported for a rule that never decides the level', async () => {
        const text = protocol(`${FORCE}
    indicator intent "Assessed hostile intent" : flag tentative
    threshold Intent: intent -> Concern
    threshold Hostile: intent or radarLock -> Alert${force}`);
        expect(await found(text, 'force-on-tentative')).toEqual([]);
    });
});

describe('situations include every indicator of the file', () => {
    const top = 'indicator heavySea "Heavy sea" : flag';

    test('witnesses give a value to an indicator declared at the top level that no rule uses', async () => {
        const text = protocol(`
    threshold Close: separation < 2 nm -> Concern
    scenario "Close pass" { given separation = 1 nm expect Alert }`, top);
        const [failed] = await found(text, 'scenario-failed');
        expect(Object.keys((failed.witness as SituationWitness).situation)).toContain('heavySea');
    });

    test('explain accepts a value for it', async () => {
        const model = await protocolModel(protocol(`
    threshold Close: separation < 2 nm -> Concern`, top));
        expect(() => explain(model, parseGiven(model, ['heavySea=true']))).not.toThrow();
    });
});
