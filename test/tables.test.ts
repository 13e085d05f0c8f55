// `bos analyze` tables stay aligned when names hold wide characters: Chinese (交易中台)
// and fullwidth Latin (ｆｕｌｌ) take two terminal cells each. Runs the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { padEndCells, padStartCells } from '../src/analysis/cells.js';
import { tempFiles } from './temp.js';

const CLI = resolve('out/cli.cjs');

const MODEL = `package shop
infrastructure Cloud {
  resource Database : database { capacity 50k/s  cost 0.05 CNY per 10k }
  resource ｆｕｌｌ : compute { capacity 100k/s  cost 0.1 CNY per 10k }
}
platform 交易中台 : business {
  capability Order { runs on Cloud.Database, Cloud.ｆｕｌｌ  capacity 20k/s }
  capability Pay { runs on Cloud.ｆｕｌｌ }
}
element Sales : sales { uses 交易中台.Order, 交易中台.Pay }
flow Buy { step 交易中台.Order x 2  step 交易中台.Pay }
scenario 双11 { load Buy 9k/s }
scenario Calm { load Buy 1k/s }
`;

/** The columns of a table row: runs of text split at two or more spaces, in display cells. */
function columns(line: string): { text: string; start: number; end: number }[] {
    return [...line.matchAll(/\S+(?: \S+)*/g)].map(m => {
        const start = stringWidth(line.slice(0, m.index));
        return { text: m[0], start, end: start + stringWidth(m[0]) };
    });
}

/** Every value the same (one distinct value), reported with the rows when not. */
function expectAligned(rows: string[], at: (cols: ReturnType<typeof columns>) => number | undefined): void {
    const seen = rows.map(r => at(columns(r))).filter(v => v !== undefined);
    expect(new Set(seen).size, rows.join('\n')).toBe(1);
}

let out: string;

beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
    const r = spawnSync(process.execPath, [CLI, 'analyze'], {
        cwd: tempFiles('tables', { 'shop.bos': MODEL }),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    out = r.stdout;
});

describe('bos analyze tables with wide characters', () => {
    it('starts every column of a node table at the same display column', () => {
        const lines = out.split('\n');
        for (const scenario of ['shop.双11', 'shop.Calm']) {
            const first = lines.findIndex(l => l.startsWith(scenario)) + 1;
            const last = lines.findIndex((l, i) => i > first && l.startsWith('  cost per 10k'));
            const table = lines.slice(first, last);
            expect(table[0]).toMatch(/^ {2}node +load +capacity +util +status$/);
            expect(table.slice(1).map(r => columns(r)[0].text)).toEqual([
                'shop.Cloud.Database',
                'shop.Cloud.ｆｕｌｌ',
                'shop.交易中台.Order',
                'shop.交易中台.Pay',
            ]);
            expectAligned(table, c => c[0].start); // node, left-aligned
            expectAligned(table, c => c[1].end); // load, right-aligned
            expectAligned(table, c => c[2].end); // capacity
            expectAligned(table, c => c[3].end); // util
            expectAligned(table, c => (c.length === 6 ? c[4].start : undefined)); // bar, when there is one
            expectAligned(table, c => c[c.length - 1].start); // status
            // The widest name still leaves the two-cell gap before the load column.
            for (const row of table) expect(columns(row)[1].start - columns(row)[0].end).toBeGreaterThanOrEqual(2);
        }
    });

    it('aligns the cost-by-scenario comparison', () => {
        const lines = out.split('\n');
        const at = lines.indexOf('cost per 10k transactions by scenario');
        expect(at).toBeGreaterThan(0);
        const rows = lines.slice(at + 1, at + 3);
        expect(rows.map(r => columns(r)[0].text)).toEqual(['shop.双11', 'shop.Calm']);
        expectAligned(rows, c => c[0].start);
        expectAligned(rows, c => c[1].end); // the amount, right-aligned
        expectAligned(rows, c => c[2].start); // the bar
    });
});

describe('padding to display cells', () => {
    it('counts wide and fullwidth characters as two cells, ANSI colour as none', () => {
        expect(padEndCells('交易', 6)).toBe('交易  ');
        expect(padStartCells('ｆｕ', 5)).toBe(' ｆｕ');
        expect(padEndCells('\u001b[32mok\u001b[39m', 4)).toBe('\u001b[32mok\u001b[39m  ');
        expect(padEndCells('交易中台', 4)).toBe('交易中台'); // never truncates
    });
});
