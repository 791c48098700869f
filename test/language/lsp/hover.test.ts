// Hover: what a name means in the protocol, wherever it is declared or used.
import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { describe, test } from 'vitest';
import { createDetenteServices } from '../../../src/language/detente-module.js';

const services = createDetenteServices(EmptyFileSystem).detente;
const hover = expectHover(services);

const PROTOCOL = (marked: string) => `
protocol P "Patrol" {
    party Aland "Republic of Aland" { organ MoD "Ministry of Defence" authorizes force }
    party Borea "Federation of Borea"
    channel Hotline "Defence hotline" links Aland.MoD, Borea latency 5 min
    indicator gap "Closest point of approach" : distance in nm worse when lower
    indicator speed "Closing speed" : speed
    indicator lock "Radar lock" : flag tentative
    indicator posture "Posture" : scale Calm < Tense
    ladder {
        Routine "Routine operations"
        Concern "Heightened attention"
        Crisis "Crisis management"
    }
    threshold Near "Art. 4(1)": gap < 2 nm and posture >= Tense -> Concern
    redline Lock "Art. 7": lock or gap < 500 m -> Crisis { consequence "Suspension" disclosure public }
    response Concern within 2 h {
        step call: Aland.MoD notifies Borea via Hotline within 30 min
        step talk: Borea consults Aland within 1 h after call
    }
    deescalate Concern to Routine when gap >= 3 nm for 6 h
    scenario "s" { given speed = 10 kn expect at most Crisis }
}
`.replace('§', marked);

describe('hover', () => {
    test('an indicator: description, type, unit and direction', async () => {
        await hover({
            text: PROTOCOL('').replace('indicator gap', 'indicator <|>gap'), index: 0,
            hover: '**indicator** `gap` — Closest point of approach\n\nA distance in m, shown in nm; worse when lower.',
        });
        await hover({
            text: PROTOCOL('').replace('lock or gap', '<|>lock or gap'), index: 0,
            hover: '**indicator** `lock` — Radar lock\n\nA flag: `true` is worse.\n\n*Tentative*: an assessment, not an observation.',
        });
        await hover({
            text: PROTOCOL('').replace('indicator speed', 'indicator <|>speed'), index: 0,
            hover: /neutral: no direction is worse\./,
        });
    });

    test('a condition in conjunctive form, analysed over joint axes: its region still in words per indicator', async () => {
        const flags = Array.from({ length: 14 }, (_, i) => `    indicator f${i} "Flag ${i}" : flag`).join('\n');
        const clauses = Array.from({ length: 7 }, (_, i) => `(f${2 * i} or f${2 * i + 1})`).join(' and ');
        await hover({
            text: `protocol C "Clauses" {\n${flags}\n    ladder { Routine "Routine" Crisis "Crisis" }\n    threshold <|>Every: ${clauses} -> Crisis\n}\n`,
            index: 0,
            hover: /^\*\*threshold\*\* `Every` → `Crisis`\n\nHolds where f0 = true, f2 = true, f4 = true, f6 = true, f8 = true, f10 = true, f12 = true, or /,
        });
    });

    test('a threshold and a red line: level, citation and region in words', async () => {
        await hover({
            text: PROTOCOL('').replace('threshold Near', 'threshold <|>Near'), index: 0,
            hover: '**threshold** `Near` → `Concern` (Art. 4(1))\n\nHolds where gap < 2 nm, posture = Tense.',
        });
        await hover({
            text: PROTOCOL('').replace('redline Lock', 'redline <|>Lock'), index: 0,
            hover: '**red line** `Lock` → `Crisis` (Art. 7)\n\nHolds where lock = true, or gap < 500 m.\n\nConsequence: Suspension\n\nDisclosure: public',
        });
    });

    test('a level: the rules that lead there and its response with deadlines', async () => {
        await hover({
            text: PROTOCOL('').replace('-> Concern', '-> <|>Concern'), index: 0,
            hover: '**level** `Concern` — Heightened attention (rank 2 of 3)\n\nReached by: `Near` (Art. 4(1))\n\n' +
                'Response within 2 h:\n- `call`: Aland.MoD notifies Borea via Hotline, by 30 min\n- `talk`: Borea consults Aland, by 1 h 30 min',
        });
        await hover({ text: PROTOCOL('').replace('Routine "Routine', '<|>Routine "Routine'), index: 0, hover: /\(rank 1 of 3, the baseline\)\n\nApplies when no rule holds\./ });
        await hover({ text: PROTOCOL('').replace('-> Crisis', '-> <|>Crisis'), index: 0, hover: /^\*\*level\*\* `Crisis`.*\(rank 3 of 3, the most severe\)/ });
    });

    test('a value: its conversion to base units', async () => {
        await hover({ text: PROTOCOL('').replace('gap < 2 nm', 'gap < 2 <|>nm'), index: 0, hover: '**2 nm** = 3704 m\n\n1 nautical mile = 1852 m' });
        await hover({ text: PROTOCOL('').replace('speed = 10 kn', 'speed = <|>10 kn'), index: 0, hover: /^\*\*10 kn\*\* = 463\/90 mps ≈ 5\.144444 mps/ });
    });

    test('parties, organs, channels and members', async () => {
        await hover({ text: PROTOCOL('').replace('Aland.MoD notifies', 'Aland.<|>MoD notifies'), index: 0, hover: '**organ** `Aland.MoD` — Ministry of Defence\n\nAuthorizes force.' });
        await hover({ text: PROTOCOL('').replace('via Hotline', 'via <|>Hotline'), index: 0, hover: /Links `Aland\.MoD` and `Borea`; delivers within 5 min; no fallback\./ });
        await hover({ text: PROTOCOL('').replace('posture >= Tense', 'posture >= <|>Tense'), index: 0, hover: '**member** `Tense` of the scale `posture` (2 of 2; later is worse)' });
        await hover({ text: PROTOCOL('').replace('party Borea', 'party <|>Borea'), index: 0, hover: '**party** `Borea` — Federation of Borea' });
    });
});

describe('hover shows protocol text as text', () => {
    const IMAGE = '![tracking](http://evil.example/pixel.png)';
    const LINK = '[Art. 51](https://evil.example/login)';
    const HOSTILE = PROTOCOL('')
        .replace('"Republic of Aland"', `"${IMAGE}"`)
        .replace('"Art. 4(1)"', `"${LINK} <img src=x> **loud**"`)
        .replace('"Suspension"', '"see www.evil.example or mail agent@evil.example"')
        .replace('"Heightened attention"', '"_Heightened_ `attention`"');

    test('labels: no image, no link, no emphasis', async () => {
        await hover({
            text: HOSTILE.replace('party Aland', 'party <|>Aland'), index: 0,
            hover: '**party** `Aland` — !\\[tracking\\](http\\://evil.example/pixel.png)\n\nOrgans: `MoD`',
        });
        await hover({ text: HOSTILE.replace('Concern "', '<|>Concern "'), index: 0, hover: /^\*\*level\*\* `Concern` — \\_Heightened\\_ \\`attention\\` \(rank 2 of 3\)/ });
    });

    test('citations, in a rule and in a level: no link, no HTML, no emphasis', async () => {
        const citation = '\\[Art. 51\\](https\\://evil.example/login) &lt;img src=x&gt; \\*\\*loud\\*\\*';
        await hover({ text: HOSTILE.replace('threshold Near', 'threshold <|>Near'), index: 0, hover: new RegExp(`^\\*\\*threshold\\*\\* \`Near\` → \`Concern\` \\(${escapeRegExp(citation)}\\)`) });
        await hover({ text: HOSTILE.replace('-> Concern', '-> <|>Concern'), index: 0, hover: new RegExp(`Reached by: \`Near\` \\(${escapeRegExp(citation)}\\)`) });
    });

    test('a consequence: no bare address becomes a link', async () => {
        await hover({ text: HOSTILE.replace('redline Lock', 'redline <|>Lock'), index: 0, hover: /Consequence: see www\\\.evil\.example or mail agent\\@evil\.example\n/ });
    });
});

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LAUNCHES = `
protocol Launches "Launches" {
    party Aland "Aland" { organ MFA "Foreign Ministry" }
    party Borea "Borea" { organ MFA "Foreign Ministry" }
    between Aland, Borea
    role Testing "the Party conducting the test" @fr "la Partie qui procède à l’essai"
    event launch "Launch" @fr "Lancement"
    channel Notes "Notes" links Aland.MFA, Borea.MFA latency 1 d
    ladder { Calm Tense }
    duty notify "Art. 2": Testing.MFA notifies the other party.MFA via Notes at least 3 d before launch
    response Tense { step ask: Testing.MFA explains the other party.MFA via Notes immediately }
}
`;

describe('hover on version 2 constructs', () => {
    test('a role: its label, its translations and the parties it stands for', async () => {
        await hover({
            text: LAUNCHES.replace('role Testing', 'role <|>Testing'), index: 0,
            hover: '**role** `Testing` — the Party conducting the test\n\nStands for one of `Aland`, `Borea` in each reading of a step or duty; different roles are different parties.\n\n`@fr` la Partie qui procède à l’essai',
        });
    });

    test('an event: the duties it sets off', async () => {
        await hover({ text: LAUNCHES.replace('event launch', 'event <|>launch'), index: 0, hover: /Duties: `notify` \(at least 3 d before launch\)/ });
    });

    test('a duty: what, when, and for whom', async () => {
        await hover({
            text: LAUNCHES.replace('duty notify', 'duty <|>notify'), index: 0,
            hover: '**duty** `notify` (Art. 2) — communication obligation, whatever the level\n\nTesting.MFA notifies the other party.MFA via Notes, **at least 3 d before launch**.\n\nBinds, in turn: Testing = Aland; Testing = Borea.',
        });
    });

    test('an immediate step: due at once', async () => {
        await hover({ text: LAUNCHES.replace('step ask', 'step <|>ask'), index: 0, hover: /Due \*\*immediately\*\* on entering Tense\./ });
    });
});
