// End to end: spawns the built CLI (out/cli.cjs) as a user or CI would.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from './sarif.js';
import { tempFiles } from './temp.js';

const CLI = resolve('out/cli.cjs');

function bos(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

const workspace = (files: Record<string, string | Buffer>) => tempFiles('cli', files);

const GOOD = {
    'models/cloud.bos':
        'package demo\ninfrastructure Cloud { resource VM "虚拟机" : compute { capacity 10k/s  cost 1 CNY per 10k } }\n',
    'models/core.bos':
        'package demo\nplatform P : business { capability C { runs on Cloud.VM  capacity 5k/s } }\nelement E : sales { uses P.C }\nflow F { step P.C x 2 }\nscenario Peak "峰值" { load F 2k/s  budget 3 CNY per 10k }\n',
};
const WARN = { 'w.bos': 'package w\nelement Offline : brand\n' };
const BAD = { 'a.bos': 'package a\nelement E : sales { uses Nowhere }\n', 'b.bos': 'package a\nelement Z : brand\n' };

beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
});

describe('bos validate', () => {
    it('exits 0 on a valid model and prints a summary line', () => {
        const r = bos(workspace(GOOD), 'validate');
        expect(r.code).toBe(0);
        expect(r.out.trim()).toBe('0 errors, 0 warnings in 2 files');
        expect(r.out).not.toContain('\u001b[');
    });

    it('prints GNU lines, file:line:col: severity: message [code], and exits 1 on errors', () => {
        const r = bos(workspace(BAD), 'validate', '.');
        expect(r.code).toBe(1);
        expect(r.out.trim().split('\n')).toEqual([
            "a.bos:2:26: error: 'Nowhere' names nothing in scope (same package, imports, or a fully qualified name) [bos/unresolved]",
            'b.bos:2:9: warning: element a.Z uses nothing: it is not online yet [bos/undigitised]',
            '1 error, 1 warning in 2 files',
        ]);
    });

    it('counts text columns in screen cells (tabs to 8, CJK two) and JSON columns in UTF-16 code units', () => {
        const dir = workspace({
            'w.bos': 'element 销售 "𠀀𠀁 销售" : sales { uses 交易中台.缺失 }\n\telement\tT : brand { uses 缺 }\n',
        });
        const text = bos(dir, 'validate').out.split('\n');
        expect(text[0]).toMatch(/^w\.bos:1:41: error: '交易中台\.缺失' names nothing/);
        expect(text[1]).toMatch(/^w\.bos:2:34: error: '缺' names nothing/);
        const json = JSON.parse(bos(dir, 'validate', '--format', 'json').out).diagnostics;
        expect(json.map((d: { line: number; column: number }) => `${d.line}:${d.column}`)).toEqual(['1:37', '2:27']);
    });

    it('prints a hint as a note, the word GNU tools and Emacs use', () => {
        const r = bos(workspace({ 'h.bos': 'infrastructure I { resource R : compute }\n' }), 'validate');
        expect(r.out).toMatch(/^h\.bos:1:29: note: resource I\.R: nothing depends on it .*\[bos\/unused\]$/m);
        expect(r.out).toMatch(/1 hint in 1 file/);
    });

    it('colours a terminal, but not with TERM=dumb or NO_COLOR, off a TTY, or with --color never', () => {
        const dir = workspace(BAD);
        // `script` runs the command on a pseudo-terminal, as Emacs's M-x compile does.
        const onTty = (env: Record<string, string>, ...args: string[]) =>
            spawnSync('script', ['-qec', [process.execPath, CLI, 'validate', ...args].join(' '), '/dev/null'], {
                cwd: dir,
                encoding: 'utf8',
                env: { ...process.env, NO_COLOR: '', TERM: 'xterm', ...env },
            }).stdout;
        expect(onTty({})).toContain('\u001b[');
        expect(onTty({ TERM: 'dumb' })).not.toContain('\u001b[');
        expect(onTty({ TERM: 'dumb' })).toMatch(/^a\.bos:2:26: error: /m);
        expect(onTty({ NO_COLOR: '1' })).not.toContain('\u001b[');
        expect(onTty({}, '--color', 'never')).not.toContain('\u001b[');
        expect(onTty({ TERM: 'dumb' }, '--color', 'always')).toContain('\u001b[');
        expect(bos(dir, 'validate', '--color', 'always').out).toContain('\u001b[31merror:');
        expect(bos(dir, 'validate').out).not.toContain('\u001b[');
    });

    it('--format json: the shape of cli.md, paths relative to the current folder, sorted', () => {
        const dir = workspace({ ...GOOD, ...BAD });
        const r = bos(join(dir, 'models'), 'validate', '--format', 'json', '..');
        expect(r.code).toBe(1);
        const report = JSON.parse(r.out);
        expect(report.files).toBe(4);
        expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0, hints: 0 });
        expect(report.diagnostics.map((d: { file: string }) => d.file)).toEqual(['../a.bos', '../b.bos']);
        expect(Object.keys(report.diagnostics[0]).sort()).toEqual([
            'code',
            'column',
            'endColumn',
            'endLine',
            'file',
            'line',
            'message',
            'severity',
        ]);
        expect(report.diagnostics[0]).toMatchObject({
            line: 2,
            column: 26,
            endLine: 2,
            endColumn: 33,
            severity: 'error',
            code: 'bos/unresolved',
        });
    });

    it('--max-warnings and --quiet', () => {
        const dir = workspace(WARN);
        expect(bos(dir, 'validate').code).toBe(0);
        expect(bos(dir, 'validate', '--max-warnings', '1').code).toBe(0);
        expect(bos(dir, 'validate', '--max-warnings', '0').code).toBe(1);
        const quiet = bos(dir, 'validate', '--quiet');
        expect(quiet.out.trim()).toBe('0 errors, 1 warning in 1 file');
    });

    it('--format sarif is valid SARIF 2.1.0 with rules and physical locations', () => {
        const r = bos(workspace(BAD), 'validate', '--format', 'sarif');
        expect(r.code).toBe(1);
        const sarif = JSON.parse(r.out);
        expect(sarifErrors(sarif)).toEqual([]);
        const run = sarif.runs[0];
        expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('bos/layering');
        expect(run.results).toHaveLength(2);
        expect(run.results[0]).toMatchObject({
            ruleId: 'bos/unresolved',
            level: 'error',
            locations: [{
                physicalLocation: { artifactLocation: { uri: 'a.bos' }, region: { startLine: 2, startColumn: 26 } },
            }],
        });
        expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('bos/unresolved');
        expect(run.results[1].level).toBe('warning');
    });

    it('gives a file that is not UTF-8 a diagnostic and still checks the others', () => {
        const dir = workspace({
            ...GOOD,
            'models/latin1.bos': Buffer.from([0x61, 0x63, 0x74, 0x6f, 0x72, 0x20, 0xe9, 0x0a]),
            'bin.bos': Buffer.from([0, 1, 2, 255]),
        });
        const r = bos(dir, 'validate', '--format', 'json');
        expect(r.code).toBe(1);
        const report = JSON.parse(r.out);
        expect(report.files).toBe(4);
        expect(report.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
            'bin.bos bos/syntax',
            'models/latin1.bos bos/syntax',
        ]);
        expect(report.diagnostics[0].message).toContain('NUL byte');
        expect(r.err).toBe('');
    });
});

describe('bos analyze', () => {
    it('--format json (v2): scenarios with nodes sorted by qualified name, their times, flows, s*, cost and budget', () => {
        const r = bos(workspace(GOOD), 'analyze', '--format', 'json');
        expect(r.code).toBe(0);
        const { scenarios } = JSON.parse(r.out);
        expect(scenarios).toHaveLength(1);
        const untimed = {
            latency: null,
            instances: null,
            servers: null,
            wait: null,
            responseTime: null,
            saturated: false,
        };
        expect(scenarios[0]).toEqual({
            name: 'demo.Peak',
            title: '峰值',
            transactionsPerSecond: 2000,
            saturation: 1.25,
            bottleneck: 'demo.P.C',
            nodes: [
                {
                    name: 'demo.Cloud.VM',
                    layer: 'infrastructure',
                    load: 4000,
                    capacity: 10000,
                    utilisation: 0.4,
                    status: 'ok',
                    ...untimed,
                },
                {
                    name: 'demo.P.C',
                    layer: 'platform',
                    load: 4000,
                    capacity: 5000,
                    utilisation: 0.8,
                    status: 'ok',
                    ...untimed,
                },
            ],
            flows: [{ name: 'demo.F', rate: 2000, latency: null, complete: false, slo: null, status: 'no-slo' }],
            costPer10k: { amount: 2, currency: 'CNY' },
            budget: { amount: 3, currency: 'CNY' },
        });
    });

    it('prints a table with bars and the cost against the budget', () => {
        const r = bos(workspace(GOOD), 'analyze');
        expect(r.code).toBe(0);
        expect(r.out).toContain('demo.Peak "峰值"  2k/s transactions, headroom 20%');
        expect(r.out).toMatch(/demo\.P\.C\s+4k\/s\s+5k\/s\s+80%\s+████████\s+ok/);
        expect(r.out).toContain('cost per 10k transactions: 2 CNY   budget: 3 CNY');
    });

    it('--scenario picks one scenario and rejects an unknown one', () => {
        const dir = workspace(GOOD);
        expect(JSON.parse(bos(dir, 'analyze', '--scenario', 'Peak', '--format', 'json').out).scenarios).toHaveLength(1);
        const r = bos(dir, 'analyze', '--scenario', 'Nope');
        expect(r.code).toBe(2);
        expect(r.err).toBe("bos: no scenario named 'Nope' (scenarios: demo.Peak)\n");
    });
});

describe('bos export', () => {
    it('writes the resolved model and the analysis as JSON', () => {
        const dir = workspace(GOOD);
        const r = bos(dir, 'export', '-o', 'model.json');
        expect(r.code).toBe(0);
        const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
        const vm = model.declarations.find((d: { name: string }) => d.name === 'demo.Cloud.VM');
        expect(vm).toMatchObject({
            keyword: 'resource',
            layer: 'infrastructure',
            kind: 'compute',
            title: '虚拟机',
            parent: 'demo.Cloud',
            file: 'models/cloud.bos',
            line: 2,
        });
        expect(vm.capacity).toEqual({ value: 10000, unit: '/s', base: 10000 });
        const c = model.declarations.find((d: { name: string }) => d.name === 'demo.P.C');
        expect(c.dependencies).toEqual([{ relation: 'runs on', target: 'demo.Cloud.VM', weight: 1 }]);
        expect(model.analysis.scenarios[0].costPer10k).toEqual({ amount: 2, currency: 'CNY' });
    });
});

describe('bos format', () => {
    const MESSY =
        'package m // keep me\nactor   A{uses E}\nelement E:sales{\n/* and me */ uses P.C}\nplatform P : business { capability C { runs on I.R } }\ninfrastructure I { resource R : compute }\n';

    it('--check lists the files that would change and changes nothing', () => {
        const dir = workspace({ 'm.bos': MESSY, 'ok.bos': 'package m\nactor B\n' });
        const r = bos(dir, 'format', '--check');
        expect(r.code).toBe(1);
        expect(r.out).toBe('m.bos\n1 file would be reformatted\n');
        expect(readFileSync(join(dir, 'm.bos'), 'utf8')).toBe(MESSY);
    });

    it('rewrites files in the canonical layout, keeping comments, and is idempotent', () => {
        const dir = workspace({ 'm.bos': MESSY });
        expect(bos(dir, 'format').out).toBe('m.bos\n1 file reformatted\n');
        expect(readFileSync(join(dir, 'm.bos'), 'utf8')).toBe(
            'package m // keep me\nactor A { uses E }\nelement E : sales {\n  /* and me */ uses P.C\n}\nplatform P : business {\n  capability C { runs on I.R }\n}\ninfrastructure I {\n  resource R : compute\n}\n',
        );
        const again = bos(dir, 'format', '--check');
        expect(again.code).toBe(0);
        expect(again.out).toBe('all files are formatted\n');
        expect(bos(dir, 'validate').code).toBe(0);
    });

    it('keeps a byte-order mark and CRLF line endings', () => {
        const dir = workspace({ 'w.bos': '\uFEFFactor  A{uses E}\r\nelement E:sales\r\n' });
        expect(bos(dir, 'format').code).toBe(0);
        expect(readFileSync(join(dir, 'w.bos'), 'utf8')).toBe('\uFEFFactor A { uses E }\r\nelement E : sales\r\n');
        expect(bos(dir, 'validate', '--format', 'json').code).toBe(0);
    });

    it('--check says when a file does not parse instead of calling everything formatted', () => {
        const dir = workspace({ 'broken.bos': 'platform P {\n  capability {', 'ok.bos': 'package m\nactor B\n' });
        const r = bos(dir, 'format', '--check');
        expect(r.code).toBe(1);
        expect(r.out).toBe('0 files would be reformatted; 1 file does not parse (not checked)\n');
        expect(r.err).toBe('bos: broken.bos does not parse; not checked (see bos validate)\n');
        const messy = bos(workspace({ 'b.bos': 'platform {', 'm.bos': 'actor   A\n' }), 'format', '--check');
        expect(messy.out).toBe('m.bos\n1 file would be reformatted; 1 file does not parse (not checked)\n');
    });

    it('never touches a file that does not parse', () => {
        const dir = workspace({ 'broken.bos': 'platform P {\n  capability {' });
        const r = bos(dir, 'format');
        expect(r.code).toBe(1);
        expect(r.err).toBe('bos: broken.bos does not parse; not formatted (see bos validate)\n');
        expect(r.out).toBe('0 files reformatted; 1 file does not parse (not formatted)\n');
        expect(readFileSync(join(dir, 'broken.bos'), 'utf8')).toBe('platform P {\n  capability {');
    });
});

describe('usage and I/O errors: one line on stderr, exit 2', () => {
    const cases: [string, string[], RegExp][] = [
        ['no command', [], /Usage:/],
        ['unknown command', ['frobnicate'], /^bos: unknown command 'frobnicate'/],
        ['unknown option', ['validate', '--colour'], /^bos: Unknown option '--colour'/],
        [
            'bad format',
            ['validate', '--format', 'xml'],
            /^bos: --format must be one of text, json, sarif, not 'xml'\n$/,
        ],
        ['bad max-warnings', ['validate', '--max-warnings', 'lots'], /^bos: --max-warnings needs a whole number/],
        ['bad color', ['validate', '--color', 'sometimes'], /^bos: --color must be one of auto, always, never/],
        [
            'sarif-root without sarif',
            ['validate', '--sarif-root', '.'],
            /^bos: --sarif-root goes with --format sarif\n$/,
        ],
        ['option of another command', ['export', '--quiet'], /^bos: bos export does not take --quiet\n$/],
        ['missing path', ['validate', 'nowhere'], /^bos: cannot read nowhere: no such file or folder\n$/],
        ['no .bos file', ['validate', 'empty'], /^bos: no \.bos file found in empty\n$/],
        ['lsp without --stdio', ['lsp'], /^bos: usage: bos lsp --stdio\n$/],
    ];
    for (const [what, args, expected] of cases) {
        it(what, () => {
            const dir = workspace({ 'empty/readme.txt': 'nothing' });
            const r = bos(dir, ...args);
            expect(r.code).toBe(2);
            expect(args.length ? r.err : r.out).toMatch(expected);
            expect(r.err).not.toMatch(/\n\s+at /);
        });
    }

    it('--version and --help', () => {
        const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
        expect(bos('.', '--version').out).toBe(`${pkg.version}\n`);
        const help = bos('.', '--help');
        expect(help.code).toBe(0);
        expect(help.out).toContain('bos validate [paths...]');
    });

    it('follows a symlink loop only once, reads a linked file once, ignores dangling links', () => {
        const dir = workspace(WARN);
        symlinkSync(dir, join(dir, 'loop'));
        symlinkSync(join(dir, 'nowhere.bos'), join(dir, 'dangling.bos'));
        symlinkSync(join(dir, 'w.bos'), join(dir, 'same.bos'));
        const r = bos(dir, 'validate');
        expect(r.code).toBe(0);
        expect(r.out.trim().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file');
    });

    it('skips node_modules and dot-folders when searching folders', () => {
        const dir = workspace({ ...WARN, 'node_modules/x.bos': 'garbage {{{', '.hidden/y.bos': 'garbage {{{' });
        expect(bos(dir, 'validate').out.trim().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file');
    });
});
