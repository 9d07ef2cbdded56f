/** Worker-thread indexing gives the same index as indexing in this thread (needs dist/indexWorker.js: built first). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusManager } from '../../../server/src/indexing/manager';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'dist', 'indexWorker.js');

test(
  'workers and the main thread build the same index, HTML offsets included',
  { skip: !existsSync(script) && 'dist/indexWorker.js not built' },
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-workers-test-'));
    try {
      for (let i = 0; i < 12; i++) {
        writeFileSync(
          path.join(dir, `n${i}.txt`),
          `Report ${i}\n\nMonday, 21 March 2016\n\nPolice said at least ${20 + i} people were killed in Brussels on Tuesday. Salah Abdeslam was arrested in Molenbeek.\n`,
        );
      }
      writeFileSync(
        path.join(dir, 'page.html'),
        '<html><head><title>Page</title></head><body><article><p>Officials in Zaventem said &amp; confirmed that 14 people died at the airport.</p></article></body></html>',
      );
      const roots = [dir, path.join(root, 'corpus')];
      const inThread = new CorpusManager({ workers: 0 });
      await inThread.configure({ roots, exclude: [] });
      const pooled = new CorpusManager({ workers: 2, workerScript: script, minFilesForWorkers: 1 });
      await pooled.configure({ roots, exclude: [] });
      assert.equal(pooled.stats?.analysed, inThread.stats?.analysed);
      assert.deepEqual([...pooled.index.sources.keys()], [...inThread.index.sources.keys()]);
      assert.deepEqual([...pooled.index.table.entities.keys()], [...inThread.index.table.entities.keys()]);
      assert.equal(pooled.index.claims.size, inThread.index.claims.size);
      assert.equal(pooled.index.disputes.length, inThread.index.disputes.length);
      const html = path.join(dir, 'page.html');
      const a = inThread.index.sources.get(html)!;
      const b = pooled.index.sources.get(html)!;
      assert.ok(a.fileOffset && b.fileOffset);
      const at = a.text.indexOf('confirmed');
      assert.equal(b.fileOffset!(at), a.fileOffset!(at));
      await pooled.dispose();
      await inThread.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('a worker that dies leaves its files to this thread: every file is still indexed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-workers-crash-'));
  try {
    for (let i = 0; i < 20; i++)
      writeFileSync(path.join(dir, `n${i}.txt`), `Note ${i}\n\nOfficials in Lisbon said ${i + 2} people were hurt.\n`);
    const crashing = path.join(dir, 'crash-worker.cjs');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('boom'); });\n");
    const inThread = new CorpusManager({ workers: 0 });
    await inThread.configure({ roots: [dir], exclude: [] });
    const pooled = new CorpusManager({ workers: 2, workerScript: crashing, minFilesForWorkers: 1 });
    await pooled.configure({ roots: [dir], exclude: [] });
    assert.equal(pooled.stats?.analysed, 20);
    assert.deepEqual([...pooled.index.sources.keys()], [...inThread.index.sources.keys()]);
    assert.equal(pooled.index.claims.size, inThread.index.claims.size);
    await pooled.dispose();
    await inThread.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
