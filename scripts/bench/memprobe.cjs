// Preloaded into the server process by the benchmark (node --require): samples the main thread's heap every
// 100 ms and writes the peaks to $CORROBORATE_BENCH_MEM (JSON) every second and at exit. Not part of the product.
const fs = require('node:fs');
const out = process.env.CORROBORATE_BENCH_MEM;
if (out) {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const write = () => {
    try {
      const m = process.memoryUsage();
      fs.writeFileSync(out, JSON.stringify({ peakHeap, peakRss, heapUsed: m.heapUsed, rss: m.rss }));
    } catch {}
  };
  setInterval(sample, 100).unref();
  setInterval(write, 1000).unref();
  process.on('exit', () => {
    sample();
    write();
  });
}
