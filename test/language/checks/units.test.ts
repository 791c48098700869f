// unit-mismatch: values that do not fit their indicator; near misses in every unit and type.
import { describe, expect, test } from 'vitest';
import { buildFile, diagnosticsWithCode, expectNoStructuralDiagnostics, protocol } from '../../helpers.js';

async function mismatches(body: string): Promise<string[]> {
    return (await diagnosticsWithCode(protocol(body), 'unit-mismatch')).map(d => d.message);
}

describe('unit-mismatch', () => {
    test('a value of the wrong dimension', async () => {
        expect(await mismatches('threshold T: separation < 2 h -> Concern')).toEqual([
            "'h' is a unit of duration, but a distance takes m, km, nm, ft or mi.",
        ]);
    });

    test('an unknown unit, and a missing one', async () => {
        expect(await mismatches(`
            threshold T: separation < 2 yd -> Concern
            threshold U: elapsed > 30 -> Concern
        `)).toEqual([
            "Unknown unit 'yd'; a distance takes m, km, nm, ft or mi.",
            'A duration needs a unit (s, min, h, d, wk or yr).',
        ]);
    });

    test('a count with a unit', async () => {
        expect(await mismatches('threshold T: vessels > 2 nm -> Concern')).toEqual([
            "'nm' is a unit of distance, but a count takes no unit.",
        ]);
    });

    test('a count equal to a number that is not whole, in a scenario or a rule: said at the value', async () => {
        const found = await diagnosticsWithCode(protocol(`
            scenario "half a ship" { given vessels = 2.5 expect Routine }
            threshold T: vessels != 1.5 -> Concern
        `), 'unit-mismatch');
        expect(found.map(d => [d.message, d.range.start.character])).toEqual([
            ["'vessels' is a count: its values are whole numbers, and 2.5 is not one.", 53],
            ["'vessels' is a count: its values are whole numbers, and 1.5 is not one.", 36],
        ]);
    });

    test('near miss: an order with a count and a number that is not whole is fine (vessels < 2.5 is vessels ≤ 2)', async () => {
        expect(await mismatches('threshold T: vessels < 2.5 -> Concern\nthreshold U: vessels between 1.5 and 3 -> Alert')).toEqual([]);
    });

    test('an unknown member of a scale or one of', async () => {
        expect(await mismatches(`
            threshold T: zone = East -> Concern
            threshold U: posture >= Alerted -> Concern
            threshold V: zone in {North, West} -> Concern
        `)).toEqual([
            "Unknown member 'East' of 'zone'; it takes North, South, Strait.",
            "Unknown member 'Alerted' of 'posture'; it takes Peacetime, Exercise, Deployment.",
            "Unknown member 'West' of 'zone'; it takes North, South, Strait.",
        ]);
    });

    test('a flag compared with a number, or ordered', async () => {
        expect(await mismatches(`
            threshold T: radarLock = 1 -> Concern
            threshold U: radarLock > false -> Concern
        `)).toEqual([
            "'radarLock' is a flag; compare it with true or false.",
            "'radarLock' is a flag; compare it with = or != only.",
        ]);
    });

    test('a percentage above 100 written as a literal', async () => {
        expect(await mismatches('threshold T: share > 120 % -> Concern')).toEqual(['120 % is outside 0–100.']);
    });

    test('members, truth values and numbers used on the wrong kind of indicator', async () => {
        expect(await mismatches(`
            threshold A: separation = North -> Concern
            threshold B: separation = true -> Concern
            threshold C: posture = 2 -> Concern
            threshold D: zone > North -> Concern
            threshold E: zone between North and South -> Concern
        `)).toEqual([
            "'separation' is a distance; compare it with a distance (m, km, nm, ft or mi).",
            "'separation' is a distance; compare it with a distance (m, km, nm, ft or mi).",
            "'posture' is a scale; compare it with one of its members (Peacetime, Exercise, Deployment).",
            "The members of 'zone' have no order; use =, != or in { … }.",
            "The members of 'zone' have no order; use =, != or in { … }.",
            "The members of 'zone' have no order; use =, != or in { … }.",
        ]);
    });

    test('`in { … }` and bare use on indicators that are not members or flags', async () => {
        expect(await mismatches(`
            threshold A: separation in {North} -> Concern
            threshold B: separation -> Concern
        `)).toEqual([
            "'separation' is a distance; 'in { … }' takes the members of a scale or 'one of'.",
            "'separation' is a distance, not a flag; compare it with a value.",
        ]);
    });

    test('deadlines, latencies and hold times must be durations', async () => {
        expect(await mismatches(`
            channel Slow "Slow" links Aland, Borea latency 3 km
            response Alert within 2 {
                step a: UN verifies within 4 nm
            }
            deescalate Alert to Routine when not radarLock for 10 %
        `)).toEqual([
            "'km' is a unit of distance, but a duration takes s, min, h, d, wk or yr.",
            'A duration needs a unit (s, min, h, d, wk or yr).',
            "'nm' is a unit of distance, but a duration takes s, min, h, d, wk or yr.",
            "'%' is a unit of percent, but a duration takes s, min, h, d, wk or yr.",
        ]);
    });

    test('a display unit of another dimension, and `worse when` on an indicator with its own order', async () => {
        expect(await mismatches(`
            indicator a "A" : distance in h
            indicator b "B" : flag worse when lower
            indicator c "C" : one of X, Y worse when higher
        `)).toEqual([
            "'h' is a unit of duration, but a distance takes m, km, nm, ft or mi.",
            'A flag is worse when true or when false, not when lower.',
            "'worse when' applies to measured indicators and flags; a 'one of' has no order.",
        ]);
    });

    test('near misses: every unit of its own dimension, with or without a space', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol(`
            indicator d "D" : distance in nm
            threshold A: separation < 2nm or separation < 500 m or separation <= 1.5 km -> Concern
            threshold B: elapsed > 30 s or elapsed > 1 min or elapsed >= 2 h or elapsed > 1 d -> Concern
            threshold C: closing > 20 kn or closing > 30 kmh or closing > 10 mps -> Concern
            threshold D: vessels >= 3 and share = 100 % and share <= 100 -> Concern
            threshold E: radarLock != true or radarLock = false -> Concern
            threshold F: posture >= Exercise and posture between Peacetime and Exercise -> Concern
            threshold G: zone != North and zone in {South, Strait} and zone not in {North} -> Concern
            threshold H: separation between 1 km and 2 nm -> Concern
        `)));
    });
});
