/**
 * Worker thread that lists a corpus (dist/listWorker.js): started with a `ListRequest`, it walks the corpus folders as
 * `listCorpusFiles` does and takes each listed file's stat signature, posts one `Listing` and ends. A warm start runs
 * it beside the main thread's read of the index snapshot, which the listing's content keys then confirm (the two took
 * about a quarter and a half of a warm start at 10,000 articles, one after the other).
 */
import { parentPort } from 'node:worker_threads';
import { listWithSignatures, type ListRequest } from '../indexing/lister';

parentPort?.once('message', (req: ListRequest) => {
  listWithSignatures(req).then(
    (listing) => parentPort!.postMessage({ listing }),
    (err: unknown) => parentPort!.postMessage({ error: (err as Error)?.message ?? String(err) }),
  );
});
