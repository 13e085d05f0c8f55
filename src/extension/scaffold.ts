// `BOS: New Model` and `BOS: Open Example`: copy a model shipped with the extension
// (examples/starter, examples/double11) into a folder the user picks, then open it.
import * as vscode from 'vscode';

export interface Template {
    folder: string;
    label: string;
    main: string;
}

export const STARTER: Template = { folder: 'starter', label: 'Create BOS model here', main: 'model.bos' };
export const EXAMPLE: Template = {
    folder: 'double11',
    label: 'Copy the Double 11 example here',
    main: 'scenarios/double11.bos',
};

/** Copies the template into `target` (asked for when absent) without overwriting anything. */
export async function scaffold(
    context: vscode.ExtensionContext,
    template: Template,
    target?: vscode.Uri,
): Promise<void> {
    target ??= (await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: template.label,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    }))?.[0];
    if (!target) return;
    const source = vscode.Uri.joinPath(context.extensionUri, 'examples', template.folder);
    const files = await listFiles(source);
    const clashes =
        (await Promise.all(files.map(async f => (await exists(vscode.Uri.joinPath(target, f))) ? f : undefined)))
            .filter(Boolean);
    if (clashes.length) {
        void vscode.window.showErrorMessage(`Nothing was written: ${target.fsPath} already has ${clashes.join(', ')}.`);
        return;
    }
    for (const f of files) {
        await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, f), vscode.Uri.joinPath(target, f));
    }
    const main = vscode.Uri.joinPath(target, template.main);
    if (vscode.workspace.getWorkspaceFolder(main)) {
        await vscode.window.showTextDocument(main);
        await vscode.commands.executeCommand('bos.openPreview');
    } else {
        // A folder outside the workspace becomes the workspace; the window reloads, so the
        // next activation opens the main file (see openPendingFile).
        await context.globalState.update(PENDING, main.toString());
        await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
    }
}

const PENDING = 'bos.openAfterReload';

/** Opens the file a scaffold asked for before the window reloaded into its folder. */
export async function openPendingFile(context: vscode.ExtensionContext): Promise<void> {
    const pending = context.globalState.get<string>(PENDING);
    if (!pending) return;
    const uri = vscode.Uri.parse(pending);
    if (!vscode.workspace.getWorkspaceFolder(uri)) return;
    await context.globalState.update(PENDING, undefined);
    await vscode.window.showTextDocument(uri);
}

async function listFiles(dir: vscode.Uri, prefix = ''): Promise<string[]> {
    const out: string[] = [];
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
        const rel = prefix ? `${prefix}/${name}` : name;
        if (type === vscode.FileType.Directory) out.push(...await listFiles(vscode.Uri.joinPath(dir, name), rel));
        else out.push(rel);
    }
    return out;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
