// The deadline model (docs/language.md §3): each step's absolute deadline from entering its level, and the path that sets it.
import type { Protocol, Response, Step } from '../model/protocol.js';
import { type Rational, add, compare, floor, rational, subtract } from '../model/rational.js';

export interface ScheduledStep {
    readonly step: Step;
    /** Seconds from entering the level; undefined for steps caught in an `after` cycle. */
    readonly deadline?: Rational;
    /** The chain of `after` steps that sets the deadline, ending with the step itself. */
    readonly path: readonly Step[];
}

/** Every step of a response with its absolute deadline: `within` after the latest of its `after` steps. */
export function schedule(response: Response): ScheduledStep[] {
    const byName = new Map(response.steps.map(step => [step.name, step]));
    const done = new Map<Step, ScheduledStep>();
    const visiting = new Set<Step>();
    const visit = (step: Step): ScheduledStep => {
        const known = done.get(step);
        if (known) return known;
        if (visiting.has(step)) return { step, path: [step] }; // a cycle: no deadline
        visiting.add(step);
        let latest: ScheduledStep | undefined;
        let cyclic = false;
        for (const name of step.after) {
            const before = byName.get(name);
            if (!before) continue;
            const scheduled = visit(before);
            if (!scheduled.deadline) {
                cyclic = true;
            } else if (!latest || compare(scheduled.deadline, latest.deadline!) > 0) {
                latest = scheduled;
            }
        }
        visiting.delete(step);
        const result: ScheduledStep = cyclic
            ? { step, path: [step] }
            : { step, deadline: add(latest?.deadline ?? rational(0), step.within.base), path: [...(latest?.path ?? []), step] };
        done.set(step, result);
        return result;
    };
    return response.steps.map(visit);
}

/** A step due, with the response it belongs to and its deadline from the moment that response became due. */
export interface DueStep extends ScheduledStep {
    readonly response: Response;
}

/**
 * The steps due at a level (docs/language.md §3): those of its response and of the responses it includes (and they include),
 * each keeping its own deadline from entering the level, and those of the rule responses of `rules`, due
 * from the moment each rule starts to hold.
 */
export function stepsDue(protocol: Protocol, level: string | undefined, rules: readonly string[] = []): DueStep[] {
    const own = level === undefined ? undefined : protocol.responses.find(r => r.level === level);
    const forRules = protocol.responses.filter(r => r.rule !== undefined && rules.includes(r.rule));
    const responses = [...new Set([...(own ? includedResponses(protocol, own) : []), ...forRules])];
    return responses.flatMap(response => schedule(response).map(scheduled => ({ ...scheduled, response })));
}

/**
 * A response and every response it includes, and those they include in turn (docs/language.md §3): what a
 * level's response includes is due with it, whatever included it. In order, each once.
 */
export function includedResponses(protocol: Protocol, response: Response): Response[] {
    const result: Response[] = [];
    const visit = (r: Response) => {
        if (result.includes(r)) return;
        result.push(r);
        for (const level of r.includes) {
            const included = protocol.responses.find(other => other.level === level);
            if (included) visit(included);
        }
    };
    visit(response);
    return result;
}

/** A duration for people: `4 d 15 min`, `1 h 5 min`, `30 s`. */
export function formatDuration(seconds: Rational): string {
    const parts: string[] = [];
    let rest = seconds;
    for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]] as const) {
        const count = floor({ n: rest.n, d: rest.d * BigInt(size) });
        if (count.n > 0n) {
            parts.push(`${count.n} ${unit}`);
            rest = subtract(rest, rational(count.n * BigInt(size)));
        }
    }
    if (rest.n !== 0n || parts.length === 0) {
        parts.push(`${rest.d === 1n ? rest.n : (Number(rest.n) / Number(rest.d)).toFixed(1)} s`);
    }
    return parts.join(' ');
}
