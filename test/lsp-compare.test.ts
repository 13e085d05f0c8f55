// The preview's comparison over JSON-RPC, with the shipped server: `bos/baseRefs` lists
// HEAD, the branches and recent commits of the workspace's repository; `bos/diagram` with
// a `base` marks what changed against it, unsaved edits included, and a base that cannot
// be read is a line in `compare.error` beside the head's picture. Git is never written.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    BASE_REFS_REQUEST,
    type BaseRefsResult,
    DIAGRAM_REQUEST,
    type DiagramParams,
    type DiagramResult,
} from '../src/lsp/protocol.js';
import { commit, git, repository, snapshot, write } from './diff-repo.js';
import { fileUri, LspClient } from './lsp-client.js';
import { tempDir } from './temp.js';

const TRADE = `package shop
platform Trade : business {
  capability Order { capacity 20k/s }
  capability Refund { capacity 9k/s }
}
element Sales : sales { uses Trade.Order  uses Trade.Refund }
flow Checkout { step Trade.Order }
scenario Peak { load Checkout 10k/s }
`;

/** Unsaved in the editor: Refund goes, Pay comes. */
const EDITED = TRADE.replace('capacity 20k/s', 'capacity 16k/s').replace('Refund', 'Pay')
    .replace('capacity 9k/s', 'capacity 3k/s').replace('uses Trade.Refund', 'uses Trade.Pay');

let dir: string;
let client: LspClient;
const trade = () => fileUri(join(dir, 'model/trade.bos'));
const diagram = (params: DiagramParams) => client.connection.sendRequest<DiagramResult>(DIAGRAM_REQUEST, params);
const classOf = (svg: string, name: string) => new RegExp(`<g class="([^"]*)"[^>]*><title>${name}[ <]`).exec(svg)?.[1];

beforeAll(async () => {
    dir = repository({ 'model/trade.bos': TRADE }, 'lsp-compare');
    git(dir, 'branch', 'release');
    commit(dir, { 'model/trade.bos': TRADE.replace('capacity 20k/s', 'capacity 16k/s') }, 'Order slower');
    client = new LspClient();
    await client.initialize(dir);
    await client.waitFor(trade(), () => true);
}, 60_000);

afterAll(async () => {
    await client?.close();
});

describe('bos/baseRefs', () => {
    it('offers HEAD, the local branches and the recent commits', async () => {
        const { refs, error } = await client.connection.sendRequest<BaseRefsResult>(BASE_REFS_REQUEST, {});
        expect(error).toBeUndefined();
        const head = git(dir, 'rev-parse', '--short', 'HEAD').trim();
        expect(refs[0]).toEqual({ rev: 'HEAD', label: 'HEAD', description: head, detail: 'Order slower' });
        expect(refs.filter(r => r.description.startsWith('branch')).map(r => r.rev)).toEqual(['main', 'release']);
        expect(refs.filter(r => r.description === 'commit').map(r => r.detail)).toEqual(['Order slower', 'base']);
    });

    it('says so when the workspace is in no git repository', async () => {
        const other = new LspClient();
        try {
            await other.initialize(tempDir('lsp-compare-nogit'));
            const r = await other.connection.sendRequest<BaseRefsResult>(BASE_REFS_REQUEST, {});
            expect(r).toEqual({ refs: [], error: 'The workspace is in no git repository.' });
            const d = await other.connection.sendRequest<DiagramResult>(DIAGRAM_REQUEST, { base: 'HEAD' });
            expect(d.compare?.error).toMatch(/^--base HEAD is no folder, and .+ is in no git repository/);
        } finally {
            await other.close();
        }
    });
});

describe('bos/diagram with a base', () => {
    it('marks the live model, unsaved edits included, against the revision, and leaves git alone', async () => {
        const before = snapshot(dir);
        const first = await diagram({ base: 'release', scenario: 'Peak' });
        expect(first.compare).toMatchObject({ base: 'release', added: 0, changed: 1, removed: 0 });
        expect(first.compare?.label).toMatch(/^release \([0-9a-f]{7}\)$/);
        expect(first.svg).toContain('10k/s · 50% → 62.5%');
        expect(classOf(first.svg!, 'shop.Trade.Order')).toBe('bos-node bos-change-changed');

        await client.open(trade(), TRADE.replace('capacity 20k/s', 'capacity 16k/s'));
        await client.change(trade(), EDITED);
        await client.waitFor(trade(), () => true);
        const live = await diagram({ base: 'release', scenario: 'Peak' });
        expect(live.compare).toMatchObject({ added: 1, changed: 2, removed: 1 });
        expect(classOf(live.svg!, 'shop.Trade.Pay')).toBe('bos-node bos-change-added');
        expect(classOf(live.svg!, 'shop.Trade.Refund')).toBe('bos-node bos-change-removed bos-removed');
        // Only the workspace's own boxes can be revealed.
        expect(live.nodes.every(n => n.uri === trade())).toBe(true);
        expect(live.nodes).toHaveLength(4);
        expect(snapshot(dir)).toEqual(before);

        const plain = await diagram({ scenario: 'Peak' });
        expect(plain.compare).toBeUndefined();
        expect(plain.svg).not.toContain('bos-change-');
    });

    it('answers the same while HEAD stays, and follows HEAD to a new commit', async () => {
        const before = await diagram({ base: 'HEAD' });
        expect(before.compare).toMatchObject({ added: 1, changed: 1, removed: 1 });
        expect((await diagram({ base: 'HEAD' })).compare).toEqual(before.compare);
        // The unsaved text committed as it is: HEAD now says what the editor says.
        commit(dir, { 'model/trade.bos': EDITED }, 'Pay instead of Refund');
        const after = await diagram({ base: 'HEAD' });
        expect(after.compare).toMatchObject({ added: 0, changed: 0, removed: 0 });
        expect(after.compare?.label).toBe(`HEAD (${git(dir, 'rev-parse', '--short=7', 'HEAD').trim()})`);
    });

    it('compares with a folder whose model does not parse, and counts its syntax errors', async () => {
        const old = tempDir('lsp-compare-old');
        write(old, { 'model/trade.bos': TRADE.replace('capability Refund {', 'capability Refund {{') });
        const d = await diagram({ base: old });
        expect(d.compare).toMatchObject({ base: old, label: old });
        expect(d.compare?.baseSyntaxErrors).toBeGreaterThan(0);
        expect(d.compare?.error).toBeUndefined();
        expect(d.svg).toMatch(/^<svg/);
    });

    it('draws the head with a one-line reason for a base that does not exist', async () => {
        const d = await diagram({ base: 'no-such-branch' });
        expect(d.svg).toMatch(/^<svg/);
        expect(d.svg).not.toContain('bos-change-');
        expect(d.compare?.base).toBe('no-such-branch');
        expect(d.compare?.error).toMatch(
            /^--base no-such-branch is neither a folder nor a commit of the git repository/,
        );
        expect(d.compare?.error).not.toContain('\n');
    });
});
