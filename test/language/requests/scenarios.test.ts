// Run scenarios: the Test Explorer's request. A scenario passes, fails with a counterexample, or is not run.
import { describe, expect, test } from 'vitest';
import { RequestHandlers } from '../../../src/language/requests/handlers.js';
import { buildWorkspace } from '../../helpers.js';

const PROTOCOL = (scenarios: string, threshold = 'gap < 2 nm') => `protocol P "Patrol" {
    indicator gap "Gap" : distance in nm worse when lower
    indicator lock "Lock" : flag
    ladder { Calm Tense Crisis }
    threshold Near: ${threshold} -> Tense
    threshold Locked: lock -> Crisis
${scenarios}
}
`;

async function outcomes(text: string) {
    const workspace = await buildWorkspace({ 'p.detente': text });
    return (await new RequestHandlers(workspace.services).runScenarios({ uri: workspace.documents.get('p.detente')!.uri.toString() })).outcomes;
}

describe('run scenarios', () => {
    test('passed, failed with a sentence and its counterexample, and not run when no situation matches', async () => {
        const result = await outcomes(PROTOCOL(`
    scenario "far" { given gap = 5 nm, lock = false expect Calm }
    scenario "wrong" { given gap = 1 nm expect Tense }
    scenario "never" { given gap = 1 nm, gap = 3 nm expect Tense }`));
        expect(result.map(o => [o.name, o.state])).toEqual([['far', 'passed'], ['wrong', 'failed'], ['never', 'not run']]);
        expect(result[0].message).toBeUndefined();
        expect(result[1].message).toBe('At gap = 1 nm, lock = true; the level is Crisis, not Tense.\nCounterexample: gap = 1 nm, lock = true');
        expect(result[2].message).toBe('Not run: no situation inside the scope satisfies its given values (see the Problems view).');
    });

    test('a protocol with errors runs none of its scenarios: not run, not failed', async () => {
        const result = await outcomes(PROTOCOL('    scenario "far" { given gap = 5 nm expect Calm }', 'gap < 2 h'));
        expect(result).toMatchObject([{ name: 'far', state: 'not run', message: 'Not run: the protocol has errors (see the Problems view).' }]);
    });
});
