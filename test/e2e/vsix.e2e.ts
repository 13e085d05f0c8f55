// The production package `npm run package` made: small, self-contained, documented.
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { WEB_BUNDLE_LIMIT } from '../../scripts/web-bundle-size.mjs';

const VSIX = 'bos-studio.vsix';

describe('the .vsix', () => {
    const files = unzipSync(readFileSync(VSIX));
    const names = Object.keys(files);
    const text = (name: string) => strFromU8(files[name]);

    it('stays under 3 MB and carries no node_modules or source maps', () => {
        expect(statSync(VSIX).size).toBeLessThanOrEqual(3 * 1024 * 1024);
        expect(names.filter(n => n.includes('node_modules/') || n.endsWith('.map') || n.includes('/src/'))).toEqual([]);
    });

    it('has the bundles, minified, and everything the manifest points at', () => {
        const web = ['out/web/extension.js', 'out/web/layout-worker.js'];
        for (const f of ['out/extension.cjs', 'out/server.cjs', 'out/layout-worker.cjs', 'out/webview.js', ...web]) {
            const body = text(`extension/${f}`);
            // Minified: a development bundle is 24–52 % whitespace, these stay under 10 %.
            expect(body.match(/\s/g)!.length / body.length).toBeLessThan(0.1);
            expect(body).not.toContain('sourceMappingURL');
        }
        const manifest = JSON.parse(text('extension/package.json'));
        const referenced = [
            manifest.icon,
            manifest.main,
            manifest.browser,
            ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
            ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
            ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
            ...manifest.contributes.walkthroughs.flatMap((
                w: { steps: { media: { markdown?: string; image?: Record<string, string> } }[] },
            ) => w.steps.flatMap(s => s.media.markdown ? [s.media.markdown] : Object.values(s.media.image ?? {}))),
        ];
        for (const path of referenced) expect(names).toContain(`extension/${path.replace(/^\.\//, '')}`);
    });

    it('keeps the web extension within 2.5 MB (2.5 × 10^6 bytes), ELK included', () => {
        const web = names.filter(n => n.startsWith('extension/out/web/'));
        // The extension is its own language server's script (web-bundle.ts): two files.
        expect(web.sort()).toEqual(['extension.js', 'layout-worker.js'].map(f => `extension/out/web/${f}`));
        expect(web.reduce((sum, n) => sum + files[n].length, 0)).toBeLessThanOrEqual(WEB_BUNDLE_LIMIT);
    });

    it('ships the README with its screenshots, the changelog, the licence and both example models', () => {
        expect(names).toEqual(
            expect.arrayContaining([
                'extension/readme.md',
                'extension/changelog.md',
                'extension/LICENSE.txt',
                'extension/examples/starter/model.bos',
                'extension/examples/double11/scenarios/double11.bos',
            ]),
        );
        const images = [...text('extension/readme.md').matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map(m => m[1]);
        expect(images.length).toBeGreaterThan(0);
        for (const img of images) expect(names).toContain(`extension/${img}`);
        expect(text('extension/readme.md')).toContain('code --install-extension');
    });
});
