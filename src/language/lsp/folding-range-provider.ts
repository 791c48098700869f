// Folding: every block, and every comment that spans lines (block comments and runs of line comments).
import type { AstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';

export class DetenteFoldingRangeProvider extends DefaultFoldingRangeProvider {
    constructor(protected readonly services: DetenteServices) {
        super(services);
    }

    /** From the lexer's hidden tokens: the parse tree does not keep every comment. */
    protected override collectCommentFolding(document: LangiumDocument, _node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const comments = this.services.parser.Lexer.tokenize(document.textDocument.getText()).hidden;
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const token of comments) {
            const start = (token.startLine ?? 1) - 1;
            const end = (token.endLine ?? token.startLine ?? 1) - 1;
            if (token.tokenType.name === 'ML_COMMENT') {
                flush();
                if (end > start) acceptor({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
            } else if (run && start === run.end + 1) {
                run.end = start;
            } else {
                flush();
                run = { start, end: start };
            }
        }
        flush();
    }
}
