// Debian 12's Neovim (0.7.2), headless, with the README's init.lua, started once: the
// language server (diagnostics, hover, completion, definition, a file rewritten on
// disk, no capability it did not ask for) and the quickfix list of `:make`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientWorkspace, expectedMarks, type Mark, MODEL, readmeConfig, writeConfig } from './editor-clients.js';

interface QuickfixEntry {
    valid: boolean;
    type: string;
    text: string;
    file?: string;
    line?: number;
    char?: string;
}

interface Report {
    errors: string[];
    filetype: string;
    attached: boolean;
    diagnosticsArrived: boolean;
    rootDir: string;
    diagnostics: { line: number; col: number; code: string; message: string }[];
    hover?: { kind: string; value: string };
    hoverLines?: string[];
    completion: string[];
    definition?: { uri: string; range: { start: { line: number } } };
    otherBefore: unknown[];
    otherChanged: boolean;
    otherMs: number;
    otherAfter: { code: string; message: string }[];
    make: QuickfixEntry[];
    cfile: QuickfixEntry[];
    lspLog: string;
    messages: string;
}

let dir: string;
let report: Report;
let marks: Mark[];
let version: string;
const MODEL_LINES = MODEL.split('\n');

beforeAll(() => {
    const ws = clientWorkspace('neovim');
    dir = ws.dir;
    version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'no nvim';
    const init = writeConfig(dir, 'init.lua', readmeConfig('lua'));
    const reportPath = join(dir, 'report.json');
    const run = spawnSync('nvim', [
        '--headless',
        '-i',
        'NONE',
        '-n',
        '-u',
        init,
        '-c',
        `luafile ${resolve('test/clients/neovim.lua')}`,
    ], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...ws.env, BOS_WS: dir, BOS_REPORT: reportPath },
        timeout: 60_000,
    });
    if (run.error) throw run.error;
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
    // What bos says once Neovim is done (it rewrote other.bos on the way).
    marks = expectedMarks(dir);
}, 90_000);

describe(`Neovim with the README's init.lua`, () => {
    it("is Debian 12's Neovim 0.7, and the driver ran every step", () => {
        expect(version).toMatch(/^NVIM v0\.\d+/);
        expect(report.errors).toEqual([]);
    });

    it('detects the filetype, starts the server at the git root and shows its diagnostics', () => {
        expect(report.filetype).toBe('bos');
        expect(report.attached).toBe(true);
        expect(report.rootDir).toBe(dir);
        expect(report.diagnosticsArrived).toBe(true);
        // Neovim turns the server's UTF-16 columns into bytes: 48 bytes before 交易中台 on the CJK line.
        expect(report.diagnostics.map(d => `${d.line}:${d.col} ${d.code}`)).toEqual([
            '3:11 bos/unused',
            '6:64 bos/headroom',
            '8:48 bos/unresolved',
            '10:31 bos/unresolved',
        ]);
    });

    it('gets a Markdown hover it can show: the table, no escaped parentheses, no empty column', () => {
        expect(report.hover?.kind).toBe('markdown');
        const text = report.hover!.value;
        expect(text).toContain('**capability** `shop.Trade.Order` — 下单 (2020)');
        expect(text).toContain('| scenario | load | capacity | utilisation | status |');
        expect(text).toContain('| 峰值 | 18k/s | 20k/s | 90% | 🟡 headroom |');
        expect(text).not.toMatch(/\\[()]/);
        expect(report.hoverLines).toContain('| 峰值 | 18k/s | 20k/s | 90% | 🟡 headroom |');
    });

    it('completes resources after `runs on` and goes to a definition', () => {
        expect(report.completion).toContain('Cloud.VM');
        expect(report.completion).not.toContain('Trade.Order');
        expect(report.definition?.uri).toBe(pathToFileURL(join(dir, 'model.bos')).href);
        expect(report.definition?.range.start.line).toBe(6);
    });

    it('sees a file rewritten on disk though Neovim 0.7 cannot watch files, within seconds', () => {
        expect(report.otherBefore).toEqual([]);
        expect(report.otherChanged).toBe(true);
        expect(report.otherAfter.map(d => d.code)).toEqual(['bos/unresolved']);
        expect(report.otherMs).toBeLessThan(5000);
    });

    it('is asked to register nothing it cannot (no registerCapability warning in its log)', () => {
        expect(report.lspLog).not.toMatch(/registerCapability/);
        expect(report.lspLog).not.toMatch(/ERROR/);
    });

    it(':make fills the quickfix list, and each entry lands on the reported character, CJK and tabs included', () => {
        const entries = report.make.filter(e => e.valid);
        expect(entries.map(e => ({ file: e.file, line: e.line, char: e.char }))).toEqual(
            marks.map(m => ({ file: m.file, line: m.line, char: m.char })),
        );
        // %t reads the severity word: error, warning, and a hint printed as a note.
        expect(entries.map(e => e.type)).toEqual(['n', 'w', 'e', 'e', 'e']);
        expect(entries[2].text).toMatch(/'交易中台\.缺失' names nothing .* \[bos\/unresolved\]$/);
    });

    it("reads the lines with Vim's default errorformat too, exact on lines without wide characters", () => {
        const entries = report.cfile.filter(e => e.valid);
        expect(entries.map(e => `${e.file}:${e.line}`)).toEqual(marks.map(m => `${m.file}:${m.line}`));
        // Vim takes the column for a byte offset: right where everything before it is printable ASCII.
        const ascii = (m: Mark) =>
            m.file !== 'model.bos' || /^[\x20-\x7e]*$/.test(MODEL_LINES[m.line - 1].split(m.char)[0]);
        entries.forEach((e, i) => {
            if (ascii(marks[i])) expect(e.char, `${e.file}:${e.line}`).toBe(marks[i].char);
        });
        expect(marks.filter(ascii).length).toBe(2);
    });
});
