// Text shown on a terminal or in a CI log: control characters written as `\u001b`-style escapes, so
// that a label, a citation, a scenario name or a file name cannot move the cursor, recolour or clear
// the screen, start a new line (a forged finding, a GitHub Actions `::error` command) or reorder
// the text around it.

/**
 * C0 and C1 controls (ESC, BEL, backspace, carriage return, line feed, tab, NEL…), DEL, the Unicode
 * line and paragraph separators, and the bidirectional embeddings, overrides and isolates, which
 * make a terminal show text in another order than it is ("Trojan Source").
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every character a terminal would act on written as an escape: `\u001b[2J` for ESC [2J. */
export function printable(text: string): string {
    return text.replace(UNPRINTABLE, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several lines of program output: each line made printable, the line breaks between them kept. */
export function printableLines(text: string): string {
    return text.split('\n').map(printable).join('\n');
}
