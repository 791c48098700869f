// Every question asked of a protocol has a budget of its own, and running out of it is a clear answer:
// the editor's requests do not inherit the diagnostics' spent budget, a quick fix answers at once or
// offers nothing, and tables too large for their budget are refused with the reason.
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { Budget, BudgetExceeded, Budgets, EDITOR_BUDGETS, type Task } from '../../src/analysis/budget.js';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { RequestHandlers } from '../../src/language/requests/handlers.js';
import { buildWorkspace, protocol } from '../helpers.js';

/** Budgets whose `spent` task's budget runs out once `expire` is called, as a deadline passes. */
function expiring(spent: Task) {
    let expired = false;
    const budgets = new class extends Budgets {
        override for(task: Task): Budget {
            if (task !== spent) return super.for(task);
            return new class extends Budget {
                override spend(amount?: number) {
                    if (expired) throw new BudgetExceeded('time limit reached');
                    super.spend(amount);
                }
            }();
        }
    }(EDITOR_BUDGETS.limits);
    return { budgets, expire: () => { expired = true; } };
}

const body = `
    threshold Near: separation < 2 nm -> Concern
    threshold Lock: radarLock -> Alert
    response Concern { step call: Aland.MoD notifies Borea.MoD via Hotline within 10 min }
    response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 10 min }
    deescalate Alert to Concern when not radarLock for 1 h
    deescalate Concern to Routine when separation >= 3 nm and not radarLock for 1 h
    scenario "close" { given separation = 1 nm, radarLock = false expect Concern }
`;

describe('budgets of the editor', () => {
    test("the preview, export, explain and scenarios do not reuse the diagnostics' spent budget", async () => {
        const { budgets, expire } = expiring('analysis');
        const { shared, detente } = createDetenteServices(EmptyFileSystem);
        detente.model.Analyses.budgets = budgets;
        const uri = URI.file('/detente-tests/budgets/main.detente');
        const document = shared.workspace.LangiumDocumentFactory.fromString(protocol(body), uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        // The diagnostics are in; then their time is up, as it is a few seconds later.
        expire();
        const handlers = new RequestHandlers(detente);
        const report = await handlers.report({ uri: uri.toString() });
        expect(report.problem).toBeUndefined();
        expect(report.html).toContain('Resolved decision table');
        expect((await handlers.export({ uri: uri.toString(), formats: ['json'] })).files).toHaveLength(1);
        expect((await handlers.explain({ uri: uri.toString(), given: ['radarLock=true'] })).text).toContain('Level: Alert');
        expect((await handlers.runScenarios({ uri: uri.toString() })).outcomes.map(o => o.state)).toEqual(['passed']);
    });

    test('a quick fix whose search runs out of its budget offers nothing, and the server goes on', async () => {
        const margin = protocol(`
            threshold Near: separation < 2 nm -> Concern
            deescalate Concern to Routine when separation >= 2 nm
        `);
        const workspace = await buildWorkspace({ 'main.detente': margin });
        const document = workspace.documents.get('main.detente')!;
        const diagnostic = workspace.diagnostics().find(d => d.code === 'no-hysteresis')!;
        const actions = () => workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        }) as Promise<Array<{ title: string }> | undefined>;
        expect((await actions())?.map(a => a.title)).toContain('Leave a margin: separation >= 3 nm');
        workspace.services.model.Analyses.budgets = new Budgets({ ...EDITOR_BUDGETS.limits, assist: { operations: 0 } });
        // The margin's search gave up; what needs no search (accepting the finding) is still offered.
        expect((await actions())?.map(a => a.title)).toEqual(['Accept this finding (no-hysteresis)…']);
    });
});
