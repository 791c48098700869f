// How a file writes its text — a byte-order mark or not, CRLF or LF line endings — so that a command
// rewriting it (`fmt`) gives back text in the same conventions: only the layout changes.

export interface TextConventions {
    readonly byteOrderMark: boolean;
    readonly lineEnding: '\n' | '\r\n';
}

/** The conventions of a file's text; the line ending most of its lines use (LF when none has one). */
export function conventionsOf(text: string, byteOrderMark: boolean): TextConventions {
    const crlf = text.match(/\r\n/g)?.length ?? 0;
    const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
    return { byteOrderMark, lineEnding: crlf > lf ? '\r\n' : '\n' };
}

/** Text (with any line endings) written in the given line ending, without the byte-order mark. */
export function withLineEndings(text: string, conventions: TextConventions): string {
    const lf = text.replace(/\r\n/g, '\n');
    return conventions.lineEnding === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/** The bytes of a file holding the text in these conventions. */
export function encodeText(text: string, conventions: TextConventions): Uint8Array {
    return new TextEncoder().encode((conventions.byteOrderMark ? '\uFEFF' : '') + text);
}
