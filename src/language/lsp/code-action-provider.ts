// Quick fixes keyed by diagnostic code, and a refactoring that converts a value to its indicator's unit.
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import type { ProtocolModels } from '../protocol-models.js';
import { indicatorKind, isMeasured, unitsOfIndicator } from '../typing.js';
import { closestName } from '../validation/spelling.js';
import { missingLanguages } from '../validation/translations.js';
import { BudgetExceeded } from '../../analysis/budget.js';
import { isDiagnosticCode, severityOf } from '../../analysis/codes.js';
import { type Margin, findMargin } from '../../analysis/margins.js';
import type { Analyses } from '../protocol-analyses.js';
import { isDecimal, parseDecimal, toExactString } from '../../model/rational.js';
import { quantityText } from '../../model/syntax.js';
import { UNITS, type Unit, fromBase, toBase, unitsOf } from '../../model/units.js';
import { expectationFixes } from './expectation-fix.js';

type Accept = (action: CodeAction | undefined) => void;

export class DetenteCodeActionProvider implements CodeActionProvider {
    protected readonly models: ProtocolModels;
    protected readonly analyses: Analyses;

    constructor(services: DetenteServices) {
        this.models = services.model.ProtocolModels;
        this.analyses = services.model.Analyses;
    }


    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        const accept: Accept = action => action && actions.push(action);
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code ?? diagnostic.code;
            const node = this.nodeAt(document, diagnostic.range.start);
            if (!node) continue;
            switch (code) {
                case 'missing-response': this.addResponse(document, diagnostic, node, accept); break;
                case 'redline-without-consequence': this.completeRedline(document, diagnostic, node, accept); break;
                case 'force-without-legal-basis': this.addCitation(document, diagnostic, node, accept); break;
                case 'force-without-authorization': this.addAuthorization(document, diagnostic, node, accept); break;
                case 'unit-mismatch': this.fixUnit(document, diagnostic, node, accept); break;
                case 'unresolved-reference': this.resolveName(document, diagnostic, node, accept); break;
                case 'no-hysteresis': this.widenMargin(document, diagnostic, node, accept); break;
                case 'role-ambiguous': this.everyOtherParty(document, diagnostic, node, accept); break;
                case 'missing-translation': this.addTranslations(document, diagnostic, node, accept); break;
                case 'unused-accept': this.removeAccept(document, diagnostic, node, accept); break;
                case 'scenario-failed': this.updateExpectation(document, diagnostic, node, accept); break;
            }
            this.acceptFinding(document, diagnostic, node, String(code), accept);
        }
        const here = this.nodeAt(document, params.range.start);
        if (ast.isQuantity(here)) this.convertUnit(document, here, accept);
        return actions.length > 0 ? actions : undefined;
    }

    protected nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode;
    }

    /**
     * Any warning or info: `accept CODE "…"` at the end of the declaration it is about, with a justification
     * for the drafters to write. Errors cannot be accepted (bad-accept), and an accepted finding needs nothing.
     */
    protected acceptFinding(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, code: string, accept: Accept): void {
        const data = diagnostic.data as { accepted?: unknown } | undefined;
        if (!isDiagnosticCode(code) || severityOf(code) === 'error' || data?.accepted || code === 'unused-accept' || code === 'bad-accept') return;
        const declaration = AstUtils.getContainerOfType(node, (candidate): candidate is AstNode => Array.isArray((candidate as { accepts?: unknown }).accepts));
        const end = declaration?.$cstNode?.range.end;
        if (!end) return;
        accept(quickFix(`Accept this finding (${code})…`, diagnostic, document, [insert(end, ` accept ${code} "the Parties accept this because …"`)]));
    }

    /** scenario-failed: the expectation the scenario's situations meet (the protocol may be right, the scenario out of date). */
    protected updateExpectation(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const scenario = ast.isScenario(node) ? node : AstUtils.getContainerOfType(node, ast.isScenario);
        if (!scenario) return;
        const fixes = expectationFixes(this.models, this.analyses, document, scenario);
        for (const fix of fixes) accept(quickFix(fix.title, diagnostic, document, [replace(fix.range, fix.text)], fixes.length === 1));
    }

    /** unused-accept: the clause accepts nothing any more; remove it. */
    protected removeAccept(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const clause = ast.isAccept(node) ? node : AstUtils.getContainerOfType(node, ast.isAccept);
        const range = clause?.$cstNode?.range;
        if (!range) return;
        // With the space before it, so that no trailing space is left behind.
        const before = document.textDocument.offsetAt(range.start);
        const text = document.textDocument.getText();
        const start = /\s/.test(text.charAt(before - 1)) ? document.textDocument.positionAt(before - 1) : range.start;
        accept(quickFix('Remove the unused accept clause', diagnostic, document, [replace({ start, end: range.end }, '')], true));
    }

    /** role-ambiguous: `every other party` names each of the others, however many the protocol binds. */
    protected everyOtherParty(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const other = ast.isOtherParty(node) ? node : AstUtils.getContainerOfType(node, ast.isOtherParty);
        const party = other && findLastKeyword(other, 'party');
        const the = other?.$cstNode?.range.start;
        if (!party || !the) return;
        accept(quickFix("Write 'every other party'", diagnostic, document, [replace({ start: the, end: party.end }, 'every other party')], true));
    }

    /** missing-translation: a placeholder for each missing language, marked as such, for the drafter to translate. */
    protected addTranslations(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const label = ast.isLabel(node) ? node : AstUtils.getContainerOfType(node, ast.isLabel);
        const protocol = label && AstUtils.getContainerOfType(label, ast.isProtocol);
        const languages = protocol?.members.find(ast.isLanguages)?.codes ?? [];
        const missing = label ? missingLanguages(label, languages.slice(1)) : [];
        if (!label?.$cstNode || missing.length === 0) return;
        const placeholders = missing.map(code => ` @${code} ${JSON.stringify(`[${code}] ${label.text}`)}`).join('');
        accept(quickFix(`Add ${missing.map(code => `@${code}`).join(', ')} to translate`, diagnostic, document, [insert(label.$cstNode.range.end, placeholders)], true));
    }

    /** missing-response: a response skeleton for the level, after the last response (or rule) of the protocol. */
    protected addResponse(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const level = AstUtils.getContainerOfType(node, ast.isLevel);
        const protocol = AstUtils.getContainerOfType(node, ast.isProtocol);
        if (!level || !protocol) return;
        const anchor = [...protocol.members].reverse().find(m => ast.isResponse(m)) ?? [...protocol.members].reverse().find(ast.isRule) ?? protocol.members.at(-1);
        if (!anchor?.$cstNode) return;
        const indent = indentationOf(document, anchor.$cstNode.range.start.line);
        const parties = this.models.forProtocol(protocol).parties;
        const step = parties.length >= 2
            ? `${indent}    step inform: ${parties[0].name} notifies ${parties[1].name} within 30 min\n`
            : '';
        accept(quickFix(`Add a response for ${level.name}`, diagnostic, document, [
            insert(anchor.$cstNode.range.end, `\n${indent}response ${level.name} within 1 h {\n${step}${indent}}`),
        ], true));
    }

    /** redline-without-consequence: the missing `consequence` and `disclosure`, in a block. */
    protected completeRedline(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const redline = AstUtils.getContainerOfType(node, ast.isRedline);
        if (!redline?.$cstNode) return;
        const indent = indentationOf(document, redline.$cstNode.range.start.line);
        const missing = [
            redline.consequence === undefined ? 'consequence "State the consequence"' : undefined,
            redline.disclosure === undefined ? 'disclosure public' : undefined,
        ].filter((clause): clause is string => clause !== undefined);
        const close = redline.$cstNode.text.trimEnd().endsWith('}') ? findLastKeyword(redline, '}') : undefined;
        const edit = close
            ? insert(close.start, `${missing.join(' ')} `)
            : insert(redline.$cstNode.range.end, ` {\n${missing.map(clause => `${indent}    ${clause}\n`).join('')}${indent}}`);
        accept(quickFix(`Declare the red line's ${missing.map(m => m.split(' ')[0]).join(' and ')}`, diagnostic, document, [edit], true));
    }

    /** force-without-legal-basis: `cites "…"` at the end of the step. */
    protected addCitation(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const step = AstUtils.getContainerOfType(node, ast.isStep);
        if (!step?.$cstNode || step.legalBasis !== undefined) return;
        accept(quickFix('Add the legal basis: cites "…"', diagnostic, document, [insert(step.$cstNode.range.end, ' cites "State the legal basis"')], true));
    }

    /** force-without-authorization: `authorized by` an organ that authorizes force, or give the named organ that power. */
    protected addAuthorization(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const step = AstUtils.getContainerOfType(node, ast.isStep);
        const protocol = AstUtils.getContainerOfType(node, ast.isProtocol);
        if (!step?.$cstNode || !protocol) return;
        const named = ast.isNamed(step.authorizedBy) ? step.authorizedBy.organ?.ref : undefined;
        if (named && !named.powers.includes('force') && named.$cstNode && AstUtils.getDocument(named) === document) {
            const end = named.$cstNode.range.end;
            accept(quickFix(`Declare that ${named.$container.name}.${named.name} authorizes force`, diagnostic, document,
                [insert(end, named.powers.length > 0 ? ', force' : ' authorizes force')]));
            return;
        }
        if (step.authorizedBy) return;
        const actor = ast.isNamed(step.actor) ? step.actor.subject?.ref : undefined;
        const actorParty = ast.isParty(actor) ? actor.name : undefined;
        const candidates = this.models.forProtocol(protocol).parties
            .filter(party => !actorParty || party.name === actorParty)
            .flatMap(party => party.organs.filter(o => o.powers.includes('force')).map(o => `${party.name}.${o.name}`));
        const citation = step.legalBasis !== undefined ? findLastKeyword(step, 'cites') : undefined;
        for (const organ of candidates) {
            accept(quickFix(`Add authorized by ${organ}`, diagnostic, document,
                [citation ? insert(citation.start, `authorized by ${organ} `) : insert(step.$cstNode.range.end, ` authorized by ${organ}`)], candidates.length === 1));
        }
    }

    /** unit-mismatch on a value: add the missing unit, or replace a unit that does not fit. */
    protected fixUnit(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const quantity = ast.isQuantity(node) ? node : AstUtils.getContainerOfType(node, ast.isQuantity);
        if (!quantity?.$cstNode) return;
        const { units: fitting, preferred } = this.expectedUnit(quantity);
        // A unit that fits already: the problem is elsewhere (a percentage above 100), not for a unit to fix.
        if (fitting.length === 0 || (quantity.unit !== undefined && fitting.some(u => u.symbol === quantity.unit))) return;
        const units = fitting.map(u => u.symbol);
        const ordered = [...new Set([preferred, quantity.unit ? closestName(quantity.unit, units) : undefined, ...units].filter((u): u is string => !!u))];
        for (const unit of ordered) {
            const edit = quantity.unit === undefined
                ? insert(quantity.$cstNode.range.end, ` ${unit}`)
                : replace(unitRange(document, quantity), unit);
            accept(quickFix(quantity.unit === undefined ? `Add the unit ${unit}` : `Use ${unit} instead of ${quantity.unit}`, diagnostic, document, [edit], unit === ordered[0]));
        }
    }

    /** The units a value may take where it is written, and the one its indicator is shown in. */
    protected expectedUnit(quantity: ast.Quantity): { units: Unit[]; preferred?: string } {
        const owner = quantity.$container;
        if (ast.isComparison(owner) || ast.isBetween(owner)) {
            const indicator = owner.indicator?.ref;
            const kind = indicatorKind(indicator);
            if (!isMeasured(kind) || kind === 'count') return { units: [] };
            const protocol = AstUtils.getContainerOfType(owner, ast.isProtocol);
            const shown = protocol && this.models.forProtocol(protocol).indicators.find(i => i.name === indicator!.name)?.unit;
            return { units: unitsOfIndicator(indicator), preferred: shown };
        }
        if (isDurationOwner(owner)) {
            return { units: unitsOf('duration'), preferred: 'min' };
        }
        return { units: [] };
    }

    /** A refactoring on any value: write it in its indicator's unit, when that is exact. */
    protected convertUnit(document: LangiumDocument, quantity: ast.Quantity, accept: Accept): void {
        const { units, preferred } = this.expectedUnit(quantity);
        const amount = parseDecimal(quantity.number ?? '');
        const from = units.find(u => u.symbol === quantity.unit);
        if (!preferred || !amount || !from || from.symbol === preferred || !quantity.$cstNode) return;
        const converted = fromBase(toBase(amount, from.symbol, units), preferred, units);
        if (!isDecimal(converted) || toExactString(converted).length > 8) return;
        const text = `${toExactString(converted)} ${preferred}`;
        accept({
            title: `Convert ${quantity.number} ${quantity.unit} to ${text}`,
            kind: CodeActionKind.RefactorRewrite,
            edit: { changes: { [document.textDocument.uri]: [replace(quantity.$cstNode.range, text)] } },
        });
    }

    /** unresolved-reference: the suggested name, or a new level or indicator of that name. */
    protected resolveName(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const name = document.textDocument.getText(diagnostic.range);
        const suggestion = /Did you mean '([^']+)'\?/.exec(String(diagnostic.message))?.[1];
        if (suggestion) {
            accept(quickFix(`Change to '${suggestion}'`, diagnostic, document, [replace(diagnostic.range, suggestion)], true));
        }
        const protocol = AstUtils.getContainerOfType(node, ast.isProtocol);
        if (!protocol || !/^[A-Za-z_]\w*$/.test(name)) return;
        const ladder = protocol.members.find(ast.isLadder);
        const isLevelReference = ast.isRule(node) || ast.isResponse(node) || ast.isDeescalation(node) || (ast.isScenario(node) && /level/.test(String(diagnostic.message)));
        if (isLevelReference && ladder?.$cstNode) {
            const close = findLastKeyword(ladder, '}');
            const last = ladder.levels.at(-1)?.$cstNode;
            if (close && last) {
                accept(quickFix(`Add level '${name}' to the ladder`, diagnostic, document,
                    [insert(last.range.end, `\n${indentationOf(document, last.range.start.line)}${name} "${name}"`)], !suggestion));
            }
        }
        const test = AstUtils.getContainerOfType(node, ast.isTest);
        if (test && /Unknown indicator/.test(String(diagnostic.message))) {
            const anchor = ladder ?? protocol.members[0];
            if (!anchor?.$cstNode) return;
            const indent = indentationOf(document, anchor.$cstNode.range.start.line);
            accept(quickFix(`Declare indicator '${name}'`, diagnostic, document,
                [insert({ line: anchor.$cstNode.range.start.line, character: 0 }, `${indent}indicator ${name} "${name}" : ${guessType(test)}\n`)], !suggestion));
        }
    }

    /** no-hysteresis: move a bound of the off-ramp's condition away from the rules it steps down from (the analysis finds how far). */
    protected widenMargin(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, accept: Accept): void {
        const deescalation = AstUtils.getContainerOfType(node, ast.isDeescalation);
        const protocol = AstUtils.getContainerOfType(node, ast.isProtocol);
        if (!deescalation || !protocol) return;
        const model = this.models.forProtocol(protocol);
        const index = model.deescalations.findIndex(d => sameStart(d.source.range.start, diagnostic.range.start));
        if (index < 0) return;
        let margin: Margin | undefined;
        try {
            // Asked whenever the cursor rests on the line: the search answers at once, or offers nothing.
            margin = findMargin(model, index, this.analyses.budgets.for('assist'));
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
        }
        const comparison = margin && deescalation.condition && AstUtils.streamAst(deescalation.condition).filter(ast.isComparison)
            .find(c => c.indicator?.$refNode && sameStart(c.indicator.$refNode.range.start, margin.test.source.range.start));
        const quantity = comparison?.value;
        if (!margin || !ast.isQuantity(quantity) || !quantity.$cstNode) return;
        const text = quantityText(margin.value);
        accept(quickFix(`Leave a margin: ${comparison!.indicator.$refText} ${comparison!.operator} ${text}`, diagnostic, document,
            [replace(quantity.$cstNode.range, text)], true));
    }
}

function quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.textDocument.uri]: edits } } };
}

function insert(position: Position, newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

function replace(range: Range, newText: string): TextEdit {
    return { range, newText };
}

function indentationOf(document: LangiumDocument, line: number): string {
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line, character: 200 } });
    return /^\s*/.exec(text)?.[0] ?? '';
}

/** The range of the last occurrence of a keyword within a node. */
function findLastKeyword(node: AstNode, keyword: string): Range | undefined {
    const leaves = node.$cstNode ? [...CstUtils.flattenCst(node.$cstNode)] : [];
    return [...leaves].reverse().find(leaf => leaf.text === keyword)?.range;
}

function unitRange(document: LangiumDocument, quantity: ast.Quantity): Range {
    const leaves = [...CstUtils.flattenCst(quantity.$cstNode!)];
    return leaves[leaves.length - 1].range;
}

function sameStart(a: Position, b: Position): boolean {
    return a.line === b.line && a.character === b.character;
}

/** The type an undeclared indicator most likely has, from how it is used. */
function guessType(test: ast.Test): string {
    if (ast.isFlagTest(test)) return 'flag';
    if (ast.isMembership(test)) return `one of ${test.members.map(m => m.$refText).join(', ')}`;
    const value = ast.isComparison(test) ? test.value : test.low;
    if (ast.isBooleanValue(value)) return 'flag';
    if (ast.isMemberValue(value)) return `one of ${value.member.$refText}`;
    const unit = ast.isQuantity(value) && value.unit ? UNITS.get(value.unit) : undefined;
    return unit ? `${unit.dimension} worse when ${test.$type === 'Comparison' && ['<', '<='].includes((test as ast.Comparison).operator) ? 'lower' : 'higher'}` : 'count';
}

/** Where a value is a duration: deadlines, latencies, hold times, windows, lead times and periods. */
function isDurationOwner(owner: AstNode | undefined): boolean {
    return ast.isStep(owner) || ast.isResponse(owner) || ast.isChannel(owner) || ast.isDeescalation(owner) || ast.isCountType(owner)
        || ast.isBeforeEvent(owner) || ast.isAfterEvent(owner) || ast.isPeriodic(owner);
}
