// Installs code-server 4.100.3 (the VS Code 1.100 workbench, the newest that runs on
// Node 20) outside the source tree, for the end-to-end tests. A plain `npm i
// code-server` fails here, so this follows the recipe in docs/toolchain.md: install
// without scripts, then build its native addons against Node's own headers.
// Prints the install folder; a second run only checks the marker and prints it again.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerHome = () =>
    process.env.BOS_CODE_SERVER_HOME ?? join(homedir(), '.cache', 'bos-studio', `code-server-${CODE_SERVER_VERSION}`);

function run(cmd, args, cwd, env = {}) {
    const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`);
}

export function installCodeServer(log = m => console.error(m)) {
    const home = codeServerHome();
    const marker = join(home, '.ready');
    if (existsSync(marker)) return home;
    log(`installing code-server ${CODE_SERVER_VERSION} into ${home} (about a minute)…`);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'package.json'), '{ "private": true }\n');
    const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
    run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...quiet], home);
    const vscode = join(home, 'node_modules', 'code-server', 'lib', 'vscode');
    run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscode);
    // @vscode/ripgrep downloads its binary in a script; Debian's rg does the same job.
    mkdirSync(join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin'), { recursive: true });
    copyFileSync('/usr/bin/rg', join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
    run('npm', ['rebuild', ...quiet], vscode, { npm_config_yes: 'true' });
    link('node_modules', join(vscode, 'node_modules.asar'));
    link('code-linux.sh', join(vscode, 'bin', 'remote-cli', 'code-server'));
    link('browser-linux.sh', join(vscode, 'bin', 'helpers', 'browser.sh'));
    run('npm', ['install', '--omit=dev', ...quiet], join(vscode, 'extensions'));
    run('npm', ['rebuild', 'argon2', ...quiet], home);
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    return home;
}

function link(target, path) {
    rmSync(path, { force: true });
    symlinkSync(target, path);
}

// Run as a script (not when imported or bundled into a benchmark).
if (process.argv[1]?.endsWith('code-server.mjs')) {
    try {
        console.log(installCodeServer());
    } catch (e) {
        console.error(`code-server install failed: ${e.message}`);
        process.exit(1);
    }
}
