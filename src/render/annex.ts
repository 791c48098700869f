// The treaty annex: the protocol as numbered treaty prose a drafter can paste into a draft (Markdown), in
// the language of the publication. Defined terms are the labels; obligations bind "each Party" or the
// party in a role as the text names them; conditions with nested `and`/`or` are enumerated (i), (A), (1).
import type { ActorRef, Condition, Duty, Indicator, Obligation, Protocol, Response, Rule, Step, Test, TestValue } from '../model/protocol.js';
import { equals, rational } from '../model/rational.js';
import { schedule } from '../analysis/deadlines.js';
import type { CompiledProtocol } from './compiled.js';
import type { MessageId } from './i18n/en.js';
import type { Phrasebook } from './i18n/phrasebook.js';
import { escapeMarkdown } from './markdown.js';
import { headerLine } from './metadata.js';

export function renderAnnex(compiled: CompiledProtocol): string {
    return new AnnexWriter(compiled).write();
}

/** Numbered sections and paragraphs: `## 2. Thresholds`, `2.1 …`. */
class AnnexWriter {
    protected readonly lines: string[] = [];
    protected readonly protocol: Protocol;
    protected readonly p: Phrasebook;
    protected section = 0;
    protected paragraph = 0;
    /** The paragraph that states each rule, for responses to rules: `4.1`. */
    protected readonly ruleParagraphs = new Map<string, string>();
    /** Per response (by level or rule), its paragraph and the letter of each step. */
    protected readonly stepLetters = new Map<string, { paragraph: string; letters: Map<string, string> }>();

    constructor(protected readonly compiled: CompiledProtocol) {
        this.protocol = compiled.protocol;
        this.p = compiled.phrases;
    }

    write(): string {
        const p = this.protocol;
        this.lines.push(`# ${escapeMarkdown(this.p.t('annex.title', { title: p.title }))}`, '');
        this.lines.push(`*${escapeMarkdown(headerLine(this.compiled))}*`, '');
        this.parties();
        this.definitions();
        this.levels();
        this.rules('annex.section.thresholds', p.rules.filter(r => r.kind === 'threshold'));
        this.rules('annex.section.redlines', p.rules.filter(r => r.kind === 'redline'));
        this.responses();
        this.duties();
        this.deescalations();
        return this.lines.join('\n');
    }

    protected heading(title: MessageId): void {
        this.section++;
        this.paragraph = 0;
        this.lines.push(`## ${this.section}. ${this.p.t(title)}`, '');
    }

    /** A numbered paragraph; a confidential one is marked in the full edition (the public one has none). */
    protected say(text: string, confidential = false): string {
        this.paragraph++;
        const number = `${this.section}.${this.paragraph}`;
        const mark = confidential ? `**[${this.p.t('confidential')}]** ` : '';
        this.lines.push(`${number} ${mark}${text}`, '');
        return number;
    }

    protected parties(): void {
        const p = this.protocol;
        const bound = p.parties.filter(party => p.bound.includes(party.name));
        if (bound.length === 0 && p.channels.length === 0) return;
        this.heading('annex.section.parties');
        if (bound.length > 0) {
            this.say(this.p.t('annex.parties', { parties: this.p.list(bound.map(party => this.p.t('annex.actor.party', { label: text(party.label) }))) }));
        }
        if (p.roles.length > 0) {
            this.say(capitalize(this.p.t('annex.roles', { count: p.roles.length, roles: this.p.list(p.roles.map(role => this.p.quote(text(role.label)))) })));
        }
        for (const body of p.bodies) {
            this.say(capitalize(this.p.t('annex.body', {
                body: this.p.t('annex.actor.body', { label: text(body.label) }),
                members: this.p.list(body.members.map(member => this.actor({ kind: 'party', party: member }))),
            })));
        }
        if (p.mediators.length > 0) {
            const mediators = this.p.list(p.mediators.map(m => this.p.t('annex.actor.mediator', { label: text(m.label) })));
            this.say(capitalize(this.p.t('annex.mediators', { mediators, count: p.mediators.length })));
        }
        const open = p.channels.filter(channel => !channel.confidential);
        const secret = p.channels.filter(channel => channel.confidential);
        if (open.length > 0) this.say(this.p.t('annex.channels', { channels: this.enumerate(open.map(channel => this.channel(channel))) }));
        if (secret.length > 0) this.say(this.p.t('annex.channels', { channels: this.enumerate(secret.map(channel => this.channel(channel))) }), true);
    }

    /** `(a) …; (b) …; and (c) …`. */
    protected enumerate(items: readonly string[]): string {
        if (items.length === 1) return items[0];
        return items.map((item, i) => i === items.length - 1 ? this.p.t('annex.lastItem', { item: `(${letter(i)}) ${item}` }) : `(${letter(i)}) ${item}${this.p.t('itemEnd')}`).join(' ');
    }

    protected channel(channel: Protocol['channels'][number]): string {
        const ends = this.p.list(channel.ends.map(end => this.actor(end)));
        return this.p.t('annex.channel', { channel: text(channel.label), ends })
            + (channel.relay ? this.p.t('annex.channel.relay', { relay: this.actor(channel.relay) }) : '')
            + (channel.latency ? this.p.t('annex.channel.latency', { duration: this.p.duration(channel.latency.base) }) : '')
            + (channel.fallback ? this.p.t('annex.channel.fallback', { fallback: text(this.channelLabel(channel.fallback)) }) : '');
    }

    protected definitions(): void {
        const p = this.protocol;
        if (p.indicators.length === 0) return;
        this.heading('annex.section.definitions');
        for (const indicator of p.indicators) {
            const assessment = indicator.tentative ? this.p.t('annex.assessment') : '';
            this.say(this.p.t('annex.definition', { term: text(indicator.label), meaning: this.meaning(indicator) + this.direction(indicator) }) + assessment);
        }
    }

    protected meaning(indicator: Indicator): string {
        const units = indicator.unit ? this.p.unit(indicator.unit, rational(2)) : '';
        const members = (names: readonly string[]) => this.p.list(names.map(escapeMarkdown), 'or');
        switch (indicator.kind) {
            case 'flag': return this.p.t(indicator.tentative ? 'annex.meaning.flagAssessed' : 'annex.meaning.flag');
            case 'scale': return this.p.t('annex.meaning.scale', { members: members(indicator.members ?? []) });
            case 'choice': return this.p.t('annex.meaning.choice', { members: members(indicator.members ?? []) });
            case 'percent': return this.p.t('annex.meaning.percent');
            case 'measure': return this.p.t('annex.meaning.measure', { dimension: common(indicator.measure?.label ?? indicator.dimension ?? ''), units });
            case 'count': {
                const event = indicator.counts?.event && common(this.eventLabel(indicator.counts.event));
                const window = indicator.counts?.window && this.p.duration(indicator.counts.window.base);
                if (event && window) return this.p.t('annex.meaning.countOver', { event, duration: window });
                if (event) return this.p.t('annex.meaning.countOf', { event });
                if (window) return this.p.t('annex.meaning.countOverAny', { duration: window });
                return this.p.t('annex.meaning.count');
            }
            default: return this.p.t(`annex.meaning.${indicator.kind}`, { units });
        }
    }

    protected direction(indicator: Indicator): string {
        if (!indicator.worse) return '';
        if (indicator.kind === 'flag') return indicator.worse === 'lower' ? this.p.t('annex.direction.absent') : '';
        if (indicator.kind === 'scale' || indicator.kind === 'choice') return '';
        return this.p.t(indicator.worse === 'higher' ? 'annex.direction.higher' : 'annex.direction.lower');
    }

    protected levels(): void {
        const p = this.protocol;
        this.heading('annex.section.levels');
        this.say(this.p.t('annex.levels', { levels: this.p.list(p.levels.map(l => this.p.quote(text(l.label)))) }));
        this.say(this.p.t('annex.levels.stand', { baseline: this.p.quote(text(p.levels[0].label)) }));
        if (p.scopes.length > 0) {
            const condition = p.scopes.length === 1 ? p.scopes[0].condition : { kind: 'and' as const, operands: p.scopes.map(s => s.condition) };
            const citations = p.scopes.flatMap(s => s.citation ? [s.citation] : []);
            this.say(this.p.t('annex.scope', { condition: this.condition(condition), citation: cite(citations.join('; ')) }));
        }
    }

    protected rules(title: MessageId, rules: readonly Rule[]): void {
        if (rules.length === 0) return;
        this.heading(title);
        for (const rule of rules) {
            const values = {
                condition: this.condition(rule.condition),
                level: this.p.quote(this.levelLabel(rule.level)),
                unless: rule.unless ? this.p.t('annex.unless', { condition: this.condition(rule.unless) }) : '',
                citation: cite(rule.citation),
            };
            if (rule.kind === 'threshold') {
                this.ruleParagraphs.set(rule.name, this.say(this.p.t('annex.threshold', values)));
                continue;
            }
            // English and French state the consequence after a colon, lower-case; Russian opens the sentence with it.
            const consequence = rule.consequence !== undefined
                ? ` ${this.p.t('annex.consequence', { consequence: this.p.language === 'ru' ? text(rule.consequence) : common(rule.consequence) })}`
                : rule.disclosure === 'confidential' && this.compiled.edition === 'public' ? ` ${this.p.t('annex.consequence.withheld')}` : '';
            const disclosure = rule.disclosure ? ` ${this.p.t(rule.disclosure === 'public' ? 'annex.disclosure.public' : 'annex.disclosure.confidential')}` : '';
            this.ruleParagraphs.set(rule.name, this.say(this.p.t('annex.redline', values) + consequence + disclosure, rule.disclosure === 'confidential'));
        }
    }

    protected responses(): void {
        const p = this.protocol;
        if (p.responses.length === 0) return;
        this.heading('annex.section.responses');
        // Level responses first, from the least severe level up, then responses to rules: a paragraph can
        // then refer to the steps of an included response already stated.
        const byLevel = p.levels.flatMap(level => p.responses.filter(r => r.level === level.name));
        const byRule = p.responses.filter(r => r.rule !== undefined);
        for (const response of [...byLevel, ...byRule]) this.response(response);
    }

    protected response(response: Response): void {
        const scheduled = schedule(response);
        const letters = new Map(scheduled.map((s, i) => [s.step.name, `(${letter(i)})`]));
        const within = response.within ? this.p.t('annex.response.within', { duration: this.p.duration(response.within.base) }) : '';
        const items = scheduled.map(({ step, deadline }) => {
            const after = step.after.length > 0 ? this.p.t('annex.step.after', { steps: this.p.list(step.after.map(a => letters.get(a) ?? a)) }) : '';
            // No “at the latest 0 seconds” after steps due at once.
            const latest = deadline && deadline.n !== 0n && step.after.length > 0 ? this.p.t('annex.step.latest', { duration: this.p.duration(deadline) }) : '';
            const obligation = this.obligation(step);
            const mark = step.confidential ? ` **[${this.p.t('confidential')}]**` : '';
            return this.p.t('annex.step', {
                letter: `${letters.get(step.name)!}${mark}`,
                obligation: step.ifUnresolved ? this.p.t('annex.step.unresolved', { obligation }) : obligation,
                timing: this.stepTiming(step), after, latest, citation: cite(step.citation),
            });
        });
        const heading = response.level !== undefined
            ? this.p.t('annex.response.level', { level: this.p.quote(this.levelLabel(response.level)), citation: cite(response.citation), within })
            : this.p.t('annex.response.rule', { paragraph: this.ruleParagraphs.get(response.rule!) ?? response.rule!, citation: cite(response.citation), within });
        const includes = response.includes.length > 0
            ? `\n   ${this.p.t('annex.response.includes', { count: response.includes.length, levels: this.p.list(response.includes.map(level => this.p.quote(this.levelLabel(level)))) })}`
            : '';
        const number = this.say(`${heading}\n${items.map((item, i) => `   ${item}${i < items.length - 1 ? this.p.t('itemEnd') : '.'}`).join('\n')}${includes}`, response.confidential);
        this.stepLetters.set(response.level ?? `rule ${response.rule}`, { paragraph: number, letters });
    }

    protected stepTiming(step: Step): string {
        return step.timing === 'within'
            ? this.p.t('annex.timing.within', { duration: this.p.duration(step.within.base) })
            : this.p.t(step.timing === 'immediately' ? 'annex.timing.immediately' : 'annex.timing.without delay');
    }

    protected duties(): void {
        const p = this.protocol;
        if (p.duties.length === 0) return;
        this.heading('annex.section.duties');
        for (const duty of p.duties) {
            this.say(capitalize(this.p.t('annex.duty', { obligation: this.obligation(duty), when: this.dutyTiming(duty), citation: cite(duty.citation) })), duty.confidential);
        }
    }

    protected dutyTiming(duty: Duty): string {
        const when = duty.when;
        switch (when.kind) {
            case 'before': return this.p.t('annex.when.before', { duration: this.p.quantity(when.lead), event: common(this.eventLabel(when.event)) });
            case 'after': {
                const event = common(this.eventLabel(when.event));
                if (when.timing === 'within') return this.p.t('annex.when.after', { duration: this.p.quantity(when.within), event });
                return this.p.t(when.timing === 'immediately' ? 'annex.when.immediately' : 'annex.when.without delay', { event });
            }
            case 'every': {
                const one = equals(when.period.amount, rational(1)) && when.period.unit !== undefined;
                return this.p.t('annex.when.every', { one: String(one), unit: one ? this.p.unit(when.period.unit!, rational(1)) : '', duration: this.p.quantity(when.period) });
            }
            case 'on': return this.p.t(when.yearly ? 'annex.when.onYearly' : 'annex.when.on', { date: this.p.dayOfYear(when.day, when.month) });
        }
    }

    protected deescalations(): void {
        const p = this.protocol;
        if (p.deescalations.length === 0) return;
        this.heading('annex.section.deescalation');
        for (const d of p.deescalations) {
            const held = d.condition && (d.holdFor
                ? this.p.t('annex.offramp.held', { duration: this.p.duration(d.holdFor.base), condition: this.condition(d.condition) })
                : this.condition(d.condition));
            const response = this.stepLetters.get(d.from);
            const done = d.after.length > 0
                ? this.p.t('annex.offramp.done', {
                    count: d.after.length,
                    steps: this.p.list(d.after.map(name => response?.letters.get(name) ?? escapeMarkdown(name))),
                    paragraph: response?.paragraph ?? '',
                })
                : undefined;
            this.say(this.p.t('annex.offramp', {
                from: this.p.quote(this.levelLabel(d.from)), to: this.p.quote(this.levelLabel(d.to)),
                conditions: this.p.list([done, held].filter((part): part is string => Boolean(part))),
                citation: cite(d.citation),
            }));
        }
    }

    /** Who shall do what, to whom, through which channel, on whose authorization, on what legal basis. */
    protected obligation(obligation: Obligation): string {
        const counterpart = obligation.counterpart ? this.actor(obligation.counterpart) : 'none';
        let action = obligation.phrase !== undefined
            ? this.p.t('annex.verb.custom', { phrase: text(this.p.language === 'en' ? baseForm(obligation.phrase) : obligation.phrase), counterpart })
            : this.p.t(`annex.verb.${obligation.verb}` as MessageId, { counterpart });
        if (obligation.channel) action = this.p.t('annex.channel.via', { action, channel: text(this.channelLabel(obligation.channel)) });
        if (obligation.authorizedBy) action = this.p.t('annex.authorized', { action, authority: this.actor(obligation.authorizedBy) });
        if (obligation.legalBasis) action = this.p.t('annex.basis', { action, basis: text(obligation.legalBasis) });
        return this.p.t('annex.obligation', { actor: this.actor(obligation.actor), action });
    }

    /**
     * An actor as the treaty names it: `the Ministry of Defence of the Republic of Aland`, `each Party`,
     * `the Party conducting the test`. An organ whose label already names its party is not followed by it.
     */
    protected actor(actor: ActorRef): string {
        const p = this.protocol;
        const organ = (name: string | undefined, of: string, party?: { name: string; label: string }) => {
            if (name === undefined) return of;
            if (!party) {
                // Through a role or `each party`: the organ's label in every party it can stand for.
                const labels = this.organLabels(name);
                if (labels.length > 1) {
                    const organs = this.p.list(labels.map(label => this.p.t('annex.actor.organAlone', { organ: text(label) })), 'or');
                    return this.p.t('annex.actor.organChoice', { organs, party: of });
                }
            }
            const label = party ? this.organLabel(name, party.name) : this.organLabels(name)[0] ?? name;
            const named = party && (label.includes(party.label) || label.includes(party.name));
            return named ? this.p.t('annex.actor.organAlone', { organ: text(label) }) : this.p.t('annex.actor.organ', { organ: text(label), party: of });
        };
        switch (actor.kind) {
            case 'mediator': return this.p.t('annex.actor.mediator', { label: text(p.mediators.find(m => m.name === actor.mediator)?.label ?? actor.mediator) });
            case 'body': return this.p.t('annex.actor.body', { label: text(p.bodies.find(b => b.name === actor.body)?.label ?? actor.body) });
            case 'party':
            case 'organ': {
                const party = p.parties.find(x => x.name === actor.party);
                const name = this.p.t('annex.actor.party', { label: text(party?.label ?? actor.party) });
                return actor.kind === 'party' ? name : organ(actor.organ, name, party);
            }
            case 'role': return organ(actor.organ, this.p.t('annex.actor.role', { label: text(p.roles.find(r => r.name === actor.role)?.label ?? actor.role) }));
            case 'each': return organ(actor.organ, this.p.t('annex.actor.each'));
            case 'other': return organ(actor.organ, this.p.t('annex.actor.other'));
            case 'every-other': return organ(actor.organ, this.p.t('annex.actor.everyOther'));
            case 'all': return this.p.t('annex.actor.all');
        }
    }

    /** An organ's label in a party. */
    protected organLabel(name: string, party: string): string {
        return this.protocol.parties.find(x => x.name === party)?.organs.find(o => o.name === name)?.label ?? name;
    }

    /** The distinct labels of an organ among the bound parties that have it. */
    protected organLabels(name: string): string[] {
        const labels = this.protocol.parties.filter(x => this.protocol.bound.includes(x.name))
            .flatMap(x => x.organs.filter(o => o.name === name).map(o => o.label));
        return [...new Set(labels)];
    }

    protected channelLabel(name: string): string {
        return this.protocol.channels.find(c => c.name === name)?.label ?? name;
    }

    protected eventLabel(name: string): string {
        return this.protocol.events.find(e => e.name === name)?.label ?? name;
    }

    protected levelLabel(name: string): string {
        return text(this.protocol.levels.find(l => l.name === name)?.label ?? name);
    }

    /**
     * A condition in words. `and`/`or` of simple tests read inline (`A, B and C`); one with a compound
     * part is enumerated, (i), (ii) at the top, (A), (B) within, (1), (2) below, so that
     * `(a or b) and c` cannot be misread.
     */
    protected condition(condition: Condition, depth = 0): string {
        switch (condition.kind) {
            case 'test': return this.test(condition.test);
            case 'not':
                return condition.operand.kind === 'test'
                    ? this.test(condition.operand.test, true)
                    : this.p.t('annex.notCase', { condition: this.condition(condition.operand, depth) });
            case 'and':
            case 'or': {
                const compound = condition.operands.some(o => o.kind === 'and' || o.kind === 'or' || (o.kind === 'not' && o.operand.kind !== 'test'));
                if (!compound) {
                    const joined = this.p.list(condition.operands.map(o => this.condition(o, depth + 1)), condition.kind);
                    return depth > 0 ? this.p.t(condition.kind === 'or' ? 'annex.either' : 'annex.both', { items: joined }) : joined;
                }
                const markers = MARKERS[Math.min(depth, MARKERS.length - 1)];
                const items = condition.operands.map((o, i) => `(${markers(i)}) ${this.condition(o, depth + 1)}`);
                const joined = this.p.list(items, condition.kind);
                return depth > 0 ? this.p.t(condition.kind === 'or' ? 'annex.either' : 'annex.both', { items: joined }) : joined;
            }
        }
    }

    /** One test in words; `negated` words its negation (`not radarLock`: the lock-on is not observed). */
    protected test(test: Test, negated = false): string {
        const indicator = this.protocol.indicators.find(i => i.name === test.indicator)!;
        const label = common(indicator.label);
        const subject = this.p.t(indicator.tentative ? 'annex.subjectAssessed' : 'annex.subject', { label });
        const flag = (observed: boolean) => this.p.t(indicator.tentative ? 'annex.flag.assessed' : 'annex.flag.observed', { subject: label, negated: String(!observed) });
        switch (test.kind) {
            case 'flag':
                return flag(!negated);
            case 'in': {
                const members = test.members.map(escapeMarkdown);
                return test.negated !== negated
                    ? this.p.t('annex.notIn', { subject, members: this.p.list(members, 'or') })
                    : this.p.t('annex.in', { subject, members: this.p.list(members, 'or') });
            }
            case 'between':
                return this.p.t(negated ? 'annex.notBetween' : 'annex.between', { subject, low: this.value(indicator, test.low), high: this.value(indicator, test.high) });
            case 'compare': {
                if (indicator.kind === 'flag') {
                    const observed = test.value.kind === 'boolean' && test.value.value === (test.operator === '=');
                    return flag(observed !== negated);
                }
                const value = this.value(indicator, test.value);
                const operator = negated ? NEGATED[test.operator] : test.operator;
                const scale = indicator.kind === 'scale';
                const id: MessageId = operator === '=' ? (indicator.kind === 'count' ? 'annex.cmp.eqCount' : 'annex.cmp.eq')
                    : operator === '!=' ? 'annex.cmp.ne'
                        : `annex.${scale ? 'scale' : 'cmp'}.${OPERATOR_NAMES[operator]}` as MessageId;
                return this.p.t(id, { subject, value });
            }
        }
    }

    protected value(indicator: Indicator, value: TestValue): string {
        switch (value.kind) {
            case 'boolean': return String(value.value);
            case 'member': return escapeMarkdown(value.member);
            case 'quantity': {
                const number = this.p.number(value.quantity.amount);
                if (indicator.kind === 'percent') return this.p.t('annex.percent', { number });
                return escapeMarkdown(this.p.quantity(value.quantity));
            }
        }
    }
}

const NEGATED = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' } as const;
const OPERATOR_NAMES = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;

/** Enumeration markers by depth: (i), (A), (1). */
const MARKERS: ReadonlyArray<(i: number) => string> = [roman, i => String.fromCharCode(65 + (i % 26)), i => String(i + 1)];

function roman(i: number): string {
    const numerals: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let rest = i + 1;
    let result = '';
    for (const [value, numeral] of numerals) {
        while (rest >= value) { result += numeral; rest -= value; }
    }
    return result;
}

/** Letters of a response's steps: a … z, then a1 … */
function letter(i: number): string {
    return `${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
}

/** A citation after a clause: ` (Art. 4(2))`, or nothing. */
function cite(citation: string | undefined): string {
    return citation ? ` (${escapeMarkdown(citation)})` : '';
}

/** Protocol text inside treaty prose: escaped for Markdown. */
function text(value: string): string {
    return escapeMarkdown(value);
}

/** A label inside a sentence: lower-case first letter, unless it starts an acronym or a proper name in capitals. */
function common(value: string): string {
    const escaped = escapeMarkdown(value);
    return /^\p{Lu}[^\p{Lu}]/u.test(escaped) ? escaped.charAt(0).toLocaleLowerCase() + escaped.slice(1) : escaped;
}

function capitalize(value: string): string {
    return value.charAt(0).toLocaleUpperCase() + value.slice(1);
}

/**
 * An English action phrase in the third person (`renders assistance to`), as it follows `shall`
 * (`render assistance to`): only its first word changes.
 */
export function baseForm(phrase: string): string {
    const [first, ...rest] = phrase.split(' ');
    const irregular: Record<string, string> = { is: 'be', has: 'have', does: 'do', goes: 'go' };
    const base = irregular[first]
        ?? (/[^aeiou]ies$/.test(first) ? first.slice(0, -3) + 'y'
            : /(ss|sh|ch|x|z|o)es$/.test(first) ? first.slice(0, -2)
                : /[^s]s$/.test(first) ? first.slice(0, -1) : first);
    return [base, ...rest].join(' ');
}

