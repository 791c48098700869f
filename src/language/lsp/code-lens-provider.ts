// A code lens over each protocol: its rules and findings at a glance (accepted findings apart), its
// scenarios' verdicts (a scenario that could not run is not counted as failed), and the decision table preview. The lens is asked for once the document is validated (see main.ts), and the
// server asks the editor to refresh lenses after every validation, so that the counts are those of the
// findings shown, analysis included.
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import type { Compilations } from '../compilations.js';
import type { DetenteServices } from '../detente-module.js';
import { isProtocol, isRule, type Protocol, type ProtocolFile } from '../generated/ast.js';
import type { ProtocolModels } from '../protocol-models.js';

/** Commands the VS Code extension provides; other clients show the lenses' titles. */
export const PREVIEW_COMMAND = 'detente.openPreview';
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';
const TESTING_COMMAND = 'workbench.view.testing.focus';

export class DetenteCodeLensProvider implements CodeLensProvider {
    protected readonly models: ProtocolModels;
    protected readonly compilations: Compilations;

    constructor(services: DetenteServices) {
        this.models = services.model.ProtocolModels;
        this.compilations = services.model.Compilations;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const file = document.parseResult.value as ProtocolFile;
        const lenses: CodeLens[] = [];
        for (const protocol of file.declarations.filter(isProtocol)) {
            const cst = protocol.$cstNode;
            if (!cst) continue;
            const rules = protocol.members.filter(isRule).length;
            const inside = (document.diagnostics ?? []).filter(d => d.range.start.line >= cst.range.start.line && d.range.end.line <= cst.range.end.line);
            const accepted = inside.filter(d => (d.data as { accepted?: unknown } | undefined)?.accepted !== undefined).length;
            const open = inside.filter(d => (d.data as { accepted?: unknown } | undefined)?.accepted === undefined);
            const count = (severity: number, noun: string) => {
                const n = open.filter(d => (d.severity ?? 1) === severity).length;
                return n > 0 ? `${n} ${noun}${n === 1 ? '' : 's'}` : undefined;
            };
            const findings = [count(1, 'error'), count(2, 'warning'), count(3, 'info')].filter(Boolean).join(', ') || 'no findings';
            const range = { start: cst.range.start, end: cst.range.start };
            lenses.push(
                { range, command: { title: `${rules} rule${rules === 1 ? '' : 's'} · ${findings}${accepted > 0 ? ` · ${accepted} accepted` : ''}`, command: PROBLEMS_COMMAND } },
            );
            const scenarios = this.scenarios(protocol);
            if (scenarios) lenses.push({ range, command: { title: scenarios, command: TESTING_COMMAND } });
            lenses.push({ range, command: { title: 'Preview decision table', command: PREVIEW_COMMAND, arguments: [document.uri.toString(), protocol.name] } });
        }
        return lenses;
    }

    /** `3 scenarios: 2 passed, 1 not run`, as the Test Explorer counts them; none for a protocol without scenarios. */
    protected scenarios(node: Protocol): string | undefined {
        const model = this.models.forProtocol(node);
        if (model.scenarios.length === 0) return undefined;
        const verdicts = this.compilations.verdicts(model);
        const counts = (['passed', 'failed', 'not run'] as const)
            .map(state => [state, verdicts.filter(v => v.state === state).length] as const)
            .filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`);
        return `${verdicts.length} scenario${verdicts.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
    }
}
