#!/usr/bin/env node
// `npm run bench:phases`: memory and time of a first indexing and of a watched change, in one process as the server
// runs it (scripts/bench/phases.ts, bundled as the server is, started with the server's process options).
//   node scripts/bench/phases.mjs [--size N (default 10000)] [--runs R (default 3)] [--keep]
// Prints each run's JSON line (stderr) and the median (range) of each figure. The corpus is generated as `npm run
// bench` generates it (seeded), into the same temp folder.
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundleAsServer } from '../bundleAsServer.mjs';
import { generate } from './generate.mjs';
import { root, serverProcessOptions } from './client.mjs';

const argv = process.argv.slice(2);
const opt = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const size = Number(opt('--size', 10000));
const runs = Number(opt('--runs', 3));
const SEED = 20240501;

if (!existsSync(join(root, 'dist', 'indexWorker.js'))) spawnSync('node', ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
const work = join(tmpdir(), 'corroborate-bench');
mkdirSync(work, { recursive: true });
const corpus = join(work, `corpus-${size}-${SEED}`);
generate(corpus, size, { seed: SEED });

const out = mkdtempSync(join(tmpdir(), 'corroborate-phases-bundle-'));
const bundle = join(out, 'phases.js');
bundleAsServer(join(root, 'scripts/bench/phases.ts'), bundle);
// the server's process options, as the extension and corroborate-ls set them
const { execArgv, env } = serverProcessOptions(totalmem());

const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...execArgv, bundle, corpus, join(root, 'dist', 'indexWorker.js')], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`run ${i + 1} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
    const line = r.stdout.trim().split('\n').pop();
    console.error(line);
    rows.push(JSON.parse(line));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  if (!argv.includes('--keep')) rmSync(corpus, { recursive: true, force: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fig = (get, digits = 0) => {
  const xs = rows.map(get);
  const f = (x) => x.toFixed(digits);
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
};
const peak = (p, k) => (r) => r.peaks[p]?.[k] ?? 0;
console.log(`${size} articles, ${runs} runs: median (range)`);
console.log(`| figure | ${size} articles |\n| --- | --- |`);
for (const [label, get, d] of [
  ['first indexing: ready, s', (r) => r.readyS, 1],
  ['  its last rebuild, s', (r) => r.lastRebuildS, 1],
  ['  peak RSS while analysing, MB', peak('analysis', 'rssMB')],
  ['  peak main heap while analysing, MB', peak('analysis', 'heapMB')],
  ['  peak RSS in its last rebuild, MB', peak('lastRebuild', 'rssMB')],
  ['  peak main heap in its last rebuild, MB', peak('lastRebuild', 'heapMB')],
  ['  RSS once written and settled, MB', (r) => r.settledRssMB],
  ['a change to one file: ready, s', (r) => r.watchReadyS, 1],
  ['  its rebuild, s', (r) => r.watchRebuildS, 1],
  ['  peak RSS reading the cache, MB', peak('watchRead', 'rssMB')],
  ['  peak RSS in its rebuild, MB', peak('watchRebuild', 'rssMB')],
  ['  peak main heap in its rebuild, MB', peak('watchRebuild', 'heapMB')],
  ['  RSS once written and settled, MB', (r) => r.watchSettledRssMB],
])
  console.log(`| ${label} | ${fig(get, d)} |`);
