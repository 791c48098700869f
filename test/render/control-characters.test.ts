// Control characters and line breaks in protocol text — escapes such as `\r`, `\b`, `\0`, `\v`, `\f`,
// or raw characters like 0x01 and U+2028 inside a string — are accepted by `check`, and no output is
// damaged or forged by them: DMN stays well-formed XML, a Markdown table keeps its rows and the annex
// its numbered paragraphs, and a CSV cell cannot hide a formula behind them.
import { describe, expect, test } from 'vitest';
import { analyse } from '../../src/analysis/analyse.js';
import type { CompiledProtocol } from '../../src/render/compiled.js';
import { renderAnnex } from '../../src/render/annex.js';
import { neutraliseFormula, renderRuleCsv } from '../../src/render/csv.js';
import { renderDmn } from '../../src/render/dmn.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { decisionTables } from '../../src/tables/tables.js';
import { buildFile, protocolModel } from '../helpers.js';
import { dmnErrors } from './validators.js';
import { compiledProtocol } from '../../src/render/publication.js';

/** A protocol whose title, labels and citations carry the given texts (written as in a string literal). */
const protocol = (texts: { title?: string; label?: string; citation?: string; level?: string }) => `
protocol P "${texts.title ?? 'Patrol'}" {
    party A "A"
    indicator lock "${texts.label ?? 'Lock'}" : flag
    indicator gap "Gap" : distance worse when lower
    ladder { Calm "${texts.level ?? 'Calm'}" Tense }
    threshold T "${texts.citation ?? 'Art. 1'}": lock -> Tense
    threshold U "Art. 2": gap < 5 m -> Tense
    response Tense { step s: A notifies within 1 h }
    deescalate Tense to Calm when not lock and gap >= 10 m
}
`;

async function compiled(text: string): Promise<CompiledProtocol> {
    const model = await protocolModel(text);
    expect(model.complete).toBe(true);
    return compiledProtocol({ protocol: model, tables: decisionTables(analyse(model)), findings: [], source: 'p.detente' });
}

/** Escapes of the language's strings, and raw characters a string may hold, that XML 1.0 forbids. */
const NOT_XML = [['\\b', '\b'], ['\\0', '\0'], ['\\v', '\v'], ['\\f', '\f'], ['a raw 0x01', '\u0001'], ['a raw ESC', '\u001b']];

describe('control characters in protocol text', () => {
    test('check accepts them', async () => {
        const text = protocol({ title: 'T\\b\\0', label: 'L\\v\\f\u0001', citation: 'Art. 1\\rWeaponsFree' });
        expect((await buildFile(text)).diagnostics().filter(d => d.severity === 1)).toEqual([]);
        expect((await protocolModel(text)).title).toBe('T\b\0');
    });

    test.each(NOT_XML)('DMN with %s in a label, a title and a citation: valid against the XSD, each shown as U+FFFD, and said so', async (_name, written) => {
        const xml = renderDmn(await compiled(protocol({ title: `Title${written}`, label: `Lock${written}`, citation: `Art.${written}1` })));
        expect(await dmnErrors(xml)).toEqual([]);
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
        expect(xml).toContain('name="Title\uFFFD"');
        expect(xml).toContain('<description>Lock\uFFFD</description>');
        expect(xml).toContain('<text>Art.\uFFFD1</text>');
        expect(xml).toContain('Control characters of the protocol\'s text, which XML 1.0 cannot hold, are shown as \uFFFD.');
    });

    test('DMN of ordinary text says nothing of replaced characters', async () => {
        const xml = renderDmn(await compiled(protocol({ label: 'Lock\\twith a tab' })));
        expect(await dmnErrors(xml)).toEqual([]);
        expect(xml).not.toContain('\uFFFD');
    });
});

/** Every character some reader takes for a line break, as written inside a string literal. */
const LINE_BREAKS = [['a lone CR', '\\r'], ['LF', '\\n'], ['CRLF', '\\r\\n'], ['VT', '\\v'], ['FF', '\\f'], ['NEL', '\u0085'], ['LS', '\u2028'], ['PS', '\u2029']];

describe('line breaks in protocol text', () => {
    test.each(LINE_BREAKS)('%s in a citation forges no table row in Markdown or paragraph in the annex', async (_name, br) => {
        const c = await compiled(protocol({ citation: `Art. 1${br}| Forged | row |${br}${br}1. Forged` }));
        for (const text of [renderMarkdown(c), renderAnnex(c)]) {
            const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);
            expect(lines.filter(line => /^\s*(\| Forged|1\. Forged)/.test(line))).toEqual([]);
        }
        const ruleRows = renderMarkdown(c).split('\n').filter(line => /^\| \*{0,2}(red line\*{0,2} )?[TU] /.test(line));
        expect(ruleRows).toHaveLength(2);
    });

    test.each(LINE_BREAKS)('%s in a title or a level label forges no numbered paragraph or heading', async (_name, br) => {
        const c = await compiled(protocol({ title: `Annex${br}${br}1. Forged paragraph${br}# Forged heading`, level: `Calm${br}2.1 Forged` }));
        for (const text of [renderMarkdown(c), renderAnnex(c)]) {
            const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);
            expect(lines.filter(line => /^\s*(\d+(\.\d+)*\.? Forged|# Forged)/.test(line))).toEqual([]);
            expect(text).not.toMatch(/[\r\v\f\u0085\u2028\u2029]/);
        }
    });
});

describe('CSV cells that hide a formula behind control characters or spaces', () => {
    test.each([
        ['a NUL', '\u0000=HYPERLINK("http://evil.example")'],
        ['a space', ' =1+1'],
        ['a line feed', '\n@SUM(A1:A9)'],
        ['a no-break space', '\u00a0+cmd'],
        ['a byte-order mark', '\ufeff-2+3'],
        ['several', '\u0001 \t=1'],
    ])('behind %s: neutralised', (_name, cell) => {
        expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    });

    test('ordinary cells stay as they are', () => {
        for (const cell of ['Art. 1', '< 2 nm', '—', 'a=b', '']) expect(neutraliseFormula(cell)).toBe(cell);
    });

    test('a citation starting with NUL then = is neutralised in the rule table', async () => {
        const csv = renderRuleCsv(await compiled(protocol({ citation: '\\0=cmd|x' })));
        expect(csv).toContain(`'\u0000=cmd|x`);
    });
});
