// Accepted findings (`accept CODE "justification"`): not counted, left out of text unless asked for,
// given with their justification in JSON, suppressed in SARIF (docs/language.md §4).
import { describe, expect, test } from 'vitest';
import { sarifErrors } from '../render/validators.js';
import { detente, folder } from './run.js';

const PROTOCOL = `protocol Patrol {
    party Aland "Aland"
    party Borea "Borea"
    indicator gap "Closest approach" : distance in nm worse when lower
    ladder { Calm Tense }
    redline Near "Art. 1": gap < 1 nm -> Tense {
        consequence "Suspension of exercises" disclosure confidential
    } accept confidential-redline "disclosed to the other Party in the confidential annex"
    response Tense { step call: Aland notifies Borea within 10 min }
    deescalate Tense to Calm when gap >= 2 nm for 10 min
}
`;

describe('accepted findings', () => {
    const dir = () => folder({ 'p.detente': PROTOCOL });

    test('text leaves them out and counts them apart; nothing else is reported', () => {
        const run = detente(['check', 'p.detente'], dir());
        expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos; 1 accepted (--show-accepted lists them)\n');
        expect(run.code).toBe(0);
    });

    test('--show-accepted lists them after the others, with the justification', () => {
        const run = detente(['check', 'p.detente', '--show-accepted'], dir());
        expect(run.stdout).toBe([
            'Accepted findings:',
            "  p.detente:6:13 info confidential-redline Red line 'Near' is confidential: a consequence the other side does not know of cannot deter it. (accepted: disclosed to the other Party in the confidential annex)",
            '1 file checked: 0 errors, 0 warnings, 0 infos; 1 accepted',
            '',
        ].join('\n'));
    });

    test('JSON gives them with "accepted" and does not count them', () => {
        const json = JSON.parse(detente(['check', 'p.detente', '--format', 'json'], dir()).stdout);
        expect(json.diagnostics).toEqual([expect.objectContaining({
            code: 'confidential-redline', severity: 'info',
            message: "Red line 'Near' is confidential: a consequence the other side does not know of cannot deter it.",
            accepted: { justification: 'disclosed to the other Party in the confidential annex' },
        })]);
        expect(json.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    });

    test('SARIF suppresses them in source, with the justification, and stays valid', () => {
        const log = JSON.parse(detente(['check', 'p.detente', '--format', 'sarif'], dir()).stdout);
        expect(log.runs[0].results).toEqual([expect.objectContaining({
            ruleId: 'confidential-redline',
            suppressions: [{ kind: 'inSource', justification: 'disclosed to the other Party in the confidential annex' }],
        })]);
        expect(sarifErrors(log)).toEqual([]);
    });

    test('near miss: without the clause, the finding is reported and counted', () => {
        const run = detente(['check', 'p.detente'], folder({ 'p.detente': PROTOCOL.replace(/ accept confidential-redline "[^"]*"/, '') }));
        expect(run.stdout).toContain('info confidential-redline');
        expect(run.stdout).toContain('0 errors, 0 warnings, 1 info\n');
    });
});
