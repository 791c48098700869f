// The absolute deadline of a step as written in a document: the bridge from the AST to the deadline model.
import { AstUtils, GrammarUtils } from 'langium';
import { isProtocol, type Step as StepNode } from '../generated/ast.js';
import type { ProtocolModels } from '../protocol-models.js';
import { type ScheduledStep, schedule } from '../../analysis/deadlines.js';
import type { Response } from '../../model/protocol.js';

export interface StepDeadline {
    readonly response: Response;
    readonly scheduled: ScheduledStep;
}

export function stepDeadline(models: ProtocolModels, node: StepNode): StepDeadline | undefined {
    const protocol = AstUtils.getContainerOfType(node, isProtocol);
    if (!protocol) return undefined;
    const model = models.forProtocol(protocol);
    const start = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range.start;
    if (!start) return undefined;
    for (const response of model.responses) {
        const found = schedule(response).find(s =>
            s.step.source.range.start.line === start.line && s.step.source.range.start.character === start.character);
        if (found) return { response, scheduled: found };
    }
    return undefined;
}
