// `bos mcp` through the SDK's own client over stdio: the shipped bundle on a copy of the
// example in a git repository. Every tool answers; bad arguments, unknown names and paths
// outside the workspace are one-line tool errors; the server keeps running, re-reads what
// changed and writes nothing.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from './diff-repo.js';
import { exampleCopy } from './temp.js';

const CLI = resolve('out/cli.cjs');

let root: string;
let dir: string;
let client: Client;
let stderr = '';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Called {
    isError: boolean;
    text: string;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<Called> {
    const r = await client.callTool({ name, arguments: args });
    const content = r.content as { type: string; text: string }[];
    expect(content).toHaveLength(1);
    return { isError: r.isError === true, text: content[0].text };
}

async function json(name: string, args: Record<string, unknown> = {}): Promise<Json> {
    const r = await call(name, args);
    if (r.isError) throw new Error(`${name}: ${r.text}`);
    return JSON.parse(r.text);
}

/** Every file under the folder with its size and modification time, to show nothing was written. */
function listing(folder: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(e => e.isFile() && !join(e.parentPath, e.name).includes('/.git/'))
        .map(e => {
            const path = join(e.parentPath, e.name);
            const s = statSync(path);
            return `${path} ${s.size} ${s.mtimeMs}`;
        }).sort();
}

beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
    // The server starts in `root` and serves `models`; `root` also holds a file it must not read.
    root = exampleCopy('mcp', 'models');
    dir = join(root, 'models');
    writeFileSync(join(root, 'secret.txt'), 'not a model\n');
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'base');
    const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'mcp', 'models'],
        cwd: root,
        stderr: 'pipe',
    });
    transport.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
    });
    client = new Client({ name: 'bos-test', version: '1.0.0' });
    await client.connect(transport);
});

afterAll(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
});

describe('bos mcp', () => {
    it('lists its tools, each with an object input schema', async () => {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name)).toEqual([
            'list_declarations',
            'describe_declaration',
            'validate',
            'analyze',
            'impact',
            'paths',
            'uses',
            'who_uses',
            'diff',
            'render_view',
        ]);
        for (const t of tools) {
            expect(t.inputSchema.type).toBe('object');
            expect(t.description!.length).toBeGreaterThan(40);
        }
        const analyze = tools.find(t => t.name === 'analyze')!;
        expect(Object.keys(analyze.inputSchema.properties!)).toEqual(['scenario', 'scale', 'overrides', 'nodes']);
    });

    it('lists, describes and validates', async () => {
        const all = await json('list_declarations', { keyword: 'resource' });
        expect(all.total).toBe(12);
        expect(all.declarations[0]).toEqual({
            name: 'tmall.cloud.AlibabaCloud.ECS',
            keyword: 'resource',
            kind: 'compute',
            layer: 'infrastructure',
            title: '神龙弹性计算',
            file: 'models/cloud/alibaba-cloud.bos',
            line: 9,
        });
        expect((await json('list_declarations', { path: 'models/commerce', limit: 2 })).shown).toBe(2);
        const polar = await json('describe_declaration', { name: 'AlibabaCloud.PolarDB' });
        expect(polar.properties).toEqual({
            capacity: '5M/s',
            latency: '4ms',
            instances: '500',
            cost: '0.06 CNY per 10k',
        });
        expect(polar.dependencies).toEqual([{
            relation: 'depends on',
            target: 'tmall.cloud.AlibabaCloud.VPC',
            written: 'VPC',
            weight: 1,
        }]);
        expect(polar.dependents).toContainEqual({
            relation: 'runs on',
            from: 'tmall.platforms.Business.PlaceOrder',
            weight: 2,
        });
        expect(polar.scenarios[0]).toMatchObject({ scenario: 'tmall.scenarios.Double11Peak', status: 'ok' });
        const checks = await json('validate');
        expect(checks.summary).toMatchObject({ errors: 0, warnings: 2 });
        expect(checks.files).toBe(5);
        expect((await json('validate', { severity: 'warning' })).diagnostics).toHaveLength(2);
    });

    it('analyses with what-if scale and overrides, the files unchanged', async () => {
        const before = listing(root);
        const plain = await json('analyze', { scenario: 'Double11Peak' });
        expect(plain.whatIf).toBeUndefined();
        expect(plain.scenarios[0].bottleneck).toBe('tmall.platforms.Business.PlaceOrder');
        const flagged = await json('analyze', { scenario: 'Double11Peak', nodes: 'flagged' });
        expect(flagged.scenarios[0].nodes.map((n: Json) => [n.name, n.status])).toEqual([
            ['tmall.platforms.Business.PlaceOrder', 'headroom'],
        ]);
        const what = await json('analyze', {
            scenario: 'tmall.scenarios.Double11Peak',
            scale: 1.2,
            overrides: [{ name: 'Business.PlaceOrder', property: 'capacity', value: '900k/s' }],
        });
        expect(what.whatIf).toEqual({
            scale: 1.2,
            overrides: ['tmall.platforms.Business.PlaceOrder capacity 900k/s (declared 650k/s)'],
        });
        expect(what.scenarios[0].transactionsPerSecond).toBeCloseTo(3_683_000 * 1.2, 3);
        const order = what.scenarios[0].nodes.find((n: Json) => n.name === 'tmall.platforms.Business.PlaceOrder');
        expect(order).toMatchObject({ capacity: 900_000, utilisation: expect.closeTo((583_000 * 1.2) / 900_000, 9) });
        expect(listing(root)).toEqual(before);
    });

    it('answers impact, paths, uses and who-uses', async () => {
        const impact = await json('impact', { name: 'AlibabaCloud.PolarDB' });
        expect(impact.flows).toEqual([{ name: 'tmall.scenarios.Checkout', share: 1, visits: 4 }]);
        const paths = await json('paths', { from: 'Business.PlaceOrder', to: 'AlibabaCloud.VPC', limit: 2 });
        expect(paths).toMatchObject({ count: 3, shown: 2, truncated: true, total: 4 });
        expect((await json('uses', { name: 'tmall.commerce.Consumer' })).results).toHaveLength(15);
        const who = await json('who_uses', { name: 'Business.Pay' });
        expect(who.results.map((r: Json) => r.name)).toContain('tmall.scenarios.Double11Peak');
    });

    it('draws a view as SVG', async () => {
        const r = await call('render_view', { view: 'TradeChain', theme: 'dark' });
        expect(r.isError).toBe(false);
        expect(r.text).toMatch(/^<svg [^>]*data-view="tmall\.scenarios\.TradeChain"/);
        expect(r.text).toContain('</svg>');
        // A flow's sequence view, by the same view ids as the preview and bos render.
        const flow = await call('render_view', { view: 'flow:Checkout' });
        expect(flow.text).toContain('R(F) 401ms against SLO 500ms');
        // The Overview bundles its 17 runs on from 业务中台 to 阿里云 unless told not to, as bos render --no-bundle.
        const bundled = await call('render_view', { view: 'Overview' });
        expect(bundled.text).toContain('data-bundle="bundle:tmall.platforms.Business-&gt;tmall.cloud.AlibabaCloud"');
        const each = await call('render_view', { view: 'Overview', bundle: false });
        expect(each.text).not.toContain('data-bundle=');
        const edges = (svg: string) => svg.match(/class="bos-edge-/g)!.length;
        expect(edges(each.text)).toBeGreaterThan(edges(bundled.text));
    }, 60_000);

    it('diffs against a git revision', async () => {
        const unchanged = await json('diff', { base: 'HEAD' });
        expect(unchanged.declarations).toEqual({ added: [], removed: [], changed: [], renamed: [] });
        expect(unchanged.base).toMatchObject({ revision: 'HEAD', syntaxErrors: 0 });
    });

    it('answers bad calls with one clear line each and keeps running', async () => {
        const cases: [string, Record<string, unknown>, string | RegExp][] = [
            ['describe_declaration', {}, "describe_declaration: 'name' is required"],
            ['describe_declaration', { name: 7 }, "describe_declaration: 'name' must be a string, not 7"],
            [
                'describe_declaration',
                { name: 'Polar' },
                "no declaration named 'Polar' (nearest: tmall.cloud.AlibabaCloud.PolarDB)",
            ],
            ['analyze', { scale: 'x' }, "analyze: 'scale' must be a number, not a string"],
            ['analyze', { scale: -1 }, "analyze: 'scale' must be at least 0"],
            ['analyze', { frob: 1 }, "analyze: no argument 'frob' (it takes scenario, scale, overrides, nodes)"],
            ['analyze', { scenario: 'Nope' }, "no scenario named 'Nope' (scenarios: tmall.scenarios.Double11Peak"],
            [
                'analyze',
                { overrides: [{ name: 'Business.PlaceOrder', property: 'color', value: '1' }] },
                'analyze: \'overrides[0].property\' must be one of capacity, latency, instances, concurrency, not "color"',
            ],
            [
                'analyze',
                { overrides: [{ name: 'Business.PlaceOrder', property: 'latency', value: '3k/s' }] },
                "override Business.PlaceOrder.latency=3k/s: latency '3k/s' has the wrong unit",
            ],
            [
                'analyze',
                { overrides: [{ name: 'Busines.PlaceOrder', property: 'instances', value: '2' }] },
                "override Busines.PlaceOrder.instances=2: no declaration named 'Busines.PlaceOrder' (nearest: ",
            ],
            ['paths', { from: 'Business.PlaceOrder' }, "paths: 'to' is required"],
            ['paths', { from: 'A', to: 'B', limit: 0.5 }, "paths: 'limit' must be a whole number, not 0.5"],
            ['render_view', { view: 'Nope' }, "no view named 'Nope' (views: tmall.scenarios.Overview,"],
            ['render_view', { theme: 'neon' }, 'render_view: \'theme\' must be one of light, dark, not "neon"'],
            ['list_declarations', { path: '../..' }, "'../..' is outside the workspace"],
            ['validate', { path: '/etc/passwd' }, "'/etc/passwd' is outside the workspace"],
            ['diff', { base: '/tmp' }, "'/tmp' is outside the workspace"],
            // The server was given `models`: the folder it was started in is not the workspace then.
            ['diff', { base: '.' }, "'.' is outside the workspace"],
            ['diff', { base: 'no-such-rev' }, /no-such-rev .*(no commit|neither a folder nor a commit)/],
            ['no_such_tool', {}, "no tool named 'no_such_tool' (tools: list_declarations,"],
        ];
        for (const [name, args, message] of cases) {
            const r = await call(name, args);
            expect(r.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
            if (typeof message === 'string') expect(r.text.startsWith(message), `${r.text} ≠ ${message}…`).toBe(true);
            else expect(r.text).toMatch(message);
            expect(r.text).not.toContain('\n');
        }
        expect((await client.listTools()).tools).toHaveLength(10);
        expect(stderr).toBe('');
    });

    it('re-reads changed, added and removed files on the next call', async () => {
        const business = join(dir, 'platforms/business.bos');
        const text = readFileSync(business, 'utf8');
        writeFileSync(business, text.replace('capacity 650k/s', 'capacity 500k/s'));
        const over = await json('validate', { severity: 'error' });
        // PlaceOrder at 117% of its new capacity: overloaded, and Checkout saturated past its SLO.
        expect(over.diagnostics.map((d: Json) => d.code)).toEqual(['bos/overload', 'bos/slo']);
        writeFileSync(
            join(dir, 'extra.bos'),
            'package tmall.extra\nelement Extra : brand { uses tmall.platforms.Business.Pay }\n',
        );
        expect((await json('list_declarations', { match: 'extra' })).declarations.map((d: Json) => d.name)).toEqual([
            'tmall.extra.Extra',
        ]);
        rmSync(join(dir, 'extra.bos'));
        writeFileSync(business, text);
        expect((await json('list_declarations', { match: 'extra' })).total).toBe(0);
        expect((await json('validate', { severity: 'error' })).diagnostics).toEqual([]);
    });

    it('checks again the files a change did not touch', async () => {
        const scenarios = join(dir, 'scenarios/double11.bos');
        const text = readFileSync(scenarios, 'utf8');
        const headroom = async () =>
            (await json('validate', { path: 'models/platforms' })).diagnostics.map((d: Json) => d.code);
        expect(await headroom()).toEqual(['bos/headroom', 'bos/headroom']);
        writeFileSync(scenarios, text.replace('load Checkout 583k/s', 'load Checkout 300k/s'));
        expect(await headroom()).toEqual(['bos/headroom']);
        writeFileSync(scenarios, text);
        expect(await headroom()).toEqual(['bos/headroom', 'bos/headroom']);
    });

    it('answers an analysis in well under a second once started', async () => {
        await json('validate');
        const started = performance.now();
        await json('analyze', { scale: 1.1 });
        const ms = performance.now() - started;
        // The target is 200 ms on the reference machine; shared test machines get slack.
        expect(ms).toBeLessThan(1000);
    });
});

describe('bos mcp as a process', () => {
    it('started without paths, serves its folder and diffs against a folder inside it', async () => {
        // A dot-folder is no part of the model; `.v1/models` is the same paths as they were.
        cpSync(join(root, 'models'), join(root, '.v1/models'), { recursive: true });
        const old = join(root, '.v1/models/cloud/alibaba-cloud.bos');
        writeFileSync(old, readFileSync(old, 'utf8').replace('capacity 5M/s', 'capacity 4M/s'));
        const other = new Client({ name: 'bos-test', version: '1.0.0' });
        await other.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: root }));
        try {
            const r = await other.callTool({ name: 'diff', arguments: { base: '.v1' } });
            const diff = JSON.parse((r.content as { text: string }[])[0].text);
            expect(diff.base).toEqual({ folder: '.v1', syntaxErrors: 0 });
            expect(diff.declarations.changed).toEqual([{
                name: 'tmall.cloud.AlibabaCloud.PolarDB',
                changes: [expect.objectContaining({ property: 'capacity' })],
            }]);
            const outside = await other.callTool({ name: 'validate', arguments: { path: '..' } });
            expect(outside.isError).toBe(true);
        } finally {
            await other.close();
        }
    });

    it('ends when the client closes its input, and refuses to start without a model', () => {
        const ok = spawnSync(process.execPath, [CLI, 'mcp', 'models'], { cwd: root, input: '', timeout: 10_000 });
        expect(ok.status).toBe(0);
        expect(ok.stdout.toString()).toBe('');
        const none = spawnSync(process.execPath, [CLI, 'mcp', 'nowhere'], { cwd: root, input: '', encoding: 'utf8' });
        expect(none.status).toBe(2);
        expect(none.stderr).toBe('bos: cannot read nowhere: no such file or folder\n');
    });
});
