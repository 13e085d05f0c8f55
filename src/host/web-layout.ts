// The browser layout host: ELK in a Web Worker (out/web/layout-worker.js) that the
// browser language server starts. The worker is made from a blob that imports the
// script, as VS Code's web extension host does for its own workers: a worker inside a
// worker may only be started from its own origin, and the script is served from another.
import { type LayoutHost, WorkerLayoutHost, type WorkerPort } from '../diagram/layout-host.js';

function webPort(script: Promise<string>): WorkerPort {
    const started = script.then(url => {
        const loader = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
        return new Worker(URL.createObjectURL(loader), { name: 'BOS layout' });
    });
    // Until the worker exists, calls wait for it in order; a script that cannot be had is a crash.
    const later = (f: (w: Worker) => void) => void started.then(f, () => undefined);
    return {
        post: job => later(w => w.postMessage(job)),
        onReply: listener => later(w => w.addEventListener('message', e => listener(e.data))),
        onCrash: listener =>
            void started.then(
                w => w.addEventListener('error', e => {
                    e.preventDefault();
                    listener(new Error(e.message || 'it could not be started'));
                }),
                (err: unknown) => listener(err instanceof Error ? err : new Error(String(err))),
            ),
        terminate: () => later(w => w.terminate()),
    };
}

/** `script()` is asked each time a worker starts: at the first layout, and after a crash. */
export function webLayoutHost(script: () => Promise<string>): LayoutHost {
    return new WorkerLayoutHost(() => webPort(script()));
}
