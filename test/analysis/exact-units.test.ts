// Units convert exactly (docs/language.md §2): a boundary written in feet and the same boundary written in
// metres are one boundary, in the rules, in the scope and in `explain` — for the units of version 2 (ft, mi,
// mph, MHz) and for a declared dimension.
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/analysis/explain.js';
import { parseGiven } from '../../src/analysis/given.js';
import type { Protocol } from '../../src/model/protocol.js';
import { buildFile, protocolModel } from '../helpers.js';

function text(body: string, top = ''): string {
    return `${top}
protocol Flights "Flights" {
    indicator altitude "Altitude above the line" : distance in ft worse when lower
    indicator depth "Depth of the intrusion" : distance in m worse when higher
    indicator closing "Closing speed" : speed in mph worse when higher
    indicator emission "Emission" : frequency in MHz neutral
    ladder {
        Normal "Normal"
        Concern "Concern"
        Alert "Alert"
    }
${body}
}
`;
}

/** `code@Rule` for each finding of the analysis about a rule or scope (what the rules say of each other), sorted. */
async function ruleFindings(source: string): Promise<string[]> {
    const workspace = await buildFile(source);
    const lines = source.split('\n');
    const codes = ['unsatisfiable-condition', 'always-true', 'masked-threshold', 'redundant-threshold', 'redline-masked', 'empty-scope'];
    return workspace.diagnostics()
        .filter(d => codes.includes(String(d.code)))
        .map(d => `${String(d.code)}@${/^\s*(?:threshold|redline|scope)\s+(\w+|"[^"]*")/.exec(lines[d.range.start.line])?.[1] ?? lines[d.range.start.line].trim()}`)
        .sort();
}

/** What `explain` says of a situation: the levels it can have, and the rules that hold. */
function explained(model: Protocol, ...given: string[]) {
    const explanation = explain(model, parseGiven(model, given));
    return {
        levels: explanation.levels.map(l => l.level.name),
        rules: explanation.rules.map(r => `${r.rule.name}: ${r.holds}`),
    };
}

describe('a boundary in feet and the same boundary in metres', () => {
    test('are the same rule: the later copy is redundant, and nothing else is reported', async () => {
        expect(await ruleFindings(text(`
    threshold Low "Art. 1": altitude < 1000 ft -> Concern
    threshold LowMetric "Art. 2": altitude < 304.8 m -> Concern`))).toEqual(['redundant-threshold@LowMetric']);
    });

    test('one at a higher level masks the other wherever it holds', async () => {
        expect(await ruleFindings(text(`
    threshold Low "Art. 1": altitude < 1000 ft -> Concern
    threshold LowMetric "Art. 2": altitude < 304.8 m -> Alert`))).toEqual(['masked-threshold@Low']);
    });

    test('304.8 m lies exactly on the boundary: below it and at or above it never meet, at most and at least meet only there', async () => {
        expect(await ruleFindings(text(`
    threshold Below "Art. 1": altitude < 1000 ft and altitude >= 304.8 m -> Concern
    threshold Exactly "Art. 2": altitude <= 1000 ft and altitude >= 304.8 m -> Alert`))).toEqual(['unsatisfiable-condition@Below']);
        const model = await protocolModel(text(`
    threshold Exactly "Art. 2": altitude <= 1000 ft and altitude >= 304.8 m -> Alert`));
        expect(explained(model, 'altitude=1000 ft').levels).toEqual(['Alert']);
        expect(explained(model, 'altitude=304.7999 m').levels).toEqual(['Normal']);
        expect(explained(model, 'altitude=1000.0001 ft').levels).toEqual(['Normal']);
    });

    test('explain at 1000 ft says what it says at 304.8 m, and the boundary is not below itself', async () => {
        const model = await protocolModel(text(`
    threshold Low "Art. 1": altitude < 1000 ft -> Concern
    threshold LowMetric "Art. 2": altitude < 304.8 m -> Alert
    threshold Deep "Art. 3": depth > 1000 ft -> Alert`));
        for (const [imperial, metric] of [['1000 ft', '304.8 m'], ['1000ft', '0.3048 km'], ['999.99 ft', '304.796952 m'], ['1 mi', '1609.344 m']]) {
            expect(explained(model, `altitude=${imperial}`), `${imperial} and ${metric}`).toEqual(explained(model, `altitude=${metric}`));
        }
        expect(explained(model, 'altitude=1000 ft')).toEqual({ levels: ['Normal', 'Alert'], rules: ['Deep: possibly'] });
        expect(explained(model, 'altitude=304.8 m', 'depth=304.8 m')).toEqual({ levels: ['Normal'], rules: [] });
        expect(explained(model, 'altitude=304.7999 m', 'depth=304.8001 m')).toEqual({ levels: ['Alert'], rules: ['Low: always', 'LowMetric: always', 'Deep: always'] });
        // An indicator shown in metres compared with feet: the same boundary.
        expect(explained(model, 'altitude=2000 ft', 'depth=1000 ft')).toEqual(explained(model, 'altitude=2000 ft', 'depth=304.8 m'));
    });

    test('in a scope: a scope in metres and a rule in feet meet exactly at the boundary', async () => {
        const source = text(`
    scope "Art. 0": altitude >= 304.8 m
    threshold Low "Art. 1": altitude <= 1000 ft -> Concern
    threshold Lower "Art. 2": altitude < 1000 ft -> Alert`);
        expect(await ruleFindings(source)).toEqual(['unsatisfiable-condition@Lower']);
        const model = await protocolModel(source);
        expect(explained(model, 'altitude=1000 ft')).toEqual(explained(model, 'altitude=304.8 m'));
        expect(explained(model, 'altitude=1000 ft').levels).toEqual(['Concern']);
        // Just below the boundary the protocol assigns no level.
        expect(explained(model, 'altitude=999.9 ft').levels).toEqual([]);
        expect(explained(model, 'altitude=304.7 m').levels).toEqual([]);
    });
});

describe('the other units of version 2, and a declared dimension, convert exactly too', () => {
    test('mph and m/s, MHz and kHz, mi and m: each pair is one rule', async () => {
        expect(await ruleFindings(text(`
    threshold Fast "Art. 1": closing > 10 mph -> Concern
    threshold FastMetric "Art. 2": closing > 4.4704 mps -> Concern
    threshold Band "Art. 3": emission between 2.4 GHz and 2500 MHz -> Alert
    threshold BandKilo "Art. 4": emission between 2400000 kHz and 2.5 GHz -> Alert
    threshold Far "Art. 5": depth >= 1 mi -> Alert
    threshold FarMetric "Art. 6": depth >= 1609.344 m -> Alert`))).toEqual([
            'redundant-threshold@BandKilo', 'redundant-threshold@FarMetric', 'redundant-threshold@FastMetric',
        ]);
    });

    test('a declared dimension: 1 MW, 1000 kW and 1000000000 mW are one boundary', async () => {
        const top = 'dimension power "Radiated power" base W { mW = 0.001 W, kW = 1000 W, MW = 1000 kW }';
        const source = text(`
    indicator laser "Laser power" : power in kW worse when higher
    threshold Strong "Art. 1": laser >= 1 MW -> Concern
    threshold StrongKilo "Art. 2": laser >= 1000 kW -> Concern
    threshold Beyond "Art. 3": laser > 1000000000 mW and laser <= 1000000 W -> Alert`, top);
        expect(await ruleFindings(source)).toEqual(['redundant-threshold@StrongKilo', 'unsatisfiable-condition@Beyond']);
        const model = await protocolModel(source, {});
        expect(explained(model, 'laser=1 MW')).toEqual(explained(model, 'laser=1000000 W'));
        expect(explained(model, 'laser=1 MW').levels).toEqual(['Concern']);
        expect(explained(model, 'laser=999999999.999 mW').levels).toEqual(['Normal']);
    });
});
