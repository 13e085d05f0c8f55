// The layout worker thread (bundled as out/layout-worker.cjs), the only bundle with ELK
// in it: lays out the ELK graph of each message. The parent ends it at a time limit.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { parentPort } from 'node:worker_threads';
import { createElk } from './elk.js';

const elk = createElk();

parentPort?.on('message', ({ id, graph }: { id: number; graph: ElkNode }) => {
    elk.layout(graph).then(
        (result: ElkNode) => parentPort!.postMessage({ id, graph: result }),
        (err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
    );
});
