// Small pieces with outside effects: terminal colour and progress, message validation,
// the TextMate grammar, the layout time limit.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bar } from '../src/analysis/format.js';
import { MODEL_CHECKS, runChecks } from '../src/checks/index.js';
import { colours, progressLine } from '../src/cli/terminal.js';
import { buildDiagram } from '../src/diagram/graph.js';
import { layout, LayoutTimeout } from '../src/diagram/layout.js';
import { findView } from '../src/diagram/view.js';
import { threadLayoutHost } from '../src/host/layout-thread.js';
import { parseFromWebview, parseToWebview } from '../src/lsp/protocol.js';
import { deriveFacts } from '../src/model/graph.js';
import { PROPERTY_NAMES } from '../src/model/properties.js';
import { RELATION_NAMES } from '../src/model/relations.js';
import { check } from './helpers.js';

const fakeStream = (isTTY: boolean) => {
    const written: string[] = [];
    return {
        stream: {
            isTTY,
            write: (s: string) => {
                written.push(s);
                return true;
            },
        } as unknown as NodeJS.WriteStream,
        written,
    };
};

describe('terminal output', () => {
    it('colours only on a TTY, and never with NO_COLOR', () => {
        const saved = process.env.NO_COLOR;
        try {
            delete process.env.NO_COLOR;
            expect(colours(fakeStream(true).stream).red('x')).toBe('\x1b[31mx\x1b[39m');
            expect(colours(fakeStream(false).stream).red('x')).toBe('x');
            process.env.NO_COLOR = '1';
            expect(colours(fakeStream(true).stream).red('x')).toBe('x');
        } finally {
            if (saved === undefined) delete process.env.NO_COLOR;
            else process.env.NO_COLOR = saved;
        }
    });

    it('shows a progress line on a TTY once work runs long, and clears it', () => {
        const tty = fakeStream(true);
        const quick = progressLine(tty.stream, 60_000);
        quick.update(1, 2, 'checking');
        quick.clear();
        expect(tty.written).toEqual([]);
        const slow = progressLine(tty.stream, 0);
        slow.update(5, 10, 'checking model');
        slow.clear();
        expect(tty.written).toEqual(['\r\x1b[2Kchecking model 5/10 (50%)', '\r\x1b[2K']);
        const pipe = fakeStream(false);
        const none = progressLine(pipe.stream, 0);
        none.update(5, 10, 'checking model');
        none.clear();
        expect(pipe.written).toEqual([]);
    });

    it('draws bars for fractions', () => {
        expect(bar(0.5)).toBe('█████     ');
        expect(bar(0.97)).toBe('█████████▌');
        expect(bar(1.4)).toBe('██████████');
        expect(bar(0)).toBe('          ');
    });
});

describe('webview messages', () => {
    it('accepts well-formed messages from the webview and ignores the rest', () => {
        expect(parseFromWebview({ type: 'ready' })).toEqual({ type: 'ready' });
        expect(parseFromWebview({ type: 'reveal', node: 'n12' })).toEqual({ type: 'reveal', node: 'n12' });
        expect(parseFromWebview({ type: 'reveal', node: '../../etc/passwd' })).toBeUndefined();
        expect(parseFromWebview({ type: 'reveal', node: 12 })).toBeUndefined();
        expect(parseFromWebview({ type: 'choose', view: 'V', scenario: '' })).toEqual({
            type: 'choose',
            view: 'V',
            scenario: '',
        });
        expect(parseFromWebview({ type: 'choose', view: {} })).toBeUndefined();
        expect(parseFromWebview({ type: 'exportPng', dataUrl: 'javascript:alert(1)' })).toBeUndefined();
        expect(parseFromWebview({ type: 'runCommand', command: 'rm -rf' })).toBeUndefined();
        expect(parseFromWebview('ready')).toBeUndefined();
        expect(parseFromWebview(null)).toBeUndefined();
    });

    it('accepts well-formed messages from the extension', () => {
        expect(parseToWebview({ type: 'highlight', node: 'n1' })).toEqual({ type: 'highlight', node: 'n1' });
        expect(parseToWebview({ type: 'highlight', node: 1 })).toBeUndefined();
        expect(parseToWebview({ type: 'diagram', diagram: { views: [], nodes: [], view: 'V', svg: 1 } }))
            .toBeUndefined();
        expect(parseToWebview({ type: 'diagram', diagram: { views: [], nodes: [], view: 'V', svg: '<svg/>' } }))
            .toBeUndefined(); // no scenarios
        expect(
            parseToWebview({
                type: 'diagram',
                diagram: { views: [], nodes: [], scenarios: [], view: 'V', svg: '<svg/>' },
            })?.type,
        ).toBe('diagram');
    });
});

describe('TextMate grammar', () => {
    it('is valid JSON whose patterns compile, and covers the declaration keywords', () => {
        const grammar = JSON.parse(readFileSync('syntaxes/bos.tmLanguage.json', 'utf8'));
        const regexes: string[] = [];
        const walk = (o: unknown) => {
            if (Array.isArray(o)) o.forEach(walk);
            else if (o && typeof o === 'object') {
                for (const [k, v] of Object.entries(o)) {
                    if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') regexes.push(v);
                    else walk(v);
                }
            }
        };
        walk(grammar);
        expect(regexes.length).toBeGreaterThan(10);
        for (const r of regexes) expect(() => new RegExp(r, 'u'), r).not.toThrow();
        const declaration = new RegExp(grammar.repository.declaration.match, 'u');
        expect(declaration.exec('platform 交易中台 "x"')?.[2]).toBe('交易中台');
        expect(declaration.exec('runs on org.platform Trade')).toBeNull();
        const quantity = new RegExp(grammar.repository.quantities.patterns[0].match, 'u');
        expect(quantity.exec('583k/s')?.slice(1)).toEqual(['583', 'k', '/s']);
    });

    it('colours every property and relation of the tables', () => {
        const grammar = JSON.parse(readFileSync('syntaxes/bos.tmLanguage.json', 'utf8'));
        const [relation, property] = grammar.repository.properties.patterns.map(
            (p: { match: string }) => new RegExp(p.match, 'u'),
        );
        for (const word of PROPERTY_NAMES) expect(relation.test(word) || property.test(word), word).toBe(true);
        for (const word of RELATION_NAMES) expect(relation.test(word), word).toBe(true);
    });
});

describe('layout time limit', () => {
    it('stops a layout in the worker thread at the limit, with a clear message', async () => {
        const { result } = await check(
            'infrastructure I { resource R : compute }\nplatform P : business { capability C { runs on I.R } }\nelement E : sales { uses P.C }\n',
        );
        const d = buildDiagram(result.model, findView(result.model, undefined)!);
        const host = threadLayoutHost(resolve('out/layout-worker.cjs'));
        await expect(layout(d, { timeoutMs: 1, host })).rejects.toThrow(LayoutTimeout);
        await expect(layout(d, { timeoutMs: 1, host })).rejects.toThrow(/took longer than 0 s; narrow the view/);
        const laid = await layout(d, { timeoutMs: 20_000, host });
        expect(laid.children).toHaveLength(3);
    });
});

describe('check isolation', () => {
    it('reports a check that throws once and still runs the others', async () => {
        const { result } = await check('element Offline : brand\n');
        const errors: string[] = [];
        const broken = {
            name: 'broken',
            run: (): never => {
                throw new Error('boom');
            },
        };
        const findings = runChecks(
            result.model,
            deriveFacts(result.model),
            result.analysis,
            (name, err) => errors.push(`${name}: ${(err as Error).message}`),
            [broken, ...MODEL_CHECKS],
        );
        expect(errors).toEqual(['broken: boom']);
        expect(findings.map(f => f.code)).toEqual(['bos/undigitised']);
    });
});
