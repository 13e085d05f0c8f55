// Warming the layout lanes up (diagram/layout-warm.ts) only makes them faster: a warmed
// worker lays a view out exactly as ELK does in a fresh instance of its own, and a worker
// stops warming up as soon as it is asked for a layout.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { createElk } from '../src/diagram/elk.js';
import { buildDiagram } from '../src/diagram/graph.js';
import type { LayoutHost, LayoutReply } from '../src/diagram/layout-host.js';
import { layoutWorker } from '../src/diagram/layout-job.js';
import { warmLanes } from '../src/diagram/layout-warm.js';
import { layout, toElk } from '../src/diagram/layout.js';
import { findView } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

/** ELK in this thread, a new instance for each layout: nothing carried over from before. */
const freshHost: LayoutHost = { layout: graph => createElk().layout(graph) };
const settle = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const withoutHashes = (laid: ElkNode) => JSON.stringify(laid).replace(/"\$H":\d+,?/g, '');

describe('warmed layout lanes', () => {
    it('lay out the example views as a fresh ELK does', async () => {
        const { result } = await check(exampleFiles());
        warmLanes(2, 40);
        // Some warm-up layouts run first; the layouts below cut it short.
        await settle(300);
        for (const name of ['Overview', 'TradeChain', 'Platforms']) {
            const diagram = buildDiagram(result.model, findView(result.model, name)!);
            const [warm, fresh] = await Promise.all([
                layout(diagram, { timeoutMs: 60_000, lane: 1 }),
                layout(diagram, { timeoutMs: 60_000, host: freshHost }),
            ]);
            expect(withoutHashes(warm), name).toBe(withoutHashes(fresh));
        }
    }, 120_000);

    it('stop warming up when a layout is asked for, and answer it', async () => {
        const { result } = await check(exampleFiles());
        const graph = toElk(buildDiagram(result.model, findView(result.model, 'Overview')!));
        const elk = createElk();
        let runs = 0;
        const counted = { layout: (g: ElkNode) => (runs++, elk.layout(g)) };
        const replies: LayoutReply[] = [];
        const handle = layoutWorker(counted, r => replies.push(r));
        handle({ id: -1, graph, warm: 1000 });
        await settle(50);
        handle({ id: 7, graph });
        while (!replies.length) await settle(20);
        const after = runs;
        await settle(300);
        expect(replies.map(r => [r.id, r.error])).toEqual([[7, undefined]]);
        // The warm-up layout under way when the job came, then none: 1,000 would take many seconds.
        expect(runs).toBe(after);
        expect(after).toBeLessThan(50);
    }, 60_000);
});
