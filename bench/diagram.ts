// Diagram benchmark: layout + SVG of the example, and of generated views of 200, 1,000
// and 2,000 nodes (about 1.5 edges a node). Prints one JSON line.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../test/helpers.js';
import { generated, time } from './stack.js';

async function workspace(files: Record<string, string>) {
    return (await check(files)).result;
}

async function main(): Promise<void> {
    const files: Record<string, string> = {};
    for (const e of readdirSync('examples/double11', { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            files[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'utf8');
        }
    }
    const example = await workspace(files);
    await time(example, 'Overview', 1); // warm up the JIT
    const out: Record<string, unknown> = { example: await time(example, 'Overview', 5) };
    for (const n of [200, 1000, 2000]) {
        out[`n${n}`] = await time(await workspace({ 'g.bos': generated(n) }), undefined, n > 500 ? 1 : 3);
    }
    process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
