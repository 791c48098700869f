// Accepted findings: `accept CODE "justification"` on a declaration accepts the finding of that code on that
// declaration. Applied in one place, to all of a document's diagnostics once they are known, before any shell
// reads them: an accepted diagnostic becomes a hint that carries its justification (and its code's own
// severity, for the command line); an `accept` that accepts nothing is `unused-accept`.
import { CstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type DiagnosticCode, isDiagnosticCode, severityOf, stageOf } from '../../analysis/codes.js';
import type { Acceptance } from '../../analysis/findings.js';
import type { Accept } from '../generated/ast.js';
import { codeFields, report } from './report.js';
import { astNodes } from '../workspace/ast-walk.js';

/** bad-accept: only warnings and infos may be accepted; an error must be fixed. */
export function checkAccept(node: Accept, accept: ValidationAcceptor): void {
    const code = node.code;
    if (!code) return;
    if (!isDiagnosticCode(code)) {
        report(accept, 'bad-accept', `'${code}' is not a diagnostic code; see docs/diagnostics.md for the codes.`, { node, property: 'code' });
    } else if (severityOf(code) === 'error') {
        report(accept, 'bad-accept', `'${code}' is an error: it cannot be accepted, only fixed.`, { node, property: 'code' });
    }
}

/** The declaration a diagnostic sits on: the innermost node that may carry `accept` clauses and holds its start. */
function declarationAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        if ('accepts' in node) return node;
    }
    return undefined;
}

/**
 * The document's diagnostics with its `accept` clauses applied, and the clauses that accept nothing reported.
 * `analysed: false` when the situation analysis has not run (yet): its findings are not among the diagnostics.
 */
export function applyAcceptances(document: LangiumDocument, diagnostics: Diagnostic[], options: { analysed: boolean } = { analysed: true }): Diagnostic[] {
    const root = document.parseResult.value;
    const clauses = astNodes(root).filter((node): node is Accept => node.$type === 'Accept')
        .filter(clause => isDiagnosticCode(clause.code) && severityOf(clause.code) !== 'error');
    if (clauses.length === 0) return diagnostics;
    const used = new Set<Accept>();
    const result = diagnostics.map(diagnostic => {
        const code = String(diagnostic.code ?? '');
        const candidates = clauses.filter(c => c.code === code);
        const clause = candidates.length > 0 ? candidates.find(c => c.$container === declarationAt(document, diagnostic)) : undefined;
        if (!clause) return diagnostic;
        used.add(clause);
        const data = { ...(diagnostic.data as object | undefined), accepted: { justification: clause.justification, message: String(diagnostic.message) } satisfies Acceptance };
        return { ...diagnostic, severity: 4 as const, message: `Accepted (${clause.justification}): ${String(diagnostic.message)}`, data };
    });
    // Findings of the analysis are only known when the text has no structural error; until then, say nothing of their accepts.
    const analysed = options.analysed && !diagnostics.some(d => d.severity === 1 && isDiagnosticCode(d.code) && stageOf(d.code as DiagnosticCode) === 'structural');
    for (const clause of clauses) {
        if (used.has(clause) || (!analysed && stageOf(clause.code as DiagnosticCode) === 'analysis')) continue;
        const range = clause.$cstNode?.range;
        if (!range) continue;
        result.push({
            severity: 2, range, source: 'detente',
            message: `No '${clause.code}' finding on this declaration to accept; remove the clause, or move it to the declaration the finding is on.`,
            ...codeFields('unused-accept'),
        });
    }
    return result;
}
