// The layout worker thread (bundled as out/layout-worker.cjs), the only Node bundle with
// ELK in it: lays out the ELK graph of each message. The parent ends it at a time limit.
import { parentPort } from 'node:worker_threads';
import { createElk } from '../diagram/elk.js';
import type { LayoutJob } from '../diagram/layout-host.js';
import { layoutWorker } from '../diagram/layout-job.js';

const elk = createElk();

const handle = layoutWorker(elk, reply => parentPort!.postMessage(reply));
parentPort?.on('message', (job: LayoutJob) => handle(job));
