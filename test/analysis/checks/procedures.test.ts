// deadline-exceeded, channel-latency, channel-endpoint, no-fallback-channel.
import { describe, expect, test } from 'vitest';
import { findingsOf, protocol } from '../../helpers.js';

const messages = async (body: string, code: string) => (await findingsOf(protocol(body), code)).map(f => f.message);

describe('deadline-exceeded', () => {
    test('the step where the critical path first runs past the response, naming the path', async () => {
        expect(await messages(`
            response Alert within 96 h {
                step call:    Aland.MoD notifies Borea.MoD via Hotline within 15 min
                step verify:  UN verifies within 24 h after call
                step mediate: UN mediates within 72 h after verify if unresolved
                step report:  UN explains Aland within 1 h after mediate
            }
        `, 'deadline-exceeded')).toEqual([
            "Step 'mediate' is due 4 d 15 min after entering Alert (call 15 min → verify 1 d → mediate 3 d), later than the response's 4 d.",
        ]);
    });

    test('the latest of several `after` steps sets the deadline', async () => {
        expect(await messages(`
            response Alert within 2 h {
                step a: UN verifies within 30 min
                step b: UN verifies within 90 min
                step c: UN mediates within 31 min after a, b
            }
        `, 'deadline-exceeded')).toEqual([
            "Step 'c' is due 2 h 1 min after entering Alert (b 1 h 30 min → c 31 min), later than the response's 2 h.",
        ]);
    });

    test('near misses: a deadline exactly at the limit, and a response without `within`', async () => {
        expect(await messages(`
            response Alert within 2 h {
                step a: UN verifies within 30 min
                step b: UN mediates within 90 min after a
            }
            response Crisis {
                step c: UN verifies within 30 d
            }
        `, 'deadline-exceeded')).toEqual([]);
    });
});

describe('channel-latency', () => {
    test('a channel slower than the step it carries', async () => {
        expect(await messages(`
            response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 2 min }
        `, 'channel-latency')).toEqual([
            "Step 'call' must be done within 2 min, but Hotline takes 5 min to deliver.",
        ]);
    });

    test('near miss: a latency equal to the step’s `within` is fine', async () => {
        expect(await messages(`
            response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min }
        `, 'channel-latency')).toEqual([]);
    });
});

describe('channel-endpoint', () => {
    test('a channel between the ministries used by the fleets', async () => {
        expect(await messages(`
            response Alert { step call: Aland.Fleet notifies Borea.Fleet via Hotline within 1 h }
        `, 'channel-endpoint')).toEqual([
            "Hotline links Aland.MoD and Borea.MoD; it does not connect Aland.Fleet and Borea.Fleet as step 'call' requires.",
        ]);
    });

    test('both ends must be used: a step within one party', async () => {
        expect(await messages(`
            response Alert { step tell: Aland.MoD notifies Aland.MoD via Hotline within 1 h }
        `, 'channel-endpoint')).toHaveLength(1);
    });

    test('near misses: either direction, party ends reach their organs, mediators, steps without counterpart', async () => {
        expect(await messages(`
            channel Embassy "Embassies" links Aland, Borea latency 1 h
            channel Desk "UN desk" links UN, Borea.MoD
            response Alert {
                step a: Borea.MoD notifies Aland.MoD via Hotline within 1 h
                step b: Aland.Fleet notifies Borea.Fleet via Embassy within 2 h
                step c: Aland notifies Borea.MoD via Embassy within 2 h
                step d: UN consults Borea.MoD via Desk within 1 h
                step e: Borea.MoD requests UN via Desk within 1 h
                step f: Aland.MoD explains via Hotline within 1 h
            }
        `, 'channel-endpoint')).toEqual([]);
    });
});

describe('no-fallback-channel', () => {
    test('a channel of the most severe level without a fallback, reported once', async () => {
        expect(await messages(`
            response Crisis {
                step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min
                step again: Aland.MoD notifies Borea.MoD via Hotline within 10 min
            }
        `, 'no-fallback-channel')).toEqual([
            "Step 'call', due at the most severe level, Crisis, relies on Hotline, which has no fallback: if it fails in a crisis, the step cannot be taken.",
        ]);
    });

    test('near misses: a fallback declared, or the channel used only below the most severe level', async () => {
        expect(await messages(`
            channel Notes "Notes" links Aland, Borea latency 1 d
            channel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Notes
            response Alert { step call: Aland.MoD notifies Borea.MoD via Hotline within 5 min }
            response Crisis { step call: Aland.MoD notifies Borea.MoD via Line within 5 min }
        `, 'no-fallback-channel')).toEqual([]);
    });
});

describe('fallback-latency', () => {
    test('a 5-minute call that falls back, through a chain, to 24-hour notes', async () => {
        const found = await findingsOf(protocol(`
            channel Notes "Diplomatic notes" links Aland, Borea latency 24 h
            channel Radio "Radio" links Aland.MoD, Borea.MoD latency 2 min fallback Notes
            channel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Radio
            response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 5 min }
        `), 'fallback-latency');
        expect(found.map(f => f.message)).toEqual([
            "Step 'call' must be done within 5 min, but should Line fail, it falls back (Line → Radio → Notes) to Notes, which takes 1 d to deliver.",
        ]);
        expect(found[0].related?.map(r => r.message)).toEqual(['Notes has a latency of 1 d']);
    });

    test('near misses: fallbacks fast enough, or a step with time to spare', async () => {
        expect(await messages(`
            channel Notes "Diplomatic notes" links Aland, Borea latency 24 h
            channel Radio "Radio" links Aland.MoD, Borea.MoD latency 2 min
            channel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Radio
            channel Slow "Slow" links Aland.MoD, Borea.MoD latency 1 min fallback Notes
            response Alert {
                step call: Aland.MoD notifies Borea.MoD via Line within 5 min
                step write: Aland.MoD notifies Borea.MoD via Slow within 2 d
            }
        `, 'fallback-latency')).toEqual([]);
    });
});

describe('fallback-endpoint', () => {
    test('a fallback between the fleets for a call between the defence ministries', async () => {
        expect(await messages(`
            channel Radio "Radio" links Aland.Fleet, Borea.Fleet latency 1 h
            channel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Radio
            response Alert { step call: Aland.MoD notifies Borea.MoD via Line within 5 h }
        `, 'fallback-endpoint')).toEqual([
            "Should Line fail, step 'call' falls back (Line → Radio) to Radio, which links Aland.Fleet and Borea.Fleet: it does not connect Aland.MoD and Borea.MoD.",
        ]);
    });

    test('near misses: a fallback between the parties reaches their organs; a cycle of fallbacks ends', async () => {
        expect(await messages(`
            channel Notes "Diplomatic notes" links Aland, Borea latency 1 h fallback Line
            channel Line "Line" links Aland.MoD, Borea.MoD latency 1 min fallback Notes
            response Alert { step call: Borea.MoD notifies Aland.MoD via Line within 5 h }
        `, 'fallback-endpoint')).toEqual([]);
    });
});
