// `bos render --base` as a process on real git repositories: the head's picture with
// added and changed boxes marked, removed ones drawn faded in place from the base, edges
// likewise, and the overlay's utilisation before → after; bad input is one line and exit
// 2; nothing in the work tree or the index changes.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bos, commit, expectUsage, git, repository, snapshot, write } from './diff-repo.js';
import { tempDir } from './temp.js';

const CLOUD =
    'package shop\ninfrastructure Cloud { resource VM : compute { capacity 100k/s  cost 0.1 CNY per 10k } }\n';
const TRADE = `package shop
platform Trade : business {
  capability Order { runs on Cloud.VM  capacity 20k/s }
  capability Refund "退款" { runs on Cloud.VM  capacity 9k/s }
}
element Sales : sales { uses Trade.Order  uses Trade.Refund }
flow Checkout { step Trade.Order }
scenario Peak { load Checkout 10k/s }
`;
/** Refund removed, Pay added, Order's capacity lowered, Sales re-pointed, Shop renamed to Store. */
const HEAD = TRADE.replace('capacity 20k/s', 'capacity 15k/s')
    .replace(
        '  capability Refund "退款" { runs on Cloud.VM  capacity 9k/s }\n',
        '  capability Pay { runs on Cloud.VM }\n',
    )
    .replace('uses Trade.Refund', 'uses Trade.Pay');
const FILES = { 'model/cloud.bos': CLOUD, 'model/trade.bos': TRADE };

/** The `<g class="bos-node …">` of the box with this label, and its class. */
function box(svg: string, label: string): { cls: string; markup: string } {
    const groups = svg.split('<g class="bos-node').slice(1).map(g => `<g class="bos-node${g}`);
    const markup = groups.find(g =>
        g.includes(`<text class="bos-text" x="14" y="19">${label}</text>`)
        || g.includes(`<text class="bos-text" x="12" y="20">${label}</text>`)
    );
    if (!markup) throw new Error(`no box ${label}`);
    return { cls: /^<g class="([^"]*)"/.exec(markup)![1], markup };
}

const edgeClasses = (svg: string) =>
    [...svg.matchAll(/<path class="(bos-edge-[^"]*)" data-(edge|bundle)/g)].map(m => m[1]);

beforeAll(() => {
    if (!existsSync('out/cli.cjs')) throw new Error('build first: npm run build');
});

describe('bos render --base REV', () => {
    it('marks added, changed and removed boxes and edges, and the utilisation before → after', () => {
        const dir = repository(FILES, 'render-base');
        write(dir, { 'model/trade.bos': HEAD, 'model/new.bos': 'package shop\nactor Fresh { uses Sales }\n' });
        git(dir, 'add', 'model/trade.bos');
        const before = snapshot(dir);
        const out = join(tempDir('render-base-out'), 'change.svg');
        const r = bos(dir, 'render', 'model', '--base', 'HEAD', '--scenario', 'Peak', '-o', out);
        expect(r.code, r.err).toBe(0);
        const commitId = git(dir, 'rev-parse', 'HEAD').trim();
        expect(r.out).toBe(
            `${out}: view Overview with the shop.Peak overlay, compared with HEAD (${commitId.slice(0, 7)})\n`,
        );
        const svg = readFileSync(out, 'utf8');
        expect(box(svg, 'Fresh').cls).toBe('bos-node bos-change-added');
        expect(box(svg, 'Pay').cls).toBe('bos-node bos-change-added');
        expect(box(svg, 'Pay').markup).toContain('<circle class="bos-badge-added"');
        const order = box(svg, 'Order');
        expect(order.cls).toBe('bos-node bos-change-changed');
        expect(order.markup).toContain('<rect class="bos-halo-changed"');
        expect(order.markup).toContain('10k/s · 50% → 66.7%');
        // Removed, drawn from the base with its title, faded and dashed, inside its old container.
        const refund = box(svg, '退款');
        expect(refund.cls).toBe('bos-node bos-change-removed bos-removed');
        expect(refund.markup).toContain('bos-removed-box');
        expect(refund.markup).toContain('<title>shop.Trade.Refund — removed</title>');
        expect(box(svg, 'VM').cls).toBe('bos-node');
        // Three edges from the platform to the cloud and three into it: each trio is one bundle,
        // changed since some of its members are added or removed.
        expect(edgeClasses(svg).sort()).toEqual([
            'bos-edge-runs-on bos-edge-changed bos-bundle-edge',
            'bos-edge-uses bos-edge-added',
            'bos-edge-uses bos-edge-changed bos-bundle-edge',
        ]);
        const each = join(tempDir('render-base-out'), 'each.svg');
        expect(bos(dir, 'render', 'model', '--base', 'HEAD', '--no-bundle', '-o', each).code).toBe(0);
        expect(edgeClasses(readFileSync(each, 'utf8')).sort()).toEqual([
            'bos-edge-runs-on',
            'bos-edge-runs-on bos-edge-added',
            'bos-edge-runs-on bos-edge-removed',
            'bos-edge-uses',
            'bos-edge-uses bos-edge-added',
            'bos-edge-uses bos-edge-added',
            'bos-edge-uses bos-edge-removed',
        ]);
        expect(svg).toContain(`compared with HEAD (${commitId.slice(0, 7)}): 2 added, 2 changed, 1 removed`);
        expect(svg).toContain('.bos-edge-removed{opacity:0.5;stroke-dasharray:6 4}');
        expect(snapshot(dir)).toEqual(before);
    });

    it('draws a renamed package as changed, not removed and added', () => {
        const dir = repository(FILES, 'render-base');
        const renamed = (t: string) => t.replace('package shop', 'package store');
        commit(dir, { 'model/cloud.bos': renamed(CLOUD), 'model/trade.bos': renamed(TRADE) });
        const r = bos(dir, 'render', 'model', '--base', 'HEAD~1');
        expect(r.code, r.err).toBe(0);
        expect(r.out).not.toContain('bos-change-removed');
        expect(r.out).not.toContain('bos-change-added');
        expect(box(r.out, 'Order').markup).toContain(
            '<title>store.Trade.Order — renamed from shop.Trade.Order</title>',
        );
        expect(r.out).toMatch(/: 0 added, 6 changed, 0 removed/);
        expect(edgeClasses(r.out).every(c => !c.includes('added') && !c.includes('removed'))).toBe(true);
    });

    it('draws files deleted since the base as removed, and a base that had no model as all added', () => {
        const old =
            'package shop\nactor Gone { uses Sales }\nplatform Pay : finance { capability Charge { runs on Cloud.VM } }\n';
        const dir = repository({ ...FILES, 'model/old.bos': old });
        commit(dir, { 'model/old.bos': null });
        const r = bos(dir, 'render', 'model', '--base', 'HEAD~1');
        expect(box(r.out, 'Gone').cls).toBe('bos-node bos-change-removed bos-removed');
        // A whole container removed: drawn with its children inside, all faded.
        expect(box(r.out, 'Pay').cls).toBe('bos-node bos-change-removed bos-removed');
        expect(box(r.out, 'Charge').cls).toBe('bos-node bos-change-removed bos-removed');
        expect(edgeClasses(r.out)).toEqual(
            expect.arrayContaining(['bos-edge-uses bos-edge-removed', 'bos-edge-runs-on bos-edge-removed']),
        );
        expect(r.out).toMatch(/: 0 added, 0 changed, 3 removed/);

        const fresh = repository({ 'README.md': 'soon\n' }, 'render-base');
        commit(fresh, FILES);
        const all = bos(fresh, 'render', 'model', '--base', 'HEAD~1');
        expect(all.code, all.err).toBe(0);
        expect(all.out).toMatch(/: 6 added, 0 changed, 0 removed/);
    });

    it('draws against a base that does not parse, and says so on stderr', () => {
        const dir = repository({ ...FILES, 'model/broken.bos': 'package shop\nelement Half : sales { uses \n' });
        commit(dir, { 'model/broken.bos': 'package shop\nelement Half : sales { uses Trade.Order }\n' });
        const before = snapshot(dir);
        const r = bos(dir, 'render', 'model', '--base', 'HEAD~1');
        expect(r.code, r.err).toBe(0);
        expect(r.err).toMatch(/^bos: the base HEAD~1 \([0-9a-f]{7}\) has \d+ syntax errors?; what did not parse there/);
        expect(r.out).toMatch(/^<svg/);
        expect(r.out).toContain('compared with HEAD~1');
        expect(snapshot(dir)).toEqual(before);
    });
});

describe('bos render --base DIR', () => {
    it('compares with the same paths under the folder', () => {
        const dir = repository(FILES, 'render-base');
        const old = tempDir('render-base-old');
        cpSync(join(dir, 'model'), join(old, 'model'), { recursive: true });
        write(dir, { 'model/trade.bos': HEAD });
        const r = bos(dir, 'render', 'model', '--base', old, '--view', 'Overview');
        expect(r.code, r.err).toBe(0);
        expect(box(r.out, 'Pay').cls).toBe('bos-node bos-change-added');
        expect(box(r.out, '退款').cls).toContain('bos-change-removed');
        expect(r.out).toContain(`compared with ${old}: 1 added, 2 changed, 1 removed`);
    });
});

describe('bad input', () => {
    it('a revision that does not exist, a path in no repository, a shallow clone without the base', () => {
        const dir = repository(FILES, 'render-base');
        write(dir, { 'model/trade.bos': HEAD });
        const before = snapshot(dir);
        expectUsage(
            bos(dir, 'render', 'model', '--base', 'no-such-branch'),
            /^bos: --base no-such-branch is neither a folder nor a commit of the git repository at /,
        );
        expect(snapshot(dir)).toEqual(before);

        const plain = tempDir('render-base-nogit');
        write(plain, FILES);
        expectUsage(
            bos(plain, 'render', 'model', '--base', 'main'),
            /^bos: --base main is no folder, and model is in no git repository to read a revision from\n$/,
        );

        commit(dir, { 'model/trade.bos': HEAD });
        const clone = join(tempDir('render-base-shallow'), 'clone');
        git(dir, 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
        const cloned = snapshot(clone);
        expectUsage(
            bos(clone, 'render', 'model', '--base', 'HEAD~1'),
            /^bos: --base HEAD~1 is not in this shallow clone; fetch it first/,
        );
        expect(snapshot(clone)).toEqual(cloned);
    });
});
