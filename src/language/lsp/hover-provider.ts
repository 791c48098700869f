// Hover: what a declaration means in the protocol. Steps show their absolute deadline and the path that sets it.
import type { AstNode, MaybePromise } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import { isStep } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ProtocolModels } from '../protocol-models.js';
import { formatDuration } from '../../analysis/deadlines.js';
import { compare } from '../../model/rational.js';
import { stepDeadline } from './step-deadlines.js';

export class DetenteHoverProvider extends MultilineCommentHoverProvider {
    protected readonly models: ProtocolModels;

    constructor(services: DetenteServices) {
        super(services);
        this.models = services.model.ProtocolModels;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const parts = [isStep(node) ? this.stepHover(node) : undefined, super.getAstNodeHoverContent(node) as string | undefined];
        const content = parts.filter(Boolean).join('\n\n---\n\n');
        return content || undefined;
    }

    protected stepHover(node: Parameters<typeof stepDeadline>[1]): string | undefined {
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
}
