// Random protocols as .detente source text, in the shapes real agreements use, with their plain data beside.
import fc from 'fast-check';
import { type Rational, compare, parseDecimal } from '../../../src/model/rational.js';
import type {
    Condition, Dimension, Generated, Indicator, Kind, Offramp, Operator, Protocol, Quantity, Rendered, Rule, Scenario, Value
} from './protocol.js';
import { POWER_DIMENSION, toBaseUnits } from './evaluate.js';

const LEVELS = ['Routine', 'Concern', 'Alert', 'Crisis'];
const SCALE = ['Peacetime', 'Exercise', 'Deployment'];
const CHOICE = ['North', 'South', 'Strait'];
const NAMES: Record<Kind, string> = {
    distance: 'separation', duration: 'incursion', speed: 'closing', frequency: 'emission', power: 'laserPower',
    count: 'vessels', percent: 'readiness', flag: 'radarLock', scale: 'posture', choice: 'zone',
};
const KINDS = Object.keys(NAMES) as Kind[];
const DISPLAY_UNITS: Partial<Record<Kind, readonly string[]>> = {
    distance: ['m', 'km', 'nm', 'ft', 'mi'], duration: ['s', 'min', 'h', 'wk'], speed: ['kn', 'kmh', 'mps', 'mph'],
    frequency: ['Hz', 'kHz', 'MHz', 'GHz'], power: ['W', 'mW', 'kW'], percent: ['%'],
};

/**
 * The boundaries of each dimension, each with the spellings it may take. Few values and several
 * spellings: one protocol often writes the same boundary in two units (`1 nm` and `1852 m`).
 */
const BOUNDARIES: Record<Dimension, readonly (readonly string[])[]> = {
    distance: [['500 m', '0.5 km'], ['0.5 nm', '926 m'], ['1 km', '1000 m'], ['1 nm', '1852 m', '1.852 km'], ['2 nm', '3704 m'], ['5 km', '5000 m'], ['0 m', '0 nm'],
        ['1000 ft', '304.8 m', '0.3048 km'], ['1 mi', '1609.344 m', '5280 ft'], ['100 ft', '30.48 m']],
    duration: [['10 min', '600 s'], ['30 min', '0.5 h', '1800 s'], ['1 h', '60 min'], ['90 min', '1.5 h'], ['1 d', '24 h'], ['0 min'], ['1 wk', '7 d', '168 h']],
    speed: [['18 kmh', '5 mps'], ['10 kn', '18.52 kmh'], ['20 kn', '37.04 kmh'], ['36 kmh', '10 mps'], ['0 kn'], ['10 mph', '16.09344 kmh', '4.4704 mps'], ['50 mph', '80.4672 kmh']],
    frequency: [['1 MHz', '1000 kHz', '1000000 Hz'], ['2.4 GHz', '2400 MHz'], ['500 kHz', '0.5 MHz'], ['100 MHz', '0.1 GHz'], ['0 Hz']],
    power: [['1 kW', '1000 W'], ['500 mW', '0.5 W'], ['2 MW', '2000 kW', '2000000 W'], ['5 W', '5000 mW'], ['0 W']],
    count: [['0'], ['1'], ['2'], ['3'], ['5']],
    percent: [['0 %', '0'], ['25 %', '25%', '25'], ['50 %', '50'], ['90 %', '90%'], ['100 %', '100']],
};

/** Values between the boundaries, as a scenario's `given` may fix them. */
const BESIDE: Record<Dimension, readonly string[]> = {
    distance: ['700 m', '1.5 nm', '3 km', '0.2 nm', '2 mi', '500 ft'],
    duration: ['45 min', '2 h', '5 min'],
    speed: ['15 kn', '50 kmh', '2 mps', '30 mph'],
    frequency: ['3 MHz', '900 kHz', '5 GHz'],
    power: ['10 W', '2 kW', '100 mW'],
    count: ['4', '7'],
    percent: ['60 %', '10%'],
};

function quantity(text: string): Quantity {
    const match = /^([0-9.]+)\s*(.*)$/.exec(text)!;
    return { base: toBaseUnits(parseDecimal(match[1]) as Rational, match[2] || undefined), text };
}

/** A boundary of the dimension, sometimes written without the space before its unit (`2nm`). */
function boundary(kind: Dimension, beside = false): fc.Arbitrary<Value> {
    const spellings = BOUNDARIES[kind].flatMap(s => s);
    const pool = beside ? [...spellings, ...BESIDE[kind]] : spellings;
    return fc.record({ text: fc.constantFrom(...pool), tight: fc.boolean() }).map(({ text, tight }): Value => {
        const written = tight && kind !== 'count' ? text.replace(' ', '') : text;
        return { type: 'number', quantity: quantity(written) };
    });
}

const baseOf = (v: Value): Rational => (v as Extract<Value, { type: 'number' }>).quantity.base;
const memberOf = (v: Value): string => (v as Extract<Value, { type: 'member' }>).member;

const ORDER: readonly Operator[] = ['<', '<=', '>', '>=', '=', '!='];
/** Measured indicators are mostly compared by order: `=` and `!=` on a distance are rare in agreements. */
const MEASURED_ORDER: readonly Operator[] = ['<', '<', '<=', '>', '>', '>=', '=', '!='];

/** One test on one indicator, of a form the indicator's type allows. */
function test(indicator: Indicator, beside = false): fc.Arbitrary<Condition> {
    const name = indicator.name;
    switch (indicator.kind) {
        case 'flag':
            return fc.oneof(
                fc.constant<Condition>({ kind: 'flag', indicator: name }),
                fc.record({ operator: fc.constantFrom<Operator>('=', '!='), value: fc.boolean() })
                    .map(({ operator, value }): Condition => ({ kind: 'compare', indicator: name, operator, value: { type: 'bool', value } })),
            );
        case 'scale':
        case 'choice': {
            const members = indicator.members!;
            const member = fc.constantFrom(...members).map((m): Value => ({ type: 'member', member: m }));
            const operators = indicator.kind === 'scale' ? ORDER : ['=', '!='] as const;
            const options: fc.Arbitrary<Condition>[] = [
                fc.record({ operator: fc.constantFrom(...operators), value: member })
                    .map(({ operator, value }): Condition => ({ kind: 'compare', indicator: name, operator, value })),
                fc.record({ members: fc.subarray([...members], { minLength: 1, maxLength: 2 }), negated: fc.boolean() })
                    .map(({ members: chosen, negated }): Condition => ({ kind: 'in', indicator: name, members: chosen, negated })),
            ];
            if (indicator.kind === 'scale') {
                options.push(fc.tuple(member, member).map(([a, b]): Condition => {
                    const [low, high] = members.indexOf(memberOf(a)) <= members.indexOf(memberOf(b)) ? [a, b] : [b, a];
                    return { kind: 'between', indicator: name, low, high };
                }));
            }
            return fc.oneof(...options);
        }
        default: {
            const value = boundary(indicator.kind, beside);
            return fc.oneof(
                { weight: 4, arbitrary: fc.record({ operator: fc.constantFrom(...MEASURED_ORDER), value })
                    .map(({ operator, value: v }): Condition => ({ kind: 'compare', indicator: name, operator, value: v })) },
                // Agreements write the lower bound first; equal bounds still occur.
                { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]): Condition => {
                    const [low, high] = compare(baseOf(a), baseOf(b)) <= 0 ? [a, b] : [b, a];
                    return { kind: 'between', indicator: name, low, high };
                }) },
            );
        }
    }
}

/** A condition of nested `and`, `or` and `not` (at most `depth` deep) over the indicators. */
function condition(indicators: readonly Indicator[], depth: number): fc.Arbitrary<Condition> {
    const leaf = fc.constantFrom(...indicators).chain(indicator => test(indicator));
    if (depth === 0) return leaf;
    const sub = condition(indicators, depth - 1);
    return fc.oneof(
        { weight: 3, arbitrary: leaf },
        { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom<'and' | 'or'>('and', 'or'), operands: fc.array(sub, { minLength: 2, maxLength: 3 }), parenthesized: fc.boolean() }) },
        { weight: 1, arbitrary: sub.map((operand): Condition => ({ kind: 'not', operand })) },
    );
}

type Direction = Indicator['worse'] | 'neutral' | undefined;

/** How an indicator's direction may be declared: measured ones `worse when higher|lower`, flags `worse when true|false`, both `neutral`. */
function directions(kind: Kind): fc.Arbitrary<Direction> {
    if (kind === 'flag') return fc.constantFrom<Direction>(undefined, undefined, 'true', 'false', 'false', 'neutral', 'neutral');
    if (kind === 'scale' || kind === 'choice') return fc.constant(undefined);
    return fc.constantFrom<Direction>('higher', 'lower', undefined, 'higher', 'lower', 'neutral');
}

function indicatorOf(kind: Kind): fc.Arbitrary<Indicator> {
    const units = DISPLAY_UNITS[kind];
    return fc.record({
        worse: directions(kind),
        tentative: fc.boolean(),
        topLevel: fc.boolean(),
        unit: units ? fc.option(fc.constantFrom(...units), { nil: undefined, freq: 3 }) : fc.constant(undefined),
    }).map(shape => ({
        name: NAMES[kind],
        kind,
        ...(shape.worse === 'neutral' ? { neutral: true } : shape.worse ? { worse: shape.worse } : {}),
        ...(kind === 'scale' ? { members: SCALE } : kind === 'choice' ? { members: CHOICE } : {}),
        tentative: shape.tentative,
        topLevel: shape.topLevel,
        ...(shape.unit ? { unit: shape.unit } : {}),
    }));
}

/** A flag declared at the top level of the file that no rule uses: still part of every situation. */
const UNUSED: Indicator = { name: 'heavySea', kind: 'flag', tentative: false, topLevel: true };

/** Rules, off-ramps, scenarios and responses over the indicators, on a ladder of `ladder` levels. */
function protocolFrom(indicators: readonly Indicator[], ladder: number): fc.Arbitrary<Protocol> {
    const used = indicators.filter(i => i !== UNUSED);
    const top = ladder - 1;
    const rule = fc.record({
        kind: fc.constantFrom<'threshold' | 'redline'>('threshold', 'threshold', 'redline'),
        // Most rules are one comparison or two; a few nest deeper.
        condition: fc.oneof({ weight: 3, arbitrary: condition(used, 0) }, { weight: 2, arbitrary: condition(used, 1) }, { weight: 1, arbitrary: condition(used, 2) }),
        level: fc.integer({ min: 1, max: top }),
        // An exception on about one rule in three, mostly a single comparison.
        unless: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: condition(used, 0) }, { weight: 1, arbitrary: condition(used, 1) }),
    }).map(({ unless, ...r }) => unless ? { ...r, unless } : r);
    // Half the protocols have no scope; the others one or two, each mostly a single comparison.
    const scope = fc.oneof({ weight: 3, arbitrary: condition(used, 0) }, { weight: 1, arbitrary: condition(used, 1) });
    const scopes = fc.oneof(
        { weight: 4, arbitrary: fc.constant<Condition[]>([]) },
        { weight: 3, arbitrary: fc.array(scope, { minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: fc.array(scope, { minLength: 2, maxLength: 2 }) },
    );
    const given = fc.constantFrom(...used).chain(indicator => indicator.kind === 'flag' || indicator.kind === 'scale' || indicator.kind === 'choice'
        ? test(indicator)
        : fc.oneof(
            { weight: 3, arbitrary: boundary(indicator.kind, true).map((value): Condition => ({ kind: 'compare', indicator: indicator.name, operator: '=', value })) },
            { weight: 1, arbitrary: test(indicator, true) },
        ));
    const scenario = fc.record({
        given: fc.array(given, { minLength: 1, maxLength: 2 }),
        bound: fc.constantFrom<'least' | 'most' | undefined>(undefined, undefined, 'least', 'most'),
        level: fc.nat({ max: top }),
        outside: fc.constantFrom(false, false, false, false, true),
    });
    return fc.array(rule, { minLength: 1, maxLength: 4 }).chain(rules => fc.record({
        rules: fc.constant(rules),
        offramps: fc.array(offramp(used, rules, top), { minLength: 1, maxLength: 2 }),
        scenarios: fc.array(scenario, { maxLength: 2 }),
        scopes,
        responses: fc.array(fc.constantFrom<'force' | 'plain' | 'none'>('force', 'plain', 'none'), { minLength: top, maxLength: top }),
    })).map(({ rules, offramps, scenarios, scopes, responses }): Protocol => ({
        indicators,
        levels: LEVELS.slice(0, ladder),
        rules: rules.map((r, i): Rule => ({ ...r, name: `${r.kind === 'redline' ? 'R' : 'T'}${i + 1}` })),
        scopes,
        offramps,
        scenarios: scenarios.map((s, i): Scenario => s.outside
            ? { name: `S${i + 1}`, given: s.given, level: 0, outside: true }
            : { name: `S${i + 1}`, given: s.given, level: s.level, ...(s.bound ? { bound: s.bound } : {}) }),
        forceLevels: responses.map((r, i) => r === 'force' ? i + 1 : -1).filter(r => r > 0),
        plainLevels: responses.map((r, i) => r === 'plain' ? i + 1 : -1).filter(r => r > 0),
    }));
}

/**
 * An off-ramp from A to B. Real ones mostly undo a test of the rules they step down from (`x < 2 nm`
 * leads up, `x >= 2 nm` or `x > 3 nm` leads down), with or without a margin; some are written freely.
 */
function offramp(indicators: readonly Indicator[], rules: readonly Omit<Rule, 'name'>[], top: number): fc.Arbitrary<Offramp> {
    return fc.record({ from: fc.integer({ min: 1, max: top }), to: fc.nat({ max: top - 1 }) }).chain(({ from, to: t }) => {
        const to = t % from;
        const leavingRules = rules.filter(r => r.level > to && r.level <= from);
        const leaving = leavingRules.flatMap(r => testsOf(r.condition));
        const indicator = (t0: Test) => indicators.find(i => i.name === t0.indicator)!;
        // Every rule it steps down from, negated (at the same boundaries or others): `not (x < 2 nm or lock)` as `x >= 2 nm and not lock`.
        const undoAll = leavingRules.length === 0 ? [] : [fc.tuple(...leavingRules.map(r => negation(indicators, r.condition)))
            .map(([first, ...more]): Condition => more.length === 0 ? first : { kind: 'and', operands: [first, ...more], parenthesized: false })];
        // One test of them undone.
        const undoOne = leaving.length === 0 ? [] : [fc.constantFrom(...leaving).chain(t0 => opposite(indicator(t0), t0))];
        const written = fc.oneof(
            { weight: 1, arbitrary: condition(indicators, 1) },
            ...undoAll.map(arbitrary => ({ weight: 4, arbitrary })),
            ...undoOne.map(arbitrary => ({ weight: 2, arbitrary })),
            ...undoOne.map(u => ({ weight: 1, arbitrary: fc.tuple(u, condition(indicators, 0)).map(([a, b]): Condition => ({ kind: 'and', operands: [a, b], parenthesized: false })) })),
        );
        return fc.record({ condition: written, hold: fc.option(fc.constantFrom('1 h', '30 min'), { nil: undefined, freq: 2 }) })
            .map(({ condition: c, hold }): Offramp => ({ from, to, condition: c, ...(hold ? { hold } : {}) }));
    });
}

type Test = Extract<Condition, { indicator: string }>;

function testsOf(c: Condition): Test[] {
    switch (c.kind) {
        case 'and': case 'or': return c.operands.flatMap(testsOf);
        case 'not': return testsOf(c.operand);
        default: return [c];
    }
}

/** A condition that holds roughly where `c` does not: De Morgan down to the tests, each replaced by an opposite. */
function negation(indicators: readonly Indicator[], c: Condition): fc.Arbitrary<Condition> {
    switch (c.kind) {
        case 'and': case 'or':
            return fc.tuple(...c.operands.map(o => negation(indicators, o)))
                .map((operands): Condition => ({ kind: c.kind === 'and' ? 'or' : 'and', operands, parenthesized: false }));
        case 'not': return fc.constant(c.operand);
        default: return opposite(indicators.find(i => i.name === c.indicator)!, c);
    }
}

const OPPOSITE: Record<Operator, readonly Operator[]> = {
    '<': ['>=', '>'], '<=': ['>', '>='], '>': ['<=', '<'], '>=': ['<', '<='], '=': ['!='], '!=': ['='],
};

/** The same boundary in any of its spellings. */
function respelled(kind: Dimension, value: Value): fc.Arbitrary<Value> {
    const base = (value as Extract<Value, { type: 'number' }>).quantity.base;
    const same = BOUNDARIES[kind].flat().filter(text => compare(quantity(text).base, base) === 0);
    return same.length > 0 ? fc.constantFrom(...same).map((text): Value => ({ type: 'number', quantity: quantity(text) })) : fc.constant(value);
}

/** A test that holds roughly where `t` does not: the opposite comparison, at the same boundary or another. */
function opposite(indicator: Indicator, t: Test): fc.Arbitrary<Condition> {
    const name = indicator.name;
    switch (t.kind) {
        case 'flag': return fc.constantFrom<Condition>({ kind: 'not', operand: t }, { kind: 'compare', indicator: name, operator: '=', value: { type: 'bool', value: false } });
        case 'in': return fc.constant<Condition>({ ...t, negated: !t.negated });
        case 'between': return fc.constantFrom<Condition>({ kind: 'not', operand: t },
            { kind: 'compare', indicator: name, operator: '<', value: t.low }, { kind: 'compare', indicator: name, operator: '>', value: t.high });
        case 'compare': {
            const kind = indicator.kind;
            const value = t.value.type !== 'number' || kind === 'flag' || kind === 'scale' || kind === 'choice'
                ? fc.constant(t.value)
                : fc.oneof({ weight: 3, arbitrary: respelled(kind, t.value) }, { weight: 1, arbitrary: boundary(kind) });
            return fc.record({ operator: fc.constantFrom(...OPPOSITE[t.operator]), value })
                .map(({ operator, value: v }): Condition => ({ kind: 'compare', indicator: name, operator, value: v }));
        }
    }
}

/** 1–3 indicators of different types, sometimes an unused one at the top level, 2–4 levels, sometimes one or two scopes. */
export const generatedProtocol: fc.Arbitrary<Generated> = fc.record({
    // Flags (worse when true, false, or neutral) and distances (in ft and mi too) a little more often than the others.
    kinds: fc.uniqueArray(fc.constantFrom(...KINDS, 'flag', 'flag', 'distance'), { minLength: 1, maxLength: 3 }),
    unused: fc.boolean(),
    ladder: fc.integer({ min: 2, max: 4 }),
}).chain(({ kinds, unused, ladder }) => fc.tuple(...kinds.map(indicatorOf))
    .chain(indicators => protocolFrom(unused ? [...indicators, UNUSED] : indicators, ladder)))
    .map(protocol => withText(protocol));

/** The generated protocol with its text; fast-check prints the text when a property fails. */
export function withText(protocol: Protocol): Generated {
    const rendered = render(protocol);
    return { protocol, rendered, [fc.toStringMethod]: () => `\n${rendered.text}` } as Generated;
}

// ---- Text -------------------------------------------------------------------------------

function valueText(value: Value): string {
    switch (value.type) {
        case 'number': return value.quantity.text;
        case 'bool': return String(value.value);
        case 'member': return value.member;
    }
}

/** A condition as text; `not` binds tighter than `and`, which binds tighter than `or`. */
export function conditionText(c: Condition, context: 'top' | 'or' | 'and' | 'not' = 'top'): string {
    switch (c.kind) {
        case 'or': {
            const text = c.operands.map(o => conditionText(o, 'or')).join(' or ');
            return c.parenthesized || context === 'and' || context === 'not' ? `(${text})` : text;
        }
        case 'and': {
            const text = c.operands.map(o => conditionText(o, 'and')).join(' and ');
            return c.parenthesized || context === 'not' ? `(${text})` : text;
        }
        case 'not': return `not ${conditionText(c.operand, 'not')}`;
        case 'compare': return `${c.indicator} ${c.operator} ${valueText(c.value)}`;
        case 'between': return `${c.indicator} between ${valueText(c.low)} and ${valueText(c.high)}`;
        case 'in': return `${c.indicator} ${c.negated ? 'not ' : ''}in {${c.members.join(', ')}}`;
        case 'flag': return c.indicator;
    }
}

function indicatorText(indicator: Indicator): string {
    const type = indicator.kind === 'scale' ? `scale ${indicator.members!.join(' < ')}`
        : indicator.kind === 'choice' ? `one of ${indicator.members!.join(', ')}`
            : indicator.kind;
    return `indicator ${indicator.name} "The ${indicator.name}" : ${type}` +
        (indicator.unit ? ` in ${indicator.unit}` : '') +
        (indicator.worse ? ` worse when ${indicator.worse}` : indicator.neutral ? ' neutral' : '') +
        (indicator.tentative ? ' tentative' : '');
}

export function render(protocol: Protocol): Rendered {
    const out: string[] = [];
    const lines = { levels: [] as number[], rules: [] as number[], scopes: [] as number[], offramps: [] as number[], scenarios: [] as number[] };
    const emit = (text: string) => out.push(text) - 1;
    const level = (rank: number) => protocol.levels[rank];
    emit('// A generated protocol, checked against the contract by brute force.');
    if (protocol.indicators.some(i => i.kind === 'power')) emit(POWER_DIMENSION);
    protocol.indicators.filter(i => i.topLevel).forEach(i => emit(indicatorText(i)));
    emit('');
    emit('protocol Generated "Generated protocol" {');
    emit('    party Aland "Aland" {');
    emit('        organ MoD "Ministry of Defence" authorizes force');
    emit('        organ Fleet "Fleet Command"');
    emit('    }');
    emit('    party Borea "Borea" {');
    emit('        organ MoD "Ministry of Defence"');
    emit('    }');
    emit('    mediator OSCE "OSCE Conflict Prevention Centre"');
    emit('    channel Hotline "Defence hotline" links Aland.MoD, Borea.MoD latency 1 min');
    protocol.indicators.filter(i => !i.topLevel).forEach(i => emit(`    ${indicatorText(i)}`));
    emit('    ladder {');
    protocol.levels.forEach(name => lines.levels.push(emit(`        ${name} "${name} level"`)));
    emit('    }');
    protocol.scopes.forEach((scope, i) => lines.scopes.push(emit(`    scope "Art. 0(${i + 1})": ${conditionText(scope)}`)));
    protocol.rules.forEach((rule, i) => {
        const head = `    ${rule.kind} ${rule.name} "Art. ${i + 1}": ${conditionText(rule.condition)} -> ${level(rule.level)}` +
            (rule.unless ? ` unless ${conditionText(rule.unless)}` : '');
        lines.rules.push(emit(rule.kind === 'redline' ? `${head} { consequence "Suspension of exercises" disclosure public }` : head));
    });
    protocol.levels.forEach((name, rank) => {
        if (protocol.forceLevels.includes(rank)) {
            emit(`    response ${name} within 4 h {`);
            emit(`        step call${name}: Aland.MoD notifies Borea.MoD via Hotline within 5 min`);
            emit(`        step check${name}: OSCE verifies within 1 h after call${name}`);
            emit(`        step hit${name}: Aland.Fleet intercepts within 1 h after check${name} authorized by Aland.MoD cites "Art. 51"`);
            emit('    }');
        } else if (protocol.plainLevels.includes(rank)) {
            emit(`    response ${name} within 2 h {`);
            emit(`        step tell${name}: Aland.MoD notifies Borea.MoD via Hotline within 30 min`);
            emit('    }');
        }
    });
    protocol.offramps.forEach(offramp => lines.offramps.push(emit(
        `    deescalate ${level(offramp.from)} to ${level(offramp.to)} when ${conditionText(offramp.condition)}${offramp.hold ? ` for ${offramp.hold}` : ''}`)));
    protocol.scenarios.forEach(scenario => lines.scenarios.push(emit(
        `    scenario "${scenario.name}" { given ${scenario.given.map(g => conditionText(g)).join(', ')} ` +
        `expect ${scenario.outside ? 'outside scope' : `${scenario.bound ? `at ${scenario.bound} ` : ''}${level(scenario.level)}`} }`)));
    emit('}');
    return { text: out.join('\n') + '\n', lines };
}
