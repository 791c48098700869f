// Version 2 of the language, as drafters of multilateral agreements and pre-notification regimes use it:
// translations of what a protocol imports, `all parties`, responses that include responses that include
// others, and the most severe level's steps wherever they come from.
import { describe, expect, test } from 'vitest';
import { buildWorkspace, findingsOf, protocol } from '../../helpers.js';

const SHARED = `party Aland "Aland" @fr "Aland" { organ MFA "Foreign Ministry" @fr "Ministère des affaires étrangères" }
party Borea "Borea" @fr "Borée" { organ MFA "Foreign Ministry" @fr "Ministère des affaires étrangères" }
channel Notes "Diplomatic notes" links Aland.MFA, Borea.MFA
`;

const TRANSLATED = `import "shared.detente"
protocol P "Launches" @fr "Lancements" {
    languages en, fr
    event launch "Launch" @fr "Lancement"
    ladder { Calm "Calm" @fr "Calme" Tense "Tense" @fr "Tension" }
    duty notify: each party.MFA notifies the other party.MFA via Notes at least 3 d before launch
}
`;

describe('missing-translation covers what the protocol uses from other files', () => {
    test('an imported channel without the French label is reported where the protocol names it', async () => {
        const workspace = await buildWorkspace({ 'main.detente': TRANSLATED, 'shared.detente': SHARED });
        expect(workspace.diagnostics().filter(d => d.code === 'missing-translation').map(d => [d.message, d.range.start.line + 1])).toEqual([
            [`'Notes', declared outside the protocol, is labelled "Diplomatic notes" with no @fr translation; the protocol's languages are en, fr.`, 6],
        ]);
    });

    test('near miss: translated in its own file, it is not', async () => {
        const workspace = await buildWorkspace({
            'main.detente': TRANSLATED,
            'shared.detente': SHARED.replace('"Diplomatic notes"', '"Diplomatic notes" @fr "Notes diplomatiques"'),
        });
        expect(workspace.diagnostics().filter(d => d.code === 'missing-translation')).toEqual([]);
    });
});

const THREE = (body: string) => `protocol Strait "Strait" {
    party Aland "Aland" { organ MFA "MFA" }
    party Borea "Borea" { organ MFA "MFA" }
    party Coria "Coria" { organ MFA "MFA" }
    between Aland, Borea, Coria
    role Acting "the acting Party"
    channel Conference "Conference line" links Aland.MFA, Borea.MFA, Coria.MFA latency 5 min fallback Notes
    channel Notes "Notes" links Aland.MFA, Borea.MFA, Coria.MFA latency 1 d
    indicator gap "Gap" : distance in nm worse when lower
    ladder { Calm Meeting Plenary }
    threshold Near: gap < 5 nm -> Meeting
    threshold Nearer: gap < 1 nm -> Plenary
${body}
}
`;

describe('all parties', () => {
    test('a channel among all the parties serves a step towards all parties: the actor need not reach itself', async () => {
        const findings = await findingsOf(THREE(`    response Meeting { step inform: Acting.MFA notifies all parties via Notes within 2 d }
    response Plenary includes Meeting { step talk: Acting.MFA consults every other party.MFA via Conference within 1 h }`));
        expect(findings.filter(f => f.code === 'channel-endpoint')).toEqual([]);
    });

    test('near miss: a channel that leaves a party out is still reported', async () => {
        const findings = await findingsOf(THREE(`    channel Pair "Aland–Borea line" links Aland.MFA, Borea.MFA
    response Meeting { step inform: Acting.MFA notifies all parties via Pair within 2 d }`));
        expect(findings.filter(f => f.code === 'channel-endpoint').map(f => f.message)).toEqual([
            "Pair links Aland.MFA and Borea.MFA; it does not connect Aland.MFA and Borea and Coria as step 'inform' requires (Acting.MFA notifies all parties via Pair, with Acting = Aland).",
        ]);
    });
});

describe('responses that include responses', () => {
    test('a level owes the steps of what it includes, and of what that includes in turn', async () => {
        const findings = await findingsOf(THREE(`    response Meeting includes Explanation { step ask: Acting.MFA requests every other party.MFA via Conference within 1 h }
    response Plenary includes Meeting { step talk: Acting.MFA consults every other party.MFA via Conference within 1 h }
    threshold Far: gap < 10 nm -> Explanation
    scenario "close" { given gap = 0.5 nm expect Plenary steps talk, ask, explain }`).replace('ladder { Calm Meeting Plenary }', 'ladder { Calm Explanation Meeting Plenary }')
            .replace('    response Meeting', '    response Explanation { step explain: Acting.MFA explains every other party.MFA via Conference within 1 d }\n    response Meeting'));
        expect(findings.filter(f => f.code === 'scenario-failed')).toEqual([]);
    });

    test('the most severe level has no fallback for a step it owes through an included response', async () => {
        const findings = await findingsOf(THREE(`    channel Direct "Direct line" links Aland.MFA, Borea.MFA, Coria.MFA latency 1 min
    response Meeting { step ask: Acting.MFA requests every other party.MFA via Direct within 1 h }
    response Plenary includes Meeting { step talk: Acting.MFA consults every other party.MFA via Conference within 1 h }`));
        expect(findings.filter(f => f.code === 'no-fallback-channel').map(f => f.message)).toEqual([
            "Step 'ask', due at the most severe level, Plenary, relies on Direct, which has no fallback: if it fails in a crisis, the step cannot be taken.",
        ]);
    });

    test('near miss: a level below the most severe is not held to that', async () => {
        const findings = await findingsOf(THREE(`    channel Direct "Direct line" links Aland.MFA, Borea.MFA, Coria.MFA latency 1 min
    response Meeting { step ask: Acting.MFA requests every other party.MFA via Direct within 1 h }
    response Plenary { step talk: Acting.MFA consults every other party.MFA via Conference within 1 h }`));
        expect(findings.filter(f => f.code === 'no-fallback-channel')).toEqual([]);
    });
});

describe('a protocol without between binds every party it sees', () => {
    test('so a step of any of them is bound', async () => {
        const workspace = await buildWorkspace({ 'main.detente': protocol('response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 1 h }') });
        expect(workspace.diagnostics().filter(d => d.code === 'not-bound')).toEqual([]);
    });
});
