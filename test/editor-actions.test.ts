import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type * as ast from '../src/language/generated/ast.js';
import { setProperty } from '../src/lsp/fixes/property-edit.js';
import { type Editor, editor, textDocument } from './editor-helpers.js';

async function actions(
    e: Editor,
    name: string,
    code: string,
): Promise<{ titles: string[]; apply: (i: number) => string }> {
    const doc = e.doc(name);
    const diagnostics = (doc.diagnostics ?? []).filter(d => d.code === code) as Diagnostic[];
    expect(diagnostics.length, `${code} in ${name}`).toBeGreaterThan(0);
    const list = await e.Bos.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: textDocument(doc),
        range: diagnostics[0].range,
        context: { diagnostics: [diagnostics[0]] },
    }) as CodeAction[];
    return {
        titles: list.map(a => a.title),
        apply: i => e.applyTo(name, list[i].edit!.changes![doc.uri.toString()]),
    };
}

const CLOUD = 'package acme.cloud\ninfrastructure Aliyun { resource ECS : compute }\n';

describe('quick fixes', () => {
    it('adds a missing kind, offering the valid kinds', async () => {
        const e = await editor({ 'a.bos': 'platform P "交易" { }\n' });
        const a = await actions(e, 'a.bos', 'bos/missing-kind');
        expect(a.titles).toEqual([
            "Add kind 'business'",
            "Add kind 'data'",
            "Add kind 'intelligence'",
            "Add kind 'collaboration'",
        ]);
        expect(a.apply(1)).toBe('platform P "交易" : data { }\n');
    });

    it('corrects an unknown kind, nearest first', async () => {
        const e = await editor({ 'a.bos': 'element E : chanel\n' });
        const a = await actions(e, 'a.bos', 'bos/unknown-kind');
        expect(a.titles[0]).toBe("Change to 'channel'");
        expect(a.apply(0)).toBe('element E : channel\n');
    });

    it('reads what a fix needs from the diagnostic data, not from its message', async () => {
        const e = await editor({
            'a.bos': 'element E : chanel\nplatform P : business { capability C { instances 2.5 } }\n',
        });
        const doc = e.doc('a.bos');
        for (const d of doc.diagnostics ?? []) d.message = 'reworded by a client';
        const kind = await actions(e, 'a.bos', 'bos/unknown-kind');
        expect(kind.titles[0]).toBe("Change to 'channel'");
        const count = await actions(e, 'a.bos', 'bos/unit');
        expect(count.titles).toEqual(["Write '3'"]);
        expect(count.apply(0)).toContain('capability C { instances 3 }');
    });

    it('adds the import for a name that exists in another package', async () => {
        const e = await editor({
            'cloud.bos': CLOUD,
            'core.bos': 'package acme.core\n\nplatform P : business { capability C { runs on Aliyun.ECS } }\n',
        });
        const a = await actions(e, 'core.bos', 'bos/unresolved');
        expect(a.titles[0]).toBe("Add 'import acme.cloud.Aliyun'");
        const fixed = a.apply(0);
        expect(fixed).toBe(
            'package acme.core\nimport acme.cloud.Aliyun\n\nplatform P : business { capability C { runs on Aliyun.ECS } }\n',
        );
        const again = await editor({ 'cloud.bos': CLOUD, 'core.bos': fixed });
        expect(again.doc('core.bos').diagnostics?.filter(d => d.code === 'bos/unresolved')).toEqual([]);
    });

    it('creates the declaration an unresolved reference needs', async () => {
        const e = await editor({
            'a.bos':
                'infrastructure I { resource R : compute }\nplatform P : business {\n  capability C { runs on I.R, I.Disk  calls Missing }\n}\nflow F { from Shopper  step P.C }\n',
        });
        const a = await actions(e, 'a.bos', 'bos/unresolved');
        expect(a.titles).toContain("Create resource 'Disk' in I");
        const fixed = a.apply(a.titles.indexOf("Create resource 'Disk' in I"));
        expect(fixed).toContain('infrastructure I { resource R : compute   resource Disk : compute\n}');
        const all = (await Promise.all((e.doc('a.bos').diagnostics ?? []).map(async d => {
            const list = await e.Bos.lsp.CodeActionProvider!.getCodeActions(e.doc('a.bos'), {
                textDocument: textDocument(e.doc('a.bos')),
                range: d.range,
                context: { diagnostics: [d] },
            }) as CodeAction[];
            return list.map(x => x.title);
        }))).flat();
        expect(all).toEqual(expect.arrayContaining(["Create capability 'Missing' in P", "Create actor 'Shopper'"]));
    });

    it('fixes units', async () => {
        const e = await editor({
            'a.bos':
                'infrastructure I { resource R : compute { capacity 3000  cost 0.5 cny per 10k } }\nscenario S { headroom 0.2 }\n',
        });
        const rate = await actions(e, 'a.bos', 'bos/unit');
        expect(rate.titles).toEqual(["Use '3000/s'", "Use '3000/min'", "Use '3000/h'"]);
        expect(rate.apply(0)).toContain('capacity 3000/s');
        const doc = e.doc('a.bos');
        const all = await Promise.all(
            (doc.diagnostics ?? []).filter(d => d.code === 'bos/unit').map(async d =>
                (await e.Bos.lsp.CodeActionProvider!.getCodeActions(doc, {
                    textDocument: textDocument(doc),
                    range: d.range,
                    context: { diagnostics: [d] },
                }) as CodeAction[]).map(x => x.title)
            ),
        );
        expect(all[1][0]).toBe("Change to 'CNY'");
        expect(all[2]).toEqual(["Write '20%'"]);
    });

    it('removes an unused declaration with its line', async () => {
        const e = await editor({
            'a.bos':
                'infrastructure I {\n  resource R : compute\n  resource Spare : storage\n}\nplatform P : business { capability C { runs on I.R } }\nelement E : sales { uses P.C }\n',
        });
        const a = await actions(e, 'a.bos', 'bos/unused');
        expect(a.titles).toEqual(["Remove unused resource 'Spare'"]);
        expect(a.apply(0)).toBe(
            'infrastructure I {\n  resource R : compute\n}\nplatform P : business { capability C { runs on I.R } }\nelement E : sales { uses P.C }\n',
        );
    });
});

const MODEL = `infrastructure I { resource R : compute { capacity 10k/s } }
platform P : business {
  capability C { runs on I.R x 2  capacity 5k/s }
  capability D { runs on I.R  calls C }
}
element E : sales { uses P.C }
flow F { step P.C  step P.D x 0.5 }
scenario Peak { load F 2k/s }
scenario Calm { load F 1k/s }
`;

describe('lenses and inlay hints', () => {
    it('shows dependents and the hardest scenario over capabilities and resources', async () => {
        const e = await editor({ 'a.bos': MODEL });
        const lenses = await e.Bos.lsp.CodeLensProvider!.provideCodeLens(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
        });
        expect(lenses?.filter(l => !l.command?.command).map(l => l.command?.title)).toEqual([
            'used by 2 · 70% in Peak',
            'used by 3 · 60% in Peak',
            'used by 1 · 1k/s in Peak',
        ]);
    });

    it('shows the load each step, runs on and calls carries in the chosen scenario', async () => {
        const e = await editor({ 'a.bos': MODEL });
        const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
        const hints = await e.Bos.lsp.InlayHintProvider!.getInlayHints(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            range,
        });
        expect(hints?.map(h => `${h.position.line}:${h.label}`)).toEqual([
            '2:⟶ 6k/s',
            '3:⟶ 1k/s',
            '3:⟶ 1k/s',
            '6:⟶ 2k/s',
            '6:⟶ 1k/s',
        ]);
        e.Bos.bos.Settings.update({ inlayHints: { scenario: 'Calm' } });
        const calm = await e.Bos.lsp.InlayHintProvider!.getInlayHints(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            range,
        });
        expect(calm?.[0].label).toBe('⟶ 3k/s');
        e.Bos.bos.Settings.update({ inlayHints: { enabled: false } });
        expect(
            await e.Bos.lsp.InlayHintProvider!.getInlayHints(e.doc('a.bos'), {
                textDocument: textDocument(e.doc('a.bos')),
                range,
            }),
        ).toEqual([]);
    });
});

describe('settings', () => {
    it('silences disabled codes and applies the default headroom', async () => {
        const e = await editor({ 'a.bos': MODEL });
        expect(e.doc('a.bos').diagnostics?.map(d => d.code)).toEqual(['bos/no-capacity', 'bos/no-capacity']);
        e.Bos.bos.Settings.update({ checks: { disabled: ['bos/no-capacity'] }, analysis: { defaultHeadroom: 50 } });
        e.Bos.bos.WorkspaceModel.invalidate();
        await e.Bos.shared.workspace.DocumentBuilder.update([], []);
        // R at 70% and C at 60% of capacity in Peak are now above the 50% line.
        expect(e.doc('a.bos').diagnostics?.map(d => d.code)).toEqual(['bos/headroom', 'bos/headroom']);
        expect(e.Bos.bos.Settings.update({ analysis: { defaultHeadroom: 'lots' } })).toBe(false);
    });
});

/** The code actions for the first diagnostic with `code` in `name`, after rewording every message. */
async function fixesFor(e: Editor, name: string, code: string): Promise<CodeAction[]> {
    const doc = e.doc(name);
    for (const d of doc.diagnostics ?? []) d.message = 'reworded by a client';
    const d = (doc.diagnostics ?? []).find(x => x.code === code);
    expect(d, `${code} in ${name}`).toBeDefined();
    return await e.Bos.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: textDocument(doc),
        range: d!.range,
        context: { diagnostics: [d!] },
    }) as CodeAction[];
}

const codesIn = (e: Editor) => [...e.docs.values()].flatMap(d => (d.diagnostics ?? []).map(x => String(x.code)));

/** Checks the fixed files again: the findings are gone, and nothing else changed. */
async function expectGone(before: Editor, fixed: Record<string, string>, ...codes: string[]): Promise<void> {
    expect(codesIn(before)).toEqual(expect.arrayContaining(codes));
    expect(codesIn(await editor(fixed))).toEqual(codesIn(before).filter(c => !codes.includes(c)));
}

/** Order misses Buy's SLO in Peak (R ≈ 260ms at 95%); the flow is in another file. */
const SLOW = {
    'core.bos': `package acme.core
platform Trade : business {
  capability Order "下单" {
    capacity 1k/s
    latency 100ms
    instances 10
  }
}
`,
    'flows.bos': `package acme.flows
import acme.core.*
flow Buy { step Trade.Order  slo 150ms }
scenario Peak { load Buy 950/s  headroom 5% }
`,
};

describe('performance fixes', () => {
    it('scales the bottleneck out in the file that declares it, and the SLO is met', async () => {
        const e = await editor(SLOW);
        const [fix, ...rest] = await fixesFor(e, 'flows.bos', 'bos/slo');
        expect(rest).toEqual([]);
        expect(fix.title).toBe('Set instances of Order to 11 and capacity to 1.1k/s so Buy meets its SLO in Peak');
        expect(fix.isPreferred).toBe(true);
        expect(Object.keys(fix.edit!.changes!)).toEqual([e.doc('core.bos').uri.toString()]);
        const fixed = e.apply(fix.edit);
        expect(fixed['core.bos']).toContain('    capacity 1.1k/s\n    latency 100ms\n    instances 11\n');
        expect(fixed['flows.bos']).toBe(SLOW['flows.bos']);
        await expectGone(e, fixed, 'bos/slo');
    });

    it('adds instances with the indentation of the other statements, or into a one-line body', async () => {
        // One pooled queue, saturated at 950/s on 100/s: sizing it out ends the overload too.
        const pooled = SLOW['core.bos'].replace('    instances 10\n', '').replace('capacity 1k/s', 'capacity 100/s');
        const e = await editor({ ...SLOW, 'core.bos': pooled });
        const [fix] = await fixesFor(e, 'flows.bos', 'bos/slo');
        expect(fix.title).toMatch(
            /^Set instances of Order to \d+ and capacity to [\d.]+k?\/s so Buy meets its SLO in Peak$/,
        );
        const fixed = e.apply(fix.edit);
        expect(fixed['core.bos']).toMatch(/\n {4}latency 100ms\n {4}instances \d+\n {2}\}\n/);
        await expectGone(e, fixed, 'bos/slo', 'bos/overload');

        const oneLine =
            'package acme.core\nplatform Trade : business { capability Order { capacity 100/s  latency 100ms } }\n';
        const o = await editor({ ...SLOW, 'core.bos': oneLine });
        const [one] = await fixesFor(o, 'flows.bos', 'bos/slo');
        const written = o.apply(one.edit)['core.bos'];
        expect(written).toMatch(/capability Order \{ capacity [\d.]+k?\/s {2}latency 100ms instances \d+ \}/);
        await expectGone(o, { ...SLOW, 'core.bos': written }, 'bos/slo', 'bos/overload');
    });

    it('sets instances alone when the capacity is derived from concurrency', async () => {
        const derived = SLOW['core.bos'].replace('capacity 1k/s', 'concurrency 10');
        const e = await editor({ ...SLOW, 'core.bos': derived });
        const [fix] = await fixesFor(e, 'flows.bos', 'bos/slo');
        expect(fix.title).toBe('Set instances of Order to 11 so Buy meets its SLO in Peak');
        const fixed = e.apply(fix.edit);
        expect(fixed['core.bos']).toContain('    concurrency 10\n    latency 100ms\n    instances 11\n');
        await expectGone(e, fixed, 'bos/slo');
    });

    it('offers no fix when no number of instances can meet the SLO', async () => {
        // Order's own 200ms is over the 150ms SLO, with no wait at all.
        const e = await editor({ ...SLOW, 'core.bos': SLOW['core.bos'].replace('latency 100ms', 'latency 200ms') });
        expect(await fixesFor(e, 'flows.bos', 'bos/slo')).toEqual([]);
    });

    it('matches capacity to instances × concurrency / latency, or concurrency to the capacity', async () => {
        const text =
            'platform P : business {\n  capability Pay { capacity 2k/s  latency 20ms  instances 4  concurrency 9 }\n}\n'
            + 'element E : sales { uses P.Pay }\n';
        const e = await editor({ 'a.bos': text });
        const fixes = await fixesFor(e, 'a.bos', 'bos/capacity-mismatch');
        expect(fixes.map(f => f.title)).toEqual(['Set capacity to 1.8k/s', 'Set concurrency to 10']);
        for (const fix of fixes) {
            const fixed = e.apply(fix.edit);
            expect(fixed['a.bos']).not.toBe(text);
            await expectGone(e, fixed, 'bos/capacity-mismatch');
        }
        // 2.08k/s × 20ms / 4 = 10.4: a whole concurrency cannot come within 1%, so only the capacity is offered.
        const odd = await editor({ 'a.bos': text.replace('2k/s', '2.08k/s') });
        expect((await fixesFor(odd, 'a.bos', 'bos/capacity-mismatch')).map(f => f.title)).toEqual([
            'Set capacity to 1.8k/s',
        ]);
    });
});

describe('setting a property', () => {
    const set = async (text: string, value = '3') => {
        const e = await editor({ 'a.bos': text });
        const decl = (e.doc('a.bos').parseResult.value as ast.Model).declarations[0] as ast.Infrastructure;
        return e.applyTo('a.bos', [setProperty(e.doc('a.bos'), decl.resources[0], 'instances', value)!]);
    };

    it('gives a declaration without a body one, and fills an empty body', async () => {
        expect(await set('infrastructure I { resource R : compute }\n')).toBe(
            'infrastructure I { resource R : compute { instances 3 } }\n',
        );
        expect(await set('infrastructure I { resource R : compute {} }\n')).toBe(
            'infrastructure I { resource R : compute { instances 3 } }\n',
        );
        expect(await set('infrastructure I {\n    resource R : compute {\n    }\n}\n')).toBe(
            'infrastructure I {\n    resource R : compute {\n      instances 3\n    }\n}\n',
        );
    });

    it('replaces the first value written and keeps comments and tabs', async () => {
        expect(await set('infrastructure I { resource R { instances 2  instances 5 } }\n', '1_000')).toBe(
            'infrastructure I { resource R { instances 1_000  instances 5 } }\n',
        );
        expect(await set('infrastructure I {\n\tresource R {\n\t\tcapacity 1k/s // peak\n\t}\n}\n')).toBe(
            'infrastructure I {\n\tresource R {\n\t\tcapacity 1k/s // peak\n\t\tinstances 3\n\t}\n}\n',
        );
    });
});
