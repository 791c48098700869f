// The margin an off-ramp needs, found by the analysis on plain models: the nearest round value that
// leaves the off-ramp clean, in the unit the bound is written in.
import { describe, expect, test } from 'vitest';
import { Budget } from '../../src/analysis/budget.js';
import { findMargin } from '../../src/analysis/margins.js';
import { quantityText } from '../../src/model/syntax.js';
import { protocol, protocolModel } from '../helpers.js';

async function margin(body: string) {
    const model = await protocolModel(protocol(body));
    const found = findMargin(model, 0, new Budget());
    return found && `${found.test.indicator} ${found.test.operator} ${quantityText(found.value)}`;
}

describe('findMargin', () => {
    test('an off-ramp at the threshold it steps down from moves to the next round value away from it', async () => {
        expect(await margin(`
            threshold Near: separation < 2 nm -> Concern
            deescalate Concern to Routine when separation >= 2 nm
        `)).toBe('separation >= 3 nm');
        expect(await margin(`
            threshold Slow: elapsed > 30 min -> Concern
            deescalate Concern to Routine when elapsed <= 30 min
        `)).toBe('elapsed <= 20 min');
    });

    test('the first comparison that can leave a margin, in the order written', async () => {
        expect(await margin(`
            threshold Near: separation < 2 nm -> Concern
            deescalate Concern to Routine when not radarLock and separation >= 2 nm
        `)).toBe('separation >= 3 nm');
    });

    test('near miss: no comparison of a measured bound to move, nothing to offer', async () => {
        expect(await margin(`
            threshold Lock: radarLock -> Concern
            deescalate Concern to Routine when not radarLock and zone = North
        `)).toBeUndefined();
    });
});
