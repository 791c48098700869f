// `detente compile`, `check --format sarif` and `diff` through the real command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeOutputs } from '../../src/cli/output.js';
import { UsageError } from '../../src/cli/inputs.js';
import { REPO, detente, folder, scratch } from './run.js';

const PROTOCOL = (threshold = 'gap < 2 nm') => `protocol Patrol "Patrol protocol" {
    indicator gap "Closest approach" : distance in nm worse when lower
    indicator lock "Radar lock" : flag
    party Aland "Aland"
    party Borea "Borea"
    ladder { Calm Tense Crisis }
    threshold Near "Art. 1": ${threshold} -> Tense
    threshold Locked "Art. 2": lock -> Crisis
    response Tense within 1 h { step call: Aland notifies Borea within 10 min }
    response Crisis { step hold: Aland pauses within 5 min }
    deescalate Crisis to Tense when not lock for 10 min
    deescalate Tense to Calm when gap >= 3 nm and not lock for 1 h
}
`;

describe('detente compile', () => {
    test('every format at once, into --out, each file named after the protocol', () => {
        const dir = folder({ 'p.detente': PROTOCOL() });
        const run = detente(['compile', '--to', 'md', 'html', '--to', 'csv,json', '--to', 'dmn', 'annex', '--out', 'tables', 'p.detente'], dir);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const files = ['Patrol.md', 'Patrol.html', 'Patrol.rules.csv', 'Patrol.resolved.csv', 'Patrol.json', 'Patrol.dmn', 'Patrol.annex.md'];
        expect(run.stdout).toBe(files.map(f => `wrote tables/${f}\n`).join(''));
        expect(fs.readdirSync(path.join(dir, 'tables')).sort()).toEqual([...files].sort());
    });

    test('without --out, outputs go next to each protocol file', () => {
        const dir = folder({ 'annex/p.detente': PROTOCOL() });
        expect(detente(['compile', 'annex', '--to', 'md'], dir).code).toBe(0);
        expect(fs.existsSync(path.join(dir, 'annex', 'Patrol.md'))).toBe(true);
    });

    test('a protocol with errors is not compiled, writes nothing, and makes the command exit 1', () => {
        const dir = folder({ 'p.detente': PROTOCOL('gap < 2 h') });
        const run = detente(['compile', '--to', 'json', '--out', 'tables', 'p.detente'], dir);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('detente: p.detente: Patrol not compiled: the file has 1 error (see detente check)\n');
        expect(fs.existsSync(path.join(dir, 'tables'))).toBe(false);
    });

    test("two protocols of one file: each report lists its own findings, with the file's name", () => {
        const two = PROTOCOL().replace('protocol Patrol', 'protocol First').replace('threshold Locked', 'threshold Copy "Art. 9": gap < 2 nm -> Tense\n    threshold Locked')
            + PROTOCOL().replace('protocol Patrol', 'protocol Second').replace('threshold Locked', 'threshold Close "Art. 8": gap < 1 nm -> Tense\n    threshold Locked');
        const dir = folder({ 'annex/p.detente': two });
        expect(detente(['compile', '--to', 'html', '--out', 'out', 'annex'], dir).code).toBe(0);
        const first = fs.readFileSync(path.join(dir, 'out', 'First.html'), 'utf8');
        const second = fs.readFileSync(path.join(dir, 'out', 'Second.html'), 'utf8');
        expect(first).toContain('<td>annex/p.detente:8:15</td>');
        expect(first).toContain('Threshold &#39;Copy&#39; never changes the level');
        expect(first).not.toContain('Close&#39;');
        expect(second).toContain('<td>annex/p.detente:22:15</td>');
        expect(second).toContain('Threshold &#39;Close&#39; never changes the level');
        expect(second).not.toContain('Copy&#39;');
    });

    test('an unknown format, and no format at all, are usage errors', () => {
        const dir = folder({ 'p.detente': PROTOCOL() });
        expect(detente(['compile', '--to', 'pdf', 'p.detente'], dir)).toMatchObject({ code: 2 });
        expect(detente(['compile', '--to', 'pdf', 'p.detente'], dir).stderr).toContain("'pdf' is not a format; choose from md, html, csv, json, dmn, annex");
        expect(detente(['compile', 'p.detente'], dir).code).toBe(2);
    });

    test('an output folder that cannot be written: exit 2, one line, no partial file', () => {
        const dir = folder({ 'p.detente': PROTOCOL(), 'blocked': 'a file where the folder should be' });
        const run = detente(['compile', '--to', 'md', '--out', 'blocked/tables', 'p.detente'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^detente: .*blocked\/tables: cannot create the output folder \(a part of the path is not a folder\)\n$/);
        expect(fs.readdirSync(dir).sort()).toEqual(['blocked', 'p.detente']);
    });

    test('writing never replaces an input, and two outputs never share a path', async () => {
        const dir = folder({ 'p.detente': PROTOCOL() });
        const input = path.join(dir, 'p.detente');
        await expect(writeOutputs([{ file: input, content: 'x' }], [input])).rejects.toThrow(UsageError);
        await expect(writeOutputs([{ file: path.join(dir, 'a.md'), content: 'x' }, { file: path.join(dir, 'a.md'), content: 'y' }], [input]))
            .rejects.toThrow('two protocols of the same name would write this file');
        expect(fs.readFileSync(input, 'utf8')).toBe(PROTOCOL());
        expect(fs.readdirSync(dir)).toEqual(['p.detente']);
    });

    test('npm start’s job: the examples compile to every format', () => {
        const out = path.join(scratch(), 'examples-out');
        const run = detente(['compile', '--to', 'md,html,csv,json,dmn,annex', '--out', out, 'examples'], REPO);
        expect(run.code).toBe(0);
        expect(fs.readdirSync(out)).toHaveLength(42);
    });
});

describe('detente diff reports what changed, truly', () => {
    const header = `party Aland "Aland" { organ MoD "Ministry of Defence" authorizes disclosure }
party Borea "Borea" { organ MoD "Ministry of Defence" }
channel Line "Line" links Aland.MoD, Borea.MoD latency 5 min
protocol P "P" {
    indicator lock "Radar lock" : flag
    ladder { Calm "Calm" Tense "Tension" }
    redline Locked "Art. 2": lock -> Tense { consequence "Suspension for 30 days" disclosure public }
    response Tense { step call: Aland.MoD notifies Borea.MoD via Line within 10 min }
}
`;
    const changes = (after: string) => {
        const dir = folder({ 'v1/p.detente': header, 'v2/p.detente': after });
        return detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir).stdout.split('\n').filter(line => line.startsWith('    ')).map(line => line.trim());
    };

    test('a label-only change of a level is a change of its label', () => {
        expect(changes(header.replace('Tense "Tension"', 'Tense "Heightened tension"'))).toEqual(['~ Tense: label Tension  ⇒  Heightened tension']);
    });

    test('a changed consequence and a public→confidential switch show what they were and are', () => {
        expect(changes(header.replace('for 30 days" disclosure public', 'for 60 days" disclosure confidential'))).toEqual([
            '~ Locked: consequence Suspension for 30 days  ⇒  Suspension for 60 days; disclosure public  ⇒  confidential',
        ]);
    });

    test("a channel's latency and an organ's power to authorize force", () => {
        expect(changes(header.replace('latency 5 min', 'latency 1 h').replace('authorizes disclosure', 'authorizes force, disclosure'))).toEqual([
            '~ Aland.MoD: powers disclosure  ⇒  force, disclosure',
            '~ Line: latency 5 min  ⇒  1 h',
        ]);
    });

    test('near miss: the same protocol written differently is no change', () => {
        expect(changes(header.replace('Tense "Tension"', 'Tense   "Tension"'))).toEqual([]);
    });
});

describe('detente check --format sarif', () => {
    test('fingerprints survive lines moving; locations are relative to the root', () => {
        const dir = folder({ 'p.detente': PROTOCOL().replace('threshold Locked', 'threshold Nearer: gap < 1 nm -> Tense\n    threshold Locked') });
        const first = JSON.parse(detente(['check', '--format', 'sarif', 'p.detente'], dir).stdout);
        fs.writeFileSync(path.join(dir, 'p.detente'), '// a comment moves every line\n\n' + fs.readFileSync(path.join(dir, 'p.detente'), 'utf8'));
        const second = JSON.parse(detente(['check', '--format', 'sarif', 'p.detente'], dir).stdout);
        const [a] = first.runs[0].results;
        const [b] = second.runs[0].results;
        expect(a.ruleId).toBe('redundant-threshold');
        expect(b.locations[0].physicalLocation.region.startLine).toBe(a.locations[0].physicalLocation.region.startLine + 2);
        expect(b.partialFingerprints).toEqual(a.partialFingerprints);
        expect(a.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'p.detente', uriBaseId: 'SRCROOT' });
        expect(a.relatedLocations[0]).toMatchObject({ id: 1, message: { text: "Threshold 'Near' also holds where Nearer holds" } });
        expect(first.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'redundant-threshold')).toMatchObject({
            defaultConfiguration: { level: 'warning' }, shortDescription: { text: 'wherever it holds, other rules of the same or higher level hold' },
        });
    });
});

describe('detente diff', () => {
    const versions = () => folder({ 'v1/p.detente': PROTOCOL(), 'v2/p.detente': PROTOCOL('gap < 3 nm').replace('within 10 min', 'within 15 min') });

    test('the situations whose level or response changed, with a witness, and the changed rules and steps', () => {
        const run = detente(['diff', 'v1/p.detente', 'v2/p.detente'], versions());
        expect(run.stdout).toBe([
            'Patrol:',
            '  Situations whose level changed:',
            '    Calm → Tense',
            '      where gap ≥ 2 nm and < 3 nm, lock = false',
            '      e.g. at gap = 2 nm, lock = false',
            '  Situations whose response changed:',
            '    at Tense',
            '      where every situation that was at Tense',
            '      e.g. at gap = 1 nm, lock = false',
            '  Thresholds and red lines:',
            '    ~ Near: condition gap < 2 nm  ⇒  gap < 3 nm',
            '  Steps:',
            '    ~ Tense.call: deadline within 10 min  ⇒  within 15 min',
            '',
        ].join('\n'));
        expect(run.code).toBe(0);
    });

    test('JSON, and --exit-code exits 1 when anything changed', () => {
        const dir = versions();
        const run = detente(['diff', '--format', 'json', '--exit-code', 'v1/p.detente', 'v2/p.detente'], dir);
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)).toMatchObject({
            protocol: 'Patrol', changed: true,
            levelChanges: [{ from: 'Calm', to: 'Tense', where: ['gap ≥ 2 nm and < 3 nm, lock = false'], example: { gap: '2 nm', lock: false } }],
            rules: [{ name: 'Near', change: 'changed', fields: ['condition'], changes: [{ field: 'condition', before: 'gap < 2 nm', after: 'gap < 3 nm' }] }],
        });
        const same = detente(['diff', '--exit-code', 'v1/p.detente', 'v1/p.detente'], dir);
        expect(same).toMatchObject({ code: 0, stdout: 'Patrol: no change.\n' });
    });
});
