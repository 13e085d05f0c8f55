// The work of a layout worker, whichever the host: each job laid out and answered, and a
// warm-up (layout-warm.ts) that lays its graph out again and again until a job comes.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutJob, LayoutReply } from './layout-host.js';

/** What a worker needs of ELK. */
interface Layouter {
    layout(graph: ElkNode): Promise<ElkNode>;
}

function run(elk: Layouter, { id, graph }: LayoutJob): Promise<LayoutReply> {
    return elk.layout(graph).then(
        result => ({ id, graph: result }),
        (err: unknown) => ({ id, error: err instanceof Error ? err.message : String(err) }),
    );
}

/** The message handler of a layout worker; `reply` posts an answer back. */
export function layoutWorker(elk: Layouter, reply: (r: LayoutReply) => void): (job: LayoutJob) => void {
    let jobs = 0;
    const warm = async ({ graph, warm: times = 0 }: LayoutJob) => {
        const seen = jobs;
        for (let i = 0; i < times && jobs === seen; i++) {
            await elk.layout(structuredClone(graph)).catch(() => undefined);
            // A turn of the event loop, so that a job posted meanwhile is seen before the next round.
            await new Promise(resolve => setTimeout(resolve, 0));
        }
    };
    return job => {
        if (job.warm) return void warm(job);
        jobs++;
        void run(elk, job).then(reply);
    };
}
