// Hover: what a declaration is (title, layer, kind, description); for capabilities and
// resources, their load, capacity, utilisation and, with a time model, R, P(wait) and
// servers in every scenario; for flows, their latency against the SLO; for scenarios,
// a summary with s*. The content is built as blocks (markup.ts) and rendered as
// Markdown or plain text, as the client asks.
import type { AstNode, LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { type Hover, type HoverParams, MarkupContent, type MarkupKind } from 'vscode-languageserver';
import { duration, money, percent, rate, scaled } from '../analysis/format.js';
import type { FlowResult, FlowStatus, NodeLoad, ScenarioLoad, ScenarioResult } from '../analysis/scenario.js';
import { isDeclaration } from '../language/generated/ast.js';
import type { ModelNode } from '../model/model.js';
import type { BosServices } from '../services/bos-module.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { type Block, type Column, preferredMarkup, render } from './markup.js';
import { flowInScenarios, saturationText, type ScenarioFlow } from './scenario-choice.js';

const STATUS_ICON = { ok: '🟢', headroom: '🟡', overload: '🔴', unknown: '⚪' } as const;
const FLOW_STATUS: Readonly<Record<FlowStatus, string>> = {
    ok: '🟢 within SLO',
    'over-slo': '🔴 over SLO',
    saturated: '🔴 saturated',
    'no-slo': '⚪ no SLO',
};

export class BosHoverProvider extends AstNodeHoverProvider {
    private readonly bos: BosServices;
    /** The client's first choice of `hover.contentFormat` that we write. */
    private kind: MarkupKind = 'markdown';

    constructor(services: BosServices) {
        super(services);
        this.bos = services;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.kind = preferredMarkup(params.capabilities.textDocument?.hover?.contentFormat);
        });
    }

    /** Langium labels every hover Markdown; ours is written in the client's format. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await super.getHoverContent(document, params);
        if (hover && MarkupContent.is(hover.contents)) {
            hover.contents = { kind: this.kind, value: hover.contents.value };
        }
        return hover;
    }

    /** BOS keywords carry no documentation: every hover is a declaration's. */
    protected override getKeywordHoverContent(): undefined {
        return undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (!isDeclaration(node)) return undefined;
        const result = this.bos.bos.WorkspaceModel.get();
        const n = result.model.byAst.get(node);
        return n && render(hoverBlocks(n, result), this.kind);
    }
}

function hoverBlocks(n: ModelNode, result: WorkspaceResult): Block[] {
    const blocks: Block[] = [
        { paragraph: [{ strong: n.keyword }, ' ', { code: n.id ?? n.name }, n.title ? ` — ${n.title}` : ''] },
    ];
    const facts = [n.layer && `layer: ${n.layer}`, n.kind && `kind: ${n.kind}`, n.owner && `owner: ${n.owner}`];
    if (facts.some(Boolean)) blocks.push({ paragraph: [facts.filter(Boolean).join(' · ')] });
    if (n.description) blocks.push({ paragraph: [n.description] });
    const analysed = n.keyword === 'scenario' || n.keyword === 'flow' || n.keyword === 'capability'
        || n.keyword === 'resource';
    const skipped = result.analysis.skipped;
    if (analysed && skipped) blocks.push({ paragraph: [{ emphasis: skipped }] });
    else if (n.keyword === 'scenario') {
        const s = result.analysis.scenarios.find(x => x.scenario === n);
        if (s) blocks.push(...scenarioBlocks(s));
    } else if (n.keyword === 'flow') blocks.push(flowBlock(n, flowInScenarios(result, n)));
    else if (n.keyword === 'capability' || n.keyword === 'resource') {
        blocks.push(nodeBlock(n, result.loads.get(n) ?? []));
    }
    return blocks;
}

/** Load against capacity in every scenario; R, P(wait) and servers too when the node has a time model. */
function nodeBlock(n: ModelNode, loads: readonly ScenarioLoad[]): Block {
    if (loads.length === 0) {
        const capacity = n.capacity?.base !== undefined ? ` Capacity ${rate(n.capacity.base)}.` : '';
        return { paragraph: [{ emphasis: 'No scenario loads it.' }, capacity] };
    }
    const timed = loads.some(({ load }) => load.latency !== null);
    const columns: Column[] = [
        { title: 'scenario' },
        { title: 'load', align: 'right' },
        { title: 'capacity', align: 'right' },
        { title: 'utilisation', align: 'right' },
        ...(timed
            ? [
                { title: 'R', align: 'right' },
                { title: 'P(wait)', align: 'right' },
                { title: 'servers', align: 'right' },
            ] satisfies Column[]
            : []),
        { title: 'status' },
    ];
    const rows = loads.map(({ scenario, load }) => [
        scenario.scenario.title ?? scenario.scenario.name,
        rate(load.load),
        load.capacity === undefined ? '—' : rate(load.capacity),
        load.utilisation === undefined ? '—' : percent(load.utilisation),
        ...(timed ? timeCells(load) : []),
        `${STATUS_ICON[load.status]} ${load.status}${timed && load.saturated ? ' · saturated' : ''}`,
    ]);
    return { table: { columns, rows } };
}

/** R, P(wait) and servers (`N × k` with instances); ∞ once saturated, — where the model has none. */
function timeCells(load: NodeLoad): string[] {
    const p = load.waitProbability;
    const servers = load.servers === null
        ? '—'
        : load.instances === null
        ? scaled(load.servers)
        : `${scaled(load.instances)} × ${scaled(load.servers)}`;
    return [
        load.saturated ? '∞' : load.responseTime === null ? '—' : duration(load.responseTime),
        // A chance too small for one decimal is still a chance.
        p === null ? '—' : p > 0 && p < 0.0005 ? '<0.1%' : percent(p),
        servers,
    ];
}

/** The flow's latency against its SLO in every scenario that loads it, and the node that adds most. */
function flowBlock(n: ModelNode, flows: readonly ScenarioFlow[]): Block {
    const slo = n.slo?.base;
    if (flows.length === 0) {
        return {
            paragraph: [{ emphasis: 'No scenario loads it.' }, slo === undefined ? '' : ` SLO ${duration(slo)}.`],
        };
    }
    return {
        table: {
            columns: [
                { title: 'scenario' },
                { title: 'rate', align: 'right' },
                { title: 'latency', align: 'right' },
                { title: 'SLO', align: 'right' },
                { title: 'status' },
                { title: 'adds most' },
            ],
            rows: flows.map(({ scenario, flow }) => [
                scenario.scenario.title ?? scenario.scenario.name,
                rate(flow.rate),
                latencyText(flow),
                flow.slo === null ? '—' : duration(flow.slo),
                FLOW_STATUS[flow.status],
                slowestText(flow),
            ]),
        },
    };
}

/** ∞ when saturated; `≥` when a visited node has no time model, so the sum leaves it out. */
function latencyText(f: FlowResult): string {
    if (f.saturated) return '∞';
    if (f.latency === null) return '—';
    return `${f.complete ? '' : '≥ '}${duration(f.latency)}`;
}

function slowestText(f: FlowResult): string {
    if (!f.slowest) return '—';
    return `${f.slowest.name} (${f.slowestAdds === null ? 'saturated' : duration(f.slowestAdds)})`;
}

function scenarioBlocks(s: ScenarioResult): Block[] {
    const count = (status: string) => s.nodes.filter(x => x.status === status).length;
    const cost = s.costPer10k ? money(s.costPer10k.amount, s.costPer10k.currency) : '—';
    const budget = s.budgetPer10k ? money(s.budgetPer10k.amount, s.budgetPer10k.currency) : '—';
    const blocks: Block[] = [
        { paragraph: [`${rate(s.transactionsPerSecond)} transactions · headroom ${percent(s.headroom)}`] },
        { paragraph: [`cost per 10k transactions: ${cost} · budget: ${budget}`] },
        {
            paragraph: [
                `${s.nodes.length} loaded · 🔴 ${count('overload')} overloaded · 🟡 ${
                    count('headroom')
                } within headroom`
                + ` · ⚪ ${count('unknown')} without capacity`,
            ],
        },
    ];
    const saturation = saturationText(s);
    if (saturation && s.bottleneck) {
        const missed = s.missedSlos.length;
        blocks.push({
            paragraph: [
                `${saturation} · bottleneck ${s.bottleneck.name}`,
                missed ? ` · 🔴 ${missed} ${missed === 1 ? 'flow misses its' : 'flows miss their'} SLO` : '',
            ],
        });
    }
    return blocks;
}
