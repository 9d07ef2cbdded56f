/**
 * Worker thread of the indexer (dist/indexWorker.js). It is started with { batches, maxBytes, shared } and takes
 * batch numbers itself from the shared counter (`shared[0]`, Atomics) until none is left or the indexer cancels
 * (`shared[1]` = 1), so it never waits for the main thread. For each batch it reads and analyses the files and
 * posts back plain data: { batch, results }; when done, { idle: true }. Between batches it keeps its heap near its
 * live data (`WorkerHeap`).
 */
import { parentPort } from 'node:worker_threads';
import { loadAndAnalyse, type FileResult } from '../indexing/work';
import type { PoolStart, WorkerMessage } from '../indexing/pool';
import { WorkerHeap } from '../indexing/workerHeap';

parentPort?.once('message', async (msg: PoolStart) => {
  const state = new Int32Array(msg.shared);
  const heap = new WorkerHeap();
  for (let b = Atomics.add(state, 0, 1); b < msg.batches.length && Atomics.load(state, 1) === 0; b = Atomics.add(state, 0, 1)) {
    const results: FileResult[] = [];
    for (const file of msg.batches[b]) {
      try {
        results.push(loadAndAnalyse(file, msg.maxBytes));
      } catch (err) {
        results.push({ file, problem: { path: file, reason: `could not be analysed: ${(err as Error).message}` }, warnings: [] });
      }
    }
    parentPort!.postMessage({ batch: b, results } satisfies WorkerMessage);
    heap.afterBatch();
  }
  parentPort!.postMessage({ idle: true } satisfies WorkerMessage);
});
