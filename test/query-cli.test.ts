// `bos query` as a process: the question's words, then the paths; text and JSON; exit 2
// with one line for a name, question or option that does not fit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve('out/cli.cjs');

function bos(...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'query', ...args], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
});

describe('bos query', () => {
    it('answers impact as text and JSON, with the paths after the name', () => {
        const text = bos('impact', 'AlibabaCloud.PolarDB', 'examples/double11');
        expect(text.code).toBe(0);
        expect(text.err).toBe('');
        expect(text.out.split('\n').slice(0, 8)).toEqual([
            'tmall.cloud.AlibabaCloud.PolarDB (resource): reached by 1 flow, loaded in 1 scenario',
            '',
            '  flow                      share  visits',
            '  tmall.scenarios.Checkout   100%       4',
            '',
            'tmall.scenarios.Double11Peak  2.33M/s on it, 46.6% of capacity (ok)',
            '    flow                        rate  load on it  part',
            '    tmall.scenarios.Checkout  583k/s     2.33M/s  100%',
        ]);
        const json = JSON.parse(
            bos(
                'impact',
                'tmall.platforms.Business.PlaceOrder',
                'examples/double11',
                '--scenario',
                'Double11Peak',
                '--format',
                'json',
            ).out,
        );
        expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['tmall.scenarios.Double11Peak']);
        expect(json.scenarios[0]).toMatchObject({ status: 'headroom', utilisation: expect.closeTo(0.897, 3) });
    });

    it('answers path, uses and who-uses', () => {
        const path = bos('path', 'Business.PlaceOrder', 'AlibabaCloud.VPC', 'examples/double11');
        expect(path.out).toContain('3 paths from tmall.platforms.Business.PlaceOrder to tmall.cloud.AlibabaCloud.VPC');
        const uses = JSON.parse(bos('uses', 'tmall.commerce.Consumer', 'examples/double11', '--format', 'json').out);
        expect(uses.results).toHaveLength(15);
        const who = bos('who-uses', 'AlibabaCloud.VPC', 'examples/double11');
        expect(who.out.split('\n')[0]).toBe('tmall.cloud.AlibabaCloud.VPC is depended on by 26 declarations');
    });

    it('exits 2 with one line naming the nearest names, or what is wrong with the question', () => {
        const cases: [string[], string][] = [
            [
                ['impact', 'Polar', 'examples/double11'],
                "bos: no declaration named 'Polar' (nearest: tmall.cloud.AlibabaCloud.PolarDB)",
            ],
            [['path', 'Business.PlaceOrder'], 'bos: bos query path needs FROM and TO; usage: bos query impact NAME'],
            [['whom', 'X'], "bos: no question 'whom' (impact, path, uses, who-uses); usage:"],
            [['uses', 'X', '--scenario', 'S'], 'bos: --scenario goes with bos query impact'],
            [
                ['impact', 'AlibabaCloud.ECS', 'examples/double11', '--scenario', 'Nope'],
                "bos: no scenario named 'Nope'",
            ],
            [['uses', 'X', '--view', 'V'], 'bos: bos query does not take --view'],
        ];
        for (const [args, line] of cases) {
            const r = bos(...args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.out).toBe('');
            expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
            expect(r.err).toContain(line);
        }
    });
});
