// The checks of each declaration on its own: conditions no situation satisfies, rules every situation
// satisfies, confidential red lines. Each declaration's region is worked out under a budget of its own,
// so these checks are made whatever the size of the rest of the protocol; the regions are kept for the
// level function and the checks that compare declarations.
import { ruleTitle } from '../context.js';
import { type Finding, PAUSE, finding } from '../findings.js';
import { type Budget, BudgetExceeded } from '../budget.js';
import type { Region } from '../regions.js';
import type { SituationSpace } from '../situations.js';

/** The operations one declaration's region may take: far more than any clause a drafter writes. */
const OPERATIONS_PER_DECLARATION = 2_000_000;

/** Where each declaration holds (undefined where its region was too large for its budget), and what that shows. */
export interface DeclarationRegions {
    readonly rules: ReadonlyArray<Region | undefined>;
    readonly deescalations: ReadonlyArray<Region | undefined>;
    readonly scenarios: ReadonlyArray<Region | undefined>;
    /** The declarations left unchecked, for the `analysis-incomplete` finding. */
    readonly tooLarge: readonly string[];
    readonly findings: readonly Finding[];
}

export function* checkDeclarations(space: SituationSpace, budget: Budget): Generator<typeof PAUSE, DeclarationRegions> {
    const { protocol } = space;
    const tooLarge: string[] = [];
    const findings: Finding[] = [];
    const regionOf = (name: string, work: () => Region): Region | undefined => {
        try {
            return space.space.withBudget(budget.local(OPERATIONS_PER_DECLARATION), work);
        } catch (error) {
            if (!(error instanceof BudgetExceeded)) throw error;
            tooLarge.push(name);
            return undefined;
        }
    };

    const rules: Array<Region | undefined> = [];
    for (const rule of protocol.rules) {
        yield PAUSE;
        const region = regionOf(`the condition of ${rule.name}`, () => space.condition(rule.condition));
        rules.push(region);
        const rank = protocol.levels.findIndex(level => level.name === rule.level);
        if (region?.isEmpty) {
            findings.push(finding('unsatisfiable-condition', rule.source,
                `${ruleTitle(rule)} never holds: no situation satisfies its condition, so it can never lead to ${rule.level}.`));
        } else if (region && rank > 0 && regionOf(`the condition of ${rule.name}`, () => region.complement())?.isEmpty) {
            findings.push(finding('always-true', rule.source,
                `${ruleTitle(rule)} holds in every situation: no situation is ever below ${rule.level}.`));
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
        const region = regionOf(`the condition of the ${title.toLowerCase()}`, () => space.condition(deescalation.condition));
        deescalations.push(region);
        if (region?.isEmpty) {
            findings.push(finding('unsatisfiable-condition', deescalation.source, `${title} never applies: no situation satisfies its condition.`));
        }
    }

    const scenarios: Array<Region | undefined> = [];
    for (const scenario of protocol.scenarios) {
        const region = regionOf(`the given values of scenario "${scenario.name}"`, () => space.conjunction(scenario.given));
        scenarios.push(region);
        if (region?.isEmpty) {
            findings.push(finding('unsatisfiable-condition', scenario.source, `Scenario "${scenario.name}" can never run: no situation satisfies its given values.`));
        }
    }
    return { rules, deescalations, scenarios, tooLarge, findings };
}
