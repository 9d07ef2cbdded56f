/** Listing a corpus in the listing worker (a warm start): the same files, problems, folders and stat signatures as in
 * this thread, and the listing made in this thread when the worker cannot give one (needs dist/listWorker.js). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listInWorker, listWithSignatures, type ListRequest, type Listing } from '../../../server/src/indexing/lister';
import { excludeMatcher, NOTHING } from '../../../server/src/corpus/glob';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'dist', 'listWorker.js');

function corpus(t: { after(fn: () => void): void }): ListRequest {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-lister-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['c/a.txt', 'c/b.md', 'c/b.meta.json', 'c/sub/c.html', 'c/sub/skip.md', 'c/x.pdf', 'c/.git/g.txt', 'other/d.txt']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), `Title of ${f}\n\nSome text.\n`);
  }
  symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'c', 'broken.txt'));
  symlinkSync(path.join(dir, 'other'), path.join(dir, 'c', 'linked'));
  return { roots: ['c', 'missing', 'other/*.txt'], exclude: ['skip.md'], base: dir };
}

/** a listing without the times its signatures were taken (the two listings are taken at different moments) */
const comparable = (l: Listing) => ({ ...l, sigs: l.sigs.map((s) => s && { sig: s.sig, changedMs: s.changedMs }) });

test(
  'the listing worker lists what this thread lists, with the same stat signatures',
  { skip: !existsSync(script) && 'dist/listWorker.js not built' },
  async (t) => {
    const req = corpus(t);
    const here = await listWithSignatures(req);
    const logs: string[] = [];
    const there = await listInWorker(script, req, (m) => logs.push(m));
    assert.deepEqual(logs, [], 'listed in the worker');
    assert.deepEqual(comparable(there), comparable(here));
    // what is listed: sources, the sidecar's source but not the sidecar, through the link once, nothing excluded
    assert.deepEqual(
      here.files.map((f) => path.relative(req.base, f)),
      ['c/a.txt', 'c/b.md', 'c/linked/d.txt', 'c/sub/c.html'],
    );
    assert.deepEqual(
      here.problems.map((p) => [path.relative(req.base, p.path), p.reason]),
      [
        ['c/broken.txt', 'broken symbolic link'],
        ['missing', 'file or folder not found'],
      ],
    );
    assert.equal(here.sigs.length, here.files.length);
    assert.ok(here.sigs.every((s) => s && /^\d+:\d+:\d+:\d+\|none$|^\d+:\d+:\d+:\d+\|\d+:\d+:\d+:\d+$/.test(s.sig)));
    assert.match(here.sigs[1]!.sig, /\|\d+:/, "b.md's signature includes its sidecar's");
  },
);

test('a listing worker that cannot be started, or ends without a listing, leaves the listing to this thread', async (t) => {
  const req = corpus(t);
  const here = comparable(await listWithSignatures(req));
  const logs: string[] = [];
  const missing = await listInWorker(path.join(req.base, 'no-such-worker.js'), req, (m) => logs.push(m));
  assert.deepEqual(comparable(missing), here);
  const silent = path.join(req.base, 'silent.js');
  writeFileSync(silent, '// ends at once, without an answer\n');
  const ended = await listInWorker(silent, req, (m) => logs.push(m));
  assert.deepEqual(comparable(ended), here);
  const failing = path.join(req.base, 'failing.js');
  writeFileSync(failing, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('disk on fire'); });\n");
  const failed = await listInWorker(failing, req, (m) => logs.push(m));
  assert.deepEqual(comparable(failed), here);
  assert.equal(logs.length, 3);
  assert.ok(
    logs.every((l) => l.startsWith('corpus listed in the main thread: the listing worker')),
    logs.join('\n'),
  );
  assert.match(logs[2], /disk on fire/);
});

test('no exclude pattern matches nothing, without looking at the path', () => {
  assert.equal(excludeMatcher([]), NOTHING);
  assert.equal(excludeMatcher(['  ', '/']), NOTHING);
  assert.equal(excludeMatcher(['drafts'])('a/drafts/x.md'), true);
});
