// Where the language server's time goes during the edits: its V8 CPU profile (`node --cpu-prof`), each
// sample given to the innermost phase on its stack, counted only while the edits ran, per edit.
import * as fs from 'node:fs';

interface ProfileNode {
    readonly id: number;
    readonly callFrame: { readonly functionName: string };
    readonly children?: readonly number[];
}

interface CpuProfile {
    readonly nodes: readonly ProfileNode[];
    readonly startTime: number;
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

/** Phases by the functions that do them (Langium's, Chevrotain's and ours), innermost first. */
const PHASES: ReadonlyArray<readonly [string, RegExp]> = [
    ['lexing', /^(tokenize|tokenizeInternal)$/],
    ['situation analysis', /^(analyseWithPauses|analyse)$/],
    ['protocol model', /^buildProtocol$/],
    ['parsing', /^(parse|parseAsync)$/],
    ['linking and scopes', /^(link|linkNode|doLink|unlink|collectLocalSymbols|collectExportedSymbols|updateContent)$/],
    ['structural checks', /^(validateDocument|validateAst|validateAstNodes|checkNode|applyAcceptances)$/],
    ['publishing', /^(sendDiagnostics|sendNotification|handleMessage)$/],
];

/** Milliseconds of CPU per edit and phase (`garbage collection`, `idle` and `other` included), between two monotonic instants in microseconds. */
export function phasesOf(file: string, from: number, to: number, edits: number): Record<string, number> {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map(node => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const phaseOf = new Map<number, string>();
    const phase = (id: number): string => {
        const known = phaseOf.get(id);
        if (known) return known;
        const name = nodes.get(id)!.callFrame.functionName;
        const found = name === '(garbage collector)' ? 'garbage collection' : name === '(idle)' ? 'idle'
            : PHASES.find(([, pattern]) => pattern.test(name))?.[0]
            ?? (parents.has(id) ? phase(parents.get(id)!) : 'other');
        phaseOf.set(id, found);
        return found;
    };
    const totals: Record<string, number> = {};
    let time = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
        time += profile.timeDeltas[i];
        if (time < from || time > to) continue;
        const name = phase(profile.samples[i]);
        totals[name] = (totals[name] ?? 0) + profile.timeDeltas[i] / 1000 / edits;
    }
    return totals;
}
