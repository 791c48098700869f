// The rows of a DMN table are written directly, not through xmlbuilder2: they must be exactly what
// xmlbuilder2 writes for the same elements, whatever the text they hold.
import { describe, expect, test } from 'vitest';
import { fragment } from 'xmlbuilder2';
import { analyse } from '../../src/analysis/analyse.js';
import { renderDmn, xmlCharacters } from '../../src/render/dmn.js';
import { compiledProtocol } from '../../src/render/publication.js';
import { decisionTables } from '../../src/tables/tables.js';
import { protocolModel } from '../helpers.js';

/** Citations and names holding what XML escapes, entity look-alikes, quotes, a tab, a control character and a lone line feed. */
const CITATIONS = ['Art. 1 & 2 <b> \\"x\\" \'y\'', '&amp; &#38; &lt; &x; & ; &#x26;', 'tab\\there', 'bell\\b', 'line\\nbreak', ''];

const text = `
protocol P_1 "Patrol & <co>" {
    party A "A"
    indicator lock "Lock" : flag
    indicator gap "Gap" : distance worse when lower
    indicator zone "Zone" : one of North, Strait
    ladder { Calm Tense Grave }
${CITATIONS.map((citation, i) => `    threshold T${i} "${citation}": ${i % 2 ? 'lock or gap < 5 m' : `zone = Strait and gap <= ${i + 1} m`} -> ${i % 3 ? 'Tense' : 'Grave'}`).join('\n')}
    response Tense { step s: A notifies within 1 h }
    response Grave { step g: A notifies within 10 min }
}
`;

describe('DMN rows', () => {
    test('each row is as xmlbuilder2 pretty-prints it', async () => {
        const model = await protocolModel(text);
        expect(model.complete).toBe(true);
        const xml = renderDmn(compiledProtocol({ protocol: model, tables: decisionTables(analyse(model)), findings: [], source: 'p & q.detente' }));
        const rows = [...xml.matchAll(/^ *<rule id=[^]*?<\/rule>$/gm)].map(match => match[0]);
        expect(rows.length).toBeGreaterThan(CITATIONS.length);
        // Read back and written again by xmlbuilder2, a row comes out the same (a character reference
        // would come out as the character: those rows are compared below, entry by entry).
        for (const row of rows.filter(r => !r.includes('&#'))) {
            expect(fragment(row).end({ prettyPrint: true, indent: '  ', offset: 3 })).toBe(row);
        }
        // Each citation's entry as xmlbuilder2 writes it, which leaves what looks like an entity or a
        // decimal character reference as it is.
        for (const rule of model.rules.filter(r => r.citation)) {
            expect(xml).toContain(fragment().ele('text').txt(xmlCharacters(rule.citation!)).end());
        }
        expect(xml).toContain('<text>&amp; &#38; &lt; &x; &amp; ; &amp;#x26;</text>');
    });
});
