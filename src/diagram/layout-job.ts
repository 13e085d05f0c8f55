// The work of a layout worker, whichever the host: one job in, one reply out.
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { LayoutJob, LayoutReply } from './layout-host.js';

export function runLayoutJob(elk: ELK, { id, graph }: LayoutJob): Promise<LayoutReply> {
    return elk.layout(graph).then(
        result => ({ id, graph: result }),
        (err: unknown) => ({ id, error: err instanceof Error ? err.message : String(err) }),
    );
}
