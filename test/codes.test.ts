// Every code of the registry has a trigger and a near miss here, so no code can be added without both:
// the trigger must report it, the near miss must not; a code that declares a quick fix gets one on its
// trigger, and no other code does. The detailed tests of each check live beside the others of its kind.
import { describe, expect, test } from 'vitest';
import { ALL_CODES, type DiagnosticCode, quickFixOf, severityOf } from '../src/analysis/codes.js';
import { Budgets, EDITOR_BUDGETS } from '../src/analysis/budget.js';
import { ROOT, type Workspace, buildWorkspace, protocol } from './helpers.js';

interface Case {
    /** Files by path; `main.detente` is the one looked at. A string is the text of `main.detente`. */
    readonly trigger: string | Record<string, string>;
    readonly nearMiss: string | Record<string, string>;
    /** Budgets of the questions asked, when the code is about them. */
    readonly budgets?: Budgets;
}

const responses = (level = 'Crisis') => `response ${level} { step hold: Aland.Fleet pauses within 1 h }`;

const CATALOGUE: Record<DiagnosticCode, Case> = {
    'syntax': {
        trigger: protocol('threshold T: separation < 2 nm Concern'),
        nearMiss: protocol('threshold T: separation < 2 nm -> Concern'),
    },
    'unresolved-reference': {
        trigger: protocol('threshold T: gap < 2 nm -> Concern'),
        nearMiss: protocol('threshold T: separation < 2 nm -> Concern'),
    },
    'duplicate-name': {
        trigger: protocol('threshold T: radarLock -> Concern\nthreshold T: vessels > 2 -> Concern'),
        nearMiss: protocol('threshold T: radarLock -> Concern\nthreshold U: vessels > 2 -> Concern'),
    },
    'bad-import': {
        trigger: { 'main.detente': 'import "missing.detente"\n' + protocol('') },
        nearMiss: { 'main.detente': 'import "shared.detente"\n' + protocol(''), 'shared.detente': 'party Coria "Coria"\n' },
    },
    'bad-ladder': {
        trigger: 'protocol P {\n    indicator lock : flag\n    ladder { Calm }\n}\n',
        nearMiss: 'protocol P {\n    indicator lock : flag\n    ladder { Calm Tense }\n}\n',
    },
    'unit-mismatch': {
        trigger: protocol('threshold T: separation < 2 h -> Concern'),
        nearMiss: protocol('threshold T: separation < 2 nm -> Concern'),
    },
    'unsatisfiable-condition': {
        trigger: protocol('threshold T: separation < 1 km and separation > 2 km -> Concern'),
        nearMiss: protocol('threshold T: separation < 1 km and separation > 0.5 km -> Concern'),
    },
    'always-true': {
        trigger: protocol('threshold T: separation >= 0 m -> Concern'),
        nearMiss: protocol('threshold T: separation > 0 m -> Concern'),
    },
    'masked-threshold': {
        trigger: protocol('threshold Near: separation < 1 km -> Concern\nthreshold Nearer: separation < 2 km -> Alert'),
        nearMiss: protocol('threshold Near: separation < 1 km -> Alert\nthreshold Nearer: separation < 2 km -> Concern'),
    },
    'redundant-threshold': {
        trigger: protocol('threshold Near: separation < 1 km -> Concern\nthreshold Close: separation < 2 km -> Concern'),
        nearMiss: protocol('threshold Near: separation < 1 km -> Alert\nthreshold Close: separation < 2 km -> Concern'),
    },
    'non-monotone': {
        trigger: protocol('threshold Distant: separation > 10 km -> Concern'),
        nearMiss: protocol('threshold Close: separation < 10 km -> Concern'),
    },
    'unreachable-level': {
        trigger: protocol('threshold A: separation < 2 km -> Concern\nthreshold C: radarLock -> Crisis'),
        nearMiss: protocol('threshold A: separation < 2 km -> Concern\nthreshold B: separation < 1 km -> Alert\nthreshold C: radarLock -> Crisis'),
    },
    'missing-response': {
        trigger: protocol(`threshold C: radarLock -> Crisis\n${responses('Concern')}\n${responses('Alert')}`),
        nearMiss: protocol(`threshold C: radarLock -> Crisis\n${responses('Concern')}\n${responses('Alert')}\n${responses('Crisis')}`),
    },
    'missing-offramp': {
        trigger: protocol('deescalate Crisis to Alert when not radarLock\ndeescalate Alert to Concern when not radarLock'),
        nearMiss: protocol('deescalate Crisis to Alert when not radarLock\ndeescalate Alert to Concern when not radarLock\ndeescalate Concern to Routine when not radarLock'),
    },
    'flapping': {
        trigger: protocol('threshold Near: separation < 2 nm -> Concern\ndeescalate Concern to Routine when vessels < 3'),
        nearMiss: protocol('threshold Near: separation < 2 nm -> Concern\ndeescalate Concern to Routine when separation >= 3 nm'),
    },
    'no-hysteresis': {
        trigger: protocol('threshold Near: separation < 2 nm -> Concern\ndeescalate Concern to Routine when separation >= 2 nm'),
        nearMiss: protocol('threshold Near: separation < 2 nm -> Concern\ndeescalate Concern to Routine when separation >= 2 nm for 10 min'),
    },
    'deescalation-direction': {
        trigger: protocol('deescalate Concern to Alert when not radarLock'),
        nearMiss: protocol('deescalate Alert to Concern when not radarLock'),
    },
    'step-cycle': {
        trigger: protocol('response Alert { step a: UN verifies within 1 h after b\nstep b: UN mediates within 1 h after a }'),
        nearMiss: protocol('response Alert { step a: UN verifies within 1 h\nstep b: UN mediates within 1 h after a }'),
    },
    'redline-without-consequence': {
        trigger: protocol('redline Lock: radarLock -> Crisis'),
        nearMiss: protocol('redline Lock: radarLock -> Crisis { consequence "Suspension" disclosure public }'),
    },
    'deadline-exceeded': {
        trigger: protocol('response Alert within 10 min { step a: UN verifies within 20 min }'),
        nearMiss: protocol('response Alert within 10 min { step a: UN verifies within 10 min }'),
    },
    'channel-latency': {
        trigger: protocol('response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 1 min }'),
        nearMiss: protocol('response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min }'),
    },
    'channel-endpoint': {
        trigger: protocol('response Alert { step call: Aland.Fleet notifies Borea.Fleet via Hotline within 1 h }'),
        nearMiss: protocol('response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 1 h }'),
    },
    'fallback-latency': {
        trigger: protocol('channel Notes "Notes" links Aland, Borea latency 1 d\nchannel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Notes\n' +
            'response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 5 min }'),
        nearMiss: protocol('channel Notes "Notes" links Aland, Borea latency 1 d\nchannel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Notes\n' +
            'response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 2 d }'),
    },
    'fallback-endpoint': {
        trigger: protocol('channel Radio "Radio" links Aland.Fleet, Borea.Fleet latency 1 min\nchannel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Radio\n' +
            'response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 1 h }'),
        nearMiss: protocol('channel Radio "Radio" links Aland, Borea latency 1 min\nchannel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Radio\n' +
            'response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 1 h }'),
    },
    'no-fallback-channel': {
        trigger: protocol('response Crisis { step call: Aland.MoD notifies Borea.MoD via Hotline within 1 h }'),
        nearMiss: protocol('response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 1 h }'),
    },
    'force-without-legal-basis': {
        trigger: protocol('response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD }'),
        nearMiss: protocol('response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "Art. 51" }'),
    },
    'force-without-authorization': {
        trigger: protocol('response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check cites "Art. 51" }'),
        nearMiss: protocol('response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "Art. 51" }'),
    },
    'preemptive-force': {
        trigger: protocol('response Crisis { step hit: Aland.Fleet engages within 1 h authorized by Aland.MoD cites "Art. 51" }'),
        nearMiss: protocol('response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "Art. 51" }'),
    },
    'force-on-tentative': {
        trigger: protocol('indicator intent "Intent" : flag tentative\nthreshold Hostile: intent -> Crisis\n' +
            'response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "Art. 51" }'),
        nearMiss: protocol('indicator intent "Intent" : flag tentative\nthreshold Hostile: intent and radarLock -> Crisis\n' +
            'response Crisis { step check: UN verifies within 1 h\nstep hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "Art. 51" }'),
    },
    'confidential-redline': {
        trigger: protocol('redline Lock: radarLock -> Crisis { consequence "Suspension" disclosure confidential }'),
        nearMiss: protocol('redline Lock: radarLock -> Crisis { consequence "Suspension" disclosure public }'),
    },
    'redline-masked': {
        trigger: protocol('redline Lock: radarLock and separation < 1 km -> Alert { consequence "x" disclosure public }\nthreshold Any: radarLock -> Crisis'),
        nearMiss: protocol('redline Lock: radarLock and separation < 1 km -> Alert { consequence "x" disclosure public }\nthreshold Any: radarLock -> Alert'),
    },
    'reciprocity': {
        trigger: protocol('require reciprocity\nresponse Alert { step tell: Aland.MoD notifies Borea.MoD within 1 h }'),
        nearMiss: protocol('require reciprocity\nresponse Alert { step tell: Aland.MoD notifies Borea.MoD within 1 h\nstep back: Borea.MoD notifies Aland.MoD within 1 h }'),
    },
    'not-bound': {
        trigger: protocol('between Aland\nresponse Alert { step call: Borea.MoD notifies Aland.MoD within 1 h }'),
        nearMiss: protocol('between Aland\nresponse Alert { step call: Aland.MoD notifies Borea.MoD within 1 h }'),
    },
    'role-ambiguous': {
        trigger: protocol('party Coria "Coria"\nresponse Alert { step call: each party notifies the other party within 1 h }'),
        nearMiss: protocol('party Coria "Coria"\nbetween Aland, Borea\nresponse Alert { step call: each party notifies the other party within 1 h }'),
    },
    'empty-scope': {
        trigger: protocol('scope: radarLock\nscope "Art. 1": not radarLock'),
        nearMiss: protocol('scope: radarLock\nscope "Art. 1": separation < 1 nm'),
    },
    'unused-event': {
        trigger: protocol('event launch "Launch"'),
        nearMiss: protocol('event launch "Launch"\nduty tell: each party notifies the other party at least 3 d before launch'),
    },
    'missing-translation': {
        trigger: 'protocol P "Patrol" @fr "Patrouille" {\n    languages en, fr\n    indicator lock "Radar lock" : flag\n    ladder { Calm "Calm" @fr "Calme" Tense "Tense" @fr "Tension" }\n}\n',
        nearMiss: 'protocol P "Patrol" @fr "Patrouille" {\n    languages en, fr\n    indicator lock "Radar lock" @fr "Verrouillage radar" : flag\n    ladder { Calm "Calm" @fr "Calme" Tense "Tense" @fr "Tension" }\n}\n',
    },
    'confidential-leak': {
        trigger: protocol('confidential channel Secret "Secret line" links Aland.MoD, Borea.MoD\nresponse Alert { step call: Aland.MoD notifies Borea.MoD via Secret within 1 h }'),
        nearMiss: protocol('confidential channel Secret "Secret line" links Aland.MoD, Borea.MoD\nresponse Alert { confidential step call: Aland.MoD notifies Borea.MoD via Secret within 1 h }'),
    },
    'unused-accept': {
        trigger: protocol('threshold Near: separation < 1 km -> Alert accept masked-threshold "discussed in round 3"\nthreshold Nearer: separation < 2 km -> Concern'),
        nearMiss: protocol('threshold Near: separation < 1 km -> Concern accept masked-threshold "discussed in round 3"\nthreshold Nearer: separation < 2 km -> Alert'),
    },
    'bad-accept': {
        trigger: protocol('threshold Never: separation < 1 km and separation > 2 km -> Concern accept unsatisfiable-condition "kept for the record"'),
        nearMiss: protocol('threshold Near: separation < 1 km -> Concern accept masked-threshold "discussed in round 3"\nthreshold Nearer: separation < 2 km -> Alert'),
    },
    'scenario-failed': {
        trigger: protocol('threshold Lock: radarLock -> Alert\nscenario "lock" { given radarLock expect Crisis }'),
        nearMiss: protocol('threshold Lock: radarLock -> Alert\nscenario "lock" { given radarLock expect Alert }'),
    },
    'analysis-incomplete': {
        trigger: protocol('threshold Lock: radarLock -> Alert\nthreshold Near: separation < 1 km -> Concern'),
        nearMiss: protocol('threshold Lock: radarLock -> Alert\nthreshold Near: separation < 1 km -> Concern'),
        budgets: new Budgets({ ...EDITOR_BUDGETS.limits, analysis: { operations: 0 } }),
    },
};

function build(files: string | Record<string, string>, budgets?: Budgets): Promise<Workspace> {
    return buildWorkspace(typeof files === 'string' ? { 'main.detente': files } : files, ROOT, budgets);
}

describe('every code of the registry', () => {
    test('has a trigger and a near miss in this catalogue', () => {
        expect(Object.keys(CATALOGUE).sort()).toEqual([...ALL_CODES].sort());
    });

    describe.each(ALL_CODES)('%s', code => {
        const entry = CATALOGUE[code];

        test('its trigger reports it, and offers its quick fix if it declares one', async () => {
            const workspace = await build(entry.trigger, entry.budgets);
            const found = workspace.diagnostics().filter(d => d.code === code);
            expect(found.length, workspace.diagnostics().map(d => `${String(d.code)}: ${d.message}`).join('\n')).toBeGreaterThan(0);
            // Findings are read as sentences: each ends with its full stop.
            expect(found.map(d => d.message).filter(message => !/[.?!]\)?$/.test(message))).toEqual([]);
            const document = workspace.documents.get('main.detente')!;
            const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: found[0].range, context: { diagnostics: [found[0]] },
            }) ?? [];
            const quickFixes = actions.filter(action => 'kind' in action && action.kind === 'quickfix');
            // Every warning and info may be accepted; that quick fix is offered besides the code's own.
            const acceptance = quickFixes.filter(action => action.title.startsWith('Accept this finding'));
            const own = quickFixes.filter(action => !acceptance.includes(action));
            expect(own.length > 0, `quick fix offered: ${quickFixOf(code) ?? 'none declared'}`).toBe(quickFixOf(code) !== undefined);
            const acceptable = severityOf(code) !== 'error' && code !== 'unused-accept' && code !== 'bad-accept';
            expect(acceptance.map(action => action.title)).toEqual(acceptable ? [`Accept this finding (${code})…`] : []);
        });

        test('its near miss does not', async () => {
            const workspace = await build(entry.nearMiss);
            expect(workspace.diagnostics().filter(d => d.code === code).map(d => d.message)).toEqual([]);
        });
    });
});
