/**
 * A small pool of worker threads (dist/indexWorker.js) for cold indexing. The workers take batches of files
 * themselves from a shared counter (Atomics on a SharedArrayBuffer), so they keep analysing while the main
 * thread is busy (rebuilding the derived index, answering requests); plain results come back as messages and
 * the main thread stays free to answer requests between them. A batch whose worker died is analysed in this
 * thread; with no worker at all, this thread takes batches from the same counter.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { loadAndAnalyse, type FileResult } from './work';

const BATCH = 8;

/** Shared state: [0] the next batch to take, [1] 1 when cancelled. */
export interface PoolStart {
  batches: string[][];
  maxBytes?: number;
  shared: SharedArrayBuffer;
}

export type WorkerMessage = { batch: number; results: FileResult[] } | { idle: true };

export async function runInWorkers(
  script: string,
  workers: number,
  files: string[],
  maxBytes: number | undefined,
  /** `copied`: the result came from a worker (a structured-clone copy), not from this thread */
  onResult: (r: FileResult, copied: boolean) => void,
  cancelled: () => boolean,
): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  if (!batches.length) return;
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  const answered = new Uint8Array(batches.length);
  const pool: Worker[] = [];

  const analyseHere = async (b: number) => {
    if (answered[b]) return;
    answered[b] = 1;
    for (const f of batches[b]) {
      if (cancelled()) return;
      onResult(loadAndAnalyse(f, maxBytes), false);
      // (the read is synchronous: a turn of the event loop between files, so that requests are answered meanwhile)
      await nextTurn();
    }
  };

  await new Promise<void>((resolve) => {
    let live = 0;
    const check = () => {
      if (cancelled()) Atomics.store(state, 1, 1);
      if (live > 0) return;
      void (async () => {
        // no worker left: batches taken by a dead worker and never answered, then whatever is left
        for (let b = 0; b < batches.length && !cancelled(); b++) if (b < Atomics.load(state, 0)) await analyseHere(b);
        for (let b = Atomics.add(state, 0, 1); b < batches.length && !cancelled(); b = Atomics.add(state, 0, 1)) await analyseHere(b);
        resolve();
      })();
    };
    for (let i = 0; i < Math.max(1, workers); i++) {
      let w: Worker;
      try {
        w = new Worker(script);
      } catch {
        continue;
      }
      pool.push(w);
      live++;
      let gone = false;
      const end = () => {
        if (gone) return;
        gone = true;
        live--;
        void w.terminate();
        check();
      };
      w.on('message', (msg: WorkerMessage) => {
        if ('batch' in msg) {
          if (!answered[msg.batch]) {
            answered[msg.batch] = 1;
            if (!cancelled()) for (const r of msg.results) onResult(r, true);
          }
          if (cancelled()) Atomics.store(state, 1, 1);
        } else end();
      });
      w.on('error', end);
      w.on('exit', end);
      const start: PoolStart = { batches, maxBytes, shared };
      w.postMessage(start);
    }
    check();
  });
}
