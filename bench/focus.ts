// Focus view benchmark (issue 13): opening the focus view of a platform in a generated
// 1,000-node model — selection, layout and SVG, as the preview does on a click — against
// the full view of the same model in the same run. Target: the focus view ≤ 1 s.
// Prints one JSON line.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { check } from '../test/helpers.js';
import { generated, time } from './stack.js';

async function main(): Promise<void> {
    const { result } = await check({ 'g.bos': generated(1000) });
    await time(result, 'focus:g.P0', 1); // warm up the JIT and the layout worker
    const focus = await time(result, 'focus:g.P0', 5);
    const full = await time(result, undefined, 1);
    process.stdout.write(JSON.stringify({ focus, full, declarations: result.model.nodes.length }) + '\n');
}

void main();
