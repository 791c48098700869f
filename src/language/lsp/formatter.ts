// The editor's formatter: lays out the whole document (see format/) and returns the changed lines as one edit.
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import { formatText } from '../format/format-text.js';
import type { GuardedLexer } from '../parser/guarded-parser.js';

export class DetenteFormatter implements Formatter {
    constructor(protected readonly services: DetenteServices) { }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    /** Formats the document and keeps the edit only if it touches the range. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.edits(document).filter(edit => edit.range.start.line <= end.line && edit.range.end.line >= start.line);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    protected edits(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = formatText(text, this.services.parser.Lexer as GuardedLexer);
        return formatted === undefined || formatted === text ? [] : [changedLines(text, formatted)];
    }
}

/** One edit replacing the lines between the common beginning and the common end of both texts. */
function changedLines(before: string, after: string): TextEdit {
    const old = before.split('\n');
    const now = after.split('\n');
    let prefix = 0;
    while (prefix < old.length && prefix < now.length && old[prefix] === now[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < now.length - prefix && old[old.length - 1 - suffix] === now[now.length - 1 - suffix]) suffix++;
    const lastOld = old.length - 1 - suffix;
    return {
        range: {
            start: { line: prefix, character: 0 },
            end: lastOld + 1 < old.length ? { line: lastOld + 1, character: 0 } : { line: lastOld, character: old[lastOld]?.length ?? 0 },
        },
        newText: now.slice(prefix, now.length - suffix).join('\n') + (lastOld + 1 < old.length ? '\n' : ''),
    };
}
