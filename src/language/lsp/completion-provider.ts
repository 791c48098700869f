// Completion that knows the context: names in scope come from Langium (indicators, levels, organs
// after `Party.`, channels, steps, members); here, the units that fit the indicator or deadline being
// written, the paths of the files an `import` can name, and snippets for the usual declarations where
// a declaration can start.
import * as path from 'node:path';
import {
    AstUtils, type AstNodeDescription, type Cancellation, GrammarAST, type AstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise,
    type ReferenceInfo, type Stream
} from 'langium';
import { type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { type CompletionItem, type CompletionList, type CompletionParams, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import type { ImportResolver } from '../workspace/import-resolver.js';
import { isGuardError } from '../parser/guarded-parser.js';
import * as ast from '../generated/ast.js';
import { unitsOfDimension, unitsOfIndicator } from '../typing.js';
import { ALL_CODES, severityOf } from '../../analysis/codes.js';
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
    deescalate: {
        label: 'deescalate … to … when … for …',
        detail: 'An off-ramp: back down a level once a condition has held for a while',
        body: 'deescalate ${1:From} to ${2:To} when ${3:condition} for ${4:1 h}',
    },
    scenario: {
        label: 'scenario "…" { given … expect … }',
        detail: 'A test case of the protocol',
        body: 'scenario "${1:What it shows}" {\n\tgiven ${2:indicator = value}\n\texpect ${3:Level}\n}',
    },
};

const NOTHING: CompletionList = { isIncomplete: false, items: [] };

export class DetenteCompletionProvider extends DefaultCompletionProvider {
    /** `.` after a party lists its organs; `"` and `/` in an import list the files it can name. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', '"', '/'] };
    protected readonly imports: ImportResolver;
    protected readonly documents: LangiumDocuments;

    constructor(services: DetenteServices) {
        super(services);
        this.imports = services.shared.workspace.ImportResolver;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * No completion after a condition nested too deeply to read: working out what may follow would walk
     * the grammar as deep as the text goes. The syntax error there says what to do instead.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: Cancellation.CancellationToken): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        // The parse already found them: a text too long (at offset 0) or a condition too deep.
        if (document.parseResult.lexerErrors.some(error => isGuardError(error) && (error.offset === 0 || error.offset < offset))) {
            return NOTHING;
        }
        const line = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
        const importPath = /^\s*import\s+"([^"]*)$/.exec(line);
        if (importPath) return this.completeImportPath(document, params, importPath[1]);
        // A trigger character means something only in its place: `.` right after a name, quotes and slashes in an import.
        const trigger = params.context?.triggerCharacter;
        if (trigger === '"' || trigger === '/' || (trigger === '.' && !/[\p{L}_][\p{L}\p{N}_]*\.$/u.test(line))) return NOTHING;
        return super.getCompletion(document, params, cancelToken);
    }

    /** The `.detente` files the workspace holds that the import can name, relative to the importing file. */
    protected completeImportPath(document: LangiumDocument, params: CompletionParams, typed: string): CompletionList {
        const lineText = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: { line: params.position.line + 1, character: 0 } });
        const closing = lineText.indexOf('"', params.position.character);
        const range = {
            start: { line: params.position.line, character: params.position.character - typed.length },
            end: { line: params.position.line, character: closing >= 0 ? closing : params.position.character },
        };
        const here = path.dirname(document.uri.fsPath);
        const named = new Set(((document.parseResult.value as { imports?: Array<{ path?: string }> }).imports ?? []).map(i => i.path));
        const items: CompletionItem[] = this.documents.all
            .filter(other => other.uri.scheme === document.uri.scheme && other.uri.toString() !== document.uri.toString() && other.uri.path.endsWith('.detente'))
            .map(other => path.relative(here, other.uri.fsPath).split(path.sep).join('/'))
            .filter(relative => !named.has(relative) && this.imports.locate(document.uri, relative).ok)
            .map(relative => ({
                label: relative,
                kind: CompletionItemKind.File,
                detail: 'Import the parties, indicators and other shared declarations of this file',
                textEdit: { range, newText: relative },
                sortText: `${relative.split('/').length.toString().padStart(3, '0')}-${relative}`,
            }))
            .toArray();
        return { isIncomplete: false, items };
    }

    /**
     * The names a reference can take. Two corrections to Langium's: a name being typed is parsed as the
     * node it starts (a member value, a step's `after`), so that the synthetic node Langium creates for it
     * sits inside that node rather than in its real container, and is looked up there; and a step never
     * waits on itself.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        let info = refInfo;
        const container = info.container;
        if (!container.$cstNode && container.$container?.$type === container.$type) {
            info = { ...info, container: container.$container };
        }
        const candidates = super.getReferenceCandidates(info, context);
        const step = info.property === 'after' ? AstUtils.getContainerOfType(info.container, ast.isStep) : undefined;
        return step ? candidates.filter(candidate => candidate.name !== step.name) : candidates;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // The unit of a value: `Unit` is a datatype rule, so the assignment is named by `next.property`.
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (next.property === 'unit' || assignment?.feature === 'unit') {
            this.completeUnits(context, acceptor);
            return;
        }
        // The language of a translation: those the protocol lists (`languages en, fr`).
        if (assignment?.feature === 'language' && AstUtils.getContainerOfType(assignment, GrammarAST.isParserRule)?.name === 'Translation') {
            this.completeLanguages(context, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected completeLanguages(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const protocol = context.node && AstUtils.getContainerOfType(context.node, ast.isProtocol);
        const file = context.document.parseResult.value as ast.ProtocolFile;
        const protocols = protocol ? [protocol] : file.declarations.filter(ast.isProtocol);
        const codes = new Set(protocols.flatMap(p => p.members.filter(ast.isLanguages).flatMap(l => l.codes)));
        for (const code of codes) acceptor(context, { label: code, kind: CompletionItemKind.Constant, detail: 'A language of the protocol', sortText: `0-${code}` });
    }

    /** The warnings and infos that can be accepted, those found on this declaration first. */
    protected completeAcceptableCodes(context: CompletionContext, acceptor: CompletionAcceptor): void {
        let declaration: AstNode | undefined = context.node;
        while (declaration && !(declaration.$cstNode && 'accepts' in declaration)) declaration = declaration.$container;
        const range = declaration?.$cstNode?.range;
        const found = new Set((context.document.diagnostics ?? [])
            .filter(d => range && d.range.start.line >= range.start.line && d.range.start.line <= range.end.line)
            .map(d => String(d.code)));
        for (const code of ALL_CODES) {
            const severity = severityOf(code);
            if (severity === 'error' || code === 'unused-accept') continue;
            acceptor(context, {
                label: code,
                kind: CompletionItemKind.EnumMember,
                detail: found.has(code) ? `${severity}, found here` : severity,
                sortText: `${found.has(code) ? 0 : 1}-${code}`,
            });
        }
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        // `true` and `false` compare flags only.
        if ((keyword.value === 'true' || keyword.value === 'false') && !comparesFlag(context.node)) return;
        const snippet = SNIPPETS[keyword.value];
        if (snippet && startsDeclaration(context)) {
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                // Matched as its keyword and listed before it: `prot` then Enter writes the whole declaration.
                filterText: keyword.value,
                sortText: `0-${keyword.value}`,
            });
        }
        // The code of an `accept` (`reciprocity` is a keyword there only because it is also a policy).
        if (AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Code') {
            this.completeAcceptableCodes(context, acceptor);
            return;
        }
        // A keyword that cannot stand alone comes with the words that must follow it: `outside scope`, `at least`.
        const words = phrases(keyword);
        if (words.length > 1 || words[0] !== keyword.value) {
            for (const phrase of words) acceptor(context, { label: phrase, kind: CompletionItemKind.Keyword, detail: 'Keyword', sortText: '1' });
            return;
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    protected completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const unit of unitsAt(context.node)) {
            acceptor(context, { label: unit.symbol, kind: CompletionItemKind.Unit, detail: unit.plural, sortText: `0-${unit.symbol}` });
        }
    }
}

/**
 * The phrases a keyword begins, as the grammar writes them: the keywords that must follow it, and the
 * choice of a few keywords after those (`at` → `at least`, `at most`; `worse` → `worse when higher`, …).
 */
function phrases(keyword: GrammarAST.Keyword): string[] {
    const element: GrammarAST.AbstractElement = GrammarAST.isAssignment(keyword.$container) ? keyword.$container : keyword;
    const group = element.$container;
    if (!GrammarAST.isGroup(group) || element.cardinality) return [keyword.value];
    let words = [keyword.value];
    for (const next of group.elements.slice(group.elements.indexOf(element) + 1)) {
        if (next.cardinality) break;
        const terminal = GrammarAST.isAssignment(next) ? next.terminal : next;
        if (GrammarAST.isKeyword(terminal) && /\p{L}/u.test(terminal.value)) {
            words = words.map(phrase => `${phrase} ${terminal.value}`);
            continue;
        }
        const choices = GrammarAST.isRuleCall(terminal) ? keywordChoices(terminal.rule.ref) : undefined;
        if (choices) words = words.flatMap(phrase => choices.map(choice => `${phrase} ${choice}`));
        break;
    }
    return words;
}

/** The keywords a datatype rule is a choice of, when they are few enough to list (`least | most`). */
function keywordChoices(rule: GrammarAST.AbstractRule | undefined): string[] | undefined {
    if (!GrammarAST.isParserRule(rule) || !GrammarAST.isAlternatives(rule.definition)) return undefined;
    const values = rule.definition.elements.map(e => GrammarAST.isKeyword(e) ? e.value : undefined);
    return values.length <= 4 && values.every(v => v !== undefined) ? values as string[] : undefined;
}

/** Whether the test being written is about a flag (or an indicator not known yet). */
function comparesFlag(node: AstNode | undefined): boolean {
    const test = node && (AstUtils.getContainerOfType(node, ast.isComparison) ?? AstUtils.getContainerOfType(node, ast.isFlagTest));
    const indicator = test?.indicator?.ref;
    return !indicator || ast.isFlagType(indicator.type);
}

/**
 * Whether a declaration can start at the word being completed: the keyword is expected there, and only
 * the word (or `confidential`) stands before it on its line — not the end of a line that declares something else.
 */
function startsDeclaration(context: CompletionContext): boolean {
    const text = context.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
    return /^\s*(confidential\s+)?$/.test(text.slice(lineStart, context.tokenOffset));
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
