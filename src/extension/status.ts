// The status bar item: the findings of the active protocol file; red past the warning threshold.
import * as vscode from 'vscode';

export function registerStatusBar(): vscode.Disposable[] {
    const item = vscode.window.createStatusBarItem('detente.findings', vscode.StatusBarAlignment.Left, 50);
    item.name = 'Détente findings';
    item.command = 'workbench.actions.view.problems';
    const update = () => {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId !== 'detente') {
            item.hide();
            return;
        }
        const diagnostics = vscode.languages.getDiagnostics(document.uri);
        const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
        const warnings = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length;
        const maxWarnings = vscode.workspace.getConfiguration('detente').get<number | null>('maxWarnings', null);
        const failing = errors > 0 || (maxWarnings !== null && warnings > maxWarnings);
        item.text = errors + warnings === 0 ? '$(pass) Détente' : `$(error) ${errors} $(warning) ${warnings}`;
        item.tooltip = `Détente: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in this file` +
            (maxWarnings !== null ? ` (at most ${maxWarnings} warning${maxWarnings === 1 ? '' : 's'} allowed)` : '');
        item.backgroundColor = failing ? new vscode.ThemeColor(errors > 0 ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground') : undefined;
        item.show();
    };
    update();
    return [
        item,
        vscode.window.onDidChangeActiveTextEditor(update),
        vscode.languages.onDidChangeDiagnostics(update),
        vscode.workspace.onDidChangeConfiguration(event => event.affectsConfiguration('detente.maxWarnings') && update()),
    ];
}
