// "Did you mean …?": the closest known name to a misspelt one.

/** The candidate nearest to `name` by edit distance, if it is near enough to be a plausible typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.max(1, Math.floor(name.length / 3));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of new Set(candidates)) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance && candidate !== name) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}
