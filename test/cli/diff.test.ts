// `detente diff` between negotiation rounds: one test per kind of element, a label change as a label
// change, situations summarised by level, the outside of a scope, `diff NEW` against what it supersedes,
// and the Markdown memo.
import { describe, expect, test } from 'vitest';
import { detente, folder } from './run.js';

const ROUND1 = `party Aland "Aland" { organ MoD "Ministry of Defence" authorizes force }
party Borea "Borea" { organ MoD "Ministry of Defence" }
mediator UN "United Nations"
protocol P "Protocol on incidents" {
    version "1"
    date 2026-01-10
    status draft
    between Aland, Borea
    role Approached "the Party whose ship is approached"
    body Commission "Joint Commission" of Aland, Borea
    action assists "renders assistance to" : assistance
    event collision "Collision"
    channel Line "Hotline" links Aland.MoD, Borea.MoD relayed by UN latency 5 min
    indicator gap "Closest approach" : distance in nm worse when lower
    indicator distress "Ship in distress" : flag neutral
    scope "Art. 1": not distress
    ladder { Calm "Calm" Tense "Tension" }
    threshold Near "Art. 2": gap < 2 nm -> Tense
    response Tense "Art. 3" within 1 h { step call: Approached.MoD notifies the other party.MoD via Line within 10 min }
    duty report "Art. 4": each party.MoD notifies the other party.MoD via Line within 24 h after collision
    deescalate Tense to Calm "Art. 5" when gap >= 3 nm for 1 h
    scenario "close" { given gap = 1 nm, distress = false expect Tense }
}
`;

/** The lines of `diff` between ROUND1 and ROUND1 changed by `edit`, without the situations. */
function elementLines(edit: (text: string) => string): string[] {
    const dir = folder({ 'v1/p.detente': ROUND1, 'v2/p.detente': edit(ROUND1) });
    const run = detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const first = lines.findIndex(line => /^ {2}(?!Situations)\S/.test(line) && !line.startsWith('  Situations'));
    return first < 0 ? [] : lines.slice(first).filter(Boolean).filter(line => !/^ {4}(at |\S+ → )|^ {6}/.test(line));
}

describe('detente diff: every kind of element', () => {
    test.each<[string, (t: string) => string, string[]]>([
        ['metadata', t => t.replace('version "1"', 'version "2"').replace('status draft', 'status initialled'),
            ['  Protocol:', '    ~ protocol: version 1  ⇒  2; status draft  ⇒  initialled']],
        ['bound parties', t => t.replace('between Aland, Borea', 'between Aland, Borea, Coria').replace(/the other party/g, 'every other party')
            .replace('mediator UN', 'party Coria "Coria" { organ MoD "Ministry of Defence" }\nmediator UN'), [
            '  Protocol:', '    ~ protocol: bound parties Aland, Borea  ⇒  Aland, Borea, Coria',
            '  Parties:', '    + Coria: Coria',
            '  Organs:', '    + Coria.MoD: Ministry of Defence',
            '  Steps:', '    ~ Tense.call: action Approached.MoD notifies the other party.MoD via Line  ⇒  Approached.MoD notifies every other party.MoD via Line',
            '  Duties:', '    ~ report: action each party.MoD notifies the other party.MoD via Line  ⇒  each party.MoD notifies every other party.MoD via Line',
        ]],
        ['an organ’s powers', t => t.replace('authorizes force', 'authorizes force, disclosure'),
            ['  Organs:', '    ~ Aland.MoD: powers force  ⇒  force, disclosure']],
        ['a role’s label', t => t.replace('whose ship is approached', 'whose aircraft is approached'),
            ['  Roles:', '    ~ Approached: label the Party whose ship is approached  ⇒  the Party whose aircraft is approached']],
        ['a mediator', t => t.replace('"United Nations"', '"UN Secretary-General"'), ['  Mediators:', '    ~ UN: label United Nations  ⇒  UN Secretary-General']],
        ['a joint body', t => t.replace('"Joint Commission" of', '"Joint Military Commission" of'),
            ['  Joint bodies:', '    ~ Commission: label Joint Commission  ⇒  Joint Military Commission']],
        ['a channel', t => t.replace('relayed by UN latency 5 min', 'latency 10 min'),
            ['  Mediators:', '    − UN: United Nations', '  Channels:', '    ~ Line: relayed by UN  ⇒  none; latency 5 min  ⇒  10 min']],
        ['an action', t => t.replace(': assistance', ': restraint'), ['  Actions:', '    ~ assists: class assistance  ⇒  restraint']],
        ['an event', t => t.replace('"Collision"', '"Collision at sea"'), ['  Events:', '    ~ collision: label Collision  ⇒  Collision at sea']],
        ['an indicator', t => t.replace('in nm worse', 'in km worse'), ['  Indicators:', '    ~ gap: unit nm  ⇒  km']],
        ['a level’s label', t => t.replace('Tense "Tension"', 'Tense "Heightened tension"'), ['  Levels:', '    ~ Tense: label Tension  ⇒  Heightened tension']],
        ['the scope', t => t.replace('scope "Art. 1": not distress', 'scope "Art. 1": not distress and gap < 20 nm'),
            ['  Scope:', '    ~ Art. 1: condition not distress  ⇒  not distress and gap < 20 nm']],
        ['a rule’s exception', t => t.replace('gap < 2 nm -> Tense', 'gap < 2 nm -> Tense unless gap < 0.1 nm'),
            ['  Thresholds and red lines:', '    ~ Near: unless none  ⇒  gap < 0.1 nm']],
        ['a response', t => t.replace('"Art. 3" within 1 h', '"Art. 3" within 2 h'), ['  Responses:', '    ~ Tense: within 1 h  ⇒  2 h']],
        ['a step', t => t.replace('within 10 min }', 'immediately }'), ['  Steps:', '    ~ Tense.call: deadline within 10 min  ⇒  immediately']],
        ['a duty', t => t.replace('within 24 h after collision', 'without delay after collision'),
            ['  Duties:', '    ~ report: when within 24 h after collision  ⇒  without delay after collision']],
        ['an off-ramp', t => t.replace('for 1 h', 'for 2 h'), ['  De-escalations:', '    ~ Tense → Calm: for 1 h  ⇒  2 h']],
        ['a scenario', t => t.replace('expect Tense }', 'expect at least Tense }'), ['  Scenarios:', '    ~ close: expect Tense  ⇒  at least Tense']],
    ])('%s', (_kind, edit, expected) => {
        expect(elementLines(edit)).toEqual(expected);
    });

    test('near miss: the same text laid out differently is no change', () => {
        const dir = folder({ 'v1/p.detente': ROUND1, 'v2/p.detente': ROUND1.replace(/ {4}/g, '  ') });
        expect(detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir).stdout).toBe('P: no change.\n');
    });
});

describe('detente diff: situations', () => {
    test('a region within a level is shown as such', () => {
        const dir = folder({ 'v1/p.detente': ROUND1, 'v2/p.detente': ROUND1.replace('gap < 2 nm -> Tense', 'gap < 3 nm -> Tense') });
        expect(detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir).stdout).toContain([
            '  Situations whose level changed:',
            '    Calm → Tense',
            '      where gap ≥ 2 nm and < 3 nm, distress = false',
        ].join('\n'));
    });

    test('a whole level that changed is one line, not a list of regions', () => {
        const dir = folder({
            'v1/p.detente': ROUND1,
            'v2/p.detente': ROUND1.replace('Tense "Tension" }', 'Tense "Tension" Alert "Alert" }').replace('gap < 2 nm -> Tense', 'gap < 2 nm -> Alert'),
        });
        expect(detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir).stdout).toContain([
            '  Situations whose level changed:',
            '    Tense → Alert',
            '      where every situation that was at Tense',
        ].join('\n'));
    });

    test('situations that move into or out of the scope', () => {
        const dir = folder({ 'v1/p.detente': ROUND1, 'v2/p.detente': ROUND1.replace('scope "Art. 1": not distress', 'scope "Art. 1": not distress and gap < 20 nm') });
        const run = detente(['diff', 'v1/p.detente', 'v2/p.detente'], dir);
        expect(run.stdout).toContain('    Calm → outside the scope\n      where gap ≥ 20 nm, distress = false\n');
        const json = JSON.parse(detente(['diff', '--format', 'json', 'v1/p.detente', 'v2/p.detente'], dir).stdout);
        expect(json.levelChanges).toEqual([expect.objectContaining({ from: 'Calm', to: null })]);
    });
});

describe('detente diff NEW: against the protocol it supersedes', () => {
    const rounds = () => folder({
        'round1.detente': ROUND1,
        'round2.detente': `import "round1.detente"\n${ROUND1.split('\n').slice(3).join('\n')
            .replace('protocol P "Protocol on incidents"', 'protocol P2 "Protocol on incidents"')
            .replace('version "1"', 'version "2"\n    supersedes P')}`,
    });

    test('the earlier round is the one named by supersedes', () => {
        const run = detente(['diff', 'round2.detente'], rounds());
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe([
            'P → P2:',
            '  Protocol:',
            '    ~ protocol: name P  ⇒  P2; version 1  ⇒  2; supersedes none  ⇒  P',
            '',
        ].join('\n'));
    });

    test('near miss: a protocol that supersedes nothing needs the earlier version named', () => {
        const run = detente(['diff', 'round1.detente'], rounds());
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('detente: round1.detente: P supersedes no protocol; give the earlier version: detente diff OLD round1.detente\n');
    });

    test('--format md: a memo for the negotiating table', () => {
        const run = detente(['diff', '--format', 'md', 'round2.detente'], rounds());
        expect(run.stdout).toBe([
            '# Changes to Protocol on incidents (version 1 → 2)',
            '',
            '## Protocol',
            '',
            '| | element | before | after |',
            '| --- | --- | --- | --- |',
            '| changed | protocol: name | P | P2 |',
            '| changed | protocol: version | 1 | 2 |',
            '| changed | protocol: supersedes | none | P |',
            '',
        ].join('\n'));
    });
});
