// Editions and languages: the public edition holds nothing confidential, in any format or language; the
// full edition marks every confidential provision; both editions' DMN and JSON still validate; the
// wording and labels follow --lang (docs/language.md §2, §5).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { detente, folder } from '../cli/run.js';
import { dmnErrors, tablesErrors } from './validators.js';

const REPO = path.resolve(__dirname, '../..');

/** Every text of the fixture that belongs to a confidential element, in each language it is written in. */
const CONFIDENTIAL = [
    'Direct', 'Secure line of the General Staffs', 'Ligne sécurisée des états-majors', 'Защищённая линия генеральных штабов',
    'brief', 'Art. 5(2)', 'halt', 'Art. 6', 'exchange', 'Art. 7', 'Across', 'Art. 4',
    'Suspension of the Agreement', 'Suspension de l’Accord', 'Приостановление действия Соглашения',
    'suspension of the Agreement', 'suspension de l’Accord',
    'A launch across the border', 'disclosed to the other Party',
];

/** Compiles the fixture to every format; returns each file's text by name. */
function compile(...options: string[]): Record<string, string> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'detente-edition-'));
    const run = detente(['compile', '--to', 'md,html,csv,json,dmn,annex', '--out', out, ...options, 'test/fixtures/editions'], REPO);
    expect(run.code, run.stderr).toBe(0);
    return Object.fromEntries(fs.readdirSync(out).map(name => [name, fs.readFileSync(path.join(out, name), 'utf8')]));
}

describe('editions', () => {
    test.each([['en'], ['fr'], ['ru']])('the public edition in %s contains no confidential text, in any format', language => {
        const files = compile('--edition', 'public', '--lang', language);
        expect(Object.keys(files).sort()).toEqual(['Launches.annex.md', 'Launches.dmn', 'Launches.html', 'Launches.json', 'Launches.md', 'Launches.resolved.csv', 'Launches.rules.csv']);
        for (const [name, text] of Object.entries(files)) {
            for (const secret of CONFIDENTIAL) {
                expect(new RegExp(`\\b${secret.replace(/[.()]/g, '\\$&')}\\b`, 'u').test(text), `${name} contains “${secret}”`).toBe(false);
            }
        }
    });

    test('near miss: the full edition has every confidential provision, marked', () => {
        const files = compile('--edition', 'full');
        const annex = files['Launches.annex.md'];
        for (const secret of ['Secure line of the General Staffs', 'suspension of the Agreement', 'Art. 5(2)', 'Art. 6', 'Art. 7']) {
            expect(annex).toContain(secret);
        }
        // The confidential channel, red line, response, step and duty each carry the mark.
        expect(annex.match(/\*\*\[Confidential\]\*\*/g)).toHaveLength(5);
        expect(files['Launches.html'].match(/<span class="confidential">Confidential<\/span>/g)?.length).toBeGreaterThanOrEqual(4);
        expect(files['Launches.md']).toContain('brief *(Confidential)*');
    });

    test('the public edition leaves out a confidential red line, and its levels follow', () => {
        const full = JSON.parse(compile('--edition', 'full')['Launches.json']);
        const published = JSON.parse(compile('--edition', 'public')['Launches.json']);
        const levels = (document: { resolvedTable: { rows: Array<{ level: string | null }> } }) => [...new Set(document.resolvedTable.rows.map(row => row.level))];
        expect(levels(full)).toEqual(['Breach', 'Concern', 'Normal', null]);
        expect(levels(published)).toEqual(['Concern', 'Normal', null]);
        expect(published.protocol.edition).toBe('public');
    });

    test.each([['public'], ['full']])('the %s edition still validates: DMN against the XSD, JSON against its schema', async edition => {
        const files = compile('--edition', edition);
        expect(await dmnErrors(files['Launches.dmn'])).toEqual([]);
        expect(tablesErrors(JSON.parse(files['Launches.json']))).toEqual([]);
    });

    test('a confidential protocol is left out of the public edition, and says so', () => {
        const dir = folder({ 'p.detente': 'confidential protocol Secret { ladder { Calm Tense } }\n' });
        const run = detente(['compile', '--to', 'md', '--edition', 'public', '--out', 'out', 'p.detente'], dir);
        expect(run.stderr).toBe('detente: p.detente: Secret is confidential: left out of the public edition\n');
        expect(run.code).toBe(0);
        expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    });
});

describe('languages', () => {
    test('--lang fr: French wording and the French labels of the protocol', () => {
        const annex = compile('--lang', 'fr')['Launches.annex.md'];
        expect(annex).toContain('la Partie qui procède au lancement');
        expect(annex).toContain('Lancement notifié');
        expect(annex).not.toContain('shall');
    });

    test('--lang ru: Russian wording and labels', () => {
        const annex = compile('--lang', 'ru')['Launches.annex.md'];
        expect(annex).toContain('Сторона, осуществляющая пуск');
        expect(annex).not.toContain('shall');
    });

    test('a language without wording is refused with the choices', () => {
        const run = detente(['compile', '--to', 'md', '--lang', 'de', 'test/fixtures/editions'], REPO);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("'de'");
        expect(run.stderr).toContain('en, fr, ru');
    });

    test('labels without a translation keep their own text', () => {
        const dir = folder({ 'p.detente': 'protocol P "Patrol" { ladder { Calm "Calm seas" Tense "Tension" @fr "Tension forte" } }\n' });
        const out = path.join(dir, 'out');
        expect(detente(['compile', '--to', 'md', '--lang', 'fr', '--out', 'out', 'p.detente'], dir).code).toBe(0);
        const md = fs.readFileSync(path.join(out, 'P.md'), 'utf8');
        expect(md).toContain('Calm seas');
        expect(md).toContain('Tension forte');
    });
});
