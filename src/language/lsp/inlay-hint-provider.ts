// Inlay hints: after a step that waits on others, its absolute deadline from entering the level.
import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isStep } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ProtocolModels } from '../protocol-models.js';
import { formatDuration } from '../../analysis/deadlines.js';
import { stepDeadline } from './step-deadlines.js';

export class DetenteInlayHintProvider extends AbstractInlayHintProvider {
    protected readonly models: ProtocolModels;

    constructor(services: DetenteServices) {
        super();
        this.models = services.model.ProtocolModels;
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (!isStep(node) || node.after.length === 0 || !node.within?.$cstNode) return;
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
}
