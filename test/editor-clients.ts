// What the tests with real editors (Neovim, Emacs) share: a small model with CJK text, a
// tab and one finding of each severity; a `bos` on PATH that is the built CLI; and the
// README's configuration for the editor, taken from the README itself so it stays true.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempFiles } from './temp.js';

export const MODEL = [
    'package shop',
    'infrastructure Cloud "云" {',
    '  resource VM "虚拟机" : compute { capacity 100k/s }',
    '  resource Spare : cache',
    '}',
    'platform Trade "交易中台" : business {',
    '  capability Order "下单 (2020)" { runs on Cloud.VM  capacity 20k/s }',
    '}',
    'element 销售 "𠀀𠀁 销售" : sales { uses 交易中台.缺失 }',
    'element Sales : sales { uses Trade.Order }',
    '\telement\tTabbed : brand { uses 缺 }',
    'flow Checkout { step Trade.Order }',
    'scenario Peak "峰值" { load Checkout 18k/s }',
    '',
].join('\n');

/** A git work tree with the model, another file nobody opens, and `bin/bos` running the built CLI. */
export function clientWorkspace(prefix: string): { dir: string; env: NodeJS.ProcessEnv } {
    const dir = tempFiles(prefix, {
        'model.bos': MODEL,
        'other.bos': 'package shop\nelement Other : brand { uses Trade.Order }\n',
        'bin/bos': `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${
            JSON.stringify(resolve('out/cli.cjs'))
        } "$@"\n`,
    });
    chmodSync(join(dir, 'bin/bos'), 0o755);
    spawnSync('git', ['init', '-q', dir]);
    // A fresh home: no user configuration, logs and state of the editors' own.
    const home = join(dir, '.home');
    const env = {
        ...process.env,
        PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_CACHE_HOME: join(home, 'cache'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        NO_COLOR: '',
        LANG: 'C.UTF-8',
    };
    return { dir, env };
}

/** The README's fenced block in `lang` under "### Other editors". */
export function readmeConfig(lang: 'lua' | 'elisp'): string {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Other editors'), readme.indexOf('## Benchmarks'));
    const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
    if (!block) throw new Error(`README.md has no ${lang} block under "### Other editors"`);
    return block[1];
}

export interface Mark {
    file: string;
    line: number;
    severity: string;
    code: string;
    /** The character the finding starts at. */
    char: string;
}

/** Where `bos validate` says each finding starts, read from its JSON (UTF-16 columns) and the file itself. */
export function expectedMarks(dir: string): Mark[] {
    const r = spawnSync(process.execPath, [resolve('out/cli.cjs'), 'validate', '--format', 'json'], {
        cwd: dir,
        encoding: 'utf8',
    });
    return JSON.parse(r.stdout).diagnostics.map((d: Mark & { column: number }) => {
        const text = readFileSync(join(dir, d.file), 'utf8').split('\n')[d.line - 1];
        return {
            file: d.file,
            line: d.line,
            severity: d.severity,
            code: d.code,
            char: String.fromCodePoint(text.codePointAt(d.column - 1)!),
        };
    });
}

export function writeConfig(dir: string, name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
}
