// Debian 12's Emacs 28 with its elpa-eglot (1.9), in batch, with the README's init.el,
// started once: the language server through eglot (diagnostics, hover, completion,
// definition, a file rewritten on disk, no registration eglot refuses) and M-x compile.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientWorkspace, expectedMarks, type Mark, readmeConfig, writeConfig } from './editor-clients.js';

interface Place {
    file?: string;
    line: number;
    column: number;
    char: string;
}

interface Report {
    errors: string[];
    version: string;
    mode: string;
    managed: boolean;
    root: string;
    diagnosticsArrived: boolean;
    diagnostics: (Place & { type: string; text: string })[];
    hover: { kind: string; value: string };
    hoverShown: string;
    completion: string[];
    definition: { file: string; line: number };
    otherBefore: number;
    otherChanged: boolean;
    otherMs: number;
    otherAfter: string[];
    events: string;
    compilation: string;
    counts: { errors: number; warnings: number; infos: number };
    visits: Place[];
}

let dir: string;
let report: Report;
let stderr: string;
let marks: Mark[];

beforeAll(() => {
    const ws = clientWorkspace('emacs');
    dir = ws.dir;
    const init = writeConfig(dir, 'init.el', readmeConfig('elisp'));
    const reportPath = join(dir, 'report.json');
    // Not -Q: Debian's site-start puts elpa-eglot on the load path, as for any user.
    const run = spawnSync('emacs', ['--batch', '-l', init, '-l', resolve('test/clients/emacs.el')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...ws.env, BOS_WS: dir, BOS_REPORT: reportPath },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 90_000,
    });
    if (run.error) throw run.error;
    stderr = run.stderr;
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
    // What bos says once Emacs is done (it rewrote other.bos on the way).
    marks = expectedMarks(dir);
}, 120_000);

describe(`Emacs with eglot and the README's init.el`, () => {
    it("is Emacs 28 with Debian's eglot 1.9, and the driver ran every step", () => {
        expect(report.version).toMatch(/^28\.\d+ .*eglot-1\.9\//);
        expect(report.errors).toEqual([]);
    });

    it('opens bos-mode, connects at the git root and shows the diagnostics at their characters', () => {
        expect(report.mode).toBe('bos-mode');
        expect(report.managed).toBe(true);
        expect(report.root).toBe(`${dir}/`);
        expect(report.diagnosticsArrived).toBe(true);
        const model = marks.filter(m => m.file === 'model.bos');
        expect(report.diagnostics.map(d => ({ line: d.line, char: d.char }))).toEqual(
            model.map(m => ({ line: m.line, char: m.char })),
        );
        expect(report.diagnostics.map(d => d.type)).toEqual([
            'eglot-note',
            'eglot-warning',
            'eglot-error',
            'eglot-error',
        ]);
    });

    it('is not asked to register what it cannot: no warning, settings not registered, watchers for **/*.bos', () => {
        expect(stderr).not.toMatch(/unsupported capability/);
        expect(report.events).not.toMatch(/"workspace\/didChangeConfiguration" :registerOptions/);
        expect(report.events).toMatch(/client\/registerCapability/);
        expect(report.events).toMatch(/:globPattern "\*\*\/\*\.bos"/);
        expect(report.events).not.toMatch(/:globPattern "\*\*\/\*"/);
    });

    it('gets a plain-text hover without markdown-mode: no **, no table pipes, no backslashes', () => {
        expect(report.hover.kind).toBe('plaintext');
        expect(report.hoverShown.split('\n')).toEqual([
            'capability shop.Trade.Order — 下单 (2020)',
            '',
            'layer: platform',
            '',
            'scenario   load  capacity  utilisation  status',
            '峰值      18k/s     20k/s          90%  🟡 headroom',
        ]);
    });

    it('completes resources after `runs on` and finds a definition', () => {
        expect(report.completion).toContain('Cloud.VM');
        expect(report.completion).not.toContain('Trade.Order');
        expect(report.definition).toEqual({ file: join(dir, 'model.bos'), line: 7 });
    });

    it('sees a file rewritten on disk through the watchers eglot registered', () => {
        expect(report.otherBefore).toBe(0);
        expect(report.otherChanged).toBe(true);
        expect(report.otherAfter).toEqual([expect.stringMatching(/'Trade\.Gone' names nothing/)]);
        expect(report.otherMs).toBeLessThan(5000);
    });

    it('M-x compile reads every line, with no colour codes, and each lands on the reported character', () => {
        expect(report.compilation).not.toContain('\u001b');
        expect(report.counts).toEqual({ errors: 3, warnings: 1, infos: 1 });
        expect(report.visits.map(v => ({ file: v.file, line: v.line, char: v.char }))).toEqual(
            marks.map(m => ({ file: m.file, line: m.line, char: m.char })),
        );
    });
});
