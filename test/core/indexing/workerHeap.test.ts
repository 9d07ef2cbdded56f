/** An indexing worker's heap rule: collect when the heap has grown by the margin since the last collection. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { WorkerHeap } from '../../../server/src/indexing/workerHeap';

const MB = 1048576;

function fakeHeap(start: number, collectTo: (used: number) => number | false) {
  const h = {
    used: start,
    calls: 0,
    usedHeap: () => h.used,
    collect: () => {
      h.calls++;
      const after = collectTo(h.used);
      if (after === false) return false;
      h.used = after;
      return true;
    },
  };
  return h;
}

test('collects once the heap has grown by the margin, and measures the margin from what the collection left', () => {
  const h = fakeHeap(40 * MB, (used) => used - 30 * MB);
  const heap = new WorkerHeap(h, 24 * MB);
  h.used = 64 * MB; // exactly the margin: not yet
  assert.equal(heap.afterBatch(), false);
  h.used = 64 * MB + 1;
  assert.equal(heap.afterBatch(), true);
  assert.equal(h.used, 34 * MB + 1);
  h.used = 50 * MB; // under 34 + 24
  assert.equal(heap.afterBatch(), false);
  h.used = 59 * MB;
  assert.equal(heap.afterBatch(), true);
  assert.equal(heap.collections, 2);
  assert.equal(h.calls, 2);
});

test('a heap whose live data grows is collected at each new margin, not at every batch', () => {
  // live data grows by 10 MB between batches and nothing is garbage
  const h = fakeHeap(40 * MB, (used) => used);
  const heap = new WorkerHeap(h, 24 * MB);
  for (let i = 0; i < 12; i++) {
    h.used += 10 * MB;
    heap.afterBatch();
  }
  // 160 MB reached: collections at 70, 100, 130, 160
  assert.equal(heap.collections, 4);
});

test('without a collector it asks once and stops', () => {
  const h = fakeHeap(40 * MB, () => false);
  const heap = new WorkerHeap(h, 24 * MB);
  h.used = 100 * MB;
  assert.equal(heap.afterBatch(), false);
  h.used = 500 * MB;
  assert.equal(heap.afterBatch(), false);
  assert.equal(h.calls, 1);
  assert.equal(heap.collections, 0);
});

test('with V8 itself: a heap holding garbage is collected back down', () => {
  const heap = new WorkerHeap(undefined, 8 * MB);
  let keep: unknown[] = [];
  for (let i = 0; i < 400_000; i++) keep.push({ i, s: `item ${i}` });
  const used = getHeapStatistics().used_heap_size;
  keep = [];
  assert.equal(keep.length, 0);
  assert.equal(heap.afterBatch(), true);
  assert.ok(getHeapStatistics().used_heap_size < used - 8 * MB);
});
