// Replaying an incident log through a protocol (docs/replay.md, docs/language.md §6): the level over time,
// every step and duty due with its absolute deadline, and whether it was done on time, late or not at all.
//
// The decisions this module makes, in one place:
// - Unknown indicators: every indicator is unknown until observed (a count of events is known from the
//   start of the log, which is taken as the complete record of events). Conditions are evaluated in
//   three-valued logic (`false and unknown` is false, `true or unknown` is true); a rule holds only when
//   its condition is known to be true and its `unless` exception known to be false; an off-ramp's
//   condition holds only when known to be true; the protocol applies (inside the scope) until a scope
//   condition is known to be false.
// - Simultaneous records: all records of one instant take effect together; then the level is decided,
//   then the `done` records of that instant are matched, so an action recorded at the very instant its
//   obligation arises fulfils it.
// - De-escalation: `deescalate A to B when C for D after S` takes effect at the first instant at which C
//   has been known to hold for D without interruption since the later of the time C started to hold and
//   the time the level became A, and every step S due in this stay at A (or above) is done. A record at
//   that very instant counts: if it ends C, the hold is broken. The level then drops to B, or to the
//   level of the situation if that is higher (escalation is immediate).
// - Responses are due on entering a level from below (or from outside the scope), never on stepping
//   down into one; a rule response is due each time its rule starts to hold. Once due, an obligation
//   stays due; only an `if unresolved` step lapses when its level is left below (or its rule stops
//   holding) before its deadline.
import { type Situation, type Value } from '../analysis/situations.js';
import { GivenError, parseValue } from '../analysis/given.js';
import { testHolds } from '../analysis/meaning.js';
import { schedule } from '../analysis/deadlines.js';
import type {
    ActorRef, Condition, Deescalation, Duty, Indicator, Level, Obligation as Declared, Protocol, Response, Rule, Scope, Step
} from '../model/protocol.js';
import { type Rational, add, compare, divide, floor, multiply, rational, subtract } from '../model/rational.js';
import { actorName } from '../model/syntax.js';
import { LogError, type LogProblem, type LogRecord } from './log.js';
import { calendarDays as calendarDaysIn } from './time.js';

export type Status = 'on time' | 'late' | 'missing' | 'pending' | 'not required';

/** Why an obligation became due. */
export type Reason =
    | { readonly kind: 'level'; readonly level: Level }
    | { readonly kind: 'rule'; readonly rule: Rule }
    | { readonly kind: 'event'; readonly event: string; readonly line: number; readonly party?: string }
    | { readonly kind: 'period'; readonly periods: number }
    | { readonly kind: 'date' };

export interface DoneAt {
    readonly time: Rational;
    readonly line: number;
}

/** One obligation due during the log: a step of a response, or a duty, for one acting party. */
export interface DueObligation {
    readonly id: number;
    readonly kind: 'step' | 'duty';
    readonly name: string;
    readonly step?: Step;
    readonly response?: Response;
    readonly duty?: Duty;
    readonly reason: Reason;
    /** The acting party, when known (a role not bound when it became due leaves it open). */
    readonly party?: string;
    /** Who acts and towards whom, with the roles replaced by the parties bound to them: `Aland.MoD notifies Borea.MoD via Hotline`. */
    readonly action: string;
    /** When it became due (for a pre-notification: the event it precedes). */
    readonly due: Rational;
    /** Its absolute deadline; undefined for a step caught in an `after` cycle. */
    readonly deadline?: Rational;
    readonly status: Status;
    readonly done?: DoneAt;
    /** How late it was done (`late` only). */
    readonly lateBy?: Rational;
    /** When its level was left or its rule stopped holding (`if unresolved` steps). */
    readonly resolvedAt?: Rational;
}

export type Cause =
    | { readonly kind: 'start' }
    | { readonly kind: 'rules'; readonly rules: readonly Rule[] }
    | { readonly kind: 'offramp'; readonly deescalation: Deescalation }
    | { readonly kind: 'scope'; readonly inside: boolean; readonly scopes: readonly Scope[]; readonly rules: readonly Rule[] };

/** A change of level; `undefined` is outside the scope, where the protocol assigns no level. */
export interface LevelChange {
    readonly time: Rational;
    readonly from?: Level;
    readonly to?: Level;
    readonly cause: Cause;
}

/** What a `done` record discharged: an obligation, or nothing that was due. */
export interface DoneRecord {
    readonly record: LogRecord;
    /** The acting party, as given or as the actor or a bound role fixes it. */
    readonly party?: string;
    readonly obligation?: number;
}

export interface Replay {
    readonly protocol: Protocol;
    readonly records: readonly LogRecord[];
    readonly start: Rational;
    readonly end: Rational;
    /** The zone the log's times are written in (of its first record): times are shown, and calendar days taken, in it. */
    readonly zone: string;
    /** From the baseline at the start of the log, in time order. */
    readonly changes: readonly LevelChange[];
    /** In the order they became due. */
    readonly obligations: readonly DueObligation[];
    readonly done: readonly DoneRecord[];
}

export function failed(obligation: DueObligation): boolean {
    return obligation.status === 'late' || obligation.status === 'missing';
}

export function compliant(replay: Replay): boolean {
    return !replay.obligations.some(failed);
}

type Truth = boolean | undefined;

/** A condition in three-valued logic: undefined where it depends on an unknown value. */
export function evaluate(protocol: Protocol, condition: Condition, values: Situation): Truth {
    switch (condition.kind) {
        case 'test': {
            if (!values.has(condition.test.indicator)) return undefined;
            const indicator = protocol.indicators.find(i => i.name === condition.test.indicator);
            return testHolds(condition.test, values, indicator?.kind === 'scale' ? indicator.members : undefined);
        }
        case 'not': {
            const value = evaluate(protocol, condition.operand, values);
            return value === undefined ? undefined : !value;
        }
        case 'and': {
            const values_ = condition.operands.map(operand => evaluate(protocol, operand, values));
            return values_.includes(false) ? false : values_.includes(undefined) ? undefined : true;
        }
        case 'or': {
            const values_ = condition.operands.map(operand => evaluate(protocol, operand, values));
            return values_.includes(true) ? true : values_.includes(undefined) ? undefined : false;
        }
    }
}

const max = (a: Rational, b: Rational) => compare(a, b) >= 0 ? a : b;
const le = (a: Rational, b: Rational) => compare(a, b) <= 0;

/** A step of a response, with where it is written. */
interface StepRef {
    readonly step: Step;
    readonly response: Response;
}

interface Mutable {
    id: number;
    kind: 'step' | 'duty';
    name: string;
    step?: Step;
    response?: Response;
    duty?: Duty;
    reason: Reason;
    party?: string;
    action: string;
    due: Rational;
    deadline?: Rational;
    done?: DoneAt;
    resolvedAt?: Rational;
    /** Step instances: the rank of the level whose entry made them due. */
    rank?: number;
    /** A run of missed periods of an `every` duty. */
    periods?: number;
    status?: Status;
}

/** What a done record names. */
interface Subject {
    readonly steps: readonly StepRef[];
    readonly duty?: Duty;
}

/** Replays the log through the protocol; a record that does not fit the protocol is a `LogError`. */
export function replay(protocol: Protocol, records: readonly LogRecord[]): Replay {
    return new Replayer(protocol, records).run();
}

class Replayer {
    private readonly problems: LogProblem[] = [];
    private readonly observed = new Map<LogRecord, Value>();
    private readonly subjects = new Map<LogRecord, Subject>();
    private readonly values = new Map<string, Value>();
    private readonly bindings = new Map<string, string>();
    private readonly bindingHistory: Array<{ time: Rational; bindings: ReadonlyMap<string, string> }> = [];
    private readonly events: Array<{ name: string; time: Rational; line: number; party?: string }> = [];
    private readonly counted: readonly Indicator[];
    private level: number | undefined = 0;
    private enteredAt: Rational;
    /** Per rank: when the current stay at that level or above began (its last entry from below). */
    private readonly episodes = new Map<number, Rational>();
    private holding = new Set<Rule>();
    private readonly since = new Map<Deescalation, Rational | undefined>();
    private readonly changes: LevelChange[] = [];
    private readonly obligations: Mutable[] = [];
    private readonly done: DoneRecord[] = [];
    private readonly dutyDone: Array<{ record: LogRecord; duty: Duty; party?: string; used?: boolean; index: number }> = [];
    private readonly start: Rational;
    private readonly end: Rational;
    private nextId = 1;

    constructor(private readonly protocol: Protocol, private readonly records: readonly LogRecord[]) {
        this.start = records[0].time.seconds;
        this.end = records[records.length - 1].time.seconds;
        this.enteredAt = this.start;
        this.counted = protocol.indicators.filter(indicator => indicator.kind === 'count' && indicator.counts?.event !== undefined);
        for (const indicator of this.counted) this.values.set(indicator.name, { kind: 'number', value: rational(0) });
    }

    run(): Replay {
        this.check();
        if (this.problems.length > 0) throw new LogError(this.problems);
        const protocol = this.protocol;
        this.changes.push({ time: this.start, to: protocol.levels[0], cause: { kind: 'start' } });
        this.episodes.set(0, this.start);
        let index = 0;
        let now: Rational | undefined;
        for (; ;) {
            const nextRecord = this.records[index]?.time.seconds;
            const internal = now === undefined ? undefined : this.nextInternal(now);
            const next = nextRecord === undefined ? internal : internal === undefined ? nextRecord : compare(internal, nextRecord) < 0 ? internal : nextRecord;
            if (next === undefined || compare(next, this.end) > 0) break;
            const batch: LogRecord[] = [];
            while (index < this.records.length && compare(this.records[index].time.seconds, next) === 0) batch.push(this.records[index++]);
            now = next;
            this.instant(now, batch);
            if (this.problems.length > 0) throw new LogError(this.problems);
        }
        this.duties();
        const obligations = this.obligations
            .sort((a, b) => compare(a.due, b.due) || a.id - b.id)
            .map(o => this.finish(o));
        return {
            protocol, records: this.records, start: this.start, end: this.end, zone: this.records[0].time.zone,
            changes: this.changes, obligations, done: this.done.sort((a, b) => a.record.line - b.record.line),
        };
    }

    // ----- Checking records against the protocol -----

    private problem(record: LogRecord, message: string): void {
        this.problems.push({ line: record.line, message });
    }

    private check(): void {
        const protocol = this.protocol;
        const stepsByName = new Map<string, StepRef[]>();
        for (const response of protocol.responses) {
            for (const step of response.steps) {
                stepsByName.set(step.name, [...stepsByName.get(step.name) ?? [], { step, response }]);
            }
        }
        const names = (list: readonly { name: string }[]) => list.map(x => x.name).join(', ') || 'none';
        for (const record of this.records) {
            switch (record.kind) {
                case 'observe': {
                    const indicator = protocol.indicators.find(i => i.name === record.subject);
                    if (!indicator) {
                        this.problem(record, `unknown indicator '${record.subject}'; ${protocol.name} has ${names(protocol.indicators)}`);
                    } else if (this.counted.includes(indicator)) {
                        this.problem(record, `${indicator.name} counts the events ${indicator.counts!.event}: record each as 'event', not the count`);
                    } else {
                        try {
                            this.observed.set(record, parseValue(indicator, record.value));
                        } catch (error) {
                            if (!(error instanceof GivenError)) throw error;
                            this.problem(record, error.message);
                        }
                    }
                    break;
                }
                case 'event':
                    if (!protocol.events.some(e => e.name === record.subject)) {
                        this.problem(record, `unknown event '${record.subject}'; ${protocol.name} has ${names(protocol.events)}`);
                    } else if (record.party && !protocol.parties.some(p => p.name === record.party)) {
                        this.problem(record, `unknown party '${record.party}'; ${protocol.name} knows ${names(protocol.parties)}`);
                    }
                    break;
                case 'bind':
                    if (!protocol.roles.some(r => r.name === record.subject)) {
                        this.problem(record, `unknown role '${record.subject}'; ${protocol.name} has ${names(protocol.roles)}`);
                    } else if (!protocol.bound.includes(record.party)) {
                        this.problem(record, `${record.party} cannot stand for ${record.subject}: ${protocol.name} binds only ${protocol.bound.join(', ') || 'no party'}`);
                    }
                    break;
                case 'done': {
                    const subject = this.resolveSubject(record, stepsByName);
                    if (subject) this.subjects.set(record, subject);
                    if (record.party && !protocol.bound.includes(record.party)) {
                        this.problem(record, `${record.party} is not a party bound by ${protocol.name} (${protocol.bound.join(', ') || 'none'})`);
                    }
                    break;
                }
            }
        }
    }

    /** `ask`, or `Concern.ask` / `NearBorder.log` to name the response: the steps or the duty a done record names. */
    private resolveSubject(record: LogRecord, stepsByName: ReadonlyMap<string, StepRef[]>): Subject | undefined {
        const protocol = this.protocol;
        const dot = record.subject.indexOf('.');
        if (dot > 0) {
            const owner = record.subject.slice(0, dot);
            const name = record.subject.slice(dot + 1);
            const steps = (stepsByName.get(name) ?? []).filter(ref => ref.response.level === owner || ref.response.rule === owner);
            if (steps.length === 0) {
                const responses = protocol.responses.filter(r => r.level === owner || r.rule === owner);
                this.problem(record, responses.length === 0
                    ? `no response of ${protocol.name} is named '${owner}' (give a level or a rule)`
                    : `the response ${owner} has no step '${name}' (it has ${responses.flatMap(r => r.steps.map(s => s.name)).join(', ') || 'none'})`);
                return undefined;
            }
            return { steps };
        }
        const steps = stepsByName.get(record.subject) ?? [];
        const duty = protocol.duties.find(d => d.name === record.subject);
        if (steps.length > 0 && duty) {
            this.problem(record, `'${record.subject}' is both a duty and a step: name the step with its response (${steps[0].response.level ?? steps[0].response.rule}.${record.subject})`);
            return undefined;
        }
        if (steps.length === 0 && !duty) {
            const known = [...new Set([...stepsByName.keys(), ...protocol.duties.map(d => d.name)])];
            this.problem(record, `unknown step or duty '${record.subject}'; ${protocol.name} has ${known.join(', ') || 'none'}`);
            return undefined;
        }
        return { steps, duty };
    }

    // ----- One instant -----

    private instant(now: Rational, batch: readonly LogRecord[]): void {
        const protocol = this.protocol;
        // 1. What the records of this instant change, all at once.
        const observedNow = new Map<string, LogRecord>();
        const boundNow = new Map<string, LogRecord>();
        for (const record of batch) {
            switch (record.kind) {
                case 'observe': {
                    const value = this.observed.get(record)!;
                    const earlier = observedNow.get(record.subject);
                    if (earlier && !sameValue(this.values.get(record.subject)!, value)) {
                        this.problem(record, `${record.subject} is observed with two values at ${record.timeText} (also on line ${earlier.line}): which held is not known`);
                        return;
                    }
                    observedNow.set(record.subject, record);
                    this.values.set(record.subject, value);
                    break;
                }
                case 'event':
                    this.events.push({ name: record.subject, time: now, line: record.line, ...(record.party ? { party: record.party } : {}) });
                    break;
                case 'bind': {
                    const earlier = boundNow.get(record.subject);
                    if (earlier && earlier.party !== record.party) {
                        this.problem(record, `${record.subject} is bound to ${earlier.party} on line ${earlier.line} and to ${record.party} at the same instant`);
                        return;
                    }
                    boundNow.set(record.subject, record);
                    this.bindings.set(record.subject, record.party);
                    break;
                }
                case 'done':
                    break;
            }
        }
        if (boundNow.size > 0) {
            // The later of two conflicting records is the one reported.
            for (const record of [...boundNow.values()].sort((a, b) => b.line - a.line)) {
                const other = [...this.bindings].find(([role, party]) => role !== record.subject && party === record.party);
                if (other) {
                    this.problem(record, `${record.party} already stands for ${other[0]}; different roles are different parties (bind ${other[0]} to another party first, or at the same instant)`);
                    return;
                }
            }
            this.bindingHistory.push({ time: now, bindings: new Map(this.bindings) });
        }
        this.countEvents(now);

        // 2. The scope and the rules that hold.
        const outOfScope = protocol.scopes.filter(scope => evaluate(protocol, scope.condition, this.values) === false);
        const inside = outOfScope.length === 0;
        const holdsNow = new Set(inside ? protocol.rules.filter(rule => this.ruleHolds(rule)) : []);
        for (const rule of protocol.rules) {
            if (holdsNow.has(rule) && !this.holding.has(rule)) {
                for (const response of protocol.responses.filter(r => r.rule === rule.name)) this.respond(response, now, { kind: 'rule', rule });
            } else if (!holdsNow.has(rule) && this.holding.has(rule)) {
                for (const o of this.obligations) if (o.reason.kind === 'rule' && o.reason.rule === rule) o.resolvedAt ??= now;
            }
        }
        this.holding = holdsNow;

        // 3. Escalation is immediate; outside the scope there is no level.
        const target = inside ? this.situationLevel() : undefined;
        if (target === undefined) {
            if (this.level !== undefined) {
                this.change(now, undefined, { kind: 'scope', inside: false, scopes: outOfScope, rules: [] });
            }
        } else if (this.level === undefined || target > this.level) {
            const rules = protocol.rules.filter(rule => holdsNow.has(rule) && this.rank(rule.level) === target);
            this.change(now, target, this.level === undefined ? { kind: 'scope', inside: true, scopes: [], rules } : { kind: 'rules', rules });
        }

        // 4. The actions taken at this instant.
        for (const record of batch) if (record.kind === 'done') this.discharge(record, now);

        // 5. Off-ramps: holds start and break; those complete now take the level down, one after another.
        for (const deescalation of protocol.deescalations) {
            if (!deescalation.condition) continue;
            const holds = evaluate(protocol, deescalation.condition, this.values) === true;
            if (!holds) this.since.set(deescalation, undefined);
            else if (this.since.get(deescalation) === undefined) this.since.set(deescalation, now);
        }
        for (let moved = true; moved && this.level !== undefined;) {
            moved = false;
            for (const deescalation of protocol.deescalations.filter(d => this.rank(d.from) === this.level)) {
                const completes = this.completion(deescalation);
                if (!completes || compare(completes, now) > 0 || !this.afterDone(deescalation, now)) continue;
                const landing = Math.max(this.rank(deescalation.to), target ?? 0);
                if (landing >= this.level) continue;
                this.change(now, landing, { kind: 'offramp', deescalation });
                moved = true;
                break;
            }
        }
    }

    private ruleHolds(rule: Rule): boolean {
        return evaluate(this.protocol, rule.condition, this.values) === true
            && (!rule.unless || evaluate(this.protocol, rule.unless, this.values) === false);
    }

    private rank(level: string): number {
        return this.protocol.levels.findIndex(l => l.name === level);
    }

    /** The level of the situation as known: the most severe level among the rules that hold, or the baseline. */
    private situationLevel(): number {
        return Math.max(0, ...[...this.holding].map(rule => this.rank(rule.level)));
    }

    private change(now: Rational, to: number | undefined, cause: Cause): void {
        const from = this.level;
        const levels = this.protocol.levels;
        this.changes.push({ time: now, ...(from !== undefined ? { from: levels[from] } : {}), ...(to !== undefined ? { to: levels[to] } : {}), cause });
        this.level = to;
        this.enteredAt = now;
        // Leaving a level below (or the scope) resolves the situation its responses answered.
        for (const o of this.obligations) {
            if (o.rank !== undefined && (to === undefined || to < o.rank)) o.resolvedAt ??= now;
        }
        if (to !== undefined && (from === undefined || to > from)) {
            for (let rank = from === undefined ? 0 : from + 1; rank <= to; rank++) this.episodes.set(rank, now);
            const own = this.protocol.responses.find(r => r.level === levels[to].name);
            const included = (own?.includes ?? []).map(name => this.protocol.responses.find(r => r.level === name)).filter((r): r is Response => r !== undefined);
            for (const response of new Set([...(own ? [own] : []), ...included])) {
                this.respond(response, now, { kind: 'level', level: levels[to] }, to);
            }
        }
    }

    /** Every step of a response becomes due now, for each party it binds. */
    private respond(response: Response, now: Rational, reason: Reason, rank?: number): void {
        for (const { step, deadline } of schedule(response)) {
            for (const party of this.actingParties(step, now)) {
                this.obligations.push({
                    id: this.nextId++, kind: 'step', name: step.name, step, response, reason, due: now,
                    ...(deadline ? { deadline: add(now, deadline) } : {}), ...(party !== undefined ? { party } : {}),
                    action: this.action(step, party, now), ...(rank !== undefined ? { rank } : {}),
                });
            }
        }
    }

    /** The parties an obligation binds at a time: one per bound party for `each party`, else the one its actor names (undefined: open). */
    private actingParties(obligation: Declared, time: Rational): Array<string | undefined> {
        const actor = obligation.actor;
        switch (actor.kind) {
            case 'each': return [...this.protocol.bound];
            case 'role': return [this.bindingAt(time).get(actor.role)];
            case 'organ':
            case 'party': return [actor.party];
            default: return [undefined];
        }
    }

    private bindingAt(time: Rational): ReadonlyMap<string, string> {
        let found: ReadonlyMap<string, string> = new Map();
        for (const entry of this.bindingHistory) {
            if (compare(entry.time, time) > 0) break;
            found = entry.bindings;
        }
        return found;
    }

    /** The action with roles and `each party` replaced by parties: `Aland.MoD notifies Borea.MoD via Hotline`. */
    private action(obligation: Declared, party: string | undefined, time: Rational): string {
        const binding = this.bindingAt(time);
        const bound = this.protocol.bound;
        const organ = (subject: string, name: string | undefined) => name === undefined ? subject : `${subject}.${name}`;
        const name = (ref: ActorRef): string => {
            switch (ref.kind) {
                case 'role': {
                    const p = binding.get(ref.role);
                    return p ? organ(p, ref.organ) : actorName(ref);
                }
                case 'each': return party ? organ(party, ref.organ) : actorName(ref);
                case 'other': {
                    const others = bound.filter(p => p !== party);
                    return party && others.length === 1 ? organ(others[0], ref.organ) : actorName(ref);
                }
                case 'every-other': return party ? bound.filter(p => p !== party).map(p => organ(p, ref.organ)).join(', ') : actorName(ref);
                default: return actorName(ref);
            }
        };
        return [name(obligation.actor), obligation.verb, obligation.counterpart && name(obligation.counterpart), obligation.channel && `via ${obligation.channel}`]
            .filter(Boolean).join(' ');
    }

    /** The acting party of a done record: as given, or as its actor fixes it; a problem when they disagree. */
    private doneParty(record: LogRecord, obligation: Declared, now: Rational): { party?: string; problem?: string } {
        const actor = obligation.actor;
        const given = record.party || undefined;
        switch (actor.kind) {
            case 'organ':
            case 'party':
                return given && given !== actor.party ? { problem: `${obligation.name} is ${actorName(actor)}'s to do, not ${given}'s` } : { party: actor.party };
            case 'mediator':
            case 'body':
                return given ? { problem: `${obligation.name} is done by ${actorName(actor)}, which acts for no party: leave the party empty` } : {};
            case 'role': {
                const bound = this.bindingAt(now).get(actor.role);
                if (bound && given && given !== bound) return { problem: `${actor.role} stands for ${bound} at ${record.timeText}, so ${obligation.name} is ${bound}'s to do, not ${given}'s` };
                if (!bound && given && [...this.bindingAt(now).values()].includes(given)) return { problem: `${given} stands for another role than ${actor.role} at ${record.timeText}` };
                return { party: bound ?? given };
            }
            case 'each':
                return given ? { party: given } : { problem: `${obligation.name} binds each party: name the party that acted (${this.protocol.bound.join(' or ')})` };
            default:
                return { party: given };
        }
    }

    /** A done record discharges the earliest open step instance it can; a duty's is kept for the duties. */
    private discharge(record: LogRecord, now: Rational): void {
        const subject = this.subjects.get(record)!;
        if (subject.duty) {
            const { party, problem } = this.doneParty(record, subject.duty, now);
            if (problem) return this.problem(record, problem);
            this.dutyDone.push({ record, duty: subject.duty, ...(party !== undefined ? { party } : {}), index: this.done.length });
            this.done.push({ record, ...(party !== undefined ? { party } : {}) });
            return;
        }
        const readings = subject.steps.map(ref => ({ ref, ...this.doneParty(record, ref.step, now) }));
        const valid = readings.filter(r => !r.problem);
        if (valid.length === 0) return this.problem(record, readings[0].problem!);
        const open = this.obligations.filter(o => o.kind === 'step' && !o.done
            && valid.some(r => r.ref.step === o.step && (r.party === undefined || o.party === undefined || r.party === o.party)));
        const target = open[0];
        const party = target?.party ?? valid[0].party;
        if (target) target.done = { time: now, line: record.line };
        this.done.push({ record, ...(party !== undefined ? { party } : {}), ...(target ? { obligation: target.id } : {}) });
    }

    /** When an off-ramp's hold completes at the current level (its condition held for its time), if it does. */
    private completion(deescalation: Deescalation): Rational | undefined {
        let from = this.enteredAt;
        if (deescalation.condition) {
            const since = this.since.get(deescalation);
            if (since === undefined) return undefined;
            from = max(since, this.enteredAt);
        }
        return add(from, deescalation.holdFor?.base ?? rational(0));
    }

    /** Whether the steps an off-ramp waits for are done: every instance due in this stay at its level, or a record of it in this stay. */
    private afterDone(deescalation: Deescalation, now: Rational): boolean {
        const episode = this.episodes.get(this.rank(deescalation.from)) ?? this.start;
        return deescalation.after.every(name => {
            const instances = this.obligations.filter(o => o.kind === 'step' && o.name === name && le(episode, o.due));
            if (instances.length > 0) return instances.every(o => o.done !== undefined);
            return this.done.some(d => d.record.subject === name && le(episode, d.record.time.seconds) && le(d.record.time.seconds, now));
        });
    }

    /** The next instant after `now` at which something changes without a record: an off-ramp's hold completes, or an event leaves a count's window. */
    private nextInternal(now: Rational): Rational | undefined {
        const candidates: Rational[] = [];
        if (this.level !== undefined) {
            for (const deescalation of this.protocol.deescalations.filter(d => this.rank(d.from) === this.level)) {
                const completes = this.completion(deescalation);
                if (completes && compare(completes, now) > 0) candidates.push(completes);
            }
        }
        for (const indicator of this.counted) {
            const window = indicator.counts?.window?.base;
            if (!window) continue;
            for (const event of this.events) {
                if (event.name !== indicator.counts!.event) continue;
                const leaves = add(event.time, window);
                if (compare(leaves, now) > 0) candidates.push(leaves);
            }
        }
        return candidates.reduce<Rational | undefined>((a, b) => a === undefined || compare(b, a) < 0 ? b : a, undefined);
    }

    /** `count of E over D` at `now`: the events E at or before now, within the window (an event at t counts until t + D, exclusive). */
    private countEvents(now: Rational): void {
        for (const indicator of this.counted) {
            const window = indicator.counts?.window?.base;
            const count = this.events.filter(e => e.name === indicator.counts!.event && le(e.time, now)
                && (!window || compare(add(e.time, window), now) > 0)).length;
            this.values.set(indicator.name, { kind: 'number', value: rational(count) });
        }
    }

    // ----- Duties, which no level triggers -----

    private duties(): void {
        for (const duty of this.protocol.duties) {
            const when = duty.when;
            const done = this.dutyDone.filter(d => d.duty === duty);
            switch (when.kind) {
                case 'after':
                case 'before': {
                    const instances: Mutable[] = [];
                    for (const event of this.events.filter(e => e.name === when.event)) {
                        for (const party of this.actingParties(duty, event.time)) {
                            const deadline = when.kind === 'after' ? add(event.time, when.within.base) : subtract(event.time, when.lead.base);
                            instances.push(this.dutyInstance(duty, party, event.time, deadline, { kind: 'event', event: event.name, line: event.line, ...(event.party ? { party: event.party } : {}) }));
                        }
                    }
                    for (const instance of instances) {
                        // After an event: the first action at or after it; before: the earliest not yet counted for an earlier occurrence.
                        const match = done.find(d => !d.used && compatible(d.party, instance.party)
                            && (when.kind === 'after' ? le(instance.due, d.record.time.seconds) : le(d.record.time.seconds, instance.due)));
                        if (match) this.use(match, instance);
                    }
                    break;
                }
                case 'every':
                    for (const party of this.chains(duty)) this.periodic(duty, party, done, when.period.base);
                    break;
                case 'on': {
                    const days = calendarDaysIn(when.day, when.month, this.start, this.end, this.records[0].time.zone)
                        .filter(day => le(this.start, day.start) && le(day.start, this.end));
                    for (const day of when.yearly ? days : days.slice(0, 1)) {
                        for (const party of this.actingParties(duty, day.start)) {
                            const instance = this.dutyInstance(duty, party, day.start, day.end, { kind: 'date' });
                            const match = done.find(d => !d.used && compatible(d.party, instance.party) && le(day.start, d.record.time.seconds));
                            if (match) this.use(match, instance);
                        }
                    }
                    break;
                }
            }
        }
    }

    private dutyInstance(duty: Duty, party: string | undefined, due: Rational, deadline: Rational, reason: Reason): Mutable {
        const instance: Mutable = {
            id: this.nextId++, kind: 'duty', name: duty.name, duty, reason, due, deadline,
            ...(party !== undefined ? { party } : {}), action: this.action(duty, party, due),
        };
        this.obligations.push(instance);
        return instance;
    }

    private use(done: { record: LogRecord; used?: boolean; index: number }, instance: Mutable): void {
        done.used = true;
        instance.done = { time: done.record.time.seconds, line: done.record.line };
        this.done[done.index] = { ...this.done[done.index], obligation: instance.id };
    }

    /** The chains of a periodic duty: one per bound party for `each party`, else one. */
    private chains(duty: Duty): Array<string | undefined> {
        return duty.actor.kind === 'each' ? [...this.protocol.bound] : duty.actor.kind === 'organ' || duty.actor.kind === 'party' ? [duty.actor.party] : [undefined];
    }

    /**
     * `every P`: at least once in every period P, the first period starting with the log. Each action
     * starts the next period; a period without one is missed, and a run of missed periods is one entry.
     */
    private periodic(duty: Duty, party: string | undefined, done: Array<{ record: LogRecord; party?: string; used?: boolean; index: number }>, period: Rational): void {
        if (compare(period, rational(0)) <= 0) return;
        const mine = done.filter(d => compatible(d.party, party));
        let anchor = this.start;
        let next = 0;
        for (; ;) {
            const deadline = add(anchor, period);
            while (next < mine.length && (mine[next].used || compare(mine[next].record.time.seconds, anchor) < 0)) next++;
            const action = mine[next];
            const at = action?.record.time.seconds;
            // Done within this period (on time) or within the next (late): the next period starts there.
            if (at !== undefined && (le(at, deadline) || (le(deadline, this.end) && le(at, add(deadline, period))))) {
                this.use(action, this.dutyInstance(duty, party, anchor, deadline, { kind: 'period', periods: 1 }));
                anchor = at;
                continue;
            }
            if (compare(deadline, this.end) > 0) {
                this.dutyInstance(duty, party, anchor, deadline, { kind: 'period', periods: 1 });
                return;
            }
            // Missed: the whole periods until the next action (which then falls in the period after them) or the end of the log.
            const whole = Number(floor(divide(subtract(at ?? this.end, anchor), period)).n);
            const missed = Math.max(1, at === undefined ? whole : whole - 1);
            this.dutyInstance(duty, party, anchor, deadline, { kind: 'period', periods: missed }).periods = missed;
            anchor = add(anchor, multiply(period, rational(missed)));
        }
    }

    // ----- Statuses -----

    private finish(o: Mutable): DueObligation {
        let status: Status;
        let lateBy: Rational | undefined;
        if (o.done) {
            if (o.deadline === undefined || le(o.done.time, o.deadline)) status = 'on time';
            else {
                status = 'late';
                lateBy = subtract(o.done.time, o.deadline);
            }
        } else if (o.step?.ifUnresolved && o.resolvedAt !== undefined && (o.deadline === undefined || le(o.resolvedAt, o.deadline))) {
            status = 'not required';
        } else if (o.deadline !== undefined && le(o.deadline, this.end)) {
            status = 'missing';
        } else {
            status = 'pending';
        }
        return {
            id: o.id, kind: o.kind, name: o.name, ...(o.step ? { step: o.step } : {}), ...(o.response ? { response: o.response } : {}),
            ...(o.duty ? { duty: o.duty } : {}), reason: o.reason, ...(o.party !== undefined ? { party: o.party } : {}), action: o.action,
            due: o.due, ...(o.deadline ? { deadline: o.deadline } : {}), status, ...(o.done ? { done: o.done } : {}),
            ...(lateBy ? { lateBy } : {}), ...(o.resolvedAt && o.step?.ifUnresolved ? { resolvedAt: o.resolvedAt } : {}),
        };
    }
}

/** A done record's party and an obligation's: either open, or the same. */
function compatible(done: string | undefined, obligation: string | undefined): boolean {
    return done === undefined || obligation === undefined || done === obligation;
}

function sameValue(a: Value, b: Value): boolean {
    if (a.kind === 'number' && b.kind === 'number') return compare(a.value, b.value) === 0;
    if (a.kind === 'flag' && b.kind === 'flag') return a.value === b.value;
    return a.kind === 'member' && b.kind === 'member' && a.member === b.member;
}

