// Builds the normalized protocol model from a linked AST: base units, resolved names, defaults filled in.
// The language's side of the boundary: nothing below the model knows the AST.
import { AstUtils, GrammarUtils, isReference, type AstNode } from 'langium';
import * as ast from './generated/ast.js';
import { indicatorKind, isMeasured, quantityProblem, useOf, valueProblem } from './typing.js';
import type {
    ActorRef, Channel, ComparisonOperator, Condition, Deescalation, Indicator, Level, Mediator, Party, Protocol, Quantity, Response, Rule,
    Scenario, SourceRef, Step, Test, TestValue
} from '../model/protocol.js';
import { parseDecimal } from '../model/rational.js';
import { BASE_UNIT, toBase, unitsOf, type Dimension } from '../model/units.js';
import { verbClass } from '../model/verbs.js';

/**
 * Normalizes one protocol. `shared` lists the top-level declarations the protocol's file can see, in order
 * (imported files first, then its own); those the protocol uses become part of it.
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
        const inScope = <T extends ast.SharedDeclaration>(guard: (node: unknown) => node is T): T[] => [
            ...this.shared.filter(guard).filter(node => referenced.has(node)),
            ...this.members.filter(guard),
        ];
        const ladder = this.members.find(ast.isLadder);
        const levels = (ladder?.levels ?? []).map((level, rank): Level => ({
            name: level.name, label: level.label ?? level.name, rank, source: this.source(level),
        }));
        const result: Protocol = {
            name: protocol.name,
            title: protocol.title ?? protocol.name,
            version: this.members.find(ast.isVersion)?.value,
            requireReciprocity: this.members.some(member => ast.isRequirement(member) && member.policy === 'reciprocity'),
            parties: inScope(ast.isParty).map(party => this.party(party)),
            mediators: inScope(ast.isMediator).map((mediator): Mediator => ({
                name: mediator.name, label: mediator.label ?? mediator.name, source: this.source(mediator),
            })),
            channels: inScope(ast.isChannel).map(channel => this.channel(channel)).filter(isDefined),
            // A situation assigns every indicator the protocol sees, used by a rule or not (docs/language.md §3).
            indicators: [...this.shared.filter(ast.isIndicator), ...this.members.filter(ast.isIndicator)]
                .map(indicator => this.indicator(indicator)).filter(isDefined),
            levels,
            rules: this.members.filter(ast.isRule).map(rule => this.rule(rule)).filter(isDefined),
            responses: this.members.filter(ast.isResponse).map(response => this.response(response)).filter(isDefined),
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
            result.indicators, result.levels, result.rules, result.channels, [...result.parties, ...result.mediators],
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
        // Channels used by the protocol bring in their fallbacks, and the parties and mediators they link.
        const channels = [...referenced].filter(ast.isChannel);
        for (let channel = channels.shift(); channel; channel = channels.shift()) {
            for (const end of channel.ends) {
                const actor = end.ref;
                if (actor) referenced.add(ast.isOrgan(actor) ? actor.$container : actor);
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

    protected party(party: ast.Party): Party {
        return {
            name: party.name,
            label: party.label ?? party.name,
            organs: party.organs.map(organ => ({
                name: organ.name,
                label: organ.label ?? organ.name,
                powers: organ.powers.filter((power): power is 'force' | 'disclosure' => power === 'force' || power === 'disclosure'),
                source: this.source(organ),
            })),
            source: this.source(party),
        };
    }

    protected channel(channel: ast.Channel): Channel | undefined {
        const ends = channel.ends.map(end => this.actor(end.ref));
        const latency = channel.latency ? this.duration(channel.latency) : undefined;
        if (ends.length !== 2 || !ends[0] || !ends[1] || (channel.latency && !latency) || (channel.fallback && !channel.fallback.ref)) {
            return this.omit();
        }
        return {
            name: channel.name,
            label: channel.label ?? channel.name,
            ends: [ends[0], ends[1]],
            latency,
            fallback: channel.fallback?.ref?.name,
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
        const worse = kind === 'flag' || kind === 'scale' ? 'higher' : kind === 'choice' ? undefined : indicator.direction as 'higher' | 'lower' | undefined;
        return {
            name: indicator.name,
            label: indicator.label ?? indicator.name,
            kind,
            unit: isMeasured(kind) ? this.displayUnit(indicator, kind) : undefined,
            worse,
            members,
            tentative: indicator.tentative,
            source: this.source(indicator),
        };
    }

    /** The declared display unit, else the unit the protocol writes most for this indicator, else the base unit. */
    protected displayUnit(indicator: ast.Indicator, dimension: Dimension): string | undefined {
        const type = indicator.type as ast.QuantityType;
        if (type.unit && !quantityProblem(dimension, { number: '1', unit: type.unit } as ast.Quantity)) {
            return type.unit;
        }
        if (unitsOf(dimension).length <= 1) {
            return BASE_UNIT[dimension];
        }
        const counts = this.unitsWritten().get(indicator) ?? new Map<string, number>();
        let best: string | undefined;
        for (const [unit, count] of counts) {
            if (best === undefined || count > counts.get(best)!) best = unit;
        }
        return best ?? BASE_UNIT[dimension];
    }

    /** How often each unit is written in a comparison with each indicator: one pass over the conditions. */
    protected unitsWritten(): Map<ast.Indicator, Map<string, number>> {
        if (!this.unitCounts) {
            const counts = this.unitCounts = new Map<ast.Indicator, Map<string, number>>();
            const count = (indicator: ast.Indicator | undefined, value: ast.Value | undefined) => {
                const dimension = indicator && indicatorKind(indicator);
                if (!ast.isQuantity(value) || !value.unit || !dimension || !isMeasured(dimension) || quantityProblem(dimension, value)) return;
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
                if (ast.isRule(member) || ast.isDeescalation(member)) visit(member.condition);
                if (ast.isScenario(member)) member.given.forEach(visit);
            }
        }
        return this.unitCounts;
    }

    protected unitCounts?: Map<ast.Indicator, Map<string, number>>;

    protected rule(rule: ast.Rule): Rule | undefined {
        const condition = this.condition(rule.condition);
        const level = rule.level?.ref;
        if (!condition || !level) {
            return this.omit();
        }
        return {
            kind: ast.isRedline(rule) ? 'redline' : 'threshold',
            name: rule.name,
            citation: rule.citation,
            condition,
            level: level.name,
            consequence: ast.isRedline(rule) ? rule.consequence : undefined,
            disclosure: ast.isRedline(rule) ? rule.disclosure as 'public' | 'confidential' | undefined : undefined,
            source: this.source(rule),
        };
    }

    protected response(response: ast.Response): Response | undefined {
        const level = response.level?.ref;
        const within = response.within ? this.duration(response.within) : undefined;
        if (!level || (response.within && !within)) {
            return this.omit();
        }
        return {
            level: level.name,
            within,
            steps: response.steps.map(step => this.step(step)).filter(isDefined),
            source: this.source(response, 'level'),
        };
    }

    protected step(step: ast.Step): Step | undefined {
        const actor = this.actor(step.actor?.ref);
        const counterpart = step.counterpart ? this.actor(step.counterpart.ref) : undefined;
        const within = this.duration(step.within);
        const organ = step.authorizedBy?.ref;
        const after = step.after.map(reference => reference.ref?.name);
        if (!actor || !step.verb || !within || (step.counterpart && !counterpart) || (step.channel && !step.channel.ref)
            || (step.authorizedBy && !organ) || after.some(name => name === undefined)) {
            return this.omit();
        }
        return {
            name: step.name,
            actor,
            verb: step.verb,
            verbClass: verbClass(step.verb),
            counterpart,
            channel: step.channel?.ref?.name,
            within,
            after: after as string[],
            ifUnresolved: step.ifUnresolved,
            authorizedBy: organ ? { party: organ.$container.name, organ: organ.name } : undefined,
            citation: step.citation,
            source: this.source(step),
        };
    }

    protected deescalation(deescalation: ast.Deescalation): Deescalation | undefined {
        const from = deescalation.from?.ref;
        const to = deescalation.to?.ref;
        const condition = this.condition(deescalation.condition);
        const holdFor = deescalation.holdFor ? this.duration(deescalation.holdFor) : undefined;
        if (!from || !to || !condition || (deescalation.holdFor && !holdFor)) {
            return this.omit();
        }
        return { from: from.name, to: to.name, condition, holdFor, source: this.source(deescalation, 'from') };
    }

    protected scenario(scenario: ast.Scenario): Scenario | undefined {
        const given = scenario.given.map(test => this.test(test));
        const level = scenario.level?.ref;
        const steps = scenario.steps.map(reference => reference.ref?.name);
        if (!level || given.some(test => !test) || steps.some(step => step === undefined)) {
            return this.omit();
        }
        return {
            name: scenario.name,
            given: given as Test[],
            bound: scenario.bound === 'least' ? 'at least' : scenario.bound === 'most' ? 'at most' : 'exactly',
            level: level.name,
            steps: steps as string[],
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
            const quantity = this.quantity(value);
            return quantity && { kind: 'quantity', quantity };
        }
        if (ast.isBooleanValue(value)) {
            return { kind: 'boolean', value: value.value === 'true' };
        }
        const member = value.member?.ref;
        return member ? { kind: 'member', member: member.name } : this.omit();
    }

    protected duration(quantity: ast.Quantity | undefined): Quantity | undefined {
        return quantity && !quantityProblem('duration', quantity) ? this.quantity(quantity) : this.omit();
    }

    protected quantity(quantity: ast.Quantity): Quantity | undefined {
        const amount = parseDecimal(quantity.number ?? '');
        return amount ? { amount, unit: quantity.unit, base: toBase(amount, quantity.unit) } : this.omit();
    }

    protected actor(actor: ast.Actor | undefined): ActorRef | undefined {
        if (ast.isOrgan(actor)) return { kind: 'organ', party: actor.$container.name, organ: actor.name };
        if (ast.isParty(actor)) return { kind: 'party', party: actor.name };
        if (ast.isMediator(actor)) return { kind: 'mediator', mediator: actor.name };
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

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
