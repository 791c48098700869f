// The benchmark's protocols are valid Détente of the size asked for, the same for the same seed.
import { describe, expect, test } from 'vitest';
import { generateProtocol } from '../../bench/generate.js';
import { buildFile } from '../helpers.js';

describe('the benchmark generator', () => {
    test.each([
        { rules: 10, indicators: 5 },
        { rules: 60, indicators: 20 },
        { rules: 90, indicators: 30 },
    ])('$rules rules over $indicators indicators: no errors, every indicator type, the rules asked for', async ({ rules, indicators }) => {
        const text = generateProtocol({ rules, indicators, seed: 7 });
        const workspace = await buildFile(text);
        expect(workspace.diagnostics().filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        const protocol = workspace.services.model.ProtocolModels.forDocument(workspace.documents.get('main.detente')!)[0];
        expect(protocol.complete).toBe(true);
        expect(protocol.rules).toHaveLength(rules);
        expect(protocol.indicators).toHaveLength(indicators);
        expect(new Set(protocol.indicators.map(i => i.kind))).toEqual(new Set(
            indicators >= 11 ? ['choice', 'flag', 'distance', 'speed', 'scale', 'duration', 'count', 'percent'] : protocol.indicators.map(i => i.kind)));
        expect(protocol.rules.some(r => r.kind === 'redline')).toBe(true);
        expect(protocol.scenarios.length).toBeGreaterThan(0);
    });

    test('is deterministic: the same seed gives the same text, another seed another', () => {
        expect(generateProtocol({ rules: 50, indicators: 10, seed: 1 })).toBe(generateProtocol({ rules: 50, indicators: 10, seed: 1 }));
        expect(generateProtocol({ rules: 50, indicators: 10, seed: 2 })).not.toBe(generateProtocol({ rules: 50, indicators: 10, seed: 1 }));
    });
});
