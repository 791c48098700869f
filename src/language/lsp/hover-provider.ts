// Hover: what a declaration means in the protocol — indicators with their type, unit and direction,
// rules with their level, citation and region in words, levels with the rules that lead there and
// the response due, steps with their absolute deadline, values with their conversion to base units.
import { AstUtils, type CstNode, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { Analyses } from '../protocol-analyses.js';
import type { ProtocolModels } from '../protocol-models.js';
import { describeKind, indicatorKind, isMeasured, unitsOfIndicator } from '../typing.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import { formatDuration, stepsDue } from '../../analysis/deadlines.js';
import { isDecimal, parseDecimal, toDecimalString, toExactString } from '../../model/rational.js';
import { conditionText, dutyTimingText, stepText } from '../../model/syntax.js';
import { isDiagnosticCode, severityOf } from '../../analysis/codes.js';
import { describeBinding, isGeneric, readings } from '../../model/roles.js';
import type { Obligation } from '../../model/protocol.js';
import type { Protocol, Rule } from '../../model/protocol.js';
import { BASE_UNIT, UNITS, toBase, type Dimension } from '../../model/units.js';
import { constraintsOf } from '../../tables/constraints.js';
import { escapeMarkdown } from '../../render/markdown.js';
import { boxText } from '../../render/text.js';
import { compare } from '../../model/rational.js';
import { stepDeadline } from './step-deadlines.js';

export class DetenteHoverProvider extends MultilineCommentHoverProvider {
    protected readonly models: ProtocolModels;
    protected readonly analyses: Analyses;

    constructor(services: DetenteServices) {
        super(services);
        this.models = services.model.ProtocolModels;
        this.analyses = services.model.Analyses;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (leaf && ast.isQuantity(leaf.astNode)) {
            const value = this.quantityHover(leaf.astNode);
            return value ? { contents: { kind: 'markdown', value }, range: leaf.astNode.$cstNode?.range } : undefined;
        }
        // Words of the language that stand for something in this protocol: a scope, `each party`, an `accept`.
        const node = leaf?.astNode;
        const value = node && this.constructHover(node, leaf);
        if (value) return { contents: { kind: 'markdown', value }, range: leaf.range };
        return super.getHoverContent(document, params);
    }

    protected constructHover(node: AstNode, leaf: CstNode): string | undefined {
        const keyword = GrammarAST.isKeyword(leaf.grammarSource);
        const bound = () => {
            const parties = this.model(node)?.bound ?? [];
            return parties.length > 0 ? parties.map(p => `\`${p}\``).join(', ') : 'no party yet (declare `between` or parties)';
        };
        if (ast.isScope(node) && keyword) {
            const scope = this.model(node)?.scopes.find(s => s.source.range.start.line === node.$cstNode?.range.start.line);
            return `**scope**${node.citation ? ` (${text(node.citation)})` : ''} — the protocol covers only the situations where ` +
                `${scope ? `\`${conditionText(scope.condition)}\`` : 'its condition holds'}.\n\n` +
                'Outside it no level applies; several scopes all apply. `expect outside scope` tests a situation outside.';
        }
        if (ast.isEachParty(node) && keyword) return `**each party** — every party the protocol binds, in turn: ${bound()}. The obligation binds each of them.`;
        if (ast.isOtherParty(node) && keyword) return `**the other party** — of the two parties the protocol binds (${bound()}), the one that is not the actor.`;
        if (ast.isEveryOtherParty(node) && keyword) return `**every other party** — each party the protocol binds (${bound()}) other than the actor.`;
        if (ast.isAllParties(node) && keyword) return `**all parties** — every party the protocol binds: ${bound()}.`;
        if (ast.isAccept(node) && node.code) {
            const code = node.code;
            const severity = isDiagnosticCode(code) ? severityOf(code) : undefined;
            return `**accepted** \`${code}\`${severity ? ` (${severity})` : ''} — ${text(node.justification ?? '')}\n\n` +
                'The finding of this code on this declaration is shown apart, with the justification, and is not counted.';
        }
        return undefined;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const documentation = super.getAstNodeHoverContent(node) as string | undefined;
        const parts = [this.describe(node), documentation].filter(Boolean);
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }

    protected describe(node: AstNode): string | undefined {
        const withTranslations = (header: string, label: ast.Label | undefined) => [header, translations(label)].filter(Boolean).join('\n\n');
        if (ast.isIndicator(node)) return withTranslations(this.indicatorHover(node), node.label);
        if (ast.isLevel(node)) return withTranslations(this.levelHover(node), node.label);
        if (ast.isThreshold(node) || ast.isRedline(node)) return this.ruleHover(node);
        if (ast.isStep(node)) return this.stepHover(node);
        if (ast.isDuty(node)) return this.dutyHover(node);
        if (ast.isParty(node)) return withTranslations(`**party** \`${node.name}\` — ${text(node.label?.text ?? node.name)}` + (node.organs.length ? `\n\nOrgans: ${node.organs.map(o => `\`${o.name}\``).join(', ')}` : ''), node.label);
        if (ast.isOrgan(node)) return withTranslations(`**organ** \`${node.$container.name}.${node.name}\` — ${text(node.label?.text ?? node.name)}` + (node.powers.length ? `\n\nAuthorizes ${node.powers.join(' and ')}.` : ''), node.label);
        if (ast.isMediator(node)) return withTranslations(`**mediator** \`${node.name}\` — ${text(node.label?.text ?? node.name)}`, node.label);
        if (ast.isRole(node)) return withTranslations(this.roleHover(node), node.label);
        if (ast.isBody(node)) return withTranslations(`**joint body** \`${node.name}\` — ${text(node.label?.text ?? node.name)}\n\nOf ${node.members.map(m => `\`${m.$refText}\``).join(', ')}; its steps are nobody’s party obligation.`, node.label);
        if (ast.isAction(node)) return withTranslations(`**action** \`${node.name}\` — “${text(node.label?.text ?? node.name)}”, a ${node.verbClass} verb: the legal checks treat it as one.`, node.label);
        if (ast.isEvent(node)) return withTranslations(this.eventHover(node), node.label);
        if (ast.isDimension(node)) return withTranslations(`**dimension** \`${node.name}\` — ${text(node.label?.text ?? node.name)}\n\nBase unit \`${node.base}\`${node.units.length ? `; ${node.units.map(u => `1 ${u.name} = ${u.factor} ${u.of}`).join(', ')}` : ''}.`, node.label);
        if (ast.isChannel(node)) return withTranslations(this.channelHover(node), node.label);
        if (ast.isMember(node)) return this.memberHover(node);
        if (ast.isProtocol(node)) return withTranslations(`**protocol** \`${node.name}\`${node.title ? ` — ${text(node.title.text)}` : ''}`, node.title);
        return undefined;
    }

    /** A role and the parties it can stand for. */
    protected roleHover(node: ast.Role): string {
        const model = this.model(node);
        const bound = model?.bound ?? [];
        return `**role** \`${node.name}\` — ${text(node.label?.text ?? node.name)}\n\n` +
            (bound.length > 0 ? `Stands for one of ${bound.map(p => `\`${p}\``).join(', ')} in each reading of a step or duty; different roles are different parties.` : 'The protocol binds no party for it to stand for.');
    }

    /** An event and the obligations it sets off. */
    protected eventHover(node: ast.Event): string {
        const lines = [`**event** \`${node.name}\` — ${text(node.label?.text ?? node.name)}`];
        const model = this.model(node);
        const duties = model?.duties.filter(d => (d.when.kind === 'before' || d.when.kind === 'after') && d.when.event === node.name) ?? [];
        const counts = model?.indicators.filter(i => i.counts?.event === node.name) ?? [];
        if (duties.length) lines.push(`Duties: ${duties.map(d => `\`${d.name}\` (${dutyTimingText(d.when)})`).join(', ')}`);
        if (counts.length) lines.push(`Counted by: ${counts.map(i => `\`${i.name}\``).join(', ')}`);
        return lines.join('\n\n');
    }

    /** A duty: who owes what, when, and for whom when written with roles or `each party`. */
    protected dutyHover(node: ast.Duty): string | undefined {
        const model = this.model(node);
        const duty = model?.duties.find(d => d.name === node.name);
        if (!model || !duty) return undefined;
        const lines = [`**duty** \`${duty.name}\`${duty.citation ? ` (${text(duty.citation)})` : ''} — ${duty.verbClass} obligation, whatever the level`];
        lines.push(`${text(stepText(duty))}, **${dutyTimingText(duty.when)}**.`);
        const bound = readingsText(model, duty);
        if (bound) lines.push(bound);
        return lines.join('\n\n');
    }

    protected indicatorHover(node: ast.Indicator): string {
        const kind = indicatorKind(node);
        const type = node.type;
        const lines = [`**indicator** \`${node.name}\`${node.label ? ` — ${text(node.label.text)}` : ''}`];
        if (isMeasured(kind)) {
            const shown = (ast.isQuantityType(type) && type.unit) || this.model(node)?.indicators.find(i => i.name === node.name)?.unit;
            const base = unitsOfIndicator(node)[0]?.symbol;
            lines.push(`${capitalize(describeKind(kind, node))}${base ? ` in ${base}` : ' (whole numbers)'}${shown && shown !== base ? `, shown in ${shown}` : ''}; ` +
                (node.direction ? `worse when ${node.direction}.` : 'neutral: no direction is worse.'));
        } else if (kind === 'flag') {
            lines.push(node.neutral ? 'A flag, neutral: neither value is worse.' : `A flag: \`${node.direction === 'false' ? 'false' : 'true'}\` is worse.`);
        } else if (ast.isScaleType(type)) {
            lines.push(`A scale, later members worse: ${type.members.map(m => `\`${m.name}\``).join(' < ')}.`);
        } else if (ast.isChoiceType(type)) {
            lines.push(`One of ${type.members.map(m => `\`${m.name}\``).join(', ')}; no order (neutral).`);
        }
        if (node.tentative) lines.push('*Tentative*: an assessment, not an observation.');
        return lines.join('\n\n');
    }

    protected levelHover(node: ast.Level): string {
        const ladder = node.$container;
        const rank = ladder.levels.indexOf(node);
        const lines = [`**level** \`${node.name}\`${node.label ? ` — ${text(node.label.text)}` : ''} (rank ${rank + 1} of ${ladder.levels.length}${rank === 0 ? ', the baseline' : rank === ladder.levels.length - 1 ? ', the most severe' : ''})`];
        const model = this.model(node);
        if (!model) return lines.join('\n\n');
        const rules = model.rules.filter(r => r.level === node.name);
        lines.push(rules.length > 0
            ? `Reached by: ${rules.map(r => `\`${r.name}\`${r.citation ? ` (${text(r.citation)})` : ''}`).join(', ')}`
            : rank === 0 ? 'Applies when no rule holds.' : 'No rule leads to this level.');
        const response = model.responses.find(r => r.level === node.name);
        if (response) {
            // Every step due on entering the level: its response's and those it includes.
            const steps = stepsDue(model, node.name).map(({ step, deadline, response: from }) =>
                `- \`${step.name}\`: ${text(stepText(step))}, ${deadline && deadline.n === 0n && step.timing !== 'within' ? step.timing : `by ${deadline ? formatDuration(deadline) : '—'}`}${from !== response ? ` (from ${from.level})` : ''}`);
            lines.push(`Response${response.within ? ` within ${formatDuration(response.within.base)}` : ''}${response.includes.length ? `, including ${response.includes.map(l => `\`${l}\``).join(', ')}` : ''}:\n${steps.join('\n')}`);
        } else if (rank > 0) {
            lines.push('No response is declared.');
        }
        return lines.join('\n\n');
    }

    protected ruleHover(node: ast.Threshold | ast.Redline): string {
        const kind = ast.isRedline(node) ? 'red line' : 'threshold';
        const lines = [`**${kind}** \`${node.name}\` → \`${node.level?.$refText ?? '?'}\`${node.citation ? ` (${text(node.citation)})` : ''}`];
        const model = this.model(node);
        const region = model && this.regionInWords(model, model.rules.find(r => r.name === node.name && r.kind === (ast.isRedline(node) ? 'redline' : 'threshold')));
        if (region) lines.push(`Holds where ${region}.`);
        if (ast.isRedline(node)) {
            if (node.consequence) lines.push(`Consequence: ${text(node.consequence.text)}`);
            if (node.disclosure) lines.push(`Disclosure: ${node.disclosure}`);
        }
        return lines.join('\n\n');
    }

    /** The rule's region as rows of per-indicator tests, joined with `or`. */
    protected regionInWords(model: Protocol, rule: Rule | undefined): string | undefined {
        if (!rule || !model.complete) return undefined;
        const analysis = this.analyses.of(model);
        if (!analysis.context || analysis.incomplete) return undefined;
        if (analysis.context.levels.ruleRegions[model.rules.indexOf(rule)].isEmpty) return 'no situation (the condition cannot hold)';
        try {
            return this.analyses.ask(analysis, 'assist', () => {
                // Per indicator, as the tables read.
                const context = analysis.context!.perIndicator();
                const region = context.levels.ruleRegions[model.rules.indexOf(rule)];
                return region.merged().boxes.map(box => boxText(constraintsOf(context.space, box))).join(', or ');
            });
        } catch (error) {
            if (error instanceof BudgetExceeded) return undefined; // a hover answers at once, or leaves the region out
            throw error;
        }
    }

    protected stepHover(node: ast.Step): string | undefined {
        const found = stepDeadline(this.models, node);
        if (!found) return undefined;
        const { response, scheduled: { step, deadline, path } } = found;
        const owner = response.level ?? `rule ${response.rule}`;
        const lines = [`**step** \`${step.name}\`${step.citation ? ` (${text(step.citation)})` : ''} — ${step.verbClass} step of the response to *${owner}*`];
        const model = this.model(node);
        const bound = model && readingsText(model, step);
        if (bound) lines.push(bound);
        if (deadline && deadline.n === 0n && step.timing !== 'within') {
            lines.push(`Due **${step.timing}** on ${response.level ? `entering ${response.level}` : `${response.rule} starting to hold`}.`);
            return lines.join('\n\n');
        }
        if (!deadline) {
            lines.push('No deadline: the step waits on itself through `after`.');
            return lines.join('\n\n');
        }
        const limit = response.within
            ? (compare(deadline, response.within.base) > 0 ? ` — **later than the response's ${formatDuration(response.within.base)}**` : ` (the response allows ${formatDuration(response.within.base)})`)
            : '';
        lines.push(`Due **${formatDuration(deadline)}** after ${response.level ? `entering ${response.level}` : `${response.rule} starts to hold`}${limit}.`);
        if (path.length > 1) {
            lines.push(`Critical path: ${path.map(s => `\`${s.name}\` ${formatDuration(s.within.base)}`).join(' → ')}`);
        }
        return lines.join('\n\n');
    }

    protected channelHover(node: ast.Channel): string {
        const lines = [`**${node.confidential ? 'confidential ' : ''}channel** \`${node.name}\`${node.label ? ` — ${text(node.label.text)}` : ''}`];
        lines.push(`Links ${node.ends.map(e => `\`${text(e.$cstNode?.text ?? '')}\``).join(node.ends.length > 2 ? ', ' : ' and ')}` +
            (node.relay ? `, relayed by \`${text(node.relay.$cstNode?.text ?? '')}\`` : '') +
            (node.latency ? `; delivers within ${node.latency.number} ${node.latency.unit ?? ''}`.trimEnd() : '') +
            (node.fallback ? `; falls back to \`${node.fallback.$refText}\`` : '; no fallback') + '.');
        return lines.join('\n\n');
    }

    protected memberHover(node: ast.Member): string {
        const type = node.$container;
        const indicator = AstUtils.getContainerOfType(node, ast.isIndicator);
        const position = type.members.indexOf(node) + 1;
        return ast.isScaleType(type)
            ? `**member** \`${node.name}\` of the scale \`${indicator?.name}\` (${position} of ${type.members.length}; later is worse)`
            : `**member** \`${node.name}\` of \`${indicator?.name}\` (one of ${type.members.length}, no order)`;
    }

    /** A value with its unit, and what it is in base units: `2 nm = 3704 m`. */
    protected quantityHover(node: ast.Quantity): string | undefined {
        const amount = parseDecimal(node.number ?? '');
        const unit = node.unit === undefined ? undefined : UNITS.get(node.unit);
        if (!amount || !unit) return undefined;
        const base = toBase(amount, unit.symbol);
        const baseUnit = BASE_UNIT[unit.dimension as Dimension];
        const written = `${toExactString(amount)} ${unit.symbol}`;
        if (!baseUnit || baseUnit === unit.symbol) return `**${written}** — a ${unit.dimension} in its base unit`;
        const exact = isDecimal(base) ? `${toExactString(base)} ${baseUnit}` : `${toExactString(base)} ${baseUnit} ≈ ${toDecimalString(base, 6)} ${baseUnit}`;
        return `**${written}** = ${exact}\n\n1 ${unit.singular} = ${toExactString(unit.toBase)} ${baseUnit}`;
    }

    protected model(node: AstNode): Protocol | undefined {
        const protocol = AstUtils.getContainerOfType(node, ast.isProtocol);
        if (protocol) return this.models.forProtocol(protocol);
        // A top-level declaration: seen through the first protocol of its document, if any.
        const file = AstUtils.findRootNode(node) as ast.ProtocolFile;
        const first = file.declarations.find(ast.isProtocol);
        return first && this.models.forProtocol(first);
    }
}

function capitalize(value: string): string {
    return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * Protocol text (labels, titles, citations, consequences) as inert Markdown: no image, link, HTML
 * or emphasis of its own (see escapeMarkdown), and no bare address turned into a link either.
 */
function text(value: string): string {
    return escapeMarkdown(value).replace(/:(?=\/\/)/g, '\\:').replace(/\b(www)\./gi, '$1\\.').replace(/@/g, '\\@');
}

/** A label's translations, one per line: `@fr Point de rapprochement`. */
function translations(label: ast.Label | undefined): string | undefined {
    if (!label || label.translations.length === 0) return undefined;
    return label.translations.map(t => `\`@${t.language}\` ${text(t.text)}`).join('  \n');
}

/** For an obligation written with roles or `each party`: each party it binds, as its readings say. */
function readingsText(model: Protocol, obligation: Obligation): string | undefined {
    if (!isGeneric(obligation.actor) && !isGeneric(obligation.counterpart)) return undefined;
    const bindings = [...new Set(readings(model, obligation).map(reading => describeBinding(reading.binding)).filter(Boolean))];
    return bindings.length > 0 ? `Binds, in turn: ${bindings.map(b => text(b)).join('; ')}.` : undefined;
}
