// The situation checks reach the editor: as diagnostics with codes, witnesses and related information,
// recomputed on every edit, including edits to an imported file.
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createDetenteServices } from '../../src/language/detente-module.js';
import { ROOT, buildFile, protocol } from '../helpers.js';

describe('situation findings in the editor', () => {
    test('a masked threshold: code, witness in data, and the masking rule as related information', async () => {
        const workspace = await buildFile(protocol(`
            threshold Near: separation < 1 km -> Concern
            threshold Nearer: separation < 2 km -> Alert
        `));
        const diagnostic = workspace.diagnostics().find(d => d.code === 'masked-threshold')!;
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.range.start.line + 1).toBe(30);
        expect(diagnostic.data).toMatchObject({ code: 'masked-threshold', witness: { level: 'Alert', situation: { separation: '0.5 km' } } });
        expect(diagnostic.relatedInformation).toEqual([{
            location: { uri: expect.stringMatching(/main\.detente$/), range: expect.objectContaining({ start: { line: 30, character: 22 } }) },
            message: "Threshold 'Nearer' leads to Alert wherever Near holds",
        }]);
    });

    test('no situation checks while the protocol has structural errors', async () => {
        const workspace = await buildFile(protocol(`
            threshold Near: separation < 1 km -> Concern
            threshold Nearer: separation < 2 km -> Alert
            threshold Broken: nothing -> Alert
        `));
        expect(workspace.diagnostics().map(d => d.code)).toEqual(['unresolved-reference']);
    });

    test('findings follow each edit, and edits to an imported file', async () => {
        const { shared } = createDetenteServices(EmptyFileSystem);
        shared.workspace.ImportResolver.setProjectRoot(ROOT);
        const mainUri = URI.file(path.join(ROOT, 'main.detente')).toString();
        const sharedUri = URI.file(path.join(ROOT, 'shared.detente')).toString();
        const open = (uri: string, version: number, text: string) => shared.workspace.TextDocuments.set(TextDocument.create(uri, 'detente', version, text));
        const codes = () => (shared.workspace.LangiumDocuments.getDocument(URI.parse(mainUri))?.diagnostics ?? []).map(d => d.code);

        const main = (threshold: string) => `import "shared.detente"\nprotocol P { ladder { Calm Tense Crisis } ${threshold} }`;
        open(sharedUri, 1, 'indicator gap "Gap" : distance worse when lower');
        open(mainUri, 1, main('threshold T: gap < 1 km -> Tense'));
        await shared.workspace.DocumentBuilder.update([URI.parse(sharedUri), URI.parse(mainUri)], []);
        expect(codes()).toEqual(['missing-response', 'missing-offramp', 'missing-response', 'missing-offramp', 'unreachable-level']);

        open(mainUri, 2, main('threshold T: gap < 1 km -> Tense threshold U: gap < 2 km -> Crisis'));
        await shared.workspace.DocumentBuilder.update([URI.parse(mainUri)], []);
        expect(codes()).toContain('masked-threshold');

        // The imported indicator becomes neutral: `gap > 5 km` is no longer a problem of direction.
        open(mainUri, 3, main('threshold T: gap > 5 km -> Tense'));
        await shared.workspace.DocumentBuilder.update([URI.parse(mainUri)], []);
        expect(codes()).toContain('non-monotone');
        open(sharedUri, 2, 'indicator gap "Gap" : distance');
        await shared.workspace.DocumentBuilder.update([URI.parse(sharedUri)], []);
        expect(codes()).not.toContain('non-monotone');
    });
});
