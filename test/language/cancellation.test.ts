// A long analysis gives way: it pauses between rules, and a newer edit (a cancelled build) stops it
// at the next pause, leaving nothing half-done behind.
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { generateProtocol } from '../../bench/generate.js';
import { analyse, analyseWithPauses } from '../../src/analysis/analyse.js';
import { Budgets, EDITOR_BUDGETS, type Task } from '../../src/analysis/budget.js';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { ROOT } from '../helpers.js';

const TEXT = generateProtocol({ rules: 120, indicators: 8, seed: 3 });

async function loaded() {
    const services = createDetenteServices(EmptyFileSystem);
    services.shared.workspace.ImportResolver.setProjectRoot(ROOT);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(TEXT, URI.file(path.join(ROOT, 'large.detente')));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    return { ...services, document };
}

async function modelOf(document: LangiumDocument, services: Awaited<ReturnType<typeof loaded>>) {
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return services.detente.model.ProtocolModels.forDocument(document)[0];
}

describe('interruptible analysis', () => {
    test('pauses between rules and, left to run, finds what the analysis at once finds', async () => {
        const services = await loaded();
        const protocol = await modelOf(services.document, services);
        let pauses = 0;
        const paused = await analyseWithPauses(protocol, {}, async () => { pauses++; });
        expect(pauses).toBeGreaterThan(protocol.rules.length);
        expect(paused.findings.map(f => f.message)).toEqual(analyse(protocol).findings.map(f => f.message));
    });

    test('stops at the pause where it is told to', async () => {
        const services = await loaded();
        const protocol = await modelOf(services.document, services);
        let pauses = 0;
        const stopped = analyseWithPauses(protocol, {}, async () => {
            if (++pauses === 5) throw new Error('superseded');
        });
        await expect(stopped).rejects.toThrow('superseded');
        expect(pauses).toBe(5);
    });

    test('a build cancelled during the analysis publishes nothing and keeps no analysis; the next build completes', async () => {
        const services = await loaded();
        const { shared, detente, document } = services;
        const source = new Cancellation.CancellationTokenSource();
        let started = 0;
        // The analysis starts by asking for its budget: a newer edit arrives right then.
        detente.model.Analyses.budgets = budgetsThat(() => {
            started++;
            source.cancel();
        });
        const cancelled = await shared.workspace.DocumentBuilder.build([document], { validation: true }, source.token).catch(error => error);
        expect(isOperationCancelled(cancelled)).toBe(true);
        expect(started).toBe(1);
        expect(document.diagnostics).toBeUndefined();

        // The same protocol model is analysed again: the abandoned analysis was not kept.
        detente.model.Analyses.budgets = budgetsThat(() => started++);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(started).toBe(2);
        expect(document.diagnostics?.length).toBeGreaterThan(0);
        expect(document.diagnostics!.some(d => d.code === 'non-monotone')).toBe(true);
    });
});

/** The editor's budgets, and something done whenever a question asks for one. */
function budgetsThat(onAsk: () => void): Budgets {
    return new class extends Budgets {
        override for(task: Task) {
            onAsk();
            return super.for(task);
        }
    }(EDITOR_BUDGETS.limits);
}
