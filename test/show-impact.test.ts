// The "Show impact" code lens over real JSON-RPC (`bos lsp --stdio`): one over every
// capability and resource, whose arguments are where the call hierarchy starts, and
// the extension's contribution of the command it runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CallHierarchyIncomingCallsRequest,
    CallHierarchyPrepareRequest,
    type CodeLens,
    CodeLensRequest,
} from 'vscode-languageserver-protocol';
import { SHOW_IMPACT_COMMAND, type ShowImpactArguments } from '../src/lsp/protocol.js';
import { fileUri, LspClient } from './lsp-client.js';
import { exampleCopy } from './temp.js';

let dir: string;
let client: LspClient;

beforeAll(async () => {
    dir = exampleCopy('show-impact');
    client = new LspClient();
    await client.initialize(dir);
});

afterAll(async () => {
    await client.close();
    expect(client.stderr).toBe('');
});

async function lenses(file: string): Promise<CodeLens[]> {
    const uri = fileUri(join(dir, file));
    await client.waitFor(uri, () => true);
    return await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }) ?? [];
}

const impactLenses = (list: CodeLens[]) => list.filter(l => l.command?.command === SHOW_IMPACT_COMMAND);

describe('the Show impact code lens', () => {
    it('stands over every capability and resource, and nothing else', async () => {
        const text = readFileSync(join(dir, 'platforms/business.bos'), 'utf8');
        const capabilities = text.split('\n').flatMap((l, line) => (/^\s*capability /.test(l) ? [line] : []));
        const list = await lenses('platforms/business.bos');
        const impact = impactLenses(list);
        expect(impact.map(l => l.range.start.line)).toEqual(capabilities);
        expect(impact.every(l => l.command!.title === 'Show impact')).toBe(true);
        // Beside the lens with the numbers, on the same name.
        for (const l of impact) expect(list.filter(o => o.range.start.line === l.range.start.line)).toHaveLength(2);
        expect(impactLenses(await lenses('commerce/elements.bos'))).toEqual([]);
        expect(impactLenses(await lenses('cloud/alibaba-cloud.bos')).length).toBeGreaterThan(5);
    });

    it('hands the call hierarchy the declaration it stands over: what depends on it', async () => {
        const lens = impactLenses(await lenses('cloud/alibaba-cloud.bos')).find(l => {
            const [, position] = l.command!.arguments as ShowImpactArguments;
            const line = readFileSync(join(dir, 'cloud/alibaba-cloud.bos'), 'utf8').split('\n')[position.line];
            return line.slice(position.character).startsWith('PolarDB');
        });
        expect(lens).toBeDefined();
        const [uri, position] = lens!.command!.arguments as ShowImpactArguments;
        expect(uri).toBe(fileUri(join(dir, 'cloud/alibaba-cloud.bos')));
        const items = await client.connection.sendRequest(CallHierarchyPrepareRequest.type, {
            textDocument: { uri },
            position,
        });
        expect(items?.map(i => i.name)).toEqual(['PolarDB']);
        const incoming = await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, {
            item: items![0],
        });
        expect(incoming?.map(c => c.from.name).sort()).toEqual([
            'MerchantWorkbench',
            'Pay',
            'PlaceOrder',
            'ReserveStock',
        ]);
    });
});

describe('the extension contributes the command', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const source = readFileSync('src/extension/main.ts', 'utf8');

    it('names it in package.json, in the palette for BOS files only', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) =>
            c.command === SHOW_IMPACT_COMMAND
        );
        expect(command).toMatchObject({ category: 'BOS', title: expect.stringMatching(/^Show Impact/) });
        expect(manifest.contributes.menus.commandPalette).toContainEqual({
            command: SHOW_IMPACT_COMMAND,
            when: 'editorLangId == bos',
        });
    });

    it('registers every command package.json contributes, and opens the incoming call hierarchy', () => {
        const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map(m => m[1]);
        if (source.includes('registerCommand(SHOW_IMPACT_COMMAND')) registered.push(SHOW_IMPACT_COMMAND);
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
        expect(registered.sort()).toEqual([...contributed].sort());
        expect(source).toContain("executeCommand('references-view.showCallHierarchy')");
        expect(source).toContain("executeCommand('references-view.showIncomingCalls')");
    });
});
