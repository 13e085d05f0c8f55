// `bos query impact NAME [--scenario S] | path FROM TO | uses NAME | who-uses NAME
// [paths...]`: questions about the model, answered as text or JSON. The names come
// first, then the workspace's paths; a name that finds nothing is exit 2 with the
// nearest names.
import { ask, type Question, QUESTIONS } from '../../query/questions.js';
import { UsageError } from '../../services/usage-error.js';
import { outputFormat } from '../options.js';
import { load, modelExit } from '../session.js';
import { colours } from '../terminal.js';
import type { Command } from './command.js';

const USAGE = 'usage: bos query impact NAME [--scenario S] | path FROM TO | uses NAME | who-uses NAME '
    + '[paths...] [--format text|json]';

export const queryCommand: Command = {
    options: ['format', 'scenario'],
    async run(args, values) {
        const question = read(args, values.scenario);
        const fmt = outputFormat(values, ['text', 'json']);
        const ws = await load(args.slice(question.ask === 'path' ? 3 : 2));
        const answer = ask(ws.result, question);
        if ('problem' in answer) throw new UsageError(answer.problem);
        if (fmt === 'json') process.stdout.write(JSON.stringify(answer.json, null, 2) + '\n');
        else process.stdout.write(answer.text(colours(process.stdout)));
        return modelExit(ws);
    },
};

/** The question from the words after `query`, checked before the workspace loads. */
function read(args: readonly string[], scenario: string | undefined): Question {
    const [what, first, second] = args;
    if (!(QUESTIONS as readonly string[]).includes(what)) {
        throw new UsageError(what === undefined ? USAGE : `no question '${what}' (${QUESTIONS.join(', ')}); ${USAGE}`);
    }
    if (first === undefined || (what === 'path' && second === undefined)) {
        throw new UsageError(`bos query ${what} needs ${what === 'path' ? 'FROM and TO' : 'a NAME'}; ${USAGE}`);
    }
    if (scenario !== undefined && what !== 'impact') throw new UsageError('--scenario goes with bos query impact');
    if (what === 'path') return { ask: 'path', from: first, to: second };
    if (what === 'impact') return { ask: 'impact', name: first, scenario };
    return { ask: what as 'uses' | 'who-uses', name: first };
}
