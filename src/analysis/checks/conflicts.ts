// Why a conjunction holds nowhere: the fewest of its terms that exclude each other, each where it is
// written, and whether the scope takes part. Found by leaving out each term in turn while the others
// still hold in no situation; asked only of a condition already known to hold nowhere.
import type { Condition, Scope, SourceRef, Test } from '../../model/protocol.js';
import { conditionText } from '../../model/syntax.js';
import type { RelatedSource } from '../findings.js';
import type { Region } from '../regions.js';
import type { SituationSpace } from '../situations.js';

interface Term {
    readonly condition: Condition;
    readonly text: string;
}

/** The terms of a condition read as a conjunction: `a and (b or c)` is `a`, `b or c`. */
export function conjuncts(condition: Condition): Condition[] {
    return condition.kind === 'and' ? condition.operands.flatMap(conjuncts) : [condition];
}

/**
 * The related locations of an unsatisfiable conjunction: its conflicting terms and, when the terms alone
 * could hold, the scopes they fall outside of. Empty when no smaller set explains it (a single term that
 * holds nowhere is its own reason, and the finding already points at it).
 */
export function conflictingTerms(space: SituationSpace, terms: readonly Condition[], scopes: readonly Scope[], inside: Region | undefined,
    prefix: (condition: Condition) => string = conditionText): RelatedSource[] {
    const all: Term[] = terms.map(condition => ({ condition, text: prefix(condition) }));
    const holds = (kept: readonly Term[], within: Region | undefined) =>
        kept.reduce((region, term) => region.isEmpty ? region : region.intersect(space.condition(term.condition)), within ?? space.space.full());
    let kept = all;
    for (const term of all) {
        const without = kept.filter(other => other !== term);
        if (holds(without, inside).isEmpty) kept = without;
    }
    const scoped = inside !== undefined && scopes.length > 0 && !holds(kept, undefined).isEmpty;
    if (kept.length < 2 && !scoped) return [];
    return [
        ...kept.flatMap(term => {
            const source = sourceOf(term.condition);
            const others = [...kept.filter(other => other !== term).map(other => other.text), ...(scoped ? ['the scope'] : [])];
            return source ? [{ source, message: `${term.text}: no situation satisfies it together with ${others.join(' and ')}` }] : [];
        }),
        ...(scoped ? scopes.map(scope => ({ source: scope.source, message: `the scope${scope.citation ? ` (${scope.citation})` : ''}: ${conditionText(scope.condition)}` })) : []),
    ];
}

/** Where a term is written: from its first test to its last. */
function sourceOf(condition: Condition): SourceRef | undefined {
    const tests: Test[] = [];
    const collect = (c: Condition): void => {
        if (c.kind === 'test') tests.push(c.test);
        else if (c.kind === 'not') collect(c.operand);
        else c.operands.forEach(collect);
    };
    collect(condition);
    const first = tests[0]?.source;
    const last = tests.at(-1)?.source;
    return first && last && first.uri === last.uri ? { uri: first.uri, range: { start: first.range.start, end: last.range.end } } : undefined;
}
