// The layout Web Worker (bundled as out/web/layout-worker.js), the only browser bundle
// with ELK in it.
import { createElk } from '../diagram/elk.js';
import type { LayoutJob } from '../diagram/layout-host.js';
import { runLayoutJob } from '../diagram/layout-job.js';

const elk = createElk();

self.addEventListener(
    'message',
    (e: MessageEvent<LayoutJob>) => void runLayoutJob(elk, e.data).then(r => self.postMessage(r)),
);
