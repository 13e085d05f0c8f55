// Hostile and huge inputs, through the built CLI (as a process, with its time and peak
// memory measured) and through the language server. Each gets a clear diagnostic or one
// clear line, within the bound stated in its test.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, LspClient } from './lsp-client.js';
import { tempDir, tempFiles } from './temp.js';
// @ts-expect-error plain ESM script without types
import { generate } from '../bench/generate.mjs';

const CLI = resolve('out/cli.cjs');
const RSS = resolve('bench/rss.cjs');

interface Run {
    code: number | null;
    out: string;
    err: string;
    seconds: number;
    mb: number;
}

/** Runs the CLI as a user would, measuring wall time and peak resident memory. */
function bos(cwd: string, ...args: string[]): Run {
    const rssFile = join(cwd, '.rss');
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--require', RSS, CLI, ...args], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: '1', BOS_BENCH_RSS: rssFile },
    });
    const seconds = (performance.now() - started) / 1000;
    const mb = Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024;
    return { code: r.status, out: r.stdout, err: r.stderr, seconds, mb };
}

const folder = (files: Record<string, string | Buffer>) => tempFiles('patho', files);

/** No stack trace, at most one line on stderr: what "a clear line" means here. */
function clear(r: Run): void {
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err.trim().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
    expect([0, 1, 2]).toContain(r.code);
}

// A 10 MB model: 20,000 actors with long descriptions.
const TEN_MB = Array.from(
    { length: 20_000 },
    (_, i) => `actor A${i} "顾客 ${i}" { description "${'需求'.repeat(40)}${'x'.repeat(400)}" }`,
).join('\n') + '\n';
// A 1 MB single line of 100,000 declarations.
const ONE_LINE = Array.from({ length: 100_000 }, (_, i) => `actor L${i}`).join(' ');
const BRACES = `platform P : business ${'{ '.repeat(1000)}\n`;
const HUGE_NUMBERS = `infrastructure C { resource R : compute { capacity ${'9'.repeat(400)}/s  cost 1 CNY per 1${
    '0'.repeat(320)
} } }
platform P : business { capability X { runs on C.R x 1${'0'.repeat(310)} capacity 1B/s } }
`;

describe('pathological inputs through the CLI', () => {
    // Big inputs: each must be checked completely within the stated time and memory.
    const big: [string, () => string, string, number, number][] = [
        ['a 10 MB file', () => folder({ 'big.bos': TEN_MB }), '0 errors, 0 warnings in 1 file', 30, 1536],
        [
            '100k declarations over 100 files',
            () => {
                const d = tempDir('patho');
                generate(d, 100_000);
                return d;
            },
            '0 errors, 0 warnings in 100 files',
            30,
            2048,
        ],
        [
            'a 1 MB single line of 100,000 declarations',
            () => folder({ 'line.bos': ONE_LINE }),
            '0 errors, 0 warnings in 1 file',
            20,
            1024,
        ],
    ];
    it.each(big)('%s: checked within the bound', (label, make, summary, seconds, mb) => {
        const r = bos(make(), 'validate', '--quiet');
        console.log(`${label}: ${r.seconds.toFixed(1)} s, ${r.mb.toFixed(0)} MB (bound ${seconds} s, ${mb} MB)`);
        clear(r);
        expect(r.out.trim()).toBe(summary);
        expect(r.seconds).toBeLessThan(seconds);
        expect(r.mb).toBeLessThan(mb);
    }, 60_000);

    it('the big inputs are as big as they say', () => {
        expect(TEN_MB.length).toBeGreaterThan(10_000_000);
        expect(ONE_LINE.length).toBeGreaterThan(1_000_000);
        expect(ONE_LINE).not.toContain('\n');
    });

    it('a thousand unclosed braces: one syntax error, under 5 s', () => {
        const r = bos(folder({ 'braces.bos': BRACES }), 'validate');
        clear(r);
        expect(r.code).toBe(1);
        expect(r.out).toMatch(/^braces\.bos:1:\d+: error: .* \[bos\/syntax\]$/m);
        expect(r.seconds).toBeLessThan(5);
    });

    it('numbers beyond 1e308 and with 400 digits: bos/number, never Infinity', () => {
        const dir = folder({ 'n.bos': HUGE_NUMBERS });
        const r = bos(dir, 'validate', '--format', 'json');
        clear(r);
        const codes = JSON.parse(r.out).diagnostics.map((d: { code: string }) => d.code);
        expect(codes.filter((c: string) => c === 'bos/number')).toHaveLength(3);
        const exported = bos(dir, 'export');
        expect(exported.code).toBe(1); // the model has errors
        expect(JSON.parse(exported.out).declarations.length).toBeGreaterThan(0);
        expect(exported.out).not.toMatch(/Infinity|NaN/);
    });

    it('NUL bytes inside text, invalid UTF-8, a binary file: a diagnostic each, the rest still checked', () => {
        const dir = folder({
            'nul.bos':
                'actor A\u0000 "t"\nelement E : sales { uses P.C }\nplatform P : business { capability C { runs on I.R } }\ninfrastructure I { resource R : compute }\n',
            'latin1.bos': Buffer.from('actor Caf\xe9\n', 'latin1'),
            'blob.bos': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)),
            'good.bos': 'element Shop : sales { uses P.C }\n',
        });
        const r = bos(dir, 'validate');
        clear(r);
        expect(r.out).toMatch(
            /^latin1\.bos:1:1: error: the file is not UTF-8 text \(invalid byte sequence\).* \[bos\/syntax\]$/m,
        );
        expect(r.out).toMatch(
            new RegExp(
                '^blob\\.bos:1:1: error: '
                    + 'the file is not UTF-8 text \\(it looks binary: NUL byte at offset 0\\).* \\[bos/syntax\\]$',
                'm',
            ),
        );
        expect(r.out).toMatch(/^nul\.bos:1:8: error: unexpected character: ->\\x00<- .* \[bos\/syntax\]$/m);
        // good.bos resolves P.C from nul.bos: the damaged file still contributes.
        expect(r.out).not.toMatch(/^good\.bos/m);
    });

    it('a byte-order mark and CRLF line ends: positions as an editor shows them', () => {
        const r = bos(folder({ 'crlf.bos': '\uFEFFactor A\r\nelement E : sales { uses A }\r\n' }), 'validate');
        clear(r);
        expect(r.out).toMatch(/^crlf\.bos:2:26: error: .* \[bos\/layering\]$/m);
    });

    it('symlink loops, dangling links, pipes and unreadable files in a scanned folder', () => {
        const dir = folder({ 'ok.bos': 'actor A\n' });
        mkdirSync(join(dir, 'sub'));
        symlinkSync('..', join(dir, 'sub', 'loop'));
        symlinkSync('missing.bos', join(dir, 'dangling.bos'));
        expect(spawnSync('mkfifo', [join(dir, 'pipe.bos')]).status).toBe(0);
        writeFileSync(join(dir, 'locked.bos'), 'actor B\n');
        chmodSync(join(dir, 'locked.bos'), 0);
        const r = bos(dir, 'validate');
        clear(r);
        expect(r.seconds).toBeLessThan(5);
        // Root reads a mode-000 file anyway; anyone else gets one clear line, exit 2.
        if (process.getuid?.() === 0) expect(r.out.trim()).toBe('0 errors, 0 warnings in 2 files');
        else expect(r.err).toMatch(/^bos: cannot read .*locked\.bos: permission denied$/m);
        const pipe = bos(dir, 'validate', 'pipe.bos');
        expect(pipe.code).toBe(2);
        expect(pipe.err.trim()).toBe('bos: cannot read pipe.bos: not a regular file or folder');
    });
});

describe('pathological inputs through the language server', () => {
    let dir: string;
    let client: LspClient;
    const files: Record<string, string | Buffer> = {
        'big.bos': TEN_MB,
        'line.bos': ONE_LINE,
        'braces.bos': BRACES,
        'numbers.bos': HUGE_NUMBERS,
        'latin1.bos': Buffer.from('actor Caf\xe9\n', 'latin1'),
        'blob.bos': Buffer.from([0, 1, 2, 255, 254, 0]),
        'crlf.bos': '\uFEFFactor Shopper\r\nelement E : sales { uses Shopper }\r\n',
    };

    beforeAll(async () => {
        dir = folder(files);
        symlinkSync('.', join(dir, 'loop'));
        spawnSync('mkfifo', [join(dir, 'pipe.bos')]);
        client = new LspClient();
        await client.initialize(dir);
    }, 60_000);

    afterAll(async () => {
        await client.close();
        rmSync(dir, { recursive: true, force: true });
    });

    it('publishes a clear diagnostic for every file within 60 s, and stays up', async () => {
        const started = performance.now();
        const published = await Promise.all(
            Object.keys(files).map(f => client.waitFor(fileUri(join(dir, f)), () => true, 60_000)),
        );
        console.log(
            `language server, pathological workspace: all diagnostics in ${
                ((performance.now() - started) / 1000).toFixed(1)
            } s, RSS ${client.rssMb().toFixed(0)} MB`,
        );
        const byFile = Object.fromEntries(Object.keys(files).map((f, i) => [f, published[i].diagnostics]));
        expect(byFile['latin1.bos'].map(d => d.message)).toEqual([
            'the file is not UTF-8 text (invalid byte sequence); save it as UTF-8',
        ]);
        expect(byFile['blob.bos'].map(d => d.message)).toEqual([
            'the file is not UTF-8 text (it looks binary: NUL byte at offset 0); save it as UTF-8',
        ]);
        expect(byFile['braces.bos'].map(d => d.code)).toContain('bos/syntax');
        expect(byFile['numbers.bos'].filter(d => d.code === 'bos/number')).toHaveLength(3);
        expect(byFile['crlf.bos'].map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual([
            'bos/layering@1:25',
        ]);
        expect(byFile['big.bos'].filter(d => d.severity === 1)).toEqual([]);
        expect(client.exited).toBe(false);
        expect(client.stderr).not.toMatch(/\n\s+at /);
    }, 90_000);
});
