import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { heapPolicy, SERVING_HEAP_GROWTH_PERCENT, SMALL_HEAP_BYTES } from '../../server/src/lsp/heapPolicy';

test('the heap grows by a fixed share of the live data while serving a small heap, and as V8 decides otherwise, set once per change', () => {
  const set: string[] = [];
  let used = 100 * 1048576;
  const f = { setFlags: (x: string) => void set.push(x), collect: () => void set.push('collect'), usedHeap: () => used };
  heapPolicy('serving', { ...f, setFlags: () => undefined, collect: () => undefined }); // a known state, whatever ran before
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
