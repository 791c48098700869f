// Each rule of a protocol encoded for the Z3 SMT solver, as Catala encodes its rules for its overlap
// proofs: the oracle the region engine is tested against, and the baseline the benchmark compares with.
import type { Arith, Bool, Context, Solver } from 'z3-solver';
import type { Finding } from '../src/analysis/findings.js';
import type { Condition, Indicator, Protocol, Test, TestValue } from '../src/model/protocol.js';

/** Rule indices, in protocol order, of the rules each question finds. */
export interface Verdicts {
    readonly unsatisfiable: ReadonlySet<number>;
    readonly masked: ReadonlySet<number>;
    readonly redundant: ReadonlySet<number>;
}

/** Each indicator as a Z3 constant within its physical range, and each condition as a formula. */
export class Encoding {
    protected readonly variables = new Map<string, Arith | Bool>();
    protected readonly solver: Solver;

    constructor(protected readonly ctx: Context, readonly protocol: Protocol) {
        this.solver = new ctx.Solver();
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
                    this.solver.add(v.ge(0), v.le((indicator.members?.length ?? 1) - 1));
                    break;
                }
                case 'count': {
                    const v = ctx.Int.const(name);
                    this.variables.set(name, v);
                    this.solver.add(v.ge(0));
                    break;
                }
                default: {
                    const v = ctx.Real.const(name);
                    this.variables.set(name, v);
                    this.solver.add(v.ge(0));
                    if (indicator.kind === 'percent') this.solver.add(v.le(100));
                }
            }
        }
    }

    condition(condition: Condition): Bool {
        const { ctx } = this;
        switch (condition.kind) {
            case 'test': return this.test(condition.test);
            case 'not': return ctx.Not(this.condition(condition.operand));
            case 'and': return ctx.And(...condition.operands.map(o => this.condition(o)));
            case 'or': return ctx.Or(...condition.operands.map(o => this.condition(o)));
        }
    }

    /** Whether the formulas hold together in some situation: one query on the shared solver. */
    async satisfiable(...formulas: Bool[]): Promise<boolean> {
        this.solver.push();
        try {
            this.solver.add(...formulas);
            return (await this.solver.check()) === 'sat';
        } finally {
            this.solver.pop();
        }
    }

    /** `not (a or b or …)`, true for an empty list. */
    none(formulas: readonly Bool[]): Bool {
        return this.ctx.Not(this.ctx.Or(this.ctx.Bool.val(false), ...formulas));
    }

    protected test(test: Test): Bool {
        const { ctx } = this;
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
            case 'boolean': return this.ctx.Bool.val(value.value);
            case 'member': return indicator.members!.indexOf(value.member);
            case 'quantity': {
                const { n, d } = value.quantity.base;
                return this.ctx.Real.val(`${n}/${d}`);
            }
        }
    }
}

/** Z3 took longer than the time it was given. */
export class Z3TimeLimit extends Error {
    constructor() {
        super('Z3 did not finish within its time limit');
    }
}

/**
 * Z3's answers to the questions the region engine answers, with the same tie-breaking: a rule is
 * masked when the rules of higher levels cover it; a threshold is redundant when those and the remaining
 * rules of its own level do (of two copies, the later one), or when it leads to the baseline. A red line is
 * never redundant: covered by its own level, it still carries its consequence.
 */
export async function z3Verdicts(ctx: Context, protocol: Protocol, deadline = Number.POSITIVE_INFINITY): Promise<Verdicts> {
    const encoding = new Encoding(ctx, protocol);
    const satisfiable = (...formulas: Bool[]) => {
        if (performance.now() > deadline) throw new Z3TimeLimit();
        return encoding.satisfiable(...formulas);
    };
    const rank = (level: string) => protocol.levels.find(l => l.name === level)!.rank;
    const ranks = protocol.rules.map(rule => rank(rule.level));
    const formulas = protocol.rules.map(rule => encoding.condition(rule.condition));
    const unsatisfiable = new Set<number>();
    for (let i = 0; i < formulas.length; i++) {
        if (!(await satisfiable(formulas[i]))) unsatisfiable.add(i);
    }
    const masked = new Set<number>();
    const redundant = new Set<number>();
    for (let i = protocol.rules.length - 1; i >= 0; i--) {
        if (unsatisfiable.has(i)) continue;
        const higher = formulas.filter((_, j) => ranks[j] > ranks[i]);
        if (!(await satisfiable(formulas[i], encoding.none(higher)))) {
            masked.add(i);
            continue;
        }
        if (protocol.rules[i].kind === 'redline') continue;
        const peers = formulas.filter((_, j) => j !== i && !masked.has(j) && !redundant.has(j) && ranks[j] === ranks[i]);
        if (ranks[i] === 0 || !(await satisfiable(formulas[i], encoding.none([...higher, ...peers])))) {
            redundant.add(i);
        }
    }
    return { unsatisfiable, masked, redundant };
}

/** The same answers read from the region engine's findings. */
export function findingVerdicts(protocol: Protocol, findings: readonly Finding[]): Verdicts {
    const indices = (predicate: (code: string, message: string) => boolean) => new Set(findings
        .filter(f => predicate(f.code, f.message))
        .map(f => protocol.rules.findIndex(r => r.source === f.source))
        .filter(i => i >= 0));
    return {
        unsatisfiable: indices(code => code === 'unsatisfiable-condition'),
        masked: indices(code => code === 'masked-threshold' || code === 'redline-masked'),
        redundant: indices(code => code === 'redundant-threshold'),
    };
}
