// A code lens over each protocol: its rules and findings at a glance (accepted findings apart), and the
// decision table preview. The lens is asked for once the document is validated (see main.ts), and the
// server asks the editor to refresh lenses after every validation, so that the counts are those of the
// findings shown, analysis included.
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { isProtocol, isRule, type ProtocolFile } from '../generated/ast.js';

/** Commands the VS Code extension provides; other clients show the lenses' titles. */
export const PREVIEW_COMMAND = 'detente.openPreview';
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';

export class DetenteCodeLensProvider implements CodeLensProvider {
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
                { range, command: { title: 'Preview decision table', command: PREVIEW_COMMAND, arguments: [document.uri.toString(), protocol.name] } },
            );
        }
        return lenses;
    }
}
