// Preloaded into a benchmarked process: reports the CPU time it used on exit (user and
// system, every thread), which other work on the machine disturbs far less than wall time.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
    const out = process.env.BOS_BENCH_CPU;
    if (!out) return;
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(out, String((userCPUTime + systemCPUTime) / 1000));
});
