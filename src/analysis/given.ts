// Reading a situation from text, as `explain --given` takes it: `separation=1.5nm`, `radarLock=true`, `posture=Exercise`.
import type { Indicator, Protocol } from '../model/protocol.js';
import { compare, isInteger, parseDecimal, rational } from '../model/rational.js';
import { toBase, unitProblem } from '../model/units.js';
import type { Situation, Value } from './situations.js';

export class GivenError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'GivenError';
    }
}

/** Parses `indicator=value` assignments against a protocol's indicators. */
export function parseGiven(protocol: Protocol, assignments: readonly string[]): Situation {
    const situation = new Map<string, Value>();
    for (const assignment of assignments) {
        const match = /^\s*([_\p{L}][\p{L}\p{N}_]*)\s*=\s*(.+?)\s*$/u.exec(assignment);
        if (!match) {
            throw new GivenError(`'${assignment}' is not of the form indicator=value`);
        }
        const [, name, text] = match;
        const indicator = protocol.indicators.find(candidate => candidate.name === name);
        if (!indicator) {
            throw new GivenError(`unknown indicator '${name}'; ${protocol.name} has ${protocol.indicators.map(i => i.name).join(', ') || 'none'}`);
        }
        if (situation.has(name)) {
            throw new GivenError(`'${name}' is given twice`);
        }
        situation.set(name, parseValue(indicator, text));
    }
    return situation;
}

/** A value as written in the language, for one indicator. */
export function parseValue(indicator: Indicator, text: string): Value {
    switch (indicator.kind) {
        case 'flag':
            if (text === 'true' || text === 'false') return { kind: 'flag', value: text === 'true' };
            throw new GivenError(`${indicator.name} is a flag: give true or false, not '${text}'`);
        case 'scale':
        case 'choice':
            if (indicator.members?.includes(text)) return { kind: 'member', member: text };
            throw new GivenError(`'${text}' is not a member of ${indicator.name} (${indicator.members?.join(', ')})`);
        default:
            return { kind: 'number', value: parseQuantity(indicator, indicator.dimension ?? indicator.kind, text) };
    }
}

function parseQuantity(indicator: Indicator, dimension: string, text: string) {
    const match = /^([0-9]+(?:\.[0-9]+)?)\s*([\p{L}%]+)?$/u.exec(text);
    const amount = match && parseDecimal(match[1]);
    if (!match || !amount) {
        throw new GivenError(`${indicator.name} is a ${dimension}: '${text}' is not a number with a unit`);
    }
    const unit = match[2];
    const units = indicator.units ?? [];
    const problem = unitProblem(dimension, units, unit);
    if (problem) {
        throw new GivenError(`${indicator.name}: ${problem}`);
    }
    const base = toBase(amount, unit, units);
    if (dimension === 'count' && !isInteger(base)) {
        throw new GivenError(`${indicator.name} is a count: give a whole number, not ${text}`);
    }
    if (dimension === 'percent' && compare(base, rational(100)) > 0) {
        throw new GivenError(`${indicator.name} is a percentage: ${text} is above 100 %`);
    }
    return base;
}
