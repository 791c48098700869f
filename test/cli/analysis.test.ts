// `detente test`, `detente explain`, and situation findings through `detente check`.
import { describe, expect, test } from 'vitest';
import { detente, folder } from './run.js';

const PROTOCOL = `protocol Patrol "Patrol protocol" {
    indicator gap "Closest approach" : distance in nm worse when lower
    indicator lock "Radar lock" : flag
    ladder { Calm Tense Crisis }
    threshold Near "Art. 1": gap < 2 nm -> Tense
    threshold Locked "Art. 2": lock -> Crisis
    response Tense within 1 h {
        step call: Aland notifies Borea within 10 min
        step check: Aland verifies within 20 min after call
    }
    response Crisis { step hold: Aland pauses within 5 min }
    deescalate Crisis to Tense when not lock for 10 min
    deescalate Tense to Calm when gap >= 3 nm and not lock for 1 h
    party Aland "Aland"
    party Borea "Borea"
    scenario "close pass" { given gap = 1 nm, lock = false expect Tense steps call }
    scenario "lock" { given lock expect Crisis }
`;

describe('detente test', () => {
    test('every example scenario passes; the last line counts them', () => {
        const run = detente(['test', 'examples']);
        expect(run.stdout.trim().split('\n').at(-1)).toBe('29 passed, 0 failed');
        expect(run.code).toBe(0);
    });

    test('a failing scenario names one counterexample and makes the command exit 1', () => {
        const dir = folder({ 'p.detente': PROTOCOL + '    scenario "wrong" { given gap = 1 nm expect Tense }\n}\n' });
        const run = detente(['test', 'p.detente'], dir);
        expect(run.stdout).toBe([
            'p.detente',
            '  ✓ Patrol › close pass',
            '  ✓ Patrol › lock',
            '  ✗ Patrol › wrong',
            '      At gap = 1 nm, lock = true; the level is Crisis, not Tense.',
            '2 passed, 1 failed',
            '',
        ].join('\n'));
        expect(run.code).toBe(1);
    });

    test('scenarios of a protocol with errors are not run, counted apart, and make the command exit 1', () => {
        const dir = folder({ 'p.detente': PROTOCOL.replace('gap < 2 nm', 'gap < 2 h') + '}\n' });
        const run = detente(['test', 'p.detente'], dir);
        expect(run.stdout).toContain('  ○ Patrol › lock\n      Not run: the protocol has errors (see detente check).\n');
        expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 0 failed, 2 not run');
        expect(run.code).toBe(1);
    });

    test('a scenario no situation matches is not run, not failed', () => {
        const dir = folder({ 'p.detente': PROTOCOL + '    scenario "never" { given gap = 1 nm, gap = 3 nm expect Tense }\n}\n' });
        const run = detente(['test', 'p.detente'], dir);
        expect(run.stdout).toContain('  ○ Patrol › never\n      Not run: no situation inside the scope satisfies its given values (see detente check).\n');
        expect(run.stdout.trim().split('\n').at(-1)).toBe('2 passed, 0 failed, 1 not run');
        expect(run.code).toBe(1);
    });
});

describe('detente explain', () => {
    const dir = () => folder({ 'p.detente': PROTOCOL + '}\n' });

    test('a full situation: its level, the rules that hold, the steps due with deadlines and paths', () => {
        const run = detente(['explain', 'p.detente', '--given', 'gap=1nm', 'lock=false'], dir());
        expect(run.stdout).toBe([
            'Patrol, given gap = 1 nm, lock = false',
            'Level: Tense',
            'Rules that hold:',
            '  Near (Art. 1) → Tense',
            'Steps due at Tense, from entering it:',
            '  call   Aland notifies Borea  by 10 min',
            '  check  Aland verifies        by 30 min  (call → check)',
            '',
        ].join('\n'));
        expect(run.code).toBe(0);
    });

    test('a partial situation: the possible levels, each with a witness, in JSON', () => {
        const run = detente(['explain', 'p.detente', '--given', 'gap=1852m', '--format', 'json'], dir());
        expect(JSON.parse(run.stdout)).toEqual({
            protocol: 'Patrol',
            given: { gap: '1 nm' },
            levels: ['Tense', 'Crisis'],
            witnesses: { Tense: { gap: '1 nm', lock: false }, Crisis: { gap: '1 nm', lock: true } },
            rules: [
                { name: 'Near', kind: 'threshold', level: 'Tense', citation: 'Art. 1', holds: 'always' },
                { name: 'Locked', kind: 'threshold', level: 'Crisis', citation: 'Art. 2', holds: 'possibly' },
            ],
            steps: [
                { level: 'Tense', name: 'call', actor: 'Aland', verb: 'notifies', counterpart: 'Borea', within: '10 min', deadline: '10 min', deadlineSeconds: 600, path: ['call'] },
                { level: 'Tense', name: 'check', actor: 'Aland', verb: 'verifies', within: '20 min', after: ['call'], deadline: '30 min', deadlineSeconds: 1800, path: ['call', 'check'] },
                { level: 'Crisis', name: 'hold', actor: 'Aland', verb: 'pauses', within: '5 min', deadline: '5 min', deadlineSeconds: 300, path: ['hold'] },
            ],
            duties: [],
        });
    });

    test('a determined level in JSON has "level"', () => {
        const run = detente(['explain', 'p.detente', '--given', 'lock=true', '--format', 'json'], dir());
        expect(JSON.parse(run.stdout)).toMatchObject({ level: 'Crisis' });
    });

    describe('version 2: scope, rule responses, immediate steps and standing duties', () => {
        const SCOPED = `protocol Tests {
    party Aland "Aland"
    party Borea "Borea"
    event launch "Launch"
    indicator impact "Impact point from the border" : distance in km worse when lower
    indicator distress "Aircraft in distress" : flag neutral
    scope "Art. 1": not distress
    ladder { Normal Concern }
    threshold Near "Art. 2": impact < 40 km -> Concern
    response Concern { step ask "Art. 4": Borea requests Aland immediately }
    response to Near within 12 h { step log: Aland notifies Borea within 12 h }
    duty notify "Art. 3": Aland notifies Borea at least 3 d before launch
}
`;
        const scoped = () => folder({ 'p.detente': SCOPED });

        test('a situation outside the scope has no level; the standing duties still hold', () => {
            const run = detente(['explain', 'p.detente', '--given', 'distress=true'], scoped());
            expect(run.stdout).toBe([
                'Tests, given distress = true',
                'Outside the scope (Art. 1: not distress): the protocol assigns no level and no response is due.',
                'Standing duties, whatever the level:',
                '  notify  Aland notifies Borea  at least 3 d before launch  (Art. 3)',
                '',
            ].join('\n'));
            expect(JSON.parse(detente(['explain', 'p.detente', '--given', 'distress=true', '--format', 'json'], scoped()).stdout))
                .toMatchObject({ level: null, outside: true, rules: [], steps: [] });
        });

        test('a partial situation that may lie outside the scope says so, with a witness', () => {
            const run = detente(['explain', 'p.detente', '--given', 'impact=10km', '--format', 'json'], scoped());
            expect(JSON.parse(run.stdout)).toMatchObject({
                levels: ['Concern'], mayBeOutside: true, outsideWitness: { impact: '10 km', distress: true },
            });
        });

        test('steps due include the rule responses of the rules that hold; immediately is said in words', () => {
            const run = detente(['explain', 'p.detente', '--given', 'impact=10km', 'distress=false'], scoped());
            expect(run.stdout).toContain([
                'Steps due at Concern, from entering it:',
                '  ask  Borea requests Aland  immediately  (Art. 4)',
                '  log  Aland notifies Borea  by 12 h  (from when Near starts to hold)',
            ].join('\n'));
        });
    });

    test('bad --given values exit 2 with one line', () => {
        const cases: Array<[string, string]> = [
            ['gap=2h', "detente: --given: gap: 'h' is a unit of duration, but a distance takes m, km, nm, ft or mi"],
            ['speed=3kn', 'detente: --given: unknown indicator \'speed\'; Patrol has gap, lock'],
            ['lock=yes', 'detente: --given: lock is a flag: give true or false, not \'yes\''],
            ['gap', "detente: --given: 'gap' is not of the form indicator=value"],
        ];
        const d = dir();
        for (const [given, message] of cases) {
            const run = detente(['explain', 'p.detente', '--given', given], d);
            expect(run.stderr).toBe(message + '\n');
            expect(run.code).toBe(2);
        }
    });

    test('the whole sensor state may be given: an indicator of the file or of an import that no rule uses', () => {
        const d = folder({
            'p.detente': 'import "sensors.detente"\nindicator heading "Heading change" : flag\n' + PROTOCOL + '}\n',
            'sensors.detente': 'indicator crowd "Vessels nearby" : count\n',
        });
        const run = detente(['explain', 'p.detente', '--given', 'lock=true', 'heading=false', 'crowd=4', '--format', 'json'], d);
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout)).toMatchObject({ level: 'Crisis', given: { lock: true, heading: false, crowd: '4' } });
    });

    test('a count is given as a whole number; the message says so', () => {
        const d = folder({ 'p.detente': 'indicator crowd "Vessels nearby" : count\n' + PROTOCOL + '}\n' });
        const run = detente(['explain', 'p.detente', '--given', 'crowd=2.5'], d);
        expect(run.stderr).toBe('detente: --given: crowd is a count: give a whole number, not 2.5\n');
        expect(run.code).toBe(2);
    });

    test('a file with errors is not explained', () => {
        const d = folder({ 'p.detente': PROTOCOL.replace('gap < 2 nm', 'gap < 2 h') + '}\n' });
        const run = detente(['explain', 'p.detente', '--given', 'lock=true'], d);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('p.detente has errors');
    });
});

describe('situation findings through detente check', () => {
    test('warnings pass by default, fail past --max-warnings, and carry their witness in JSON', () => {
        const dir = folder({ 'p.detente': PROTOCOL.replace('threshold Locked "Art. 2": lock -> Crisis', 'threshold Locked "Art. 2": lock -> Crisis\n    threshold Nearer: gap < 1 nm -> Tense') + '}\n' });
        expect(detente(['check', 'p.detente'], dir).code).toBe(0);
        expect(detente(['check', '--max-warnings', '1', 'p.detente'], dir).code).toBe(0);
        expect(detente(['check', '--max-warnings', '0', 'p.detente'], dir).code).toBe(1);
        const json = JSON.parse(detente(['check', '--format', 'json', 'p.detente'], dir).stdout);
        expect(json.diagnostics).toEqual([expect.objectContaining({
            code: 'redundant-threshold', severity: 'warning', line: 7,
            witness: { situation: { gap: '0.5 nm', lock: false }, level: 'Tense' },
            related: [{ file: 'p.detente', line: 5, column: 15, message: "Threshold 'Near' also holds where Nearer holds" }],
        })]);
        expect(json.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
    });
});
