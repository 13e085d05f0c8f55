// Bundles each entry point into one CommonJS file under out/ (Langium is ESM-only;
// the bundles load fast and need no node_modules at run time).
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
    entryPoints: {
        cli: 'src/cli/main.ts',
        server: 'src/lsp/main.ts',
        extension: 'src/extension/main.ts',
        'layout-worker': 'src/host/layout-thread-main.ts',
    },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    // resvg is a native module, loaded from node_modules when a PNG is asked for.
    external: ['vscode', '@resvg/resvg-js'],
    define: { BOS_VERSION: JSON.stringify(pkg.version) },
    logLevel: 'warning',
};

// string-width makes an Intl.Segmenter and a Unicode emoji pattern when it loads, some
// 50 ms of every command's start, though only text tables and diagram labels measure
// widths: in the Node bundles it is loaded on the first call (a bundled require runs a
// module's top level when first reached).
const lazyStringWidth = {
    name: 'lazy-string-width',
    setup(build) {
        build.onResolve(
            { filter: /^string-width$/ },
            args =>
                args.namespace === 'lazy-string-width'
                    ? undefined
                    : { path: 'string-width', namespace: 'lazy-string-width' },
        );
        build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, () => ({
            contents: 'let width;\n'
                + 'export default (text, options) => (width ??= require("string-width").default)(text, options);\n',
            resolveDir: new URL('.', import.meta.url).pathname,
        }));
    },
};
options.plugins = [lazyStringWidth];

// The preview webview and the site's page run in a browser: one IIFE script each, no Node.
const webview = {
    entryPoints: {
        webview: 'src/webview/main.ts',
        analysis: 'src/webview/analysis-page.ts',
        'site-page': 'src/site/page/main.ts',
    },
    outdir: 'out',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
};

// The web extension (vscode.dev, github.dev) under out/web/: one script that is both the
// extension and, in a Web Worker, its language server (src/extension/web-bundle.ts), and
// ELK in a worker of the server's. The extension host loads CommonJS with `vscode`
// external; the layout worker is a plain script. No Node shims.
const web = {
    outdir: 'out/web',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    sourcemap: !production,
    minify: production,
    define: { BOS_VERSION: JSON.stringify(pkg.version) },
    // Workers and the extension host read scripts as UTF-8: no \u escapes for non-ASCII text.
    charset: 'utf8',
    // One copy of the LSP types (the protocol pins 3.18.4 beside our 3.18.5): an alias resolves from here.
    alias: { 'vscode-languageserver-types': 'vscode-languageserver-types' },
    logLevel: 'warning',
};
// Langium's parser lookahead imports lodash-es one function a file (`lodash-es/map.js`):
// in the web bundle each resolves to the function of src/extension/lodash-for-web.ts.
const lodashForWeb = {
    name: 'lodash-for-web',
    setup(build) {
        build.onResolve({ filter: /^lodash-es\/\w+\.js$/ }, args => ({
            path: args.path.slice('lodash-es/'.length, -'.js'.length),
            namespace: 'lodash-for-web',
        }));
        build.onLoad({ filter: /.*/, namespace: 'lodash-for-web' }, args => ({
            contents: `export { ${args.path} as default } from './src/extension/lodash-for-web.ts';`,
            resolveDir: new URL('.', import.meta.url).pathname,
            loader: 'ts',
        }));
    },
};
const webExtension = {
    ...web,
    entryPoints: { extension: 'src/extension/web-bundle.ts' },
    format: 'cjs',
    external: ['vscode'],
    plugins: [lodashForWeb],
};
const webWorkers = {
    ...web,
    entryPoints: { 'layout-worker': 'src/host/web-layout-main.ts' },
    format: 'iife',
};
const all = [options, webview, webExtension, webWorkers];
// out/web/ holds only what this build writes: the .vsix packs all of it, and its size is a target.
rmSync(web.outdir, { recursive: true, force: true });

if (watch) {
    for (const o of all) await (await esbuild.context(o)).watch();
} else {
    await Promise.all(all.map(o => esbuild.build(o)));
}
