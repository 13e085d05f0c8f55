import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/language/value-converter.js';
import { BASE, brief, check } from './helpers.js';

describe('lexical structure', () => {
    it('reads scaled numbers and separators', () => {
        expect(parseNumber('583k')).toBe(583_000);
        expect(parseNumber('1.5M')).toBe(1_500_000);
        expect(parseNumber('2B')).toBe(2e9);
        expect(parseNumber('583_000')).toBe(583_000);
        expect(parseNumber('12_000_000')).toBe(12e6);
        expect(parseNumber('0.05')).toBe(0.05);
    });

    it('accepts Unicode identifiers, escapes, comments and semicolons', async () => {
        const c = await check(`// 中文
package 天猫.核心
infrastructure 阿里云 { resource 计算 : compute { capacity 1M/s; }; }
/* block */ platform café_2 : business {
  capability ^flow "关键字" { runs on 阿里云.计算; capacity 10k/s }
}
element ^element : sales { uses café_2.^flow }
`);
        expect(brief(c)).toEqual([]);
        expect(c.result.model.byId.has('天猫.核心.café_2.flow')).toBe(true);
        expect(c.result.model.byId.has('天猫.核心.element')).toBe(true);
    });

    it('lets contextual words name declarations and be kinds', async () => {
        const c = await check(`package p
infrastructure cloud { resource data : database }
platform order : business { capability service { runs on cloud.data } }
element product : product { uses order.service }
element x : sales { uses order.service }
`);
        expect(brief(c)).toEqual([]);
        expect(c.result.model.byId.get('p.product')?.kind).toBe('product');
    });

    it('reads units with or without a space, and a scale suffix before a currency', async () => {
        const c = await check(`${BASE}
platform P : business { capability C { runs on Cloud.VM  latency 200 ms  capacity 2 k/s } }
element E : sales { uses P.C }
`);
        // `2 k/s`: the scale must touch the number, so `k/s` is an unknown unit.
        expect(brief(c)).toEqual(['bos/unit@11']);
        const m = await check(`package m
infrastructure I { resource R : compute { capacity 1M/s cost 5MXN per 1M } }`);
        const r = m.result.model.byId.get('m.I.R')!;
        expect(r.cost?.amount.value).toBe(5);
        expect(r.cost?.amount.currency).toBe('MXN');
        expect(r.cost?.per).toBe(1e6);
        expect(r.capacity?.base).toBe(1e6);
    });

    it('reports bos/syntax at the offending token and still checks the rest', async () => {
        const c = await check({
            'a.bos': 'package s\nplatform Q : business {\n  capability {\n    runs on Cloud.VM\n  }\n',
            'b.bos':
                'package s\ninfrastructure Cloud { resource VM : compute }\nplatform P : business { capability C { runs on Cloud.VM } }\nelement E : sales { uses P.C }\nelement Lonely : brand\n',
        });
        const a = c.diagnostics.filter(d => d.file === 'a.bos');
        expect(a.length).toBeGreaterThan(0);
        expect(a.every(d => d.code === 'bos/syntax')).toBe(true);
        expect(a[0].line).toBe(3);
        expect(brief(c).filter(s => !s.startsWith('bos/syntax'))).toEqual(['bos/undigitised@5']);
    });

    it('does not blame a declaration a syntax error cuts short for what it lacks', async () => {
        const c = await check({
            'a.bos': 'package s\nplatform P : business {\n  capability C {\n',
            'b.bos': 'package s\nelement E :\n',
            'c.bos': 'package s\nelement F : sales\n',
        });
        expect(c.diagnostics.map(d => `${d.file}:${d.code}`)).toEqual([
            'a.bos:bos/syntax',
            'b.bos:bos/syntax',
            'c.bos:bos/undigitised',
        ]);
    });

    it('keeps syntax messages on one line', async () => {
        const c = await check('element E : sales { uses P.C, }\n');
        const syntax = c.diagnostics.filter(d => d.code === 'bos/syntax');
        expect(syntax[0].message).toBe("expected a name, but found '}'");
        for (const d of syntax) expect(d.message).not.toContain('\n');
    });

    it('survives garbage without throwing', async () => {
        for (
            const text of [
                '}}}}',
                '{{{{',
                'platform',
                'resource R : : :',
                '"unterminated',
                '\u0000\u0001',
                'capacity 3M/s',
                '^',
                '1.2.3.4',
            ]
        ) {
            const c = await check(text);
            expect(c.codes.every(code => code.startsWith('bos/'))).toBe(true);
            expect(c.codes).toContain('bos/syntax');
        }
    });
});
