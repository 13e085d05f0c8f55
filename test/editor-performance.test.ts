// The performance model in the editor: hovers (R, P(wait), servers; a flow's latency
// against its SLO; s*), the latency hint after `slo`, and R in the lens.
import { describe, expect, it } from 'vitest';
import type { Hover, InlayHint, MarkupContent, Position } from 'vscode-languageserver';
import { type Editor, editor, textDocument } from './editor-helpers.js';
import { exampleFiles } from './example-files.js';

const PLATFORMS = 'platforms/business.bos';
const SCENARIOS = 'scenarios/double11.bos';

/** The position of the first `needle` in the file, plus `shift` characters. */
function find(e: Editor, name: string, needle: string, shift = 0): Position {
    const text = e.doc(name).textDocument.getText();
    const at = text.indexOf(needle);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    return e.doc(name).textDocument.positionAt(at + shift);
}

async function hover(e: Editor, name: string, needle: string): Promise<string> {
    const doc = e.doc(name);
    const h = await e.Bos.lsp.HoverProvider!.getHoverContent(doc, {
        textDocument: textDocument(doc),
        position: find(e, name, needle, needle.indexOf(' ') + 1),
    }) as Hover;
    return (h.contents as MarkupContent).value;
}

async function hints(e: Editor, name: string): Promise<InlayHint[]> {
    const doc = e.doc(name);
    const end = doc.textDocument.positionAt(doc.textDocument.getText().length);
    return await e.Bos.lsp.InlayHintProvider!.getInlayHints(doc, {
        textDocument: textDocument(doc),
        range: { start: { line: 0, character: 0 }, end },
    }) ?? [];
}

async function lenses(e: Editor, name: string): Promise<string[]> {
    const doc = e.doc(name);
    const list = await e.Bos.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: textDocument(doc) });
    // The figures' lenses; those that run a command are tested in explore.test.ts (Show in
    // diagram) and call-hierarchy.test.ts (Show impact).
    return (list ?? []).filter(l => !l.command!.command).map(l => l.command!.title);
}

/** Order is saturated in Peak (1.2k/s on 1k/s), so is the flow through it. */
const SATURATED = `platform P : business {
  capability Order { capacity 1k/s  latency 50ms  instances 4 }
  capability Pay { latency 10ms }
}
flow Buy { step P.Order  step P.Pay  slo 200ms }
scenario Peak { load Buy 1.2k/s }
`;

describe('hover', () => {
    it("shows a node's R, P(wait) and servers next to load and utilisation, per scenario", async () => {
        const e = await editor(exampleFiles());
        const text = await hover(e, PLATFORMS, 'capability PlaceOrder');
        expect(text).toContain(
            '| scenario | load | capacity | utilisation | R | P(wait) | servers | status |\n'
                + '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
                + '| 双11零点峰值 (2020) | 583k/s | 650k/s | 89.7% | 153ms | 20.9% | 1k × 98 | 🟡 headroom |',
        );
        // A pooled queue (no instances) shows its servers alone; a node without latency no time columns.
        expect(await hover(e, 'cloud/alibaba-cloud.bos', 'resource ECS')).toContain(
            '| 双11零点峰值 (2020) | 4.27M/s | 12M/s | 35.5% | 2ms | 0% | 24k | 🟢 ok |',
        );
        const cdn = await hover(e, 'cloud/alibaba-cloud.bos', 'resource CDN');
        expect(cdn).toContain('| scenario | load | capacity | utilisation | status |');
        expect(cdn).not.toContain('P(wait)');
    });

    it("shows a flow's latency against its SLO, the status and the node that adds most", async () => {
        const e = await editor(exampleFiles());
        const text = await hover(e, SCENARIOS, 'flow Checkout ');
        expect(text).toContain(
            '| scenario | rate | latency | SLO | status | adds most |\n'
                + '| --- | ---: | ---: | ---: | --- | --- |\n'
                + '| 双11零点峰值 (2020) | 583k/s | 401ms | 500ms | 🟢 within SLO | Pay (200ms) |',
        );
        // Browse visits nodes without latency: its sum is a lower bound, and it has no SLO.
        expect(await hover(e, SCENARIOS, 'flow Browse')).toContain(
            '| 双11零点峰值 (2020) | 3M/s | ≥ 311ms | — | ⚪ no SLO | Recommend (160ms) |',
        );
    });

    it('shows s* and the bottleneck of a scenario', async () => {
        const e = await editor(exampleFiles());
        expect(await hover(e, SCENARIOS, 'scenario Double11Peak')).toContain('s\\* ×1.11 · bottleneck PlaceOrder');
    });

    it('says saturated where the latency is unbounded', async () => {
        const e = await editor({ 'a.bos': SATURATED });
        expect(await hover(e, 'a.bos', 'capability Order')).toContain(
            '| Peak | 1.2k/s | 1k/s | 120% | ∞ | — | 4 × 13 | 🔴 overload · saturated |',
        );
        expect(await hover(e, 'a.bos', 'flow Buy')).toContain(
            '| Peak | 1.2k/s | ∞ | 200ms | 🔴 saturated | Order (saturated) |',
        );
        expect(await hover(e, 'a.bos', 'scenario Peak')).toContain(
            's\\* ×0.833 · bottleneck Order · 🔴 1 flow misses its SLO',
        );
    });

    it('writes the same rows as plain text for clients that ask for it', async () => {
        const e = await editor(exampleFiles());
        await e.Bos.shared.lsp.LanguageServer.initialize({
            processId: null,
            rootUri: null,
            capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
        });
        const node = await hover(e, PLATFORMS, 'capability PlaceOrder');
        expect(node).not.toMatch(/\||\*\*|\\/);
        expect(node).toMatch(/双11零点峰值 \(2020\) +583k\/s +650k\/s +89\.7% +153ms +20\.9% +1k × 98 +🟡 headroom/);
        const flow = await hover(e, SCENARIOS, 'flow Checkout ');
        expect(flow).toMatch(/双11零点峰值 \(2020\) +583k\/s +401ms +500ms +🟢 within SLO +Pay \(200ms\)/);
        expect(await hover(e, SCENARIOS, 'scenario Double11Peak')).toContain('s* ×1.11 · bottleneck PlaceOrder');
    });
});

describe('inlay hints', () => {
    it("show a flow's latency after its slo, in the first scenario that loads it, next to the load hints", async () => {
        const e = await editor(exampleFiles());
        const all = await hints(e, SCENARIOS);
        const after = (needle: string) => all.find(h => h.position.line === find(e, SCENARIOS, needle).line)?.label;
        expect(after('slo 500ms')).toBe('⟶ 401ms in Double11Peak');
        // Checkout2016 is not loaded by the first scenario.
        expect(after('slo 800ms')).toBe('⟶ 584ms in Baseline2016');
        const slo = all.find(h => h.label === '⟶ 401ms in Double11Peak')!;
        expect(slo.position).toEqual(find(e, SCENARIOS, 'slo 500ms', 'slo 500ms'.length));
        expect(slo.tooltip).toBe(
            'mean end-to-end latency of Checkout in Double11Peak; within its SLO of 500ms; Pay adds most (200ms)',
        );
        expect(all.filter(h => String(h.label).endsWith('/s')).length).toBeGreaterThan(5);
    });

    it('follow the chosen scenario where it loads the flow, and say saturated', async () => {
        const e = await editor(exampleFiles());
        e.Bos.bos.Settings.update({ inlayHints: { scenario: 'FirstDouble11' } });
        const labels = (await hints(e, SCENARIOS)).map(h => h.label);
        expect(labels).toEqual(expect.arrayContaining(['⟶ 401ms in Double11Peak', '⟶ 584ms in FirstDouble11']));
        const saturated = await editor({ 'a.bos': SATURATED });
        expect((await hints(saturated, 'a.bos')).map(h => h.label)).toContain('⟶ saturated in Peak');
        saturated.Bos.bos.Settings.update({ inlayHints: { enabled: false } });
        expect(await hints(saturated, 'a.bos')).toEqual([]);
    });
});

describe('code lens', () => {
    it('adds R in the scenario that loads the node hardest, or saturated', async () => {
        const e = await editor(exampleFiles());
        const titles = await lenses(e, PLATFORMS);
        expect(titles).toContain('used by 3 · 89.7% in Double11Peak · R 153ms');
        // Fulfil declares no latency: no R.
        expect(titles).toContain('used by 2 · 10% in Double11Peak');
        const saturated = await editor({ 'a.bos': SATURATED });
        expect(await lenses(saturated, 'a.bos')).toEqual([
            'used by 1 · 120% in Peak · saturated',
            'used by 1 · 1.2k/s in Peak · R 10ms',
        ]);
    });
});
