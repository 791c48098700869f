// A check that fails, at once or later, is reported on its node as Langium reports it, and the other
// checks still run; a cancellation is not a failure: it stops the build.
import * as path from 'node:path';
import { EmptyFileSystem, OperationCancelled, URI, isOperationCancelled } from 'langium';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import type { DetenteAstType } from '../../src/language/generated/ast.js';
import { ROOT, protocol } from '../helpers.js';

async function validateWith(checks: Partial<Record<keyof DetenteAstType, (node: never) => unknown>>) {
    const { shared, detente } = createDetenteServices(EmptyFileSystem);
    shared.workspace.ImportResolver.setProjectRoot(ROOT);
    detente.validation.ValidationRegistry.register(checks as never);
    const document = shared.workspace.LangiumDocumentFactory.fromString(protocol('threshold Near: separation < 1 km -> Concern'), URI.file(path.join(ROOT, 'main.detente')));
    shared.workspace.LangiumDocuments.addDocument(document);
    const outcome = await shared.workspace.DocumentBuilder.build([document], { validation: true }).catch(error => error);
    return { outcome, messages: (document.diagnostics ?? []).map(d => `${d.severity} ${String(d.message)}`) };
}

describe('checks that fail', () => {
    // Langium also logs each failure; the test looks at the diagnostics.
    beforeAll(() => { vi.spyOn(console, 'error').mockImplementation(() => undefined); });
    afterAll(() => { vi.restoreAllMocks(); });

    test('a check that throws, or whose promise fails, is reported on its node; the other checks still run', async () => {
        const { messages } = await validateWith({
            Threshold: () => { throw new Error('boom'); },
            Indicator: async () => { throw new Error('later'); },
        });
        expect(messages.filter(m => m.includes('boom'))).toEqual(['1 An error occurred during validation: boom']);
        expect(messages.filter(m => m.includes('later'))).toHaveLength(8); // one per indicator of the test protocol
        expect(messages.some(m => m.includes('no response'))).toBe(true); // the analysis ran as well
    });

    test('a cancellation thrown by a check stops the build, at once or later', async () => {
        expect(isOperationCancelled((await validateWith({ Threshold: () => { throw OperationCancelled; } })).outcome)).toBe(true);
        expect(isOperationCancelled((await validateWith({ Threshold: async () => { throw OperationCancelled; } })).outcome)).toBe(true);
    });
});
