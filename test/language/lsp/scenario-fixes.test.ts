// Quick fixes where the fix is obvious: a failing scenario's expectation updated to what its situations
// have; an unsatisfiable condition shows the terms that exclude each other.
import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { buildFile, protocol } from '../../helpers.js';

async function fixes(body: string) {
    const workspace = await buildFile(protocol(body));
    const document = workspace.documents.get('main.detente')!;
    const diagnostic = workspace.diagnostics().find(d => d.code === 'scenario-failed');
    expect(diagnostic, workspace.diagnostics().map(d => d.message).join('\n')).toBeDefined();
    const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] },
    }) as CodeAction[] | undefined;
    const text = document.textDocument.getText();
    return (actions ?? []).map(action => {
        const [edit] = Object.values(action.edit!.changes!)[0];
        const start = document.textDocument.offsetAt(edit.range.start);
        const end = document.textDocument.offsetAt(edit.range.end);
        return { title: action.title, preferred: action.isPreferred, replaced: text.slice(start, end), by: edit.newText };
    });
}

const RULES = 'threshold Near: separation < 2 nm -> Concern\nthreshold Lock: radarLock -> Alert';

describe('scenario-failed: update the expectation', () => {
    test('to the one level every matching situation has', async () => {
        expect(await fixes(`${RULES}\nscenario "lock" { given radarLock, separation = 5 nm expect Concern }`)).toEqual([
            { title: 'Update the expectation to Alert', preferred: true, replaced: 'Concern', by: 'Alert' },
        ]);
    });

    test('to the bounds of the levels they have, the bound and the steps rewritten or kept as they stand', async () => {
        expect(await fixes(`${RULES}\nresponse Concern { step call: UN verifies within 1 h }\nscenario "close" { given separation = 1 nm expect at most Concern steps call }`)).toEqual([
            { title: 'Update the expectation to at least Concern', preferred: false, replaced: 'at most Concern', by: 'at least Concern' },
            { title: 'Update the expectation to at most Alert', preferred: false, replaced: 'at most Concern', by: 'at most Alert' },
        ]);
    });

    test('an `outside scope` expectation met by no situation outside: the level they have inside', async () => {
        expect(await fixes(`${RULES}\nscope: not radarLock\nscenario "in" { given radarLock = false, separation = 1 nm expect outside scope }`)).toEqual([
            { title: 'Update the expectation to Concern', preferred: true, replaced: 'outside scope', by: 'Concern' },
        ]);
    });

    test('near miss: the level fits and a step is missing, so there is no expectation to offer', async () => {
        expect((await fixes(`${RULES}\nresponse Concern { step call: UN verifies within 1 h }\nresponse Alert { step hang: UN mediates within 1 h }\nscenario "steps" { given separation = 1 nm, radarLock = false expect Concern steps hang }`))
            .filter(fix => fix.title.startsWith('Update'))).toEqual([]);
    });
});

describe('unsatisfiable-condition: the terms that exclude each other', () => {
    test('the fewest conflicting terms of a rule, and the scope when it takes part', async () => {
        const workspace = await buildFile(protocol(`scope "Art. 1": not radarLock
threshold T: separation < 1 km and vessels > 3 and separation > 2 km -> Concern
threshold U: radarLock and vessels > 2 -> Concern
scenario "never" { given separation = 1 km, radarLock = false, separation = 3 km expect Concern }`));
        const related = (name: string) => workspace.diagnostics().find(d => d.code === 'unsatisfiable-condition' && d.message.includes(name))?.relatedInformation?.map(r => r.message);
        expect(related("'T'")).toEqual([
            'separation < 1 km: no situation satisfies it together with separation > 2 km',
            'separation > 2 km: no situation satisfies it together with separation < 1 km',
        ]);
        expect(related("'U'")).toEqual(['radarLock: no situation satisfies it together with the scope', 'the scope (Art. 1): not radarLock']);
        expect(related('"never"')).toEqual([
            'separation = 1 km: no situation satisfies it together with separation = 3 km',
            'separation = 3 km: no situation satisfies it together with separation = 1 km',
        ]);
    });

    test('near miss: a single term that holds nowhere is its own reason', async () => {
        const workspace = await buildFile(protocol('threshold T: vessels < 0 -> Concern'));
        const diagnostic = workspace.diagnostics().find(d => d.code === 'unsatisfiable-condition');
        expect(diagnostic).toBeDefined();
        expect(diagnostic!.relatedInformation ?? []).toEqual([]);
    });
});
