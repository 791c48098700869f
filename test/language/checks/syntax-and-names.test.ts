// syntax, unresolved-reference and duplicate-name: each with a case that triggers it and near misses that must not.
import { describe, expect, test } from 'vitest';
import { buildFile, buildWorkspace, diagnosticsWithCode, expectNoStructuralDiagnostics, protocol } from '../../helpers.js';

describe('syntax', () => {
    test('a rule without its arrow does not parse', async () => {
        const found = await diagnosticsWithCode(protocol('threshold T: radarLock Concern'), 'syntax');
        expect(found.length).toBeGreaterThan(0);
        expect(found[0].message).toMatch(/Expected|expected/);
    });

    test('an unterminated string and a stray character are lexing errors', async () => {
        expect(await diagnosticsWithCode('indicator a "unterminated : flag', 'syntax')).not.toHaveLength(0);
        expect(await diagnosticsWithCode('indicator a "A" : flag @', 'syntax')).not.toHaveLength(0);
    });

    test('every diagnostic of a broken file carries a code in data.code', async () => {
        const workspace = await buildFile(protocol('threshold T: radarLock -> \n response { }'));
        expect(workspace.diagnostics().length).toBeGreaterThan(0);
        for (const diagnostic of workspace.diagnostics()) {
            expect((diagnostic.data as { code: string }).code).toBe(diagnostic.code);
        }
    });

    test('near miss: a well-formed protocol has no syntax errors', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol('threshold T: radarLock -> Concern')));
    });
});

describe('unresolved-reference', () => {
    test('an unknown level, with a suggestion for a near spelling', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol('threshold T: radarLock -> Concem'), 'unresolved-reference');
        expect(diagnostic.message).toBe("Unknown level 'Concem': not in the ladder. Did you mean 'Concern'?");
    });

    test('an unknown indicator, organ, channel and step', async () => {
        const found = await diagnosticsWithCode(protocol(`
            threshold T: speedy > 2 kn -> Concern
            response Concern {
                step a: Aland.Navy notifies Borea.MoD via Telex within 1 h after b
            }
        `), 'unresolved-reference');
        expect(found.map(d => d.message.split(':')[0])).toEqual([
            "Unknown indicator 'speedy'",
            "Unknown channel 'Telex'",
            "Unknown step 'b'",
            "Unknown organ 'Navy'",
        ]);
    });

    test('`authorized by` takes an organ, not a party', async () => {
        const found = await diagnosticsWithCode(protocol(`
            response Crisis { step a: Aland.Fleet intercepts within 1 h authorized by Aland cites "x" }
        `), 'unresolved-reference');
        expect(found.map(d => d.message)).toEqual(["'authorized by' names an organ, not the party 'Aland'; write Aland.Organ."]);
    });

    test('near miss: declared names resolve, whatever their kind', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol(`
            threshold T: closing > 2 kn -> Concern
            response Concern {
                step a: Aland.Fleet notifies Borea.MoD within 1 h
                step b: UN verifies within 2 h after a
            }
        `)));
    });
});

describe('duplicate-name', () => {
    test('two declarations of one kind in a protocol', async () => {
        const workspace = await buildFile(protocol(`
            indicator zone "Again" : flag
            mediator Aland "A mediator named like a party"
            threshold T: radarLock -> Concern
            redline T: radarLock -> Crisis { consequence "x" disclosure public }
            scenario "s" { expect at least Routine }
            scenario "s" { expect at most Crisis }
        `));
        const messages = workspace.diagnostics().filter(d => d.code === 'duplicate-name').map(d => d.message);
        expect(messages).toEqual([
            expect.stringMatching(/^Duplicate indicator 'zone': already declared at line \d+\.$/),
            expect.stringMatching(/^Duplicate party or mediator 'Aland'/),
            expect.stringMatching(/^Duplicate rule 'T'/),
            expect.stringMatching(/^Duplicate scenario 's'/),
        ]);
    });

    test('two levels, organs, steps and members of the same name', async () => {
        const workspace = await buildFile(`
            party P "P" { organ O "O" organ O "again" }
            indicator i "I" : scale Low < Low
            protocol X {
                ladder { A B A }
                response B { step s: P.O notifies within 1 h step s: P.O notifies within 2 h }
            }
        `);
        expect(workspace.diagnostics().filter(d => d.code === 'duplicate-name').map(d => d.message.split(':')[0])).toEqual([
            "Duplicate organ 'O'",
            "Duplicate member 'Low'",
            "Duplicate level 'A'",
            "Duplicate step 's'",
        ]);
    });

    test('a second response for the same level', async () => {
        const [diagnostic] = await diagnosticsWithCode(protocol(`
            response Alert { step a: UN verifies within 1 h }
            response Alert { step b: UN verifies within 2 h }
        `), 'duplicate-name');
        expect(diagnostic.message).toMatch(/^A second response for level 'Alert'/);
    });

    test('a protocol-level declaration that clashes with an imported one', async () => {
        const workspace = await buildWorkspace({
            'main.detente': 'import "shared.detente"\nprotocol P { indicator lock "Again" : flag ladder { A B } }',
            'shared.detente': 'indicator lock "Lock" : flag',
        });
        expect(workspace.diagnostics('main.detente').filter(d => d.code === 'duplicate-name').map(d => d.message)).toEqual([
            "Duplicate indicator 'lock': already declared in shared.detente (imported at line 1).",
        ]);
    });

    test('two imports that declare the same party', async () => {
        const workspace = await buildWorkspace({
            'main.detente': 'import "a.detente"\nimport "b.detente"',
            'a.detente': 'party P "P"',
            'b.detente': 'party P "P again"',
        });
        expect(workspace.codes('main.detente')).toEqual(['duplicate-name@2']);
    });

    test('near misses: same names in different scopes or of different kinds', async () => {
        expectNoStructuralDiagnostics(await buildFile(protocol(`
            indicator area "Area" : one of North, Strait
            response Alert { step call: UN verifies within 1 h }
            response Crisis { step call: UN verifies within 1 h }
            threshold Concern2: radarLock -> Concern
            indicator Routine "An indicator named like a level" : flag
        `)));
    });
});
