import { getHeapStatistics } from 'node:v8';
import { collector } from '../lsp/heapPolicy';

/**
 * How much an indexing worker's heap may grow past what its last full collection left before it collects again.
 *
 * A worker's live data is its analysers' word caches and the batch at hand: ~40 MB at the start of a first indexing of
 * 10,000 articles, ~50–65 MB at its end. Left to V8, a worker's heap grew to 136–152 MB (two of them, beside the main
 * thread's heap, made the peak of that indexing), as V8 lets an old generation grow to a multiple of its live data
 * before marking it. With this margin, each worker made 3–4 full collections in that indexing, ~100–160 ms in all, and
 * its heap stayed under ~95 MB; the analysis took ~6% more CPU in alternated runs, V8's own collections coming sooner
 * after each of these.
 */
export const WORKER_HEAP_MARGIN_BYTES = 24 * 1048576;

export interface WorkerHeapHooks {
  /** bytes of heap in use (live and garbage) */
  usedHeap(): number;
  /** a full collection, now; false when no collector could be had */
  collect(): boolean;
}

const v8Hooks: WorkerHeapHooks = {
  usedHeap: () => getHeapStatistics().used_heap_size,
  collect: () => {
    const gc = collector();
    if (!gc) return false;
    // (no options: with any, even a full synchronous one, V8 scans this thread's stack conservatively and here kept
    // most of a heap of garbage)
    gc();
    return true;
  },
};

/**
 * Keeps a worker's heap near its live data: call `afterBatch` between batches (the worker has nothing else to do then,
 * so a synchronous collection holds nobody up). Collects when the heap has grown by the margin since the last time.
 */
export class WorkerHeap {
  private live: number;
  collections = 0;

  constructor(
    private readonly hooks: WorkerHeapHooks = v8Hooks,
    private readonly margin = WORKER_HEAP_MARGIN_BYTES,
  ) {
    this.live = hooks.usedHeap();
  }

  /** Whether it collected. */
  afterBatch(): boolean {
    if (this.hooks.usedHeap() <= this.live + this.margin) return false;
    if (!this.hooks.collect()) {
      // no collector: stop asking
      this.live = Infinity;
      return false;
    }
    this.collections++;
    this.live = this.hooks.usedHeap();
    return true;
  }
}
