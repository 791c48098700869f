// Bad records are reported with their line, and nothing is guessed (docs/replay.md): the form of a record,
// its time, and its names against the protocol.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Protocol } from '../../src/model/protocol.js';
import { LogError, readLog } from '../../src/replay/log.js';
import { replay } from '../../src/replay/replay.js';
import { HEADER, at, exampleProtocol } from './replay-helpers.js';

let example: Protocol;
beforeAll(async () => {
    example = await exampleProtocol();
});

/** The problems of a CSV log (header added), as `line: message`. */
function problems(rows: readonly string[], header = HEADER): string[] {
    try {
        replay(example, readLog([header, ...rows].join('\n'), 'csv'));
    } catch (error) {
        if (error instanceof LogError) return error.problems.map(p => `${p.line}: ${p.message}`);
        throw error;
    }
    return [];
}

const fine = `${at('08:00:00')},observe,impactDistance,120 km,`;

describe('bad records', () => {
    test.each([
        ['an unknown indicator', `${at('09:00:00')},observe,impact,120 km,`, /^3: unknown indicator 'impact'; TestNotification has impactDistance, violations$/],
        ['a value of the wrong unit', `${at('09:00:00')},observe,impactDistance,12 h,`, /^3: impactDistance: 'h' is a unit of duration, but a distance takes m, km, nm, ft or mi$/],
        ['a value without its unit', `${at('09:00:00')},observe,impactDistance,12,`, /^3: impactDistance: a distance needs a unit/],
        ['a value that is not a number', `${at('09:00:00')},observe,impactDistance,far,`, /^3: impactDistance is a distance: 'far' is not a number with a unit$/],
        ['an observed count of events', `${at('09:00:00')},observe,violations,3,`, /^3: violations counts the events violation: record each as 'event', not the count$/],
        ['an unknown event', `${at('09:00:00')},event,crash,,`, /^3: unknown event 'crash'; TestNotification has launch, violation$/],
        ['an event of an unknown party', `${at('09:00:00')},event,launch,,Coria`, /^3: unknown party 'Coria'/],
        ['an unknown step or duty', `${at('09:00:00')},done,apologise,,`, /^3: unknown step or duty 'apologise'; TestNotification has ask, answer, warn, suspend, notify, report$/],
        ['a step of an unknown response', `${at('09:00:00')},done,Alert.ask,,`, /^3: no response of TestNotification is named 'Alert'/],
        ['a step its response does not have', `${at('09:00:00')},done,Breach.ask,,`, /^3: the response Breach has no step 'ask' \(it has warn, suspend\)$/],
        ['an unknown role', `${at('09:00:00')},bind,Tester,,Aland`, /^3: unknown role 'Tester'; TestNotification has Testing, Notified$/],
        ['a role bound to an unbound party', `${at('09:00:00')},bind,Testing,,Coria`, /^3: Coria cannot stand for Testing: TestNotification binds only Aland, Borea$/],
        ['a done record of an unbound party', `${at('09:00:00')},done,notify,,Coria`, /^3: Coria is not a party bound by TestNotification/],
        ['a time out of order', `${at('07:59:59')},observe,impactDistance,120 km,`, /^3: time 2026-03-01T07:59:59Z is earlier than 2026-03-01T08:00:00Z on line 2: the log must be in time order$/],
        ['a time without a zone', '2026-03-01T09:00:00,observe,impactDistance,120 km,', /^3: '2026-03-01T09:00:00' has no UTC offset/],
        ['a date without a time', '2026-03-01,observe,impactDistance,120 km,', /^3: '2026-03-01' is not an ISO 8601 date and time with a zone/],
        ['an impossible date', '2026-02-30T09:00:00Z,observe,impactDistance,120 km,', /^3: '2026-02-30T09:00:00Z' is not a valid ISO 8601 time/],
        ['a leap second', '2026-03-01T23:59:60Z,observe,impactDistance,120 km,', /^3: '2026-03-01T23:59:60Z': leap seconds/],
        ['an unknown kind', `${at('09:00:00')},report,launch,,`, /^3: unknown kind 'report'; a record is one of observe, event, done, bind$/],
        ['an observation without a value', `${at('09:00:00')},observe,impactDistance,,`, /^3: observe impactDistance needs a value/],
        ['a value where none is taken', `${at('09:00:00')},event,launch,yes,`, /^3: event takes no value \(found 'yes'\)$/],
        ['a bind without its party', `${at('09:00:00')},bind,Testing,,`, /^3: bind Testing needs the party the role stands for$/],
        ['a record without a subject', `${at('09:00:00')},event,,,`, /^3: event needs a subject: an event$/],
        ['a line with too few fields', `${at('09:00:00')},event,launch`, /^3: not valid CSV/],
        ['an unclosed quote', `${at('09:00:00')},event,"launch,,`, /^3: not valid CSV/],
    ])('%s', (_, row, expected) => {
        const found = problems([fine, row]);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(expected);
    });

    test('a wrong header', () => {
        expect(problems([fine], 'time,kind,subject,value')).toEqual(["1: the header must name the columns time,kind,subject,value,party, not 'time,kind,subject,value'"]);
    });

    test('a log without records', () => {
        expect(problems([])).toEqual(['1: the log holds no records']);
    });

    test('every bad record is reported, each with its line', () => {
        expect(problems([fine, `${at('09:00:00')},observe,impact,1 km,`, fine.replace('08:00', '09:30'), `${at('10:00:00')},event,crash,,`]).map(p => p.split(':')[0]))
            .toEqual(['3', '5']);
    });

    describe('what only the replay can tell', () => {
        const bound = [`${at('08:00:00')},bind,Testing,,Aland`, `${at('08:00:00')},bind,Notified,,Borea`, fine];

        test.each([
            ['two roles bound to one party', [`${at('08:00:00')},bind,Testing,,Aland`, `${at('08:00:00')},bind,Notified,,Aland`], /^3: Aland already stands for Testing; different roles are different parties/],
            ['one role bound to two parties at once', [`${at('08:00:00')},bind,Testing,,Aland`, `${at('08:00:00')},bind,Testing,,Borea`], /^3: Testing is bound to Aland on line 2 and to Borea at the same instant$/],
            ['one indicator with two values at once', [fine, `${at('08:00:00')},observe,impactDistance,10 km,`], /^3: impactDistance is observed with two values at 2026-03-01T08:00:00Z \(also on line 2\)/],
            ['a step done by a party that is not in its role', [...bound, `${at('09:00:00')},done,ask,,Aland`], /^5: Notified stands for Borea at 2026-03-01T09:00:00Z, so ask is Borea's to do, not Aland's$/],
            ['a step of each party without the party', [...bound, `${at('09:00:00')},done,report,,`], /^5: report binds each party: name the party that acted \(Aland or Borea\)$/],
        ])('%s', (_, rows, expected) => {
            const found = problems(rows);
            expect(found).toHaveLength(1);
            expect(found[0]).toMatch(expected);
        });
    });
});

describe('JSON Lines', () => {
    function jsonProblems(lines: readonly string[]): string[] {
        try {
            readLog(lines.join('\n'), 'jsonl');
        } catch (error) {
            if (error instanceof LogError) return error.problems.map(p => `${p.line}: ${p.message}`);
            throw error;
        }
        return [];
    }

    test('reads the same records as CSV; blank lines are skipped, values may be JSON numbers and booleans', () => {
        const records = readLog([
            '{"time": "2026-03-01T08:00:00Z", "kind": "observe", "subject": "inDistress", "value": false}',
            '',
            '{"time": "2026-03-01T08:00:00Z", "kind": "bind", "subject": "Testing", "value": null, "party": "Aland"}',
        ].join('\n'), 'jsonl');
        expect(records.map(r => `${r.line} ${r.kind} ${r.subject} ${r.value} ${r.party}`)).toEqual(['1 observe inDistress false ', '3 bind Testing  Aland']);
    });

    test.each([
        ['not JSON', '{"time": ', /^1: not valid JSON/],
        ['not an object', '["2026-03-01T08:00:00Z", "event", "launch"]', /^1: each line must be a JSON object/],
        ['an unknown field', '{"time": "2026-03-01T08:00:00Z", "kind": "event", "subject": "launch", "who": "Aland"}', /^1: unknown field 'who'/],
        ['a field of the wrong type', '{"time": 1772352000, "kind": "event", "subject": "launch"}', /^1: the field 'time' must be a string$/],
    ])('%s', (_, line, expected) => {
        const found = jsonProblems([line]);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(expected);
    });
});
