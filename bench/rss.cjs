// Preloaded into a benchmarked process: reports its peak resident memory on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    const out = process.env.BOS_BENCH_RSS;
    if (out) writeFileSync(out, String(process.resourceUsage().maxRSS * 1024));
});
