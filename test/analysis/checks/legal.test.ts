// force-without-legal-basis, force-without-authorization, preemptive-force, reciprocity.
import { describe, expect, test } from 'vitest';
import { findingsOf, protocol } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

describe('force-without-legal-basis', () => {
    test('a force step without `cites`', async () => {
        expect(await messages(`
            response Crisis { step check: UN verifies within 1 h step hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD }
        `, 'force-without-legal-basis')).toEqual([
            `Step 'hit' (Aland.Fleet engages) uses force without a legal basis; add cites "…" with the provision that allows it.`,
        ]);
    });

    test('near misses: force that cites its basis, and steps of other classes', async () => {
        expect(await messages(`
            response Crisis {
                step check: UN verifies within 1 h
                step hit: Aland.Fleet engages within 1 h after check authorized by Aland.MoD cites "UN Charter, Art. 51"
                step leave: Aland.Fleet withdraws within 1 h
            }
        `, 'force-without-legal-basis')).toEqual([]);
    });
});

describe('force-without-authorization', () => {
    test('no authorization, an organ without the power, and an organ of the other party', async () => {
        expect(await messages(`
            response Crisis {
                step a: Aland.Fleet intercepts within 1 h cites "x"
                step b: Aland.Fleet deploys within 1 h authorized by Aland.Fleet cites "x"
                step c: Borea.Fleet engages within 1 h authorized by Aland.MoD cites "x"
            }
        `, 'force-without-authorization')).toEqual([
            "Step 'a' uses force without an authorization; add authorized by Party.Organ, naming an organ that 'authorizes force'.",
            "Step 'b' uses force authorized by Aland.Fleet, which does not declare 'authorizes force'.",
            "Step 'c' uses force by Borea, authorized by Aland.MoD of another party.",
        ]);
    });

    test('near miss: the acting party’s own organ that authorizes force', async () => {
        expect(await messages(`
            response Crisis { step a: Aland.Fleet intercepts within 1 h authorized by Aland.MoD cites "x" }
        `, 'force-without-authorization')).toEqual([]);
    });
});

describe('preemptive-force', () => {
    test('force with no verification before it, even when one comes after', async () => {
        expect(await messages(`
            response Crisis {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
                step hit: Aland.Fleet intercepts within 1 h after call authorized by Aland.MoD cites "x"
                step check: UN verifies within 2 h after hit
            }
        `, 'preemptive-force')).toEqual([
            "Step 'hit' uses force with no verification before it: no step that verifies or inspects comes before it through 'after'. " +
            'Without verification, force is preemptive rather than preventive.',
        ]);
    });

    test('near miss: a verification two `after` hops before the force step', async () => {
        expect(await messages(`
            response Crisis {
                step look: UN inspects within 30 min
                step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min after look
                step hit: Aland.Fleet intercepts within 1 h after call authorized by Aland.MoD cites "x"
            }
        `, 'preemptive-force')).toEqual([]);
    });
});

describe('reciprocity', () => {
    const required = (steps: string) => `require reciprocity\nresponse Alert { ${steps} }`;

    test('an obligation of one party towards the other without its mirror', async () => {
        expect(await messages(required(`
            step tell: Aland.MoD notifies Borea.MoD via Hotline within 1 h
        `), 'reciprocity')).toEqual([
            "Step 'tell' (Aland.MoD notifies Borea.MoD via Hotline) at Alert has no mirror: no step there in which Borea notifies Aland, " +
            "as 'require reciprocity' demands.",
        ]);
    });

    test('the mirror is per step: the same verb, not merely one of the same class', async () => {
        expect(await messages(required(`
            step tell: Aland.MoD notifies Borea.MoD via Hotline within 1 h
            step answer: Borea.MoD acknowledges Aland.MoD via Hotline within 1 h
        `), 'reciprocity').then(found => found.map(m => m.split(' (')[0]))).toEqual(["Step 'tell'", "Step 'answer'"]);
    });

    test('steps towards nobody count: only one party intercepts, only the other withdraws', async () => {
        expect(await messages(required(`
            step hit: Aland.Fleet intercepts within 1 h
            step leave: Borea.Fleet withdraws within 1 h
        `), 'reciprocity')).toEqual([
            "Step 'hit' (Aland.Fleet intercepts) at Alert has no mirror: no step there in which Borea intercepts, as 'require reciprocity' demands.",
            "Step 'leave' (Borea.Fleet withdraws) at Alert has no mirror: no step there in which Aland withdraws, as 'require reciprocity' demands.",
        ]);
    });

    test('a mirror at another level does not count', async () => {
        expect(await messages(`require reciprocity
            response Concern { step tell: Aland.MoD notifies Borea.MoD within 1 h }
            response Alert { step tell: Borea.MoD notifies Aland.MoD within 1 h }
        `, 'reciprocity')).toHaveLength(2);
    });

    test('near misses: mirrors with other organs, channels and deadlines, towards the party or towards nobody; mediators; no requirement', async () => {
        expect(await messages(required(`
            step tell: Aland.MoD notifies Borea.MoD via Hotline within 1 h
            step back: Borea.Fleet notifies Aland.Fleet within 2 h
            step hit: Aland.Fleet intercepts within 1 h
            step hitBack: Borea.Fleet intercepts Aland.Fleet within 1 h
            step leave: Aland.Fleet withdraws Borea within 1 h
            step leaveToo: Borea withdraws within 1 h
            step mediate: UN mediates Aland within 1 d
        `), 'reciprocity')).toEqual([]);
        expect(await messages(`response Alert { step tell: Aland.MoD notifies Borea.MoD via Hotline within 1 h }`, 'reciprocity')).toEqual([]);
    });

    // A party the protocol does not bind may be addressed but may not act: it owes no mirror. Addressed by one bound
    // party, it is a third actor, and the mirror is the other bound party's step towards it.
    describe('towards a party the protocol does not bind', () => {
        const withCoria = (steps: string) => protocol(`
            between Aland, Borea
            require reciprocity
            response Alert { ${steps} }
        `).replace('    mediator UN', '    party Coria "Coria" { organ MoD "Ministry of Defence" }\n    mediator UN');

        test('mirrored by the other bound party towards it, not by the party itself', async () => {
            expect((await findingsOf(withCoria(`
                step tell: Aland.MoD notifies Coria.MoD within 1 h
                step tellToo: Borea.MoD notifies Coria.MoD within 1 h
            `), 'reciprocity')).map(f => f.message)).toEqual([]);
        });

        test('without that mirror: the other bound party is named, not the party addressed', async () => {
            expect((await findingsOf(withCoria(`
                step tell: Aland.MoD notifies Coria.MoD within 1 h
            `), 'reciprocity')).map(f => f.message)).toEqual([
                "Step 'tell' (Aland.MoD notifies Coria.MoD) at Alert has no mirror: no step there in which Borea notifies Coria.MoD, as 'require reciprocity' demands.",
            ]);
        });

        test('written with a role, and written out party by party, alike', async () => {
            const written = await findingsOf(withCoria(`
                step tell: Testing.MoD notifies Coria.MoD within 1 h
            `).replace('    between', '    role Testing "the Party conducting the test"\n    between'), 'reciprocity');
            expect(written).toEqual([]);
        });
    });
});
