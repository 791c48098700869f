// Random protocols for property tests: small enough to check by brute force over a grid of situations.
import fc from 'fast-check';
import type {
    Condition, Deescalation, Indicator, IndicatorKind, Level, Protocol, Rule, Scenario, SourceRef, Test, TestValue
} from '../../src/model/protocol.js';
import { type Rational, rational } from '../../src/model/rational.js';
import { type Dimension, unitsOf } from '../../src/model/units.js';

const NOWHERE: SourceRef = { uri: 'file:///generated.detente', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
/** A distinct place for each generated declaration, so that findings can be traced back to it. */
let nextLine = 1;
function place(): SourceRef {
    const line = nextLine++;
    return { uri: NOWHERE.uri, range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

const LEVELS = ['L0', 'L1', 'L2', 'L3'];
const MEMBERS = ['A', 'B', 'C'];
/** Boundaries in base units; fractions make counts meet values that are not whole numbers. */
const CONSTANTS: readonly Rational[] = [rational(0), rational(1), rational(3, 2), rational(2), rational(5), rational(100)];

interface IndicatorShape { kind: IndicatorKind; worse?: 'higher' | 'lower'; tentative: boolean }

const indicatorShape: fc.Arbitrary<IndicatorShape> = fc.record({
    kind: fc.constantFrom<IndicatorKind>('distance', 'count', 'percent', 'flag', 'scale', 'choice'),
    worse: fc.constantFrom<'higher' | 'lower' | undefined>('higher', 'lower', undefined),
    tentative: fc.boolean(),
});

function indicatorOf(shape: IndicatorShape, i: number): Indicator {
    const measured = shape.kind !== 'flag' && shape.kind !== 'scale' && shape.kind !== 'choice';
    return {
        name: `i${i}`,
        label: `Indicator ${i}`,
        kind: shape.kind,
        ...(measured ? { dimension: shape.kind, units: unitsOf(shape.kind as Dimension) } : {}),
        unit: shape.kind === 'distance' ? 'm' : shape.kind === 'percent' ? '%' : undefined,
        worse: measured ? shape.worse : shape.kind === 'choice' ? undefined : 'higher',
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

/** A random protocol over 1–3 indicators: rules, de-escalations and scenarios. */
export const randomProtocol: fc.Arbitrary<Protocol> = fc
    .record({ shapes: fc.array(indicatorShape, { minLength: 1, maxLength: 3 }), levelCount: fc.integer({ min: 2, max: 4 }) })
    .chain(({ shapes, levelCount }) => {
        const indicators = shapes.map(indicatorOf);
        const levels: Level[] = LEVELS.slice(0, levelCount).map((name, rank) => ({ name, label: name, rank, source: place() }));
        const levelName = fc.constantFrom(...levels.map(l => l.name));
        const rule = fc.record({ condition: conditionOver(indicators), level: levelName, redline: fc.boolean() });
        const deescalation = fc.record({ from: fc.integer({ min: 1, max: levelCount - 1 }), condition: conditionOver(indicators) })
            .chain(d => fc.integer({ min: 0, max: d.from - 1 }).map((to): Deescalation => ({
                from: levels[d.from].name, to: levels[to].name, condition: d.condition, after: [], source: place(),
            })));
        const scenario = fc.record({
            given: fc.array(fc.constantFrom(...indicators).chain(testOn), { maxLength: 2 }),
            bound: fc.constantFrom<Scenario['bound']>('exactly', 'at least', 'at most'),
            level: levelName,
        }).map((s): Scenario => ({ name: 'scenario', steps: [], outside: false, confidential: false, source: place(), ...s }));
        return fc.record({
            rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
            deescalations: fc.array(deescalation, { maxLength: 2 }),
            scenarios: fc.array(scenario, { maxLength: 2 }),
        }).map(({ rules, deescalations, scenarios }): Protocol => ({
            name: 'Generated',
            title: 'Generated',
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
            scopes: [],
            duties: [],
            indicators,
            levels,
            rules: rules.map((r, i): Rule => ({
                kind: r.redline ? 'redline' : 'threshold', name: `R${i}`, condition: r.condition, level: r.level,
                ...(r.redline ? { consequence: 'x', disclosure: 'public' as const } : {}),
                source: place(),
            })),
            responses: [],
            deescalations,
            scenarios: scenarios.map((s, i) => ({ ...s, name: `S${i}` })),
            source: NOWHERE,
            extent: NOWHERE.range,
            complete: true,
        }));
    });
