// Each rule of a protocol encoded for the Z3 SMT solver, as Catala encodes its rules for its overlap
// proofs: the oracle the region engine is tested against, and the baseline the benchmark compares with.
import type { Arith, Bool, Context, Solver } from 'z3-solver';
import type { Finding } from '../src/analysis/findings.js';
import type { Condition, Indicator, Protocol, Rule, Test, TestValue } from '../src/model/protocol.js';

/** Rule indices, in protocol order, of the rules each question finds. */
export interface Verdicts {
    readonly unsatisfiable: ReadonlySet<number>;
    readonly masked: ReadonlySet<number>;
    readonly redundant: ReadonlySet<number>;
}

/** One copy of the indicators as Z3 constants. */
export type Variables = ReadonlyMap<string, Arith | Bool>;

/**
 * Each indicator as a Z3 constant within its physical range, and each condition as a formula. Rules hold
 * where their condition does and their `unless` exception does not; `inside` is the scope (every `scope`
 * condition), which every question about the protocol's situations is asked within.
 */
export class Encoding {
    /** The situation the questions are about (`copy` makes others). */
    readonly situation: Variables;
    protected readonly solver: Solver;

    constructor(readonly ctx: Context, readonly protocol: Protocol) {
        this.solver = new ctx.Solver();
        this.situation = this.copy('');
    }

    /** A copy of the indicators (a second situation, for questions about pairs), each within its physical range. */
    copy(suffix: string): Variables {
        const { ctx } = this;
        const variables = new Map<string, Arith | Bool>();
        for (const indicator of this.protocol.indicators) {
            const name = `${indicator.name}${suffix}`;
            switch (indicator.kind) {
                case 'flag':
                    variables.set(indicator.name, ctx.Bool.const(name));
                    break;
                case 'scale':
                case 'choice': {
                    const v = ctx.Int.const(name);
                    variables.set(indicator.name, v);
                    this.solver.add(v.ge(0), v.le((indicator.members?.length ?? 1) - 1));
                    break;
                }
                case 'count': {
                    const v = ctx.Int.const(name);
                    variables.set(indicator.name, v);
                    this.solver.add(v.ge(0));
                    break;
                }
                default: {
                    // Distances, durations, speeds, frequencies, percentages and declared dimensions, in base units.
                    const v = ctx.Real.const(name);
                    variables.set(indicator.name, v);
                    this.solver.add(v.ge(0));
                    if (indicator.kind === 'percent') this.solver.add(v.le(100));
                }
            }
        }
        return variables;
    }

    /** Where a rule holds: its condition, and not its exception (the scope aside). */
    rule(rule: Rule, variables: Variables = this.situation): Bool {
        const holds = this.condition(rule.condition, variables);
        return rule.unless ? this.ctx.And(holds, this.ctx.Not(this.condition(rule.unless, variables))) : holds;
    }

    /** Inside the scope: every `scope` condition holds (true without any). */
    inside(variables: Variables = this.situation): Bool {
        return this.ctx.And(this.ctx.Bool.val(true), ...this.protocol.scopes.map(scope => this.condition(scope.condition, variables)));
    }

    /** The level as a term, inside the scope: the most severe level whose rules hold, else 0. */
    level(variables: Variables = this.situation): Arith {
        const { ctx } = this;
        let term: Arith = ctx.Int.val(0);
        for (const level of this.protocol.levels.slice(1)) {
            const rules = this.protocol.rules.filter(r => r.level === level.name).map(r => this.rule(r, variables));
            term = ctx.If(ctx.Or(ctx.Bool.val(false), ...rules), ctx.Int.val(level.rank), term);
        }
        return term;
    }

    /** `worse` at least as bad as `better` on every directed indicator (by its declared direction), equal on neutral ones. */
    atLeastAsBad(better: Variables, worse: Variables): Bool {
        const { ctx } = this;
        return ctx.And(ctx.Bool.val(true), ...this.protocol.indicators.map(indicator => {
            const [s, t] = [better.get(indicator.name)!, worse.get(indicator.name)!];
            if (indicator.kind === 'flag') {
                const [b, w] = [s as Bool, t as Bool];
                return indicator.worse === 'higher' ? ctx.Implies(b, w) : indicator.worse === 'lower' ? ctx.Implies(w, b) : b.eq(w);
            }
            const [b, w] = [s as Arith, t as Arith];
            return indicator.worse === 'higher' ? w.ge(b) : indicator.worse === 'lower' ? w.le(b) : w.eq(b);
        }));
    }

    condition(condition: Condition, variables: Variables = this.situation): Bool {
        const { ctx } = this;
        switch (condition.kind) {
            case 'test': return this.test(condition.test, variables);
            case 'not': return ctx.Not(this.condition(condition.operand, variables));
            case 'and': return ctx.And(ctx.Bool.val(true), ...condition.operands.map(o => this.condition(o, variables)));
            case 'or': return ctx.Or(ctx.Bool.val(false), ...condition.operands.map(o => this.condition(o, variables)));
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

    protected test(test: Test, variables: Variables): Bool {
        const { ctx } = this;
        const indicator = this.protocol.indicators.find(i => i.name === test.indicator)!;
        const declared = variables.get(test.indicator)!;
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
 * Z3's answers to the questions the region engine answers, inside the scope, with the same tie-breaking: a rule is
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
    // Where each rule holds inside the scope: every question is about those situations only.
    const inside = encoding.inside();
    const formulas = protocol.rules.map(rule => encoding.ctx.And(inside, encoding.rule(rule)));
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

/** Z3's answers to the other questions of docs/language.md §4 about situations (the rules' verdicts aside). */
export interface MoreVerdicts {
    /** `empty-scope`: the scopes hold together in no situation. */
    readonly emptyScope: boolean;
    /** `always-true`: rules above the baseline that hold in every situation inside the scope. */
    readonly alwaysTrue: ReadonlySet<number>;
    /** `unreachable-level`: the ranks no situation inside the scope has. */
    readonly unreachable: ReadonlySet<number>;
    /** `non-monotone`: some situation at least as bad as another (both inside the scope) has a lower level. */
    readonly nonMonotone: boolean;
    /** Per scenario: passes, fails, or can never run (`unsatisfiable-condition`). */
    readonly scenarios: ReadonlyArray<'passed' | 'failed' | 'unsatisfiable'>;
}

export async function z3MoreVerdicts(ctx: Context, protocol: Protocol): Promise<MoreVerdicts> {
    const encoding = new Encoding(ctx, protocol);
    const inside = encoding.inside();
    const level = encoding.level();
    const rank = (name: string) => protocol.levels.find(l => l.name === name)!.rank;
    const emptyScope = protocol.scopes.length > 0 && !(await encoding.satisfiable(inside));
    const alwaysTrue = new Set<number>();
    for (const [i, rule] of protocol.rules.entries()) {
        if (rank(rule.level) > 0 && !(await encoding.satisfiable(inside, ctx.Not(encoding.rule(rule))))) alwaysTrue.add(i);
    }
    const unreachable = new Set<number>();
    for (const { rank: r } of protocol.levels) {
        if (!(await encoding.satisfiable(inside, level.eq(r)))) unreachable.add(r);
    }
    const worse = encoding.copy('_worse');
    const nonMonotone = await encoding.satisfiable(inside, encoding.inside(worse), encoding.atLeastAsBad(encoding.situation, worse),
        encoding.level(worse).lt(level));
    const scenarios: Array<'passed' | 'failed' | 'unsatisfiable'> = [];
    for (const scenario of protocol.scenarios) {
        const given = encoding.condition({ kind: 'and', operands: scenario.given.map(test => ({ kind: 'test', test })) });
        if (scenario.outside) {
            // Every matching situation lies outside the scope.
            scenarios.push(!(await encoding.satisfiable(given)) ? 'unsatisfiable' : await encoding.satisfiable(given, inside) ? 'failed' : 'passed');
            continue;
        }
        const expected = rank(scenario.level!);
        const allowed = scenario.bound === 'at least' ? level.ge(expected) : scenario.bound === 'at most' ? level.le(expected) : level.eq(expected);
        scenarios.push(!(await encoding.satisfiable(given, inside)) ? 'unsatisfiable'
            : await encoding.satisfiable(given, inside, ctx.Not(allowed)) ? 'failed' : 'passed');
    }
    return { emptyScope, alwaysTrue, unreachable, nonMonotone, scenarios };
}

/** The same answers read from the region engine's findings. */
export function findingMoreVerdicts(protocol: Protocol, findings: readonly Finding[]): MoreVerdicts {
    const rules = (code: string) => new Set(findings.filter(f => f.code === code)
        .map(f => protocol.rules.findIndex(r => r.source === f.source)).filter(i => i >= 0));
    return {
        emptyScope: findings.some(f => f.code === 'empty-scope'),
        alwaysTrue: rules('always-true'),
        unreachable: new Set(protocol.levels.filter(l => findings.some(f => f.code === 'unreachable-level' && f.source === l.source)).map(l => l.rank)),
        nonMonotone: findings.some(f => f.code === 'non-monotone'),
        scenarios: protocol.scenarios.map(scenario => {
            const codes = findings.filter(f => f.source === scenario.source).map(f => f.code);
            return codes.includes('unsatisfiable-condition') ? 'unsatisfiable' : codes.includes('scenario-failed') ? 'failed' : 'passed';
        }),
    };
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
