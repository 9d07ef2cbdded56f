/**
 * One process, as the server runs it (bundled by `phases.mjs`, started with the server's process options): a first
 * indexing of CORPUS into a fresh storage folder, then a change to one of its files picked up as the watcher would.
 * Samples `VmRSS` (process.memoryUsage().rss) and the main heap every 100 ms and prints, as one JSON line, each phase's
 * peaks and the times: `analysis` (the workers analysing, the main thread writing the cache and rebuilding now and
 * then), `lastRebuild` (a first indexing's last rebuild), `watchRebuild` (the change: reading the cache, its rebuild),
 * and the RSS a few seconds after each is written to disk. The file is restored afterwards.
 *   node phases.js CORPUS
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusManager } from '../../server/src/indexing/manager';
import { afterRelease, heapPolicy } from '../../server/src/lsp/heapPolicy';

const corpus = process.argv[2];
const workerScript = process.argv[3];
const storage = mkdtempSync(path.join(tmpdir(), 'corroborate-phases-'));
const t0 = performance.now();
const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
let phase = 'analysis';
const peaks: Record<string, { rssMB: number; heapMB: number }> = {};
const sample = () => {
  const m = process.memoryUsage();
  const p = (peaks[phase] ??= { rssMB: 0, heapMB: 0 });
  p.rssMB = Math.max(p.rssMB, Math.round(m.rss / 1048576));
  p.heapMB = Math.max(p.heapMB, Math.round(m.heapUsed / 1048576));
};
setInterval(sample, 100).unref();
const enter = (name: string) => {
  sample();
  phase = name;
};
const settle = async () => {
  enter('settling');
  await manager.whenCacheWritten();
  await new Promise((r) => setTimeout(r, 3000));
  return Math.round(process.memoryUsage().rss / 1048576);
};

const manager = new CorpusManager({ workerScript, log: (s) => console.error(`[phases] ${seconds()} s ${s}`) });
// (what the server does at these points: lsp/server.ts)
manager.onProgress((p) => heapPolicy(p.state === 'indexing' ? 'indexing' : 'serving'));
manager.onAnalysed((a) => {
  enter(phase === 'analysis' ? 'lastRebuild' : 'watchRebuild');
  heapPolicy(a.releasing ? 'settling' : 'settling-kept');
});
manager.onReleased(() => void afterRelease());

(async () => {
  let start = performance.now();
  await manager.configure({ roots: [corpus], exclude: [], cacheDir: storage });
  const readyS = (performance.now() - start) / 1000;
  const lastRebuildS = (manager.stats?.lastRebuildMs ?? 0) / 1000;
  const settledRssMB = await settle();
  // a change to one file: a paragraph added at its end
  const part = readdirSync(corpus)
    .filter((f) => !f.startsWith('.'))
    .sort()[0];
  const dir = path.join(corpus, part);
  const file = path.join(dir, readdirSync(dir).sort()[17]);
  const before = readFileSync(file);
  try {
    writeFileSync(file, `${before.toString('utf8')}\n\nA paragraph added at ${Date.now()} to measure a change.\n`);
    enter('watchRead');
    start = performance.now();
    await manager.configure({ roots: [corpus], exclude: [], cacheDir: storage });
    const watchReadyS = (performance.now() - start) / 1000;
    const watchRebuildS = (manager.stats?.lastRebuildMs ?? 0) / 1000;
    const watchSettledRssMB = await settle();
    sample();
    console.log(
      JSON.stringify({
        readyS,
        lastRebuildS,
        settledRssMB,
        watchReadyS,
        watchRebuildS,
        watchSettledRssMB,
        peaks,
        fromCache: manager.stats?.fromCache,
      }),
    );
  } finally {
    writeFileSync(file, before);
    await manager.dispose();
    rmSync(storage, { recursive: true, force: true });
  }
  process.exit(0);
})();
