// The resolved table: disjoint rows that together cover every situation and agree with the level
// function — on every example and on random protocols. The rule table: a rule's rows are its region.
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../src/analysis/analyse.js';
import { explain } from '../../src/analysis/explain.js';
import { levelAt } from '../../src/analysis/meaning.js';
import { boxesMeet } from '../../src/analysis/boxes.js';
import type { Protocol } from '../../src/model/protocol.js';
import { decisionTables } from '../../src/tables/tables.js';
import { loadProject } from '../../src/cli/project.js';
import { randomProtocol } from '../analysis/generate.js';
import { gridOf } from '../analysis/oracle.js';
import { protocolModel } from '../helpers.js';

const REPO = path.resolve(__dirname, '../..');

async function exampleProtocols(): Promise<Protocol[]> {
    const project = await loadProject([path.join(REPO, 'examples')], REPO);
    return project.inputs.flatMap(document => project.services.model.ProtocolModels.forDocument(document));
}

/** The table's promises, checked against the space's own cells and the direct meaning of the protocol. */
function expectSound(protocol: Protocol): void {
    const analysis = analyse(protocol);
    const tables = decisionTables(analysis);
    const space = tables.space;
    const rows = tables.resolvedRows;
    // Disjoint.
    for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < rows.length; j++) {
            expect(boxesMeet(rows[i].box, rows[j].box), `rows ${i} and ${j} overlap`).toBe(false);
        }
    }
    // Covering, with the right level: every situation of the grid falls in exactly one row, of its level.
    for (const point of gridOf(protocol).points) {
        const box = space.boxOf(point)!;
        const matching = rows.filter(row => boxesMeet(row.box, box));
        expect(matching).toHaveLength(1);
        expect(matching[0].level?.name).toBe(levelAt(protocol, point)?.name);
    }
    // Each row's witness is explained with the row's level.
    for (const row of rows) {
        const witness = space.witness(row.box);
        const explanation = explain(protocol, witness);
        if (row.level) expect(explanation.levels.map(l => l.level.name)).toEqual([row.level.name]);
        else expect([explanation.levels, explanation.outside?.holds]).toEqual([[], 'always']);
    }
    // A row's rule responses: exactly the rules with a response of their own that hold throughout it.
    for (const row of rows) {
        protocol.rules.forEach((rule, i) => {
            if (!protocol.responses.some(r => r.rule === rule.name)) return;
            const region = analysis.context!.levels.ruleRegions[i];
            const holds = region.coversBox(row.box);
            expect(holds || !region.meetsBox(row.box), `rule ${rule.name} holds in part of a row`).toBe(true);
            expect(row.rules.includes(rule.name)).toBe(holds);
        });
    }
    // With a scope, its rows cover exactly the inside; without, there are none.
    const inside = space.space.region(tables.scopeRows.map(row => row.box));
    expect(protocol.scopes.length === 0 ? tables.scopeRows.length === 0 : inside.covers(analysis.context!.inside) && analysis.context!.inside.covers(inside)).toBe(true);
    // The rule table: a rule's rows cover exactly where it holds.
    protocol.rules.forEach((rule, i) => {
        const region = analysis.context!.levels.ruleRegions[i];
        const parts = tables.ruleRows.filter(r => r.rule === rule);
        const rowsRegion = space.space.region(parts.map(part => part.box));
        expect(parts.every(p => p.parts === parts.length)).toBe(true);
        expect(rowsRegion.covers(region) && region.covers(rowsRegion)).toBe(true);
    });
}

describe('decision tables', () => {
    test('every example: resolved rows are disjoint, cover all situations and agree with explain', async () => {
        const protocols = await exampleProtocols();
        expect(protocols.map(p => p.name).sort()).toEqual(['AirspaceIncursions', 'CyberHotline', 'IncidentsAtSea', 'MissileTests', 'StraitRiskReduction', 'TestNotification']);
        protocols.forEach(expectSound);
    });

    test('random protocols: the same, by brute force over the grid', () => {
        fc.assert(fc.property(randomProtocol, protocol => expectSound(protocol)), { numRuns: 120, seed: 7 });
    });

    test('a scope: rows outside it have no level, come last, and the tables stay sound', async () => {
        const project = await protocolModel(`protocol Scoped {
    indicator gap "Gap" : distance in nm worse when lower
    indicator distress "In distress" : flag neutral
    scope "Art. 1": not distress
    ladder { Calm Tense }
    threshold Near: gap < 2 nm -> Tense unless gap < 1 nm and distress
}`);
        expectSound(project);
        const rows = decisionTables(analyse(project)).resolvedRows;
        expect(rows.map(row => row.level?.name)).toEqual(['Tense', 'Calm', undefined]);
    });

    test('a scope written with or, and a rule response whose rule is written with or: rows stay disjoint', async () => {
        const protocol = await protocolModel(`protocol Overlaps {
    party A "A"
    party B "B"
    indicator gap "Gap" : distance in nm worse when lower
    indicator speed "Speed" : speed in kn worse when higher
    indicator lock "Lock" : flag
    scope: gap < 10 nm or speed > 5 kn
    ladder { Calm Tense Alarm }
    threshold Near: gap < 2 nm or speed > 20 kn -> Tense
    threshold Locked: lock and (gap < 5 nm or speed > 10 kn) -> Alarm
    response to Near { A notifies B within 1 h }
    response to Locked { B notifies A within 10 min }
}`);
        expectSound(protocol);
        const rows = decisionTables(analyse(protocol)).resolvedRows;
        expect(new Set(rows.map(row => row.rules.join()))).toEqual(new Set(['', 'Near', 'Locked', 'Near,Locked']));
    });

    test('rows run from the most severe level down, then in indicator order; outside the scope last', async () => {
        const [protocol] = (await exampleProtocols()).filter(p => p.name === 'IncidentsAtSea');
        const tables = decisionTables(analyse(protocol));
        const ranks = tables.resolvedRows.map(row => row.level?.rank ?? -1);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        expect(ranks.at(-1)).toBe(-1);
        expect(tables.priority.map(l => l.name)).toEqual(['Crisis', 'Alert', 'Concern', 'Routine']);
    });

    test('the same protocol gives the same tables', async () => {
        const [a] = (await exampleProtocols()).filter(p => p.name === 'CyberHotline');
        const [b] = (await exampleProtocols()).filter(p => p.name === 'CyberHotline');
        const rows = (p: Protocol) => decisionTables(analyse(p)).resolvedRows.map(r => [r.level?.name, Array.from(r.box)]);
        expect(rows(a)).toEqual(rows(b));
    });
});
