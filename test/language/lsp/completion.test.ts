// Completion knows the context: what is in scope, what fits the indicator, and the usual snippets.
import { EmptyFileSystem } from 'langium';
import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionList } from 'vscode-languageserver';
import { createDetenteServices } from '../../../src/language/detente-module.js';

const services = createDetenteServices(EmptyFileSystem).detente;
const complete = expectCompletion(services);

const BASE = `
protocol P {
    party Aland "Aland" { organ MoD "Defence" organ Fleet "Fleet" }
    party Borea "Borea"
    mediator UN "United Nations"
    channel Hotline "Hotline" links Aland.MoD, Borea
    indicator gap "Gap" : distance worse when lower
    indicator wait "Wait" : duration
    indicator share "Share" : percent
    indicator posture "Posture" : scale Calm < Alerted < Deployed
    indicator lock "Lock" : flag
    ladder { Routine Concern Crisis }
    §
}`;

const at = (body: string) => BASE.replace('§', body);
const labels = (list: CompletionList) => list.items.map(item => item.label);

describe('completion', () => {
    test('indicators at the start of a condition', async () => {
        await complete({ text: at('threshold T: <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['gap', 'wait', 'share', 'posture', 'lock', 'not']));
        } });
    });

    test('units that fit the indicator being compared', async () => {
        await complete({ text: at('threshold T: gap < 2 <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['m', 'km', 'nm']));
            expect(labels(list)).not.toContain('min');
            expect(labels(list)).not.toContain('%');
        } });
        await complete({ text: at('threshold T: wait > 30 <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['s', 'min', 'h', 'd']));
            expect(labels(list)).not.toContain('nm');
        } });
        await complete({ text: at('threshold T: share > 30 <|>'), index: 0, assert: list => {
            expect(labels(list)).toContain('%');
            expect(labels(list)).not.toContain('m');
        } });
    });

    test('members of a scale after a comparison', async () => {
        await complete({ text: at('threshold T: posture >= <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['Calm', 'Alerted', 'Deployed']));
            expect(labels(list)).not.toContain('Routine');
        } });
    });

    test('levels after ->', async () => {
        await complete({ text: at('threshold T: lock -> <|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['Routine', 'Concern', 'Crisis']);
        } });
    });

    test('organs after Party., verbs, channels after via, steps after after', async () => {
        await complete({ text: at('response Crisis { step a: Aland.<|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(['MoD', 'Fleet']);
        } });
        await complete({ text: at('response Crisis { step a: Aland.MoD <|> }'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['notifies', 'verifies', 'mediates', 'intercepts', 'withdraws', 'discloses']));
        } });
        await complete({ text: at('response Crisis { step a: Aland.MoD notifies Borea via <|> }'), index: 0, assert: list => {
            expect(labels(list)).toContain('Hotline');
        } });
        await complete({ text: at('response Crisis { step first: UN verifies within 1 h step second: UN mediates within 1 h after <|> }'), index: 0, assert: list => {
            expect(labels(list)).toContain('first');
        } });
    });

    test('keywords and snippets for the usual declarations', async () => {
        await complete({ text: at('<|>'), index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['threshold', 'redline', 'response', 'scenario', 'deescalate',
                'threshold … -> …', 'redline … { consequence … }', 'response … { step … }', 'scenario "…" { given … expect … }']));
            const snippet = list.items.find(item => item.label === 'threshold … -> …')!;
            expect(snippet.insertTextFormat).toBe(2);
            expect(snippet.textEdit?.newText ?? snippet.insertText).toContain('${3:condition} -> ${4:Level}');
        } });
        await complete({ text: '<|>', index: 0, assert: list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['protocol', 'protocol … { ladder … }', 'import', 'indicator']));
        } });
    });
});
