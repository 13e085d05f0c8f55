// The compare command and the Source Control action as the manifest contributes them, and
// every contributed command registered by the session the desktop and the web extension
// share (a title without a handler would fail only when a user picks it).
import { readFileSync } from 'node:fs';
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

    it('has every contributed command registered by the session of both extensions', () => {
        // Registered by name, or by a constant of lsp/protocol.ts (commands the server's lenses run);
        // in session.ts, so that the web extension has every command the desktop one has.
        const source = readFileSync('src/extension/session.ts', 'utf8');
        const named = (id: string) => (protocol as Record<string, unknown>)[id];
        const registered = [...source.matchAll(/registerCommand\(\s*(?:'([\w.]+)'|(\w+_COMMAND)\b)/g)]
            .map(m => m[1] ?? named(m[2]));
        for (const c of commands) expect(registered, c.command).toContain(c.command);
    });
});
