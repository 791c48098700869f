// bad-ladder, deescalation-direction, step-cycle and redline-without-consequence.
import { describe, expect, test } from 'vitest';
import { buildFile, diagnosticsWithCode, expectNoStructuralDiagnostics, protocol } from '../../helpers.js';

describe('bad-ladder', () => {
    test('a protocol without a ladder', async () => {
        const [diagnostic] = await diagnosticsWithCode('protocol P { indicator x "X" : flag }', 'bad-ladder');
        expect(diagnostic.message).toMatch(/^Protocol 'P' has no ladder/);
    });

    test('a ladder of one level, and a second ladder', async () => {
        const found = await diagnosticsWithCode('protocol P { ladder { Only } ladder { A B } }', 'bad-ladder');
        expect(found.map(d => d.message.split(':')[0])).toEqual(['A protocol has one ladder; merge its levels into the first.', 'A ladder needs at least two levels']);
    });

    test('near miss: two levels are enough', async () => {
        expectNoStructuralDiagnostics(await buildFile('protocol P { ladder { Calm Tense } }'));
    });
});

describe('deescalation-direction', () => {
    test('a de-escalation that goes up the ladder', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol('deescalate Concern to Alert when not radarLock'), 'deescalation-direction');
        expect(diagnostic.message).toMatch(/^De-escalation from 'Concern' to 'Alert' does not step down: 'Alert' is more severe/);
    });

    test('a de-escalation to the same level', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol('deescalate Alert to Alert when not radarLock'), 'deescalation-direction');
        expect(diagnostic.message).toContain('the same level');
    });

    test('near miss: stepping down several levels at once', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol('deescalate Crisis to Routine when not radarLock for 1 h')));
    });
});

describe('step-cycle', () => {
    test('a step after itself', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol(`
            response Alert { step a: UN verifies within 1 h after a }
        `), 'step-cycle');
        expect(diagnostic.message).toBe("Step 'a' waits on itself: a → a. No deadline can be set for it.");
    });

    test('a cycle through three steps reports each of them', async () => {
        const found = await diagnosticsWithCode(protocol(`
            response Alert {
                step a: UN verifies within 1 h after c
                step b: UN verifies within 1 h after a
                step c: UN verifies within 1 h after b
                step d: UN mediates within 1 h after c
            }
        `), 'step-cycle');
        expect(found.map(d => d.message.split(':')[1].trim().split('.')[0])).toEqual(['a → c → b → a', 'b → a → c → b', 'c → b → a → c']);
    });

    test('near miss: a diamond of dependencies is not a cycle', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol(`
            response Alert {
                step a: UN verifies within 1 h
                step b: UN verifies within 1 h after a
                step c: UN mediates within 1 h after a
                step d: UN mediates within 1 h after b, c
            }
        `)));
    });
});

describe('redline-without-consequence', () => {
    test('a red line without a block', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol('redline R: radarLock -> Crisis'), 'redline-without-consequence');
        expect(diagnostic.message).toBe(`Red line 'R' declares no consequence and no disclosure; add consequence "…" and disclosure public|confidential in its { } block.`);
    });

    test('a red line with only one of the two', async () => {
        const found = await diagnosticsWithCode(protocol(`
            redline R1: radarLock -> Crisis { consequence "Sanctions" }
            redline R2: vessels > 5 -> Crisis { disclosure public }
        `), 'redline-without-consequence');
        expect(found.map(d => d.message.split(';')[0])).toEqual([
            "Red line 'R1' declares no disclosure",
            "Red line 'R2' declares no consequence",
        ]);
    });

    test('near miss: consequence and disclosure, in either order', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol(`
            redline R1: radarLock -> Crisis { consequence "Sanctions" disclosure public }
            redline R2: vessels > 5 -> Crisis { disclosure confidential consequence "Recall" }
        `)));
    });
});
