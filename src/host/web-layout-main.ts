// The layout Web Worker (bundled as out/web/layout-worker.js), the only browser bundle
// with ELK in it.
import { createElk } from '../diagram/elk.js';
import type { LayoutJob } from '../diagram/layout-host.js';
import { layoutWorker } from '../diagram/layout-job.js';

const elk = createElk();

const handle = layoutWorker(elk, reply => self.postMessage(reply));
self.addEventListener('message', (e: MessageEvent<LayoutJob>) => handle(e.data));
