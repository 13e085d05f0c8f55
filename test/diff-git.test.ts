// `bos diff` as a process on real git repositories: the base read at a revision from the
// repository that holds the paths (files added and deleted, a package renamed, a base
// that does not parse), or from a folder; bad input is one line and exit 2; nothing in
// the work tree or the index changes.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bos, commit, expectUsage, git, repository, snapshot, write } from './diff-repo.js';
import { tempDir } from './temp.js';

const CLOUD =
    'package shop\ninfrastructure Cloud { resource VM : compute { capacity 100k/s  cost 0.1 CNY per 10k } }\n';
const TRADE = `package shop
platform Trade : business { capability Order { runs on Cloud.VM  capacity 20k/s } }
element Sales : sales { uses Trade.Order }
flow Checkout { step Trade.Order }
scenario Peak { load Checkout 10k/s }
`;
const FILES = { 'model/cloud.bos': CLOUD, 'model/trade.bos': TRADE, 'README.md': 'not a model\n' };

beforeAll(() => {
    if (!existsSync('out/cli.cjs')) throw new Error('build first: npm run build');
});

describe('bos diff --base REV', () => {
    it('reads files added and deleted between the revisions, and leaves the work tree and the index alone', () => {
        const dir = repository({ ...FILES, 'model/old.bos': 'package shop\nactor Gone\n' });
        commit(dir, { 'model/new.bos': 'package shop\nactor Fresh { uses Sales }\n', 'model/old.bos': null });
        // The work tree differs from HEAD: a change staged, one not, and a file git does not know.
        write(dir, { 'model/trade.bos': TRADE.replace('capacity 20k/s', 'capacity 15k/s') });
        git(dir, 'add', 'model/trade.bos');
        write(dir, {
            'model/cloud.bos': CLOUD.replace('cost 0.1 CNY', 'cost 0.2 CNY'),
            'model/extra.bos': 'package shop\nactor Extra "额外"\n',
        });
        const before = snapshot(dir);
        const r = bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'json');
        expect(r.code, r.err).toBe(0);
        const json = JSON.parse(r.out);
        expect(json.base).toEqual({
            revision: 'HEAD~1',
            commit: git(dir, 'rev-parse', 'HEAD~1').trim(),
            syntaxErrors: 0,
        });
        expect(json.declarations.added).toEqual(['shop.Extra', 'shop.Fresh']);
        expect(json.declarations.removed).toEqual(['shop.Gone']);
        expect(json.declarations.changed.map((c: { name: string }) => c.name)).toEqual([
            'shop.Cloud.VM',
            'shop.Trade.Order',
        ]);
        expect(json.scenarios[0]).toMatchObject({
            name: 'shop.Peak',
            costPer10k: { before: { amount: 0.1, currency: 'CNY' }, after: { amount: 0.2, currency: 'CNY' } },
            nodes: [{ name: 'shop.Trade.Order', utilisation: { before: 0.5, after: 10 / 15 } }],
        });
        expect(snapshot(dir)).toEqual(before);
    });

    it('reads the repository that holds the paths, whatever the current folder', () => {
        const dir = repository(FILES);
        commit(dir, { 'model/trade.bos': TRADE.replace('capacity 20k/s', 'capacity 25k/s') });
        const elsewhere = tempDir('diff-cwd');
        const r = bos(elsewhere, 'diff', join(dir, 'model'), '--base', 'HEAD~1');
        expect(r.code, r.err).toBe(0);
        expect(r.out).toContain('  ~ shop.Trade.Order\n      capacity  20k/s → 25k/s\n');
        // A path inside the model picks the same files of both revisions.
        const one = bos(join(dir, 'model'), 'diff', 'trade.bos', '--base', 'main~1', '--format', 'json');
        expect(JSON.parse(one.out).declarations.changed).toHaveLength(1);
    });

    it('finds a whole package renamed between the revisions', () => {
        const dir = repository(FILES);
        const renamed = (t: string) => t.replace('package shop', 'package store');
        commit(dir, { 'model/cloud.bos': renamed(CLOUD), 'model/trade.bos': renamed(TRADE) });
        const r = bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'json');
        const { declarations, findings } = JSON.parse(r.out);
        expect(declarations.added).toEqual([]);
        expect(declarations.removed).toEqual([]);
        expect(declarations.renamed).toHaveLength(7);
        expect(declarations.renamed).toContainEqual({ before: 'shop.Trade.Order', after: 'store.Trade.Order' });
        expect(findings).toEqual({ introduced: [], resolved: [] });
    });

    it('compares with a base whose model does not parse, and says so; its findings count', () => {
        const dir = repository({ ...FILES, 'model/broken.bos': 'package shop\nelement Half : sales { uses \n' });
        commit(dir, { 'model/broken.bos': 'package shop\nelement Half : sales { uses Trade.Order }\n' });
        const r = bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'json');
        expect(r.code, r.err).toBe(0);
        const json = JSON.parse(r.out);
        expect(json.base.syntaxErrors).toBeGreaterThan(0);
        expect(json.findings.resolved.map((f: { code: string }) => f.code)).toContain('bos/syntax');
        expect(json.findings.resolved[0].file).toBe('model/broken.bos');
        expect(bos(dir, 'diff', 'model', '--base', 'HEAD~1').out).toMatch(/the base has \d+ syntax errors?/);
        expect(bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'markdown').out).toContain(
            '> **Note**: the base has syntax errors',
        );
    });

    it('reads a base file that is not UTF-8 as validate does: one bos/syntax finding', () => {
        const dir = repository({ ...FILES, 'model/bad.bos': Buffer.from([0x70, 0xff, 0xfe, 0x0a]) });
        commit(dir, { 'model/bad.bos': 'package shop\nactor Fixed\n' });
        const json = JSON.parse(bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'json').out);
        expect(json.findings.resolved).toEqual([expect.objectContaining({
            file: 'model/bad.bos',
            code: 'bos/syntax',
            message: expect.stringMatching(/^the file is not UTF-8 text/),
        })]);
    });

    it('takes everything for added when the base had no model yet', () => {
        const dir = repository({ 'README.md': 'soon\n' });
        commit(dir, FILES);
        const r = bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--format', 'json');
        expect(r.code, r.err).toBe(0);
        expect(JSON.parse(r.out).declarations.added).toHaveLength(7);
    });

    it('sets the exit status by --fail-on, saying why on stderr', () => {
        const dir = repository(FILES);
        commit(dir, { 'model/trade.bos': TRADE.replace('load Checkout 10k/s', 'load Checkout 30k/s') });
        const r = bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--fail-on', 'errors,saturation');
        expect(r.code).toBe(1);
        expect(r.err).toBe(
            'bos: --fail-on errors: 1 error introduced\nbos: --fail-on saturation: shop.Peak saturates sooner: s* ×2 → ×0.667\n',
        );
        expect(bos(dir, 'diff', 'model', '--base', 'HEAD~1', '--fail-on', 'warnings,latency').code).toBe(0);
        expect(bos(dir, 'diff', 'model', '--base', 'HEAD~1').code).toBe(0);
    });
});

describe('bos diff --base DIR', () => {
    it('loads the same paths under the folder like the head', () => {
        const dir = repository(FILES);
        const old = tempDir('diff-old');
        cpSync(join(dir, 'model'), join(old, 'model'), { recursive: true });
        write(dir, { 'model/trade.bos': TRADE.replace('element Sales : sales', 'element Sales "销售" : sales') });
        const r = bos(dir, 'diff', 'model', '--base', old, '--format', 'json');
        expect(r.code, r.err).toBe(0);
        const json = JSON.parse(r.out);
        expect(json.base).toEqual({ folder: old, syntaxErrors: 0 });
        expect(json.declarations.changed).toEqual([
            { name: 'shop.Sales', changes: [{ property: 'title', before: null, after: '"销售"' }] },
        ]);
    });
});

describe('bad input', () => {
    it('a revision that does not exist', () => {
        const dir = repository(FILES);
        write(dir, { 'model/trade.bos': TRADE.replace('20k/s', '25k/s') });
        const before = snapshot(dir);
        expectUsage(
            bos(dir, 'diff', 'model', '--base', 'no-such-branch'),
            /^bos: --base no-such-branch is neither a folder nor a commit of the git repository at .+ \(is it/,
        );
        expect(snapshot(dir)).toEqual(before);
    });

    it('a path outside any git repository with a revision as the base', () => {
        const dir = tempDir('diff-nogit');
        write(dir, FILES);
        expectUsage(
            bos(dir, 'diff', 'model', '--base', 'main'),
            /^bos: --base main is no folder, and model is in no git repository to read a revision from\n$/,
        );
    });

    it('a shallow clone that lacks the base commit', () => {
        const origin = repository(FILES);
        commit(origin, { 'model/trade.bos': TRADE.replace('20k/s', '25k/s') });
        const clone = join(tempDir('diff-shallow'), 'clone');
        git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
        const before = snapshot(clone);
        expectUsage(
            bos(clone, 'diff', 'model', '--base', 'HEAD~1'),
            /^bos: --base HEAD~1 is not in this shallow clone; fetch it first \(git fetch --depth=1 origin BRANCH/,
        );
        expect(snapshot(clone)).toEqual(before);
    });

    it('no --base, a bad --fail-on or --format, an option diff does not take, a path that does not exist', () => {
        const dir = repository(FILES);
        expectUsage(bos(dir, 'diff', 'model'), /^bos: bos diff needs --base REV\|DIR/);
        expectUsage(
            bos(dir, 'diff', 'model', '--base', 'HEAD', '--fail-on', 'errors,speed'),
            /^bos: --fail-on takes errors, warnings, cost, latency, saturation \(comma-separated\), not 'speed'\n$/,
        );
        expectUsage(
            bos(dir, 'diff', '--base', 'HEAD', '--format', 'sarif'),
            /^bos: --format must be one of text, json, markdown/,
        );
        expectUsage(bos(dir, 'diff', '--base', 'HEAD', '--quiet'), /^bos: bos diff does not take --quiet\n$/);
        expectUsage(
            bos(dir, 'diff', 'nowhere', '--base', 'HEAD'),
            /^bos: cannot read nowhere: no such file or folder\n$/,
        );
        expectUsage(
            bos(dir, 'diff', 'model', '--base=-x'),
            /^bos: --base needs a git revision or a folder, not '-x'\n$/,
        );
    });
});
