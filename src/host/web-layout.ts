// The browser layout host: ELK in a Web Worker (out/web/layout-worker.js) that the
// browser language server starts. The worker is made from a blob that imports the
// script, as VS Code's web extension host does for its own workers: a worker inside a
// worker may only be started from its own origin, and the script is served from another.
import { type LayoutHost, WorkerLayoutHost, type WorkerPort } from '../diagram/layout-host.js';

function webPort(script: string): WorkerPort {
    const loader = new Blob([`importScripts(${JSON.stringify(script)});`], { type: 'text/javascript' });
    const worker = new Worker(URL.createObjectURL(loader), { name: 'BOS layout' });
    return {
        post: job => worker.postMessage(job),
        onReply: listener => worker.addEventListener('message', e => listener(e.data)),
        onCrash: listener =>
            worker.addEventListener('error', e => {
                e.preventDefault();
                listener(new Error(e.message || 'it could not be started'));
            }),
        terminate: () => worker.terminate(),
    };
}

/** `script()` is asked when the first layout starts: the server learns it at initialize. */
export function webLayoutHost(script: () => string): LayoutHost {
    return new WorkerLayoutHost(() => webPort(script()));
}
