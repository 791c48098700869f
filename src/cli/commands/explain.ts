// `detente explain FILE --given ind=value …`: the level of a (partial) situation, the rules that hold, the steps due.
import { explain, type Explanation } from '../../analysis/explain.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import { isStructuralError } from '../../language/compilations.js';
import { GivenError, parseGiven } from '../../analysis/given.js';
import { explanationJson, explanationText } from '../../render/explanation.js';
import { UsageError, stderrLine } from '../inputs.js';
import { chooseProtocol, loadProject } from '../project.js';
import { collectDiagnostics, formatText } from '../findings.js';

export interface ExplainOptions {
    readonly given: readonly string[];
    readonly protocol?: string;
    readonly format: 'text' | 'json';
    readonly root?: string;
}

export async function explainCommand(file: string, options: ExplainOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
    const project = await loadProject([file], options.root);
    const document = project.inputs[0];
    // Errors that leave parts of the text unread make any explanation untrustworthy; findings of the analysis
    // (a failing scenario, an off-ramp that flaps) do not: explaining situations is how they are understood.
    const diagnostics = collectDiagnostics(project).filter(isStructuralError);
    if (diagnostics.length > 0) {
        err.write(formatText(diagnostics, project.documents.length));
        err.write(stderrLine(`${file} has errors; fix them before explaining situations`));
        return 1;
    }
    const protocols = project.services.model.ProtocolModels.forDocument(document);
    const protocol = chooseProtocol(protocols, options.protocol, file);
    let explanation: Explanation;
    try {
        explanation = explain(protocol, parseGiven(protocol, options.given), project.services.model.Analyses.budgets.for('explain'));
    } catch (error) {
        if (error instanceof GivenError) throw new UsageError(`--given: ${error.message}`);
        if (error instanceof BudgetExceeded) {
            err.write(`detente: ${file}: the situation could not be explained within the budget (${error.reason}); give more of its values with --given\n`);
            return 1;
        }
        throw error;
    }
    out.write(options.format === 'json' ? JSON.stringify(explanationJson(explanation), null, 2) + '\n' : explanationText(explanation));
    return 0;
}

