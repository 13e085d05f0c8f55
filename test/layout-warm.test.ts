// Warming the layout lanes up (diagram/layout-warm.ts) only makes them faster: a warmed
// worker lays a view out exactly as ELK does in a fresh instance of its own.
import { describe, expect, it } from 'vitest';
import { createElk } from '../src/diagram/elk.js';
import { buildDiagram } from '../src/diagram/graph.js';
import type { LayoutHost } from '../src/diagram/layout-host.js';
import { warmLanes } from '../src/diagram/layout-warm.js';
import { layout } from '../src/diagram/layout.js';
import { findView } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

/** ELK in this thread, a new instance for each layout: nothing carried over from before. */
const freshHost: LayoutHost = { layout: graph => createElk().layout(graph) };

describe('warmed layout lanes', () => {
    it('lay out the example views as a fresh ELK does', async () => {
        const { result } = await check(exampleFiles());
        await warmLanes(2, 12, 60_000);
        for (const name of ['Overview', 'TradeChain', 'Platforms']) {
            const diagram = buildDiagram(result.model, findView(result.model, name)!);
            const [warm, fresh] = await Promise.all([
                layout(diagram, { timeoutMs: 60_000, lane: 1 }),
                layout(diagram, { timeoutMs: 60_000, host: freshHost }),
            ]);
            expect(JSON.stringify(warm).replace(/"\$H":\d+,?/g, ''), name).toBe(
                JSON.stringify(fresh).replace(/"\$H":\d+,?/g, ''),
            );
        }
    }, 120_000);

    it('never fails, even when a lane cannot lay out in time', async () => {
        await expect(warmLanes(1, 2, 0)).resolves.toBeUndefined();
    });
});
