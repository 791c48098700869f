// Replay an incident log…: the extension's request, answered with the timeline page for its webview.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RequestHandlers } from '../../../src/language/requests/handlers.js';
import { buildWorkspace } from '../../helpers.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples/replay');
const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
const WEBVIEW = { cspSource: 'https://webview.example', scriptUri: 'https://webview.example/media/replay.js', nonce: 'n0nce' };

describe('replay in the editor', () => {
    test('the page runs the extension’s script only, and each obligation says where its step is written', async () => {
        const workspace = await buildWorkspace({ 'test-notification.detente': read('test-notification.detente') });
        const uri = workspace.documents.get('test-notification.detente')!.uri.toString();
        const result = await new RequestHandlers(workspace.services).replay({ uri, log: read('exercise-late.jsonl'), logName: 'exercise-late.jsonl', webview: WEBVIEW });
        expect(result.problem).toBeUndefined();
        expect(result.compliant).toBe(false);
        expect(result.html).toContain('script-src &#39;nonce-n0nce&#39;');
        expect(result.html!.match(/<script\b[^>]*>/g)).toEqual(['<script nonce="n0nce" src="https://webview.example/media/replay.js">']);
        expect(result.html).toMatch(/<tr class="obligation" id="obligation-\d+" data-uri="file:[^"]*test-notification\.detente" data-line="\d+" data-column="\d+">/);
    });

    test('near miss: a bad record is named with its line, and no page is made', async () => {
        const workspace = await buildWorkspace({ 'test-notification.detente': read('test-notification.detente') });
        const uri = workspace.documents.get('test-notification.detente')!.uri.toString();
        const result = await new RequestHandlers(workspace.services).replay({
            uri, log: 'time,kind,subject,value,party\n2026-03-01T10:00:00Z,observe,nothing,1,\n', logName: 'bad.csv', webview: WEBVIEW,
        });
        expect(result.html).toBeUndefined();
        expect(result.problem).toMatch(/^The log has bad records: bad\.csv:2: /);
    });
});
