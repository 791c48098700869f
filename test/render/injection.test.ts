// Hostile protocol text is inert in every output: HTML, Markdown, the annex, DMN/XML, CSV and JSON.
import { describe, expect, test } from 'vitest';
import { analyse } from '../../src/analysis/analyse.js';
import type { CompiledProtocol } from '../../src/render/compiled.js';
import { renderAnnex } from '../../src/render/annex.js';
import { renderResolvedCsv, renderRuleCsv } from '../../src/render/csv.js';
import { renderDmn } from '../../src/render/dmn.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { decisionTables } from '../../src/tables/tables.js';
import { protocolModel } from '../helpers.js';
import { dmnErrors, tablesErrors } from './validators.js';
import { compiledProtocol } from '../../src/render/publication.js';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const CDATA = ']]> & <![CDATA[x]]>';
const FORMULA = '=HYPERLINK("http://evil.example","x") | x';

const HOSTILE = `
protocol Hostile "${SCRIPT}" {
    version "${CDATA.replace(/"/g, '\\"')}"
    party Aland "${BREAKOUT.replace(/"/g, '\\"')}" { organ MoD "@SUM(A1:A9)" authorizes force }
    party Borea "+cmd|' /C calc'!A0"
    indicator lock "${SCRIPT} lock" : flag
    indicator gap "-2+3 ${CDATA}" : distance in m worse when lower
    ladder { Calm "${BREAKOUT.replace(/"/g, '\\"')}" Tense "${SCRIPT}" }
    threshold T "${FORMULA.replace(/"/g, '\\"')}": lock or gap < 5 m -> Tense
    response Tense { step s: Aland.MoD notifies Borea within 1 h cites "${SCRIPT}" }
    deescalate Tense to Calm when not lock and gap > 10 m
}
`;

async function compiled(): Promise<CompiledProtocol> {
    const protocol = await protocolModel(HOSTILE);
    expect(protocol.complete).toBe(true);
    return compiledProtocol({
        protocol,
        tables: decisionTables(analyse(protocol)),
        findings: [{ file: `file ${BREAKOUT}.detente`, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'warning', code: 'missing-offramp', message: `a message with ${SCRIPT}` }],
        source: `file ${BREAKOUT}.detente`,
    });
}

describe('hostile labels and citations are inert', () => {
    test('HTML: no markup comes from protocol text, no script, nothing fetched', async () => {
        const page = renderHtml(await compiled());
        expect(page).not.toMatch(/<script/i);
        expect(page).not.toMatch(/<img/i);
        expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
        expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
        expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    });

    test('Markdown and the annex: no HTML, no links, no table breaks', async () => {
        const c = await compiled();
        for (const text of [renderMarkdown(c), renderAnnex(c)]) {
            expect(text).not.toMatch(/<script|<img/i);
            expect(text).toContain('&lt;script&gt;');
        }
        const rows = renderMarkdown(c).split('\n').filter(line => line.startsWith('| T '));
        expect(rows).toHaveLength(2); // `lock or gap < 5 m` takes two rows
        for (const row of rows) {
            // rule, citation, lock, gap, level: the citation's own '|' is escaped and splits nothing.
            expect(row.split(/(?<!\\)\|/).length).toBe(7);
        }
    });

    test('DMN: valid XML against the XSD, with the text kept as text', async () => {
        const xml = renderDmn(await compiled());
        expect(await dmnErrors(xml)).toEqual([]);
        expect(xml).toContain('name="&lt;script&gt;alert(1)&lt;/script&gt;"');
        expect(xml).toContain('<description>-2+3 ]]&gt; &amp; &lt;![CDATA[x]]&gt;</description>');
        expect(xml).not.toMatch(/<script|<img|<!\[CDATA\[/);
    });

    test('CSV: cells a spreadsheet would run are neutralised, and quoting follows RFC 4180', async () => {
        const c = await compiled();
        const rules = renderRuleCsv(c);
        expect(rules).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") | x"`);
        expect(rules.split('\r\n')[0]).toBe('rule,kind,part,citation,lock,gap,unless,level');
        for (const line of [...rules.split('\r\n'), ...renderResolvedCsv(c).split('\r\n')]) {
            for (const cell of line.split(',')) {
                expect(cell).not.toMatch(/^[=+\-@]/);
            }
        }
    });

    test('JSON: the text survives exactly and the document still validates', async () => {
        const document = JSON.parse(renderJson(await compiled()));
        expect(document.protocol.title).toBe(SCRIPT);
        expect(document.protocol.parties[0].label).toBe(BREAKOUT);
        expect(document.ruleTable.rows[0].citation).toBe(FORMULA);
        expect(tablesErrors(document)).toEqual([]);
    });
});
