// Hover: what a declaration is (title, layer, kind, description) and, for capabilities
// and resources, its load, capacity and utilisation in every scenario. The content is
// built as blocks (markup.ts) and rendered as Markdown or plain text, as the client asks.
import type { AstNode, LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { type Hover, type HoverParams, MarkupContent, type MarkupKind } from 'vscode-languageserver';
import { money, percent, rate } from '../analysis/format.js';
import type { ScenarioResult } from '../analysis/scenario.js';
import { isDeclaration } from '../language/generated/ast.js';
import type { ModelNode } from '../model/model.js';
import type { BosServices } from '../services/bos-module.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { type Block, preferredMarkup, render } from './markup.js';

const STATUS_ICON = { ok: '🟢', headroom: '🟡', overload: '🔴', unknown: '⚪' } as const;

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
    const skipped = result.analysis.skipped;
    if (n.keyword === 'scenario') {
        const s = result.analysis.scenarios.find(x => x.scenario === n);
        if (skipped) blocks.push({ paragraph: [{ emphasis: skipped }] });
        else if (s) blocks.push(...scenarioBlocks(s));
    }
    if (n.keyword === 'capability' || n.keyword === 'resource') {
        const loads = result.loads.get(n) ?? [];
        if (skipped) blocks.push({ paragraph: [{ emphasis: skipped }] });
        else if (loads.length === 0) {
            const capacity = n.capacity?.base !== undefined ? ` Capacity ${rate(n.capacity.base)}.` : '';
            blocks.push({ paragraph: [{ emphasis: 'No scenario loads it.' }, capacity] });
        } else {
            blocks.push({
                table: {
                    columns: [
                        { title: 'scenario' },
                        { title: 'load', align: 'right' },
                        { title: 'capacity', align: 'right' },
                        { title: 'utilisation', align: 'right' },
                        { title: 'status' },
                    ],
                    rows: loads.map(({ scenario, load }) => [
                        scenario.scenario.title ?? scenario.scenario.name,
                        rate(load.load),
                        load.capacity === undefined ? '—' : rate(load.capacity),
                        load.utilisation === undefined ? '—' : percent(load.utilisation),
                        `${STATUS_ICON[load.status]} ${load.status}`,
                    ]),
                },
            });
        }
    }
    return blocks;
}

function scenarioBlocks(s: ScenarioResult): Block[] {
    const count = (status: string) => s.nodes.filter(x => x.status === status).length;
    const cost = s.costPer10k ? money(s.costPer10k.amount, s.costPer10k.currency) : '—';
    const budget = s.budgetPer10k ? money(s.budgetPer10k.amount, s.budgetPer10k.currency) : '—';
    return [
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
}
