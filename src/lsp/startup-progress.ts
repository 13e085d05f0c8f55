// Progress for the first check of the workspace, which takes seconds on a large model:
// the editor shows "BOS: checking the model 40%" until every file is validated.
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, InitializeParams } from 'vscode-languageserver';

export function reportStartupProgress(connection: Connection, shared: LangiumSharedServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        supported = !!params.capabilities.window?.workDoneProgress;
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!supported) return;
        void (async () => {
            const progress = await connection.window.createWorkDoneProgress();
            progress.begin('BOS', 0, 'checking the model', false);
            let done = 0;
            const counting = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
                const total = shared.workspace.LangiumDocuments.all.count();
                progress.report(
                    Math.round((++done / Math.max(1, total)) * 100),
                    `checking the model (${done}/${total} files)`,
                );
            });
            try {
                await shared.workspace.WorkspaceManager.ready;
                await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
            } finally {
                counting.dispose();
                progress.done();
            }
        })();
    });
}
