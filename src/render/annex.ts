// The treaty annex: the protocol as numbered prose a drafter can paste into a draft (Markdown).
import type { ActorRef, Condition, Indicator, Protocol, Step, Test, TestValue } from '../model/protocol.js';
import { type Rational, equals, floor, rational, subtract, toExactString } from '../model/rational.js';
import { UNITS } from '../model/units.js';
import { schedule } from '../analysis/deadlines.js';
import type { CompiledProtocol } from './compiled.js';
import { escapeMarkdown } from './markdown.js';

export function renderAnnex(compiled: CompiledProtocol): string {
    const writer = new AnnexWriter(compiled.protocol);
    return writer.write(compiled);
}

/** Numbered sections and paragraphs: `## 2. Thresholds`, `2.1 …`. */
class AnnexWriter {
    protected readonly lines: string[] = [];
    protected section = 0;
    protected paragraph = 0;

    constructor(protected readonly protocol: Protocol) { }

    write(compiled: CompiledProtocol): string {
        const p = this.protocol;
        this.lines.push(`# Annex — ${escapeMarkdown(p.title)}`, '');
        this.lines.push(`*Protocol ${escapeMarkdown(p.name)}${p.version ? `, version ${escapeMarkdown(p.version)}` : ''}; text generated from ${escapeMarkdown(compiled.source)}.*`, '');
        this.parties();
        this.indicators();
        this.levels();
        this.rules('Thresholds', p.rules.filter(r => r.kind === 'threshold'));
        this.rules('Red lines', p.rules.filter(r => r.kind === 'redline'));
        this.responses(compiled);
        this.deescalations();
        return this.lines.join('\n');
    }

    protected heading(title: string): void {
        this.section++;
        this.paragraph = 0;
        this.lines.push(`## ${this.section}. ${title}`, '');
    }

    protected say(text: string): void {
        this.paragraph++;
        this.lines.push(`${this.section}.${this.paragraph} ${text}`, '');
    }

    protected parties(): void {
        const p = this.protocol;
        if (p.parties.length === 0 && p.channels.length === 0) return;
        this.heading('Parties and means of communication');
        if (p.parties.length > 0) {
            const parties = p.parties.map(party => `the ${label(party.label)} (“${escapeMarkdown(party.name)}”)`);
            const mediators = p.mediators.map(m => `the ${label(m.label)}`);
            this.say(`This Annex applies between ${list(parties, 'and')}.` +
                (mediators.length ? ` ${capitalize(list(mediators, 'and'))} shall act as mediator${mediators.length > 1 ? 's' : ''} where this Annex so provides.` : ''));
        }
        if (p.channels.length > 0) {
            const channels = p.channels.map(channel => {
                const ends = channel.ends.map(end => this.actor(end));
                const latency = channel.latency ? `, which delivers within ${durationWords(channel.latency.base)}` : '';
                const fallback = channel.fallback ? ` and is replaced, should it fail, by the ${label(this.channelLabel(channel.fallback))}` : '';
                return `the ${label(channel.label)} between ${ends[0]} and ${ends[1]}${latency}${fallback}`;
            });
            this.say(`The Parties shall maintain ${enumerate(channels)}.`);
        }
    }

    protected indicators(): void {
        const p = this.protocol;
        if (p.indicators.length === 0) return;
        this.heading('Definitions');
        for (const indicator of p.indicators) {
            const direction = indicator.kind === 'flag' || indicator.kind === 'choice' || indicator.kind === 'scale' || !indicator.worse
                ? ''
                : `; a ${indicator.worse} value is the more serious`;
            const kind = indicator.kind === 'flag'
                ? 'whether it is observed'
                : indicator.kind === 'scale'
                    ? `one of ${list(indicator.members!.map(escapeMarkdown), 'or')}, in increasing order of seriousness`
                    : indicator.kind === 'choice'
                        ? `one of ${list(indicator.members!.map(escapeMarkdown), 'or')}`
                        : indicator.unit ? `measured in ${UNITS.get(indicator.unit)?.plural ?? indicator.unit}` : 'counted in whole numbers';
            const tentative = indicator.tentative ? ' It is an assessment rather than an observation.' : '';
            this.say(`“${escapeMarkdown(indicator.name)}” means the ${common(indicator.label)}, ${kind}${direction}.${tentative}`);
        }
    }

    protected levels(): void {
        const p = this.protocol;
        this.heading('Levels of escalation');
        this.say(`The Parties recognise the following levels, in increasing order of severity: ${enumerate(p.levels.map(l => `${label(l.label)} (“${escapeMarkdown(l.name)}”)`))}.`);
        this.say(`The situation stands at the most severe level whose conditions under this Annex are met, or at ${label(p.levels[0].label)} when none is met.`);
    }

    protected rules(title: string, rules: Protocol['rules']): void {
        if (rules.length === 0) return;
        this.heading(title);
        for (const rule of rules) {
            const level = this.levelLabel(rule.level);
            const cite = rule.citation ? ` (${escapeMarkdown(rule.citation)})` : '';
            if (rule.kind === 'threshold') {
                this.say(`Where ${this.condition(rule.condition)}, the Parties shall regard the situation as ${level}${cite}.`);
            } else {
                const consequence = rule.consequence ? ` The consequence shall be: ${escapeMarkdown(rule.consequence)}.` : '';
                const disclosure = rule.disclosure === 'public'
                    ? ' This red line and its consequence are public.'
                    : rule.disclosure === 'confidential' ? ' This red line shall remain confidential between the Parties.' : '';
                this.say(`Where ${this.condition(rule.condition)}, a red line is crossed and the situation shall be regarded as ${level}${cite}.${consequence}${disclosure}`);
            }
        }
    }

    protected responses(compiled: CompiledProtocol): void {
        const p = this.protocol;
        if (p.responses.length === 0) return;
        this.heading('Responses');
        for (const response of p.responses) {
            const scheduled = schedule(response);
            const letters = new Map(scheduled.map((s, i) => [s.step.name, `(${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''})`]));
            const within = response.within ? `, all within ${durationWords(response.within.base)} of that moment` : '';
            const items = scheduled.map(({ step, deadline }) => {
                const after = step.after.length > 0 ? ` after the completion of step${step.after.length > 1 ? 's' : ''} ${list(step.after.map(a => letters.get(a) ?? a), 'and')}` : '';
                const latest = deadline && step.after.length > 0 ? ` and at the latest ${durationWords(deadline)} after the situation reaches that level` : '';
                return `${letters.get(step.name)} ${this.stepProse(step)}, within ${durationWords(step.within.base)}${after}${latest}`;
            });
            const moment = response.level !== undefined ? `the situation reaches ${this.levelLabel(response.level)}` : `${response.rule} starts to hold`;
            this.say(`When ${moment}, the following steps shall be taken${within}:\n` +
                items.map((item, i) => `   ${item}${i < items.length - 1 ? ';' : '.'}`).join('\n'));
        }
    }

    protected deescalations(): void {
        const p = this.protocol;
        if (p.deescalations.length === 0) return;
        this.heading('De-escalation');
        for (const d of p.deescalations) {
            const held = d.condition && (d.holdFor
                ? `the following has held without interruption for at least ${durationWords(d.holdFor.base)}: ${this.condition(d.condition)}`
                : this.condition(d.condition));
            const done = d.after.length > 0 ? `the step${d.after.length > 1 ? 's' : ''} ${list(d.after.map(escapeMarkdown), 'and')} of its response ${d.after.length > 1 ? 'have' : 'has'} been completed` : undefined;
            this.say(`Where the situation stands at ${this.levelLabel(d.from)} and ${[held, done].filter(Boolean).join(', and ')}, the Parties shall regard the situation as ${this.levelLabel(d.to)}.`);
        }
    }

    protected stepProse(step: Step): string {
        const phrase = VERB_PHRASES[step.verb] ?? [step.verb, step.verb];
        const action = step.counterpart ? phrase[1].replace('{X}', this.actor(step.counterpart)) : phrase[0];
        const channel = step.channel ? ` through the ${label(this.channelLabel(step.channel))}` : '';
        const unresolved = step.ifUnresolved ? ' if the matter remains unresolved,' : '';
        const authorized = step.authorizedBy ? ` on the authorization of ${this.actor(step.authorizedBy)}` : '';
        const basis = step.legalBasis ? ` in accordance with ${escapeMarkdown(step.legalBasis)}` : '';
        return `${unresolved ? `${unresolved.trim()} ` : ''}${this.actor(step.actor)} shall ${action}${channel}${authorized}${basis}`;
    }

    /** `the Fleet Command of the Republic of Aland`, `the Republic of Aland`, `the OSCE Conflict Prevention Centre`. */
    protected actor(actor: ActorRef): string {
        const p = this.protocol;
        const party = actor.kind === 'party' || actor.kind === 'organ' ? p.parties.find(x => x.name === actor.party) : undefined;
        const organOf = (organ: string | undefined, of: string) => organ === undefined ? of : `the ${label(this.organLabel(organ))} of ${of}`;
        switch (actor.kind) {
            case 'mediator': return `the ${label(p.mediators.find(m => m.name === actor.mediator)?.label ?? actor.mediator)}`;
            case 'body': return `the ${label(p.bodies.find(b => b.name === actor.body)?.label ?? actor.body)}`;
            case 'party': return `the ${label(party?.label ?? actor.party)}`;
            case 'organ': {
                const organ = party?.organs.find(o => o.name === actor.organ);
                return `the ${label(organ?.label ?? actor.organ)} of the ${label(party?.label ?? actor.party)}`;
            }
            case 'role': return organOf(actor.organ, label(p.roles.find(r => r.name === actor.role)?.label ?? actor.role));
            case 'each': return actor.organ === undefined ? 'each Party' : `the ${label(this.organLabel(actor.organ))} of each Party`;
            case 'other': return organOf(actor.organ, 'the other Party');
            case 'every-other': return actor.organ === undefined ? 'every other Party' : `the ${label(this.organLabel(actor.organ))} of every other Party`;
            case 'all': return 'all Parties';
        }
    }

    /** An organ named through a role or `each party`: its label in the first bound party that has it. */
    protected organLabel(name: string): string {
        return this.protocol.parties.flatMap(p => p.organs).find(o => o.name === name)?.label ?? name;
    }

    protected channelLabel(name: string): string {
        return this.protocol.channels.find(c => c.name === name)?.label ?? name;
    }

    protected levelLabel(name: string): string {
        const level = this.protocol.levels.find(l => l.name === name);
        return label(level?.label ?? name);
    }

    /** A condition in words: `the closest point of approach is less than 2 nautical miles and …`. */
    protected condition(condition: Condition, within?: Condition['kind']): string {
        switch (condition.kind) {
            case 'test': return this.test(condition.test);
            case 'not':
                return condition.operand.kind === 'test'
                    ? this.test(condition.operand.test, true)
                    : `it is not the case that ${this.condition(condition.operand, 'not')}`;
            case 'and':
            case 'or': {
                const parts = condition.operands.map(operand => this.condition(operand, condition.kind));
                const joined = list(parts, condition.kind);
                return within && within !== condition.kind ? `${condition.kind === 'or' ? 'either ' : 'both '}${joined}` : joined;
            }
        }
    }

    /** One test in words; `negated` words its negation (`not radarLock`: the lock-on is not observed). */
    protected test(test: Test, negated = false): string {
        const indicator = this.protocol.indicators.find(i => i.name === test.indicator)!;
        const subject = `the ${common(indicator.label)}`;
        switch (test.kind) {
            case 'flag':
                return `${common(indicator.label)} is ${negated ? 'not ' : ''}observed`;
            case 'in': {
                const members = test.members.map(escapeMarkdown);
                return test.negated !== negated
                    ? `${subject} is ${members.length === 2 ? `neither ${members[0]} nor ${members[1]}` : `none of ${list(members, 'and')}`}`
                    : `${subject} is ${list(members, 'or')}`;
            }
            case 'between':
                return `${subject} is ${negated ? 'not ' : ''}between ${this.value(indicator, test.low)} and ${this.value(indicator, test.high)} inclusive`;
            case 'compare': {
                if (indicator.kind === 'flag') {
                    const observed = test.value.kind === 'boolean' && test.value.value === (test.operator === '=');
                    return `${common(indicator.label)} is ${observed !== negated ? '' : 'not '}observed`;
                }
                const value = this.value(indicator, test.value);
                const ordered = indicator.kind === 'scale';
                const operator = negated ? NEGATED[test.operator] : test.operator;
                switch (operator) {
                    case '<': return `${subject} is ${ordered ? `below ${value}` : `less than ${value}`}`;
                    case '<=': return ordered ? `${subject} is ${value} or lower` : `${subject} does not exceed ${value}`;
                    case '>': return ordered ? `${subject} is above ${value}` : `${subject} exceeds ${value}`;
                    case '>=': return ordered ? `${subject} is ${value} or higher` : `${subject} is at least ${value}`;
                    case '=': return `${subject} is ${indicator.kind === 'count' ? 'exactly ' : ''}${value}`;
                    case '!=': return `${subject} is not ${value}`;
                }
            }
        }
    }

    protected value(indicator: Indicator, value: TestValue): string {
        switch (value.kind) {
            case 'boolean': return value.value ? 'observed' : 'not observed';
            case 'member': return escapeMarkdown(value.member);
            case 'quantity': return quantityWords(value.quantity.amount, value.quantity.unit, indicator);
        }
    }
}

/** `2 nautical miles`, `1 hour`, `40 per cent`, `3`. */
function quantityWords(amount: Rational, unit: string | undefined, indicator: Indicator): string {
    const number = toExactString(amount);
    const known = unit === undefined ? undefined : UNITS.get(unit);
    if (!known) return indicator.kind === 'percent' ? `${number} per cent` : number;
    return `${number} ${equals(amount, rational(1)) ? known.singular : known.plural}`;
}

const NEGATED = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' } as const;

/** A duration in words: `4 days and 15 minutes`, `1 hour`, `30 seconds`. */
function durationWords(seconds: Rational): string {
    const parts: string[] = [];
    let rest = seconds;
    for (const [singular, size] of [['day', 86400], ['hour', 3600], ['minute', 60]] as const) {
        const count = floor({ n: rest.n, d: rest.d * BigInt(size) });
        if (count.n > 0n) {
            parts.push(`${count.n} ${singular}${count.n === 1n ? '' : 's'}`);
            rest = subtract(rest, rational(count.n * BigInt(size)));
        }
    }
    if (rest.n !== 0n || parts.length === 0) {
        parts.push(`${toExactString(rest)} second${equals(rest, rational(1)) ? '' : 's'}`);
    }
    return list(parts, 'and');
}

/** How each verb reads in a treaty: without a counterpart, and with one (`{X}`). */
const VERB_PHRASES: Record<string, [string, string]> = {
    notifies: ['give notice', 'notify {X}'],
    consults: ['hold consultations', 'consult {X}'],
    requests: ['make a request', 'make a request to {X}'],
    explains: ['provide an explanation', 'provide an explanation to {X}'],
    acknowledges: ['acknowledge receipt', 'acknowledge receipt to {X}'],
    verifies: ['verify the facts', 'verify the facts with {X}'],
    inspects: ['carry out an inspection', 'carry out an inspection of {X}'],
    mediates: ['mediate between the Parties', 'mediate with {X}'],
    convenes: ['convene the Parties', 'convene {X}'],
    discloses: ['disclose the incident', 'disclose the incident to {X}'],
    withdraws: ['withdraw its assets', 'withdraw its assets from the vicinity of {X}'],
    suspends: ['suspend the activities concerned', 'suspend the activities concerned with {X}'],
    pauses: ['pause the activities concerned', 'pause the activities concerned with {X}'],
    intercepts: ['carry out an interception', 'intercept {X}'],
    deploys: ['deploy its forces', 'deploy its forces against {X}'],
    engages: ['engage', 'engage {X}'],
};

/** A proper name (party, organ, mediator, channel, level), as declared. */
function label(text: string): string {
    return escapeMarkdown(text);
}

/** An indicator's description inside a sentence: lower-case first letter, unless it starts an acronym. */
function common(text: string): string {
    const escaped = escapeMarkdown(text);
    return /^[A-Z][^A-Z]/.test(escaped) ? escaped.charAt(0).toLowerCase() + escaped.slice(1) : escaped;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function list(items: readonly string[], conjunction: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `(a) …; (b) …; and (c) …`. */
function enumerate(items: readonly string[]): string {
    if (items.length === 1) return items[0];
    return items.map((item, i) => `(${String.fromCharCode(97 + (i % 26))}) ${item}${i === items.length - 2 ? '; and' : i < items.length - 1 ? ';' : ''}`).join(' ');
}
