// Two-phase validation: the diagnostics of the parser, the linker and the structural checks are announced
// before the situation analysis runs (the language server publishes them at once); the complete set, with
// the analysis' findings and the `accept` clauses applied to them, is the document's once validated.
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, URI, isOperationCancelled } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { Budgets, EDITOR_BUDGETS, type Task } from '../../src/analysis/budget.js';
import { stageOf, type DiagnosticCode } from '../../src/analysis/codes.js';
import { createDetenteServices } from '../../src/language/detente-module.js';
import type { DetenteDocumentValidator } from '../../src/language/validation/document-validator.js';
import { ROOT, protocol } from '../helpers.js';

const MASKED = protocol(`
    threshold Near: separation < 1 km -> Concern
    threshold Nearer: separation < 2 km -> Alert
`);

/** Builds one file, recording in order what happened: the announcement of its structural diagnostics and the start of its analysis. */
async function validate(text: string, options: {
    validation: true | { categories: string[] };
    cancelAtAnalysis?: boolean;
    /** What the listener of the structural diagnostics returns: a write that ends later, or fails. */
    publishing?: 'written later' | 'failing';
} = { validation: true }) {
    const { shared, detente } = createDetenteServices(EmptyFileSystem);
    shared.workspace.ImportResolver.setProjectRoot(ROOT);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(ROOT, 'main.detente')));
    shared.workspace.LangiumDocuments.addDocument(document);
    const events: string[] = [];
    const announced: Diagnostic[][] = [];
    const source = new Cancellation.CancellationTokenSource();
    (detente.validation.DocumentValidator as DetenteDocumentValidator).onStructuralDiagnostics(({ document: validated, diagnostics }) => {
        expect(validated).toBe(document);
        events.push('structural diagnostics');
        announced.push(diagnostics);
        if (options.publishing === 'written later') return new Promise<void>(resolve => setTimeout(() => { events.push('written'); resolve(); }, 20));
        if (options.publishing === 'failing') return Promise.reject(new Error('the editor is gone'));
        return undefined;
    });
    detente.model.Analyses.budgets = new class extends Budgets {
        override for(task: Task) {
            if (task === 'analysis') {
                events.push('analysis');
                if (options.cancelAtAnalysis) source.cancel();
            }
            return super.for(task);
        }
    }(EDITOR_BUDGETS.limits);
    const outcome = await shared.workspace.DocumentBuilder.build([document], { validation: options.validation }, source.token).catch(error => error);
    return { document, events, announced, outcome };
}

const isAnalysisFinding = (d: Diagnostic) => stageOf(String(d.code) as DiagnosticCode) === 'analysis';
const summary = (diagnostics: readonly Diagnostic[]) => diagnostics.map(d => `${String(d.code)}@${d.range.start.line + 1}/${d.severity}`);

describe('two-phase validation', () => {
    test('the structural diagnostics are announced before the analysis runs; the complete set adds its findings', async () => {
        const { document, events, announced } = await validate(MASKED.replace('Routine "Routine"', 'Routine "Routine" Routine "Again"'));
        // A duplicate level is a structural error: the analysis leaves the protocol alone.
        expect(events).toEqual(['structural diagnostics']);
        const [structural] = announced;
        expect(summary(structural)).toContain('duplicate-name@24/1');
        expect(structural.filter(isAnalysisFinding)).toEqual([]);
        expect(summary(document.diagnostics!)).toEqual(summary(structural));

        const clean = await validate(MASKED);
        expect(clean.events).toEqual(['structural diagnostics', 'analysis']);
        expect(clean.announced[0].filter(isAnalysisFinding)).toEqual([]);
        expect(summary(clean.document.diagnostics!)).toContain('masked-threshold@30/2');
        expect(summary(clean.document.diagnostics!.filter(d => !isAnalysisFinding(d)))).toEqual(summary(clean.announced[0]));
    });

    test('the analysis waits until the structural diagnostics are written, and runs even when they cannot be', async () => {
        const later = await validate(MASKED, { validation: true, publishing: 'written later' });
        expect(later.events).toEqual(['structural diagnostics', 'written', 'analysis']);
        expect(summary(later.document.diagnostics!)).toContain('masked-threshold@30/2');
        const failing = await validate(MASKED, { validation: true, publishing: 'failing' });
        expect(failing.events).toEqual(['structural diagnostics', 'analysis']);
        expect(summary(failing.document.diagnostics!)).toContain('masked-threshold@30/2');
    });

    test('an accepted finding of the analysis: accepted in the complete set, never reported unused before the analysis', async () => {
        const accepted = await validate(MASKED.replace('-> Concern', '-> Concern accept masked-threshold "discussed in round 3"'));
        expect(summary(accepted.announced[0])).not.toContainEqual(expect.stringMatching(/^unused-accept/));
        expect(summary(accepted.document.diagnostics!)).toContain('masked-threshold@30/4');
        expect(summary(accepted.document.diagnostics!)).not.toContainEqual(expect.stringMatching(/^unused-accept/));

        // Accepting a finding the analysis does not make: unused, once the analysis has run.
        const unused = await validate(MASKED.replace('-> Alert', '-> Alert accept masked-threshold "discussed in round 3"'));
        expect(summary(unused.announced[0])).not.toContainEqual(expect.stringMatching(/^unused-accept/));
        expect(summary(unused.document.diagnostics!)).toContain('unused-accept@31/2');
    });

    test('validation without the analysis category announces nothing and finds nothing of the analysis', async () => {
        const { document, events, announced } = await validate(MASKED, { validation: { categories: ['built-in', 'fast'] } });
        expect(events).toEqual([]);
        expect(announced).toEqual([]);
        expect(document.diagnostics!.filter(isAnalysisFinding)).toEqual([]);
    });

    test('a newer edit during the analysis: the structural diagnostics were announced, the build stops, the document keeps no diagnostics', async () => {
        const { document, events, outcome } = await validate(MASKED, { validation: true, cancelAtAnalysis: true });
        expect(events).toEqual(['structural diagnostics', 'analysis']);
        expect(isOperationCancelled(outcome)).toBe(true);
        expect(document.diagnostics).toBeUndefined();
    });
});
