// Drill-down focus views and flow sequence views (issue 13): which declarations a focus
// shows, the sequence's rows and its waterfall against the analysis, names, bad input,
// the lenses that open them, the server's answer, and `bos render --focus/--flow`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { focusMembers, focusViews } from '../src/diagram/focus.js';
import { render } from '../src/diagram/render.js';
import { MAX_ROWS, sequenceOf } from '../src/diagram/sequence.js';
import { chooseView, FLOW_PREFIX, flowViews, select } from '../src/diagram/view.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import { FLOW_VIEW_PREFIX } from '../src/lsp/protocol.js';
import type { BosModel } from '../src/model/model.js';
import { bos } from './bos-process.js';
import { editor, textDocument } from './editor-helpers.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';
import { exampleCopy, tempFiles } from './temp.js';

const example = async () => (await check(exampleFiles())).result;
const names = (model: BosModel, id: string) => {
    const view = chooseView(model, id);
    if (typeof view === 'string') throw new Error(view);
    return select(model, view).map(n => n.id);
};

describe('focus views', () => {
    it('show the declaration, its children, and one step of dependencies either way', async () => {
        const { model } = await example();
        const shown = names(model, 'focus:tmall.platforms.Business');
        // Its capabilities, the elements that use them, the resources they run on (with their
        // groups), and RoutePlanning, which Fulfil calls (with its platform); nothing further.
        expect(shown).toEqual(expect.arrayContaining([
            'tmall.platforms.Business.PlaceOrder',
            'tmall.commerce.Sales',
            'tmall.cloud.AlibabaCloud',
            'tmall.cloud.AlibabaCloud.PolarDB',
            'tmall.platforms.Intelligence.RoutePlanning',
            'tmall.platforms.Intelligence',
        ]));
        expect(shown).not.toContain('tmall.platforms.Intelligence.Recommend');
        expect(shown).not.toContain('tmall.cloud.AlibabaCloud.VPC'); // two steps away
        expect(shown).not.toContain('tmall.commerce.Consumer');
        const pay = names(model, 'focus:tmall.platforms.Business.Pay');
        expect(pay).toContain('tmall.cloud.AlibabaCloud.WAF');
        expect(pay).not.toContain('tmall.platforms.Business.PlaceOrder'); // a sibling, not a dependency
    });

    it('draw no edge for a sibling the focus leaves out', async () => {
        const { model, analysis } = await example();
        const view = chooseView(model, 'focus:Business.Pay');
        if (typeof view === 'string') throw new Error(view);
        const { diagram } = await render({ model, analysis, view, theme: 'light', layout: { timeoutMs: 30_000 } });
        const byId = new Map(diagram.nodes.map(n => [n.id, n.name]));
        const edges = diagram.edges.map(e => `${byId.get(e.source)} ${e.kind} ${byId.get(e.target)}`);
        expect(edges).toContain('tmall.platforms.Business.Pay runs on tmall.cloud.AlibabaCloud.PolarDB');
        expect(edges.filter(e => e.startsWith('tmall.platforms.Business '))).toEqual([]);
        expect(diagram.title).toBe('Focus: 支付');
    });

    it('are named focus:NAME, by qualified or short name, refusing an ambiguous or unknown one', async () => {
        const { model } = (await check({
            'a.bos': 'package a\nplatform P : business { capability Pay }\nplatform Q : business { capability Pay }\n',
        })).result;
        expect(focusViews(model).map(v => v.id)).toEqual(['focus:a.P', 'focus:a.P.Pay', 'focus:a.Q', 'focus:a.Q.Pay']);
        expect((chooseView(model, 'focus:Q.Pay') as { id: string }).id).toBe('focus:a.Q.Pay');
        expect(chooseView(model, 'focus:Pay')).toBe("'Pay' names several declarations: a.P.Pay, a.Q.Pay");
        expect(chooseView(model, 'focus:Gone')).toBe(
            "no declaration named 'Gone' to focus on (it may have been renamed or deleted)",
        );
    });

    it('look one step either way in a large model', async () => {
        const lines = ['package big', 'platform P : business {'];
        for (let i = 0; i < 2000; i++) lines.push(`  capability C${i} { calls C${(i + 1) % 2000 === 0 ? 1 : i + 1} }`);
        lines.push('}');
        const { model } = (await check({ 'big.bos': lines.join('\n') })).result;
        const c = model.byId.get('big.P.C10')!;
        expect([...focusMembers(model, c)].map(n => n.id).sort()).toEqual(['big.P.C10', 'big.P.C11', 'big.P.C9']);
    });
});

describe('flow sequence views', () => {
    it("lists the step capabilities as lifelines and every visit beneath, each visit's share adding up to R(F)", async () => {
        const { model, analysis } = await example();
        const flow = model.byId.get('tmall.scenarios.Checkout')!;
        const peak = analysis.scenarios.find(s => s.scenario.name === 'Double11Peak')!;
        const seq = sequenceOf(flow, peak);
        expect(seq.actor?.id).toBe('tmall.commerce.Consumer');
        expect(seq.lifelines.map(n => n.name)).toEqual(['PlaceOrder', 'Pay']);
        expect(seq.rows.slice(0, 4).map(r => `${r.depth} ${r.relation} ${r.node.name} ×${r.visits}`)).toEqual([
            '0 step PlaceOrder ×1',
            '1 runs on ECS ×1',
            '2 depends on VPC ×1',
            '1 runs on PolarDB ×2',
        ]);
        const total = seq.rows.reduce((s, r) => s + (r.share ?? 0), 0);
        expect(total).toBeCloseTo(seq.result!.latency!, 9);
        expect(seq.result!.slowest?.name).toBe('Pay');
    });

    it('draws the waterfall, the SLO line and the node that adds most; without a scenario, no times', async () => {
        const { model, analysis } = await example();
        const view = chooseView(model, 'flow:Checkout');
        if (typeof view === 'string') throw new Error(view);
        const timed = await render({ model, analysis, view, theme: 'light', layout: { timeoutMs: 1000 } });
        expect(timed.diagram.scenario).toBe('tmall.scenarios.Double11Peak'); // the first that loads it
        expect(timed.svg).toContain('SLO 500ms');
        expect(timed.svg).toContain('R(F) 401ms against SLO 500ms (80.3% of it) · ok');
        expect(timed.svg).toContain('adds most: 支付 · 200ms (49.8%)');
        expect(timed.svg.match(/class="bos-seq-top"/g)?.length).toBe(1);
        const bare = await render({
            model,
            analysis,
            view,
            noOverlay: true,
            theme: 'dark',
            layout: { timeoutMs: 1000 },
        });
        expect(bare.svg).not.toContain('class="bos-seq-bar"');
        expect(bare.svg).not.toContain('SLO');
        expect(bare.svg).toContain('runs on PolarDB 云原生数据库 ×2');
        expect(flowViews(model).map(v => v.title)).toContain('Flow: 下单链路');
    });

    it('says which steps name nothing, escapes every label, and survives a cycle and a huge fan-out', async () => {
        const hostile = '<script>alert(1)</script>';
        const { model, analysis } = (await check({
            'a.bos': [
                'package a',
                `actor U ${JSON.stringify(hostile)}`,
                'platform P : business { capability A { calls B }  capability B { calls A } }',
                'flow F { from U  step P.A  step P.Missing  step Nothing }',
            ].join('\n'),
        })).result;
        const view = chooseView(model, 'flow:F');
        if (typeof view === 'string') throw new Error(view);
        const r = await render({ model, analysis, view, theme: 'light', layout: { timeoutMs: 1000 } });
        expect(r.diagram.note).toBe('2 steps of a.F name no capability and are left out: P.Missing, Nothing');
        expect(r.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(r.svg).not.toContain('<script>');
        // A calls B calls A: the second A is drawn once more and not entered.
        expect(sequenceOf(model.byId.get('a.F')!).rows.map(x => x.node.name)).toEqual(['A', 'B', 'A']);
        const wide = ['package w', 'infrastructure I { resource R : compute }', 'platform P : business {'];
        for (let i = 0; i < 12; i++) wide.push(`  capability C${i} { calls C${i + 1}, C${i + 1}  runs on I.R }`);
        wide.push('  capability C12 { runs on I.R }', '}', 'flow W { step P.C0 }');
        const w = await check({ 'w.bos': wide.join('\n') });
        const seq = sequenceOf(w.result.model.byId.get('w.W')!);
        expect(seq.rows.length).toBe(MAX_ROWS);
        expect(seq.truncated).toBe(true);
    });
});

describe('in the editor', () => {
    it('offers Show in diagram over declarations and Show sequence over flows', async () => {
        const e = await editor(exampleFiles());
        const doc = [...e.docs.entries()].find(([name]) => name.endsWith('double11.bos'))![1];
        const lenses = await e.Bos.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: textDocument(doc) });
        const shows = (lenses ?? []).filter(l => l.command?.command === 'bos.showInDiagram');
        expect(shows.map(l => `${l.command!.title} ${l.command!.arguments![0]}`)).toEqual([
            'Show sequence flow:tmall.scenarios.Browse',
            'Show sequence flow:tmall.scenarios.Checkout',
            'Show sequence flow:tmall.scenarios.Deliver',
            'Show sequence flow:tmall.scenarios.Checkout2016',
        ]);
        const platforms = [...e.docs.entries()].find(([name]) => name.endsWith('business.bos'))![1];
        const over = await e.Bos.lsp.CodeLensProvider!.provideCodeLens(platforms, {
            textDocument: textDocument(platforms),
        });
        const first = over!.find(l => l.command?.command === 'bos.showInDiagram')!;
        expect(first.command!.arguments).toEqual(['focus:tmall.platforms.Business', expect.stringMatching(/^n\d+$/)]);
    });

    it('answers a focus or flow view, and says so when its declaration is gone', async () => {
        const e = await editor(exampleFiles());
        const documents = e.Bos.shared.workspace.LangiumDocuments;
        const focus = await diagramFor({ view: 'focus:Business' }, e.Bos, documents);
        expect(focus.view).toBe('focus:tmall.platforms.Business');
        expect(focus.title).toBe('Focus: 业务中台');
        expect(focus.nodes.find(n => n.focus === 'focus:tmall.platforms.Business.PlaceOrder')).toBeDefined();
        expect(focus.views.map(v => v.id)).toContain('flow:tmall.scenarios.Checkout');
        const flow = await diagramFor({ view: 'flow:tmall.scenarios.Checkout' }, e.Bos, documents);
        expect(flow.svg).toContain('bos-sequence');
        // The extension (which may import only the protocol) knows a flow's view by the same prefix.
        expect(FLOW_VIEW_PREFIX).toBe(FLOW_PREFIX);
        const gone = await diagramFor({ view: 'focus:tmall.platforms.Gone' }, e.Bos, documents);
        expect(gone.svg).toBeUndefined();
        expect(gone.error).toBe(
            "no declaration named 'tmall.platforms.Gone' to focus on (it may have been renamed or deleted)",
        );
    });
});

describe('bos render --focus and --flow', () => {
    it('writes the focus view and the sequence view of the example', () => {
        const dir = exampleCopy('explore');
        const focus = bos(dir, ['render', '--focus', 'Business', '-o', 'business.svg']);
        expect(focus).toMatchObject({ code: 0, out: 'business.svg: view focus:tmall.platforms.Business\n', err: '' });
        expect(readFileSync(join(dir, 'business.svg'), 'utf8')).toContain('data-view="focus:tmall.platforms.Business"');
        const flow = bos(dir, ['render', '--flow', 'Checkout', '--scenario', 'Double11Peak', '-o', 'checkout.svg']);
        expect(flow.out).toBe(
            'checkout.svg: view flow:tmall.scenarios.Checkout with the tmall.scenarios.Double11Peak overlay\n',
        );
        expect(readFileSync(join(dir, 'checkout.svg'), 'utf8')).toContain('R(F) 401ms');
    });

    it('refuses an unknown, ambiguous or doubled choice in one line (exit 2), and notes unresolved steps', () => {
        const dir = tempFiles('explore-bad', {
            'a.bos': 'package a\nplatform P : business { capability Pay }\nplatform Q : business { capability Pay }\n'
                + 'flow F { step P.Pay  step Gone }\n',
        });
        expect(bos(dir, ['render', '--focus', 'Pay'])).toMatchObject({
            code: 2,
            err: "bos: 'Pay' names several declarations: a.P.Pay, a.Q.Pay\n",
        });
        expect(bos(dir, ['render', '--flow', 'G'])).toMatchObject({
            code: 2,
            err: "bos: no flow named 'G' (flows: a.F)\n",
        });
        expect(bos(dir, ['render', '--flow', 'F', '--focus', 'P']).err).toBe(
            'bos: --view, --focus and --flow each choose the picture: give one\n',
        );
        const unresolved = bos(dir, ['render', '--flow', 'F', '-o', 'f.svg']);
        expect(unresolved.code).toBe(1); // the model has an error: the unresolved step
        expect(unresolved.err).toBe('bos: 1 step of a.F names no capability and is left out: Gone\n');
    });
});
