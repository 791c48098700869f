// Hover: what a declaration means in the protocol — indicators with their type, unit and direction,
// rules with their level, citation and region in words, levels with the rules that lead there and
// the response due, steps with their absolute deadline, values with their conversion to base units.
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { Analyses } from '../protocol-analyses.js';
import type { ProtocolModels } from '../protocol-models.js';
import { describeKind, indicatorKind, isMeasured, unitsOfIndicator } from '../typing.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import { formatDuration, schedule } from '../../analysis/deadlines.js';
import { isDecimal, parseDecimal, toDecimalString, toExactString } from '../../model/rational.js';
import { stepText } from '../../model/syntax.js';
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
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const documentation = super.getAstNodeHoverContent(node) as string | undefined;
        const parts = [this.describe(node), documentation].filter(Boolean);
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }

    protected describe(node: AstNode): string | undefined {
        if (ast.isIndicator(node)) return this.indicatorHover(node);
        if (ast.isLevel(node)) return this.levelHover(node);
        if (ast.isThreshold(node) || ast.isRedline(node)) return this.ruleHover(node);
        if (ast.isStep(node)) return this.stepHover(node);
        if (ast.isParty(node)) return `**party** \`${node.name}\` — ${text(node.label?.text ?? node.name)}` + (node.organs.length ? `\n\nOrgans: ${node.organs.map(o => `\`${o.name}\``).join(', ')}` : '');
        if (ast.isOrgan(node)) return `**organ** \`${node.$container.name}.${node.name}\` — ${text(node.label?.text ?? node.name)}` + (node.powers.length ? `\n\nAuthorizes ${node.powers.join(' and ')}.` : '');
        if (ast.isMediator(node)) return `**mediator** \`${node.name}\` — ${text(node.label?.text ?? node.name)}`;
        if (ast.isChannel(node)) return this.channelHover(node);
        if (ast.isMember(node)) return this.memberHover(node);
        if (ast.isProtocol(node)) return `**protocol** \`${node.name}\`${node.title ? ` — ${text(node.title.text)}` : ''}`;
        return undefined;
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
        const lines = [`**level** \`${node.name}\`${node.label ? ` — ${text(node.label.text)}` : ''} (level ${rank + 1} of ${ladder.levels.length}${rank === 0 ? ', the baseline' : rank === ladder.levels.length - 1 ? ', the most severe' : ''})`];
        const model = this.model(node);
        if (!model) return lines.join('\n\n');
        const rules = model.rules.filter(r => r.level === node.name);
        lines.push(rules.length > 0
            ? `Reached by: ${rules.map(r => `\`${r.name}\`${r.citation ? ` (${text(r.citation)})` : ''}`).join(', ')}`
            : rank === 0 ? 'Applies when no rule holds.' : 'No rule leads to this level.');
        const response = model.responses.find(r => r.level === node.name);
        if (response) {
            const steps = schedule(response).map(({ step, deadline }) =>
                `- \`${step.name}\`: ${stepText(step)}, by ${deadline ? formatDuration(deadline) : '—'}`);
            lines.push(`Response${response.within ? ` within ${formatDuration(response.within.base)}` : ''}:\n${steps.join('\n')}`);
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
        const context = analysis.context;
        if (!context || analysis.incomplete) return undefined;
        const region = context.levels.ruleRegions[model.rules.indexOf(rule)];
        if (region.isEmpty) return 'no situation (the condition cannot hold)';
        try {
            return this.analyses.ask(analysis, 'assist', () => region.merged().boxes.map(box => boxText(constraintsOf(context.space, box))).join(', or '));
        } catch (error) {
            if (error instanceof BudgetExceeded) return undefined; // a hover answers at once, or leaves the region out
            throw error;
        }
    }

    protected stepHover(node: ast.Step): string | undefined {
        const found = stepDeadline(this.models, node);
        if (!found) return undefined;
        const { response, scheduled: { step, deadline, path } } = found;
        const lines = [`**step** \`${step.name}\` — ${step.verbClass} step of the response to *${response.level}*`];
        if (!deadline) {
            lines.push('No deadline: the step waits on itself through `after`.');
            return lines.join('\n\n');
        }
        const limit = response.within
            ? (compare(deadline, response.within.base) > 0 ? ` — **later than the response's ${formatDuration(response.within.base)}**` : ` (the response allows ${formatDuration(response.within.base)})`)
            : '';
        lines.push(`Due **${formatDuration(deadline)}** after entering ${response.level}${limit}.`);
        if (path.length > 1) {
            lines.push(`Critical path: ${path.map(s => `\`${s.name}\` ${formatDuration(s.within.base)}`).join(' → ')}`);
        }
        return lines.join('\n\n');
    }

    protected channelHover(node: ast.Channel): string {
        const lines = [`**channel** \`${node.name}\`${node.label ? ` — ${text(node.label.text)}` : ''}`];
        lines.push(`Links ${node.ends.map(e => `\`${text(e.$cstNode?.text ?? '')}\``).join(' and ')}` +
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
