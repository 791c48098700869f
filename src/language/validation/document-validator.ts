// Gives lexer, parser and linker errors Détente's codes (`syntax`, `unresolved-reference`, `unit-mismatch`) and domain wording.
import {
    type AstNode, Cancellation, DefaultDocumentValidator, type Disposable, type LangiumDocument, type ParseResult, type ReferenceInfo,
    type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { forEachNode } from '../workspace/ast-walk.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isBetween, isChoiceType, isComparison, isMembership, isMemberValue, isNamed, isParty, isScaleType, type Indicator } from '../generated/ast.js';
import type { DetenteServices } from '../detente-module.js';
import { closestName } from './spelling.js';
import { codeFields } from './report.js';
import { applyAcceptances } from './accepts.js';
import { ANALYSIS_CATEGORY } from './situations.js';

const KIND_NAMES: Record<string, string> = {
    Level: 'level',
    Indicator: 'indicator',
    Subject: 'party, mediator, body or role',
    Party: 'party',
    Organ: 'organ',
    Channel: 'channel',
    Step: 'step',
    Member: 'member',
    Rule: 'threshold or red line',
    Event: 'event',
    Action: 'verb',
    Dimension: 'dimension',
    Protocol: 'protocol',
};

/** A document's diagnostics before its situation analysis: those of the parser, the linker and the structural checks. */
export interface StructuralDiagnostics {
    readonly document: LangiumDocument;
    readonly diagnostics: Diagnostic[];
}

export class DetenteDocumentValidator extends DefaultDocumentValidator {
    protected readonly scopes: ScopeProvider;
    protected readonly structuralListeners: Array<(found: StructuralDiagnostics) => unknown> = [];

    constructor(services: DetenteServices) {
        super(services);
        this.scopes = services.references.ScopeProvider;
    }

    /**
     * Every check, then the document's `accept` clauses applied to what they found (see accepts.ts). The
     * situation analysis runs last: what the other checks found is announced first (the language server
     * publishes it), so that a drafter sees a typo at once, not after the analysis of every situation. The
     * analysis waits until the listeners are done: the connection writes a message on later turns of the
     * event loop, which the analysis would otherwise hold up.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const categories = options.categories ?? [...this.validationRegistry.getAllValidationCategories(document)];
        const structural = await super.validateDocument(document, { ...options, categories: categories.filter(c => c !== ANALYSIS_CATEGORY) }, cancelToken);
        if (!categories.includes(ANALYSIS_CATEGORY)) return applyAcceptances(document, structural, { analysed: false });
        const found = { document, diagnostics: applyAcceptances(document, structural, { analysed: false }) };
        // A message that cannot be written (the editor gone) does not stop the analysis.
        await Promise.all(this.structuralListeners.map(listener => Promise.resolve(listener(found)).catch(() => undefined)));
        const findings = await super.validateDocument(document, { ...options, categories: [ANALYSIS_CATEGORY] }, cancelToken);
        return applyAcceptances(document, [...structural, ...findings]);
    }

    /**
     * Each document's diagnostics once all but the situation analysis are known (only when the analysis is to
     * follow). The analysis starts once what the listener returns has settled.
     */
    onStructuralDiagnostics(listener: (found: StructuralDiagnostics) => unknown): Disposable {
        this.structuralListeners.push(listener);
        return {
            dispose: () => {
                const at = this.structuralListeners.indexOf(listener);
                if (at >= 0) this.structuralListeners.splice(at, 1);
            },
        };
    }

    /** Every node's checks, as Langium runs them, with one walk of the tree and a pause per batch of nodes. */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        // The registry answers with a stream per node; the checks of each type are looked up once per walk.
        const registry = this.validationRegistry;
        const checksOf = new Map<string, ValidationCheck[]>();
        const checksFor = (type: string) => {
            let checks = checksOf.get(type);
            if (!checks) {
                checks = registry.getChecks(type, options.categories).toArray();
                checksOf.set(type, checks);
            }
            return checks;
        };
        // Most checks are synchronous: a node is waited for only when one of its checks returns a promise.
        const rest = async (node: AstNode, checks: ValidationCheck[], from: number, pending: PromiseLike<void>) => {
            await pending;
            for (let i = from; i < checks.length; i++) await checks[i](node, acceptor, cancelToken);
        };
        // A named visitor: the benchmark's profile tells checking from linking by it.
        await forEachNode(rootNode, cancelToken, function checkNode(node): Promise<void> | undefined {
            const checks = checksFor(node.$type);
            for (let i = 0; i < checks.length; i++) {
                const pending = checks[i](node, acceptor, cancelToken);
                if (pending) return rest(node, checks, i + 1, pending);
            }
            return undefined;
        });
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const found: Diagnostic[] = [];
        super.processLexingErrors(parseResult, found, options);
        diagnostics.push(...found.map(diagnostic => ({ ...diagnostic, ...codeFields('syntax') })));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const found: Diagnostic[] = [];
        super.processParsingErrors(parseResult, found, options);
        diagnostics.push(...found.map(diagnostic => ({
            ...diagnostic,
            message: typeof diagnostic.message === 'string' ? describeParserError(diagnostic.message) : diagnostic.message,
            ...codeFields('syntax')
        })));
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            const info = error.info;
            const memberOf = isMemberReference(info) ? indicatorOfMember(info) : undefined;
            const range = reference.$refNode?.range;
            if (!range) {
                continue;
            }
            if (isMemberReference(info)) {
                const members = memberNames(memberOf);
                // Unknown indicator: reported on the indicator. Not a scale or `one of`: reported as a type mismatch.
                if (members) {
                    diagnostics.push({
                        severity: 1,
                        range,
                        message: `Unknown member '${info.reference.$refText}' of '${memberOf!.name}'; it takes ${members.join(', ')}.`,
                        source: this.getSource(),
                        ...codeFields('unit-mismatch'),
                    });
                }
                continue;
            }
            diagnostics.push({
                severity: 1,
                range,
                message: this.unresolvedMessage(info),
                source: this.getSource(),
                ...codeFields('unresolved-reference'),
            });
        }
    }

    protected unresolvedMessage(info: ReferenceInfo): string {
        const type = referenceKind(info);
        const name = info.reference.$refText;
        let candidates: string[] = [];
        try {
            candidates = this.scopes.getScope(info).getAllElements().map(description => description.name).toArray();
        } catch {
            // A broken scope must not hide the diagnostic itself.
        }
        const suggestion = closestName(name, candidates);
        // An organ after a party: say whose organ is missing.
        const container = info.container;
        if (type === 'organ' && isNamed(container) && isParty(container.subject?.ref)) {
            return `Unknown organ '${name}': ${container.subject.ref.name} has no organ of that name.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`;
        }
        const where = type === 'level' ? 'not in the ladder'
            : type === 'step' ? (info.container.$type === 'Deescalation' ? "not a step of the response of the level it steps down from" : 'not a step of this response')
                : type === 'organ' ? 'not an organ of that party' : 'not declared here or in an imported file';
        return `Unknown ${type} '${name}': ${where}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`;
    }
}

function referenceKind(info: ReferenceInfo): string {
    const property = info.property;
    const container = info.container.$type;
    if (property === 'after' || (container === 'Scenario' && property === 'steps')) return KIND_NAMES.Step;
    if (property === 'authorizedBy') return KIND_NAMES.Organ;
    const type = referenceTypes[`${container}:${property}`];
    return (type && KIND_NAMES[type]) ?? 'name';
}

/** The declared type each reference property points to, by `Container:property`. */
const referenceTypes: Record<string, string> = {
    'Threshold:level': 'Level', 'Redline:level': 'Level', 'Response:level': 'Level', 'Response:includes': 'Level', 'Scenario:level': 'Level',
    'Deescalation:from': 'Level', 'Deescalation:to': 'Level',
    'Comparison:indicator': 'Indicator', 'Between:indicator': 'Indicator', 'Membership:indicator': 'Indicator', 'FlagTest:indicator': 'Indicator',
    'Named:subject': 'Subject', 'Named:organ': 'Organ', 'EachParty:organ': 'Organ', 'OtherParty:organ': 'Organ', 'EveryOtherParty:organ': 'Organ',
    'Binding:parties': 'Party', 'Body:members': 'Party',
    'Step:channel': 'Channel', 'Duty:channel': 'Channel', 'Channel:fallback': 'Channel',
    'Response:rule': 'Rule', 'BeforeEvent:event': 'Event', 'AfterEvent:event': 'Event', 'CountType:event': 'Event',
    'Verb:action': 'Action', 'QuantityType:declared': 'Dimension', 'Supersedes:protocol': 'Protocol',
};

function isMemberReference(info: ReferenceInfo): boolean {
    return isMemberValue(info.container) || (isMembership(info.container) && info.property === 'members');
}

function indicatorOfMember(info: ReferenceInfo): Indicator | undefined {
    const container: AstNode = info.container;
    if (isMembership(container)) {
        return container.indicator?.ref;
    }
    const test = container.$container;
    return isComparison(test) || isBetween(test) ? test.indicator?.ref : undefined;
}

function memberNames(indicator: Indicator | undefined): string[] | undefined {
    const type = indicator?.type;
    return isScaleType(type) || isChoiceType(type) ? type.members.map(member => member.name) : undefined;
}

/** Chevrotain's wording, in the drafter's terms. */
function describeParserError(message: string): string {
    return message
        .replace(/token of type '([^']+)'/g, (_all, token: string) => tokenName(token))
        .replace(/^Expecting:? /, 'Expected ')
        .replace(/ but found `([^`]*)`/, (_all, found: string) => found === '' ? ' but the text ended' : ` but found '${found}'`);
}

function tokenName(token: string): string {
    switch (token) {
        case 'ID': return 'a name';
        case 'NUMBER': return 'a number';
        case 'STRING': return 'a quoted text';
        case 'EOF': return 'the end of the file';
        default: return `'${token}'`;
    }
}
