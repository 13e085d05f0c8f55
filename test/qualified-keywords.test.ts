// Spec v2 §1: after a dot any word is a name segment, reserved words included, so
// `package org.platform` and `runs on org.infra.resource` need no escape. Checked through
// parsing and linking, completion, rename and formatting.
import { describe, expect, it } from 'vitest';
import type { CompletionList, TextEdit } from 'vscode-languageserver';
import { editor, textDocument } from './editor-helpers.js';
import { brief, check } from './helpers.js';

const INFRA = `package org.infra
infrastructure resource {
  resource platform : compute { capacity 10k/s }
}
`;
const PLATFORM = `package org.platform
import org.infra.*
import org.infra.resource.platform as Host
platform view : business {
  capability flow { runs on org.infra.resource.platform, Host  capacity 5k/s }
}
`;
const COMMERCE = `package org.commerce
import org.platform.*
element Sales : sales { uses org.platform.view.flow }
flow Buy { step org.platform.view.flow }
scenario Peak { load Buy 1k/s }
`;

describe('reserved words after a dot', () => {
    it('parse and link in packages, imports and references without any escape', async () => {
        const c = await check({
            'infra.bos': INFRA.replace('resource {', '^resource {').replace('resource platform', 'resource ^platform'),
            'platform.bos': PLATFORM.replace('platform view', 'platform ^view').replace(
                'capability flow',
                'capability ^flow',
            ),
            'commerce.bos': COMMERCE,
        });
        expect(brief(c)).toEqual([]);
        const flow = c.result.model.byId.get('org.platform.view.flow')!;
        expect(flow.deps.map(d => d.target?.id)).toEqual([
            'org.infra.resource.platform',
            'org.infra.resource.platform',
        ]);
        const peak = c.result.analysis.scenarios[0];
        expect(peak.nodes.map(n => `${n.node.id} ${n.load}`)).toEqual([
            'org.infra.resource.platform 2000',
            'org.platform.view.flow 1000',
        ]);
    });

    it('still needs ^ for the first segment of a name', async () => {
        const c = await check('element Sales : sales { uses platform.X }\n');
        expect(c.codes).toContain('bos/syntax');
    });

    it('complete names after a reserved segment, and offer no keywords there', async () => {
        const files = {
            'infra.bos': INFRA.replace('resource {', '^resource {').replace('resource platform', 'resource ^platform'),
            'commerce.bos':
                'package org.commerce\nplatform P : business { capability C { runs on org.infra.resource.p| } }\n',
        };
        const e = await editor(files);
        const list = await e.Bos.lsp.CompletionProvider!.getCompletion(e.doc('commerce.bos'), {
            textDocument: textDocument(e.doc('commerce.bos')),
            position: e.at('commerce.bos'),
        }) as CompletionList;
        const labels = list.items.map(i => i.label);
        expect(labels).toContain('org.infra.resource.platform');
        for (const keyword of ['package', 'import', 'resource', 'platform', 'flow', 'view']) {
            expect(labels).not.toContain(keyword);
        }
    });

    it('complete the rest of a qualified name after a dot, replacing the whole name', async () => {
        for (const typed of ['Cloud.', 'Cloud.V', 'Cl']) {
            const e = await editor({
                'i.bos': 'package org.infra\ninfrastructure Cloud { resource VM : compute  resource Disk : storage }\n',
                'c.bos': `package org.infra\nplatform P : business { capability C { runs on ${typed}| } }\n`,
            });
            const list = await e.Bos.lsp.CompletionProvider!.getCompletion(e.doc('c.bos'), {
                textDocument: textDocument(e.doc('c.bos')),
                position: e.at('c.bos'),
            }) as CompletionList;
            const vm = list.items.find(i => i.label === 'Cloud.VM');
            expect(vm, typed).toBeDefined();
            expect(e.applyTo('c.bos', [vm!.textEdit as TextEdit])).toContain('runs on Cloud.VM }');
        }
    });

    it('rename escapes a reserved word only where it starts the name', async () => {
        const files = {
            'infra.bos': 'package org.infra\ninfrastructure Cloud {\n  resource V|M : compute\n}\n',
            'platform.bos': 'package org.platform\nimport org.infra.Cloud\nplatform P : business {\n'
                + '  capability C { runs on Cloud.VM, org.infra.Cloud.VM }\n}\n',
        };
        const e = await editor(files);
        const edit = await e.Bos.lsp.RenameProvider!.rename(e.doc('infra.bos'), {
            textDocument: textDocument(e.doc('infra.bos')),
            position: e.at('infra.bos'),
            newName: 'resource',
        });
        const out = e.apply(edit);
        expect(out['infra.bos']).toContain('  resource ^resource : compute');
        expect(out['platform.bos']).toContain('runs on Cloud.resource, org.infra.Cloud.resource');
        const again = await check(out);
        expect(brief(again)).toEqual([]);
    });

    it('formatting keeps a reserved segment inside its name', async () => {
        const text =
            'package   org.platform\nimport org.infra.*\nplatform ^view : business { capability ^flow { runs on org . infra.resource.platform } }\n';
        const e = await editor({
            'infra.bos': INFRA.replace('resource {', '^resource {').replace('resource platform', 'resource ^platform'),
            'a.bos': text,
        });
        const edits = await e.Bos.lsp.Formatter!.formatDocument(e.doc('a.bos'), {
            textDocument: textDocument(e.doc('a.bos')),
            options: { tabSize: 2, insertSpaces: true },
        });
        expect(e.applyTo('a.bos', edits)).toBe(
            'package org.platform\nimport org.infra.*\n'
                + 'platform ^view : business {\n  capability ^flow { runs on org.infra.resource.platform }\n}\n',
        );
    });
});
