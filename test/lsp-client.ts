// A minimal LSP client for tests and benchmarks: spawns `bos lsp --stdio` (the shipped
// bundle) and speaks JSON-RPC to it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    type ClientCapabilities,
    createProtocolConnection,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    type PublishDiagnosticsParams,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export class LspClient {
    readonly connection: ProtocolConnection;
    private readonly child: ChildProcess;
    readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
    private versions = new Map<string, number>();
    stderr = '';
    readonly progress: { kind: string; message?: string; title?: string }[] = [];

    /** How many times diagnostics were published for each URI. */
    readonly publications = new Map<string, number>();
    /** `window/showMessage` and `window/logMessage` texts, in arrival order. */
    readonly messages: { type: number; message: string }[] = [];
    /** What the server registered through `client/registerCapability`. */
    readonly registrations: { method: string; registerOptions?: unknown }[] = [];

    /** `cli` is the bundle to run as `bos lsp --stdio`, or the whole command line of another server. */
    constructor(cli: string | readonly string[] = resolve('out/cli.cjs'), env: NodeJS.ProcessEnv = {}) {
        // BOS_LSP_NODE_ARGS (e.g. `--cpu-prof`) lets a benchmark profile the server.
        const nodeArgs = (process.env.BOS_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
        const [command, ...args] = typeof cli === 'string'
            ? [process.execPath, ...nodeArgs, cli, 'lsp', '--stdio']
            : cli;
        this.child = spawn(command, args, {
            stdio: ['pipe', 'pipe', 'pipe'],
            env: { ...process.env, ...env },
        });
        this.child.stderr!.on('data', (d: Buffer) => {
            this.stderr += d.toString();
        });
        this.connection = createProtocolConnection(
            new StreamMessageReader(this.child.stdout!),
            new StreamMessageWriter(this.child.stdin!),
        );
        this.connection.onNotification(PublishDiagnosticsNotification.type, p => {
            this.diagnostics.set(p.uri, p);
            this.publications.set(p.uri, (this.publications.get(p.uri) ?? 0) + 1);
            const ready = this.waiters.filter(w => w.uri === p.uri);
            this.waiters = this.waiters.filter(w => w.uri !== p.uri);
            for (const w of ready) w.resolve(p);
        });
        // Accept the server's progress tokens and keep what it reports.
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification(
            '$/progress',
            (p: { value: { kind: string; message?: string; title?: string } }) => {
                this.progress.push(p.value);
            },
        );
        this.connection.onRequest(
            'client/registerCapability',
            (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
                this.registrations.push(...p.registrations);
                return null;
            },
        );
        // A client that offers `workspace/configuration` answers it: no settings.
        this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
        this.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
            this.messages.push(m);
        });
        this.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
            this.messages.push(m);
        });
        this.connection.listen();
    }

    get exited(): boolean {
        return this.child.exitCode !== null;
    }

    /** The server's resident memory now, in MB (Linux). */
    rssMb(): number {
        const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
    }

    /** Drops the connection the way a crashed editor does: no shutdown, no exit. */
    vanish(): void {
        this.connection.dispose();
        this.child.stdin!.destroy();
        this.child.stdout!.destroy();
    }

    /** Resolves with the exit code once the server process ends. */
    exit(timeoutMs: number): Promise<number | null> {
        if (this.exited) return Promise.resolve(this.child.exitCode);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`the server still runs after ${timeoutMs} ms`)), timeoutMs);
            this.child.once('exit', code => {
                clearTimeout(timer);
                resolve(code);
            });
        });
    }

    /** As VS Code does: Markdown hovers, file watchers registered at run time; `capabilities` replace these. */
    async initialize(
        folder: string,
        initializationOptions?: unknown,
        capabilities?: ClientCapabilities,
    ): Promise<void> {
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            capabilities: capabilities ?? {
                textDocument: {
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown'] },
                },
                window: { workDoneProgress: true },
                workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } },
            },
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
            initializationOptions,
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    /** Resolves with the next diagnostics published for `uri`. */
    nextDiagnostics(uri: string, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms`)),
                timeoutMs,
            );
            this.waiters.push({
                uri,
                resolve: p => {
                    clearTimeout(timer);
                    resolve(p);
                },
            });
        });
    }

    /** Resolves once the diagnostics published for `uri` satisfy `test` (the latest ones count too). */
    async waitFor(
        uri: string,
        test: (p: PublishDiagnosticsParams) => boolean,
        timeoutMs = 20_000,
    ): Promise<PublishDiagnosticsParams> {
        const deadline = Date.now() + timeoutMs;
        const last = this.diagnostics.get(uri);
        if (last && test(last)) return last;
        for (;;) {
            const p = await this.nextDiagnostics(uri, Math.max(1, deadline - Date.now()));
            if (test(p)) return p;
        }
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'bos', version: 1, text },
        });
    }

    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ text }],
        });
    }

    async close(): Promise<void> {
        if (!this.exited) {
            await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
            await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        }
        await new Promise<void>(r => {
            if (this.exited) r();
            else {
                this.child.once('exit', () => r());
                setTimeout(() => {
                    this.child.kill();
                    r();
                }, 3000);
            }
        });
        this.connection.dispose();
    }
}

export const fileUri = (path: string) => pathToFileURL(path).href;
