// Handlers of the custom requests named in protocol.ts.
import type { Connection } from 'vscode-languageserver';
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { BosServices } from '../services/bos-module.js';
import { analysisJson, analysisText, PLAIN } from '../analysis/report.js';
import { ANALYSIS_REQUEST, type AnalysisParams, type AnalysisResult } from './protocol.js';

export function registerRequests(connection: Connection, shared: LangiumSharedServices, bos: BosServices): void {
    connection.onRequest(ANALYSIS_REQUEST, async (params: AnalysisParams): Promise<AnalysisResult> => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        const { analysis } = bos.bos.WorkspaceModel.get();
        const scenarios = analysis.scenarios.filter(s => !params.scenario || s.scenario.id === params.scenario || s.scenario.name === params.scenario);
        return { text: analysisText(analysis, scenarios, PLAIN), json: analysisJson(analysis, scenarios) };
    });
}
