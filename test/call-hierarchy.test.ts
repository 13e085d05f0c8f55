// Call hierarchy over real JSON-RPC (`bos lsp --stdio`): a declaration's incoming and
// outgoing dependencies, each with its weight and the load through it in the chosen scenario;
// and the "Show impact" code lens that opens it, with the extension's contribution of its command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    type CallHierarchyIncomingCall,
    CallHierarchyIncomingCallsRequest,
    type CallHierarchyItem,
    type CallHierarchyOutgoingCall,
    CallHierarchyOutgoingCallsRequest,
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
    dir = exampleCopy('call-hierarchy');
    client = new LspClient();
    await client.initialize(dir);
});

afterAll(async () => {
    await client.close();
    expect(client.stderr).toBe('');
});

/** The position of the `nth` occurrence of `text` in a file of the example, plus `shift` characters. */
function at(file: string, text: string, shift = 1, nth = 0) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
        const character = lines[line].indexOf(text);
        if (character >= 0 && seen++ === nth) return { line, character: character + shift };
    }
    throw new Error(`${text} not in ${file}`);
}

async function prepare(file: string, text: string, shift = 1, nth = 0): Promise<CallHierarchyItem> {
    const uri = fileUri(join(dir, file));
    await client.waitFor(uri, () => true);
    const items = await client.connection.sendRequest(CallHierarchyPrepareRequest.type, {
        textDocument: { uri },
        position: at(file, text, shift, nth),
    });
    expect(items).toHaveLength(1);
    return items![0];
}

async function incoming(item: CallHierarchyItem): Promise<CallHierarchyIncomingCall[]> {
    return await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item }) ?? [];
}

/** The detail of each outgoing call: the declaration, the reference and the load through it. */
async function outgoing(item: CallHierarchyItem): Promise<string[]> {
    const calls: CallHierarchyOutgoingCall[] =
        await client.connection.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item }) ?? [];
    return calls.map(c => c.to.detail ?? '');
}

describe('call hierarchy', () => {
    it('prepares the declaration named, or referred to, at the cursor', async () => {
        const polar = await prepare('cloud/alibaba-cloud.bos', 'resource PolarDB', 10);
        expect(polar).toMatchObject({
            name: 'PolarDB',
            detail: 'tmall.cloud.AlibabaCloud.PolarDB · 2.33M/s, 46.6% in Double11Peak',
        });
        const viaReference = await prepare('platforms/business.bos', 'AlibabaCloud.PolarDB x 2', 15);
        expect(viaReference.name).toBe('PolarDB');
        expect(viaReference.uri).toBe(polar.uri);
    });

    it('lists incoming dependencies with their weight and the load through them', async () => {
        const polar = await prepare('cloud/alibaba-cloud.bos', 'resource PolarDB', 10);
        const by = new Map((await incoming(polar)).map(c => [c.from.name, c]));
        expect([...by.keys()].sort()).toEqual(['MerchantWorkbench', 'Pay', 'PlaceOrder', 'ReserveStock']);
        expect(by.get('PlaceOrder')!.from.detail).toBe(
            'tmall.platforms.Business.PlaceOrder · runs on x 2 ⟶ 1.17M/s in Double11Peak',
        );
        // The range is the reference in the caller's text.
        const order = by.get('PlaceOrder')!;
        expect(order.from.uri).toBe(fileUri(join(dir, 'platforms/business.bos')));
        expect(order.fromRanges[0].start).toEqual(at('platforms/business.bos', 'AlibabaCloud.PolarDB x 2', 0));
        expect(by.get('MerchantWorkbench')!.from.detail).toBe(
            'tmall.platforms.Collaboration.MerchantWorkbench · runs on x 1',
        );
    });

    it('lists outgoing dependencies, steps and loads', async () => {
        const order = await prepare('platforms/business.bos', 'capability PlaceOrder "', 12);
        expect(await outgoing(order)).toEqual([
            'tmall.cloud.AlibabaCloud.ECS · runs on x 1 ⟶ 583k/s in Double11Peak',
            'tmall.cloud.AlibabaCloud.PolarDB · runs on x 2 ⟶ 1.17M/s in Double11Peak',
            'tmall.cloud.AlibabaCloud.RocketMQ · runs on x 1 ⟶ 583k/s in Double11Peak',
            'tmall.cloud.AlibabaCloud.WAF · runs on x 1 ⟶ 583k/s in Double11Peak',
            'tmall.platforms.Business.ReserveStock · calls x 1 ⟶ 583k/s in Double11Peak',
        ]);
        const peak = await prepare('scenarios/double11.bos', 'scenario Double11Peak', 10);
        expect(await outgoing(peak)).toEqual([
            'tmall.scenarios.Checkout · load 583k/s',
            'tmall.scenarios.Browse · load 3M/s',
            'tmall.scenarios.Deliver · load 100k/s',
        ]);
        const checkout = await prepare('scenarios/double11.bos', 'flow Checkout', 6);
        expect(await outgoing(checkout)).toEqual([
            'tmall.platforms.Business.PlaceOrder · step x 1 ⟶ 583k/s in Double11Peak',
            'tmall.platforms.Business.Pay · step x 1 ⟶ 583k/s in Double11Peak',
        ]);
    });
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
        // Beside the lens with the numbers and Show in diagram, on the same name.
        for (const l of impact) {
            const titles = list.filter(o => o.range.start.line === l.range.start.line).map(o => o.command!.title);
            expect(titles).toEqual([expect.stringMatching(/^used by /), 'Show impact', 'Show in diagram']);
        }
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
    const source = readFileSync('src/extension/session.ts', 'utf8');

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

    // That every contributed command is registered is checked in compare-contributions.test.ts.
    it('opens the incoming call hierarchy', () => {
        expect(source).toContain('registerCommand(SHOW_IMPACT_COMMAND');
        expect(source).toContain("executeCommand('references-view.showCallHierarchy')");
        expect(source).toContain("executeCommand('references-view.showIncomingCalls')");
    });
});
