// Replaying small logs through in-memory protocols.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { protocolModel } from '../helpers.js';
import type { Protocol } from '../../src/model/protocol.js';
import { type Rational, rational } from '../../src/model/rational.js';
import { readLog } from '../../src/replay/log.js';
import { type Replay, replay } from '../../src/replay/replay.js';
import { formatTime, parseTime } from '../../src/replay/time.js';

export const HEADER = 'time,kind,subject,value,party';

/** Replays CSV rows (without the header) through a protocol. */
export function replayRows(protocol: Protocol, rows: readonly string[]): Replay {
    return replay(protocol, readLog([HEADER, ...rows].join('\n') + '\n', 'csv'));
}

/** `10:00:00` on the tests' day, as a log time. */
export function at(time: string): string {
    return `2026-03-01T${time}Z`;
}

export function seconds(time: string): Rational {
    return parseTime(time.includes('T') ? time : at(time)).seconds;
}

export function iso(t: Rational): string {
    return formatTime(t);
}

export const EXAMPLE = path.resolve(__dirname, '../../examples/replay/test-notification.detente');

export async function exampleProtocol(): Promise<Protocol> {
    return protocolModel(fs.readFileSync(EXAMPLE, 'utf8'));
}

/** The level after each change, as `time level` (level `-` outside the scope). */
export function levels(result: Replay): string[] {
    return result.changes.map(c => `${iso(c.time).slice(11, 19)} ${c.to?.name ?? '-'}`);
}

export const ONE_NANOSECOND = rational(1, 1_000_000_000);
