// Reports the situation analysis of each protocol as diagnostics on the declarations it concerns.
import { AstUtils, type Cancellation, type ValidationAcceptor } from 'langium';
import type { Protocol } from '../generated/ast.js';
import type { Analyses } from '../protocol-analyses.js';
import type { ProtocolModels } from '../protocol-models.js';
import { codeFields } from './report.js';

/** The validation category of the situation analysis: the checks over all situations, run after the others. */
export const ANALYSIS_CATEGORY = 'analysis';

export class SituationChecks {
    constructor(protected readonly models: ProtocolModels, protected readonly analyses: Analyses) { }

    async checkProtocol(protocol: Protocol, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const document = AstUtils.getDocument(protocol);
        const model = this.models.forProtocol(protocol);
        const { lexerErrors, parserErrors } = document.parseResult;
        if (!model.complete || lexerErrors.length > 0 || parserErrors.length > 0) {
            return; // the structural errors come first; checks over all situations would mislead
        }
        const uri = document.uri.toString();
        const analysis = await this.analyses.ofInterruptibly(model, cancelToken);
        for (const found of analysis.findings) {
            if (found.source.uri !== uri) continue;
            accept(found.severity, found.message, {
                node: protocol,
                range: found.source.range,
                ...codeFields(found.code, found.witness ? { witness: found.witness } : {}),
                relatedInformation: found.related?.map(info => ({
                    location: { uri: info.source.uri, range: info.source.range },
                    message: info.message,
                })),
            });
        }
    }
}
