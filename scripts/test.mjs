// Runs the whole vitest suite and ends with the plain `N passed, N failed` line that
// CI reads; the exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

// The browser tests need Debian's Chromium, and the PNG tests a CJK font. On a machine
// where we are root (CI), install what is missing; elsewhere say how.
const needed = [['chromium', '/usr/bin/chromium'], ['fonts-noto-cjk', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc']]
    .filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
if (needed.length) {
    if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
        console.log(`installing ${needed.join(', ')} with apt-get…`);
        const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
        for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...needed]]) {
            const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
            if (r.status !== 0) { console.error(`apt-get ${args[0]} failed`); process.exit(1); }
        }
    } else {
        console.error(`missing Debian packages for the browser and PNG tests: sudo apt-get install ${needed.join(' ')}`);
    }
}

const out = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(out, { force: true });
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], { stdio: 'inherit' });
if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
    console.log('\n0 passed, 1 failed');
}
process.exit(run.status ?? 1);
