// A check that throws is a bug in BOS, not in the model: the other checks still run
// (runChecks isolates it), and the user hears about it once per session, not on every
// keystroke; the log gets the stack for the bug report.
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { BosServices } from '../services/bos-module.js';
import { describeFailure } from '../services/workspace-model.js';

export function reportCheckFailures(connection: Connection, shared: LangiumSharedServices, bos: BosServices): void {
    const reported = new Set<string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        for (const failure of bos.bos.WorkspaceModel.get().failures) {
            if (reported.has(failure.check)) continue;
            reported.add(failure.check);
            const stack = failure.error instanceof Error ? `\n${failure.error.stack}` : '';
            connection.console.error(`${describeFailure(failure)}${stack}`);
            // A notification, not showErrorMessage: that one is a request some clients refuse.
            void connection.sendNotification(ShowMessageNotification.type, {
                type: MessageType.Error,
                message: `BOS: ${describeFailure(failure)}. Please report it.`,
            });
        }
    });
}
