// Quick fixes keyed by diagnostic code: each turns the finding's text into a corrected protocol.
import { EmptyFileSystem } from 'langium';
import { parseDocument, validationHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDetenteServices } from '../../../src/language/detente-module.js';

const services = createDetenteServices(EmptyFileSystem).detente;
const validate = validationHelper(services);

/**
 * The code's own quick fix (the first offered; “Accept this finding…” comes after it for warnings) turns
 * `before` into `after`.
 */
async function fix(before: string, code: string, after: string): Promise<void> {
    const { document } = await validate(before);
    const diagnostics = (document.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === code);
    expect(diagnostics).toHaveLength(1);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics },
    }) ?? []) as CodeAction[];
    expect(TextDocument.applyEdits(document.textDocument, actions[0].edit!.changes![document.textDocument.uri])).toBe(after);
}

/** Where a finding offers several fixes: the titles offered, and the text after the preferred one, which must clear the finding. */
async function preferredFix(text: string, code: string): Promise<{ titles: string[]; after: string }> {
    const { document } = await validate(text);
    const diagnostics = (document.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === code);
    expect(diagnostics).toHaveLength(1);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics },
    }) ?? []) as CodeAction[];
    const preferred = actions.find(a => a.isPreferred)!;
    const after = TextDocument.applyEdits(document.textDocument, preferred.edit!.changes![document.textDocument.uri]);
    const { document: fixed } = await validate(after);
    expect((fixed.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === code)).toEqual([]);
    return { titles: actions.map(a => a.title), after };
}

const HEADER = `protocol P {
    party Aland "Aland" { organ MoD "Defence" authorizes force organ Fleet "Fleet" }
    party Borea "Borea"
    indicator gap "Gap" : distance in nm worse when lower
    indicator lock "Lock" : flag
    ladder {
        Calm "Calm"
        Tense "Tense"
    }
`;

describe('quick fixes', () => {
    test('missing-response: a response skeleton for the level', async () => {
        const before = HEADER + `    threshold T: lock -> Tense
    deescalate Tense to Calm when not lock
}`;
        await fix(before, 'missing-response', HEADER + `    threshold T: lock -> Tense
    response Tense within 1 h {
        step inform: Aland notifies Borea within 30 min
    }
    deescalate Tense to Calm when not lock
}`);
    });

    test('redline-without-consequence: the consequence and disclosure, in a new block or the existing one', async () => {
        await fix(HEADER + `    redline R: lock -> Tense
}`, 'redline-without-consequence', HEADER + `    redline R: lock -> Tense {
        consequence "State the consequence"
        disclosure public
    }
}`);
        await fix(HEADER + `    redline R: lock -> Tense { consequence "Sanctions" }
}`, 'redline-without-consequence', HEADER + `    redline R: lock -> Tense { consequence "Sanctions" disclosure public }
}`);
    });

    test('force-without-legal-basis: cites "…"', async () => {
        const step = 'step check: Aland verifies within 1 h step hit: Aland.Fleet intercepts within 1 h after check authorized by Aland.MoD';
        await fix(HEADER + `    response Tense { ${step} }
}`, 'force-without-legal-basis', HEADER + `    response Tense { ${step} cites "State the legal basis" }
}`);
    });

    test('force-without-authorization: an organ that authorizes force, or the power for the organ named', async () => {
        await fix(HEADER + `    response Tense { step hit: Aland.Fleet intercepts within 1 h cites "Art. 51" }
}`, 'force-without-authorization', HEADER + `    response Tense { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.MoD cites "Art. 51" }
}`);
        await fix(HEADER + `    response Tense { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.Fleet cites "Art. 51" }
}`, 'force-without-authorization', (HEADER + `    response Tense { step hit: Aland.Fleet intercepts within 1 h authorized by Aland.Fleet cites "Art. 51" }
}`).replace('organ Fleet "Fleet"', 'organ Fleet "Fleet" authorizes force'));
    });

    test('unit-mismatch: the missing unit, or the indicator’s unit for a wrong one (its own unit preferred)', async () => {
        expect(await preferredFix(HEADER + `    threshold T: gap < 2 -> Tense
}`, 'unit-mismatch')).toEqual({
            titles: ['Add the unit nm', 'Add the unit m', 'Add the unit km', 'Add the unit ft', 'Add the unit mi'],
            after: HEADER + `    threshold T: gap < 2 nm -> Tense
}`,
        });
        expect(await preferredFix(HEADER + `    threshold T: gap < 2 km2 -> Tense
}`, 'unit-mismatch')).toEqual({
            titles: ['Use nm instead of km2', 'Use km instead of km2', 'Use m instead of km2', 'Use ft instead of km2', 'Use mi instead of km2'],
            after: HEADER + `    threshold T: gap < 2 nm -> Tense
}`,
        });
    });

    test('unresolved-reference: the suggested name, a new level, or a new indicator', async () => {
        expect(await preferredFix(HEADER + `    threshold T: lock -> Tens
}`, 'unresolved-reference')).toEqual({
            titles: ["Change to 'Tense'", "Add level 'Tens' to the ladder"],
            after: HEADER + `    threshold T: lock -> Tense
}`,
        });
        await fix(HEADER + `    threshold T: lock -> Critical
}`, 'unresolved-reference', HEADER.replace('        Tense "Tense"', '        Tense "Tense"\n        Critical "Critical"') + `    threshold T: lock -> Critical
}`);
        await fix(HEADER + `    threshold T: speed > 20 kn -> Tense
}`, 'unresolved-reference', HEADER.replace('    ladder {', '    indicator speed "speed" : speed worse when higher\n    ladder {') + `    threshold T: speed > 20 kn -> Tense
}`);
    });

    test('no-hysteresis: move the off-ramp’s bound to leave a margin', async () => {
        const body = `    threshold Near: gap < 2 nm -> Tense
    response Tense { step a: Aland notifies Borea within 1 h }
    deescalate Tense to Calm when gap >= 2 nm
}`;
        await fix(HEADER + body, 'no-hysteresis', HEADER + body.replace('when gap >= 2 nm', 'when gap >= 3 nm'));
    });

    test('near miss: a finding with no sensible fix gets none', async () => {
        const text = HEADER.replace('indicator lock "Lock" : flag', 'indicator share "Share" : percent') + `    threshold T: share > 120 % -> Tense
}`;
        const { document } = await validate(text);
        const diagnostics = (document.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === 'unit-mismatch');
        expect(diagnostics).toHaveLength(1);
        expect(await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics },
        })).toBeUndefined();
    });
});

describe('refactoring', () => {
    test('convert a value to its indicator’s unit when that is exact', async () => {
        const text = HEADER + `    threshold T: gap < 3704 m -> Tense
}`;
        const document = await parseDocument(services, text);
        const position = document.textDocument.positionAt(text.indexOf('3704'));
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: position, end: position }, context: { diagnostics: [] },
        });
        expect(actions?.map(a => [a.title, 'kind' in a ? a.kind : undefined])).toEqual([['Convert 3704 m to 2 nm', CodeActionKind.RefactorRewrite]]);
    });
});

describe('accepting a finding', () => {
    /** The text after the quick fix titled `title` for the first finding of `code`. */
    async function applied(text: string, code: string, title: string): Promise<string> {
        const { document } = await validate(text);
        const diagnostics = (document.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === code);
        const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] },
        }) ?? []) as CodeAction[];
        const action = actions.find(a => a.title === title);
        expect(action, actions.map(a => a.title).join(', ')).toBeDefined();
        return TextDocument.applyEdits(document.textDocument, action!.edit!.changes![document.textDocument.uri]);
    }

    test('“Accept this finding…” writes the clause at the end of the declaration; the finding is then accepted', async () => {
        const before = HEADER + `    threshold Near: gap < 1 nm -> Calm
    threshold Far: gap < 2 nm -> Tense
    response Tense { step call: Aland notifies Borea within 1 h }
    deescalate Tense to Calm when gap >= 3 nm for 1 h
}`;
        const after = await applied(before, 'masked-threshold', 'Accept this finding (masked-threshold)…');
        expect(after).toContain('    threshold Near: gap < 1 nm -> Calm accept masked-threshold "the Parties accept this because …"\n');
        const { document } = await validate(after);
        const accepted = (document.diagnostics ?? []).find(d => (d.data as { code?: string }).code === 'masked-threshold');
        expect((accepted?.data as { accepted?: { justification: string } }).accepted?.justification).toBe('the Parties accept this because …');
        expect((document.diagnostics ?? []).filter(d => (d.data as { code?: string }).code === 'unused-accept')).toEqual([]);
    });

    test('unused-accept: the clause is removed, with the space before it', async () => {
        const before = HEADER + `    threshold Near: gap < 1 nm -> Tense accept masked-threshold "agreed in round 3"
    response Tense { step call: Aland notifies Borea within 1 h }
    deescalate Tense to Calm when gap >= 3 nm for 1 h
}`;
        expect(await applied(before, 'unused-accept', 'Remove the unused accept clause')).toContain('    threshold Near: gap < 1 nm -> Tense\n');
    });
});
