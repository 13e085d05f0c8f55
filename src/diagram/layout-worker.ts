// The layout worker thread (bundled as out/layout-worker.cjs): lays out one ELK graph
// per message. The parent terminates it after the answer or at the time limit.
import { parentPort } from 'node:worker_threads';
import { createElk } from './elk.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

parentPort?.on('message', (graph: ElkNode) => {
    createElk().layout(graph).then(
        (result: ElkNode) => parentPort!.postMessage({ graph: result }),
        (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
    );
});
