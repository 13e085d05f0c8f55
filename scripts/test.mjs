// Runs the whole suite: the unit, browser and language-server tests (vitest), then the
// production .vsix, then the end-to-end tests in the real VS Code workbench. Ends with
// the plain `N passed, N failed` line that CI reads; the exit code is non-zero on any
// failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { installCodeServer } from './code-server.mjs';

// Debian packages: Chromium for the browser tests, a CJK font for the PNG tests,
// ripgrep and Kerberos headers for code-server, the editors the client tests drive
// (Neovim, Emacs with eglot) and git for their workspaces. As root (CI) install what is missing.
const needed = [
    ['chromium', '/usr/bin/chromium'],
    ['fonts-noto-cjk', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
    ['ripgrep', '/usr/bin/rg'],
    ['libkrb5-dev', '/usr/include/krb5.h'],
    ['g++', '/usr/bin/g++'],
    ['make', '/usr/bin/make'],
    ['git', '/usr/bin/git'],
    ['neovim', '/usr/bin/nvim'],
    ['emacs-nox', '/usr/bin/emacs'],
    ['elpa-eglot', '/usr/share/doc/elpa-eglot/copyright'],
    // The export tests' consumers: PlantUML (brings a JRE) with Graphviz, xmllint for the LQN schema.
    ['plantuml', '/usr/bin/plantuml'],
    ['graphviz', '/usr/bin/dot'],
    ['libxml2-utils', '/usr/bin/xmllint'],
].filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
if (needed.length) {
    if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
        console.log(`installing ${needed.join(', ')} with apt-get…`);
        const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
        for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...needed]]) {
            const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
            if (r.status !== 0) {
                console.error(`apt-get ${args[0]} failed`);
                process.exit(1);
            }
        }
    } else {
        console.error(
            `missing Debian packages for the browser and end-to-end tests: sudo apt-get install ${needed.join(' ')}`,
        );
    }
}

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

function vitest(name, args) {
    const out = `test-results/vitest-${name}.json`;
    rmSync(out, { force: true });
    const run = spawnSync(process.execPath, [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${out}`,
        ...args,
    ], { stdio: 'inherit' });
    if (existsSync(out)) {
        const r = JSON.parse(readFileSync(out, 'utf8'));
        totals.passed += r.numPassedTests;
        totals.failed += r.numFailedTests;
        totals.skipped += r.numPendingTests + r.numTodoTests;
    } else {
        totals.failed += 1;
    }
    if (run.status !== 0) status = run.status ?? 1;
}

function step(title, fn) {
    console.log(`\n— ${title}`);
    try {
        fn();
    } catch (e) {
        console.error(`${title} failed: ${e.message}`);
        totals.failed += 1;
        status = 1;
        return false;
    }
    return true;
}

const filter = process.argv.slice(2);
vitest('unit', filter);
// End-to-end: the production package in code-server (skipped when a filter was given).
if (!filter.length) {
    const packaged = step('packaging the .vsix', () => {
        const r = spawnSync('npm', ['run', '--silent', 'package'], { stdio: 'inherit' });
        if (r.status !== 0) throw new Error(`npm run package exited with ${r.status}`);
    });
    const installed = step(
        'installing code-server for the end-to-end tests',
        () => installCodeServer(m => console.log(m)),
    );
    if (packaged && installed) vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(status);
