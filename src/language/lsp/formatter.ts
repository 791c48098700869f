// The formatter service: lays out the whole document (see layout.ts) and returns the changed lines as one edit.
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver';
import type { DetenteServices } from '../detente-module.js';
import { type GuardedLexer, MAX_TEXT_LENGTH } from '../parser/guarded-parser.js';
import { type LayoutToken, layout } from './layout.js';

/** Keywords that may also name things (`indicator speed …`): in a layout they are names. */
const SOFT_KEYWORDS = new Set(['distance', 'duration', 'speed', 'count', 'percent', 'flag', 'version']);

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

    /** The text laid out, or undefined when it does not lex (a formatter must not guess) or is too long to read. */
    format(text: string): string | undefined {
        if (text.length > MAX_TEXT_LENGTH) return undefined;
        const result = (this.services.parser.Lexer as GuardedLexer).tokenizeText(text);
        if (result.errors.length > 0) return undefined;
        const tokens: LayoutToken[] = [...result.tokens, ...result.hidden]
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(token => ({
                image: token.image,
                kind: kindOf(token.tokenType.name, token.image),
                startLine: (token.startLine ?? 1) - 1,
                endLine: (token.endLine ?? token.startLine ?? 1) - 1,
            }));
        return layout(tokens);
    }

    protected edits(document: LangiumDocument): TextEdit[] {
        const text = document.textDocument.getText();
        const formatted = this.format(text);
        return formatted === undefined || formatted === text ? [] : [changedLines(text, formatted)];
    }
}

function kindOf(tokenType: string, image: string): LayoutToken['kind'] {
    switch (tokenType) {
        case 'SL_COMMENT':
        case 'ML_COMMENT': return 'comment';
        case 'STRING': return 'string';
        case 'NUMBER': return 'number';
        case 'ID': return 'name';
        default: return SOFT_KEYWORDS.has(image) ? 'name' : 'keyword';
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
