// The meaning of a replay at every boundary (docs/replay.md): thresholds, unknown indicators, off-ramp holds,
// deadlines, pre-notifications, included and rule responses, counts of events, roles, scope, periodic duties.
import { beforeAll, describe, expect, test } from 'vitest';
import { protocol, protocolModel } from '../helpers.js';
import type { Protocol } from '../../src/model/protocol.js';
import { equals, rational, toExactString } from '../../src/model/rational.js';
import { compliant } from '../../src/replay/replay.js';
import { ONE_NANOSECOND, at, exampleProtocol, iso, levels, replayRows } from './replay-helpers.js';

const LADDER = protocol(`
    threshold Close "Art. 1": separation < 2 nm -> Concern
    threshold Lock: radarLock -> Alert
    threshold Both: separation < 500 m and posture = Deployment -> Crisis
    response Concern within 2 h {
        step inform: Aland.MoD notifies Borea.MoD via Hotline within 30 min
        step mediate: UN mediates within 1 h after inform if unresolved
    }
    response Alert within 4 h includes Concern {
        step call: Aland.MoD notifies Borea.MoD via Hotline within 15 min
        step verify: UN verifies within 1 h after call
    }
    response to Lock within 1 h {
        step logLock: Borea.MoD notifies Aland.MoD via Hotline within 10 min
    }
    deescalate Alert to Concern when not radarLock for 1 h
    deescalate Concern to Routine when separation >= 5 nm for 6 h after inform
`);

let ladder: Protocol;
beforeAll(async () => {
    ladder = await protocolModel(LADDER);
});

describe('levels', () => {
    test('an observation exactly at a threshold does not cross it; just below it does', () => {
        const atThreshold = replayRows(ladder, [`${at('10:00:00')},observe,separation,3704 m,`, `${at('11:00:00')},observe,separation,3704 m,`]);
        expect(levels(atThreshold)).toEqual(['10:00:00 Routine']);
        const below = replayRows(ladder, [`${at('10:00:00')},observe,separation,3703.999 m,`, `${at('11:00:00')},observe,separation,3703.999 m,`]);
        expect(levels(below)).toEqual(['10:00:00 Routine', '10:00:00 Concern']);
        expect(below.changes[1].cause).toMatchObject({ kind: 'rules', rules: [{ name: 'Close' }] });
    });

    test('unknown indicators: a rule that depends on one does not hold, unless the known values decide it', () => {
        // `separation < 500 m and posture = Deployment`: posture unknown, so Both does not hold.
        const unknown = replayRows(ladder, [`${at('10:00:00')},observe,separation,100 m,`]);
        expect(unknown.changes.map(c => c.to?.name)).toEqual(['Routine', 'Concern']);
        // `false and unknown` is false, `true or unknown` is true (three-valued logic).
        const decided = replayRows(ladder, [`${at('10:00:00')},observe,separation,100 m,`, `${at('10:05:00')},observe,posture,Deployment,`]);
        expect(decided.changes.map(c => c.to?.name)).toEqual(['Routine', 'Concern', 'Crisis']);
    });

    test('escalation is immediate; a de-escalation waits for its hold, to the second', () => {
        const result = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:30:00')},observe,radarLock,false,`,
            `${at('12:00:00')},observe,radarLock,false,`,
        ]);
        // Alert to Concern after the hold; Concern's own off-ramp needs separation, still unknown.
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:00:00 Alert', '11:30:00 Concern']);
        expect(result.changes[2].cause).toMatchObject({ kind: 'offramp', deescalation: { from: 'Alert', to: 'Concern' } });
        expect(result.changes[2].to?.name).toBe('Concern');
    });

    test('an off-ramp whose hold is interrupted one second before it completes does not step down; the next full hold does', () => {
        const result = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:00:00')},observe,separation,10 km,`,
            `${at('10:30:00')},observe,radarLock,false,`,
            `${at('11:29:59')},observe,radarLock,true,`,
            `${at('11:30:00')},observe,radarLock,false,`,
            `${at('12:29:59')},observe,radarLock,false,`,
        ]);
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:00:00 Alert']);
        const longer = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:30:00')},observe,radarLock,false,`,
            `${at('11:29:59')},observe,radarLock,true,`,
            `${at('11:30:00')},observe,radarLock,false,`,
            `${at('12:30:00')},observe,separation,10 km,`,
        ]);
        expect(levels(longer)).toEqual(['10:00:00 Routine', '10:00:00 Alert', '12:30:00 Concern']);
    });

    test('a record at the very instant a hold completes counts: ending the condition breaks the hold', () => {
        const broken = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:30:00')},observe,radarLock,false,`,
            `${at('11:30:00')},observe,radarLock,true,`,
        ]);
        expect(levels(broken)).toEqual(['10:00:00 Routine', '10:00:00 Alert']);
    });

    test('an off-ramp waits for its `after` steps: it steps down when the last of them is done', () => {
        const result = replayRows(ladder, [
            `${at('10:00:00')},observe,separation,1 nm,`,
            `${at('10:10:00')},observe,separation,6 nm,`,
            `${at('17:00:00')},done,inform,,`,
            `${at('18:00:00')},observe,separation,6 nm,`,
        ]);
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:00:00 Concern', '17:00:00 Routine']);
    });

    test('the hold of an off-ramp counts from entering its level, not from before', () => {
        // radarLock false from 10:00; Alert entered at 10:30 by... nothing: use separation for Concern, then a lock.
        const result = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,false,`,
            `${at('10:30:00')},observe,radarLock,true,`,
            `${at('10:30:01')},observe,radarLock,false,`,
            `${at('11:30:00')},observe,radarLock,false,`,
            `${at('11:30:01')},observe,radarLock,false,`,
        ]);
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:30:00 Alert', '11:30:01 Concern']);
    });

    test('outside the scope there is no level; back inside, the level is entered again', async () => {
        const scoped = await protocolModel(protocol(`
    scope "Art. 0": zone != Strait
    threshold Close: separation < 2 nm -> Concern
    response Concern within 2 h { step inform: Aland.MoD notifies Borea.MoD via Hotline within 30 min }
`));
        const result = replayRows(scoped, [
            `${at('10:00:00')},observe,separation,1 nm,`,
            `${at('10:10:00')},observe,zone,Strait,`,
            `${at('10:20:00')},observe,zone,North,`,
            `${at('10:25:00')},done,inform,,`,
            `${at('12:00:00')},done,inform,,`,
        ]);
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:00:00 Concern', '10:10:00 -', '10:20:00 Concern']);
        expect(result.changes[2].cause).toMatchObject({ kind: 'scope', inside: false });
        expect(result.obligations.map(o => `${iso(o.due).slice(11, 19)} ${o.status}`)).toEqual(['10:00:00 on time', '10:20:00 late']);
    });
});

describe('deadlines', () => {
    const escalate = `${at('10:00:00')},observe,separation,1 nm,`;

    test('a step done exactly at its deadline is on time; one second later it is late by one second', () => {
        const onTime = replayRows(ladder, [escalate, `${at('10:30:00')},done,inform,,`]);
        expect(onTime.obligations.find(o => o.name === 'inform')).toMatchObject({ status: 'on time' });
        const late = replayRows(ladder, [escalate, `${at('10:30:01')},done,inform,,`]);
        const inform = late.obligations.find(o => o.name === 'inform')!;
        expect(inform.status).toBe('late');
        expect(toExactString(inform.lateBy!)).toBe('1');
        expect(compliant(late)).toBe(false);
    });

    test('time is exact to the nanosecond', () => {
        const late = replayRows(ladder, [escalate, `2026-03-01T10:30:00.000000001Z,done,inform,,`]);
        expect(equals(late.obligations.find(o => o.name === 'inform')!.lateBy!, ONE_NANOSECOND)).toBe(true);
        const zoned = replayRows(ladder, ['2026-03-01T12:00:00+02:00,observe,separation,1 nm,', '2026-03-01T11:30:00+01:00,done,inform,,']);
        expect(zoned.obligations.find(o => o.name === 'inform')!.status).toBe('on time');
        expect(zoned.zone).toBe('+02:00');
    });

    test('a step with `after` has its absolute deadline: the chain from entering the level', () => {
        const result = replayRows(ladder, [escalate, `${at('10:05:00')},done,inform,,`, `${at('11:31:00')},observe,separation,1 nm,`]);
        const mediate = result.obligations.find(o => o.name === 'mediate')!;
        expect(iso(mediate.deadline!)).toBe(at('11:30:00'));
        expect(mediate.status).toBe('missing');
    });

    test('a deadline after the end of the log is pending, not missing', () => {
        const result = replayRows(ladder, [escalate, `${at('10:29:59')},observe,separation,1 nm,`]);
        expect(result.obligations.find(o => o.name === 'inform')!.status).toBe('pending');
        expect(compliant(result)).toBe(true);
        const atEnd = replayRows(ladder, [escalate, `${at('10:30:00')},observe,separation,1 nm,`]);
        expect(atEnd.obligations.find(o => o.name === 'inform')!.status).toBe('missing');
    });

    test('an `if unresolved` step lapses when its level is left before its deadline, and is missing when left after', () => {
        const resolved = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:00:30')},observe,radarLock,false,`,
            `${at('10:05:00')},done,inform,,`,
            `${at('10:05:00')},done,call,,`,
            `${at('10:06:00')},done,verify,,`,
            `${at('10:07:00')},done,logLock,,`,
            `${at('12:00:00')},observe,radarLock,false,`,
        ]);
        expect(levels(resolved)).toEqual(['10:00:00 Routine', '10:00:00 Alert', '11:00:30 Concern']);
        expect(resolved.obligations.find(o => o.name === 'mediate')).toMatchObject({ status: 'not required' });
        expect(compliant(resolved)).toBe(true);
        const unresolved = replayRows(ladder, [
            escalate,
            `${at('10:01:00')},observe,separation,6 nm,`,
            `${at('10:02:00')},done,inform,,`,
            `${at('16:01:00')},observe,separation,6 nm,`,
        ]);
        expect(levels(unresolved)).toEqual(['10:00:00 Routine', '10:00:00 Concern', '16:01:00 Routine']);
        expect(unresolved.obligations.find(o => o.name === 'mediate')).toMatchObject({ status: 'missing' });
    });

    test('included responses are due from entering the level, each with its own deadline; a rule response from when its rule starts to hold', () => {
        const result = replayRows(ladder, [`${at('10:00:00')},observe,radarLock,true,`, `${at('10:00:00')},observe,separation,10 km,`, `${at('12:00:00')},observe,radarLock,true,`]);
        expect(result.obligations.map(o => `${o.name} ${iso(o.deadline!).slice(11, 19)} ${o.reason.kind}`)).toEqual([
            'logLock 10:10:00 rule',
            'call 10:15:00 level',
            'verify 11:15:00 level',
            'inform 10:30:00 level',
            'mediate 11:30:00 level',
        ]);
    });

    test('records of one instant take effect together: a step done at the instant it becomes due is on time, whatever the line order', () => {
        const result = replayRows(ladder, [`${at('10:00:00')},done,inform,,`, escalate]);
        expect(result.obligations.find(o => o.name === 'inform')!.status).toBe('on time');
        // Done before it was due: it discharges nothing.
        const early = replayRows(ladder, [`${at('09:59:59')},done,inform,,`, escalate, `${at('11:00:00')},observe,separation,1 nm,`]);
        expect(early.obligations.find(o => o.name === 'inform')!.status).toBe('missing');
        expect(early.done[0].obligation).toBeUndefined();
    });

    test('a step due twice (two entries into the level) is discharged in the order it fell due', () => {
        const result = replayRows(ladder, [
            `${at('10:00:00')},observe,radarLock,true,`,
            `${at('10:01:00')},observe,radarLock,false,`,
            `${at('11:02:00')},observe,radarLock,true,`,
            `${at('11:03:00')},done,call,,`,
            `${at('11:04:00')},done,call,,`,
        ]);
        expect(levels(result)).toEqual(['10:00:00 Routine', '10:00:00 Alert', '11:01:00 Concern', '11:02:00 Alert']);
        expect(result.obligations.filter(o => o.name === 'logLock').length).toBe(2);
        expect(result.obligations.filter(o => o.name === 'call').map(o => o.status)).toEqual(['late', 'on time']);
    });
});

describe('duties, roles and events', () => {
    let example: Protocol;
    beforeAll(async () => {
        example = await exampleProtocol();
    });
    const start = [
        `${at('08:00:00')},bind,Testing,,Aland`,
        `${at('08:00:00')},bind,Notified,,Borea`,
        `${at('08:00:00')},observe,impactDistance,120 km,`,
    ];

    test('a pre-notification given exactly its lead before the event is on time; one second later it is short by one second', () => {
        const onTime = replayRows(example, [...start, '2026-03-02T09:00:00Z,done,notify,,Aland', '2026-03-05T09:00:00Z,event,launch,,Aland']);
        expect(onTime.obligations.find(o => o.name === 'notify')).toMatchObject({ status: 'on time', party: 'Aland' });
        const short = replayRows(example, [...start, '2026-03-02T09:00:01Z,done,notify,,Aland', '2026-03-05T09:00:00Z,event,launch,,Aland']);
        const notify = short.obligations.find(o => o.name === 'notify')!;
        expect(notify.status).toBe('late');
        expect(toExactString(notify.lateBy!)).toBe('1');
        const none = replayRows(example, [...start, '2026-03-05T09:00:00Z,event,launch,,Aland']);
        expect(none.obligations.find(o => o.name === 'notify')!.status).toBe('missing');
    });

    test('each notification counts for one occurrence of the event', () => {
        const result = replayRows(example, [...start, `${at('09:00:00')},done,notify,,`, '2026-03-05T09:00:00Z,event,launch,,Aland', '2026-03-09T09:00:00Z,event,launch,,Aland']);
        expect(result.obligations.filter(o => o.name === 'notify').map(o => o.status)).toEqual(['on time', 'missing']);
    });

    test('`each party` binds every bound party separately; the acting party is named in the done record', () => {
        const result = replayRows(example, [...start, `${at('10:00:00')},event,violation,,Borea`, `${at('10:30:00')},done,report,,Borea`, `${at('11:00:01')},done,report,,Aland`]);
        expect(result.obligations.filter(o => o.name === 'report').map(o => `${o.party} ${o.status} ${o.action}`)).toEqual([
            'Aland late Aland.MoD notifies Borea.MoD via Hotline',
            'Borea on time Borea.MoD notifies Aland.MoD via Hotline',
        ]);
    });

    test('roles are bound by bind records: the steps name the parties bound', () => {
        const result = replayRows(example, [
            `${at('08:00:00')},bind,Testing,,Borea`,
            `${at('08:00:00')},bind,Notified,,Aland`,
                `${at('09:00:00')},observe,impactDistance,10 km,`,
            `${at('09:00:00')},done,ask,,`,
            `${at('10:00:00')},observe,impactDistance,10 km,`,
        ]);
        expect(result.obligations.filter(o => o.kind === 'step').map(o => `${o.name} ${o.party} ${o.status} ${o.action}`)).toEqual([
            'ask Aland on time Aland.MoD requests Borea.MoD via Hotline',
            'answer Borea missing Borea.MoD explains Aland.MoD via Hotline',
        ]);
    });

    test('`count of E over D` counts the events within the window; one leaves it exactly D after it happened', () => {
        const violations = ['2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'].map(t => `${t},event,violation,,Borea`);
        const reports = violations.flatMap(v => [v.replace(',event,violation,,Borea', ',done,report,,Borea'), v.replace(',event,violation,,Borea', ',done,report,,Aland')]);
        const rows = [...start, ...violations, ...reports].sort();
        const result = replayRows(example, [...rows, '2026-03-08T09:00:00Z,observe,impactDistance,120 km,', '2026-03-12T12:00:00Z,observe,impactDistance,120 km,']);
        // Three violations within 7 days: Concern at the third. The first leaves the window exactly 7 d after it
        // happened, 2026-03-08T09:00:00Z, between two records; the off-ramp's hold of 1 d runs from then.
        expect(result.changes.map(c => `${iso(c.time)} ${c.to?.name}`)).toEqual([
            '2026-03-01T08:00:00Z Normal', '2026-03-03T09:00:00Z Concern', '2026-03-09T09:00:00Z Normal',
        ]);
        const early = replayRows(example, [...rows, '2026-03-09T08:59:59Z,observe,impactDistance,120 km,']);
        expect(early.changes.map(c => `${iso(c.time)} ${c.to?.name}`)).toEqual(['2026-03-01T08:00:00Z Normal', '2026-03-03T09:00:00Z Concern']);
    });

    test('a periodic duty is missed in each period without it; a date duty on its day', async () => {
        const periodic = await protocolModel(protocol(`
    threshold Close: separation < 2 nm -> Concern
    duty review: Aland.MoD consults Borea.MoD via Hotline every 1 d
    duty lists: Aland.MoD notifies Borea.MoD via Hotline on 2 March every year
`));
        const result = replayRows(periodic, [
            '2026-03-01T00:00:00Z,observe,separation,10 km,',
            '2026-03-01T12:00:00Z,done,review,,',
            '2026-03-03T12:00:00Z,done,review,,',
            '2026-03-07T00:00:00Z,done,review,,',
            '2026-03-07T12:00:00Z,observe,separation,10 km,',
        ]);
        expect(result.obligations.filter(o => o.name === 'review').map(o => `${iso(o.deadline!)} ${o.status}${o.reason.kind === 'period' && o.reason.periods > 1 ? ` x${o.reason.periods}` : ''}`)).toEqual([
            '2026-03-02T00:00:00Z on time',
            '2026-03-02T12:00:00Z late',
            '2026-03-04T12:00:00Z missing x2',
            '2026-03-06T12:00:00Z late',
            '2026-03-08T00:00:00Z pending',
        ]);
        expect(result.obligations.filter(o => o.name === 'lists').map(o => `${iso(o.due)} ${iso(o.deadline!)} ${o.status}`)).toEqual([
            '2026-03-02T00:00:00Z 2026-03-03T00:00:00Z missing',
        ]);
    });

    test('a count of events is known from the start of the log', () => {
        const result = replayRows(example, [...start]);
        expect(result.changes.length).toBe(1);
        expect(rational(0)).toBeDefined();
    });
});
