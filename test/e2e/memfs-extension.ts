// A tiny web extension made for the test: an in-memory file system (`memfs:`) holding the
// example, as a virtual workspace (github.dev's `vscode-vfs:`) holds a repository, plus a
// file that cannot be read. Packed into a .vsix with vsce so the workbench installs it
// like any extension.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type * as vscode from 'vscode';
import { tempFiles } from '../temp.js';

/** Runs in the extension host (stringified into extension.js): no imports but `vscode`. */
function provider(files: Record<string, string>, locked: string): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const code = require('vscode') as typeof vscode;
    const bytes = new Map<string, Uint8Array>(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)]));
    const folders = () => {
        const out = new Set(['/']);
        for (const p of [...bytes.keys(), locked]) {
            const parts = p.split('/');
            for (let i = 2; i < parts.length; i++) out.add(parts.slice(0, i).join('/'));
        }
        return out;
    };
    const changed = new code.EventEmitter<vscode.FileChangeEvent[]>();
    const stat = (uri: vscode.Uri): vscode.FileStat => {
        if (bytes.has(uri.path) || uri.path === locked) {
            return { type: code.FileType.File, ctime: 0, mtime: 0, size: bytes.get(uri.path)?.length ?? 0 };
        }
        if (folders().has(uri.path)) return { type: code.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
        throw code.FileSystemError.FileNotFound(uri);
    };
    (globalThis as { activate?: unknown }).activate = (context: vscode.ExtensionContext) =>
        context.subscriptions.push(code.workspace.registerFileSystemProvider('memfs', {
            onDidChangeFile: changed.event,
            watch: () => new code.Disposable(() => undefined),
            stat,
            readDirectory: uri => {
                const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
                const names = new Map<string, vscode.FileType>();
                for (const p of [...folders(), ...bytes.keys(), locked]) {
                    if (p.startsWith(prefix) && p.length > prefix.length && !p.slice(prefix.length).includes('/')) {
                        names.set(p.slice(prefix.length), stat(uri.with({ path: p })).type);
                    }
                }
                return [...names];
            },
            readFile: uri => {
                if (uri.path === locked) throw code.FileSystemError.NoPermissions(uri);
                const body = bytes.get(uri.path);
                if (!body) throw code.FileSystemError.FileNotFound(uri);
                return body;
            },
            writeFile: (uri, content) => {
                bytes.set(uri.path, content);
                changed.fire([{ type: code.FileChangeType.Changed, uri }]);
            },
            createDirectory: () => undefined,
            delete: uri => void bytes.delete(uri.path),
            rename: () => {
                throw code.FileSystemError.NoPermissions('read-only test file system');
            },
        }, { isCaseSensitive: true }));
}

/** Packs the extension with `files` (path under memfs:/ → text) and `locked` (listed, unreadable). */
export function memfsExtension(files: Record<string, string>, locked: string): string {
    const script = `(${provider.toString()})(${JSON.stringify(files)}, ${JSON.stringify(locked)});\n`
        + 'exports.activate = globalThis.activate;\n';
    const dir = tempFiles('e2e-memfs', {
        'package.json': JSON.stringify({
            name: 'memfs',
            publisher: 'bostest',
            version: '0.0.1',
            license: 'MIT',
            engines: { vscode: '^1.91.0' },
            browser: './extension.js',
            activationEvents: ['onFileSystem:memfs'],
        }),
        'extension.js': script,
        'README.md': 'An in-memory file system for the BOS end-to-end tests.\n',
        'LICENSE': 'MIT\n',
    });
    const vsix = join(dir, 'memfs.vsix');
    const vsce = resolve('node_modules/@vscode/vsce/vsce');
    const packed = spawnSync(process.execPath, [
        vsce,
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '-o',
        vsix,
    ], {
        cwd: dir,
        encoding: 'utf8',
    });
    if (packed.status !== 0) throw new Error(`packing the memfs extension failed: ${packed.stderr || packed.stdout}`);
    return vsix;
}
