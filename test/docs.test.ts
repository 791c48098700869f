// The diagnostics reference documents every code of the registry, with the same severity.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES, severityOf } from '../src/analysis/codes.js';

const reference = fs.readFileSync(path.join(__dirname, '..', 'docs', 'diagnostics.md'), 'utf8');

function section(code: string): string {
    const start = reference.indexOf(`\n## \`${code}\`\n`);
    const end = reference.indexOf('\n## ', start + 1);
    return start < 0 ? '' : reference.slice(start, end < 0 ? undefined : end);
}

describe('docs/diagnostics.md', () => {
    test.each(ALL_CODES)('explains %s: severity, meaning, why it matters, example and fix', code => {
        const text = section(code);
        expect(text, `no section for ${code}`).not.toBe('');
        expect(text).toContain(`**Severity:** ${severityOf(code)}`);
        for (const part of ['**Meaning.**', '**Why it matters.**', '**Example.**', '**Fix.**']) {
            expect(text).toContain(part);
        }
        expect(reference).toContain(`| [\`${code}\`](#${code}) | ${severityOf(code)} |`);
    });

    test('documents no code that does not exist', () => {
        const documented = [...reference.matchAll(/^## `([a-z-]+)`$/gm)].map(match => match[1]);
        expect(documented.sort()).toEqual([...ALL_CODES].sort());
    });
});
