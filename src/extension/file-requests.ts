// The web extension answers the browser server's file requests through VS Code's
// workspace file system, the only one a virtual workspace (github.dev, vscode.dev) has.
// A failure is an answer with its reason, never a thrown error: the server reports it on
// the file and goes on with the rest. The first answers are read ahead (prefetch.ts)
// while the server's worker starts.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    type DirectoryEntry,
    FILE_REQUEST,
    type FileParams,
    type ReadDirectoryResult,
    type ReadFileResult,
    type StatResult,
} from '../lsp/protocol.js';
import { Prefetch } from './prefetch.js';
import type { StartupSteps } from './startup-steps.js';

/** A file system's codes in words; its messages are often just the URI. */
const CODES: Readonly<Record<string, string>> = {
    FileNotFound: 'no such file or folder',
    NoPermissions: 'permission denied',
    Unavailable: 'the file system is unavailable',
};

function reason(err: unknown): string {
    if (err instanceof vscode.FileSystemError && err.code) return CODES[err.code] ?? err.code;
    return err instanceof Error ? err.message : String(err);
}

/** Bytes as base64, in slices: one spread of a large file would overflow the stack. */
function base64(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}

const entry = (uri: vscode.Uri, type: vscode.FileType): DirectoryEntry => ({
    uri: uri.toString(),
    isFile: (type & vscode.FileType.File) !== 0,
    isDirectory: (type & vscode.FileType.Directory) !== 0,
});

async function readFile(uri: string): Promise<ReadFileResult> {
    try {
        return { base64: base64(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
    } catch (err) {
        return { error: reason(err) };
    }
}

async function listFolder(uri: string): Promise<ReadDirectoryResult> {
    try {
        const dir = vscode.Uri.parse(uri);
        const entries = await vscode.workspace.fs.readDirectory(dir);
        return { entries: entries.map(([name, type]) => entry(vscode.Uri.joinPath(dir, name), type)) };
    } catch (err) {
        return { error: reason(err) };
    }
}

async function statOf(uri: string): Promise<StatResult> {
    try {
        const target = vscode.Uri.parse(uri);
        return { entry: entry(target, (await vscode.workspace.fs.stat(target)).type) };
    } catch (err) {
        return { error: reason(err) };
    }
}

/** Starts reading the workspace folders ahead, at activation, before the server's worker exists. */
export function readWorkspaceAhead(): Prefetch {
    const ahead = new Prefetch(listFolder, readFile);
    void ahead.start((vscode.workspace.workspaceFolders ?? []).map(f => f.uri.toString()));
    return ahead;
}

/**
 * Answers the server's file requests, first from what was read `ahead`. `steps` learns when
 * the server asked for its first folder and file, and when the last file it asked for was read.
 */
export function answerFileRequests(
    client: BaseLanguageClient,
    steps: StartupSteps,
    ahead: Prefetch,
): vscode.Disposable {
    return vscode.Disposable.from(
        client.onRequest(FILE_REQUEST.read, async ({ uri }: FileParams): Promise<ReadFileResult> => {
            steps.first('first file asked');
            try {
                return await ahead.read(uri);
            } finally {
                steps.latest('last file read');
            }
        }),
        client.onRequest(FILE_REQUEST.list, ({ uri }: FileParams): Promise<ReadDirectoryResult> => {
            steps.first('first folder asked');
            return ahead.list(uri);
        }),
        client.onRequest(FILE_REQUEST.stat, ({ uri }: FileParams): Promise<StatResult> => statOf(uri)),
    );
}
