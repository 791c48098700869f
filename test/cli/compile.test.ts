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
        expect(fs.readdirSync(out)).toHaveLength(21);
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
            '      where gap < 2 nm, lock = false',
            '      e.g. at gap = 1 nm, lock = false',
            '  Rules:',
            '    ~ Near (condition): gap < 2 nm -> Tense (Art. 1)  ⇒  gap < 3 nm -> Tense (Art. 1)',
            '  Steps:',
            '    ~ Tense.call (step): Aland notifies Borea within 10 min  ⇒  Aland notifies Borea within 15 min',
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
            rules: [{ name: 'Near', change: 'changed', fields: ['condition'] }],
        });
        const same = detente(['diff', '--exit-code', 'v1/p.detente', 'v1/p.detente'], dir);
        expect(same).toMatchObject({ code: 0, stdout: 'Patrol: no change.\n' });
    });
});
