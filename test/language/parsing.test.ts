// Every form of docs/language.md §1–2 parses into the AST its meaning needs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as ast from '../../src/language/generated/ast.js';
import { buildFile, buildWorkspace, protocol } from '../helpers.js';

async function parse(text: string) {
    const workspace = await buildFile(text);
    const document = workspace.documents.get('main.detente')!;
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return document.parseResult.value;
}

async function parseProtocol(body: string): Promise<ast.Protocol> {
    const file = await parse(protocol(body));
    return file.declarations.find(ast.isProtocol)!;
}

function conditionOf(p: ast.Protocol, name: string): ast.Condition {
    return p.members.filter(ast.isRule).find(rule => rule.name === name)!.condition;
}

describe('parsing', () => {
    test('the full example of docs/language.md §1 parses', async () => {
        const text = fs.readFileSync(path.join(__dirname, '../fixtures/language-example.detente'), 'utf8');
        const workspace = await buildWorkspace({
            'language-example.detente': text,
            'common/navies.detente': 'indicator speed "Speed" : speed worse when higher',
        });
        const document = workspace.documents.get('language-example.detente')!;
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const p = document.parseResult.value.declarations.find(ast.isProtocol)!;
        expect(p.name).toBe('IncidentsAtSea');
        expect(p.members.filter(ast.isRule).map(r => r.name)).toEqual(['CloseApproach', 'DangerousApproach', 'WeaponsLock']);
        expect(p.members.filter(ast.isResponse).map(r => r.steps.length)).toEqual([1, 3, 3]);
        // The example names Borea.MFA, which Borea does not declare: the only finding at this stage.
        expect(workspace.codes('language-example.detente')).toEqual(['unresolved-reference@20']);
    });

    test('comments of both kinds are ignored', async () => {
        const file = await parse(`
            // a line comment
            /* a block
               comment */ indicator x "X" : flag // trailing
        `);
        expect(file.declarations).toHaveLength(1);
    });

    test('imports come first, then top-level declarations and protocols', async () => {
        const workspace = await buildWorkspace({
            'main.detente': `
                import "shared/a.detente"
                import "shared/b.detente"
                party P "P" { organ O "O" }
                mediator M "M"
                channel C "C" links P.O, M
                indicator i "I" : flag
                protocol X { ladder { A B } }
            `,
            'shared/a.detente': '',
            'shared/b.detente': '',
        });
        const file = workspace.documents.get('main.detente')!.parseResult.value;
        expect(file.imports.map(i => i.path)).toEqual(['shared/a.detente', 'shared/b.detente']);
        expect(file.declarations.map(d => d.$type)).toEqual(['Party', 'Mediator', 'Channel', 'Indicator', 'Protocol']);
    });

    test('parties with organs and powers, mediators and channels with latency and fallback', async () => {
        const p = await parseProtocol(`
            party Cordia "Cordia" {
                organ MoD "Defence" authorizes force, disclosure
                organ MFA "Foreign Affairs" authorizes disclosure
                organ Coast "Coast guard"
            }
            mediator OSCE "OSCE"
            channel Radio "Radio" links Cordia.Coast, OSCE latency 1 min fallback Hotline
        `);
        const cordia = p.members.filter(ast.isParty).find(party => party.name === 'Cordia')!;
        expect(cordia.organs.map(o => [o.name, o.label?.text, o.powers])).toEqual([
            ['MoD', 'Defence', ['force', 'disclosure']],
            ['MFA', 'Foreign Affairs', ['disclosure']],
            ['Coast', 'Coast guard', []],
        ]);
        const radio = p.members.filter(ast.isChannel).find(c => c.name === 'Radio')!;
        expect(radio.ends.map(e => e.$cstNode?.text)).toEqual(['Cordia.Coast', 'OSCE']);
        expect([radio.latency?.number, radio.latency?.unit, radio.fallback?.$refText]).toEqual(['1', 'min', 'Hotline']);
    });

    test('indicators of every type, with units, direction and tentative', async () => {
        const file = await parse(`
            indicator a "A" : distance in nm worse when lower
            indicator b "B" : duration worse when higher tentative
            indicator c "C" : speed in kn
            indicator d "D" : count worse when higher
            indicator e "E" : percent
            indicator f "F" : flag tentative
            indicator g "G" : scale Low < Mid < High
            indicator h "H" : one of North, South
            indicator count "Named like a type" : count
        `);
        const indicators = file.declarations.filter(ast.isIndicator);
        expect(indicators.map(i => [i.name, i.type.$type, i.direction, i.tentative])).toEqual([
            ['a', 'QuantityType', 'lower', false],
            ['b', 'QuantityType', 'higher', true],
            ['c', 'QuantityType', undefined, false],
            ['d', 'CountType', 'higher', false],
            ['e', 'QuantityType', undefined, false],
            ['f', 'FlagType', undefined, true],
            ['g', 'ScaleType', undefined, false],
            ['h', 'ChoiceType', undefined, false],
            ['count', 'CountType', undefined, false],
        ]);
        expect((indicators[0].type as ast.QuantityType).unit).toBe('nm');
        expect((indicators[6].type as ast.ScaleType).members.map(m => m.name)).toEqual(['Low', 'Mid', 'High']);
    });

    test('the ladder, thresholds and red lines with their block in either order', async () => {
        const p = await parseProtocol(`
            threshold T1 "Art. 1": separation < 2 nm -> Concern
            threshold T2: radarLock -> Alert
            redline R1 "Art. 7": radarLock and separation < 1 km -> Crisis {
                consequence "Suspension"
                disclosure public
            }
            redline R2: share > 90 % -> Crisis { disclosure confidential consequence "Sanctions" }
            redline R3: vessels > 10 -> Crisis
        `);
        expect(p.members.find(ast.isLadder)!.levels.map(l => l.name)).toEqual(['Routine', 'Concern', 'Alert', 'Crisis']);
        const rules = p.members.filter(ast.isRule);
        expect(rules.map(r => [r.$type, r.name, r.citation, r.level.$refText])).toEqual([
            ['Threshold', 'T1', 'Art. 1', 'Concern'],
            ['Threshold', 'T2', undefined, 'Alert'],
            ['Redline', 'R1', 'Art. 7', 'Crisis'],
            ['Redline', 'R2', undefined, 'Crisis'],
            ['Redline', 'R3', undefined, 'Crisis'],
        ]);
        const redlines = rules.filter(ast.isRedline);
        expect(redlines.map(r => [r.consequence?.text, r.disclosure])).toEqual([
            ['Suspension', 'public'], ['Sanctions', 'confidential'], [undefined, undefined],
        ]);
    });

    test('responses with within, and steps with every clause', async () => {
        const p = await parseProtocol(`
            response Alert within 4 h {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 15 min
                step check: UN verifies within 1 h after call
                step act: Aland.Fleet intercepts Borea.Fleet within 2 h after call, check if unresolved authorized by Aland.MoD cites "UN Charter, Art. 51"
            }
            response Concern {
                step note: Aland notifies Borea within 1 d
            }
        `);
        const [alert, concern] = p.members.filter(ast.isResponse);
        expect([alert.within?.number, alert.within?.unit, concern.within]).toEqual(['4', 'h', undefined]);
        const act = alert.steps[2];
        expect({
            actor: act.actor.$cstNode?.text, verb: act.verb.builtin, counterpart: act.counterpart?.$cstNode?.text, within: `${act.within?.number} ${act.within?.unit}`,
            after: act.after.map(a => a.$refText), ifUnresolved: act.ifUnresolved, authorizedBy: act.authorizedBy?.$cstNode?.text, citation: act.legalBasis,
        }).toEqual({
            actor: 'Aland.Fleet', verb: 'intercepts', counterpart: 'Borea.Fleet', within: '2 h',
            after: ['call', 'check'], ifUnresolved: true, authorizedBy: 'Aland.MoD', citation: 'UN Charter, Art. 51',
        });
        expect(alert.steps[1].counterpart).toBeUndefined();
        expect(concern.steps[0].actor.$cstNode?.text).toBe('Aland');
    });

    test('every verb of every class', async () => {
        const verbs = ['notifies', 'consults', 'requests', 'explains', 'acknowledges', 'verifies', 'inspects', 'mediates', 'convenes',
            'discloses', 'withdraws', 'suspends', 'pauses', 'intercepts', 'deploys', 'engages'];
        const steps = verbs.map((verb, i) => `step s${i}: Aland.MoD ${verb} Borea.MoD within 1 h authorized by Aland.MoD cites "x"`).join('\n');
        const p = await parseProtocol(`response Alert { ${steps} }`);
        expect(p.members.find(ast.isResponse)!.steps.map(s => s.verb.builtin)).toEqual(verbs);
    });

    test('de-escalations, with and without a hold time', async () => {
        const p = await parseProtocol(`
            deescalate Alert to Concern when separation >= 3 nm and not radarLock for 1 h
            deescalate Concern to Routine when separation >= 5 nm
        `);
        const [first, second] = p.members.filter(ast.isDeescalation);
        expect([first.from.$refText, first.to.$refText, first.holdFor?.number, first.holdFor?.unit]).toEqual(['Alert', 'Concern', '1', 'h']);
        expect(second.holdFor).toBeUndefined();
    });

    test('scenarios with given, exact and bounded expectations, and steps', async () => {
        const p = await parseProtocol(`
            response Concern { step inform: Aland.MoD notifies Borea.MoD within 1 h }
            scenario "exact" { given separation = 1.5 nm, radarLock = false expect Concern steps inform }
            scenario "lower bound" { given radarLock expect at least Alert }
            scenario "upper bound" { expect at most Crisis }
        `);
        const scenarios = p.members.filter(ast.isScenario);
        expect(scenarios.map(s => [s.name, s.given.length, s.bound, s.level?.$refText, s.steps.map(x => x.$refText)])).toEqual([
            ['exact', 2, undefined, 'Concern', ['inform']],
            ['lower bound', 1, 'least', 'Alert', []],
            ['upper bound', 0, 'most', 'Crisis', []],
        ]);
    });

    test('conditions: comparisons, between, in, not in, bare flags', async () => {
        const p = await parseProtocol(`
            threshold A: separation < 2 nm -> Concern
            threshold B: separation <= 2nm -> Concern
            threshold C: elapsed > 30 min -> Concern
            threshold D: closing >= 20 kn -> Concern
            threshold E: vessels = 3 -> Concern
            threshold F: share != 50 % -> Concern
            threshold G: separation between 1 km and 2 km -> Concern
            threshold H: zone in {North, Strait} -> Concern
            threshold I: zone not in {South} -> Concern
            threshold J: radarLock -> Concern
            threshold K: posture >= Exercise -> Concern
        `);
        const types = p.members.filter(ast.isRule).map(r => r.condition.$type);
        expect(types).toEqual(['Comparison', 'Comparison', 'Comparison', 'Comparison', 'Comparison', 'Comparison',
            'Between', 'Membership', 'Membership', 'FlagTest', 'Comparison']);
        const b = conditionOf(p, 'B') as ast.Comparison;
        expect([b.operator, (b.value as ast.Quantity).number, (b.value as ast.Quantity).unit]).toEqual(['<=', '2', 'nm']);
        expect((conditionOf(p, 'I') as ast.Membership).negated).toBe(true);
    });

    test('`and` binds tighter than `or`, `not` tighter than both; parentheses group', async () => {
        const p = await parseProtocol(`
            threshold A: radarLock or separation < 1 km and not zone = North -> Concern
            threshold B: (radarLock or separation < 1 km) and vessels > 2 -> Concern
            threshold C: separation between 1 km and 2 km and radarLock -> Concern
        `);
        const a = conditionOf(p, 'A');
        expect(a.$type).toBe('Or');
        const right = (a as ast.Or).right as ast.And;
        expect([right.$type, right.left.$type, right.right.$type, (right.right as ast.Not).operand.$type]).toEqual(['And', 'Comparison', 'Not', 'Comparison']);
        const b = conditionOf(p, 'B') as ast.And;
        expect([b.$type, b.left.$type]).toEqual(['And', 'Or']);
        const c = conditionOf(p, 'C') as ast.And;
        expect([c.$type, c.left.$type, c.right.$type]).toEqual(['And', 'Between', 'FlagTest']);
    });

    test('protocol-level version and policy switches', async () => {
        const p = await parseProtocol('version "2.1"\nrequire reciprocity');
        expect(p.members.find(ast.isVersion)?.value).toBe('2.1');
        expect(p.members.find(ast.isRequirement)?.policy).toBe('reciprocity');
    });
});
