// `bos analyze`'s what-if flags (cli.md): quantities read by the language's rules, the
// flags checked before the model loads, `--set` names resolved against the model, the
// sweep's scales and knee; then the built CLI as a process: --scale, --set and --sweep
// change numbers, never files, and every mistake is exit 2 with one line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNumber, readQuantity } from '../src/cli/quantity.js';
import { kneeOf, scalesOf } from '../src/cli/sweep.js';
import { readWhatIfFlags, resolveWhatIf, whatIfLine } from '../src/cli/what-if.js';
import { bos as run, needsBuild } from './bos-process.js';
import { check } from './helpers.js';
import { exampleCopy, tempFiles } from './temp.js';

const bos = (cwd: string, ...args: string[]) => run(cwd, args);

beforeAll(needsBuild);

describe('quantities on the command line', () => {
    it('reads numbers and units as the language does: `_`, k/M/B, units per dimension, spaces between tokens', () => {
        expect(readQuantity('120ms', 'duration')).toEqual({ value: 0.12 });
        expect(readQuantity('2 s', 'duration')).toEqual({ value: 2 });
        expect(readQuantity('583k/s', 'rate')).toEqual({ value: 583_000 });
        expect(readQuantity('12M / h', 'rate')).toEqual({ value: 12e6 / 3600 });
        expect(readQuantity('1_200', 'count')).toEqual({ value: 1200 });
        expect(readQuantity('2k', 'count')).toEqual({ value: 2000 });
        expect(readQuantity('0ms', 'duration')).toEqual({ value: 0 });
        expect(readNumber('1.5')).toEqual({ value: 1.5 });
        expect(readNumber('1_000')).toEqual({ value: 1000 });
    });

    it('names what is wrong: the unit, a fraction or 0 as a count, a sign, no number, too large', () => {
        expect(readQuantity('3k/s', 'duration')).toEqual({
            problem: 'has the wrong unit: it needs a duration such as 150ms or 2 s',
        });
        expect(readQuantity('120', 'duration')).toMatchObject({ problem: expect.stringMatching(/wrong unit/) });
        expect(readQuantity('1.5', 'count')).toMatchObject({
            problem: expect.stringMatching(/^is not a whole number/),
        });
        expect(readQuantity('0', 'count')).toMatchObject({ problem: expect.stringMatching(/^is not a whole number/) });
        expect(readQuantity('-3ms', 'duration')).toMatchObject({ problem: expect.stringMatching(/^is negative/) });
        expect(readQuantity('fast', 'duration')).toMatchObject({
            problem: expect.stringMatching(/^is not a quantity/),
        });
        expect(readQuantity(`${'9'.repeat(400)}ms`, 'duration')).toEqual({ problem: 'is too large to compute with' });
        // 1e3 is JavaScript's, not the language's.
        for (const text of ['abc', '1e3', '', '1.', '.5', '2x']) {
            expect(readNumber(text), text).toMatchObject({ problem: expect.any(String) });
        }
        expect(readNumber('-1')).toEqual({ problem: 'is negative' });
    });
});

describe('the what-if flags', () => {
    it('reads --scale, --set and --sweep with its default of 11 steps', () => {
        const flags = readWhatIfFlags({ set: ['A.B.latency=120ms', 'A.B.instances=1_200'], sweep: '0.5..1.5' });
        expect(flags.scale).toBe(1);
        expect(flags.sweep).toEqual({ from: 0.5, to: 1.5, steps: 11 });
        expect(flags.sets.map(s => [s.name, s.property, s.value])).toEqual([
            ['A.B', 'latency', 0.12],
            ['A.B', 'instances', 1200],
        ]);
        expect(readWhatIfFlags({ scale: '2k' }).scale).toBe(2000);
    });

    it.each([
        [{ steps: '3' }, '--steps goes with --sweep'],
        [{ sweep: '0.5..1.5', scale: '2' }, /^--sweep and --scale do not combine/],
        [{ sweep: '1.5..0.5' }, "--sweep needs FROM below TO, not '1.5..0.5'"],
        [{ sweep: '1.5' }, /^--sweep needs FROM\.\.TO/],
        [{ sweep: '0..1', steps: '1' }, "--steps needs a whole number from 2 to 1000, not '1'"],
        [{ sweep: '0..1', steps: '100000' }, /^--steps needs a whole number from 2 to 1000/],
        [{ scale: 'abc' }, "--scale 'abc' is not a number such as 1.5, 2 or 1_000"],
        [{ set: ['A.B.latency'] }, /^--set needs NAME\.PROPERTY=QUANTITY/],
        [{ set: ['latency=1ms'] }, /^--set needs NAME\.PROPERTY=QUANTITY/],
        [
            { set: ['A.B.colour=red'] },
            /'colour' is not a property it sets \(capacity, latency, instances, concurrency\)/,
        ],
        [
            { set: ['A.B.latency=3k/s'] },
            "--set A.B.latency=3k/s: latency '3k/s' has the wrong unit: it needs a duration such as 150ms or 2 s",
        ],
        [{ set: ['A.B.capacity=0/s'] }, '--set A.B.capacity=0/s: a capacity of 0 counts as none; give a positive rate'],
    ])('refuses %j', (values, message) => {
        expect(() => readWhatIfFlags(values)).toThrow(message);
    });
});

const MODEL = {
    'cloud.bos': `package shop.cloud
infrastructure Cloud { resource DB : database { capacity 10k/s  latency 5ms  instances 4 } }
`,
    'trade.bos': `package shop.trade
import shop.cloud.*
platform Trade : business {
  capability Order { runs on Cloud.DB  latency 20ms  concurrency 50 }
}
element Sales : sales { uses Trade.Order }
flow Buy { step Trade.Order  slo 100ms }
scenario Peak { load Buy 1k/s }
`,
    'other.bos': 'package other\nplatform Trade : business { capability Order { latency 1ms } }\n',
};

describe('--set names', () => {
    it('resolve fully qualified or from the package root, and describe what they change', async () => {
        const { model } = (await check(MODEL)).result;
        const w = resolveWhatIf(
            readWhatIfFlags({ scale: '1.5', set: ['shop.cloud.Cloud.DB.instances=8', 'Cloud.DB.latency=4ms'] }),
            model,
        );
        expect([...w.overrides].map(([n, o]) => [n.id, o])).toEqual([
            ['shop.cloud.Cloud.DB', { instances: 8, latency: 0.004 }],
        ]);
        expect(whatIfLine(w)).toBe(
            'what-if (files unchanged): every load ×1.5; shop.cloud.Cloud.DB instances 8 (declared 4); '
                + 'shop.cloud.Cloud.DB latency 4ms (declared 5ms)',
        );
    });

    it('refuse an unknown name with the nearest ones, an ambiguous one, and a declaration without the property', async () => {
        const { model } = (await check(MODEL)).result;
        const set = (...s: string[]) => () => resolveWhatIf(readWhatIfFlags({ set: s }), model);
        expect(set('Cloud.BD.latency=1ms')).toThrow(
            "--set Cloud.BD.latency=1ms: no declaration named 'Cloud.BD' (nearest: shop.cloud.Cloud.DB, ",
        );
        expect(set('Trade.Order.latency=1ms')).toThrow(
            "--set Trade.Order.latency=1ms: 'Trade.Order' names other.Trade.Order and shop.trade.Trade.Order; "
                + 'write one fully qualified',
        );
        expect(set('other.Trade.Order.latency=2ms')).not.toThrow();
        expect(set('Buy.latency=1ms')).toThrow(
            '--set Buy.latency=1ms: shop.trade.Buy is a flow; latency is set on capabilities and resources',
        );
    });
});

describe('the sweep', () => {
    it('steps evenly from FROM to TO, printed without rounding noise', () => {
        expect(scalesOf({ from: 0.5, to: 1.5, steps: 11 })).toEqual([
            0.5,
            0.6,
            0.7,
            0.8,
            0.9,
            1,
            1.1,
            1.2,
            1.3,
            1.4,
            1.5,
        ]);
        expect(scalesOf({ from: 0, to: 1, steps: 2 })).toEqual([0, 1]);
    });

    it('finds the knee: the first step rising more than twice the first step did and over 1% of the first latency', () => {
        const at = (...l: (number | null)[]) => l.map(latency => ({ latency, saturated: false }));
        expect(kneeOf(at(100, 101, 102, 103, 110, 140))).toBe(4);
        // A flat curve's rounding-sized rises are no knee.
        expect(kneeOf(at(100, 100, 100.0001, 100.2, 100.3))).toBe(-1);
        expect(kneeOf(at(100, 100, 100, 105))).toBe(3);
        // Steady growth bends nowhere; saturation is a knee wherever it comes.
        expect(kneeOf(at(100, 110, 120, 130))).toBe(-1);
        expect(kneeOf([...at(100, 101), { latency: null, saturated: true }])).toBe(2);
        expect(kneeOf(at(null, null, null))).toBe(-1);
    });
});

describe('bos analyze with what-if flags', () => {
    it('--scale multiplies every load: utilisation, s*, flow rates; the file is unchanged', () => {
        const dir = exampleCopy('what-if');
        const file = join(dir, 'scenarios/double11.bos');
        const before = readFileSync(file, 'utf8');
        const base = JSON.parse(bos(dir, 'analyze', '--format', 'json', '--scenario', 'Double11Peak').out).scenarios[0];
        const r = bos(dir, 'analyze', '--format', 'json', '--scenario', 'Double11Peak', '--scale', '1.05');
        expect(r.code).toBe(0);
        const scaled = JSON.parse(r.out).scenarios[0];
        expect(scaled.transactionsPerSecond).toBeCloseTo(base.transactionsPerSecond * 1.05, 6);
        expect(scaled.saturation).toBeCloseTo(base.saturation / 1.05, 9);
        const order = (s: { nodes: { name: string; utilisation: number }[] }) =>
            s.nodes.find(n => n.name === 'tmall.platforms.Business.PlaceOrder')!;
        expect(order(scaled).utilisation).toBeCloseTo(order(base).utilisation * 1.05, 9);
        const checkout = (s: { flows: { name: string; latency: number }[] }) =>
            s.flows.find(f => f.name === 'tmall.scenarios.Checkout')!;
        expect(checkout(scaled).latency).toBeGreaterThan(checkout(base).latency);
        expect(readFileSync(file, 'utf8')).toBe(before);
    });

    it('--set on a derived node (latency and concurrency, no capacity) changes the capacity it derives', () => {
        const dir = tempFiles('what-if-derived', MODEL);
        const order = (...args: string[]) =>
            JSON.parse(bos(dir, 'analyze', '--format', 'json', ...args).out).scenarios[0].nodes.find((
                n: { name: string },
            ) => n.name === 'shop.trade.Trade.Order');
        // c = N·k/S = 50 / 20ms = 2,500/s.
        expect(order()).toMatchObject({ capacity: 2500, servers: 50, utilisation: 0.4 });
        expect(order('--set', 'shop.trade.Trade.Order.latency=40ms')).toMatchObject({ capacity: 1250, servers: 50 });
        expect(order('--set', 'shop.trade.Trade.Order.instances=2')).toMatchObject({ capacity: 5000, instances: 2 });
        // A declared capacity takes over from the derived one.
        expect(order('--set', 'shop.trade.Trade.Order.capacity=1k/s')).toMatchObject({
            capacity: 1000,
            saturated: true,
        });
    });

    it('prints what it changed above the text tables, and combines with --scenario', () => {
        const dir = exampleCopy('what-if-text');
        const r = bos(
            dir,
            'analyze',
            '--scenario',
            'Double11Peak',
            '--set',
            'Business.PlaceOrder.instances=1200',
            '--scale',
            '1.05',
        );
        expect(r.code).toBe(0);
        const lines = r.out.split('\n');
        expect(lines[0]).toBe(
            'what-if (files unchanged): every load ×1.05; tmall.platforms.Business.PlaceOrder instances 1200 '
                + '(declared 1_000)',
        );
        expect(lines[1]).toMatch(/^tmall\.scenarios\.Double11Peak /);
        expect(r.out).not.toContain('Baseline2016');
        expect(r.out).toMatch(/tmall\.platforms\.Business\.PlaceOrder .* 1\.2k×\d+ /);
    });

    it('--sweep prints per scale the bottleneck utilisation, s*, every flow latency and a bar, with the knee', () => {
        const dir = exampleCopy('what-if-sweep');
        const r = bos(dir, 'analyze', '--scenario', 'Double11Peak', '--sweep', '0.5..1.5');
        expect(r.code).toBe(0);
        const lines = r.out.split('\n');
        expect(lines[0]).toMatch(/every load ×0\.5 to ×1\.5.*bottleneck tmall\.platforms\.Business\.PlaceOrder$/);
        expect(lines[1]).toMatch(/^ {2}scale +bottleneck +s\* +Browse +Checkout +Deliver +Checkout \/ SLO 500ms$/);
        const rows = lines.slice(2, 13);
        expect(rows.map(l => l.trim().split(/\s+/)[0])).toEqual(
            ['×0.5', '×0.6', '×0.7', '×0.8', '×0.9', '×1', '×1.1', '×1.2', '×1.3', '×1.4', '×1.5'],
        );
        expect(rows[0]).toMatch(/44\.8% +×2\.23 /);
        expect(rows.filter(l => l.includes('◀ knee'))).toHaveLength(1);
        expect(rows.findIndex(l => l.includes('saturated'))).toBeGreaterThan(
            rows.findIndex(l => l.includes('◀ knee')) - 1,
        );
        expect(lines[13]).toMatch(/^ {2}knee: Browse ×[\d.]+, Checkout ×[\d.]+, Deliver —/);
    });

    it('--sweep shows at most six flows, the ones that bend first, and says how many it leaves out', () => {
        // F7 and F8 run through the busy node, which saturates within the sweep; the others through idle ones.
        const flows = Array.from({ length: 9 }, (_, i) => `flow F${i} { step P.${i >= 7 ? 'Busy' : 'Idle'} }`);
        const dir = tempFiles('what-if-many', {
            'm.bos': `platform P : business {
  capability Busy { latency 10ms  capacity 250/s }
  capability Idle { latency 10ms  capacity 1M/s }
}
${flows.join('\n')}
scenario S { ${flows.map((_, i) => `load F${i} 100/s`).join('  ')} }
`,
        });
        const lines = bos(dir, 'analyze', '--sweep', '1..2', '--steps', '3').out.split('\n');
        expect(lines[1]).toMatch(/^ {2}scale +bottleneck +s\* +F0 +F1 +F2 +F3 +F7 +F8 +F7$/);
        expect(lines[3]).toMatch(/saturated +saturated +█+ ◀ knee$/);
        expect(lines[6]).toBe('  3 more flows not shown; --format json has every one');
    });

    it('--sweep --format json: per scale, per scenario, s*, the bottleneck and its utilisation, and the flows', () => {
        const dir = exampleCopy('what-if-sweep-json');
        const r = bos(
            dir,
            'analyze',
            '--format',
            'json',
            '--sweep',
            '0..2',
            '--steps',
            '3',
            '--scenario',
            'Double11Peak',
        );
        expect(r.code).toBe(0);
        const { sweep } = JSON.parse(r.out);
        expect(sweep.map((s: { scale: number }) => s.scale)).toEqual([0, 1, 2]);
        // Nothing loaded at scale 0: no s*, no bottleneck.
        expect(sweep[0].scenarios[0]).toMatchObject({
            saturation: null,
            bottleneck: null,
            bottleneckUtilisation: null,
        });
        const one = sweep[1].scenarios[0], two = sweep[2].scenarios[0];
        expect(one.bottleneck).toBe('tmall.platforms.Business.PlaceOrder');
        expect(one.bottleneckUtilisation * one.saturation).toBeCloseTo(1, 12);
        expect(two.bottleneckUtilisation).toBeCloseTo(2 * one.bottleneckUtilisation, 12);
        expect(two.flows.find((f: { name: string }) => f.name === 'tmall.scenarios.Checkout')).toMatchObject({
            latency: null,
            status: 'saturated',
        });
        expect(Object.keys(one.flows[0])).toEqual(['name', 'rate', 'latency', 'complete', 'slo', 'status']);
    });

    it.each([
        [
            ['--set', 'Business.PlaceOrdr.instances=3'],
            /^bos: --set Business\.PlaceOrdr\.instances=3: no declaration named 'Business\.PlaceOrdr' \(nearest: tmall\.platforms\.Business\.PlaceOrder, /, // eslint-disable-line @stylistic/max-len
        ],
        [
            ['--set', 'Business.PlaceOrder.latency=3k/s'],
            /^bos: --set Business\.PlaceOrder\.latency=3k\/s: latency '3k\/s' has the wrong unit/,
        ],
        [['--set', 'Business.PlaceOrder.weight=3'], /'weight' is not a property it sets/],
        [['--scale', 'lots'], /^bos: --scale 'lots' is not a number/],
        [['--scale=-2'], /^bos: --scale '-2' is negative\n$/],
        [['--sweep', '2..1'], /^bos: --sweep needs FROM below TO/],
        [['--scenario', 'Nope', '--scale', '2'], /^bos: no scenario named 'Nope'/],
    ])('%j is exit 2 with one line on stderr', (args, message) => {
        const r = bos(exampleCopy('what-if-bad'), 'analyze', ...args);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toMatch(message);
        expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    });
});
