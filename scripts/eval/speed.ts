/**
 * The throughput of the whole analysis (`npm run eval`, part 4): parse, analyse and index the Wikinews articles of
 * the directory given, pass after pass, and print the figures as one line of JSON.
 *
 * run.ts bundles this file with esbuild, as the server and its index workers are bundled, and runs the bundle in a
 * process of its own. Run through tsx instead, the same code took ~8% more CPU a pass (the thirteenth session's
 * figures were taken that way): tsx compiles each module on its own, so every call from one module to a function
 * of another goes through the exporting module's getter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndex } from '../../server/src/core/index';
import { analyzeSource } from '../../server/src/core/analyze';
import { parseSource } from '../../server/src/corpus/load';

export interface SpeedResult {
  files: number;
  words: number;
  /** what the last pass indexed */
  entities: number;
  claims: number;
  warmup: number;
  medianCpuMs: number;
  medianWallMs: number;
  wordsPerSecond: number;
  firstPassesMedianCpuMs: number;
  firstPassesWordsPerSecond: number;
  passesCpuMs: number[];
  peakRssMB: number;
}

function main(dir: string): SpeedResult {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
  const texts = files.map((f) => ({ f, bytes: readFileSync(f) }));
  let words = 0;
  for (const t of texts) words += (t.bytes.toString('utf8').match(/\S+/g) ?? []).length;
  // CPU time of this process (user + system), which a busy shared machine disturbs far less than wall time
  // 3 warm-up passes, then 5 measured: in the first passes the JIT is still compiling the rebuild's functions
  // (each runs once per pass), a one-time cost for a server that indexes thousands of files; the median of the
  // first 5 passes (warm-up included) is given too
  const WARMUP = 3;
  const runs: number[] = [];
  const walls: number[] = [];
  const all: number[] = [];
  let peak = 0;
  let idx = new CorpusIndex();
  for (let i = 0; i < WARMUP + 5; i++) {
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    idx = new CorpusIndex();
    for (const t of texts) {
      const s = parseSource(t.f, t.bytes, { id: t.f }).source;
      if (s) idx.upsert(s, analyzeSource(s));
    }
    idx.rebuild();
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000;
    all.push(cpu);
    if (i >= WARMUP) {
      runs.push(cpu);
      walls.push(performance.now() - w0);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  runs.sort((a, b) => a - b);
  walls.sort((a, b) => a - b);
  const med = runs[2];
  const first = all.slice(0, 5).sort((a, b) => a - b)[2];
  return {
    files: files.length,
    words,
    entities: idx.entities.length,
    claims: idx.claims.size,
    warmup: WARMUP,
    medianCpuMs: med,
    medianWallMs: walls[2],
    wordsPerSecond: words / (med / 1000),
    firstPassesMedianCpuMs: first,
    firstPassesWordsPerSecond: words / (first / 1000),
    passesCpuMs: all.map(Math.round),
    peakRssMB: peak / 1048576,
  };
}

if (require.main === module) process.stdout.write(JSON.stringify(main(process.argv[2])) + '\n');
