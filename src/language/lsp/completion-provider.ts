// Completion that knows the context: names in scope come from Langium (indicators, levels, organs
// after `Party.`, channels, steps, members); here, the units that fit the indicator or deadline being
// written, and snippets for the usual declarations.
import { AstUtils, type Cancellation, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { type CompletionAcceptor, type CompletionContext, DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { type CompletionList, type CompletionParams, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isGuardError } from '../parser/guarded-parser.js';
import * as ast from '../generated/ast.js';
import { unitsOfDimension, unitsOfIndicator } from '../typing.js';
import { type Dimension, type Unit, unitsOf } from '../../model/units.js';

const SNIPPETS: Record<string, { label: string; detail: string; body: string }> = {
    protocol: {
        label: 'protocol … { ladder … }',
        detail: 'A protocol with its ladder',
        body: 'protocol ${1:Name} "${2:Title}" {\n\tladder {\n\t\t${3:Routine} "${4:Routine operations}"\n\t\t${5:Concern} "${6:Heightened attention}"\n\t}\n\t$0\n}',
    },
    threshold: {
        label: 'threshold … -> …',
        detail: 'A threshold: a condition that raises the level',
        body: 'threshold ${1:Name} "${2:Art. 1}": ${3:condition} -> ${4:Level}',
    },
    redline: {
        label: 'redline … { consequence … }',
        detail: 'A red line with its declared consequence',
        body: 'redline ${1:Name} "${2:Art. 1}": ${3:condition} -> ${4:Level} {\n\tconsequence "${5:What follows}"\n\tdisclosure ${6|public,confidential|}\n}',
    },
    response: {
        label: 'response … { step … }',
        detail: 'What each side must do at a level, and by when',
        body: 'response ${1:Level} within ${2:2 h} {\n\tstep ${3:inform}: ${4:Actor} notifies ${5:Counterpart} within ${6:30 min}\n}',
    },
    duty: {
        label: 'duty … before/after EVENT',
        detail: 'An obligation no level triggers: before or after an event, periodic, or on a date',
        body: 'duty ${1:notify} "${2:Art. 2}": ${3:each party} ${4:notifies} ${5:the other party} ${6|at least 3 d before,within 24 h after|} ${7:event}',
    },
    event: {
        label: 'event … "…"',
        detail: 'Something that happens at an instant (a launch, a collision)',
        body: 'event ${1:launch} "${2:Flight test of a ballistic missile}"',
    },
    role: {
        label: 'role … "the Party …"',
        detail: 'Stands for one bound party in steps and duties',
        body: 'role ${1:Testing} "${2:the Party conducting the test}"',
    },
    scenario: {
        label: 'scenario "…" { given … expect … }',
        detail: 'A test case of the protocol',
        body: 'scenario "${1:What it shows}" {\n\tgiven ${2:indicator = value}\n\texpect ${3:Level}\n}',
    },
};

export class DetenteCompletionProvider extends DefaultCompletionProvider {
    /**
     * No completion after a condition nested too deeply to read: working out what may follow would walk
     * the grammar as deep as the text goes. The syntax error there says what to do instead.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: Cancellation.CancellationToken): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        // The parse already found them: a text too long (at offset 0) or a condition too deep.
        if (document.parseResult.lexerErrors.some(error => isGuardError(error) && (error.offset === 0 || error.offset < offset))) {
            return { isIncomplete: false, items: [] };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // The unit of a value: `Unit` is a datatype rule, so the assignment is named by `next.property`.
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (next.property === 'unit' || assignment?.feature === 'unit') {
            this.completeUnits(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const snippet = SNIPPETS[keyword.value];
        if (snippet) {
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: `0-${keyword.value}`,
            });
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    protected completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const unit of unitsAt(context.node)) {
            acceptor(context, { label: unit.symbol, kind: CompletionItemKind.Unit, detail: unit.plural, sortText: `0-${unit.symbol}` });
        }
    }
}

/** The units of the value being written at a node: its indicator's, or those of a duration for deadlines and hold times. */
function unitsAt(node: AstNode | undefined): Unit[] {
    if (!node) return [];
    const owner = ast.isQuantity(node) ? node.$container : node;
    if (ast.isQuantityType(owner)) return owner.dimension ? unitsOf(owner.dimension as Dimension) : owner.declared?.ref ? unitsOfDimension(owner.declared.ref) : [];
    if (ast.isComparison(owner) || ast.isBetween(owner)) return unitsOfIndicator(owner.indicator?.ref);
    if (ast.isStep(owner) || ast.isResponse(owner) || ast.isChannel(owner) || ast.isDeescalation(owner) || ast.isCountType(owner)
        || ast.isBeforeEvent(owner) || ast.isAfterEvent(owner) || ast.isPeriodic(owner)) return unitsOf('duration');
    return [];
}
