// The compare command and the Source Control action as the manifest contributes them, and
// every contributed command registered by the extension (a title without a handler would
// fail only when a user picks it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as protocol from '../src/lsp/protocol.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const commands: { command: string; title: string; category?: string }[] = manifest.contributes.commands;
const menus: Record<string, { command: string; when?: string }[]> = manifest.contributes.menus;

describe('BOS: Compare Diagram with… and Show Architecture Change', () => {
    it('are contributed commands', () => {
        expect(commands).toContainEqual(expect.objectContaining({
            command: 'bos.compareDiagram',
            title: 'Compare Diagram with…',
            category: 'BOS',
        }));
        expect(commands).toContainEqual(expect.objectContaining({
            command: 'bos.showArchitectureChange',
            title: 'Show Architecture Change',
        }));
    });

    it('offers Show Architecture Change on changed .bos files of git in Source Control, not in the palette', () => {
        expect(menus['scm/resourceState/context']).toContainEqual(expect.objectContaining({
            command: 'bos.showArchitectureChange',
            when: 'scmProvider == git && resourceExtname == .bos',
        }));
        expect(menus.commandPalette).toContainEqual({ command: 'bos.showArchitectureChange', when: 'false' });
    });

    it('has every contributed command registered by the extension', () => {
        // Registered by name, or by a constant of lsp/protocol.ts (commands the server's lenses run).
        const source = readdirSync('src/extension').filter(f => f.endsWith('.ts'))
            .map(f => readFileSync(join('src/extension', f), 'utf8')).join('\n');
        const named = (id: string) => (protocol as Record<string, unknown>)[id];
        const registered = [...source.matchAll(/registerCommand\(\s*(?:'([\w.]+)'|(\w+_COMMAND)\b)/g)]
            .map(m => m[1] ?? named(m[2]));
        for (const c of commands) expect(registered, c.command).toContain(c.command);
    });
});
