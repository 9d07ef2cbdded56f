import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync, openSync, closeSync, unlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadSourceFile } from '../../server/src/corpus/load';
import { tempDir } from './helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

test('a file over the limit is refused from its size, without reading it', async (t) => {
  const dir = tempDir(t);
  const f = path.join(dir, 'huge.txt');
  closeSync(openSync(f, 'w'));
  truncateSync(f, 20 * 1024 * 1024); // sparse: no 20 MB written
  const r = loadSourceFile(f);
  assert.deepEqual(r.problem, { path: f, reason: 'too large (20.0 MB; the limit is 8 MB)' });
  const r2 = loadSourceFile(f, { maxBytes: 1024 * 1024 });
  assert.equal(r2.problem?.reason, 'too large (20.0 MB; the limit is 1 MB)');
});

test('a single 10 MB line under the limit loads quickly', async (t) => {
  const dir = tempDir(t);
  const f = path.join(dir, 'one-line.txt');
  const unit = 'The council [approved](x) the budget by 7 votes to 2, officials said (according to the minutes) ';
  writeFileSync(f, unit.repeat(Math.ceil((10 * 1000 * 1000) / unit.length)));
  const t0 = Date.now();
  const r = loadSourceFile(f, { maxBytes: 16 * 1024 * 1024 });
  const ms = Date.now() - t0;
  assert.equal(r.problem, undefined);
  assert.equal(r.source!.prose.length, 1);
  assert.ok(r.source!.text.length >= 10_000_000);
  assert.ok(ms < 5000, `took ${ms} ms`);
  // a 10 MB run of "[" (a classic quadratic-regex trap) as well
  const g = path.join(dir, 'brackets.md');
  writeFileSync(g, '# T\n\n' + '[('.repeat(5_000_000));
  const t1 = Date.now();
  const r3 = loadSourceFile(g, { maxBytes: 16 * 1024 * 1024 });
  assert.ok(r3.source);
  assert.ok(Date.now() - t1 < 5000, `took ${Date.now() - t1} ms`);
});

test('missing, directory, symlink loop and unreadable files are problems with reasons', async (t) => {
  const dir = tempDir(t);
  const gone = path.join(dir, 'gone.txt');
  writeFileSync(gone, 'Title\n\nText.\n');
  unlinkSync(gone); // deleted between listing and reading
  assert.deepEqual(loadSourceFile(gone).problem, { path: gone, reason: 'file not found (deleted or moved?)' });

  const sub = path.join(dir, 'folder.txt');
  mkdirSync(sub);
  assert.equal(loadSourceFile(sub).problem?.reason, 'is a directory, not a file');

  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  symlinkSync(b, a);
  symlinkSync(a, b);
  assert.equal(loadSourceFile(a).problem?.reason, 'symbolic link loop');

  assert.match(loadSourceFile(path.join(dir, 'x.pdf')).problem!.reason, /^unsupported file type \.pdf/);
});

test('a FIFO or a device named like a source (or its sidecar) is refused at once, never waited on', async (t) => {
  const dir = tempDir(t);
  const zero = path.join(dir, 'zero.txt');
  symlinkSync('/dev/zero', zero);
  assert.equal(loadSourceFile(zero).problem?.reason, 'not a regular file');
  let fifo: string | undefined;
  try {
    fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
  } catch {
    fifo = undefined; // no mkfifo here: the device above is the same kind of file
  }
  if (fifo) {
    // opened without waiting for a writer (a blocking open would hang this test)
    assert.equal(loadSourceFile(fifo).problem?.reason, 'not a regular file');
    const f = path.join(dir, 'story.txt');
    writeFileSync(f, 'A headline\n\nThe mayor opened the library.\n');
    execFileSync('mkfifo', [path.join(dir, 'story.meta.json')]);
    const r = loadSourceFile(f);
    assert.equal(r.source?.meta.title, 'A headline');
    assert.deepEqual(r.warnings, [{ path: path.join(dir, 'story.meta.json'), reason: 'sidecar ignored: not a regular file' }]);
  }
});

test('unreadable file (EACCES)', { skip: isRoot ? 'running as root: file permissions are not enforced' : false }, async (t) => {
  const dir = tempDir(t);
  const f = path.join(dir, 'secret.txt');
  writeFileSync(f, 'Title\n\nText.\n');
  chmodSync(f, 0o000);
  t.after(() => chmodSync(f, 0o600));
  assert.equal(loadSourceFile(f).problem?.reason, 'permission denied (cannot read the file)');
});

test('sidecar NAME.meta.json overrides metadata; bad sidecars are warnings; nothing is written', async (t) => {
  const dir = tempDir(t);
  const f = path.join(dir, 'story.txt');
  writeFileSync(f, 'A headline from the file\n\nJune 2, 2019\n\nThe mayor opened the new library on Saturday.\n');
  writeFileSync(path.join(dir, 'story.meta.json'), JSON.stringify({ title: 'Library opens', outlet: 'Town Crier', kind: 'opinion', extra: 1 }));
  const before = readdirSync(dir).map((n) => [n, statSync(path.join(dir, n)).mtimeMs]);
  const r = loadSourceFile(f);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.source!.meta, { title: 'Library opens', outlet: 'Town Crier', kind: 'opinion', published: '2019-06-02' });
  assert.deepEqual(readdirSync(dir).map((n) => [n, statSync(path.join(dir, n)).mtimeMs]), before);

  writeFileSync(path.join(dir, 'story.meta.json'), '{ "title": ');
  const r2 = loadSourceFile(f);
  assert.equal(r2.source!.meta.title, 'A headline from the file');
  assert.equal(r2.warnings.length, 1);
  assert.equal(r2.warnings[0].path, path.join(dir, 'story.meta.json'));
  assert.match(r2.warnings[0].reason, /^sidecar ignored: not valid JSON/);

  writeFileSync(path.join(dir, 'story.meta.json'), JSON.stringify({ published: 12, kind: 'gossip' }));
  const r3 = loadSourceFile(f);
  assert.equal(r3.source!.meta.published, '2019-06-02');
  assert.equal(r3.warnings.length, 2);
});
