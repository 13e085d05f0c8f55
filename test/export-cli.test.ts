// `bos export --to …` as a user runs it (the built CLI): JSON stays the default and
// unchanged, every format writes to -o, and bad input is one line, exit 2, no file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from './export-cases.js';
import { exampleCopy, tempFiles } from './temp.js';

const CLI = resolve('out/cli.cjs');

function bos(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'export', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

let example: string;
let hostile: string;

beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
    example = exampleCopy('export');
    hostile = tempFiles('export', { 'hostile.bos': HOSTILE });
});

describe('bos export --to', () => {
    it('writes JSON by default, byte for byte what --to json writes', () => {
        const plain = bos(example), json = bos(example, '--to', 'json');
        expect(plain.code).toBe(0);
        expect(json.out).toBe(plain.out);
        expect(JSON.parse(plain.out).declarations.length).toBeGreaterThan(40);
    });

    it.each(['mermaid', 'plantuml', 'd2', 'structurizr', 'drawio', 'lqn'])(
        'writes %s to -o and nothing to stdout',
        to => {
            const file = join(hostile, `out.${to}`);
            const r = bos(hostile, '--to', to, '-o', file);
            expect([r.code, r.out, r.err]).toEqual([0, '', '']);
            expect(readFileSync(file, 'utf8')).toContain(to === 'lqn' ? 'hostile.Peak' : 'PolarDB');
        },
    );

    it('exports the view --view names (short or qualified), by default the first', () => {
        expect(bos(example, '--to', 'mermaid', '--view', 'TradeChain').out).toContain(
            'BOS view tmall.scenarios.TradeChain',
        );
        expect(bos(example, '--to', 'mermaid', '--view', 'tmall.scenarios.Platforms').out)
            .toContain('BOS view tmall.scenarios.Platforms');
        expect(bos(example, '--to', 'mermaid').out).toContain('BOS view tmall.scenarios.Overview');
    });

    it('exports everything as Overview, the implicit view, when no view has that name', () => {
        const r = bos(hostile, '--to', 'd2', '--view', 'Overview');
        expect(r.code).toBe(0);
        expect(r.out).toContain('BOS view Overview');
    });

    it('exports the scenario --scenario names as LQN, by short or qualified name', () => {
        expect(bos(example, '--to', 'lqn', '--scenario', 'Baseline2016').out)
            .toContain('<lqn-model name="tmall.scenarios.Baseline2016"');
        expect(bos(example, '--to', 'lqn', '--scenario', 'tmall.scenarios.FirstDouble11').out)
            .toContain('<lqn-model name="tmall.scenarios.FirstDouble11"');
        expect(bos(example, '--to', 'lqn').out).toContain('<lqn-model name="tmall.scenarios.Double11Peak"');
    });

    const refused = (dir: string, args: string[], message: RegExp) => {
        const file = join(dir, 'never.txt');
        const r = bos(dir, ...args, '-o', file);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err.trimEnd().split('\n')).toHaveLength(1);
        expect(r.err).toMatch(message);
        expect(existsSync(file)).toBe(false);
    };

    it('refuses an unknown format, naming the formats', () => {
        refused(
            example,
            ['--to', 'svg'],
            /^bos: --to must be one of json, mermaid, plantuml, d2, structurizr, drawio, lqn, not 'svg'/,
        );
    });

    it('refuses a view or a scenario that does not exist, naming those that do', () => {
        refused(
            example,
            ['--to', 'd2', '--view', 'Nope'],
            /^bos: no view named 'Nope' \(views: tmall\.scenarios\.Overview, /,
        );
        refused(
            example,
            ['--to', 'lqn', '--scenario', 'Nope'],
            /^bos: no scenario named 'Nope' \(scenarios: tmall\.scenarios\./,
        );
    });

    it('refuses options the format does not take', () => {
        refused(
            example,
            ['--view', 'TradeChain'],
            /^bos: --view applies to --to mermaid\|plantuml\|d2\|structurizr\|drawio, not json/,
        );
        refused(example, ['--to', 'lqn', '--view', 'TradeChain'], /not lqn/);
        refused(
            example,
            ['--to', 'mermaid', '--scenario', 'Double11Peak'],
            /^bos: --scenario applies to --to lqn, not mermaid/,
        );
    });

    it('refuses an -o it cannot write, in one line', () => {
        const dir = join(hostile, 'a-folder');
        mkdirSync(dir, { recursive: true });
        for (const output of [dir, join(hostile, 'missing', 'x.mmd')]) {
            const r = bos(hostile, '--to', 'mermaid', '-o', output);
            expect(r.code).toBe(2);
            expect(r.err.trimEnd().split('\n')).toHaveLength(1);
            expect(r.err).toMatch(/^bos: cannot write /);
        }
        expect(existsSync(join(hostile, 'missing'))).toBe(false);
    });
});
