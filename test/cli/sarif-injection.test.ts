// SARIF is read by code-scanning dashboards: hostile text from a protocol (here an import path, which
// messages quote) and a hostile file name stay text in a valid log.
import { describe, expect, test } from 'vitest';
import { sarifErrors } from '../render/validators.js';
import { detente, folder } from './run.js';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
const FILE = 'a"<b>&\'.detente';

describe('SARIF output of hostile input', () => {
    test('valid against the SARIF 2.1.0 schema, the text kept exactly, the file name percent-encoded', () => {
        const dir = folder({ [FILE]: `import "${HOSTILE.replace(/"/g, '\\"')}"\nprotocol P { ladder { Calm Tense } }\n` });
        const run = detente(['check', '--format', 'sarif', FILE], dir);
        expect(run.code).toBe(1);
        const log = JSON.parse(run.stdout);
        expect(sarifErrors(log)).toEqual([]);
        const [result] = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'bad-import');
        expect(result.message.text).toContain(HOSTILE.replace(/\\/g, ''));
        // Quotes, angle brackets and the ampersand are escaped; the apostrophe is a valid URI character.
        expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("a%22%3Cb%3E%26'.detente");
    });
});
