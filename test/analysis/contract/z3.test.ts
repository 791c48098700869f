// The brute-force oracle cross-checked with Z3 on a sample: the grid argument (every gap behaves like its
// representative; monotonicity by single steps) against a solver that knows nothing of grids.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Arith, type Bool, type Context, init, killThreads } from 'z3-solver';
import { Oracle, direction, indicatorNamed, indicatorsOf } from './evaluate.js';
import { generatedProtocol } from './generate-text.js';
import type { Condition, Protocol, Rule, Value } from './protocol.js';

let z3: Awaited<ReturnType<typeof init>>;
let ctx: Context;

beforeAll(async () => {
    z3 = await init();
    ctx = z3.Context('main');
}, 60_000);

afterAll(async () => {
    // The solver keeps worker threads alive; end them so the test process can exit.
    await killThreads(z3.em);
});

type Variables = ReadonlyMap<string, Arith | Bool>;

/** One copy of the indicators, each within its physical range; `suffix` tells copies apart. */
function variables(protocol: Protocol, suffix: string): { vars: Variables; range: Bool[] } {
    const vars = new Map<string, Arith | Bool>();
    const range: Bool[] = [];
    for (const indicator of protocol.indicators) {
        const name = `${indicator.name}${suffix}`;
        switch (indicator.kind) {
            case 'flag': vars.set(indicator.name, ctx.Bool.const(name)); break;
            case 'scale': case 'choice': {
                const v = ctx.Int.const(name);
                range.push(v.ge(0), v.le(indicator.members!.length - 1));
                vars.set(indicator.name, v);
                break;
            }
            case 'count': {
                const v = ctx.Int.const(name);
                range.push(v.ge(0));
                vars.set(indicator.name, v);
                break;
            }
            default: {
                const v = ctx.Real.const(name);
                range.push(v.ge(0));
                if (indicator.kind === 'percent') range.push(v.le(100));
                vars.set(indicator.name, v);
            }
        }
    }
    return { vars, range };
}

function constant(protocol: Protocol, indicator: string, value: Value): Arith | Bool {
    switch (value.type) {
        case 'bool': return ctx.Bool.val(value.value);
        case 'member': return ctx.Int.val(indicatorNamed(protocol, indicator).members!.indexOf(value.member));
        case 'number': return ctx.Real.val(`${value.quantity.base.n}/${value.quantity.base.d}`);
    }
}

function formula(protocol: Protocol, vars: Variables, c: Condition): Bool {
    const numeric = (name: string) => {
        const v = vars.get(name) as Arith;
        return indicatorNamed(protocol, name).kind === 'count' ? ctx.ToReal(v) : v;
    };
    switch (c.kind) {
        case 'and': return ctx.And(ctx.Bool.val(true), ...c.operands.map(o => formula(protocol, vars, o)));
        case 'or': return ctx.Or(ctx.Bool.val(false), ...c.operands.map(o => formula(protocol, vars, o)));
        case 'not': return ctx.Not(formula(protocol, vars, c.operand));
        case 'flag': return vars.get(c.indicator) as Bool;
        case 'in': {
            const any = ctx.Or(...c.members.map(m => (vars.get(c.indicator) as Arith).eq(indicatorNamed(protocol, c.indicator).members!.indexOf(m))));
            return c.negated ? ctx.Not(any) : any;
        }
        case 'between': {
            const v = numeric(c.indicator);
            return ctx.And(v.ge(constant(protocol, c.indicator, c.low) as Arith), v.le(constant(protocol, c.indicator, c.high) as Arith));
        }
        case 'compare': {
            if (c.value.type === 'bool') {
                const same = (vars.get(c.indicator) as Bool).eq(constant(protocol, c.indicator, c.value) as Bool);
                return c.operator === '!=' ? ctx.Not(same) : same;
            }
            const v = numeric(c.indicator);
            const k = constant(protocol, c.indicator, c.value) as Arith;
            switch (c.operator) {
                case '<': return v.lt(k);
                case '<=': return v.le(k);
                case '>': return v.gt(k);
                case '>=': return v.ge(k);
                case '=': return v.eq(k);
                case '!=': return v.neq(k);
            }
        }
    }
}

/** A rule holds where its condition does and its `unless` condition does not. */
function ruleFormula(protocol: Protocol, vars: Variables, rule: Rule): Bool {
    const holds = formula(protocol, vars, rule.condition);
    return rule.unless ? ctx.And(holds, ctx.Not(formula(protocol, vars, rule.unless))) : holds;
}

/** Inside the scope: every `scope` condition holds. */
function inside(protocol: Protocol, vars: Variables): Bool {
    return ctx.And(ctx.Bool.val(true), ...protocol.scopes.map(scope => formula(protocol, vars, scope)));
}

/** The level as a term, inside the scope: the most severe level whose rules hold, else 0. */
function level(protocol: Protocol, vars: Variables): Arith {
    let term: Arith = ctx.Int.val(0);
    for (let rank = 1; rank < protocol.levels.length; rank++) {
        const rules = protocol.rules.filter(r => r.level === rank).map(r => ruleFormula(protocol, vars, r));
        term = ctx.If(ctx.Or(ctx.Bool.val(false), ...rules), ctx.Int.val(rank), term);
    }
    return term;
}

async function sat(...formulas: Bool[]): Promise<boolean> {
    const solver = new ctx.Solver();
    solver.add(...formulas);
    return (await solver.check()) === 'sat';
}

describe('the brute-force oracle agrees with Z3', () => {
    test('on empty scopes, satisfiable, always-true, masked and force-deciding rules, flapping off-ramps, scenarios and monotonicity', async () => {
        await fc.assert(fc.asyncProperty(generatedProtocol, async ({ protocol }) => {
            const oracle = new Oracle(protocol);
            const { vars, range } = variables(protocol, '');
            // Every question is asked inside the scope (§3), but whether a scenario's matches lie outside it.
            const scope = inside(protocol, vars);
            const within = [...range, scope];
            expect(protocol.scopes.length > 0 && !(await sat(...within)), 'empty scope').toBe(oracle.emptyScope());
            const at = level(protocol, vars);
            const rules = protocol.rules.map(r => ruleFormula(protocol, vars, r));
            for (const [i, rule] of protocol.rules.entries()) {
                expect(await sat(...within, rules[i]), `${rule.name} satisfiable`).toBe(oracle.satisfiable(i));
                expect(rule.level > 0 && !(await sat(...within, ctx.Not(rules[i]))), `${rule.name} always true`).toBe(oracle.alwaysTrue(i));
                const higher = rules.filter((_, j) => protocol.rules[j].level > rule.level);
                expect(oracle.satisfiable(i) && !(await sat(...within, rules[i], ctx.Not(ctx.Or(ctx.Bool.val(false), ...higher)))), `${rule.name} masked`).toBe(oracle.masked(i));
                const tentativeOnly = [...indicatorsOf(rule.condition)].every(n => indicatorNamed(protocol, n).tentative);
                const decides = protocol.forceLevels.includes(rule.level) && tentativeOnly && await sat(...within, rules[i], at.eq(rule.level));
                expect(decides, `${rule.name} force on tentative`).toBe(oracle.forceOnTentative(i));
            }
            for (const [rank] of protocol.levels.entries()) {
                expect(await sat(...within, at.eq(rank)), `level ${protocol.levels[rank]} reachable`).toBe(oracle.reachable(rank));
            }
            for (const [i, offramp] of protocol.offramps.entries()) {
                const flaps = await sat(...within, formula(protocol, vars, offramp.condition), at.gt(offramp.to), at.le(offramp.from));
                expect(flaps, `off-ramp ${i} flaps`).toBe(oracle.flapping(i));
            }
            for (const [i, scenario] of protocol.scenarios.entries()) {
                const given = scenario.given.map(g => formula(protocol, vars, g));
                let verdict: boolean | undefined;
                if (scenario.outside) {
                    verdict = !(await sat(...range, ...given)) ? undefined : !(await sat(...within, ...given));
                } else {
                    const expected = scenario.bound === 'least' ? at.ge(scenario.level) : scenario.bound === 'most' ? at.le(scenario.level) : at.eq(scenario.level);
                    verdict = !(await sat(...within, ...given)) ? undefined : !(await sat(...within, ...given, ctx.Not(expected)));
                }
                expect(verdict, `scenario ${scenario.name}`).toBe(oracle.scenarioPasses(i));
            }
            // Non-monotone: a second copy of the indicators, inside the scope too, at least as bad on every directed one
            // (by its declared direction), equal on neutral ones.
            const worse = variables(protocol, '_worse');
            const order = protocol.indicators.map(indicator => {
                const [s, t] = [vars.get(indicator.name)!, worse.vars.get(indicator.name)!];
                const way = direction(indicator);
                if (indicator.kind === 'flag') {
                    return way === 1 ? ctx.Implies(s as Bool, t as Bool) : way === -1 ? ctx.Implies(t as Bool, s as Bool) : (t as Bool).eq(s as Bool);
                }
                return way === 1 ? (t as Arith).ge(s as Arith) : way === -1 ? (t as Arith).le(s as Arith) : (t as Arith).eq(s as Arith);
            });
            const nonMonotone = await sat(...within, ...worse.range, inside(protocol, worse.vars), ...order, level(protocol, worse.vars).lt(at));
            expect(nonMonotone, 'non-monotone').toBe(oracle.nonMonotone());
        }), { seed: 20261129, numRuns: 100 });
    }, 120_000);
});
