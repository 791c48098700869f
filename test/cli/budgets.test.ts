// The commands keep their budgets: a question too large for its budget ends in one line naming the file,
// never a heap overflow, a crash or a hang.
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Budgets, COMMAND_LINE_BUDGETS } from '../../src/analysis/budget.js';
import { loadProject } from '../../src/cli/project.js';
import { detente, folder } from './run.js';

/** `(x0 or y0) and … and (x{k-1} or y{k-1})` over flags: 2^k boxes when written out. */
function conjunctive(k: number): string {
    const flags = Array.from({ length: k }, (_, i) => `    indicator x${i} "X${i}" : flag\n    indicator y${i} "Y${i}" : flag`).join('\n');
    const condition = Array.from({ length: k }, (_, i) => `(x${i} or y${i})`).join(' and ');
    return `protocol C "Clauses" {\n${flags}\n    ladder { Calm "Calm" Tense "Tense" }\n    threshold T: ${condition} -> Tense\n}\n`;
}

describe('budgets of the commands', () => {
    test('explain of a condition too large to write out: one line, exit 1, no heap overflow', () => {
        const run = detente(['explain', 'c.detente', '--given', 'x0=true'], folder({ 'c.detente': conjunctive(20) }));
        expect(run.stderr).toMatch(/^detente: c\.detente: the situation could not be explained within the budget \(.*\); give more of its values with --given\n$/);
        expect(run.code).toBe(1);
    });

    test('diff of such a protocol: one line naming the file, exit 1', () => {
        const run = detente(['diff', 'a.detente', 'b.detente'], folder({ 'a.detente': conjunctive(20), 'b.detente': conjunctive(20).replace('Tense"', 'Tension"') }));
        expect(run.stderr).toMatch(/^detente: b\.detente: the situations of the two versions could not be compared within the budget \(.*\)\n$/);
        expect(run.code).toBe(1);
    });

    test('decision tables too large for their budget are refused with the reason, not an internal error', async () => {
        const dir = folder({ 'p.detente': 'protocol P {\n    indicator gap : distance worse when lower\n    ladder { Calm Tense }\n    threshold T: gap < 2 nm -> Tense\n}\n' });
        const project = await loadProject([path.join(dir, 'p.detente')], dir);
        project.services.model.Analyses.budgets = new Budgets({ ...COMMAND_LINE_BUDGETS.limits, tables: { operations: 0 } });
        const [compilation] = project.services.model.Compilations.compileDocument(project.inputs[0]);
        expect(compilation).toMatchObject({ ok: false, protocol: 'P', reason: 'its decision tables are too large to build (more than 0 box operations)' });
    });
});
