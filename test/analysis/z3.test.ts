// Cross-check with the Z3 SMT solver: unsatisfiable, masked and redundant verdicts on random protocols
// agree with Z3's answers to the same questions (each rule encoded as a formula over the indicators).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Arith, type Bool, type Context, init, killThreads } from 'z3-solver';
import { analyse } from '../../src/analysis/analyse.js';
import type { Condition, Indicator, Protocol, Test, TestValue } from '../../src/model/protocol.js';
import { randomProtocol } from './generate.js';

type Formula = Bool;

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

/** Each indicator as a Z3 constant within its physical range, and each condition as a formula. */
class Encoding {
    readonly variables = new Map<string, Arith | Bool>();
    readonly ranges: Formula[] = [];

    constructor(readonly protocol: Protocol) {
        for (const indicator of protocol.indicators) {
            const name = indicator.name;
            switch (indicator.kind) {
                case 'flag':
                    this.variables.set(name, ctx.Bool.const(name));
                    break;
                case 'scale':
                case 'choice': {
                    const v = ctx.Int.const(name);
                    this.variables.set(name, v);
                    this.ranges.push(v.ge(0), v.le((indicator.members?.length ?? 1) - 1));
                    break;
                }
                case 'count': {
                    const v = ctx.Int.const(name);
                    this.variables.set(name, v);
                    this.ranges.push(v.ge(0));
                    break;
                }
                default: {
                    const v = ctx.Real.const(name);
                    this.variables.set(name, v);
                    this.ranges.push(v.ge(0));
                    if (indicator.kind === 'percent') this.ranges.push(v.le(100));
                }
            }
        }
    }

    condition(condition: Condition): Formula {
        switch (condition.kind) {
            case 'test': return this.test(condition.test);
            case 'not': return ctx.Not(this.condition(condition.operand));
            case 'and': return ctx.And(...condition.operands.map(o => this.condition(o)));
            case 'or': return ctx.Or(...condition.operands.map(o => this.condition(o)));
        }
    }

    protected test(test: Test): Formula {
        const indicator = this.protocol.indicators.find(i => i.name === test.indicator)!;
        const declared = this.variables.get(test.indicator)!;
        if (test.kind === 'flag') return declared as Bool;
        if (indicator.kind === 'flag') {
            const c = this.constant(indicator, test.kind === 'compare' ? test.value : { kind: 'boolean', value: true }) as Bool;
            const same = (declared as Bool).eq(c);
            return test.kind === 'compare' && test.operator === '!=' ? ctx.Not(same) : same;
        }
        // Counts are whole numbers compared with rational constants: compare them as reals.
        const variable = indicator.kind === 'count' ? ctx.ToReal(declared as Arith) : declared as Arith;
        switch (test.kind) {
            case 'in': {
                const any = ctx.Or(...test.members.map(m => variable.eq(indicator.members!.indexOf(m))));
                return test.negated ? ctx.Not(any) : any;
            }
            case 'between':
                return ctx.And(variable.ge(this.constant(indicator, test.low) as Arith | number), variable.le(this.constant(indicator, test.high) as Arith | number));
            case 'compare': {
                const c = this.constant(indicator, test.value) as Arith | number;
                switch (test.operator) {
                    case '<': return variable.lt(c);
                    case '<=': return variable.le(c);
                    case '>': return variable.gt(c);
                    case '>=': return variable.ge(c);
                    case '=': return variable.eq(c);
                    case '!=': return variable.neq(c);
                }
            }
        }
    }

    protected constant(indicator: Indicator, value: TestValue): Arith | Bool | number {
        switch (value.kind) {
            case 'boolean': return ctx.Bool.val(value.value);
            case 'member': return indicator.members!.indexOf(value.member);
            case 'quantity': {
                const { n, d } = value.quantity.base;
                return ctx.Real.val(`${n}/${d}`);
            }
        }
    }

    async satisfiable(...formulas: Formula[]): Promise<boolean> {
        const solver = new ctx.Solver();
        solver.add(...this.ranges, ...formulas);
        return (await solver.check()) === 'sat';
    }
}

/** Z3's verdicts for the questions the region engine answers, with the same tie-breaking for copies. */
async function z3Verdicts(protocol: Protocol) {
    const encoding = new Encoding(protocol);
    const rank = (level: string) => protocol.levels.find(l => l.name === level)!.rank;
    const formulas = protocol.rules.map(rule => encoding.condition(rule.condition));
    const unsatisfiable = new Set<number>();
    for (let i = 0; i < formulas.length; i++) {
        if (!(await encoding.satisfiable(formulas[i]))) unsatisfiable.add(i);
    }
    const masked = new Set<number>();
    const redundant = new Set<number>();
    for (let i = protocol.rules.length - 1; i >= 0; i--) {
        if (unsatisfiable.has(i)) continue;
        const r = rank(protocol.rules[i].level);
        const higher = formulas.filter((_, j) => rank(protocol.rules[j].level) > r);
        if (!(await encoding.satisfiable(formulas[i], ctx.Not(ctx.Or(ctx.Bool.val(false), ...higher))))) {
            masked.add(i);
            continue;
        }
        const peers = formulas.filter((_, j) => j !== i && !masked.has(j) && !redundant.has(j) && rank(protocol.rules[j].level) === r);
        if (r === 0 || !(await encoding.satisfiable(formulas[i], ctx.Not(ctx.Or(ctx.Bool.val(false), ...higher, ...peers))))) {
            redundant.add(i);
        }
    }
    return { unsatisfiable, masked, redundant };
}

function engineVerdicts(protocol: Protocol) {
    const findings = analyse(protocol).findings;
    const indices = (predicate: (code: string, message: string) => boolean) => new Set(findings
        .filter(f => predicate(f.code, f.message))
        .map(f => protocol.rules.findIndex(r => r.source === f.source))
        .filter(i => i >= 0));
    return {
        unsatisfiable: indices(code => code === 'unsatisfiable-condition'),
        masked: indices((code, message) => code === 'masked-threshold' || (code === 'redline-masked' && message.includes('never decides'))),
        redundant: indices((code, message) => code === 'redundant-threshold' || (code === 'redline-masked' && message.includes('never changes'))
            || (code === 'redline-masked' && message.includes('baseline'))),
    };
}

describe('cross-check with Z3', () => {
    test('unsatisfiable, masked and redundant rules match Z3 on random protocols', async () => {
        await fc.assert(fc.asyncProperty(randomProtocol, async protocol => {
            const expected = await z3Verdicts(protocol);
            const actual = engineVerdicts(protocol);
            expect([...actual.unsatisfiable].sort()).toEqual([...expected.unsatisfiable].sort());
            expect([...actual.masked].sort()).toEqual([...expected.masked].sort());
            expect([...actual.redundant].sort()).toEqual([...expected.redundant].sort());
        }), { numRuns: 60, seed: 424242 });
    }, 120_000);
});
