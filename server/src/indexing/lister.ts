/**
 * Listing a corpus with each file's stat signature, in a worker thread (`dist/listWorker.js`) when there is one, so
 * that the main thread can read the index snapshot meanwhile; in this thread otherwise, or when the worker fails.
 */
import { Worker } from 'node:worker_threads';
import { listCorpusFiles } from '../corpus/walk';
import type { LoadProblem } from '../corpus/load';
import { statSignature, type StatSignature } from './statSignature';

export interface ListRequest {
  roots: string[];
  exclude: string[];
  confine?: string[];
  /** the folder relative roots are resolved against (the process's working folder) */
  base: string;
}

export interface Listing {
  files: string[];
  problems: LoadProblem[];
  folders: string[];
  /** each file's stat signature, taken after the walk (undefined where it could not be taken) */
  sigs: (StatSignature | undefined)[];
}

/** The listing and the signatures, in this thread. */
export async function listWithSignatures(req: ListRequest): Promise<Listing> {
  const { files, problems, folders } = await listCorpusFiles(req.roots, { exclude: req.exclude, confine: req.confine, base: req.base });
  return { files, problems, folders, sigs: files.map((f) => statSignature(f)) };
}

/**
 * The same, in a worker thread started from `script`; in this thread when the worker cannot be started, fails, or
 * ends without an answer (the reason goes to `log`).
 */
export function listInWorker(script: string, req: ListRequest, log: (msg: string) => void): Promise<Listing> {
  return new Promise<Listing>((resolve) => {
    let settled = false;
    let w: Worker;
    const fallBack = (why: string) => {
      if (settled) return;
      settled = true;
      log(`corpus listed in the main thread: ${why}`);
      void w?.terminate();
      resolve(listWithSignatures(req));
    };
    try {
      w = new Worker(script);
    } catch (err) {
      fallBack(`the listing worker could not be started (${(err as Error).message})`);
      return;
    }
    w.once('message', (msg: { listing?: Listing; error?: string }) => {
      if (!msg.listing) return fallBack(`the listing worker failed (${msg.error ?? 'no listing'})`);
      if (settled) return;
      settled = true;
      resolve(msg.listing);
      void w.terminate();
    });
    w.once('error', (err) => fallBack(`the listing worker failed (${err.message})`));
    w.once('exit', (code) => fallBack(`the listing worker exited (${code}) without a listing`));
    w.postMessage(req);
  });
}
