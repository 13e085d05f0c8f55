// Bundles benchmark entry points (`bench/NAME.ts`) into `ROOT/NAME.cjs`, each a Node
// script with the sources it measures inside.
import * as esbuild from 'esbuild';
import { join } from 'node:path';

export async function bundle(root, names) {
    for (const name of names) {
        await esbuild.build({
            entryPoints: [`bench/${name}.ts`],
            outfile: join(root, `${name}.cjs`),
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            logLevel: 'warning',
        });
    }
}
