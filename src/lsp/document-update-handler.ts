// Files changed on disk (a `git checkout`, a generator): the client watches `**/*.bos`
// when it can register watchers at run time; when it cannot (Neovim 0.7 has no
// `workspace/didChangeWatchedFiles`), the server looks for changes itself (file-poller.ts).
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { FilePoller } from './file-poller.js';

export class BosDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(services: LangiumSharedServices) {
        super(services);
        let clientWatches = false;
        services.lsp.LanguageServer.onInitialize(params => {
            clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
        });
        services.lsp.LanguageServer.onInitialized(() => {
            if (!clientWatches) {
                void this.workspaceManager.ready.then(() =>
                    new FilePoller(services, changes => this.didChangeWatchedFiles({ changes })).start()
                );
            }
        });
    }

    /** Model files only: Langium asks for every file, which the editor then reports to no purpose. */
    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.bos' }];
    }
}
