// `detente replay --format json`: the replay for pipelines, as schemas/replay.schema.json describes it.
// Times are ISO 8601 in UTC; durations are given in words and in exact seconds (a decimal string).
import { formatDuration } from '../analysis/deadlines.js';
import type { Rational } from '../model/rational.js';
import { toExactString } from '../model/rational.js';
import { dutyTimingText } from '../model/syntax.js';
import { type DueObligation, type LevelChange, type Replay, compliant } from '../replay/replay.js';
import { formatTime } from '../replay/time.js';
import { counts } from './replay-timeline.js';

const iso = (seconds: Rational) => formatTime(seconds);

export function replayJson(replay: Replay, logName: string) {
    return {
        protocol: replay.protocol.name,
        log: logName,
        zone: replay.zone,
        start: iso(replay.start),
        end: iso(replay.end),
        records: replay.records.length,
        compliant: compliant(replay),
        summary: counts(replay),
        levels: replay.changes.map(changeJson),
        obligations: replay.obligations.map(obligationJson),
        done: replay.done.map(done => ({
            line: done.record.line,
            time: iso(done.record.time.seconds),
            subject: done.record.subject,
            ...(done.party !== undefined ? { party: done.party } : {}),
            obligation: done.obligation ?? null,
        })),
    };
}

function changeJson(change: LevelChange) {
    const cause = change.cause;
    return {
        time: iso(change.time),
        from: change.from?.name ?? null,
        to: change.to?.name ?? null,
        cause: cause.kind === 'start' ? { kind: 'start' }
            : cause.kind === 'rules' ? { kind: 'rules', rules: cause.rules.map(r => r.name) }
                : cause.kind === 'scope' ? { kind: 'scope', inside: cause.inside, rules: cause.rules.map(r => r.name), ...(cause.scopes.length ? { scopes: cause.scopes.map(s => s.citation ?? null) } : {}) }
                    : {
                        kind: 'offramp', from: cause.deescalation.from, to: cause.deescalation.to,
                        ...(cause.deescalation.citation ? { citation: cause.deescalation.citation } : {}),
                    },
    };
}

function obligationJson(o: DueObligation) {
    const reason = o.reason;
    const citation = o.step?.citation ?? o.duty?.citation;
    return {
        id: o.id,
        kind: o.kind,
        name: o.name,
        ...(citation ? { citation } : {}),
        ...(o.response ? { response: o.response.level !== undefined ? { level: o.response.level } : { rule: o.response.rule! } } : {}),
        ...(o.duty ? { when: dutyTimingText(o.duty.when) } : {}),
        reason: reason.kind === 'level' ? { kind: 'level', level: reason.level.name }
            : reason.kind === 'rule' ? { kind: 'rule', rule: reason.rule.name }
                : reason.kind === 'event' ? { kind: 'event', event: reason.event, line: reason.line, ...(reason.party ? { party: reason.party } : {}) }
                    : reason.kind === 'period' ? { kind: 'period', periods: reason.periods }
                        : { kind: 'date' },
        party: o.party ?? null,
        action: o.action,
        due: iso(o.due),
        deadline: o.deadline ? iso(o.deadline) : null,
        status: o.status,
        ...(o.done ? { done: { time: iso(o.done.time), line: o.done.line } } : {}),
        ...(o.lateBy ? { lateBy: formatDuration(o.lateBy), lateBySeconds: toExactString(o.lateBy) } : {}),
        ...(o.resolvedAt ? { resolvedAt: iso(o.resolvedAt) } : {}),
    };
}
