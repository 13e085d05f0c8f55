// Handlers of the custom requests named in protocol.ts.
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { analysisJson, analysisText, PLAIN } from '../analysis/report.js';
import type { BosServices } from '../services/bos-module.js';
import { analysisPanel } from './analysis-panel.js';
import type { Comparer } from './comparer.js';
import { diagramFor } from './diagram-request.js';
import {
    ANALYSIS_PANEL_REQUEST,
    ANALYSIS_REQUEST,
    type AnalysisPanelParams,
    type AnalysisPanelResult,
    type AnalysisParams,
    type AnalysisResult,
    BASE_REFS_REQUEST,
    type BaseRefsResult,
    DIAGRAM_REQUEST,
    type DiagramParams,
    type DiagramResult,
    MODEL_CHANGED_NOTIFICATION,
} from './protocol.js';

export function registerRequests(
    connection: Connection,
    shared: LangiumSharedServices,
    bos: BosServices,
    comparer: Comparer,
): void {
    const ready = async () => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    };
    connection.onRequest(DIAGRAM_REQUEST, async (params: DiagramParams): Promise<DiagramResult> => {
        await ready();
        return diagramFor(
            params ?? {},
            bos,
            shared.workspace.LangiumDocuments,
            shared.workspace.WorkspaceManager.workspaceFolders,
            comparer,
        );
    });
    connection.onRequest(BASE_REFS_REQUEST, async (): Promise<BaseRefsResult> => {
        await shared.workspace.WorkspaceManager.ready;
        try {
            return comparer.baseRefs(shared.workspace.WorkspaceManager.workspaceFolders);
        } catch (err) {
            return { refs: [], error: err instanceof Error ? err.message : String(err) };
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(MODEL_CHANGED_NOTIFICATION, {});
    });
    connection.onRequest(ANALYSIS_PANEL_REQUEST, async (params: AnalysisPanelParams): Promise<AnalysisPanelResult> => {
        await ready();
        const theme = params?.theme === 'dark' ? 'dark' : 'light';
        return analysisPanel(bos.bos.WorkspaceModel.get(), bos.bos.Settings.defaultHeadroom, theme);
    });
    connection.onRequest(ANALYSIS_REQUEST, async (params: AnalysisParams): Promise<AnalysisResult> => {
        await ready();
        const { analysis } = bos.bos.WorkspaceModel.get();
        const scenarios = analysis.scenarios.filter(s =>
            !params.scenario || s.scenario.id === params.scenario || s.scenario.name === params.scenario
        );
        return { text: analysisText(analysis, scenarios, PLAIN), json: analysisJson(analysis, scenarios) };
    });
}
