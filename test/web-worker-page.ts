// A stand-in for the web extension in a real page: starts the browser language server
// (out/web/extension.js, wrapped by server-worker.ts) in a Web Worker, speaks raw JSON-RPC to it over postMessage and
// answers its file requests from an in-memory file system, as file-requests.ts answers
// them from VS Code's, and says where its layout worker is, as browser.ts does. Runs
// in the page (playwright serialises it): no imports.
export interface PageFileSystem {
    /** URI → the file's bytes, base64. */
    files: Record<string, string>;
    /** Files that are listed but whose reading fails, with the reason. */
    unreadable: Record<string, string>;
    /** Folders that are listed but whose listing fails. */
    unlistable: string[];
    /** How long each file request takes to answer: a slow file system. */
    delayMs?: number;
}

export interface HarnessOptions extends PageFileSystem {
    /** The answer to `bos/layoutWorker`. */
    layoutWorker: string;
    /** The server worker's blob, as `serverWorkerParts` (server-worker.ts) makes it. */
    server: string[];
}

export function startHarness(fs: HarnessOptions): void {
    type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };
    const notes: Message[] = [];
    const serverRequests: string[] = [];
    const pending = new Map<number, (m: Message) => void>();
    let next = 1;
    const worker = new Worker(URL.createObjectURL(new Blob(fs.server, { type: 'text/javascript' })));
    const post = (m: Message) => worker.postMessage({ jsonrpc: '2.0', ...m });
    const known = [...Object.keys(fs.files), ...Object.keys(fs.unreadable)];
    const children = (dir: string) => {
        const out = new Map<string, boolean>(); // child URI → is a folder
        for (const uri of [...known, ...fs.unlistable.map(u => `${u}/`)]) {
            if (!uri.startsWith(`${dir}/`)) continue;
            const rest = uri.slice(dir.length + 1).split('/');
            out.set(`${dir}/${rest[0]}`, rest.length > 1);
        }
        return [...out].map(([uri, isDirectory]) => ({ uri, isFile: !isDirectory, isDirectory }));
    };
    const answer = (method: string, params: { uri?: string; items?: unknown[] }) => {
        const uri = params.uri ?? '';
        if (method === 'bos/readFile') {
            if (uri in fs.unreadable) return { error: fs.unreadable[uri] };
            return uri in fs.files ? { base64: fs.files[uri] } : { error: 'no such file' };
        }
        if (method === 'bos/readDirectory') {
            return fs.unlistable.includes(uri) ? { error: 'the folder is gone' } : { entries: children(uri) };
        }
        if (method === 'bos/stat') {
            if (uri in fs.files || uri in fs.unreadable) return { entry: { uri, isFile: true, isDirectory: false } };
            return children(uri).length
                ? { entry: { uri, isFile: false, isDirectory: true } }
                : { error: 'no such file' };
        }
        if (method === 'bos/layoutWorker') return { url: fs.layoutWorker };
        if (method === 'workspace/configuration') return params.items?.map(() => null);
        return null; // client/registerCapability, window/workDoneProgress/create
    };
    const files = { inFlight: 0, most: 0 };
    worker.addEventListener('message', ({ data: m }: MessageEvent<Message>) => {
        if (m.method?.startsWith('bos/') && m.method !== 'bos/layoutWorker' && m.id !== undefined && fs.delayMs) {
            const { id, method, params } = m;
            files.most = Math.max(files.most, ++files.inFlight);
            setTimeout(() => {
                files.inFlight--;
                post({ id, result: answer(method, (params ?? {}) as { uri?: string }) });
            }, fs.delayMs);
        } else if (m.method && m.id !== undefined) {
            serverRequests.push(m.method);
            post({ id: m.id, result: answer(m.method, (m.params ?? {}) as { uri?: string }) });
        } else if (m.id !== undefined) {
            pending.get(m.id)?.(m);
            pending.delete(m.id);
        } else notes.push(m);
    });
    worker.addEventListener('error', e => notes.push({ method: 'worker/error', params: e.message }));
    Object.assign(window, {
        __lsp: {
            notes,
            serverRequests,
            /** The most file requests that were waiting for their answers at once. */
            mostFileRequests: () => files.most,
            request: (method: string, params: unknown) =>
                new Promise<Message>(resolve => {
                    const id = next++;
                    pending.set(id, resolve);
                    post({ id, method, params });
                }),
            notify: (method: string, params: unknown) => post({ method, params }),
        },
    });
}
