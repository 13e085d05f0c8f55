// The semantic diff (src/diff/), on models built as `bos diff` builds them: what counts as
// added, removed, renamed and changed, how findings are matched, what each scenario says
// differently, --fail-on, the summary line and the renderings.
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../src/analysis/report.js';
import { isEmpty } from '../src/diff/diff.js';
import { failures } from '../src/diff/fail-on.js';
import { diffJson } from '../src/diff/json.js';
import { diffMarkdown, MARKER } from '../src/diff/markdown.js';
import { summaryLine } from '../src/diff/summary.js';
import { diffText } from '../src/diff/text.js';
import { diffOf } from './diff-sides.js';

const CLOUD = `package shop
infrastructure Cloud {
  resource VM "虚拟机" : compute { capacity 100k/s  cost 0.1 CNY per 10k  latency 5ms }
  resource DB : database { capacity 50k/s  latency 2ms }
}
`;
const TRADE = `package shop
platform Trade : business {
  capability Order "下单" {
    runs on Cloud.VM, Cloud.DB x 2
    capacity 20k/s
    latency 20ms
  }
  capability Pay { runs on Cloud.VM  capacity 30k/s  latency 10ms }
}
element Sales : sales { uses Trade.Order }
actor Buyer { uses Sales }
flow Checkout { from Buyer  step Trade.Order  step Trade.Pay  slo 100ms }
scenario Peak { load Checkout 10k/s  budget 1 CNY per 10k }
`;
const BASE = { 'cloud.bos': CLOUD, 'trade.bos': TRADE };
const base = { given: 'main', commit: '0123456789abcdef0123456789abcdef01234567' };

const edit = (text: string, ...pairs: [string | RegExp, string][]) =>
    pairs.reduce((t, [from, to]) => {
        const next = t.replace(from, to);
        if (next === t) throw new Error(`no ${String(from)} in the text`);
        return next;
    }, text);

/** How a file of the in-memory model is named in output: relative to the folder the test runs in. */
const shown = (file: string) => relative(process.cwd(), `/virtual/model/${file}`).split(sep).join('/');

describe('declarations', () => {
    it('lists each property and each dependency with its weight, before → after', async () => {
        const trade = edit(
            TRADE,
            ['capability Order "下单"', 'capability Order "创建订单"'],
            ['Cloud.DB x 2\n', 'Cloud.DB x 3\n    calls Pay\n'],
            ['capacity 20k/s\n    latency 20ms', 'capacity 15k/s'],
        );
        const d = await diffOf(BASE, { ...BASE, 'trade.bos': trade });
        expect(d.declarations).toEqual({
            added: [],
            removed: [],
            renamed: [],
            changed: [{
                name: 'shop.Trade.Order',
                changes: [
                    { property: 'title', before: '"下单"', after: '"创建订单"' },
                    { property: 'capacity', before: '20k/s', after: '15k/s' },
                    { property: 'latency', before: '20ms', after: null },
                    { property: 'runs on', before: 'shop.Cloud.DB x 2', after: 'shop.Cloud.DB x 3' },
                    { property: 'calls', before: null, after: 'shop.Trade.Pay x 1' },
                ],
            }],
        });
    });

    it('lists declarations added and removed, and what refers to them as changed', async () => {
        const cloud = `${CLOUD}resource Cache : cache { capacity 1M/s }\n`;
        const trade = edit(
            TRADE,
            ['  capability Pay { runs on Cloud.VM  capacity 30k/s  latency 10ms }\n', ''],
            ['  step Trade.Pay', ''],
        );
        const d = await diffOf(BASE, { 'cloud.bos': cloud, 'trade.bos': trade });
        expect(d.declarations.added).toEqual(['shop.Cache']);
        expect(d.declarations.removed).toEqual(['shop.Trade.Pay']);
        expect(d.declarations.changed).toEqual([{
            name: 'shop.Checkout',
            changes: [{ property: 'step', before: 'shop.Trade.Pay x 1', after: null }],
        }]);
    });

    it('pairs a dependency written twice by its weights', async () => {
        const before = {
            'a.bos': `${CLOUD}platform P : business { capability C { runs on Cloud.VM, Cloud.VM x 2 } }\n`,
        };
        const after = {
            'a.bos': `${CLOUD}platform P : business { capability C { runs on Cloud.VM x 2, Cloud.VM x 4 } }\n`,
        };
        expect((await diffOf(before, after)).declarations.changed[0].changes).toEqual([
            { property: 'runs on', before: 'shop.Cloud.VM x 1', after: 'shop.Cloud.VM x 4' },
        ]);
    });

    it('compares quantities by what they mean: the same value in another unit is no change', async () => {
        const at = (capacity: string, latency: string, cost: string) => ({
            'a.bos': `package shop\nresource VM : compute { capacity ${capacity}  latency ${latency}  cost ${cost} }\n`,
        });
        const same = await diffOf(at('1.5M/s', '1s', '0.06 CNY per 10k'), at('90M/min', '1000ms', '0.000006 CNY'));
        expect(same.declarations.changed).toEqual([]);
        const other = await diffOf(at('1.5M/s', '1s', '0.06 CNY per 10k'), at('1_500_001/s', '1s', '0.06 USD per 10k'));
        expect(other.declarations.changed[0].changes).toEqual([
            { property: 'capacity', before: '1.5M/s', after: '1500001/s' },
            { property: 'cost', before: '0.06 CNY per 10k', after: '0.06 USD per 10k' },
        ]);
    });

    it('finds a rename: identical but for the name, with the references to it following', async () => {
        const trade = TRADE.replace('capability Order', 'capability PlaceOrder').replaceAll(
            'Trade.Order',
            'Trade.PlaceOrder',
        );
        const d = await diffOf(BASE, { ...BASE, 'trade.bos': trade });
        expect(d.declarations).toEqual({
            added: [],
            removed: [],
            renamed: [{ before: 'shop.Trade.Order', after: 'shop.Trade.PlaceOrder' }],
            changed: [],
        });
        expect(d.findings).toEqual({ introduced: [], resolved: [] });
        expect(d.scenarios).toEqual([]);
    });

    it('finds a whole package renamed: every declaration in it, by the prefix of its name', async () => {
        const renamed = (t: string) => t.replace('package shop', 'package store');
        const d = await diffOf(BASE, { 'cloud.bos': renamed(CLOUD), 'trade.bos': renamed(TRADE) });
        expect(d.declarations.added).toEqual([]);
        expect(d.declarations.removed).toEqual([]);
        expect(d.declarations.changed).toEqual([]);
        expect(d.declarations.renamed.map(r => `${r.before} → ${r.after}`)).toEqual([
            'shop.Buyer → store.Buyer',
            'shop.Checkout → store.Checkout',
            'shop.Cloud → store.Cloud',
            'shop.Cloud.DB → store.Cloud.DB',
            'shop.Cloud.VM → store.Cloud.VM',
            'shop.Peak → store.Peak',
            'shop.Sales → store.Sales',
            'shop.Trade → store.Trade',
            'shop.Trade.Order → store.Trade.Order',
            'shop.Trade.Pay → store.Trade.Pay',
        ]);
        expect(d.findings).toEqual({ introduced: [], resolved: [] });
        expect(d.scenarios).toEqual([]);
    });

    it('takes a declaration that moved with its renamed package and changed for one changed declaration', async () => {
        const renamed = (t: string) => t.replace('package shop', 'package store');
        const trade = renamed(TRADE).replace('load Checkout 10k/s', 'load Checkout 12k/s');
        const d = await diffOf(BASE, { 'cloud.bos': renamed(CLOUD), 'trade.bos': trade });
        expect(d.declarations.added).toEqual([]);
        expect(d.declarations.removed).toEqual([]);
        expect(d.declarations.renamed).toHaveLength(9);
        expect(d.declarations.changed).toEqual([{
            name: 'store.Peak',
            changes: [
                { property: 'name', before: 'shop.Peak', after: 'store.Peak' },
                { property: 'load', before: 'store.Checkout 10k/s', after: 'store.Checkout 12k/s' },
            ],
        }]);
        // The scenario is the same one: its numbers are compared, not dropped and added.
        expect(d.scenarios.map(s => s.name)).toEqual(['store.Peak']);
        expect(d.scenarios[0].nodes.find(n => n.name === 'store.Trade.Order')?.utilisation).toEqual({
            before: 0.5,
            after: 0.6,
        });
    });

    it('takes a renamed declaration that also changed for one removed and one added', async () => {
        const trade = TRADE.replace(
            'capability Pay { runs on Cloud.VM  capacity 30k/s',
            'capability Payment { runs on Cloud.VM  capacity 40k/s',
        )
            .replace('step Trade.Pay', 'step Trade.Payment');
        const d = await diffOf(BASE, { ...BASE, 'trade.bos': trade });
        expect(d.declarations.renamed).toEqual([]);
        expect(d.declarations.added).toEqual(['shop.Trade.Payment']);
        expect(d.declarations.removed).toEqual(['shop.Trade.Pay']);
    });
});

describe('findings', () => {
    const WITH_FINDINGS = {
        ...BASE,
        'more.bos': 'package shop\nelement Offline : brand\nelement Broken : sales { uses Nowhere }\n',
    };

    it('introduces nothing when an edit only moves lines and declarations', async () => {
        const moved = {
            'more.bos': `// moved\n\n\n${WITH_FINDINGS['more.bos'].split('\n').reverse().join('\n')}\n`.replace(
                /\n(package shop)\n/,
                '\n',
            ).replace('// moved', 'package shop\n// moved'),
            'cloud.bos': `\n\n// a comment\n${CLOUD}`,
            'trade.bos': TRADE,
        };
        const d = await diffOf(WITH_FINDINGS, moved);
        expect(d.findings).toEqual({ introduced: [], resolved: [] });
        expect(isEmpty(d)).toBe(true);
    });

    it('matches by code and declaration, so new numbers in a message are the same finding', async () => {
        // 17k/s of 20k/s is 85%: into the headroom; 19k/s is 95%: still there.
        const at = (rate: string) => ({
            ...BASE,
            'trade.bos': TRADE.replace('load Checkout 10k/s', `load Checkout ${rate}`),
        });
        const d = await diffOf(at('17k/s'), at('19k/s'));
        expect(d.findings).toEqual({ introduced: [], resolved: [] });
        expect(d.scenarios[0].nodes.find(n => n.name === 'shop.Trade.Order')).toEqual({
            name: 'shop.Trade.Order',
            utilisation: { before: 0.85, after: 0.95 },
            status: { before: 'headroom', after: 'headroom' },
        });
    });

    it('lists findings introduced and resolved, at their own lines', async () => {
        const fixed = {
            ...WITH_FINDINGS,
            'more.bos': 'package shop\nelement Offline : brand\nelement Broken : sales { uses Trade.Order }\n'
                + 'platform Up : business { capability Bad { uses Sales } }\n',
        };
        const d = await diffOf(WITH_FINDINGS, fixed);
        const brief = (fs: typeof d.findings.introduced) =>
            fs.map(f => `${f.code} ${f.declaration} ${f.file}:${f.line}`);
        expect(brief(d.findings.resolved)).toEqual([`bos/unresolved shop.Broken ${shown('more.bos')}:3`]);
        expect(brief(d.findings.introduced).filter(f => f.startsWith('bos/layering'))).toEqual([
            `bos/layering shop.Up.Bad ${shown('more.bos')}:4`,
        ]);
    });

    it('follows a rename: a finding on the renamed declaration stays', async () => {
        const d = await diffOf(WITH_FINDINGS, {
            ...WITH_FINDINGS,
            'more.bos': WITH_FINDINGS['more.bos'].replace('Offline', 'NotYetOnline'),
        });
        expect(d.declarations.renamed).toEqual([{ before: 'shop.Offline', after: 'shop.NotYetOnline' }]);
        expect(d.findings).toEqual({ introduced: [], resolved: [] });
    });
});

describe('scenarios', () => {
    it('gives the cost per 10k, s*, each node whose utilisation or status changed and each flow latency', async () => {
        const after = {
            'cloud.bos': CLOUD.replace('cost 0.1 CNY', 'cost 0.15 CNY'),
            'trade.bos': TRADE.replace('load Checkout 10k/s', 'load Checkout 25k/s'),
        };
        const [s] = (await diffOf(BASE, after)).scenarios;
        expect(s.name).toBe('shop.Peak');
        // Two VM requests per transaction (Order and Pay), at 0.1 then 0.15 CNY per 10k.
        expect(s.costPer10k).toEqual({
            before: { amount: 0.2, currency: 'CNY' },
            after: { amount: expect.closeTo(0.3, 12), currency: 'CNY' },
        });
        // Order is the bottleneck: 20k/s of capacity over 10k/s, then 25k/s.
        expect(s.saturation!.before).toBeCloseTo(2);
        expect(s.saturation!.after).toBeCloseTo(0.8);
        expect(s.nodes.map(n => [n.name, n.utilisation.before, n.utilisation.after, n.status.before, n.status.after]))
            .toEqual([
                ['shop.Cloud.DB', 0.4, 1, 'ok', 'headroom'],
                ['shop.Cloud.VM', 0.2, 0.5, 'ok', 'ok'],
                ['shop.Trade.Order', 0.5, 1.25, 'ok', 'overload'],
                ['shop.Trade.Pay', 1 / 3, 25 / 30, 'ok', 'headroom'],
            ]);
        expect(s.flows).toHaveLength(1);
        expect(s.flows[0]).toMatchObject({
            name: 'shop.Checkout',
            latency: { after: null },
            status: { before: 'ok', after: 'saturated' },
        });
        // No servers anywhere: every node a delay station, R = Σ visits × S = 20 + 10 + 2 × 5 + 2 × 2 ms.
        expect(s.flows[0].latency.before).toBeCloseTo(0.044);
    });

    it('leaves out a scenario where nothing changed, and says why scenarios were not compared', async () => {
        expect((await diffOf(BASE, { ...BASE, 'x.bos': 'package shop\nactor Other\n' })).scenarios).toEqual([]);
        const cycle = {
            ...BASE,
            'trade.bos': TRADE.replace(
                'capability Pay { runs on Cloud.VM',
                'capability Pay { calls Order  runs on Cloud.VM',
            ).replace('runs on Cloud.VM, Cloud.DB x 2', 'runs on Cloud.VM, Cloud.DB x 2\n    calls Pay'),
        };
        const d = await diffOf(BASE, cycle);
        expect(d.scenarios).toEqual([]);
        expect(d.notes).toEqual([
            expect.stringMatching(/^scenarios not compared: scenario analysis skipped while a dependency cycle exists/),
        ]);
        expect(d.findings.introduced.map(f => f.code)).toContain('bos/cycle');
    });
});

describe('--fail-on', () => {
    it('holds only for what got worse', async () => {
        const worse = await diffOf(BASE, {
            'cloud.bos': CLOUD.replace('cost 0.1 CNY', 'cost 0.15 CNY'),
            'trade.bos': TRADE.replace('load Checkout 10k/s', 'load Checkout 25k/s').replace(
                'element Sales : sales',
                'element Sales : sales { uses Cloud.VM }\nelement Other : sales',
            ),
        });
        expect(failures(worse, ['errors', 'warnings', 'cost', 'latency', 'saturation'])).toEqual([
            expect.stringMatching(/^errors: \d+ errors introduced$/),
            expect.stringMatching(/^warnings: \d+ warnings? introduced$/),
            'cost: shop.Peak costs 0.20 → 0.30 CNY per 10k',
            'latency: flow shop.Checkout takes 44ms → unbounded (saturated) in shop.Peak',
            'saturation: shop.Peak saturates sooner: s* ×2 → ×0.8',
        ]);
        const better = await diffOf({
            'cloud.bos': CLOUD.replace('cost 0.1 CNY', 'cost 0.15 CNY'),
            'trade.bos': TRADE.replace('load Checkout 10k/s', 'load Checkout 25k/s'),
        }, BASE);
        expect(failures(better, ['errors', 'warnings', 'cost', 'latency', 'saturation'])).toEqual([]);
        expect(failures(worse, [])).toEqual([]);
    });
});

describe('renderings', () => {
    const after = {
        'cloud.bos': CLOUD.replace('cost 0.1 CNY', 'cost 0.12 CNY'),
        'trade.bos': TRADE.replace('capacity 20k/s', 'capacity 16k/s').replace('slo 100ms', 'slo 30ms')
            + 'platform Up : business { capability Bad { uses Sales } }\n',
    };

    it('says what a change does in one line', async () => {
        expect(summaryLine(await diffOf(BASE, after))).toBe(
            '+2 −0 ~3 declarations · 2 new errors · 1 new warning · Peak cost 0.20 → 0.24 CNY per 10k (+20%) · '
                + 'Peak s* ×2 → ×1.6 · Order 50% → 63%',
        );
        expect(summaryLine(await diffOf(BASE, BASE))).toBe('no semantic change');
    });

    it('prints JSON in the shape of cli.md', async () => {
        const json = diffJson(await diffOf(BASE, after), base);
        expect(Object.keys(json)).toEqual(['base', 'declarations', 'findings', 'scenarios']);
        expect(json.base).toEqual({ revision: 'main', commit: base.commit, syntaxErrors: 0 });
        expect(Object.keys(json.declarations)).toEqual(['added', 'removed', 'changed', 'renamed']);
        expect(Object.keys(json.findings.introduced[0])).toEqual([
            'file',
            'line',
            'column',
            'endLine',
            'endColumn',
            'severity',
            'code',
            'message',
        ]);
        expect(Object.keys(json.scenarios[0])).toEqual(['name', 'costPer10k', 'saturation', 'nodes', 'flows']);
        expect(Object.keys(json.scenarios[0].nodes[0])).toEqual(['name', 'utilisation', 'status']);
        expect(Object.keys(json.scenarios[0].flows[0])).toEqual(['name', 'latency', 'status']);
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    });

    it('prints text with the findings in the GNU form', async () => {
        const text = diffText(await diffOf(BASE, after), base, PLAIN);
        expect(text.split('\n').slice(0, 2)).toEqual([
            'bos diff against main (0123456)',
            expect.stringMatching(/^\+2 −0 ~3 declarations · /),
        ]);
        expect(text).toContain('  ~ shop.Trade.Order\n      capacity  20k/s → 16k/s\n');
        expect(text).toContain(`\n  ${shown('trade.bos')}:14:`);
        expect(text).toMatch(/trade\.bos:14:\d+: error: .* \[bos\/layering\]\n/);
        expect(text).toContain('  cost per 10k  0.20 → 0.24 CNY (+20%)\n');
        expect(text).toContain('  shop.Checkout  44ms     ok → over-slo\n');
    });

    it('writes a comment with a marker, a summary line, collapsible tables, and escapes the model', async () => {
        const hostile = 'a|b <script>alert(1)</script> @team #12 [x](y) `code` *b* _i_ ~s~ $m$ :x: &amp;';
        const d = await diffOf(BASE, {
            ...after,
            'trade.bos': after['trade.bos'].replace('"下单"', JSON.stringify(hostile)),
        });
        const md = diffMarkdown(d, base);
        const lines = md.split('\n');
        expect(lines[0]).toBe(MARKER);
        expect(lines[1]).toMatch(/^\*\*bos diff\*\* against `main` \(`0123456`\): \+2 −0 &#126;3 declarations · /);
        expect(md.match(/<details>/g)).toHaveLength(3);
        expect(md.match(/<\/details>/g)).toHaveLength(3);
        const titleRow = lines.find(l => l.includes('| title |'))!;
        expect(titleRow.split(/(?<!\\)\|/)).toHaveLength(7); // 5 cells: no pipe of the title splits one
        // Outside character references, nothing of the title is markup.
        const cell = titleRow.split(' | ')[4].replace(/&#\d+;/g, '');
        expect(cell).toMatch(/^[\p{L}\p{N} /;]+ \|$/u);
        expect(titleRow).toContain('&#60;script&#62;alert&#40;1&#41;&#60;/script&#62; &#64;team &#35;12');
    });

    it('keeps a comment within what GitHub takes, cutting long tables', async () => {
        const many = Array.from({ length: 3000 }, (_, i) => `actor A${i} "${'长'.repeat(20)}"`).join('\n');
        const d = await diffOf(BASE, { ...BASE, 'many.bos': `package shop\n${many}\n` });
        const md = diffMarkdown(d, base);
        expect(md.length).toBeLessThanOrEqual(65_536);
        expect(md).toMatch(/… and \d+ more \(`bos diff --format json` lists all\)/);
    });
});
