// `detente replay` as users run it: exit codes, the three formats, the JSON against its shipped schema,
// outputs written whole and never over an input, bad input named with its file and line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { REPO, detente, folder } from '../cli/run.js';

const PROTOCOL = 'examples/replay/test-notification.detente';
const COMPLIANT = 'examples/replay/exercise-compliant.csv';
const LATE = 'examples/replay/exercise-late.jsonl';

function validator(schema: string) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', schema), 'utf8')));
    return (document: unknown) => validate(document) ? [] : (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

describe('detente replay', () => {
    test('the compliant example exits 0 and says so', () => {
        const run = detente(['replay', PROTOCOL, COMPLIANT]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('2026-03-06T12:00:00Z  ▼ Normal (Tests as notified): off-ramp Concern to Normal: impactDistance >= 60 km and violations < 3 held for 1 d');
        expect(run.stdout.trimEnd().split('\n').pop()).toBe('Compliant: 5 obligations, none late or missing (5 on time).');
    });

    test('the non-compliant example prints the timeline with the late and the missing obligations and exits 1', () => {
        const run = detente(['replay', PROTOCOL, LATE]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('done answer by Aland: LATE by 30 min (due by 2026-03-05T10:00:00Z)');
        expect(run.stdout).toContain('MISSING ask by Borea: Borea.MoD requests Aland.MoD via Hotline was due by 2026-03-06T18:00:00Z');
        expect(run.stdout).toContain('MISSING report by Aland');
        expect(run.stdout).toContain('given 2026-03-03T09:00:00Z, 1 d short of the 3 d lead');
        expect(run.stdout.trimEnd().split('\n').pop()).toBe('Not compliant: 2 late, 2 missing, of 7 obligations (3 on time).');
    });

    test('JSON is valid against schemas/replay.schema.json, and says what the exit code says', () => {
        const errors = validator('replay.schema.json');
        for (const [log, code] of [[COMPLIANT, 0], [LATE, 1]] as const) {
            const run = detente(['replay', PROTOCOL, log, '--format', 'json']);
            expect(run.code).toBe(code);
            const document = JSON.parse(run.stdout);
            expect(errors(document)).toEqual([]);
            expect(document.compliant).toBe(code === 0);
        }
        const late = JSON.parse(detente(['replay', PROTOCOL, LATE, '--format', 'json']).stdout);
        expect(late.obligations.find((o: { name: string; status: string }) => o.name === 'answer' && o.status === 'late'))
            .toMatchObject({ deadline: '2026-03-05T10:00:00Z', done: { time: '2026-03-05T10:30:00Z', line: 10 }, lateBy: '30 min', lateBySeconds: '1800' });
        expect(late.levels.map((l: { to: string }) => l.to)).toEqual(['Normal', 'Concern', 'Normal', 'Concern', 'Normal']);
    });

    test('the example logs are valid incident log records (the JSON Lines one as it is, the CSV one read as objects)', () => {
        const errors = validator('incident-log.schema.json');
        const lines = fs.readFileSync(path.join(REPO, LATE), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line));
        const rows = (parse(fs.readFileSync(path.join(REPO, COMPLIANT), 'utf8'), { columns: true }) as Array<Record<string, string>>)
            .map(row => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')));
        for (const record of [...lines, ...rows]) expect(errors(record)).toEqual([]);
        expect(errors({ time: '2026-03-01T08:00:00', kind: 'observe', subject: 'x', value: '1 m' })).not.toEqual([]);
        expect(errors({ time: '2026-03-01T08:00:00Z', kind: 'bind', subject: 'Testing' })).not.toEqual([]);
    });

    test('HTML is one page without script: the level as an SVG step line, late and missing marked by a symbol and a word', () => {
        const run = detente(['replay', PROTOCOL, LATE, '--format', 'html']);
        expect(run.code).toBe(1);
        const page = run.stdout;
        expect(page).toMatch(/^<!DOCTYPE html>/);
        expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
        expect(page).toContain('<svg class="replay"');
        expect(page).toContain('<polyline class="line"');
        expect(page).toContain('answer (Aland) — LATE');
        expect(page).toContain('ask (Borea) — MISSING');
        expect(page).toContain('✗ MISSING');
    });

    test('protocol text and log values are escaped in HTML', () => {
        const dir = folder({
            'p.detente': fs.readFileSync(path.join(REPO, PROTOCOL), 'utf8')
                .replace('"Tests near the border"', '"<img src=x onerror=alert(1)> near"')
                .replace('step ask "Art. 4(a)"', 'step ask "<script>alert(1)</script>"'),
            'log.csv': 'time,kind,subject,value,party\n2026-03-01T08:00:00Z,observe,impactDistance,10 km,\n2026-03-01T09:00:00Z,observe,impactDistance,10 km,\n',
        });
        const run = detente(['replay', 'p.detente', 'log.csv', '--format', 'html'], dir);
        expect(run.stderr).toBe('');
        expect(run.stdout).not.toContain('<script>');
        expect(run.stdout).not.toContain('<img');
        expect(run.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    test('--out writes the report whole and says so; it never overwrites an input', () => {
        const dir = folder({ 'p.detente': fs.readFileSync(path.join(REPO, PROTOCOL), 'utf8'), 'log.csv': fs.readFileSync(path.join(REPO, COMPLIANT), 'utf8') });
        const run = detente(['replay', 'p.detente', 'log.csv', '--format', 'html', '--out', 'reports/replay.html'], dir);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('wrote reports/replay.html\n');
        expect(fs.readFileSync(path.join(dir, 'reports', 'replay.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
        expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['replay.html']);
        const log = fs.readFileSync(path.join(dir, 'log.csv'), 'utf8');
        for (const input of ['log.csv', 'p.detente']) {
            const refused = detente(['replay', 'p.detente', 'log.csv', '--out', input], dir);
            expect(refused.code).toBe(2);
            expect(refused.stderr).toBe(`detente: ${input}: is an input; refusing to overwrite it\n`);
        }
        expect(fs.readFileSync(path.join(dir, 'log.csv'), 'utf8')).toBe(log);
    });

    test('a bad record: one line naming the file and the line, exit 2, no report', () => {
        const dir = folder({
            'p.detente': fs.readFileSync(path.join(REPO, PROTOCOL), 'utf8'),
            'log.csv': 'time,kind,subject,value,party\n2026-03-01T08:00:00Z,observe,impactDistance,10 h,\n',
        });
        const run = detente(['replay', 'p.detente', 'log.csv'], dir);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe("detente: log.csv:2: impactDistance: 'h' is a unit of duration, but a distance takes m, km, nm, ft or mi\n");
    });

    test('bad input: a missing log, a log that is not text, a protocol with errors, an unknown protocol', () => {
        const dir = folder({
            'p.detente': fs.readFileSync(path.join(REPO, PROTOCOL), 'utf8'),
            'broken.detente': 'protocol Broken "x" { ladder { A "a" B "b" } threshold T: nothing < 1 m -> B }',
            'binary.csv': 'time\u0000',
            'log.csv': fs.readFileSync(path.join(REPO, COMPLIANT), 'utf8'),
        });
        const missing = detente(['replay', 'p.detente', 'none.csv'], dir);
        expect([missing.code, missing.stderr]).toEqual([2, 'detente: none.csv: no such file or folder\n']);
        const binary = detente(['replay', 'p.detente', 'binary.csv'], dir);
        expect([binary.code, binary.stderr]).toEqual([2, 'detente: binary.csv: is a binary file, not an incident log\n']);
        const broken = detente(['replay', 'broken.detente', 'log.csv'], dir);
        expect(broken.code).toBe(2);
        expect(broken.stderr).toContain('detente: broken.detente has errors; fix them before replaying a log through it');
        const unknown = detente(['replay', 'p.detente', 'log.csv', '--protocol', 'Other'], dir);
        expect([unknown.code, unknown.stderr]).toEqual([2, "detente: p.detente: no protocol named 'Other' (it has TestNotification)\n"]);
    });
});
