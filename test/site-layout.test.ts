// The site's fast path changes no picture: a build that lays each distinct graph out once,
// on two lanes at once, draws every page byte for byte as a plain `render` of that view
// on one lane with no memo does.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate } from '../bench/generate.mjs';
import { buildDiagram } from '../src/diagram/graph.js';
import { batchGraph, unbatchGraph } from '../src/diagram/layout-batch.js';
import { type LayoutHost, layoutHost, useLayoutHost } from '../src/diagram/layout-host.js';
import { toElk } from '../src/diagram/layout.js';
import { render } from '../src/diagram/render.js';
import { siteViews } from '../src/site/views.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';
import { siteOf } from './site-helpers.js';
import { tempDir } from './temp.js';

const real = layoutHost();
afterEach(() => useLayoutHost(real));

/** The real host, counting the graphs it is asked to lay out. */
function countingHost(): { host: LayoutHost; graphs: string[] } {
    const graphs: string[] = [];
    const host: LayoutHost = {
        layout: (graph, timeoutMs, tooLong, lane) => {
            graphs.push(JSON.stringify(graph));
            return real.layout(graph, timeoutMs, tooLong, lane);
        },
    };
    return { host, graphs };
}

async function siteAgainstPlainRenders(files: Record<string, string>) {
    const { result } = await check(files);
    const { model, analysis } = result;
    const counted = countingHost();
    useLayoutHost(counted.host);
    const site = await siteOf(result);
    useLayoutHost(real);
    const views = siteViews(model).filter(v => v.kind !== 'flow');
    const scenario = analysis.scenarios[0]?.scenario.id;
    const distinct = new Set<string>();
    for (const v of views) {
        const page = site.pages.find(p => p.hash === v.hash)!;
        const plain = await render({
            model,
            analysis,
            view: v.choice,
            scenario: v.choice.view?.deps.find(d => d.relation === 'overlay')?.target?.id ?? scenario,
            theme: 'light',
            bare: true,
            layout: { timeoutMs: 60_000 },
        });
        expect(page.svg, v.hash).toBe(plain.svg);
        distinct.add(JSON.stringify(toElk(plain.diagram)));
    }
    return { views: views.length, distinct: distinct.size, laidOut: counted.graphs };
}

describe('site layouts', () => {
    it('lays out a graph that several pages show once, each page as its plain render', async () => {
        // The focus pages of E and A both show E and A, as do those of F and B.
        const r = await siteAgainstPlainRenders({
            'model.bos': 'element E : sales\nactor A { uses E }\nelement F : sales\nactor B { uses F }\n',
        });
        expect(r).toMatchObject({ views: 5, distinct: 3 });
        expect(r.laidOut).toHaveLength(3);
    });

    it(
        'lays out a generated workspace each graph once, each page as its plain render',
        { timeout: 120_000 },
        async () => {
            const dir = join(tempDir('site-layout'), 'ws');
            generate(dir, 100, 10);
            const r = await siteAgainstPlainRenders(exampleFiles(dir));
            expect(r.laidOut).toHaveLength(r.distinct);
            expect(new Set(r.laidOut).size).toBe(r.distinct);
        },
    );

    it('lays out graphs with the same ids batched as each alone', { timeout: 120_000 }, async () => {
        // Every graph's boxes are n0, n1, …: one ELK input, unless the batch keeps them apart.
        const { result } = await check(exampleFiles());
        const graphs = siteViews(result.model).filter(v => v.kind === 'focus').slice(0, 8)
            .map(v => toElk(buildDiagram(result.model, v.choice)));
        // One at a time: layouts asked for in the same turn go to the worker as a batch.
        const alone = [];
        for (const g of graphs) alone.push(await real.layout(g, 60_000, () => new Error('slow'), 0));
        const batched = unbatchGraph(await real.layout(batchGraph(graphs), 60_000, () => new Error('slow'), 1));
        expect(batched).toHaveLength(graphs.length);
        // ELK's own object stamps ($H) differ from call to call; everything else is the same.
        const plain = (g: unknown) => JSON.stringify(g, (key, v: unknown) => (key === '$H' ? undefined : v));
        expect(batched.map(plain)).toEqual(alone.map(plain));
        expect(new Set(alone.map(plain)).size).toBe(graphs.length);
    });

    it('draws the example, whose pages are all different, as plain renders do', { timeout: 120_000 }, async () => {
        const r = await siteAgainstPlainRenders(exampleFiles());
        expect(r.distinct).toBe(r.views);
        expect(r.laidOut).toHaveLength(r.views);
    });
});
