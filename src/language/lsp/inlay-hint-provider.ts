// Inlay hints: the base-unit value of each measured value in a condition, and the absolute deadline
// of each step that waits on others. Each kind has its setting (`detente.inlayHints.*`). Unit hints go
// at the end of their line by default: a hint inside the line would push the `->` of aligned rules out
// of their column, as rust-analyzer's chaining hints stay out of the code they describe.
import { AstUtils, Cancellation, type ConfigurationProvider, type LangiumDocument, interruptAndCheck } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { type InlayHint, InlayHintKind, type InlayHintParams } from 'vscode-languageserver';
import { isBetween, isComparison, isQuantity, isStep, type Quantity, type Step } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ProtocolModels } from '../protocol-models.js';
import { formatDuration } from '../../analysis/deadlines.js';
import { isDecimal, parseDecimal, toDecimalString, toExactString } from '../../model/rational.js';
import { BASE_UNIT, type Dimension, UNITS, toBase } from '../../model/units.js';
import { stepDeadline } from './step-deadlines.js';

/** `detente.inlayHints`: where unit hints go (or none), and whether deadline hints are shown. */
export interface InlayHintSettings {
    readonly units: 'endOfLine' | 'inline' | 'off';
    readonly deadlines: boolean;
}

export const DEFAULT_INLAY_HINTS: InlayHintSettings = { units: 'endOfLine', deadlines: true };

export class DetenteInlayHintProvider implements InlayHintProvider {
    protected readonly models: ProtocolModels;
    protected readonly configuration: ConfigurationProvider;

    constructor(services: DetenteServices) {
        this.models = services.model.ProtocolModels;
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = Cancellation.CancellationToken.None): Promise<InlayHint[]> {
        const settings = await this.settings();
        const hints: InlayHint[] = [];
        // End-of-line unit hints: the values of each line, in the order they are written.
        const lines = new Map<number, string[]>();
        for (const node of AstUtils.streamAst(document.parseResult.value, { range: params.range })) {
            await interruptAndCheck(cancelToken);
            if (settings.deadlines && isStep(node)) this.deadlineHint(node, hints);
            if (settings.units !== 'off' && isQuantity(node) && (isComparison(node.$container) || isBetween(node.$container))) {
                const hint = this.baseUnitHint(node);
                if (!hint) continue;
                if (settings.units === 'inline') {
                    hints.push(hint);
                } else {
                    const line = node.$cstNode!.range.end.line;
                    lines.set(line, [...lines.get(line) ?? [], `${node.$cstNode!.text} ${hint.label as string}`]);
                }
            }
        }
        for (const [line, values] of lines) {
            const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
            hints.push({
                position: { line, character: text.trimEnd().length },
                label: values.join(', '),
                paddingLeft: true,
                kind: InlayHintKind.Type,
                tooltip: 'The values of this line in base units',
            });
        }
        return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
    }

    protected async settings(): Promise<InlayHintSettings> {
        const configured = await this.configuration.getConfiguration('detente', 'inlayHints') as Partial<InlayHintSettings> | undefined;
        return {
            units: configured?.units === 'inline' || configured?.units === 'off' ? configured.units : DEFAULT_INLAY_HINTS.units,
            deadlines: typeof configured?.deadlines === 'boolean' ? configured.deadlines : DEFAULT_INLAY_HINTS.deadlines,
        };
    }

    protected deadlineHint(node: Step, hints: InlayHint[]): void {
        if (node.after.length === 0 || !node.within?.$cstNode) return;
        const deadline = stepDeadline(this.models, node)?.scheduled.deadline;
        if (!deadline) return;
        hints.push({
            position: node.within.$cstNode.range.end,
            label: `⇒ by ${formatDuration(deadline)}`,
            paddingLeft: true,
            kind: InlayHintKind.Parameter,
            tooltip: 'Absolute deadline from entering the level, through the steps this one waits on',
        });
    }

    /** The value in base units, placed right after it; undefined when it is written in its base unit. */
    protected baseUnitHint(node: Quantity): InlayHint | undefined {
        const unit = node.unit === undefined ? undefined : UNITS.get(node.unit);
        const amount = parseDecimal(node.number ?? '');
        const base = unit && BASE_UNIT[unit.dimension as Dimension];
        if (!unit || !amount || !base || base === unit.symbol || !node.$cstNode) return undefined;
        const value = toBase(amount, unit.symbol);
        return {
            position: node.$cstNode.range.end,
            label: `${isDecimal(value) ? '=' : '≈'} ${isDecimal(value) ? toExactString(value) : toDecimalString(value, 3)} ${base}`,
            paddingLeft: true,
            kind: InlayHintKind.Type,
            tooltip: `In base units: ${toExactString(value)} ${base}`,
        };
    }
}
