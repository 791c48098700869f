// The checks of each declaration on its own: conditions no situation satisfies, rules every situation
// satisfies, confidential red lines. Each declaration's region is worked out under a budget of its own,
// so these checks are made whatever the size of the rest of the protocol; the regions are kept for the
// level function and the checks that compare declarations.
import { ruleTitle } from '../context.js';
import { type Finding, PAUSE, finding } from '../findings.js';
import { type Budget, BudgetExceeded } from '../budget.js';
import type { Region } from '../regions.js';
import type { SituationSpace } from '../situations.js';
import type { Condition } from '../../model/protocol.js';
import { conditionText } from '../../model/syntax.js';
import { conflictingTerms, conjuncts } from './conflicts.js';

/** The operations one declaration's region may take: far more than any clause a drafter writes. */
const OPERATIONS_PER_DECLARATION = 2_000_000;

/** Where each declaration holds (undefined where its region was too large for its budget), and what that shows. */
export interface DeclarationRegions {
    /** The situations the protocol covers: inside every scope (all of them when it declares none). */
    readonly inside: Region | undefined;
    /** Where each rule holds: its condition, less its exception, inside the scope. */
    readonly rules: ReadonlyArray<Region | undefined>;
    /** Where each off-ramp's condition holds inside the scope (all of the scope when it has none). */
    readonly deescalations: ReadonlyArray<Region | undefined>;
    /** Where each scenario's given values hold (inside the scope or not). */
    readonly scenarios: ReadonlyArray<Region | undefined>;
    /** The declarations left unchecked, for the `analysis-incomplete` finding. */
    readonly tooLarge: readonly string[];
    readonly findings: readonly Finding[];
}

export function* checkDeclarations(space: SituationSpace, budget: Budget): Generator<typeof PAUSE, DeclarationRegions> {
    const { protocol } = space;
    const tooLarge: string[] = [];
    const findings: Finding[] = [];
    const regionOf = <T>(name: string, work: () => T): T | undefined => {
        try {
            return space.space.withBudget(budget.local(OPERATIONS_PER_DECLARATION), work);
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            tooLarge.push(name);
            return undefined;
        }
    };

    const scoped = protocol.scopes.length > 0;
    const inside = regionOf('the scope', () => space.inside());
    if (scoped && inside?.isEmpty) {
        findings.push(finding('empty-scope', protocol.scopes[0].source,
            `The scope of '${protocol.name}' holds in no situation: its conditions${protocol.scopes.length > 1 ? ', taken together,' : ''} exclude each other, so the protocol covers nothing.`));
    }
    const where = scoped ? 'no situation inside the scope' : 'no situation';
    // The terms that exclude each other, shown beside an unsatisfiable condition; none if that takes too long.
    const conflicts = (terms: readonly Condition[], text?: (term: Condition) => string, within = scoped ? inside : undefined) => {
        try {
            return space.space.withBudget(budget.local(OPERATIONS_PER_DECLARATION), () => conflictingTerms(space, terms, protocol.scopes, within, text));
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            return [];
        }
    };

    const rules: Array<Region | undefined> = [];
    for (const rule of protocol.rules) {
        yield PAUSE;
        const region = inside && regionOf(`the condition of ${rule.name}`, () => space.rule(rule, inside));
        rules.push(region);
        const rank = protocol.levels.findIndex(level => level.name === rule.level);
        const what = rule.unless ? 'its condition without its exception' : 'its condition';
        // Always true: a search for one piece of the scope outside the rule (what is left of the scope, worked
        // out in full, can be far larger than the rule's region: its condition's negation).
        if (region?.isEmpty && !inside?.isEmpty) {
            const terms = [...conjuncts(rule.condition), ...(rule.unless ? [{ kind: 'not', operand: rule.unless } as const] : [])];
            findings.push(finding('unsatisfiable-condition', rule.source,
                `${ruleTitle(rule)} never holds: ${where} satisfies ${what}, so it can never lead to ${rule.level}.`,
                { related: conflicts(terms, term => term === terms.at(-1) && rule.unless ? `unless ${conditionText(rule.unless)}` : conditionText(term)) }));
        } else if (region && inside && rank > 0 && regionOf(`the condition of ${rule.name}`, () => region.covers(inside))) {
            findings.push(finding('always-true', rule.source,
                `${ruleTitle(rule)} holds in every situation${scoped ? ' inside the scope' : ''}: no situation is ever below ${rule.level}.`));
        }
        if (rule.kind === 'redline' && rule.disclosure === 'confidential') {
            findings.push(finding('confidential-redline', rule.source,
                `${ruleTitle(rule)} is confidential: a consequence the other side does not know of cannot deter it.`));
        }
    }

    const deescalations: Array<Region | undefined> = [];
    for (const deescalation of protocol.deescalations) {
        yield PAUSE;
        const title = `De-escalation from ${deescalation.from} to ${deescalation.to}`;
        const condition = deescalation.condition;
        const region = inside && regionOf(`the condition of the ${title.toLowerCase()}`, () => condition ? space.condition(condition).intersect(inside) : inside);
        deescalations.push(region);
        if (condition && region?.isEmpty && !inside?.isEmpty) {
            findings.push(finding('unsatisfiable-condition', deescalation.source, `${title} never applies: ${where} satisfies its condition.`,
                { related: conflicts(conjuncts(condition)) }));
        }
    }

    const scenarios: Array<Region | undefined> = [];
    for (const scenario of protocol.scenarios) {
        const region = regionOf(`the given values of scenario "${scenario.name}"`, () => space.conjunction(scenario.given));
        scenarios.push(region);
        const runs = region && (scenario.outside || !inside ? !region.isEmpty : regionOf(`the given values of scenario "${scenario.name}"`, () => region.intersect(inside))?.isEmpty === false);
        if (region && runs === false) {
            findings.push(finding('unsatisfiable-condition', scenario.source, `Scenario "${scenario.name}" can never run: ${where} satisfies its given values.`,
                { related: conflicts(scenario.given.map(test => ({ kind: 'test', test }) as const), undefined, scenario.outside ? undefined : inside) }));
        }
    }
    return { inside, rules, deescalations, scenarios, tooLarge, findings };
}
