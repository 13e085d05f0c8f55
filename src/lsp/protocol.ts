// Every custom request and notification between the server, the extension and (later)
// the webview: method names and payload types. Plain strings keep this file free of any
// particular vscode-jsonrpc copy (the client and the server each bundle their own).

export interface AnalysisParams { scenario?: string }
export interface AnalysisResult { text: string; json: unknown }

/** The scenario analysis of the whole workspace, as `bos analyze` prints it. */
export const ANALYSIS_REQUEST = 'bos/analysis';
