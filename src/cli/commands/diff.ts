// `bos diff [paths] --base REV|DIR`: what a change does to the model — declarations,
// findings, and each scenario's cost, saturation, utilisation and latency — as text,
// JSON or a pull-request comment in Markdown. Both models are built with the same
// services; the base is read from git (never checked out) or from a folder. Exit 1 only
// for what `--fail-on` names.
import { diffModels } from '../../diff/diff.js';
import { FAIL_ON, type FailOn, failures } from '../../diff/fail-on.js';
import { diffJson } from '../../diff/json.js';
import { diffMarkdown } from '../../diff/markdown.js';
import { changePicture } from '../../diff/picture.js';
import { diffText } from '../../diff/text.js';
import { UsageError } from '../../services/usage-error.js';
import { readBase } from '../../workspace/base.js';
import { loadBase } from '../compare.js';
import { diffSide } from '../diagnostics.js';
import { outputFormat, type Values } from '../options.js';
import { load, write } from '../session.js';
import { colours } from '../terminal.js';
import type { Command } from './command.js';

function failOn(values: Values): FailOn[] {
    const given = values['fail-on'];
    if (given === undefined) return [];
    return given.split(',').map(w => w.trim()).map(w => {
        if (!(FAIL_ON as readonly string[]).includes(w)) {
            throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), not '${w}'`);
        }
        return w as FailOn;
    });
}

export const diffCommand: Command = {
    options: ['base', 'format', 'fail-on'],
    async run(paths, values) {
        const fmt = outputFormat(values, ['text', 'json', 'markdown']);
        const conditions = failOn(values);
        if (values.base === undefined) {
            throw new UsageError('bos diff needs --base REV|DIR: the git revision or folder to compare with');
        }
        // The base first: a revision that does not exist fails before any model is built.
        const base = readBase(paths, values.base);
        const head = await load(paths);
        const before = await loadBase(base);
        const diff = diffModels(diffSide(before, base.root), diffSide(head, process.cwd()));
        const info = { given: base.given, commit: base.commit };
        if (fmt === 'json') write(JSON.stringify(diffJson(diff, info), null, 2) + '\n', undefined);
        else if (fmt === 'markdown') {
            write(diffMarkdown(diff, info, changePicture(diff, before.result.model, head.result.model)), undefined);
        } else write(diffText(diff, info, colours(process.stdout)), undefined);
        const failing = failures(diff, conditions);
        for (const line of failing) process.stderr.write(`bos: --fail-on ${line}\n`);
        if (before.result.failures.length) return 2;
        return failing.length ? 1 : 0;
    },
};
