// The import rules of docs/architecture.md ("Invariants"), checked on every file of src/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * What each folder of src/ may import besides itself: a folder, or one file of it. The pure
 * core is layered (language, model, analysis, checks); diagram/ sees only the model and the
 * analysis; the browser page and the extension meet the server only at protocol.ts.
 */
const ALLOWED: Record<string, string[]> = {
    language: [],
    model: ['language'],
    analysis: ['language', 'model'],
    checks: ['language', 'model', 'analysis'],
    diagram: ['model', 'analysis'],
    // Pure answers over the resolved model: a diff of two models, exports, questions.
    diff: ['language', 'model', 'analysis', 'checks'],
    export: ['language', 'model', 'analysis', 'diagram'],
    query: ['language', 'model', 'analysis'],
    // Other tools' files in, BOS text out: it knows the vocabulary, never a parsed model.
    import: ['language', 'model'],
    services: ['language', 'model', 'analysis', 'checks'],
    workspace: ['language', 'model', 'analysis', 'checks', 'services'],
    // The platform's side of the diagram: where ELK runs (worker thread, Web Worker), the PNG rasteriser.
    host: ['model', 'analysis', 'diagram'],
    lsp: [
        'language',
        'model',
        'analysis',
        'checks',
        'diagram',
        'query',
        'services',
        'host',
        'workspace/strict-file-system.ts',
    ],
    cli: [
        'language',
        'model',
        'analysis',
        'checks',
        'diagram',
        'diff',
        'export',
        'query',
        'services',
        'workspace',
        'mcp',
        'host',
        'lsp/server.ts',
        'import',
        'site',
    ],
    // The MCP server answers what the CLI answers, from the same modules.
    mcp: [
        'language',
        'model',
        'analysis',
        'checks',
        'diagram',
        'diff',
        'query',
        'services',
        'workspace',
        'cli/diagnostics.ts',
        'cli/what-if.ts',
    ],
    // The offline site: pages drawn by diagram/, numbers by analysis/ (site/page/ runs in the browser).
    site: ['model', 'analysis', 'diagram'],
    webview: ['lsp/protocol.ts'],
    extension: ['lsp/protocol.ts'],
};

/** Single files allowed more than their folder, each for a reason that holds today. */
const EXCEPTIONS: Record<string, string[]> = {
    // The extension host writes the preview page's HTML (CSP with a nonce) for the script webview/main.ts.
    'extension/preview.ts': ['webview/html.ts'],
    // The preview compared with a revision reads and builds the base as `bos diff` does, and diffs it.
    'lsp/compare.ts': [
        'diff',
        'workspace/base.ts',
        'workspace/files.ts',
        'workspace/git.ts',
        'workspace/load-sources.ts',
    ],
    // The preview's what-if reads its settings as `bos analyze --scale … --set …` reads its flags.
    'lsp/what-if-request.ts': ['cli/what-if.ts'],
    // The analysis panel's sweep chart runs the sweep of `bos analyze --sweep`, with its knee.
    'lsp/analysis-panel.ts': ['cli/sweep.ts'],
    // The extension host writes the analysis panel's HTML, under the same CSP as the preview.
    'extension/analysis-panel.ts': ['webview/html.ts'],
    // The site's pictures are walked with the keys the preview's are, by the same code.
    'site/page/keyboard.ts': ['webview/keyboard.ts'],
    // The web extension's one script is also its language server's: one copy of the LSP libraries.
    'extension/web-bundle.ts': ['lsp/browser-main.ts'],
};

const isNode = (m: string) => m.startsWith('node:') || builtinModules.includes(m.split('/')[0]);
const isLsp = (m: string) => m.startsWith('vscode-languageserver') || m === 'langium/lsp';

/** Modules only some folders or files may import. */
const RESTRICTED: { what: string; matches: (module: string) => boolean; where: string[] }[] = [
    {
        what: 'a Node built-in',
        matches: isNode,
        where: [
            'cli',
            'workspace',
            'mcp',
            // The Node side of the host interfaces; their browser side (web-*.ts) has none.
            'host/layout-thread.ts', // starts the layout worker thread and finds its bundle
            'host/layout-thread-main.ts', // the worker thread itself
            'host/png.ts', // loads the native PNG rasteriser (resvg)
        ],
    },
    { what: 'vscode', matches: m => m === 'vscode', where: ['extension'] },
    // workspace/ hands on the Diagnostics of services/, cli/ applies the formatter's TextEdits.
    { what: 'an LSP module', matches: isLsp, where: ['services', 'lsp', 'cli', 'workspace'] },
];

/** Every module a file names: static and type imports, `export ... from`, `import()`. */
function importsOf(text: string): string[] {
    return ts.preProcessFile(text, true, true).importedFiles.map(f => f.fileName);
}

/** What is wrong with the imports of `file` (a path under src/, with '/'), one message each. */
function violations(file: string, imports: string[]): string[] {
    const folder = file.split('/')[0];
    const may = (where: string[], target: string) => where.includes(target.split('/')[0]) || where.includes(target);
    const problems: string[] = [];
    for (const module of imports) {
        const says = `src/${file} imports '${module}'`;
        if (module.startsWith('.')) {
            const target = relative(SRC, resolve(SRC, dirname(file), module)).split('\\').join('/')
                .replace(/\.js$/, '.ts');
            const to = target.split('/')[0];
            if (target.startsWith('..') || !(to in ALLOWED)) {
                problems.push(`${says}, outside the folders of src/`);
            } else if (to !== folder && !may([...ALLOWED[folder] ?? [], ...EXCEPTIONS[file] ?? []], target)) {
                problems.push(`${says}: ${folder}/ may import only ${ALLOWED[folder]?.join(', ') || 'itself'}`);
            }
        } else {
            for (const rule of RESTRICTED) {
                if (rule.matches(module) && !may(rule.where, file)) {
                    problems.push(`${says}, ${rule.what}: only ${rule.where.join(', ')} may`);
                }
            }
        }
    }
    return problems;
}

/** Every source file under src/, as a path with '/', the generated parser left out. */
function sources(dir = SRC): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return path === join(SRC, 'language', 'generated') ? [] : sources(path);
        return e.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
    });
}

/**
 * What a bundle of `entry` holds: the files of src/ it reaches by value imports (type
 * imports leave nothing in a bundle) and the packages and built-ins they name.
 */
function reachedFrom(entry: string): { files: Set<string>; modules: Set<string> } {
    const files = new Set<string>();
    const modules = new Set<string>();
    const visit = (file: string) => {
        if (files.has(file)) return;
        files.add(file);
        // The generated parser (absent before a build) imports Langium only.
        if (file.startsWith('language/generated/')) return;
        const text = readFileSync(join(SRC, file), 'utf8').replace(/^import type [^;]*;/gm, '');
        for (const m of importsOf(text)) {
            if (!m.startsWith('.')) modules.add(m);
            else visit(relative(SRC, resolve(SRC, dirname(file), m)).split('\\').join('/').replace(/\.js$/, '.ts'));
        }
    };
    visit(entry);
    return { files, modules };
}

describe('architecture', () => {
    it('gives every folder of src/ a row', () => {
        const folders = readdirSync(SRC, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
        expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
        expect(sources().filter(f => !f.includes('/'))).toEqual([]);
    });

    it('keeps every import of src/ within the rules', () => {
        const files = sources();
        expect(files.length).toBeGreaterThan(50);
        expect(files.flatMap(f => violations(f, importsOf(readFileSync(join(SRC, f), 'utf8'))))).toEqual([]);
    });

    it('keeps the site page script to modules a browser runs: no Node, no Langium, no layout', () => {
        const reached = reachedFrom('site/page/main.ts');
        expect([...reached.modules].filter(m => isNode(m) || m.startsWith('langium'))).toEqual([]);
        expect([...reached.files].filter(f => /^(diagram\/(layout|render|png)|language|services)/.test(f))).toEqual([]);
        expect(reached.files).toContain('analysis/scenario.ts');
    });

    it('lets no file of the core the browser build shares import a Node built-in', () => {
        const core = ['language', 'model', 'analysis', 'checks', 'diagram', 'services', 'lsp', 'webview', 'extension'];
        const nodeAllowed = RESTRICTED[0].where;
        expect(nodeAllowed.filter(w => core.includes(w.split('/')[0]))).toEqual([]);
    });

    it('keeps the browser server and extension off git and the disk (the compared preview is Node only)', () => {
        for (const entry of ['lsp/browser-main.ts', 'extension/browser.ts', 'extension/web-bundle.ts']) {
            const reached = reachedFrom(entry);
            expect([...reached.modules].filter(isNode), entry).toEqual([]);
            expect([...reached.files].filter(f => f === 'lsp/compare.ts' || f.startsWith('workspace/')), entry)
                .toEqual([]);
        }
        // The Node server does reach them, so the check above can fail.
        expect(reachedFrom('lsp/server.ts').files).toContain('lsp/compare.ts');
    });

    it('allow-lists only files that exist', () => {
        const files = [...Object.entries(EXCEPTIONS).flat(2), ...RESTRICTED.flatMap(r => r.where)];
        expect(files.filter(f => !existsSync(join(SRC, f)))).toEqual([]);
    });

    it('finds every kind of import, and only imports', () => {
        const text = `import type { A } from './a.js';
export * from '../b.js';
const c = await import('node:fs');
const s = "import d from 'd'"; // import e from 'e'
export { f } from 'vscode';`;
        expect(importsOf(text)).toEqual(['./a.js', '../b.js', 'node:fs', 'vscode']);
    });

    it('names the file and the import that break a rule', () => {
        expect(violations('model/model.ts', ['../services/bos-module.js', 'node:fs', 'path', 'vscode-languageserver']))
            .toEqual([
                "src/model/model.ts imports '../services/bos-module.js': model/ may import only language",
                "src/model/model.ts imports 'node:fs', a Node built-in: only cli, workspace, mcp, "
                + 'host/layout-thread.ts, host/layout-thread-main.ts, host/png.ts may',
                "src/model/model.ts imports 'path', a Node built-in: only cli, workspace, mcp, "
                + 'host/layout-thread.ts, host/layout-thread-main.ts, host/png.ts may',
                "src/model/model.ts imports 'vscode-languageserver', an LSP module: only services, lsp, cli, workspace may",
            ]);
        expect(violations('language/scope.ts', ['../model/model.js', '../../test/helpers.js'])).toEqual([
            "src/language/scope.ts imports '../model/model.js': language/ may import only itself",
            "src/language/scope.ts imports '../../test/helpers.js', outside the folders of src/",
        ]);
        expect(violations('diagram/svg.ts', ['node:worker_threads'])).toHaveLength(1);
        expect(violations('diagram/layout.ts', ['node:worker_threads'])).toHaveLength(1);
        expect(violations('host/web-layout.ts', ['node:worker_threads'])).toHaveLength(1);
        expect(violations('host/png.ts', ['node:module'])).toEqual([]);
        expect(violations('webview/main.ts', ['../lsp/server.js'])).toHaveLength(1);
        expect(violations('webview/main.ts', ['../lsp/protocol.js', './toolkit.js'])).toEqual([]);
        expect(violations('extension/status.ts', ['../webview/html.js'])).toHaveLength(1);
        expect(violations('extension/preview.ts', ['../webview/html.js', 'vscode'])).toEqual([]);
        expect(violations('cli/main.ts', ['../lsp/requests.js'])).toHaveLength(1);
    });
});
