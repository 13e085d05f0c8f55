// Preloaded into a benchmarked process: reports its peak resident memory on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    if (process.env.BOS_BENCH_RSS) writeFileSync(process.env.BOS_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
});
