// Builds the normalized protocol model from a linked AST: base units, resolved names, defaults filled in.
// The language's side of the boundary: nothing below the model knows the AST.
import { AstUtils, GrammarUtils, isReference, type AstNode } from 'langium';
import * as ast from './generated/ast.js';
import { dimensionName, durationProblem, indicatorKind, isMeasured, unitsOfIndicator, useOf, valueProblem } from './typing.js';
import type {
    Action, ActorRef, Body, Channel, ComparisonOperator, ConcreteActor, Condition, Deescalation, Duty, DutyTiming, Event, Indicator,
    Labelled, Level, Mediator, Obligation, Party, Protocol, Quantity, Response, Role, Rule, Scenario, Scope, SourceRef, Status, Step,
    Test, TestValue, Translations
} from '../model/protocol.js';
import { parseDecimal, rational } from '../model/rational.js';
import { MONTH_NAMES } from '../model/syntax.js';
import { type Unit, toBase } from '../model/units.js';
import { type VerbClass, verbClass } from '../model/verbs.js';


/**
 * Normalizes one protocol. `shared` lists the top-level declarations the protocol's file can see, in order
 * (imported files first, then its own); every party and indicator among them is part of the protocol, the
 * other declarations when it uses them.
 */
export function buildProtocol(protocol: ast.Protocol, shared: readonly ast.SharedDeclaration[] = []): Protocol {
    return new ProtocolBuilder(protocol, shared).build();
}

class ProtocolBuilder {
    /** Cleared when part of the text had to be left out. */
    protected complete = true;
    protected readonly members: readonly ast.ProtocolMember[];

    constructor(protected readonly protocol: ast.Protocol, protected readonly shared: readonly ast.SharedDeclaration[]) {
        this.members = protocol.members;
    }

    build(): Protocol {
        const protocol = this.protocol;
        const referenced = this.referencedNodes();
        const used = <T extends ast.SharedDeclaration>(guard: (node: unknown) => node is T): T[] => [
            ...this.shared.filter(guard).filter(node => referenced.has(node)),
            ...this.members.filter(guard),
        ];
        // A situation assigns every indicator the protocol sees, used by a rule or not; every party it sees is bound unless `between` says otherwise.
        const visible = <T extends ast.SharedDeclaration>(guard: (node: unknown) => node is T): T[] => [...this.shared.filter(guard), ...this.members.filter(guard)];
        const ladder = this.members.find(ast.isLadder);
        const levels = (ladder?.levels ?? []).map((level, rank): Level => ({ ...this.labelled(level), rank, source: this.source(level) }));
        const parties = visible(ast.isParty).map(party => this.party(party));
        const binding = this.members.find(ast.isBinding);
        const status = this.members.find(ast.isStatus);
        const result: Protocol = {
            name: protocol.name,
            title: protocol.title?.text ?? protocol.name,
            ...optional('titleTranslations', translations(protocol.title)),
            version: this.members.find(ast.isVersion)?.value,
            date: this.members.find(ast.isDated)?.value,
            status: status ? (status.inForce ? 'in force' : status.value as Status) : undefined,
            supersedes: this.members.find(ast.isSupersedes)?.protocol?.ref?.name,
            languages: this.members.find(ast.isLanguages)?.codes ?? [],
            confidential: protocol.confidential,
            requireReciprocity: this.members.some(member => ast.isRequirement(member) && member.policy === 'reciprocity'),
            parties,
            bound: binding ? binding.parties.map(p => p.ref?.name ?? this.omit()).filter(isDefined) : parties.map(p => p.name),
            roles: this.members.filter(ast.isRole).map((role): Role => ({ ...this.labelled(role), source: this.source(role) })),
            mediators: used(ast.isMediator).map((mediator): Mediator => ({ ...this.labelled(mediator), source: this.source(mediator) })),
            bodies: used(ast.isBody).map(body => this.body(body)).filter(isDefined),
            channels: used(ast.isChannel).map(channel => this.channel(channel)).filter(isDefined),
            actions: used(ast.isAction).map((action): Action => ({
                ...this.labelled(action), verbClass: action.verbClass as VerbClass, source: this.source(action),
            })),
            events: used(ast.isEvent).map((event): Event => ({ ...this.labelled(event), source: this.source(event) })),
            indicators: visible(ast.isIndicator).map(indicator => this.indicator(indicator)).filter(isDefined),
            levels,
            rules: this.members.filter(ast.isRule).map(rule => this.rule(rule)).filter(isDefined),
            scopes: this.members.filter(ast.isScope).map(scope => this.scope(scope)).filter(isDefined),
            responses: this.members.filter(ast.isResponse).map(response => this.response(response)).filter(isDefined),
            duties: this.members.filter(ast.isDuty).map(duty => this.duty(duty)).filter(isDefined),
            deescalations: this.members.filter(ast.isDeescalation).map(d => this.deescalation(d)).filter(isDefined),
            scenarios: this.members.filter(ast.isScenario).map(scenario => this.scenario(scenario)).filter(isDefined),
            source: this.source(protocol),
            extent: protocol.$cstNode?.range ?? this.source(protocol).range,
            complete: true,
        };
        if (!ladder || levels.length < 2 || this.members.filter(ast.isLadder).length > 1) {
            this.complete = false;
        }
        // The model refers to declarations by name: two of one kind with the same name make it ambiguous.
        const groups: ReadonlyArray<readonly { name: string }[]> = [
            result.indicators, result.levels, result.rules, result.channels, result.events, result.actions, result.roles,
            [...result.parties, ...result.mediators, ...result.bodies],
        ];
        if (groups.some(group => new Set(group.map(item => item.name)).size !== group.length)) {
            this.complete = false;
        }
        return { ...result, complete: this.complete };
    }

    /** Shared declarations the protocol refers to, directly or through its channels and organs. */
    protected referencedNodes(): Set<AstNode> {
        const referenced = new Set<AstNode>();
        // The document keeps every reference it linked: those made inside this protocol are the ones.
        for (const reference of AstUtils.getDocument(this.protocol).references) {
            if (!isReference(reference) || !this.contains(reference.$refNode?.astNode)) continue;
            let target: AstNode | undefined = reference.ref;
            while (target) {
                referenced.add(target);
                target = ast.isOrgan(target) ? target.$container : undefined;
            }
        }
        // Channels used by the protocol bring in their fallbacks, and the parties, mediators and bodies they link.
        const channels = [...referenced].filter(ast.isChannel);
        for (let channel = channels.shift(); channel; channel = channels.shift()) {
            for (const end of [...channel.ends, ...(channel.relay ? [channel.relay] : [])]) {
                if (ast.isNamed(end) && end.subject?.ref) referenced.add(end.subject.ref);
            }
            const fallback = channel.fallback?.ref;
            if (fallback && !referenced.has(fallback)) {
                referenced.add(fallback);
                channels.push(fallback);
            }
        }
        return referenced;
    }

    protected contains(node: AstNode | undefined): boolean {
        for (let current = node; current; current = current.$container) {
            if (current === this.protocol) return true;
        }
        return false;
    }

    protected labelled(node: { name: string; label?: ast.Label }): Labelled {
        return { name: node.name, label: node.label?.text ?? node.name, ...optional('translations', translations(node.label)) };
    }

    protected party(party: ast.Party): Party {
        return {
            ...this.labelled(party),
            organs: party.organs.map(organ => ({
                ...this.labelled(organ),
                powers: organ.powers.filter((power): power is 'force' | 'disclosure' => power === 'force' || power === 'disclosure'),
                source: this.source(organ),
            })),
            source: this.source(party),
        };
    }

    protected body(body: ast.Body): Body | undefined {
        const members = body.members.map(member => member.ref?.name);
        if (members.some(member => member === undefined)) return this.omit();
        return { ...this.labelled(body), members: members as string[], source: this.source(body) };
    }

    protected channel(channel: ast.Channel): Channel | undefined {
        const ends = channel.ends.map(end => this.concrete(end));
        const relay = channel.relay ? this.concrete(channel.relay) : undefined;
        const latency = channel.latency ? this.duration(channel.latency) : undefined;
        if (ends.length < 2 || ends.some(end => !end) || (channel.relay && !relay) || (channel.latency && !latency) || (channel.fallback && !channel.fallback.ref)) {
            return this.omit();
        }
        return {
            ...this.labelled(channel),
            ends: ends as ConcreteActor[],
            ...optional('relay', relay),
            latency,
            fallback: channel.fallback?.ref?.name,
            confidential: channel.confidential,
            source: this.source(channel),
        };
    }

    protected indicator(indicator: ast.Indicator): Indicator | undefined {
        const kind = indicatorKind(indicator);
        if (!kind) {
            return this.omit();
        }
        const type = indicator.type;
        const members = ast.isScaleType(type) || ast.isChoiceType(type) ? type.members.map(member => member.name) : undefined;
        const measured = isMeasured(kind);
        const units = measured ? unitsOfIndicator(indicator) : undefined;
        const window = ast.isCountType(type) && type.window ? this.duration(type.window) : undefined;
        const declared = ast.isQuantityType(type) ? type.declared?.ref : undefined;
        return {
            ...this.labelled(indicator),
            ...(declared ? { measure: this.labelled(declared) } : {}),
            kind,
            ...(measured ? { dimension: dimensionName(indicator), units, unit: this.displayUnit(indicator, units ?? []) } : {}),
            worse: worseOf(indicator, kind),
            members,
            ...(ast.isCountType(type) && (type.event || type.window)
                ? { counts: { ...optional('event', type.event?.ref?.name), ...optional('window', window) } }
                : {}),
            tentative: indicator.tentative,
            source: this.source(indicator),
        };
    }

    /** The declared display unit, else the unit the protocol writes most for this indicator, else the base unit. */
    protected displayUnit(indicator: ast.Indicator, units: readonly Unit[]): string | undefined {
        const type = indicator.type;
        if (ast.isQuantityType(type) && type.unit && units.some(u => u.symbol === type.unit)) {
            return type.unit;
        }
        if (units.length <= 1) {
            return units[0]?.symbol;
        }
        const counts = this.unitsWritten().get(indicator) ?? new Map<string, number>();
        let best: string | undefined;
        for (const [unit, count] of counts) {
            if (best === undefined || count > counts.get(best)!) best = unit;
        }
        return best ?? units[0].symbol;
    }

    /** How often each unit is written in a comparison with each indicator: one pass over the conditions. */
    protected unitsWritten(): Map<ast.Indicator, Map<string, number>> {
        if (!this.unitCounts) {
            const counts = this.unitCounts = new Map<ast.Indicator, Map<string, number>>();
            const count = (indicator: ast.Indicator | undefined, value: ast.Value | undefined) => {
                if (!indicator || !ast.isQuantity(value) || !value.unit) return;
                const units = unitsOfIndicator(indicator);
                if (!units.some(u => u.symbol === value.unit)) return;
                let perUnit = counts.get(indicator);
                if (!perUnit) counts.set(indicator, perUnit = new Map());
                perUnit.set(value.unit, (perUnit.get(value.unit) ?? 0) + 1);
            };
            const visit = (condition: ast.Condition | undefined): void => {
                if (ast.isOr(condition) || ast.isAnd(condition)) {
                    visit(condition.left);
                    visit(condition.right);
                } else if (ast.isNot(condition)) {
                    visit(condition.operand);
                } else if (ast.isComparison(condition)) {
                    count(condition.indicator?.ref, condition.value);
                } else if (ast.isBetween(condition)) {
                    count(condition.indicator?.ref, condition.low);
                    count(condition.indicator?.ref, condition.high);
                }
            };
            for (const member of this.members) {
                if (ast.isRule(member)) {
                    visit(member.condition);
                    visit(member.exception);
                }
                if (ast.isDeescalation(member) || ast.isScope(member)) visit(member.condition);
                if (ast.isScenario(member)) member.given.forEach(visit);
            }
        }
        return this.unitCounts;
    }

    protected unitCounts?: Map<ast.Indicator, Map<string, number>>;

    protected rule(rule: ast.Rule): Rule | undefined {
        const condition = this.condition(rule.condition);
        const unless = rule.exception ? this.condition(rule.exception) : undefined;
        const level = rule.level?.ref;
        if (!condition || !level || (rule.exception && !unless)) {
            return this.omit();
        }
        return {
            kind: ast.isRedline(rule) ? 'redline' : 'threshold',
            name: rule.name,
            citation: rule.citation,
            condition,
            ...optional('unless', unless),
            level: level.name,
            consequence: ast.isRedline(rule) ? rule.consequence?.text : undefined,
            ...(ast.isRedline(rule) ? optional('consequenceTranslations', translations(rule.consequence)) : {}),
            disclosure: ast.isRedline(rule) ? rule.disclosure as 'public' | 'confidential' | undefined : undefined,
            source: this.source(rule),
        };
    }

    protected scope(scope: ast.Scope): Scope | undefined {
        const condition = this.condition(scope.condition);
        return condition ? { ...optional('citation', scope.citation), condition, source: this.source(scope, 'condition') } : this.omit();
    }

    protected response(response: ast.Response): Response | undefined {
        const level = response.level?.ref;
        const rule = response.rule?.ref;
        const within = response.within ? this.duration(response.within) : undefined;
        const includes = response.includes.map(reference => reference.ref?.name);
        if ((!level && !rule) || (response.within && !within) || includes.some(name => name === undefined)) {
            return this.omit();
        }
        return {
            ...optional('level', level?.name),
            ...optional('rule', rule?.name),
            ...optional('citation', response.citation),
            within,
            includes: includes as string[],
            steps: response.steps.map(step => this.step(step)).filter(isDefined),
            confidential: response.confidential,
            source: this.source(response, rule ? 'rule' : 'level'),
        };
    }

    /** What a step and a duty have in common; undefined when part of it does not resolve. */
    protected obligation(node: ast.Step | ast.Duty): Obligation | undefined {
        const actor = this.agent(node.actor);
        const counterpart = node.counterpart ? this.agent(node.counterpart) : undefined;
        const authorizedBy = node.authorizedBy ? this.agent(node.authorizedBy) : undefined;
        const verb = node.verb?.builtin ?? node.verb?.action?.ref?.name;
        const action = node.verb?.action?.ref;
        const verbClassOf = node.verb?.builtin ? verbClass(node.verb.builtin) : action?.verbClass as VerbClass | undefined;
        if (!actor || !verb || !verbClassOf || (node.counterpart && !counterpart) || (node.channel && !node.channel.ref) || (node.authorizedBy && !authorizedBy)) {
            return this.omit();
        }
        return {
            name: node.name,
            ...optional('citation', node.citation),
            actor,
            verb,
            verbClass: verbClassOf,
            ...(action ? { phrase: action.label?.text ?? action.name, ...optional('phraseTranslations', translations(action.label)) } : {}),
            counterpart,
            channel: node.channel?.ref?.name,
            authorizedBy,
            legalBasis: node.legalBasis,
            confidential: node.confidential,
            source: this.source(node),
        };
    }

    protected step(step: ast.Step): Step | undefined {
        const obligation = this.obligation(step);
        const timing = step.immediately ? 'immediately' : step.withoutDelay ? 'without delay' : 'within';
        const within = timing === 'within' ? this.duration(step.within) : zeroSeconds();
        const after = step.after.map(reference => reference.ref?.name);
        if (!obligation || !within || after.some(name => name === undefined)) {
            return this.omit();
        }
        return { ...obligation, timing, within, after: after as string[], ifUnresolved: step.ifUnresolved };
    }

    protected duty(duty: ast.Duty): Duty | undefined {
        const obligation = this.obligation(duty);
        const when = this.dutyTiming(duty.when);
        return obligation && when ? { ...obligation, when } : this.omit();
    }

    protected dutyTiming(when: ast.DutyTiming | undefined): DutyTiming | undefined {
        if (ast.isBeforeEvent(when)) {
            const lead = this.duration(when.lead);
            const event = when.event?.ref?.name;
            return lead && event ? { kind: 'before', lead, event } : this.omit();
        }
        if (ast.isAfterEvent(when)) {
            const timing = when.immediately ? 'immediately' : when.withoutDelay ? 'without delay' : 'within';
            const within = timing === 'within' ? this.duration(when.within) : zeroSeconds();
            const event = when.event?.ref?.name;
            return within && event ? { kind: 'after', timing, within, event } : this.omit();
        }
        if (ast.isPeriodic(when)) {
            const period = this.duration(when.period);
            return period ? { kind: 'every', period } : this.omit();
        }
        if (ast.isAnnual(when)) {
            const day = Number(when.day);
            const month = MONTH_NAMES.indexOf(when.month) + 1;
            return Number.isInteger(day) && month > 0 ? { kind: 'on', day, month, yearly: when.yearly } : this.omit();
        }
        return this.omit();
    }

    protected deescalation(deescalation: ast.Deescalation): Deescalation | undefined {
        const from = deescalation.from?.ref;
        const to = deescalation.to?.ref;
        const condition = deescalation.condition ? this.condition(deescalation.condition) : undefined;
        const holdFor = deescalation.holdFor ? this.duration(deescalation.holdFor) : undefined;
        const after = deescalation.after.map(reference => reference.ref?.name);
        if (!from || !to || (deescalation.condition && !condition) || (deescalation.holdFor && !holdFor) || after.some(name => name === undefined)
            || (!condition && after.length === 0)) {
            return this.omit();
        }
        return {
            from: from.name, to: to.name, ...optional('citation', deescalation.citation), ...optional('condition', condition), holdFor,
            after: after as string[], source: this.source(deescalation, 'from'),
        };
    }

    protected scenario(scenario: ast.Scenario): Scenario | undefined {
        const given = scenario.given.map(test => this.test(test));
        const level = scenario.level?.ref;
        const steps = scenario.steps.map(reference => reference.ref?.name);
        if ((!level && !scenario.outside) || given.some(test => !test) || steps.some(step => step === undefined)) {
            return this.omit();
        }
        return {
            name: scenario.name,
            given: given as Test[],
            outside: scenario.outside,
            bound: scenario.bound === 'least' ? 'at least' : scenario.bound === 'most' ? 'at most' : 'exactly',
            ...optional('level', level?.name),
            steps: steps as string[],
            confidential: scenario.confidential,
            source: this.source(scenario),
        };
    }

    protected condition(condition: ast.Condition | undefined): Condition | undefined {
        if (!condition) {
            return this.omit();
        }
        if (ast.isOr(condition) || ast.isAnd(condition)) {
            const kind = ast.isOr(condition) ? 'or' : 'and';
            const operands = [condition.left, condition.right].map(operand => this.condition(operand));
            if (operands.some(operand => !operand)) return undefined;
            // `a or b or c` parses as nested pairs: flatten them into one list.
            const flat = (operands as Condition[]).flatMap(operand => operand.kind === kind ? (operand.operands as Condition[]) : [operand]);
            return { kind, operands: flat };
        }
        if (ast.isNot(condition)) {
            const operand = this.condition(condition.operand);
            return operand && { kind: 'not', operand };
        }
        const test = this.test(condition);
        return test && { kind: 'test', test };
    }

    protected test(test: ast.Test): Test | undefined {
        const indicator = test.indicator?.ref;
        const kind = indicatorKind(indicator);
        if (!indicator || !kind) {
            return this.omit();
        }
        const source = this.source(test, 'indicator');
        switch (test.$type) {
            case 'Comparison': {
                const value = this.value(indicator, test.value, useOf(test.operator, test));
                return value ? { kind: 'compare', indicator: indicator.name, operator: test.operator as ComparisonOperator, value, source } : undefined;
            }
            case 'Between': {
                const low = this.value(indicator, test.low, 'between');
                const high = this.value(indicator, test.high, 'between');
                return low && high ? { kind: 'between', indicator: indicator.name, low, high, source } : undefined;
            }
            case 'Membership': {
                const members = test.members.map(member => member.ref?.name);
                if ((kind !== 'scale' && kind !== 'choice') || members.some(member => member === undefined)) {
                    return this.omit();
                }
                return { kind: 'in', indicator: indicator.name, members: members as string[], negated: test.negated, source };
            }
            case 'FlagTest':
                return kind === 'flag' ? { kind: 'flag', indicator: indicator.name, source } : this.omit();
        }
    }

    protected value(indicator: ast.Indicator, value: ast.Value | undefined, use: 'equality' | 'order' | 'between'): TestValue | undefined {
        if (!value || valueProblem(indicator, value, use)) {
            return this.omit();
        }
        if (ast.isQuantity(value)) {
            const quantity = this.quantity(value, unitsOfIndicator(indicator));
            return quantity && { kind: 'quantity', quantity };
        }
        if (ast.isBooleanValue(value)) {
            return { kind: 'boolean', value: value.value === 'true' };
        }
        const member = value.member?.ref;
        return member ? { kind: 'member', member: member.name } : this.omit();
    }

    protected duration(quantity: ast.Quantity | undefined): Quantity | undefined {
        return quantity && !durationProblem(quantity) ? this.quantity(quantity) : this.omit();
    }

    protected quantity(quantity: ast.Quantity, units?: readonly Unit[]): Quantity | undefined {
        const amount = parseDecimal(quantity.number ?? '');
        return amount ? { amount, unit: quantity.unit, base: toBase(amount, quantity.unit, units) } : this.omit();
    }

    /** An agent as written: a party, organ, mediator or body, a role (or its organ), or a generic party. */
    protected agent(agent: ast.Agent | ast.Counterpart | undefined): ActorRef | undefined {
        if (ast.isEachParty(agent)) return agent.organ ? this.organName(agent.organ, organ => ({ kind: 'each', organ })) : { kind: 'each' };
        if (ast.isOtherParty(agent)) return agent.organ ? this.organName(agent.organ, organ => ({ kind: 'other', organ })) : { kind: 'other' };
        if (ast.isEveryOtherParty(agent)) return agent.organ ? this.organName(agent.organ, organ => ({ kind: 'every-other', organ })) : { kind: 'every-other' };
        if (ast.isAllParties(agent)) return { kind: 'all' };
        if (ast.isNamed(agent)) {
            const subject = agent.subject?.ref;
            if (ast.isRole(subject)) return agent.organ ? this.organName(agent.organ, organ => ({ kind: 'role', role: subject.name, organ })) : { kind: 'role', role: subject.name };
            return this.concrete(agent);
        }
        return this.omit();
    }

    /** An organ written after a role or a generic party: its name, whichever party it turns out to belong to. */
    protected organName(reference: { $refText: string; ref?: ast.Organ }, make: (organ: string) => ActorRef): ActorRef | undefined {
        return reference.ref ? make(reference.ref.name) : this.omit();
    }

    /** A concrete actor: an organ of a party, a party, a mediator or a body. */
    protected concrete(agent: ast.Agent | undefined): ConcreteActor | undefined {
        if (!ast.isNamed(agent)) return this.omit();
        const subject = agent.subject?.ref;
        if (ast.isParty(subject)) {
            if (!agent.organ) return { kind: 'party', party: subject.name };
            const organ = agent.organ.ref;
            return organ && organ.$container === subject ? { kind: 'organ', party: subject.name, organ: organ.name } : this.omit();
        }
        if (agent.organ) return this.omit();
        if (ast.isMediator(subject)) return { kind: 'mediator', mediator: subject.name };
        if (ast.isBody(subject)) return { kind: 'body', body: subject.name };
        return this.omit();
    }

    protected source(node: AstNode, property = 'name'): SourceRef {
        // A reference knows its own text; other properties are looked up in the node's syntax tree.
        const reference = (node as unknown as Record<string, unknown>)[property];
        const cst = (isReference(reference) ? reference.$refNode : undefined)
            ?? GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode;
        const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { uri: AstUtils.getDocument(node).uri.toString(), range };
    }

    protected omit(): undefined {
        this.complete = false;
        return undefined;
    }
}

/** The direction of danger: flags are worse when true unless declared otherwise; scales, later. */
function worseOf(indicator: ast.Indicator, kind: string): 'higher' | 'lower' | undefined {
    if (indicator.neutral || kind === 'choice') return undefined;
    if (kind === 'flag') return indicator.direction === 'false' ? 'lower' : 'higher';
    if (kind === 'scale') return 'higher';
    return indicator.direction === 'higher' || indicator.direction === 'lower' ? indicator.direction : undefined;
}

function translations(label: ast.Label | undefined): Translations | undefined {
    if (!label || label.translations.length === 0) return undefined;
    return Object.fromEntries(label.translations.map(t => [t.language, t.text]));
}

function zeroSeconds(): Quantity {
    return { amount: rational(0), unit: 's', base: rational(0) };
}

/** `{ key: value }` when the value is there, else nothing: optional fields stay absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
