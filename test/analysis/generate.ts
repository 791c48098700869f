// Random protocols for property tests: small enough to check by brute force over a grid of situations.
import fc from 'fast-check';
import type {
    Condition, Deescalation, Indicator, IndicatorKind, Level, Protocol, Rule, Scenario, Scope, SourceRef, Test, TestValue
} from '../../src/model/protocol.js';
import { type Rational, rational } from '../../src/model/rational.js';
import { type Dimension, type Unit, declaredUnits, unitsOf } from '../../src/model/units.js';

const NOWHERE: SourceRef = { uri: 'file:///generated.detente', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
/** A distinct place for each generated declaration, so that findings can be traced back to it. */
let nextLine = 1;
function place(): SourceRef {
    const line = nextLine++;
    return { uri: NOWHERE.uri, range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

const LEVELS = ['L0', 'L1', 'L2', 'L3'];
const MEMBERS = ['A', 'B', 'C'];
/**
 * Boundaries in base units; fractions make counts meet values that are not whole numbers. 304.8 is 1000 ft
 * in metres: shown in feet, it is a round number in the indicator's own unit.
 */
const CONSTANTS: readonly Rational[] = [rational(0), rational(1), rational(3, 2), rational(2), rational(5), rational(100), rational(1524, 5)];

/** A declared dimension (`dimension power "Radiated power" base W { mW = 0.001 W, kW = 1000 W, MW = 1000 kW }`). */
const POWER: readonly Unit[] = declaredUnits('power', 'W', [
    { symbol: 'mW', factor: rational(1, 1000), of: 'W' },
    { symbol: 'kW', factor: rational(1000), of: 'W' },
    { symbol: 'MW', factor: rational(1000), of: 'kW' },
]);

/** The unit values are shown in: version 2's units among them, so that witnesses are written in ft, mi, mph, MHz, kW. */
const DISPLAY_UNITS: Partial<Record<IndicatorKind, readonly string[]>> = {
    distance: ['m', 'ft', 'mi'], speed: ['mph', 'kn'], frequency: ['MHz', 'kHz'], measure: ['kW', 'W'], percent: ['%'],
};

type Direction = 'higher' | 'lower' | undefined;

interface IndicatorShape { kind: IndicatorKind; worse: Direction; tentative: boolean; unit: number }

const indicatorShape: fc.Arbitrary<IndicatorShape> = fc.record({
    kind: fc.constantFrom<IndicatorKind>('distance', 'count', 'percent', 'flag', 'scale', 'choice', 'speed', 'frequency', 'measure', 'flag'),
    // Flags: `worse when true` (higher), `worse when false` (lower) or `neutral`; numbers likewise.
    worse: fc.constantFrom<Direction>('higher', 'lower', undefined),
    tentative: fc.boolean(),
    unit: fc.nat(),
});

function indicatorOf(shape: IndicatorShape, i: number): Indicator {
    const measured = shape.kind !== 'flag' && shape.kind !== 'scale' && shape.kind !== 'choice';
    const units = shape.kind === 'measure' ? POWER : measured ? unitsOf(shape.kind as Dimension) : undefined;
    const display = DISPLAY_UNITS[shape.kind];
    return {
        name: `i${i}`,
        label: `Indicator ${i}`,
        kind: shape.kind,
        ...(measured ? { dimension: shape.kind === 'measure' ? 'power' : shape.kind, units } : {}),
        unit: display ? display[shape.unit % display.length] : undefined,
        worse: measured || shape.kind === 'flag' ? shape.worse : shape.kind === 'choice' ? undefined : 'higher',
        members: shape.kind === 'scale' || shape.kind === 'choice' ? MEMBERS : undefined,
        tentative: shape.tentative,
        source: NOWHERE,
    };
}

function testOn(indicator: Indicator): fc.Arbitrary<Test> {
    const base = { indicator: indicator.name, source: NOWHERE };
    const quantity = fc.constantFrom(...CONSTANTS).map((value): TestValue => ({ kind: 'quantity', quantity: { amount: value, unit: indicator.unit, base: value } }));
    const member = fc.constantFrom(...MEMBERS).map((m): TestValue => ({ kind: 'member', member: m }));
    const operator = fc.constantFrom('<', '<=', '>', '>=', '=', '!=') as fc.Arbitrary<'<' | '<=' | '>' | '>=' | '=' | '!='>;
    switch (indicator.kind) {
        case 'flag':
            return fc.oneof(
                fc.constant<Test>({ kind: 'flag', ...base }),
                fc.record({ operator: fc.constantFrom('=', '!=') as fc.Arbitrary<'=' | '!='>, value: fc.boolean() })
                    .map(({ operator: op, value }): Test => ({ kind: 'compare', operator: op, value: { kind: 'boolean', value }, ...base })),
            );
        case 'choice':
            return fc.oneof(
                fc.record({ operator: fc.constantFrom('=', '!=') as fc.Arbitrary<'=' | '!='>, value: member }).map(r => ({ kind: 'compare' as const, ...r, ...base })),
                fc.record({ members: fc.subarray(MEMBERS, { minLength: 1 }), negated: fc.boolean() }).map(r => ({ kind: 'in' as const, ...r, ...base })),
            );
        case 'scale':
            return fc.oneof(
                fc.record({ operator, value: member }).map(r => ({ kind: 'compare' as const, ...r, ...base })),
                fc.record({ low: member, high: member }).map(r => ({ kind: 'between' as const, ...r, ...base })),
                fc.record({ members: fc.subarray(MEMBERS, { minLength: 1 }), negated: fc.boolean() }).map(r => ({ kind: 'in' as const, ...r, ...base })),
            );
        default:
            return fc.oneof(
                fc.record({ operator, value: quantity }).map(r => ({ kind: 'compare' as const, ...r, ...base })),
                fc.record({ low: quantity, high: quantity }).map(r => ({ kind: 'between' as const, ...r, ...base })),
            );
    }
}

function conditionOver(indicators: readonly Indicator[]): fc.Arbitrary<Condition> {
    const test = fc.constantFrom(...indicators).chain(testOn).map((t): Condition => ({ kind: 'test', test: t }));
    const { condition } = fc.letrec<{ condition: Condition }>(tie => ({
        condition: fc.oneof(
            { depthSize: 'small', withCrossShrink: true },
            test,
            test,
            fc.array(tie('condition'), { minLength: 2, maxLength: 3 }).map((operands): Condition => ({ kind: 'and', operands })),
            fc.array(tie('condition'), { minLength: 2, maxLength: 3 }).map((operands): Condition => ({ kind: 'or', operands })),
            tie('condition').map((operand): Condition => ({ kind: 'not', operand })),
        ),
    }));
    return condition;
}

interface RuleShape {
    readonly condition: Condition;
    readonly level: string;
    readonly redline: boolean;
    readonly unless?: Condition;
}

/** A protocol of the generated parts, with nothing else declared: rules named R0, R1…, scenarios S0, S1…, scopes Art. 1, Art. 2… */
function assemble(name: string, parts: {
    indicators: readonly Indicator[]; levels: readonly Level[]; rules: readonly RuleShape[]; scopes: readonly Condition[];
    deescalations: readonly Deescalation[]; scenarios: readonly Scenario[];
}): Protocol {
    return {
        name,
        title: name,
        languages: [],
        confidential: false,
        requireReciprocity: false,
        parties: [],
        bound: [],
        roles: [],
        mediators: [],
        bodies: [],
        channels: [],
        actions: [],
        events: [],
        scopes: parts.scopes.map((condition, i): Scope => ({ citation: `Art. ${i + 1}`, condition, source: place() })),
        duties: [],
        indicators: [...parts.indicators],
        levels: [...parts.levels],
        rules: parts.rules.map((r, i): Rule => ({
            kind: r.redline ? 'redline' : 'threshold', name: `R${i}`, condition: r.condition, level: r.level,
            ...(r.unless ? { unless: r.unless } : {}),
            ...(r.redline ? { consequence: 'x', disclosure: 'public' as const } : {}),
            source: place(),
        })),
        responses: [],
        deescalations: [...parts.deescalations],
        scenarios: parts.scenarios.map((s, i) => ({ ...s, name: `S${i}` })),
        source: NOWHERE,
        extent: NOWHERE.range,
        complete: true,
    };
}

/** A random protocol over 1–3 indicators: rules (some with `unless`), scopes, de-escalations and scenarios. */
export const randomProtocol: fc.Arbitrary<Protocol> = fc
    .record({ shapes: fc.array(indicatorShape, { minLength: 1, maxLength: 3 }), levelCount: fc.integer({ min: 2, max: 4 }) })
    .chain(({ shapes, levelCount }) => {
        const indicators = shapes.map(indicatorOf);
        const levels: Level[] = LEVELS.slice(0, levelCount).map((name, rank) => ({ name, label: name, rank, source: place() }));
        const levelName = fc.constantFrom(...levels.map(l => l.name));
        const rule = fc.record({
            condition: conditionOver(indicators),
            level: levelName,
            redline: fc.boolean(),
            // `unless` on about a third of the rules.
            unless: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: conditionOver(indicators) }),
        });
        // No scope in half of the protocols, one or two in the others.
        const scopes = fc.oneof(
            { weight: 3, arbitrary: fc.constant<Condition[]>([]) },
            { weight: 2, arbitrary: fc.array(conditionOver(indicators), { minLength: 1, maxLength: 1 }) },
            { weight: 1, arbitrary: fc.array(conditionOver(indicators), { minLength: 2, maxLength: 2 }) },
        );
        const deescalation = fc.record({ from: fc.integer({ min: 1, max: levelCount - 1 }), condition: conditionOver(indicators) })
            .chain(d => fc.integer({ min: 0, max: d.from - 1 }).map((to): Deescalation => ({
                from: levels[d.from].name, to: levels[to].name, condition: d.condition, after: [], source: place(),
            })));
        const scenario = fc.record({
            given: fc.array(fc.constantFrom(...indicators).chain(testOn), { maxLength: 2 }),
            bound: fc.constantFrom<Scenario['bound']>('exactly', 'at least', 'at most'),
            level: levelName,
            // `expect outside scope` in one scenario out of five.
            outside: fc.constantFrom(false, false, false, false, true),
        }).map(({ outside, level, ...s }): Scenario => ({
            name: 'scenario', steps: [], confidential: false, source: place(), outside, ...(outside ? {} : { level }), ...s,
        }));
        return fc.record({
            rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
            deescalations: fc.array(deescalation, { maxLength: 2 }),
            scenarios: fc.array(scenario, { maxLength: 2 }),
            scopes,
        }).map(({ rules, deescalations, scenarios, scopes }) => assemble('Generated', { indicators, levels, rules, deescalations, scenarios, scopes }));
    });

/** A flag, scale or choice with a random direction of danger (flags and scales; choices are neutral). */
const membersShape: fc.Arbitrary<IndicatorShape> = fc.record({
    kind: fc.constantFrom<IndicatorKind>('flag', 'flag', 'flag', 'scale', 'choice'),
    worse: fc.constantFrom<Direction>('higher', 'higher', 'lower', undefined),
    tentative: fc.constant(false),
    unit: fc.constant(0),
});

/**
 * A protocol with a condition in conjunctive form: `(a or b) and (c or d) and …`, 7 clauses of two or three
 * tests over 14 flags, scales and choices (what joint axes are for), among rules that may test some of the
 * same indicators on their own or in other combinations, and a measured indicator; scopes, off-ramps and
 * scenarios as in `randomProtocol`.
 */
export const clausalProtocol: fc.Arbitrary<Protocol> = fc
    .record({
        shapes: fc.array(membersShape, { minLength: 14, maxLength: 14 }),
        measured: indicatorShape.filter(shape => !['flag', 'scale', 'choice'].includes(shape.kind)),
        clauseLevel: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ shapes, measured, clauseLevel }) => {
        const indicators = [...shapes.map(indicatorOf), indicatorOf(measured, shapes.length)];
        const members = indicators.slice(0, shapes.length);
        const levels: Level[] = LEVELS.map((name, rank) => ({ name, label: name, rank, source: place() }));
        const levelName = fc.constantFrom(...levels.map(l => l.name));
        const testOf = (indicator: Indicator) => testOn(indicator).map((test): Condition => ({ kind: 'test', test }));
        // Clause i tests indicators 2i and 2i + 1, and one time in five one more from anywhere.
        const clause = (i: number) => fc.tuple(testOf(members[2 * i]), testOf(members[2 * i + 1]),
            fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...members).chain(testOf) }))
            .map(([a, b, c]): Condition => ({ kind: 'or', operands: c ? [a, b, c] : [a, b] }));
        const conjunction = fc.tuple(...Array.from({ length: 7 }, (_, i) => clause(i)))
            .map((operands): Condition => ({ kind: 'and', operands }));
        // Other rules over two or three of the indicators: they keep some groups apart, or join them.
        const some = fc.subarray(indicators, { minLength: 1, maxLength: 3 });
        const other = some.chain(conditionOver).chain(condition => fc.record({ condition: fc.constant(condition), level: levelName, redline: fc.boolean() }));
        const deescalation = fc.record({ from: fc.integer({ min: 1, max: 3 }), condition: some.chain(conditionOver) })
            .chain(d => fc.integer({ min: 0, max: d.from - 1 }).map((to): Deescalation => ({
                from: levels[d.from].name, to: levels[to].name, condition: d.condition, after: [], source: place(),
            })));
        const scenario = fc.record({
            given: fc.array(fc.constantFrom(...indicators).chain(testOn), { maxLength: 2 }),
            bound: fc.constantFrom<Scenario['bound']>('exactly', 'at least', 'at most'),
            level: levelName,
        }).map((s): Scenario => ({ name: 'scenario', steps: [], confidential: false, source: place(), outside: false, ...s }));
        return fc.record({
            conjunction,
            others: fc.array(other, { maxLength: 4 }),
            deescalations: fc.array(deescalation, { maxLength: 2 }),
            scenarios: fc.array(scenario, { maxLength: 2 }),
            scopes: fc.array(some.chain(conditionOver), { maxLength: 1 }),
        }).map(({ conjunction: condition, others, deescalations, scenarios, scopes }) => assemble('Clausal', {
            indicators, levels, rules: [{ condition, level: levels[clauseLevel].name, redline: false }, ...others], deescalations, scenarios, scopes,
        }));
    });
