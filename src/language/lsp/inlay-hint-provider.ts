// Inlay hints: the base-unit value of each measured value in a condition, and the absolute deadline
// of each step that waits on others.
import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isBetween, isComparison, isQuantity, isStep, type Quantity, type Step } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ProtocolModels } from '../protocol-models.js';
import { formatDuration } from '../../analysis/deadlines.js';
import { isDecimal, parseDecimal, toDecimalString, toExactString } from '../../model/rational.js';
import { BASE_UNIT, type Dimension, UNITS, toBase } from '../../model/units.js';
import { stepDeadline } from './step-deadlines.js';

export class DetenteInlayHintProvider extends AbstractInlayHintProvider {
    protected readonly models: ProtocolModels;

    constructor(services: DetenteServices) {
        super();
        this.models = services.model.ProtocolModels;
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (isStep(node)) this.deadlineHint(node, accept);
        if (isQuantity(node) && (isComparison(node.$container) || isBetween(node.$container))) this.baseUnitHint(node, accept);
    }

    protected deadlineHint(node: Step, accept: InlayHintAcceptor): void {
        if (node.after.length === 0 || !node.within?.$cstNode) return;
        const deadline = stepDeadline(this.models, node)?.scheduled.deadline;
        if (!deadline) return;
        accept({
            position: node.within.$cstNode.range.end,
            label: `⇒ by ${formatDuration(deadline)}`,
            paddingLeft: true,
            kind: InlayHintKind.Parameter,
            tooltip: 'Absolute deadline from entering the level, through the steps this one waits on',
        });
    }

    protected baseUnitHint(node: Quantity, accept: InlayHintAcceptor): void {
        const unit = node.unit === undefined ? undefined : UNITS.get(node.unit);
        const amount = parseDecimal(node.number ?? '');
        const base = unit && BASE_UNIT[unit.dimension as Dimension];
        if (!unit || !amount || !base || base === unit.symbol || !node.$cstNode) return;
        const value = toBase(amount, unit.symbol);
        accept({
            position: node.$cstNode.range.end,
            label: `${isDecimal(value) ? '=' : '≈'} ${isDecimal(value) ? toExactString(value) : toDecimalString(value, 3)} ${base}`,
            paddingLeft: true,
            kind: InlayHintKind.Type,
            tooltip: `In base units: ${toExactString(value)} ${base}`,
        });
    }
}
