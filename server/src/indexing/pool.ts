/**
 * A small pool of worker threads (dist/indexWorker.js) for cold indexing: files go out in batches, plain
 * results come back, and the main thread stays free to answer requests between messages.
 */
import { Worker } from 'node:worker_threads';
import { loadAndAnalyse, type FileResult } from './work';

const BATCH = 8;
const IN_FLIGHT = 2;

export async function runInWorkers(
  script: string,
  workers: number,
  files: string[],
  maxBytes: number | undefined,
  onResult: (r: FileResult) => void,
  cancelled: () => boolean,
): Promise<void> {
  const queue: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) queue.push(files.slice(i, i + BATCH));
  const total = queue.length;
  let done = 0;
  let batchId = 0;
  await new Promise<void>((resolve) => {
    const pool: Worker[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const w of pool) void w.terminate();
      resolve();
    };
    const fallback = async (batch: string[]) => {
      for (const f of batch) if (!cancelled()) onResult(await loadAndAnalyse(f, maxBytes));
    };
    const start = (w: Worker, inflight: Map<number, string[]>) => {
      while (inflight.size < IN_FLIGHT && queue.length && !cancelled()) {
        const files = queue.shift()!;
        const id = batchId++;
        inflight.set(id, files);
        w.postMessage({ batch: id, files, maxBytes });
      }
      if ((cancelled() || done === total) && !finished) finish();
    };
    for (let i = 0; i < Math.max(1, workers); i++) {
      let w: Worker;
      try {
        w = new Worker(script);
      } catch {
        continue;
      }
      pool.push(w);
      const inflight = new Map<number, string[]>();
      w.on('message', (msg: { batch: number; results: FileResult[] }) => {
        inflight.delete(msg.batch);
        if (!cancelled()) for (const r of msg.results) onResult(r);
        done++;
        start(w, inflight);
      });
      const lost = (why: unknown) => {
        // a crashed worker: its batches are done in this thread instead
        const pending = [...inflight.values()];
        inflight.clear();
        void (async () => {
          for (const b of pending) {
            await fallback(b);
            done++;
          }
          while (queue.length && pool.every((p) => p === w)) {
            await fallback(queue.shift()!);
            done++;
          }
          if (done === total || cancelled()) finish();
        })();
        void why;
      };
      w.on('error', lost);
      w.on('exit', (code) => {
        if (code !== 0 && !finished) lost(code);
      });
      start(w, inflight);
    }
    if (!pool.length) {
      void (async () => {
        while (queue.length && !cancelled()) await fallback(queue.shift()!);
        finish();
      })();
    }
    if (total === 0) finish();
  });
}
