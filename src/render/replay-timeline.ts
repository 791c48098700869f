// What a replay says, in time order and in words: shared by the text and HTML reports of `detente replay`.
import { formatDuration } from '../analysis/deadlines.js';
import type { Level } from '../model/protocol.js';
import { type Rational, compare } from '../model/rational.js';
import { conditionText, dutyTimingText, timingText } from '../model/syntax.js';
import type { LogRecord } from '../replay/log.js';
import type { Cause, DueObligation, LevelChange, Replay, Status } from '../replay/replay.js';
import { formatTime } from '../replay/time.js';

export type EntryKind = 'record' | 'level' | 'due' | 'done' | 'missed';

/** One line of the timeline. */
export interface Entry {
    readonly time: Rational;
    readonly kind: EntryKind;
    readonly text: string;
    /** The status it reports, for `done` and `missed` entries (and pre-notifications, reported at their event). */
    readonly status?: Status;
    readonly obligation?: DueObligation;
    readonly change?: LevelChange;
    readonly record?: LogRecord;
}

/** Within one instant: the records, then the level they lead to, the obligations then due, the actions, off-ramps, and deadlines passed. */
const PHASE: Record<EntryKind | 'offramp', number> = { record: 1, level: 2, due: 3, done: 4, offramp: 5, missed: 6 };

export function levelName(level: Level | undefined): string {
    return level ? `${level.name}${level.label !== level.name ? ` (${level.label})` : ''}` : 'no level';
}

export function causeText(change: LevelChange): string {
    const cause: Cause = change.cause;
    const rules = (list: readonly { name: string; citation?: string; kind: string }[]) =>
        list.map(rule => `${rule.kind === 'redline' ? 'red line ' : ''}${rule.name}${rule.citation ? ` (${rule.citation})` : ''}`).join(', ');
    switch (cause.kind) {
        case 'start': return 'at the start of the log';
        case 'rules': return `${rules(cause.rules)} ${cause.rules.length > 1 ? 'hold' : 'holds'}`;
        case 'scope': return cause.inside
            ? `back inside the scope${cause.rules.length ? `; ${rules(cause.rules)} ${cause.rules.length > 1 ? 'hold' : 'holds'}` : ''}`
            : `outside the scope (${cause.scopes.map(s => `${s.citation ? `${s.citation}: ` : ''}${conditionText(s.condition)}`).join('; ')} no longer holds)`;
        case 'offramp': {
            const d = cause.deescalation;
            const parts = [
                d.condition && `${conditionText(d.condition)}${d.holdFor ? ` held for ${formatDuration(d.holdFor.base)}` : ''}`,
                d.after.length > 0 && `after ${d.after.join(', ')}`,
            ].filter(Boolean);
            return `off-ramp ${d.from} to ${d.to}${d.citation ? ` (${d.citation})` : ''}: ${parts.join(', ')}`;
        }
    }
}

export function changeText(change: LevelChange): string {
    const arrow = change.cause.kind === 'start' ? '■' : !change.to ? '○' : !change.from || change.to.rank > change.from.rank ? '▲' : '▼';
    return `${arrow} ${change.cause.kind === 'start' ? 'level ' : ''}${levelName(change.to)}: ${causeText(change)}`;
}

/** Why an obligation is due, briefly: `Concern`, `rule NearBorder`, `3 d before launch`, `every 1 yr`. */
export function reasonText(o: DueObligation): string {
    switch (o.reason.kind) {
        case 'level': return `response ${o.response?.level}${o.response?.level !== o.reason.level.name ? ` (included by ${o.reason.level.name})` : ''}`;
        case 'rule': return `response to ${o.reason.rule.name}`;
        case 'event':
        case 'period':
        case 'date': return `duty${o.duty?.citation ? ` (${o.duty.citation})` : ''}`;
    }
}

/** `immediately`, `within 1 h after ask`: as the protocol words the timing. */
export function timingWords(o: DueObligation): string {
    if (o.step) return `${timingText(o.step)}${o.step.after.length ? ` after ${o.step.after.join(', ')}` : ''}${o.step.ifUnresolved ? ' if unresolved' : ''}`;
    return o.duty ? dutyTimingText(o.duty.when) : '';
}

export function partyOf(o: DueObligation): string {
    return o.party ? ` by ${o.party}` : '';
}

/** The outcome of an obligation, in words: `on time`, `late by 20 min`, `missing`, `pending`. */
export function outcomeText(o: DueObligation, zone: string): string {
    switch (o.status) {
        case 'on time': return `done ${formatTime(o.done!.time, zone)}, on time`;
        case 'late': return o.duty?.when.kind === 'before'
            ? `given ${formatTime(o.done!.time, zone)}, ${formatDuration(o.lateBy!)} short of the ${formatDuration(o.duty.when.lead.base)} lead`
            : `done ${formatTime(o.done!.time, zone)}, late by ${formatDuration(o.lateBy!)}`;
        case 'missing': return periodsOf(o) > 1 ? `missing in ${periodsOf(o)} periods running` : 'missing: not done by its deadline';
        case 'pending': return o.deadline ? 'pending: its deadline is after the end of the log' : 'pending: no deadline';
        case 'not required': return `not required: resolved ${formatTime(o.resolvedAt!, zone)}, before its deadline`;
    }
}

export function periodsOf(o: DueObligation): number {
    return o.reason.kind === 'period' ? o.reason.periods : 1;
}

/** Every line of the timeline, in time order. */
export function timeline(replay: Replay): Entry[] {
    const { zone } = replay;
    const entries: Array<Entry & { phase: number; order: number }> = [];
    let order = 0;
    const push = (entry: Entry, phase: number) => entries.push({ ...entry, phase, order: order++ });
    for (const record of replay.records) {
        if (record.kind === 'done') continue;
        push({ time: record.time.seconds, kind: 'record', text: recordText(record), record }, PHASE.record);
    }
    for (const change of replay.changes) {
        push({ time: change.time, kind: 'level', text: changeText(change), change }, change.cause.kind === 'start' ? 0 : change.cause.kind === 'offramp' ? PHASE.offramp : PHASE.level);
    }
    for (const o of replay.obligations) {
        const by = o.deadline ? `by ${formatTime(o.deadline, zone)}` : 'no deadline (after-cycle)';
        if (o.duty?.when.kind === 'before') {
            // A pre-notification is known to have been due once its event happens.
            const verdict = o.status === 'missing' ? 'not given' : outcomeText(o, zone);
            push({ time: o.due, kind: 'due', text: `${o.name}${partyOf(o)}: ${o.action}, ${by} (${dutyTimingText(o.duty.when)}): ${verdict}`, status: o.status, obligation: o }, PHASE.due);
            continue;
        }
        push({ time: o.due, kind: 'due', text: `due ${o.name}${partyOf(o)}: ${o.action}, ${by} (${timingWords(o)}; ${reasonText(o)})`, obligation: o }, PHASE.due);
        if (o.status === 'missing' && o.deadline) {
            const periods = periodsOf(o);
            push({ time: o.deadline, kind: 'missed', text: `MISSING ${o.name}${partyOf(o)}: ${o.action} was due by ${formatTime(o.deadline, zone)}${periods > 1 ? `, and in the ${periods - 1} periods after it` : ''}`, status: 'missing', obligation: o }, PHASE.missed);
        }
        if (o.status === 'not required' && o.resolvedAt) {
            push({ time: o.resolvedAt, kind: 'missed', text: `${o.name}${partyOf(o)} no longer required: resolved before its deadline`, status: 'not required', obligation: o }, PHASE.missed);
        }
    }
    const byId = new Map(replay.obligations.map(o => [o.id, o]));
    for (const done of replay.done) {
        const o = done.obligation === undefined ? undefined : byId.get(done.obligation);
        if (o?.duty?.when.kind === 'before') {
            push({ time: done.record.time.seconds, kind: 'done', text: `done ${done.record.subject}${done.party ? ` by ${done.party}` : ''} (ahead of ${o.duty.when.event} at ${formatTime(o.due, zone)})`, record: done.record, obligation: o }, PHASE.done);
            continue;
        }
        const verdict = !o ? 'nothing of that name was due' : o.status === 'late' ? `LATE by ${formatDuration(o.lateBy!)} (due by ${formatTime(o.deadline!, zone)})` : 'on time';
        push({ time: done.record.time.seconds, kind: 'done', text: `done ${done.record.subject}${done.party ? ` by ${done.party}` : ''}: ${verdict}`, ...(o ? { status: o.status, obligation: o } : {}), record: done.record }, PHASE.done);
    }
    return entries
        .sort((a, b) => compare(a.time, b.time) || a.phase - b.phase || a.order - b.order)
        .map(({ phase: _phase, order: _order, ...entry }) => entry);
}

export function recordText(record: LogRecord): string {
    switch (record.kind) {
        case 'observe': return `observe ${record.subject} = ${record.value}`;
        case 'event': return `event ${record.subject}${record.party ? ` (${record.party})` : ''}`;
        case 'bind': return `bind ${record.subject} = ${record.party}`;
        case 'done': return `done ${record.subject}${record.party ? ` by ${record.party}` : ''}`;
    }
}

export interface Counts {
    readonly obligations: number;
    readonly onTime: number;
    readonly late: number;
    readonly missing: number;
    readonly pending: number;
    readonly notRequired: number;
}

export function counts(replay: Replay): Counts {
    const count = (status: Status) => replay.obligations.filter(o => o.status === status).length;
    return {
        obligations: replay.obligations.length, onTime: count('on time'), late: count('late'), missing: count('missing'),
        pending: count('pending'), notRequired: count('not required'),
    };
}

/** `Not compliant: 1 late, 1 missing, of 9 obligations (6 on time, 1 pending).` */
export function verdictText(replay: Replay): string {
    const c = counts(replay);
    const others = [c.onTime && `${c.onTime} on time`, c.pending && `${c.pending} pending`, c.notRequired && `${c.notRequired} not required`].filter(Boolean).join(', ');
    if (c.late + c.missing === 0) {
        return c.obligations === 0 ? 'Compliant: no obligation was due.' : `Compliant: ${c.obligations} obligation${c.obligations === 1 ? '' : 's'}, none late or missing${others ? ` (${others})` : ''}.`;
    }
    const failures = [c.late && `${c.late} late`, c.missing && `${c.missing} missing`].filter(Boolean).join(', ');
    return `Not compliant: ${failures}, of ${c.obligations} obligation${c.obligations === 1 ? '' : 's'}${others ? ` (${others})` : ''}.`;
}
