import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GuardedServer } from '../robustness/helpers';
import {
  afterRelease,
  heapPolicy,
  SERVING_HEAP_GROWTH_PERCENT,
  SETTLING_HEAP_GROWTH_PERCENT,
  SETTLING_KEPT_HEAP_GROWTH_PERCENT,
  SMALL_HEAP_BYTES,
} from '../../server/src/lsp/heapPolicy';

test('the heap grows by a fixed share of the live data while serving a small heap, and as V8 decides otherwise, set once per change', () => {
  const set: string[] = [];
  let used = 100 * 1048576;
  const f = { setFlags: (x: string) => void set.push(x), collect: async () => (set.push('collect'), true), usedHeap: () => used };
  heapPolicy('serving', { ...f, setFlags: () => undefined, collect: async () => true }); // a known state, whatever ran before
  heapPolicy('indexing', f);
  heapPolicy('indexing', f);
  heapPolicy('serving', f);
  heapPolicy('serving', f);
  heapPolicy('indexing', f);
  // a heap whose full collection would hold the server (50,000 articles): V8's choice, and no collection asked for
  used = SMALL_HEAP_BYTES + 1;
  heapPolicy('serving', f);
  used = SMALL_HEAP_BYTES;
  heapPolicy('serving', f);
  assert.deepEqual(set, [
    '--heap-growing-percent=0',
    `--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`,
    'collect', // the limit is recomputed only after a full collection
    '--heap-growing-percent=0',
    `--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`,
    'collect',
  ]);
});

test('once the files are analysed, the heap grows by a fixed share until the index is ready, with no collection asked for then', () => {
  const set: string[] = [];
  const f = { setFlags: (x: string) => void set.push(x), collect: async () => (set.push('collect'), true), usedHeap: () => 200 * 1048576 };
  const quiet = { ...f, setFlags: () => undefined, collect: async () => true };
  heapPolicy('serving', quiet);
  heapPolicy('indexing', f);
  heapPolicy('settling', f);
  heapPolicy('settling', f);
  // ready: the serving growth, and the collection that makes V8 use it
  heapPolicy('serving', f);
  // settling is only ever the end of an indexing
  heapPolicy('settling', f);
  assert.deepEqual(set, [
    '--heap-growing-percent=0',
    `--heap-growing-percent=${SETTLING_HEAP_GROWTH_PERCENT}`,
    `--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`,
    'collect',
  ]);
  // a last rebuild that keeps the analyses (a change re-read from the cache) grows by its own share, and ready collects
  set.length = 0;
  heapPolicy('indexing', f);
  heapPolicy('settling-kept', f);
  heapPolicy('serving', f);
  assert.deepEqual(set, [
    '--heap-growing-percent=0',
    `--heap-growing-percent=${SETTLING_KEPT_HEAP_GROWTH_PERCENT}`,
    ...(SETTLING_KEPT_HEAP_GROWTH_PERCENT === SERVING_HEAP_GROWTH_PERCENT ? [] : [`--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`]),
    'collect',
  ]);
  assert.ok(SETTLING_HEAP_GROWTH_PERCENT < SETTLING_KEPT_HEAP_GROWTH_PERCENT);
});

test('releasing the analyses collects their garbage, with the serving growth set first, and keeps it only for a small live heap', async () => {
  const set: string[] = [];
  const MB = 1048576;
  let used = 0;
  let afterCollect = 0;
  const f = {
    setFlags: (x: string) => void set.push(x),
    collect: async (compact?: boolean) => {
      set.push(compact ? 'collect, compacting' : 'collect');
      used = afterCollect;
      return true;
    },
    usedHeap: () => used,
  };
  const quiet = { ...f, setFlags: () => undefined, collect: async () => true };
  // a first indexing of 10,000 articles: ~600 MB used, ~230 MB live
  used = 900 * MB;
  heapPolicy('indexing', quiet);
  heapPolicy('serving', f); // too large to collect now (and no flag: V8's growth stays)
  assert.deepEqual(set, []);
  afterCollect = 230 * MB;
  assert.deepEqual(await afterRelease(f), { collected: true, flags: [`--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`] });
  // a large heap: a plain collection, then a compacting one (which then copies only what the first left)
  assert.deepEqual(set, [`--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`, 'collect', 'collect, compacting']);
  // a small one (a first indexing's last rebuild let its analyses go as it read them): the compacting one alone
  set.length = 0;
  used = 150 * MB;
  afterCollect = 120 * MB;
  heapPolicy('indexing', quiet);
  heapPolicy('serving', quiet);
  assert.deepEqual(await afterRelease(f), { collected: true, flags: [] });
  assert.deepEqual(set, ['collect, compacting']);
  // 50,000 articles: 2.7 GB used, ~410 MB live after the collection, over the small heap, so V8's growth comes back
  set.length = 0;
  used = 2700 * MB;
  heapPolicy('indexing', quiet);
  heapPolicy('serving', f);
  afterCollect = SMALL_HEAP_BYTES + MB;
  assert.deepEqual(await afterRelease(f), {
    collected: true,
    flags: [`--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`, '--heap-growing-percent=0'],
  });
  // no collector to ask (it could not be had): said so
  heapPolicy('serving', quiet);
  assert.equal((await afterRelease({ ...f, collect: async () => false })).collected, false);
  // an indexing under way: its growth is not touched
  set.length = 0;
  used = 500 * MB;
  heapPolicy('indexing', quiet);
  assert.deepEqual(await afterRelease(f), { collected: false, flags: [] });
  assert.deepEqual(set, []);
});

test('the flags the server process uses exist in this Node (V8 ignores unknown flags silently)', () => {
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  for (const flag of ['--heap-growing-percent', '--max-semi-space-size']) assert.ok(options.includes(flag), `${flag} in node --v8-options`);
});

test('the switch to serving runs a full collection in a process started without --expose-gc', () => {
  // a child process, so that the flag and the collection stay out of this one
  const code = `
    const { heapPolicy } = require(${JSON.stringify(require.resolve('../../server/src/lsp/heapPolicy'))});
    const { PerformanceObserver, constants } = require('node:perf_hooks');
    let majors = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });
    heapPolicy('indexing');
    heapPolicy('serving');
    setTimeout(() => { console.log(typeof globalThis.gc, majors); }, 200);
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' }).trim();
  const [gcType, majors] = out.split(' ');
  assert.equal(gcType, 'undefined', 'gc is not put into the server global scope');
  assert.ok(Number(majors) >= 1, `a full collection ran (${out})`);
});

test('the real server, once its first indexing is on disk, drops the analyses and runs a collection', { timeout: 60000 }, async () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'corroborate-release-'));
  const server = new GuardedServer({}, { storage });
  try {
    await server.start();
    const deadline = Date.now() + 30000;
    let line: string | undefined;
    while (!(line = server.logs.find((l) => l.startsWith('analyses released'))) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const m = /^analyses released: heap (\d+) → (\d+) MB in \d+ ms/.exec(line ?? '');
    assert.ok(m, `the release is logged with what it collected: ${line ?? server.logs.join(' | ')}`);
    // (the bundled corpus leaves little garbage: its heap can round to the same MB)
    assert.ok(Number(m[2]) <= Number(m[1]), line);
  } finally {
    await server.stop();
    rmSync(storage, { recursive: true, force: true });
  }
});
