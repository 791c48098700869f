// The real pipeline on a generated text (parse, link, validate, analyse), and its findings by declaration.
import { isProtocol } from '../../../src/language/generated/ast.js';
import type { Witness } from '../../../src/analysis/findings.js';
import type { Protocol as ProtocolModel } from '../../../src/model/protocol.js';
import { buildFile, type TextDiagnostic } from '../../helpers.js';
import { Oracle } from './evaluate.js';
import type { Generated, Rendered } from './protocol.js';

export interface Checked {
    readonly diagnostics: readonly TextDiagnostic[];
    /** The normalized model the language services built, for `explain`. */
    readonly model: ProtocolModel;
    readonly oracle: Oracle;
}

// Every property runs on the same seed, so the same texts come back: each is built and brute-forced once.
const cache = new Map<string, Promise<Checked>>();

export function check(generated: Generated): Promise<Checked> {
    const { text } = generated.rendered;
    let found = cache.get(text);
    if (!found) {
        found = (async () => {
            const workspace = await buildFile(text);
            const node = workspace.documents.get('main.detente')!.parseResult.value.declarations.find(isProtocol)!;
            return {
                diagnostics: workspace.diagnostics(),
                model: workspace.services.model.ProtocolModels.forProtocol(node),
                oracle: new Oracle(generated.protocol),
            };
        })();
        cache.set(text, found);
    }
    return found;
}

export type Declaration = 'levels' | 'rules' | 'scopes' | 'offramps' | 'scenarios';

/** The diagnostics of one code on declarations of one kind, each with the index of the declaration it sits on. */
export function findings(checked: Checked, rendered: Rendered, code: string, kind: Declaration): Array<{ index: number; witness?: Witness; message: string }> {
    return checked.diagnostics
        .filter(d => d.code === code && rendered.lines[kind].includes(d.range.start.line))
        .map(d => ({
            index: rendered.lines[kind].indexOf(d.range.start.line),
            witness: (d.data as { witness?: Witness } | undefined)?.witness,
            message: d.message,
        }));
}

/** The indices of the declarations of a kind that carry a diagnostic of the code. */
export function flagged(checked: Checked, rendered: Rendered, code: string, kind: Declaration): number[] {
    return [...new Set(findings(checked, rendered, code, kind).map(f => f.index).filter(i => i >= 0))].sort((a, b) => a - b);
}

/** The lines (1-based) of the diagnostics of a code that sit on none of the declarations of the kinds given. */
export function misplaced(checked: Checked, rendered: Rendered, code: string, kinds: readonly Declaration[]): number[] {
    return checked.diagnostics
        .filter(d => d.code === code && !kinds.some(kind => rendered.lines[kind].includes(d.range.start.line)))
        .map(d => d.range.start.line + 1);
}

/** The indices in 0..n-1 that pass a test, as `flagged` lists them. */
export function where(n: number, test: (i: number) => boolean): number[] {
    return Array.from({ length: n }, (_, i) => i).filter(test);
}
