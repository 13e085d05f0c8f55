// The status bar item: the model's error and warning count at a glance; a click opens
// the Problems panel. Counts come from VS Code's diagnostics, so they match Problems.
import * as vscode from 'vscode';

export function modelStatus(): vscode.Disposable {
    const item = vscode.window.createStatusBarItem('bos.status', vscode.StatusBarAlignment.Left, 10);
    item.name = 'BOS Model';
    item.command = 'workbench.actions.view.problems';
    const update = (): void => {
        let errors = 0, warnings = 0;
        for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
            if (!uri.path.endsWith('.bos')) continue;
            for (const d of diagnostics) {
                if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
                else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
            }
        }
        item.text = `$(type-hierarchy) BOS $(error) ${errors} $(warning) ${warnings}`;
        const summary = `BOS model: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
        item.tooltip = `${summary}. Click to open Problems.`;
        item.accessibilityInformation = { label: summary };
        item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    };
    update();
    item.show();
    return vscode.Disposable.from(item, vscode.languages.onDidChangeDiagnostics(update));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
