// Diagnostic code links that land on their section: VS Code opens a `file:` link at its first line
// whatever its `#anchor`, but at line N when the fragment is `#LN`. The server links each code to its
// heading's anchor in docs/diagnostics.md (as every other client reads it); the extension turns that
// anchor into the heading's line. Kept apart from the VS Code API so that it can be tested on its own.

/** The line (1-based) of each `## \`code\`` heading of the diagnostics reference, by code. */
export function headingLines(markdown: string): Map<string, number> {
    const lines = new Map<string, number>();
    markdown.split(/\r?\n/).forEach((line, i) => {
        const match = /^#{2,3} `([a-z0-9-]+)`\s*$/.exec(line);
        if (match && !lines.has(match[1])) lines.set(match[1], i + 1);
    });
    return lines;
}

/** The fragment that opens the reference at a code's heading (`L57`), or undefined for an unknown code. */
export function lineFragment(fragment: string, lines: ReadonlyMap<string, number>): string | undefined {
    const line = lines.get(fragment);
    return line === undefined ? undefined : `L${line}`;
}
