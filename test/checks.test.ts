import { describe, expect, it } from 'vitest';
import { editor } from './editor-helpers.js';
import { BASE, brief, check } from './helpers.js';

describe('diagnostic codes', () => {
    it('is quiet on a valid model', async () => {
        const c = await check(
            BASE
                + 'actor Buyer { uses Sales }\nflow Buy { from Buyer step Trade.Order }\nscenario Calm { load Buy 1k/s }\nview V { include * overlay Calm }\n',
        );
        expect(brief(c, true)).toEqual([]);
    });

    it('bos/unresolved at the reference', async () => {
        const c = await check(BASE + 'element X : sales { uses Trade.Nope }\n');
        expect(c.diagnostics.filter(d => d.code === 'bos/unresolved').map(d => `${d.line}:${d.column}`)).toEqual([
            '10:26',
        ]);
    });

    it('bos/target-kind for every relation, at the reference', async () => {
        const c = await check(`package k
actor A
infrastructure I { resource R : compute }
platform P : business {
  capability C { runs on I.R }
  capability Bad { runs on C  calls I.R }
}
element E : sales { uses P.C }
flow F { from E  step E }
scenario S { load P.C 1k/s }
view V { overlay F }
flow G { step P.C }
element E2 : sales { uses G }
`);
        expect(brief(c)).toEqual([
            'bos/target-kind@6',
            'bos/target-kind@6',
            'bos/target-kind@9',
            'bos/target-kind@9',
            'bos/target-kind@10',
            'bos/target-kind@11',
            'bos/target-kind@13',
        ]);
    });

    it('bos/layering for upward dependencies, bos/layer-skip for bypassing the platforms', async () => {
        const c = await check(`package l
infrastructure I { resource R : compute  resource Probe : security { uses E } }
platform P : business { capability C { runs on I.R  uses Z } }
element E : sales { uses P.C, I.R, I }
actor A { uses E, I.R }
element F : sales { uses A, E }
actor Z
`);
        expect(brief(c)).toEqual([
            'bos/layering@2',
            'bos/layering@3',
            'bos/layer-skip@4',
            'bos/layer-skip@4',
            'bos/layer-skip@5',
            'bos/layering@6',
        ]);
    });

    it('bos/cycle once per cycle, at the reference leaving its first member, naming the whole cycle', async () => {
        const c = await check({
            'a.bos': `package c
infrastructure I { resource R : compute }
platform P : business {
  capability A { runs on I.R  calls B }
  capability B { runs on I.R  calls C, A }
  capability C { runs on I.R  calls A }
  capability Self { runs on I.R  calls Self }
}
element E : sales { uses P.A, P.Self }
`,
            'b.bos':
                'package c\ninfrastructure N { resource X : network { depends on Y }\n resource Y : network { depends on X } }\n',
        });
        const cycles = c.diagnostics.filter(d => d.code === 'bos/cycle');
        expect(cycles.map(d => `${d.file}:${d.line}:${d.column}`)).toEqual(['a.bos:4:37', 'a.bos:7:40', 'b.bos:2:54']);
        expect(cycles[0].message).toBe('dependency cycle: c.P.A → c.P.B → c.P.A');
        expect(cycles[2].message).toBe('dependency cycle: c.N.X → c.N.Y → c.N.X');
    });

    it('attaches related information: the other duplicate, every member of a cycle', async () => {
        const e = await editor({ 'a.bos': 'package r\nactor A { uses B }\nactor B { uses A }\nactor A\n' });
        const diags = e.doc('a.bos').diagnostics ?? [];
        const dup = diags.find(d => d.code === 'bos/duplicate' && d.range.start.line === 1)!;
        expect(dup.relatedInformation?.map(r => r.location.range.start.line)).toEqual([3]);
        const cycle = diags.find(d => d.code === 'bos/cycle')!;
        expect(cycle.relatedInformation?.map(r => r.message)).toEqual([
            'r.A is part of the cycle',
            'r.B is part of the cycle',
        ]);
    });

    it('bos/cycle takes the first reference in text order, whatever its relation', async () => {
        const c = await check(`package t
infrastructure I { resource R : compute }
platform P : business {
  capability A {
    calls B
    runs on I.R
    uses B
  }
  capability B { runs on I.R  uses A }
}
element E : sales { uses P.A }
`);
        expect(c.diagnostics.filter(d => d.code === 'bos/cycle').map(d => d.line)).toEqual([5]);
    });

    it('bos/cycle picks the first member by file path order, decoded', async () => {
        const c = await check({
            'z.bos': 'package q\nactor Z { uses 甲 }\n',
            '中.bos': 'package q\nactor 甲 { uses Z }\n',
        });
        expect(c.diagnostics.filter(d => d.code === 'bos/cycle').map(d => d.file)).toEqual(['z.bos']);
    });

    it('bos/missing-kind at the name, bos/unknown-kind at the kind with a suggestion', async () => {
        const c = await check(`package h
infrastructure I { resource R  resource S : databse }
platform P { capability C { runs on I.R } }
platform Q : bussiness { capability D { runs on I.S } }
element E { uses P.C }
element F : chanel { uses Q.D }
actor A : person
view V { include kind salse, layer comerce }
`);
        expect(brief(c)).toEqual([
            'bos/missing-kind@2',
            'bos/unknown-kind@2',
            'bos/missing-kind@3',
            'bos/unknown-kind@4',
            'bos/missing-kind@5',
            'bos/unknown-kind@6',
            'bos/unknown-kind@8',
            'bos/unknown-kind@8',
        ]);
        const msg = (line: number, col: number) =>
            c.diagnostics.find(d => d.line === line && d.column === col)!.message;
        expect(msg(4, 14)).toContain("did you mean 'business'");
        expect(msg(6, 13)).toContain("did you mean 'channel'");
        expect(msg(2, 45)).toContain("did you mean 'database'");
    });

    it('bos/undigitised, bos/unhosted, bos/empty-flow as warnings and errors at the name; bos/unused as a hint', async () => {
        const c = await check(`package h
infrastructure I { resource R : compute  resource Spare : storage }
platform P : business { capability Hosted { runs on I.R }  capability Floating { } capability Idle { runs on I.R } }
element Offline : marketing
element Online : sales { uses P.Hosted, P.Floating }
flow Nothing { }
`);
        expect(c.diagnostics.map(d => `${d.code}@${d.line}:${d.column}:${d.severity}`)).toEqual([
            'bos/unused@2:51:hint',
            'bos/unhosted@3:71:warning',
            'bos/unused@3:95:hint',
            'bos/undigitised@4:9:warning',
            'bos/empty-flow@6:6:error',
        ]);
    });

    it('bos/unit for every quantity place', async () => {
        const c = await check(`package u
infrastructure I {
  resource R : compute { capacity 150ms  cost 0.05 per 10k }
  resource S : compute { capacity 3k/min  cost 2 cny per 1M }
}
platform P : business { capability C { runs on I.R, I.S  latency 3k/s  capacity 5000 } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Sc { load F 10 ms  budget 1 per 10k  headroom 0.2 }
`);
        expect(brief(c)).toEqual([
            'bos/unit@3',
            'bos/unit@3',
            'bos/unit@4',
            'bos/unit@6',
            'bos/unit@6',
            'bos/unit@9',
            'bos/unit@9',
            'bos/unit@9',
        ]);
        expect(c.diagnostics.find(d => d.line === 4)!.message).toContain('CNY');
    });

    it('bos/unit for a count that is not a whole number of at least 1, and for an slo that is no duration', async () => {
        const c = await check(`package u
infrastructure I { resource R : compute { instances 0  concurrency 1.5  latency 2k/s } }
platform P : business { capability C { runs on I.R  instances 3/s  concurrency 1_000_000_000_000 } }
element E : sales { uses P.C }
flow F { step P.C  slo 3% }
`);
        expect(brief(c)).toEqual(['bos/unit@2', 'bos/unit@2', 'bos/unit@2', 'bos/unit@3', 'bos/unit@5']);
        const messages = c.diagnostics.map(d => d.message);
        expect(messages[0]).toBe(
            'instances needs a whole number of at least 1 with no unit, such as 12 or 1_200, not 0',
        );
        expect(messages[1]).toContain('not 1.5');
        expect(messages[3]).toContain("not '3/s'");
        expect(c.result.model.byId.get('u.P.C')!.concurrency?.base).toBe(1e12);
    });

    it('accepts every valid unit', async () => {
        const c = await check(`package u
infrastructure I { resource R : compute { capacity 3k/min  cost 2 USD per 1M } resource S : compute { capacity 1M/h } }
platform P : business { capability C { runs on I.R, I.S  latency 2 s  capacity 50/s } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Sc { load F 60/min  budget 1 USD per 10k  headroom 10% }
`);
        expect(brief(c)).toEqual([]);
    });

    it('bos/repeated when a single-valued property is written twice', async () => {
        const c = await check(`package r
infrastructure I { resource R : compute { capacity 1k/s
  capacity 2k/s } }
platform P : business { capability C { runs on I.R } }
element E : sales { uses P.C }
`);
        expect(brief(c)).toEqual(['bos/repeated@3']);
        expect(c.result.model.byId.get('r.I.R')!.capacity!.base).toBe(1000);
    });
});
