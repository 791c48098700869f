// Names resolve where docs/language.md §2 says they are visible, and nowhere else.
import { describe, expect, test } from 'vitest';
import * as ast from '../../src/language/generated/ast.js';
import { buildFile, buildWorkspace, expectNoStructuralDiagnostics, protocol } from '../helpers.js';

function protocolOf(workspace: Awaited<ReturnType<typeof buildFile>>, file = 'main.detente'): ast.Protocol {
    return workspace.documents.get(file)!.parseResult.value.declarations.find(ast.isProtocol)!;
}

describe('linking', () => {
    test('organs resolve as Party.Organ; parties and mediators by their name', async () => {
        const workspace = await buildFile(protocol(`
            channel Radio "Radio" links Aland.Fleet, UN
            response Concern { step s: Aland notifies Borea.Fleet via Radio within 1 h }
        `));
        expectNoStructuralDiagnostics(workspace);
        const p = protocolOf(workspace);
        const radio = p.members.filter(ast.isChannel).find(c => c.name === 'Radio')!;
        const [fleet, un] = radio.ends.map(end => end as ast.Named);
        expect([fleet.subject.ref?.$type, fleet.organ?.ref?.name, fleet.organ?.ref?.$container.name]).toEqual(['Party', 'Fleet', 'Aland']);
        expect([un.subject.ref?.$type, un.subject.ref?.name]).toEqual(['Mediator', 'UN']);
        const step = p.members.find(ast.isResponse)!.steps[0];
        const counterpart = step.counterpart as ast.Named;
        expect([(step.actor as ast.Named).subject.ref?.$type, counterpart.organ?.ref?.$type, step.channel?.ref?.name]).toEqual(['Party', 'Organ', 'Radio']);
    });

    test('levels resolve against the ladder, from rules, responses, de-escalations and scenarios', async () => {
        const workspace = await buildFile(protocol(`
            threshold T: radarLock -> Alert
            response Alert { step s: UN verifies within 1 h }
            deescalate Alert to Routine when not radarLock
            scenario "x" { given radarLock expect Alert }
        `));
        expectNoStructuralDiagnostics(workspace);
        const p = protocolOf(workspace);
        const levels = p.members.find(ast.isLadder)!.levels;
        const alert = levels.find(l => l.name === 'Alert');
        expect(p.members.find(ast.isRule)!.level.ref).toBe(alert);
        expect(p.members.find(ast.isResponse)!.level?.ref).toBe(alert);
        expect(p.members.find(ast.isDeescalation)!.from.ref).toBe(alert);
        expect(p.members.find(ast.isScenario)!.level?.ref).toBe(alert);
    });

    test('steps resolve within their own response, even when another response reuses the name', async () => {
        const workspace = await buildFile(protocol(`
            response Alert {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 15 min
                step check: UN verifies within 1 h after call
            }
            response Crisis {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
                step check: UN verifies within 30 min after call
            }
        `));
        expectNoStructuralDiagnostics(workspace);
        const [alert, crisis] = protocolOf(workspace).members.filter(ast.isResponse);
        expect(alert.steps[1].after[0].ref).toBe(alert.steps[0]);
        expect(crisis.steps[1].after[0].ref).toBe(crisis.steps[0]);
    });

    test("a step of another response is not visible to `after`", async () => {
        const workspace = await buildFile(protocol(`
            response Alert { step call: UN verifies within 1 h }
            response Crisis { step act: UN mediates within 1 h after call }
        `));
        expect(workspace.codes()).toEqual([expect.stringMatching(/^unresolved-reference@/)]);
    });

    test("scenario steps resolve in the expected level's response", async () => {
        const workspace = await buildFile(protocol(`
            threshold T: radarLock -> Crisis
            response Alert { step call: UN verifies within 1 h }
            response Crisis { step call: UN mediates within 1 h }
            scenario "lock" { given radarLock expect Crisis steps call }
        `));
        expectNoStructuralDiagnostics(workspace);
        const p = protocolOf(workspace);
        const crisis = p.members.filter(ast.isResponse)[1];
        expect(p.members.find(ast.isScenario)!.steps[0].ref).toBe(crisis.steps[0]);
    });

    test('members resolve against the indicator they are compared with', async () => {
        const workspace = await buildFile(protocol(`
            indicator area "Area" : one of Strait, Open
            threshold T: zone = Strait and area = Strait -> Concern
            threshold U: zone in {North, Strait} -> Concern
        `));
        expectNoStructuralDiagnostics(workspace);
        const p = protocolOf(workspace);
        const [zone, area] = ['zone', 'area'].map(name => p.members.filter(ast.isIndicator).find(i => i.name === name)!);
        const t = p.members.filter(ast.isRule)[0].condition as ast.And;
        expect(((t.left as ast.Comparison).value as ast.MemberValue).member.ref?.$container).toBe(zone.type);
        expect(((t.right as ast.Comparison).value as ast.MemberValue).member.ref?.$container).toBe(area.type);
    });

    test('channels resolve in `via` and `fallback`', async () => {
        const workspace = await buildFile(protocol(`
            channel Notes "Notes" links Aland, Borea latency 1 d fallback Hotline
        `));
        expectNoStructuralDiagnostics(workspace);
        const notes = protocolOf(workspace).members.filter(ast.isChannel).find(c => c.name === 'Notes')!;
        expect(notes.fallback?.ref?.name).toBe('Hotline');
    });

    test('top-level declarations of the same file are visible in its protocols', async () => {
        const workspace = await buildFile(`
            party A "A" { organ X "X" }
            party B "B" { organ Y "Y" }
            indicator lock "Lock" : flag
            channel Line "Line" links A.X, B.Y
            protocol P {
                ladder { Low High }
                threshold T: lock -> High
                response High { step s: A.X notifies B.Y via Line within 1 h }
            }
        `);
        expectNoStructuralDiagnostics(workspace);
    });

    test('imported top-level declarations are visible', async () => {
        const workspace = await buildWorkspace({
            'main.detente': `
                import "shared/parties.detente"
                protocol P {
                    ladder { Low High }
                    threshold T: lock -> High
                    response High { step s: A.X notifies B.Y via Line within 1 h }
                }
            `,
            'shared/parties.detente': `
                party A "A" { organ X "X" }
                party B "B" { organ Y "Y" }
                indicator lock "Lock" : flag
                channel Line "Line" links A.X, B.Y
            `,
        });
        expectNoStructuralDiagnostics(workspace, 'main.detente');
        const rule = protocolOf(workspace).members.find(ast.isRule)!;
        expect((rule.condition as ast.FlagTest).indicator.ref?.$container.$document?.uri.path).toMatch(/shared\/parties\.detente$/);
    });

    test('imports are not transitive', async () => {
        const workspace = await buildWorkspace({
            'main.detente': `
                import "b.detente"
                protocol P { ladder { Low High } threshold T: deep -> High }
            `,
            'b.detente': 'import "c.detente"\nindicator near "Near" : flag',
            'c.detente': 'indicator deep "Deep" : flag',
        });
        expect(workspace.codes('main.detente')).toEqual(['unresolved-reference@3']);
        expect(workspace.diagnostics('main.detente')[0].message).toContain("Unknown indicator 'deep'");
    });

    test('files that are not imported are not visible', async () => {
        const workspace = await buildWorkspace({
            'main.detente': 'protocol P { ladder { Low High } threshold T: lock -> High }',
            'other.detente': 'indicator lock "Lock" : flag',
        });
        expect(workspace.codes('main.detente')).toEqual(['unresolved-reference@1']);
    });

    test('protocol-level declarations are not visible to other files', async () => {
        const workspace = await buildWorkspace({
            'main.detente': 'import "other.detente"\nprotocol P { ladder { Low High } threshold T: lock -> High }',
            'other.detente': 'protocol Q { indicator lock "Lock" : flag ladder { A B } }',
        });
        expect(workspace.codes('main.detente')).toEqual(['unresolved-reference@2']);
    });
});
