// `npm run fuzz`: the fuzz properties with many more inputs and a fresh seed, printed so
// a failure can be replayed: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run test/fuzz.test.ts
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '100000';
console.log(`fuzzing with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} (per property)`);
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/fuzz.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
