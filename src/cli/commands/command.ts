// The shape of one `bos` command: the options it takes and what it does.
import type { OptionName, Values } from '../options.js';

export interface Command {
    options: readonly OptionName[];
    /** Resolves to the exit status (0 clean, 1 the model has errors; usage errors throw). */
    run(paths: string[], values: Values): Promise<number>;
}
