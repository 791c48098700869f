// Unstructured protocols for the benchmark: rules drawn independently over the indicators, as a draft
// merged from several delegations looks — random atoms of every type, `and` of one to three of them, some
// `or`, `between` and `not`, random target levels. Nothing lines the rules up in tracks, so they overlap
// every which way. Deterministic: the same options give the same text.
import type { GeneratorOptions } from './generate.js';

const LEVELS = ['Routine', 'Watch', 'Concern', 'Alert', 'Crisis'] as const;

type Kind = 'distance' | 'speed' | 'duration' | 'count' | 'percent' | 'flag' | 'scale' | 'choice';

interface Spec {
    readonly name: string;
    readonly kind: Kind;
    readonly unit?: string;
    /** The constants rules compare it with (a drafter's round numbers). */
    readonly values?: readonly number[];
    readonly members?: readonly string[];
}

const KINDS: readonly Omit<Spec, 'name'>[] = [
    { kind: 'distance', unit: 'nm', values: [0.5, 1, 2, 3, 5, 8, 10, 12, 15, 20] },
    { kind: 'flag' },
    { kind: 'speed', unit: 'kn', values: [5, 10, 15, 20, 25, 30, 40, 50] },
    { kind: 'scale', members: ['Calm', 'Exercise', 'Deployment', 'Hostile'] },
    { kind: 'duration', unit: 'min', values: [5, 10, 15, 30, 45, 60, 90, 120] },
    { kind: 'count', values: [1, 2, 3, 4, 5, 8, 10] },
    { kind: 'percent', unit: '%', values: [10, 20, 25, 30, 50, 60, 75, 90] },
    { kind: 'choice', members: ['North', 'South', 'East', 'West', 'Strait'] },
];

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function generateUnstructured(options: GeneratorOptions): string {
    const next = random(options.seed ?? 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const indicators: Spec[] = Array.from({ length: options.indicators }, (_, i) => ({ name: `${KINDS[i % KINDS.length].kind}${i}`, ...KINDS[i % KINDS.length] }));
    const value = (spec: Spec) => `${pick(spec.values!)}${spec.unit ? ` ${spec.unit}` : ''}`;
    const atom = (spec: Spec): string => {
        switch (spec.kind) {
            case 'flag': return next() < 0.7 ? spec.name : `not ${spec.name}`;
            case 'scale': return `${spec.name} ${pick(['>=', '<=', '='])} ${pick(spec.members!)}`;
            case 'choice': {
                const members = spec.members!.filter(() => next() < 0.4);
                return members.length > 1 ? `${spec.name} in {${members.join(', ')}}` : `${spec.name} = ${pick(spec.members!)}`;
            }
            default: {
                if (next() < 0.15) {
                    const [a, b] = [pick(spec.values!), pick(spec.values!)].sort((x, y) => x - y);
                    return `${spec.name} between ${a}${spec.unit ? ` ${spec.unit}` : ''} and ${b}${spec.unit ? ` ${spec.unit}` : ''}`;
                }
                return `${spec.name} ${pick(['<', '<=', '>', '>='])} ${value(spec)}`;
            }
        }
    };
    // A clause tests each indicator once: a draft says `closer than 2 nm and faster than 20 kn`, not `closer than 2 nm and farther than 5 nm`.
    const conjunction = () => {
        const chosen = new Set<Spec>();
        for (let n = 1 + Math.floor(next() * 3); chosen.size < Math.min(n, indicators.length);) chosen.add(pick(indicators));
        return [...chosen].map(atom).join(' and ');
    };
    const lines: string[] = [];
    lines.push(`protocol Merged "Merged negotiating draft (${options.rules} rules, ${options.indicators} indicators)" {`);
    for (const spec of indicators) {
        const type = spec.kind === 'scale' ? `scale ${spec.members!.join(' < ')}`
            : spec.kind === 'choice' ? `one of ${spec.members!.join(', ')}`
                : spec.kind === 'flag' ? 'flag'
                    : `${spec.kind}${spec.unit && spec.kind !== 'percent' ? ` in ${spec.unit}` : ''} worse when ${spec.kind === 'distance' ? 'lower' : 'higher'}`;
        lines.push(`    indicator ${spec.name} "${spec.kind} ${spec.name}" : ${type}`);
    }
    lines.push(`    ladder { ${LEVELS.map(level => `${level} "${level}"`).join(' ')} }`);
    for (let r = 0; r < options.rules; r++) {
        const condition = next() < 0.2 ? `(${conjunction()}) or (${conjunction()})` : conjunction();
        lines.push(`    threshold R${r} "Draft ${r + 1}": ${condition} -> ${pick(LEVELS.slice(1))}`);
    }
    lines.push('}');
    return `${lines.join('\n')}\n`;
}
