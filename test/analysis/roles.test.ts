// Roles, `each party` and the other parties (docs/language.md §2–§3): a step or duty written once with roles is
// the same obligation for whichever bound party stands in them. The procedural and legal checks give a protocol
// written so the same findings as its twin written out party by party: on each obligation, the codes of all its
// twins, and messages that differ only in how parties and roles are named.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type TextDiagnostic, buildFile } from '../helpers.js';
import { type RolePair, type Twins, rolePair } from './roles-generate.js';

const PROCEDURAL = [
    'channel-endpoint', 'channel-latency', 'no-fallback-channel', 'fallback-latency', 'fallback-endpoint', 'deadline-exceeded',
    'force-without-authorization', 'force-without-legal-basis', 'preemptive-force', 'reciprocity', 'not-bound',
];
/** Codes whose message names the parties of the reading at fault, not the obligation as written. */
const CONCRETE = new Set(['channel-endpoint', 'fallback-endpoint', 'force-without-authorization']);

interface Found { readonly code: string; readonly message: string }

/** The procedural findings of a text, per written obligation. */
async function findingsByObligation(twins: Twins, expanded: boolean): Promise<{ byObligation: Found[][]; other: string[] }> {
    const diagnostics: TextDiagnostic[] = (await buildFile(twins.text)).diagnostics();
    const byObligation: Found[][] = twins.generic.map(() => []);
    const other: string[] = [];
    for (const d of diagnostics) {
        const code = String(d.code);
        const line = d.range.start.line;
        const index = expanded ? twins.origin.get(line) : twins.lines.indexOf(line);
        if (PROCEDURAL.includes(code) && index !== undefined && index >= 0) byObligation[index].push({ code, message: d.message });
        else if (code !== 'unused-event' && code !== 'missing-offramp') other.push(`${code}@${line + 1}: ${d.message}`);
    }
    return { byObligation, other };
}

/** A message without what tells readings apart: the binding of roles, and the number of a twin. */
function strict(message: string): string {
    return message
        .replace(/ \([^()]*, with [^()]*\)/g, '')
        .replace(/, when (?:[\w ]+ = \w+(?:, )?)+(?=\.$)/, '')
        .replace(/\b([a-z]\w*?)_\d+\b/g, '$1');
}

/** Modulo the naming of parties and roles: `Testing.Fleet`, `each party.Fleet` and `Aland.Fleet` all read `P.Fleet`. */
function loose(message: string): string {
    return strict(message).replace(/\b(?:Aland|Borea|Coria|Testing|Notified|each party|the other party|every other party|all parties)\b/g, 'P');
}

async function compare(pair: RolePair) {
    const written = await findingsByObligation(pair.written, false);
    const expanded = await findingsByObligation(pair.expanded, true);
    return { written, expanded };
}

const codesOf = (found: readonly Found[]) => [...new Set(found.map(f => f.code))].sort();

describe('a protocol written with roles and its twin written party by party', () => {
    test('give each obligation the codes of all its twins, with the same messages modulo the naming of parties and roles', async () => {
        await fc.assert(fc.asyncProperty(rolePair, async pair => {
            const { written, expanded } = await compare(pair);
            // Both texts are otherwise clean: no unresolved organ, no ambiguous `the other party`.
            expect(written.other, 'other findings of the text with roles').toEqual(expanded.other);
            expect(written.other.filter(o => !o.startsWith('missing-response')), 'structural findings').toEqual([]);
            const obligations = [...pair.protocol.responses.flatMap(r => r.steps), ...pair.protocol.duties];
            obligations.forEach((obligation, i) => {
                const mine = written.byObligation[i];
                const theirs = expanded.byObligation[i];
                expect(codesOf(mine), `codes of ${obligation.name}`).toEqual(codesOf(theirs));
                for (const f of mine) {
                    // Towards several parties at once, the message names them all, where each twin names one.
                    const several = obligation.counterpart?.kind === 'every-other' || obligation.counterpart?.kind === 'all';
                    const read = several ? (m: string) => loose(m).replace(/(it does not connect|no (?:step|duty) there in which) .*$/, '')
                        : CONCRETE.has(f.code) ? strict : loose;
                    expect(theirs.filter(t => t.code === f.code).map(t => read(t.message)), `${f.code} on ${obligation.name}`).toContain(read(f.message));
                }
            });
        }), { numRuns: 120, seed: 20261205 });
    }, 300_000);

    test('the generated protocols use roles, each party and the other parties in every position', () => {
        const sample = fc.sample(rolePair, { numRuns: 200, seed: 20261205 });
        const obligations = sample.flatMap(p => [...p.protocol.responses.flatMap(r => r.steps), ...p.protocol.duties]);
        const share = (test: (o: typeof obligations[0]) => boolean) => obligations.filter(test).length / obligations.length;
        expect(share(o => o.actor.kind === 'role')).toBeGreaterThan(0.2);
        expect(share(o => o.actor.kind === 'each')).toBeGreaterThan(0.2);
        expect(share(o => o.counterpart?.kind === 'other')).toBeGreaterThan(0.05);
        expect(share(o => o.counterpart?.kind === 'every-other')).toBeGreaterThan(0.05);
        expect(share(o => o.counterpart?.kind === 'role')).toBeGreaterThan(0.1);
        expect(share(o => o.authorizedBy?.kind === 'role' || o.authorizedBy?.kind === 'each')).toBeGreaterThan(0.03);
        expect(sample.filter(p => p.protocol.bound.length === 3).length).toBeGreaterThan(20);
        expect(sample.filter(p => p.protocol.reciprocity).length).toBeGreaterThan(50);
    });
});

/** A protocol between Aland and Borea (and Coria, not bound), with the roles of the MissileTests example (docs/language.md §1b). */
function between(body: string, hotline = 'links Aland.MoD, Borea.MoD latency 5 min fallback Notes'): string {
    return `protocol Tests "Tests" {
    party Aland "Aland" {
        organ MoD "Ministry of Defence" authorizes force
        organ MFA "Ministry of Foreign Affairs"
        organ Fleet "Fleet"
    }
    party Borea "Borea" {
        organ MoD "Ministry of Defence"
        organ MFA "Ministry of Foreign Affairs"
        organ Fleet "Fleet"
    }
    party Coria "Coria" { organ MoD "Ministry of Defence" organ MFA "Ministry of Foreign Affairs" organ Fleet "Fleet" }
    mediator OSCE "OSCE"
    between Aland, Borea
    require reciprocity
    role Testing "the Party conducting the test"
    role Notified "the other Party"
    event accident "Accident involving a nuclear weapon"
    channel Hotline "Hotline" ${hotline}
    channel Notes "Notes" links Aland.MFA, Borea.MFA latency 1 d
    indicator tension "Tension" : scale Low < Raised < High
    ladder { Normal "Normal" Concern "Concern" Crisis "Crisis" }
    threshold Raised "Art. 1": tension = Raised -> Concern
    threshold High "Art. 2": tension = High -> Crisis
${body}
}
`;
}

/** `code: message` of the procedural findings, per obligation (twins `x_1`, `x_2` under `x`), messages as `strict` reads them. */
async function procedural(text: string): Promise<Record<string, string[]>> {
    const lines = text.split('\n');
    const result: Record<string, string[]> = {};
    for (const d of (await buildFile(text)).diagnostics()) {
        if (!PROCEDURAL.includes(String(d.code))) continue;
        const name = /^\s*(?:step|duty) (\w+?)(?:_\d+)?(?: "[^"]*")?:/.exec(lines[d.range.start.line])![1];
        (result[name] ??= []).push(`${String(d.code)}: ${strict(d.message)}`);
    }
    for (const name of Object.keys(result)) result[name] = [...new Set(result[name])].sort();
    return result;
}

/** The same codes on each obligation, and every message of the written one among those of its twins. */
function expectSame(mine: Record<string, string[]>, theirs: Record<string, string[]>, what = ''): void {
    const codes = (found: Record<string, string[]>) => Object.fromEntries(Object.entries(found).map(([name, list]) => [name, [...new Set(list.map(f => f.split(':')[0]))]]));
    expect(codes(mine), what).toEqual(codes(theirs));
    for (const [name, list] of Object.entries(mine)) {
        for (const message of list) expect(theirs[name], `${what} ${name}`).toContain(message);
    }
}

describe('written with roles and written out, by hand', () => {
    test('each party towards the other party (a duty after an event): the channel is checked for both parties', async () => {
        const written = `    duty report "Art. 3": each party.MoD notifies the other party.MoD via Hotline within 1 h after accident`;
        const expanded = `    duty report_1 "Art. 3": Aland.MoD notifies Borea.MoD via Hotline within 1 h after accident
    duty report_2 "Art. 3": Borea.MoD notifies Aland.MoD via Hotline within 1 h after accident`;
        // Falling back to the foreign ministries, a day late; a line to the wrong ministry; one too slow itself.
        for (const hotline of ['links Aland.MoD, Borea.MoD latency 5 min fallback Notes', 'links Aland.MoD, Borea.MFA latency 5 min', 'links Aland.MoD, Borea.MoD latency 2 h']) {
            expectSame(await procedural(between(written, hotline)), await procedural(between(expanded, hotline)), hotline);
        }
        expect(Object.values(await procedural(between(written, 'links Aland.MoD, Borea.MoD latency 2 h'))).flat().map(f => f.split(':')[0])).toEqual(['channel-latency']);
        expect(Object.values(await procedural(between(written))).flat().map(f => f.split(':')[0])).toEqual(['fallback-endpoint', 'fallback-latency']);
        expect(await procedural(between(written, 'links Aland.MoD, Borea.MFA latency 5 min'))).toEqual({
            report: ["channel-endpoint: Hotline links Aland.MoD and Borea.MFA; it does not connect Aland.MoD and Borea.MoD as duty 'report' requires."],
        });
    });

    test('force by a role, authorized by the same role: only the party whose ministry may authorize force is covered', async () => {
        const written = `    response Crisis within 4 h {
        step check: OSCE verifies within 1 h
        step hit: Testing.Fleet intercepts within 1 h after check authorized by Testing.MoD cites "UN Charter, Art. 51"
    }`;
        const expanded = `    response Crisis within 4 h {
        step check: OSCE verifies within 1 h
        step hit_1: Aland.Fleet intercepts within 1 h after check authorized by Aland.MoD cites "UN Charter, Art. 51"
        step hit_2: Borea.Fleet intercepts within 1 h after check authorized by Borea.MoD cites "UN Charter, Art. 51"
    }`;
        const mine = await procedural(between(written));
        expectSame(mine, await procedural(between(expanded)));
        expect(mine).toEqual({ hit: ["force-without-authorization: Step 'hit' uses force authorized by Borea.MoD, which does not declare 'authorizes force'."] });
    });

    test('a chain of role steps that runs late, on the most severe level with a channel without fallback', async () => {
        const written = `    response Crisis within 30 min {
        step ask: Notified.MoD requests Testing.MoD via Hotline immediately
        step answer: Testing.MoD explains Notified.MoD via Hotline within 40 min after ask
    }`;
        const expanded = `    response Crisis within 30 min {
        step ask_1: Borea.MoD requests Aland.MoD via Hotline immediately
        step ask_2: Aland.MoD requests Borea.MoD via Hotline immediately
        step answer_1: Aland.MoD explains Borea.MoD via Hotline within 40 min after ask_1, ask_2
        step answer_2: Borea.MoD explains Aland.MoD via Hotline within 40 min after ask_1, ask_2
    }`;
        const hotline = 'links Aland.MoD, Borea.MoD latency 5 min';
        const mine = await procedural(between(written, hotline));
        expectSame(mine, await procedural(between(expanded, hotline)));
        expect(Object.fromEntries(Object.entries(mine).map(([name, found]) => [name, found.map(f => f.split(':')[0])]))).toEqual({
            ask: ['no-fallback-channel'], answer: ['deadline-exceeded'],
        });
    });

    test('a party the protocol does not bind: not-bound when it acts, a third actor when it is addressed', async () => {
        const written = `    response Concern {
        step warn: Testing.MFA notifies Coria.MFA within 1 h
        step reply: Coria.MFA notifies Notified.MFA within 1 h
    }`;
        const expanded = `    response Concern {
        step warn_1: Aland.MFA notifies Coria.MFA within 1 h
        step warn_2: Borea.MFA notifies Coria.MFA within 1 h
        step reply_1: Coria.MFA notifies Aland.MFA within 1 h
        step reply_2: Coria.MFA notifies Borea.MFA within 1 h
    }`;
        const mine = await procedural(between(written));
        expectSame(mine, await procedural(between(expanded)));
        expect(Object.keys(mine)).toEqual(['reply']);
        expect(mine.reply.map(f => f.split(':')[0])).toEqual(['not-bound']);
    });
});
