// The model every export test feeds its consumer: each layer, containers and a lone
// resource, all four relations with weights (a reference written twice among them),
// quantities for the LQN model, and titles a format could choke on: quotes, brackets,
// markup, `|`, `#`, `$`, backslashes, creole and Markdown marks, a line break, CJK, emoji.
import type { Analysis } from '../src/analysis/scenario.js';
import { findView, type ViewChoice } from '../src/diagram/view.js';
import { type ExportGraph, exportGraph } from '../src/export/view-graph.js';
import type { BosModel } from '../src/model/model.js';
import { check } from './helpers.js';

export const HOSTILE = String.raw`package hostile
actor Consumer "消费者 \"VIP\" [a] <b>x</b> | 🎉" { uses Sales }
element Sales "销售\n第二行 #1 & $x {y} ${'$'}{z}" : sales { uses Trade.PlaceOrder, Trade }
platform Trade "交易 [中台] \"T\" 'q'" : business {
  capability PlaceOrder "下单 <br> a|b --> c" {
    runs on Cloud.DB x 2, Cloud.DB, Cloud.MQ x 0.5, Cache
    calls Stock x 3
    capacity 650k/s
    latency 150ms
    instances 1_000
  }
  capability Stock "C:\\tmp\\n -- **bold** //it// ${'`'}tick${'`'} ~x __u__ %d" {
    runs on Cloud.DB
    latency 2ms
    concurrency 64
    instances 60
  }
  capability Delay "延迟 🚚 end" { runs on Cloud.MQ latency 5ms }
}
infrastructure Cloud "阿里云 ☁️ <cloud>" {
  resource DB "PolarDB \"主库\"" : database {
    capacity 5M/s
    latency 2ms
    cost 0.06 CNY per 10k
    depends on MQ
  }
  resource MQ "RocketMQ [队列] subgraph" : messaging { capacity 10M/s }
}
resource Cache "Tair & Redis; a,b" : cache { capacity 20M/s  latency 1ms }
flow Checkout "下单链路" { from Consumer  step Trade.PlaceOrder  step Trade.Delay x 2 }
scenario Peak "双11 \"峰值\" <2020>" { load Checkout 583k/s }
view Everything "全部 «视图» \"v\" & <all>" { include * }
view Platforms "中台" { include layer platform  exclude Trade.Delay }
`;

export interface Case {
    model: BosModel;
    analysis: Analysis;
    view: ViewChoice;
    graph: ExportGraph;
}

export async function hostileCase(viewName = 'Everything'): Promise<Case> {
    const checked = await check({ 'hostile.bos': HOSTILE });
    const errors = checked.diagnostics.filter(d => d.severity === 'error');
    if (errors.length) throw new Error(`the hostile model has errors: ${JSON.stringify(errors)}`);
    const { model, analysis } = checked.result;
    const view = findView(model, viewName)!;
    return { model, analysis, view, graph: exportGraph(model, view) };
}

/** Every text a consumer must show as it is: box labels, band titles, edge labels. */
export function labelsOf(graph: ExportGraph): string[] {
    return [...graph.bands.map(b => b.title), ...graph.nodes.map(n => n.label)];
}
