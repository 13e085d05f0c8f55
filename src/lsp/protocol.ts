// Every custom request and notification between the server, the extension and (later)
// the webview: method names and payload types. Plain strings keep this file free of any
// particular vscode-jsonrpc copy (the client and the server each bundle their own).

export interface AnalysisParams {
    scenario?: string;
}
export interface AnalysisResult {
    text: string;
    json: unknown;
}

/** The scenario analysis of the whole workspace, as `bos analyze` prints it. */
export const ANALYSIS_REQUEST = 'bos/analysis';

export interface DiagramParams {
    /** Qualified or short view name; the first view when absent. */
    view?: string;
    /** Scenario for the overlay; absent: the view's own `overlay`; empty string: none. */
    scenario?: string;
    theme?: 'light' | 'dark';
    /** Compare with this git revision (`HEAD`, a branch, a commit) or folder: changes marked. */
    base?: string;
    /** A what-if of the preview: the same run as `bos analyze --scale … --set …`; files are untouched. */
    whatIf?: WhatIfParams;
    /** Edge bundles to draw edge by edge, by id (`bundle:FROM->TO`, diagram/bundles.ts). */
    expand?: string[];
}

/** The properties the preview's box menu sets (a subset of `bos analyze --set`'s). */
export const WHAT_IF_PROPERTIES = ['instances', 'capacity'] as const;
export type WhatIfProperty = (typeof WHAT_IF_PROPERTIES)[number];

export interface WhatIfSet {
    /** The box's qualified name (DiagramNodeSource.name): it still means the same box after an edit. */
    name: string;
    property: WhatIfProperty;
    /** As typed: a quantity as the language writes it (`1200`, `800k/s`); the server reads it. */
    value: string;
}

export interface WhatIfParams {
    /** Every load times this (1 when absent). */
    scale?: number;
    sets?: WhatIfSet[];
}

/** What the server made of a what-if: the command that replays it, or why it was refused. */
export interface WhatIfAnswer {
    /** `bos analyze --scale 1.3 --set 'tmall.….instances=1200'`; absent when refused. */
    command?: string;
    /** `what-if (files unchanged): every load ×1.3` */
    summary?: string;
    /** Why the server refused it; the diagram is then drawn without it. */
    problem?: string;
    /** Every loaded node with a capacity of the overlay's scenario is over it. */
    saturatesAll?: boolean;
}

/** A flow of the overlay's scenario: its latency against its SLO, as the what-if bar shows it. */
export interface DiagramFlow {
    name: string;
    /** `153ms`, `saturated` or `—` (no time model). */
    latency: string;
    slo?: string;
    /** As the analysis says it (FlowStatus). */
    status: 'ok' | 'over-slo' | 'saturated' | 'no-slo';
}

/** Where a diagram node's declaration is written (0-based LSP positions). */
export interface DiagramNodeSource {
    id: string;
    uri: string;
    start: { line: number; character: number };
    end: { line: number; character: number };
    /** The view id of the declaration's focus view (`focus:NAME`), opened by clicking. */
    focus?: string;
    /** Qualified name, title and keyword, for find and the box menu. */
    name?: string;
    label?: string;
    keyword?: string;
}

/** A scenario the preview's overlay picker offers. */
export interface DiagramScenario {
    id: string;
    title: string;
    /** s* as the picker shows it after the title (`s* ×1.11`); absent when no loaded node has a capacity. */
    saturation?: string;
    /** The picker's tooltip for it: how far the loads can grow and which node saturates first. */
    saturationDetail?: string;
}

export interface DiagramResult {
    svg?: string;
    /** The stylesheet of the SVG, applied by the webview (the SVG carries no <style>). */
    css?: string;
    view: string;
    /** The view's title, for the breadcrumb (a focus view is not among `views`). */
    title?: string;
    scenario?: string;
    /** Explicit views, then flows (`flow:NAME`). */
    views: { id: string; title: string }[];
    scenarios: DiagramScenario[];
    nodes: DiagramNodeSource[];
    /** Said above the picture: folded containers. */
    note?: string;
    /** Why there is no picture (layout took too long, unknown view). */
    error?: string;
    /** Syntax errors in the workspace: the preview keeps the last good picture. */
    syntaxErrors: number;
    /** Set when the picture was asked with a `base`: what it is compared with, or why it is not. */
    compare?: DiagramCompare;
    /** Present when the request asked for a what-if. */
    whatIf?: WhatIfAnswer;
    /** The overlay scenario's flows, after the what-if. */
    flows?: DiagramFlow[];
    /** How many edges the picture has: edge labels start hidden above EDGE_LABELS_UP_TO. */
    edgeCount?: number;
    /** Names the geometry: the same string means every box and edge is where it was. */
    layout?: string;
    /** The overlay alone, for a page that shows the same layout to repaint in place (a what-if step). */
    overlay?: DiagramOverlay;
    /** The bundles of `expand` this view has, drawn edge by edge. */
    expanded?: string[];
}

export interface DiagramOverlay {
    /** Each overlaid box: its status, its load line and its tooltip. */
    nodes: { id: string; status: string; text: string; title: string }[];
    /** Each labelled edge: `583k/s ×2`. */
    edges: { id: string; text: string }[];
}

/** Above this many edges the preview starts with edge labels off: they would hide the picture. */
export const EDGE_LABELS_UP_TO = 200;

/** The compare banner: counts of the view's boxes marked, or the one line why there is no comparison. */
export interface DiagramCompare {
    /** The base as asked (`main`). */
    base: string;
    /** `main (3f2a9c1)`. */
    label?: string;
    added?: number;
    changed?: number;
    removed?: number;
    /** Syntax errors of the base: its model is what parsed. */
    baseSyntaxErrors?: number;
    error?: string;
}

/** Where a comparison can start: HEAD, the local branches, recent commits. */
export interface BaseRefsResult {
    refs: { rev: string; label: string; description: string; detail?: string }[];
    /** Why there are none (the workspace is in no git repository). */
    error?: string;
}

/** The revisions the compare command offers, read by the server from the workspace's git repository. */
export const BASE_REFS_REQUEST = 'bos/baseRefs';

/** A diagram of the workspace model, laid out in a worker thread. */
export const DIAGRAM_REQUEST = 'bos/diagram';
/** Sent by the server after every build, so that open previews refresh. */
export const MODEL_CHANGED_NOTIFICATION = 'bos/modelChanged';

/**
 * The client command a "Show impact" code lens runs, with the declaration's document URI
 * and the position of its name (0-based): the extension opens the call hierarchy there.
 */
export const SHOW_IMPACT_COMMAND = 'bos.showImpact';
export type ShowImpactArguments = [uri: string, position: { line: number; character: number }];

/** The extension's command behind the `Show in diagram` lens: a view id and, optionally, a box to highlight. */
export const SHOW_IN_DIAGRAM_COMMAND = 'bos.showInDiagram';

/** How a flow's sequence view id starts (`flow:NAME`; diagram/view.ts names them). */
export const FLOW_VIEW_PREFIX = 'flow:';

/** The browser server's files, read by its client through VS Code's workspace file system. */
export const FILE_REQUEST = { read: 'bos/readFile', list: 'bos/readDirectory', stat: 'bos/stat' } as const;
export interface FileParams {
    uri: string;
}
/** The bytes, base64 (JSON carries no bytes), or why they could not be read. */
export interface ReadFileResult {
    base64?: string;
    error?: string;
}
export interface DirectoryEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
}
export interface ReadDirectoryResult {
    entries?: DirectoryEntry[];
    error?: string;
}
export interface StatResult {
    entry?: DirectoryEntry;
    error?: string;
}
/** The answer to each file request. */
export interface FileAnswers {
    'bos/readFile': ReadFileResult;
    'bos/readDirectory': ReadDirectoryResult;
    'bos/stat': StatResult;
}
/**
 * The URL of the layout worker script, asked by the browser server at its first layout:
 * the client knows how the extension is served, and reads the script only when needed.
 */
export const LAYOUT_WORKER_REQUEST = 'bos/layoutWorker';
export interface LayoutWorkerResult {
    url?: string;
    error?: string;
}

/** Messages from the extension to the preview webview. */
export type ToWebview =
    | { type: 'diagram'; diagram: DiagramResult }
    | { type: 'highlight'; node?: string }
    | { type: 'exportPng' };

/** Messages from the preview webview to the extension. */
export type FromWebview =
    | { type: 'ready' }
    | { type: 'reveal'; node: string }
    | { type: 'choose'; view?: string; scenario?: string }
    | { type: 'whatIf'; whatIf: WhatIfParams }
    | { type: 'copyWhatIf' }
    | { type: 'exportPng'; dataUrl: string }
    | { type: 'stopCompare' }
    | { type: 'expand'; bundles: string[] };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
/** An object whose `required` fields are strings and whose `optional` ones are strings or absent. */
function hasStrings(
    v: unknown,
    required: readonly string[],
    optional: readonly string[] = [],
): v is Record<string, unknown> {
    return isObject(v) && required.every(k => typeof v[k] === 'string') && optional.every(k => optionalString(v[k]));
}
const arrayOf = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.every(ok);

/** Accepts only well-formed messages from the webview; anything else is ignored. */
export function parseFromWebview(m: unknown): FromWebview | undefined {
    if (!isObject(m)) return undefined;
    switch (m.type) {
        case 'ready':
            return { type: 'ready' };
        case 'stopCompare':
            return { type: 'stopCompare' };
        case 'reveal':
            return typeof m.node === 'string' && /^n\d+$/.test(m.node) ? { type: 'reveal', node: m.node } : undefined;
        case 'choose':
            return optionalString(m.view) && optionalString(m.scenario)
                ? { type: 'choose', view: m.view as string | undefined, scenario: m.scenario as string | undefined }
                : undefined;
        case 'whatIf':
            return isWhatIf(m.whatIf) ? { type: 'whatIf', whatIf: m.whatIf } : undefined;
        case 'copyWhatIf':
            return { type: 'copyWhatIf' };
        case 'expand':
            return arrayOf(m.bundles, isBundleId) && (m.bundles as unknown[]).length <= 100
                ? { type: 'expand', bundles: m.bundles as string[] }
                : undefined;
        case 'exportPng':
            return typeof m.dataUrl === 'string' && m.dataUrl.startsWith('data:image/png;base64,')
                ? { type: 'exportPng', dataUrl: m.dataUrl }
                : undefined;
        default:
            return undefined;
    }
}

const isBundleId = (b: unknown) => typeof b === 'string' && b.startsWith('bundle:') && b.length <= 2000;

/** A scale that is a number (the server judges its range) and sets naming a declaration, a property and a text. */
function isWhatIf(w: unknown): w is WhatIfParams {
    const set = (x: unknown) =>
        hasStrings(x, ['name', 'property', 'value']) && (x.name as string).length <= 1000
        && (WHAT_IF_PROPERTIES as readonly unknown[]).includes(x.property) && (x.value as string).length <= 100;
    return isObject(w) && (w.scale === undefined || typeof w.scale === 'number')
        && (w.sets === undefined || (arrayOf(w.sets, set) && (w.sets as unknown[]).length <= 100));
}

/** Accepts only well-formed messages from the extension; anything else is ignored. */
export function parseToWebview(m: unknown): ToWebview | undefined {
    if (!isObject(m)) return undefined;
    if (m.type === 'highlight') {
        return optionalString(m.node)
            ? { type: 'highlight', node: m.node as string | undefined }
            : undefined;
    }
    if (m.type === 'exportPng') return { type: 'exportPng' };
    if (m.type === 'diagram' && isDiagram(m.diagram)) return { type: 'diagram', diagram: m.diagram };
    return undefined;
}

/** What the webview draws from: every label a string, every list of the right shape. */
function isDiagram(d: unknown): d is DiagramResult {
    return hasStrings(d, ['view'], ['svg', 'css', 'scenario', 'note', 'error', 'title'])
        && arrayOf(d.views, v => hasStrings(v, ['id', 'title']))
        && arrayOf(d.scenarios, v => hasStrings(v, ['id', 'title'], ['saturation', 'saturationDetail']))
        && arrayOf(d.nodes, n => hasStrings(n, ['id'], ['focus', 'name', 'label', 'keyword']))
        && (d.flows === undefined
            || arrayOf(d.flows, f => hasStrings(f, ['name', 'latency', 'status'], ['slo'])))
        && (d.whatIf === undefined || hasStrings(d.whatIf, [], ['command', 'summary', 'problem']))
        && (d.edgeCount === undefined || Number.isInteger(d.edgeCount))
        && optionalString(d.layout)
        && (d.expanded === undefined || arrayOf(d.expanded, isBundleId))
        && (d.overlay === undefined || (isObject(d.overlay)
            && arrayOf(d.overlay.nodes, n => hasStrings(n, ['id', 'status', 'text', 'title']))
            && arrayOf(d.overlay.edges, e => hasStrings(e, ['id', 'text']))))
        // A count, drawn into the banner; absent reads as none.
        && (d.syntaxErrors === undefined || isCount(d.syntaxErrors))
        && (d.compare === undefined || isCompare(d.compare));
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function isCompare(c: unknown): c is DiagramCompare {
    return hasStrings(c, ['base'], ['label', 'error'])
        && ['added', 'changed', 'removed', 'baseSyntaxErrors'].every(k => c[k] === undefined || isCount(c[k]));
}

/** The analysis panel (**BOS: Show Scenario Analysis**): per scenario, what it draws; every number already text. */
export const ANALYSIS_PANEL_REQUEST = 'bos/analysisPanel';

export interface AnalysisPanelParams {
    theme?: 'light' | 'dark';
}

export interface PanelRow {
    /** The declaration's id in `sources` (`n<model index>`): a click reveals it. */
    id: string;
    name: string;
    cells: string[];
    status: string;
    /** SVG: the row's bar (utilisation, or latency against the SLO), from diagram/charts.ts. */
    bar?: string;
}

export interface PanelScenario {
    id: string;
    title: string;
    /** `4.79M/s transactions, headroom 20%, s* ×1.11, bottleneck PlaceOrder` */
    summary: string;
    nodes: PanelRow[];
    flows: PanelRow[];
    /** `0.1007 CNY per 10k transactions, budget 0.5 CNY`, with its bar. */
    cost?: { text: string; bar?: string; over: boolean };
    /** SVG: the sweep, latency and bottleneck utilisation against load, the knee marked. */
    sweep?: string;
}

export interface AnalysisPanelResult {
    scenarios: PanelScenario[];
    /** Why there is nothing to show (a dependency cycle, no scenario). */
    note?: string;
    /** Where each row's declaration is written, for reveal; the page does not read it. */
    sources: DiagramNodeSource[];
}

export type ToAnalysisPanel = { type: 'analysis'; analysis: AnalysisPanelResult };

/** Accepts only a well-formed analysis for the panel: every label a string. */
export function parseToAnalysisPanel(m: unknown): ToAnalysisPanel | undefined {
    if (!isObject(m) || m.type !== 'analysis' || !isObject(m.analysis)) return undefined;
    const a = m.analysis;
    const row = (r: unknown) =>
        hasStrings(r, ['id', 'name', 'status'], ['bar']) && arrayOf(r.cells, c => typeof c === 'string');
    const scenario = (s: unknown) =>
        hasStrings(s, ['id', 'title', 'summary'], ['sweep']) && arrayOf(s.nodes, row) && arrayOf(s.flows, row)
        && (s.cost === undefined || hasStrings(s.cost, ['text'], ['bar']));
    return optionalString(a.note) && arrayOf(a.scenarios, scenario) && Array.isArray(a.sources)
        ? { type: 'analysis', analysis: a as unknown as AnalysisPanelResult }
        : undefined;
}
