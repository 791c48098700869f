// The normalized model: base units, resolved names, defaults, and what a protocol brings in from imports.
import { describe, expect, test } from 'vitest';
import * as ast from '../../src/language/generated/ast.js';
import type { Protocol } from '../../src/model/protocol.js';
import { rational } from '../../src/model/rational.js';
import { buildFile, buildWorkspace, protocol } from '../helpers.js';

async function modelOf(files: Record<string, string>, main = 'main.detente'): Promise<Protocol> {
    const workspace = await buildWorkspace(files);
    const document = workspace.documents.get(main)!;
    const node = document.parseResult.value.declarations.find(ast.isProtocol)!;
    return workspace.services.model.ProtocolModels.forProtocol(node);
}

describe('protocol model', () => {
    test('values are normalized to base units and keep the unit they were written in', async () => {
        const model = await modelOf({ 'main.detente': protocol(`
            threshold A: separation < 1.5 nm -> Concern
            threshold B: closing > 10 kn and elapsed >= 30 min -> Alert
        `) });
        const [a, b] = model.rules;
        expect(a.condition).toMatchObject({
            kind: 'test',
            test: { kind: 'compare', indicator: 'separation', operator: '<', value: { kind: 'quantity', quantity: { unit: 'nm', amount: rational(3, 2), base: rational(2778) } } },
        });
        expect(b.condition).toMatchObject({
            kind: 'and',
            operands: [
                { test: { indicator: 'closing', value: { quantity: { base: rational(18520, 3600) } } } },
                { test: { indicator: 'elapsed', value: { quantity: { base: rational(1800) } } } },
            ],
        });
    });

    test('`a or b or c` becomes one disjunction; `not` and parentheses are kept', async () => {
        const model = await modelOf({ 'main.detente': protocol('threshold A: radarLock or vessels > 2 or not (zone = North and share > 50) -> Concern') });
        expect(model.rules[0].condition).toMatchObject({
            kind: 'or',
            operands: [{ kind: 'test' }, { kind: 'test' }, { kind: 'not', operand: { kind: 'and' } }],
        });
    });

    test('indicators: kind, direction (flags and scales are worse when higher), members and display unit', async () => {
        const model = await modelOf({ 'main.detente': protocol(`
            indicator depth "Depth" : distance in km worse when higher
            threshold A: separation < 2 nm or separation < 1 nm or separation < 100 m -> Concern
        `) });
        const byName = Object.fromEntries(model.indicators.map(i => [i.name, i]));
        expect(byName.separation).toMatchObject({ kind: 'distance', worse: 'lower', unit: 'nm', label: 'Separation', tentative: false });
        expect(byName.depth).toMatchObject({ unit: 'km', worse: 'higher' });
        expect(byName.elapsed).toMatchObject({ kind: 'duration', unit: 's' });
        expect(byName.vessels).toMatchObject({ kind: 'count', unit: undefined });
        expect(byName.radarLock).toMatchObject({ kind: 'flag', worse: 'higher' });
        expect(byName.posture).toMatchObject({ kind: 'scale', worse: 'higher', members: ['Peacetime', 'Exercise', 'Deployment'] });
        expect(byName.zone).toMatchObject({ kind: 'choice', worse: undefined, members: ['North', 'South', 'Strait'] });
    });

    test('the ladder, responses, steps, de-escalations and scenarios', async () => {
        const model = await modelOf({ 'main.detente': protocol(`
            response Crisis within 4 h {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
                step act: Aland.Fleet intercepts within 1 h after call if unresolved authorized by Aland.MoD cites "Art. 51"
            }
            deescalate Crisis to Alert when not radarLock for 30 min
            scenario "lock" { given radarLock = true expect at least Alert steps call }
        `) });
        expect(model.levels.map(l => [l.name, l.rank])).toEqual([['Routine', 0], ['Concern', 1], ['Alert', 2], ['Crisis', 3]]);
        const response = model.responses[0];
        expect(response.within?.base).toEqual(rational(14400));
        expect(response.steps[1]).toMatchObject({
            name: 'act', actor: { kind: 'organ', party: 'Aland', organ: 'Fleet' }, verb: 'intercepts', verbClass: 'force',
            after: ['call'], ifUnresolved: true, authorizedBy: { party: 'Aland', organ: 'MoD' }, legalBasis: 'Art. 51',
        });
        expect(response.steps[0]).toMatchObject({ channel: 'Hotline', counterpart: { kind: 'organ', party: 'Borea', organ: 'MoD' } });
        expect(model.deescalations[0]).toMatchObject({ from: 'Crisis', to: 'Alert', holdFor: { base: rational(1800) } });
        expect(model.scenarios[0]).toMatchObject({ name: 'lock', bound: 'at least', level: 'Alert', steps: ['call'] });
        expect(model.complete).toBe(true);
    });

    test('every indicator the protocol sees is part of its situations; every party it sees is bound (no `between`); other imported declarations only when it uses them', async () => {
        const model = await modelOf({
            'main.detente': `
                import "shared.detente"
                protocol P {
                    indicator local "Local" : flag
                    ladder { Low High }
                    threshold T: lock and local -> High
                    response High { step s: A.X notifies B via Line within 1 h }
                }`,
            'shared.detente': `
                party A "A" { organ X "X" }
                party B "B"
                party Unused "Unused"
                indicator lock "Lock" : flag
                indicator unused "Unused" : flag
                channel Line "Line" links A.X, B`,
        });
        // A situation assigns every indicator the protocol sees, used by a rule or not (docs/language.md §3).
        expect(model.indicators.map(i => i.name)).toEqual(['lock', 'unused', 'local']);
        expect(model.parties.map(p => p.name)).toEqual(['A', 'B', 'Unused']);
        expect(model.channels.map(c => c.name)).toEqual(['Line']);
    });

    test('parts that do not resolve or fit are left out, and the model says it is incomplete', async () => {
        const workspace = await buildFile(protocol(`
            threshold Good: radarLock -> Concern
            threshold Bad: separation < 2 h -> Concern
            threshold Unknown: nothing -> Concern
        `));
        const node = workspace.documents.get('main.detente')!.parseResult.value.declarations.find(ast.isProtocol)!;
        const model = workspace.services.model.ProtocolModels.forProtocol(node);
        expect(model.rules.map(r => r.name)).toEqual(['Good']);
        expect(model.complete).toBe(false);
    });
});
