import { describe, expect, it } from 'vitest';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver';
import { MAX_REFERENCE_ITEMS } from '../src/lsp/completion.js';
import { editor, textDocument } from './editor-helpers.js';

const CLOUD = `package acme.cloud
infrastructure Aliyun "阿里云" {
  resource ECS "计算" : compute { capacity 100k/s  cost 1 CNY per 10k }
  resource RDS : database { capacity 50k/s }
}
`;
const CORE = `package acme.core
import acme.cloud.*
import acme.cloud.Aliyun.RDS as DB

actor Buyer
platform Trade "交易中台" : business {
  capability PlaceOrder "下单" {
    description "Creates the order"
    runs on Aliyun.ECS, DB x 2
    capacity 40k/s
  }
  capability Pay { runs on Aliyun.ECS  calls PlaceOrder }
}
element Sales "销售" : sales { uses Trade.PlaceOrder, Trade.Pay }
flow Checkout { from Buyer  step Trade.PlaceOrder  step Trade.Pay }
scenario Peak "峰值" { load Checkout 36k/s }
view V { include Trade.*  overlay Peak }
`;

async function complete(files: Record<string, string>, name: string): Promise<string[]> {
    const e = await editor(files);
    const list = await e.Bos.lsp.CompletionProvider!.getCompletion(e.doc(name), {
        textDocument: textDocument(e.doc(name)),
        position: e.at(name),
    }) as CompletionList;
    return list.items.map(i => i.label);
}

describe('completion', () => {
    const at = (body: string) => ({
        'cloud.bos': CLOUD,
        'core.bos': CORE.replace('capability Pay { runs on Aliyun.ECS  calls PlaceOrder }', body),
    });

    it('offers only resources after runs on', async () => {
        const labels = await complete(at('capability Pay { runs on | }'), 'core.bos');
        expect(labels.sort()).toEqual(['Aliyun.ECS', 'DB'].sort());
    });

    it('offers only capabilities after calls and step, flows after load, actors after from, scenarios after overlay', async () => {
        expect(await complete(at('capability Pay { runs on DB  calls | }'), 'core.bos')).toEqual(['PlaceOrder', 'Pay']);
        const flows = await complete({ 'cloud.bos': CLOUD, 'core.bos': CORE + 'scenario S { load | }\n' }, 'core.bos');
        expect(flows).toEqual(['Checkout']);
        const actors = await complete({ 'cloud.bos': CLOUD, 'core.bos': CORE + 'flow G { from | }\n' }, 'core.bos');
        expect(actors).toEqual(['Buyer']);
        const steps = await complete({ 'cloud.bos': CLOUD, 'core.bos': CORE + 'flow G { step | }\n' }, 'core.bos');
        expect(steps.sort()).toEqual(['Trade.Pay', 'Trade.PlaceOrder']);
        const scenarios = await complete(
            { 'cloud.bos': CLOUD, 'core.bos': CORE + 'view W { overlay | }\n' },
            'core.bos',
        );
        expect(scenarios).toEqual(['Peak']);
    });

    it('offers the kinds of the declaration after a colon', async () => {
        expect(await complete({ 'a.bos': 'element E : |' }, 'a.bos')).toContain('logistics');
        expect(await complete({ 'a.bos': 'platform P : |' }, 'a.bos')).toEqual([
            'business',
            'data',
            'intelligence',
            'collaboration',
        ]);
        expect(await complete({ 'a.bos': 'infrastructure I { resource R : | }' }, 'a.bos')).toContain('accelerator');
    });

    it('offers the units that fit after a number', async () => {
        expect(await complete(at('capability Pay { capacity 3k| }'), 'core.bos')).toEqual(['/s', '/min', '/h']);
        expect(await complete(at('capability Pay { latency 150| }'), 'core.bos')).toEqual(['ms', 's']);
        expect(await complete({ 'a.bos': 'infrastructure I { resource R : compute { cost 0.5 | } }' }, 'a.bos'))
            .toContain('CNY');
    });

    it('offers packages and their declarations after import', async () => {
        const labels = await complete({ 'cloud.bos': CLOUD, 'core.bos': 'package acme.core\nimport |' }, 'core.bos');
        expect(labels).toEqual(expect.arrayContaining(['acme.cloud.*', 'acme.cloud.Aliyun', 'acme.cloud.Aliyun.ECS']));
        expect(labels).not.toContain('acme.core.*');
    });

    it('offers a page of the references that match what is typed, and says the list is incomplete', async () => {
        const resources = Array.from({ length: 600 }, (_, i) => `  resource R${i} : compute { capacity 1k/s }`);
        const cloud = `package acme.many\ninfrastructure Many {\n${resources.join('\n')}\n}\n`;
        const files = (typed: string) => ({
            'many.bos': cloud,
            'core.bos':
                `package acme.core\nimport acme.many.*\nplatform P : business { capability C { runs on ${typed}| } }\n`,
        });
        const ask = async (typed: string) => {
            const e = await editor(files(typed));
            return await e.Bos.lsp.CompletionProvider!.getCompletion(e.doc('core.bos'), {
                textDocument: textDocument(e.doc('core.bos')),
                position: e.at('core.bos'),
            }) as CompletionList;
        };
        const all = await ask('');
        expect(all.isIncomplete).toBe(true);
        expect(all.items).toHaveLength(MAX_REFERENCE_ITEMS);
        // A name past the first page is found once it is typed; only names that match it come (fuzzily,
        // as the editor filters: `R59` also matches `R569`).
        const labels = (await ask('Many.R59')).items.map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining(Array.from({ length: 10 }, (_, i) => `Many.R59${i}`)));
        expect(labels.length).toBeLessThan(MAX_REFERENCE_ITEMS);
        expect(labels).not.toContain('Many.R1');
    });

    it('offers the keywords valid at the cursor, never contextual words as such', async () => {
        const top = await complete({ 'a.bos': '|' }, 'a.bos');
        expect(top).toEqual(
            expect.arrayContaining(['package', 'import', 'actor', 'platform', 'element', 'flow', 'scenario', 'view']),
        );
        expect(top).not.toContain('capacity');
        const body = await complete(at('capability Pay { | }'), 'core.bos');
        expect(body).toEqual(expect.arrayContaining(['runs', 'calls', 'capacity', 'latency', 'uses', 'description']));
        expect(body).not.toContain('step');
        expect(body).not.toContain('load');
    });
});

describe('hover', () => {
    it('shows title, layer, kind, description and the load in every scenario', async () => {
        const e = await editor({
            'cloud.bos': CLOUD,
            'core.bos': CORE.replace('capability PlaceOrder', 'capability Place|Order'),
        });
        const hover = await e.Bos.lsp.HoverProvider!.getHoverContent(e.doc('core.bos'), {
            textDocument: textDocument(e.doc('core.bos')),
            position: e.at('core.bos'),
        }) as Hover;
        const text = (hover.contents as MarkupContent).value;
        expect(text).toContain('**capability** `acme.core.Trade.PlaceOrder` — 下单');
        expect(text).toContain('layer: platform');
        expect(text).toContain('Creates the order');
        expect(text).toMatch(/\| 峰值 \| 72k\/s \| 40k\/s \| 180% \| 🔴 overload \|/);
    });

    it('summarises a scenario: transactions, cost against budget, statuses', async () => {
        const e = await editor({
            'cloud.bos': CLOUD,
            'core.bos': CORE.replace('scenario Peak', 'scenario Pe|ak').replace(
                'load Checkout 36k/s',
                'load Checkout 36k/s  budget 2 CNY per 10k',
            ),
        });
        const hover = await e.Bos.lsp.HoverProvider!.getHoverContent(e.doc('core.bos'), {
            textDocument: textDocument(e.doc('core.bos')),
            position: e.at('core.bos'),
        }) as Hover;
        const text = (hover.contents as MarkupContent).value;
        expect(text).toContain('36k/s transactions · headroom 20%');
        expect(text).toContain('cost per 10k transactions: 3 CNY · budget: 2 CNY');
        expect(text).toContain('4 loaded · 🔴 3 overloaded · 🟡 0 within headroom · ⚪ 1 without capacity');
    });

    it('escapes markdown in user text', async () => {
        const e = await editor({ 'a.bos': 'actor |A "<img src=x onerror=alert(1)> **b**"\n' });
        const hover = await e.Bos.lsp.HoverProvider!.getHoverContent(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            position: e.at('a.bos'),
        }) as Hover;
        expect((hover.contents as MarkupContent).value).toContain('\\<img src=x onerror=alert(1)> \\*\\*b\\*\\*');
    });
});

describe('navigation', () => {
    it('goes to the definition across files, finds references and highlights', async () => {
        const e = await editor({
            'cloud.bos': CLOUD,
            'core.bos': CORE.replace('runs on Aliyun.ECS, DB x 2', 'runs on Aliyun.E|CS, DB x 2'),
        });
        const params = { textDocument: textDocument(e.doc('core.bos')), position: e.at('core.bos') };
        const defs = await e.Bos.lsp.DefinitionProvider!.getDefinition(e.doc('core.bos'), params);
        expect(defs?.[0].targetUri).toMatch(/cloud\.bos$/);
        expect(defs?.[0].targetSelectionRange.start.line).toBe(2);
        const refs = await e.Bos.lsp.ReferencesProvider!.findReferences(e.doc('core.bos'), {
            ...params,
            context: { includeDeclaration: true },
        });
        expect(refs.map(r => `${r.uri.replace(/^memory:\/*/, '')}:${r.range.start.line}`).sort()).toEqual([
            'cloud.bos:2',
            'core.bos:11',
            'core.bos:8',
        ]);
        const highlights = await e.Bos.lsp.DocumentHighlightProvider!.getDocumentHighlight(e.doc('core.bos'), params);
        expect(highlights?.map(h => h.range.start.line).sort()).toEqual([11, 8]);
    });

    it('outlines a file by layer and lists workspace symbols', async () => {
        const e = await editor({ 'cloud.bos': CLOUD, 'core.bos': CORE });
        const symbols = await e.Bos.lsp.DocumentSymbolProvider!.getSymbols(e.doc('core.bos'), {
            textDocument: textDocument(e.doc('core.bos')),
        });
        expect(symbols.map(s => s.name)).toEqual([
            'Actors',
            'Commerce',
            'Middle platforms',
            'Flows',
            'Scenarios',
            'Views',
        ]);
        expect(symbols[2].children?.[0].children?.map(c => c.name)).toEqual(['PlaceOrder', 'Pay']);
        const ws = await e.Bos.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'PlaceOrd' });
        expect(ws.map(s => s.name)).toContain('acme.core.Trade.PlaceOrder');
    });

    it('folds bodies and block comments', async () => {
        const e = await editor({ 'core.bos': '/* a\n b\n c */\n' + CORE });
        const folds = await e.Bos.lsp.FoldingRangeProvider!.getFoldingRanges(e.doc('core.bos'), {
            textDocument: textDocument(e.doc('core.bos')),
        });
        expect(folds.map(f => f.startLine)).toEqual(expect.arrayContaining([0, 8, 9]));
    });

    it('gives semantic tokens to names, references, kinds and units', async () => {
        const e = await editor({ 'cloud.bos': CLOUD });
        const provider = e.Bos.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(e.doc('cloud.bos'), {
            textDocument: textDocument(e.doc('cloud.bos')),
        });
        const legend = provider.tokenTypes;
        const names = Object.fromEntries(Object.entries(legend).map(([k, v]) => [v, k]));
        // Decode LSP's relative encoding: [deltaLine, deltaStart, length, type, modifiers].
        const decoded: string[] = [];
        let line = 0, char = 0;
        const text = e.doc('cloud.bos').textDocument.getText().split('\n');
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [dl, ds, len, type] = tokens.data.slice(i, i + 4);
            line += dl;
            char = dl ? ds : char + ds;
            decoded.push(`${text[line].slice(char, char + len)}:${names[type]}`);
        }
        expect(decoded).toEqual(
            expect.arrayContaining([
                'acme.cloud:namespace',
                'Aliyun:namespace',
                'ECS:struct',
                'compute:type',
                '100k:number',
                '/s:keyword',
                'CNY:keyword',
                '"阿里云":string',
            ]),
        );
    });
});

describe('rename', () => {
    const rename = async (files: Record<string, string>, name: string, newName: string) => {
        const e = await editor(files);
        const edit = await e.Bos.lsp.RenameProvider!.rename(e.doc(name), {
            textDocument: textDocument(e.doc(name)),
            position: e.at(name),
            newName,
        });
        return e.apply(edit);
    };

    it('renames a container in qualified references and import paths, keeps aliases', async () => {
        const out = await rename(
            { 'cloud.bos': CLOUD.replace('infrastructure Aliyun', 'infrastructure Ali|yun'), 'core.bos': CORE },
            'cloud.bos',
            'AlibabaCloud',
        );
        expect(out['cloud.bos']).toContain('infrastructure AlibabaCloud "阿里云"');
        expect(out['core.bos']).toContain('import acme.cloud.AlibabaCloud.RDS as DB');
        expect(out['core.bos']).toContain('runs on AlibabaCloud.ECS, DB x 2');
        expect(out['core.bos']).toContain('capability Pay { runs on AlibabaCloud.ECS');
    });

    it('renames from a reference segment and updates bare, relative and qualified references', async () => {
        const core = CORE.replace('uses Trade.PlaceOrder, Trade.Pay', 'uses Trade.Place|Order, acme.core.Trade.Pay');
        const out = await rename({ 'cloud.bos': CLOUD, 'core.bos': core }, 'core.bos', 'CreateOrder');
        expect(out['core.bos']).toContain('capability CreateOrder "下单"');
        expect(out['core.bos']).toContain('calls CreateOrder');
        expect(out['core.bos']).toContain('uses Trade.CreateOrder, acme.core.Trade.Pay');
        expect(out['core.bos']).toContain('step Trade.CreateOrder');
    });

    it('refuses invalid and colliding names, escapes reserved words', async () => {
        const files = { 'cloud.bos': CLOUD, 'core.bos': CORE.replace('capability Pay', 'capability P|ay') };
        await expect(rename(files, 'core.bos', '2fast')).rejects.toThrow(/not a valid name/);
        await expect(rename(files, 'core.bos', 'PlaceOrder')).rejects.toThrow(/already exists/);
        expect((await rename(files, 'core.bos', 'flow'))['core.bos']).toContain('capability ^flow {');
    });
});

describe('formatting', () => {
    const format = async (text: string) => {
        const e = await editor({ 'a.bos': text });
        const edits = await e.Bos.lsp.Formatter!.formatDocument(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            options: { tabSize: 2, insertSpaces: true },
        });
        return e.applyTo('a.bos', edits);
    };

    it('lays a messy model out canonically, keeping every comment', async () => {
        const messy = `package   shop // the shop
infrastructure Cloud{resource VM:compute{capacity 3 k/s  cost 0.05CNY per 10k /* cheap */
region "hz"}}
platform P : business {
    capability C { runs on Cloud . VM x 2 ,Cloud.VM ; capacity 1k / s  latency 5 ms }


    // spare
}
element E:sales{uses P.C}
view V { include layer platform , kind cache , P.* }
`;
        const out = await format(messy);
        expect(out).toBe(`package shop // the shop
infrastructure Cloud {
  resource VM : compute {
    capacity 3 k/s
    cost 0.05 CNY per 10k /* cheap */
    region "hz"
  }
}
platform P : business {
  capability C { runs on Cloud.VM x 2, Cloud.VM; capacity 1k/s latency 5ms }

  // spare
}
element E : sales { uses P.C }
view V { include layer platform, kind cache, P.* }
`);
        expect(await format(out)).toBe(out);
    });

    it('never joins a scaled number to a unit that starts with a letter (found by the fuzzer)', async () => {
        // `600ks` would read as 600 and a name `ks`: a different model.
        const text = 'platform P : business {\n  capability C {\n    capacity 600k  s\n    latency 5 ms\n  }\n}\n';
        expect(await format(text)).toBe(
            'platform P : business {\n  capability C {\n    capacity 600k s\n    latency 5ms\n  }\n}\n',
        );
    });

    it('keeps CRLF line endings and a byte-order mark', async () => {
        expect(await format('\uFEFFactor  A\r\nelement E:sales{uses A}\r\n')).toBe(
            '\uFEFFactor A\r\nelement E : sales { uses A }\r\n',
        );
    });

    it('formats a range only', async () => {
        const e = await editor({ 'a.bos': 'actor  A\nactor   B\n' });
        const edits = await e.Bos.lsp.Formatter!.formatDocumentRange(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } },
        });
        expect(e.applyTo('a.bos', edits)).toBe('actor  A\nactor B\n');
    });

    it('leaves a file that does not parse alone', async () => {
        expect(await format('platform P : business {\n   capability {')).toBe(
            'platform P : business {\n   capability {',
        );
    });
});
