// The Node layout host: ELK in a worker thread (out/layout-worker.cjs). An idle worker is
// unref'd so that it never keeps a finished CLI run alive.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type LayoutHost, WorkerLayoutHost, type WorkerPort } from '../diagram/layout-host.js';

/**
 * The layout worker script: beside the running bundle (out/layout-worker.cjs), or, when
 * running from the TypeScript sources or a script bundle (tests, benchmarks), the built
 * one in the project's out/.
 */
export function layoutWorkerFile(): string {
    const candidates = [
        join(__dirname, 'layout-worker.cjs'),
        resolve(__dirname, '../../out/layout-worker.cjs'),
        resolve('out/layout-worker.cjs'),
    ];
    return candidates.find(existsSync) ?? candidates[0];
}

function threadPort(file: string): WorkerPort {
    if (!existsSync(file)) throw new Error(`the layout worker ${file} is missing; run npm run build`);
    const worker = new Worker(file);
    worker.unref();
    return {
        post: job => worker.postMessage(job),
        // A 'message' listener refs the worker again: a lane that is only ever warmed up must not hold the process.
        onReply: listener => void worker.on('message', listener).unref(),
        onCrash: listener => worker.on('error', listener),
        terminate: () => void worker.terminate(),
        busy: running => (running ? worker.ref() : worker.unref()),
    };
}

const hosts = new Map<string, LayoutHost>();

/** One host (one worker a lane) per worker script. */
export function threadLayoutHost(file = layoutWorkerFile()): LayoutHost {
    let host = hosts.get(file);
    if (!host) hosts.set(file, host = new WorkerLayoutHost(() => threadPort(file)));
    return host;
}
