/**
 * Preloaded into the measured import (`node --import …/peak-memory.js`): when the process exits,
 * writes its peak resident memory (getrusage's ru_maxrss, exact, unlike polling) and CPU time
 * to the file named by DEPECHE_BENCH_PEAK_FILE.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.DEPECHE_BENCH_PEAK_FILE;
if (target !== undefined && target !== '') {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, userCpuSeconds: usage.userCPUTime / 1e6, systemCpuSeconds: usage.systemCPUTime / 1e6 }));
  });
}
