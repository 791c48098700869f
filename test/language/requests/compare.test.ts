// Compare with…: the extension's request for a comparison of two versions, as a negotiation memo.
import { describe, expect, test } from 'vitest';
import { RequestHandlers } from '../../../src/language/requests/handlers.js';
import { buildWorkspace } from '../../helpers.js';

const ROUND1 = `protocol P "Patrol" {
    indicator gap "Gap" : distance in nm worse when lower
    ladder { Calm Tense }
    threshold Near: gap < 2 nm -> Tense
}
`;
const ROUND2 = `import "round1.detente"
protocol P2 "Patrol" {
    supersedes P
    indicator gap "Gap" : distance in nm worse when lower
    ladder { Calm Tense }
    threshold Near: gap < 3 nm -> Tense
}
`;

describe('compare with an earlier version', () => {
    test('with the protocol it supersedes: the memo of diff --format md', async () => {
        const workspace = await buildWorkspace({ 'round2.detente': ROUND2, 'round1.detente': ROUND1 });
        const handlers = new RequestHandlers(workspace.services);
        const result = await handlers.compare({ uri: workspace.documents.get('round2.detente')!.uri.toString() });
        expect(result.problem).toBeUndefined();
        expect(result.markdown).toContain('# Changes to Patrol');
        expect(result.markdown).toContain('| Calm → Tense | gap ≥ 2 nm and &lt; 3 nm | gap = 2 nm |');
        expect(result.markdown).toContain('| changed | Near: condition | gap &lt; 2 nm | gap &lt; 3 nm |');
    });

    test('with a protocol of another file', async () => {
        const workspace = await buildWorkspace({ 'a.detente': ROUND1, 'b.detente': ROUND1.replace('< 2 nm', '< 4 nm') });
        const result = await new RequestHandlers(workspace.services).compare({
            uri: workspace.documents.get('b.detente')!.uri.toString(), otherUri: workspace.documents.get('a.detente')!.uri.toString(),
        });
        expect(result.markdown).toContain('| changed | Near: condition | gap &lt; 2 nm | gap &lt; 4 nm |');
    });

    test('near miss: a protocol that supersedes nothing needs the other version named', async () => {
        const workspace = await buildWorkspace({ 'a.detente': ROUND1 });
        const result = await new RequestHandlers(workspace.services).compare({ uri: workspace.documents.get('a.detente')!.uri.toString() });
        expect(result).toEqual({ problem: 'P supersedes no protocol: choose the earlier version to compare with.' });
    });
});
