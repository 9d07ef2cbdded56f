/**
 * Worker thread of the indexer (dist/indexWorker.js): reads and analyses the files it is sent and posts back
 * plain data. Messages in: { batch: number, files: string[], maxBytes?: number }. Out: { batch, results }.
 */
import { parentPort } from 'node:worker_threads';
import { loadAndAnalyse, type FileResult } from '../indexing/work';

parentPort?.on('message', async (msg: { batch: number; files: string[]; maxBytes?: number }) => {
  const results: FileResult[] = [];
  for (const file of msg.files) {
    try {
      results.push(await loadAndAnalyse(file, msg.maxBytes));
    } catch (err) {
      results.push({ file, problem: { path: file, reason: `could not be analysed: ${(err as Error).message}` }, warnings: [] });
    }
  }
  parentPort!.postMessage({ batch: msg.batch, results });
});
