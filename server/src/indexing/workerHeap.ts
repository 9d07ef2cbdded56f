import { getHeapStatistics } from 'node:v8';
import { collector } from '../lsp/heapPolicy';

/**
 * How much an indexing worker's heap may grow past what its last full collection left before it collects again.
 *
 * A worker's live data is its analysers' word caches and the batch at hand: ~40 MB at the start of a first indexing of
 * 10,000 articles, ~50–65 MB at its end. Left to V8, a worker's heap grew to 136–152 MB (two of them, beside the main
 * thread's heap, made the peak of that indexing), as V8 lets an old generation grow to a multiple of its live data
 * before marking it. The margin trades that memory against time. With 24 MB, each worker made 8 full collections in
 * that indexing, and V8's own came sooner after each (its background threads then took ~9 s of CPU, against ~5 s with
 * none forced). With 48 MB (twenty-second session), in alternated runs:
 * - the two workers alone over the 10,000 files: 30.1–38.2 s of CPU against 34.9–46.5 s (six runs each), peak RSS
 *   381–409 MB against 364–389;
 * - a first indexing and a watched change (`bench:phases`, four pairs): ready after 22.4–24.8 s against 24.7–25.9 s,
 *   52.1–55.5 s of CPU in all against 56.4–59.4, the analysis's peak 538–551 MB against 489–544.
 * With no collection forced: not clearly faster, and 546–572 MB (docs/performance.md, twenty-second session).
 */
export const WORKER_HEAP_MARGIN_BYTES = 48 * 1048576;

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
