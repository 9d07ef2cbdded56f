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
  // garbage-collection pauses of the main thread: count, total and the longest, by kind
  const gc = {};
  /** pauses over 2 ms: [epoch ms, duration ms, kind] */
  const pauses = [];
  const { PerformanceObserver, constants } = require('node:perf_hooks');
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const k = kinds[e.detail?.kind] ?? 'other';
      const g = (gc[k] ??= { count: 0, ms: 0, maxMs: 0, over5ms: 0 });
      g.count++;
      g.ms += e.duration;
      g.maxMs = Math.max(g.maxMs, e.duration);
      if (e.duration > 5) g.over5ms++;
      if (e.duration > 2 && pauses.length < 5000)
        pauses.push([Math.round(performance.timeOrigin + e.startTime), Math.round(e.duration * 10) / 10, k]);
    }
  }).observe({ entryTypes: ['gc'] });
  const write = () => {
    try {
      const m = process.memoryUsage();
      fs.writeFileSync(out, JSON.stringify({ peakHeap, peakRss, heapUsed: m.heapUsed, rss: m.rss, gc, pauses }));
    } catch {}
  };
  setInterval(sample, 100).unref();
  setInterval(write, 1000).unref();
  process.on('exit', () => {
    sample();
    write();
  });
}
