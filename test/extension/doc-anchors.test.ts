// Diagnostic code links land on the code's section of docs/diagnostics.md: the anchor the server links
// to becomes the line of its heading, which VS Code opens.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES } from '../../src/analysis/codes.js';
import { headingLines, lineFragment } from '../../src/extension/doc-anchors.js';
import { codeDescription } from '../../src/language/docs-link.js';

const REFERENCE = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');

describe('diagnostic code links', () => {
    test('every code’s anchor becomes the line of its heading', () => {
        const lines = headingLines(REFERENCE);
        const text = REFERENCE.split('\n');
        for (const code of ALL_CODES) {
            const href = codeDescription(code)?.href;
            expect(href, code).toMatch(/^file:\/\/.*\/docs\/diagnostics\.md#/);
            const fragment = lineFragment(new URL(href!).hash.slice(1), lines);
            expect(fragment, code).toMatch(/^L\d+$/);
            expect(text[Number(fragment!.slice(1)) - 1]).toBe(`## \`${code}\``);
        }
    });

    test('near miss: an anchor the reference does not have is left as it is', () => {
        expect(lineFragment('no-such-code', headingLines(REFERENCE))).toBeUndefined();
        expect(headingLines('# Title\n\nText with `syntax` in it\n## `syntax`\n').get('syntax')).toBe(4);
    });
});
