// The web extension's read-ahead (src/extension/prefetch.ts) over an in-memory tree with
// slow answers: it walks as the server's workspace scan does, keeps its requests bounded,
// hands each answer over once and never reads a file twice.
import { describe, expect, it } from 'vitest';
import { Prefetch } from '../src/extension/prefetch.js';
import type { ReadDirectoryResult, ReadFileResult } from '../src/lsp/protocol.js';

const ROOT = 'memfs:/ws';

/** A tree of `files` (URI → text) whose answers take `delayMs`, counting what was asked. */
function slowTree(files: Record<string, string>, delayMs = 2) {
    const calls: string[] = [];
    let inFlight = 0;
    let most = 0;
    const answer = async <T>(call: string, value: () => T): Promise<T> => {
        calls.push(call);
        most = Math.max(most, ++inFlight);
        await new Promise(r => setTimeout(r, delayMs));
        inFlight--;
        return value();
    };
    const listFolder = (dir: string) =>
        answer(`list ${dir}`, (): ReadDirectoryResult => {
            const children = new Map<string, boolean>();
            for (const uri of Object.keys(files)) {
                if (!uri.startsWith(`${dir}/`)) continue;
                const rest = uri.slice(dir.length + 1).split('/');
                children.set(`${dir}/${rest[0]}`, rest.length > 1);
            }
            if (!children.size) return { error: 'no such file or folder' };
            return { entries: [...children].map(([uri, dirs]) => ({ uri, isFile: !dirs, isDirectory: dirs })) };
        });
    const readFile = (uri: string) =>
        answer(`read ${uri}`, (): ReadFileResult => uri in files ? { base64: btoa(files[uri]) } : { error: 'gone' });
    return { calls, listFolder, readFile, most: () => most };
}

describe('reading the workspace ahead', () => {
    it('reads the .bos files the server would, skipping dot-entries, node_modules and out', async () => {
        const tree = slowTree({
            [`${ROOT}/a.bos`]: 'a',
            [`${ROOT}/deep/er/b.bos`]: 'b',
            [`${ROOT}/notes.txt`]: 'x',
            [`${ROOT}/.git/c.bos`]: 'c',
            [`${ROOT}/node_modules/d.bos`]: 'd',
            [`${ROOT}/out/e.bos`]: 'e',
        });
        const ahead = new Prefetch(tree.listFolder, tree.readFile);
        await ahead.start([ROOT]);
        expect(tree.calls.filter(c => c.startsWith('read')).sort()).toEqual([
            `read ${ROOT}/a.bos`,
            `read ${ROOT}/deep/er/b.bos`,
        ]);
        expect(tree.calls.filter(c => c.startsWith('list')).sort()).toEqual([
            `list ${ROOT}`,
            `list ${ROOT}/deep`,
            `list ${ROOT}/deep/er`,
        ]);
    });

    it('hands each answer over once; the next request reads afresh', async () => {
        const tree = slowTree({ [`${ROOT}/a.bos`]: 'first' });
        const ahead = new Prefetch(tree.listFolder, tree.readFile);
        await ahead.start([ROOT]);
        expect((await ahead.list(ROOT)).entries?.map(e => e.uri)).toEqual([`${ROOT}/a.bos`]);
        expect(await ahead.read(`${ROOT}/a.bos`)).toEqual({ base64: btoa('first') });
        expect(tree.calls).toEqual([`list ${ROOT}`, `read ${ROOT}/a.bos`]);
        expect(await ahead.read(`${ROOT}/a.bos`)).toEqual({ base64: btoa('first') });
        expect(tree.calls).toHaveLength(3);
    });

    it('keeps at most 16 requests in flight over thousands of files, and reads none twice', async () => {
        const files = Object.fromEntries(
            Array.from({ length: 3000 }, (_, i) => [`${ROOT}/p${i % 30}/f${i}.bos`, `element E${i} : service\n`]),
        );
        const tree = slowTree(files, 1);
        const ahead = new Prefetch(tree.listFolder, tree.readFile);
        const walk = ahead.start([ROOT]);
        // The server asks for some files before the walk reaches them, as it may.
        const early = await Promise.all([0, 1, 2].map(i => ahead.read(`${ROOT}/p${i}/f${i}.bos`)));
        await walk;
        const reads = Object.keys(files).map(uri => ahead.read(uri));
        expect((await Promise.all(reads)).every(r => r.base64)).toBe(true);
        expect(early.every(r => r.base64)).toBe(true);
        // Every file read once by the walk or by the early request, plus the three asked again.
        expect(tree.calls.filter(c => c.startsWith('read'))).toHaveLength(3000 + 3);
        expect(tree.most()).toBeLessThanOrEqual(16 + 3);
    });

    it('reads nothing more ahead once disposed, and still answers', async () => {
        const tree = slowTree({ [`${ROOT}/a/x.bos`]: 'x', [`${ROOT}/b/y.bos`]: 'y' }, 5);
        const ahead = new Prefetch(tree.listFolder, tree.readFile);
        const walk = ahead.start([ROOT]);
        ahead.dispose();
        await walk;
        expect(tree.calls).toEqual([`list ${ROOT}`]);
        expect(await ahead.read(`${ROOT}/a/x.bos`)).toEqual({ base64: btoa('x') });
        expect(await ahead.list(`${ROOT}/missing`)).toEqual({ error: 'no such file or folder' });
    });
});
