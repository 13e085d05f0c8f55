import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSharedModule } from '../src/lsp/module.js';
import { createBosServices } from '../src/services/bos-module.js';
import { brief, check } from './helpers.js';

const CLOUD = `package acme.cloud
infrastructure Aliyun { resource ECS : compute  resource RDS : database }
`;

describe('scoping across files, packages and imports', () => {
    it('resolves names of the same package in another file', async () => {
        const c = await check({
            'a.bos':
                'package acme.core\nplatform Trade : business { capability Order { runs on acme.cloud.Aliyun.ECS } }\n',
            'b.bos': 'package acme.core\nelement Sales : sales { uses Trade.Order }\n',
            'cloud.bos': CLOUD,
        });
        expect(brief(c)).toEqual([]);
        const sales = c.result.model.byId.get('acme.core.Sales')!;
        expect(sales.deps[0].target?.id).toBe('acme.core.Trade.Order');
    });

    it('resolves wildcard imports relative to the imported package', async () => {
        const c = await check({
            'cloud.bos': CLOUD,
            'core.bos':
                'package acme.core\nimport acme.cloud.*\nplatform T : business { capability O { runs on Aliyun.ECS, Aliyun.RDS } }\nelement S : sales { uses T.O }\n',
        });
        expect(brief(c)).toEqual([]);
    });

    it('resolves single imports, aliases and names under an alias', async () => {
        const c = await check({
            'cloud.bos': CLOUD,
            'core.bos': `package acme.core
import acme.cloud.Aliyun.RDS as DB
import acme.cloud.Aliyun
platform T : business { capability O { runs on DB, Aliyun.ECS } }
element S : sales { uses T.O }
`,
        });
        expect(brief(c)).toEqual([]);
        const o = c.result.model.byId.get('acme.core.T.O')!;
        expect(o.deps.map(d => d.target?.id)).toEqual(['acme.cloud.Aliyun.RDS', 'acme.cloud.Aliyun.ECS']);
    });

    it('does not see other packages without an import or a full name', async () => {
        const c = await check({
            'cloud.bos': CLOUD,
            'core.bos':
                'package acme.core\nplatform T : business { capability O { runs on Aliyun.ECS } }\nelement S : sales { uses T.O }\n',
        });
        expect(brief(c)).toEqual(['bos/unresolved@2']);
    });

    it('lets a container name its own children bare, and nobody else', async () => {
        const c = await check(`package p
infrastructure I { resource R : compute }
platform T : business {
  capability A { runs on I.R  calls B }
  capability B { runs on I.R }
}
element S : sales { uses A }
`);
        expect(brief(c)).toEqual(['bos/unresolved@7']);
        const a = c.result.model.byId.get('p.T.A')!;
        expect(a.deps.find(d => d.relation === 'calls')?.target?.id).toBe('p.T.B');
    });

    it('prefers the own package over an import of the same name', async () => {
        const c = await check({
            'other.bos': 'package other\nactor Buyer\n',
            'mine.bos': 'package mine\nimport other.*\nactor Buyer\nelement E : sales { uses Buyer }\n',
        });
        const e = c.result.model.byId.get('mine.E')!;
        expect(e.deps[0].target?.id).toBe('mine.Buyer');
    });

    it('works in the default (empty) package', async () => {
        const c = await check(
            'infrastructure I { resource R : compute }\nplatform T : business { capability A { runs on I.R } }\nelement S : sales { uses T.A }\n',
        );
        expect(brief(c)).toEqual([]);
        expect(c.result.model.byId.has('T.A')).toBe(true);
    });

    it('reports imports that name nothing', async () => {
        const c = await check({
            'cloud.bos': CLOUD,
            'core.bos':
                'package acme.core\nimport acme.nowhere.*\nimport acme.cloud.Aliyun.Nope\nimport acme.cloud.*\n',
        });
        expect(brief(c)).toEqual(['bos/unresolved@2', 'bos/unresolved@3']);
    });

    it('resolves a duplicated name to the declaration of the first file in path order', async () => {
        const c = await check({
            'z.bos': 'package p\nactor Buyer "from z"\nelement E : sales { uses Buyer }\n',
            'a.bos': 'package p\nactor Buyer "from a"\n',
        });
        expect(c.result.model.byId.get('p.E')!.deps[0].target?.title).toBe('from a');
    });

    it('reports duplicates across files at each name, with the other as related information', async () => {
        const c = await check({
            'a.bos': 'package p\nactor Buyer\n',
            'b.bos': 'package p\n\nactor Buyer\n',
        });
        expect(c.diagnostics.map(d => `${d.file}:${d.line}:${d.code}`)).toEqual([
            'a.bos:2:bos/duplicate',
            'b.bos:3:bos/duplicate',
        ]);
    });
});

/** Services with open documents, edited as the editor does: new text, then an update. */
function liveWorkspace() {
    const { shared, Bos } = createBosServices(EmptyFileSystem, { shared: LspSharedModule });
    let version = 0;
    const uri = (name: string) => URI.parse(`memory:///${name}`);
    const put = async (name: string, text: string) => {
        shared.workspace.TextDocuments!.set(TextDocument.create(uri(name).toString(), 'bos', ++version, text));
        await shared.workspace.DocumentBuilder.update([uri(name)], []);
    };
    return { shared, Bos, uri, put };
}

describe('the model follows edits in other files', () => {
    it('keeps the parts of files an edit does not reach, and updates the findings of those it does', async () => {
        const { shared, Bos, uri, put } = liveWorkspace();
        const codesIn = (name: string) =>
            (shared.workspace.LangiumDocuments.getDocument(uri(name))?.diagnostics ?? []).map(d => d.code);
        await put('a.bos', 'infrastructure I { resource R : compute }\n');
        await put('b.bos', 'platform P : business { capability C { runs on I.R } }\nelement E : sales { uses P.C }\n');
        await put('c.bos', 'actor Far\n');
        const far = Bos.bos.WorkspaceModel.get().model.byId.get('Far');
        expect(codesIn('b.bos')).toEqual([]);

        // R becomes a capability: b.bos, which refers to it, gets bos/target-kind; c.bos is kept as it was.
        await put('a.bos', 'platform I : business { capability R { runs on Host } }\nresource Host : compute\n');
        expect(codesIn('b.bos')).toEqual(['bos/target-kind']);
        expect(Bos.bos.WorkspaceModel.get().model.byId.get('Far')).toBe(far);

        // a.bos is deleted: the reference names nothing.
        await shared.workspace.DocumentBuilder.update([], [uri('a.bos')]);
        expect(codesIn('b.bos')).toEqual(['bos/unresolved']);
        expect(Bos.bos.WorkspaceModel.get().model.byId.get('P.C')!.structural).toEqual([]);

        // And it comes back.
        await put('a.bos', 'infrastructure I { resource R : compute }\n');
        expect(codesIn('b.bos')).toEqual([]);
        expect(Bos.bos.WorkspaceModel.get().model.byId.get('P.C')!.structural.map(d => d.target?.id)).toEqual(['I.R']);
    });

    it('re-resolves a kept file whose references moved, and only then', async () => {
        const { Bos, put } = liveWorkspace();
        const runsOn = () =>
            Bos.bos.WorkspaceModel.get().model.byId.get('P.C')!.deps.find(d => d.relation === 'runs on')?.target;
        await put(
            'b.bos',
            'platform P : business { capability C { runs on I.R  capacity 100/s } }\nelement E : sales { uses P.C }\nflow F { step P.C }\nscenario S { load F 50/s }\n',
        );
        await put('a.bos', 'infrastructure I { resource R : compute { capacity 1k/s } }\n');
        const first = runsOn();
        expect(first?.id).toBe('I.R');
        // b.bos is kept; its reference now lands on a new node, then on nothing, then again.
        await put('a.bos', 'infrastructure I { resource R : compute { capacity 10/s } }\n');
        expect(runsOn()?.id).toBe('I.R');
        expect(runsOn()).not.toBe(first);
        expect(Bos.bos.WorkspaceModel.get().analysis.scenarios[0].flagged.map(n => `${n.node.id} ${n.status}`)).toEqual(
            ['I.R overload'],
        );
        await put('a.bos', 'infrastructure I { resource Q : compute }\n');
        expect(runsOn()).toBeUndefined();
        await put('a.bos', 'infrastructure I { resource R : compute { capacity 1k/s } }\n');
        expect(runsOn()?.id).toBe('I.R');
        expect(Bos.bos.WorkspaceModel.get().analysis.scenarios[0].flagged).toEqual([]);
    });
});
