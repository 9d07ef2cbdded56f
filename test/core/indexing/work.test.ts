/** Content keys and stat signatures: what decides whether a file's cached analysis still holds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { keyOfFile, statSignature } from '../../../server/src/indexing/work';

function folder(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-work-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a content key follows the bytes of the file and of its sidecar, and nothing else', (t) => {
  const dir = folder(t);
  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  writeFileSync(a, 'Title\n\nThe mayor opened the library.\n');
  writeFileSync(b, 'Title\n\nThe mayor opened the library.\n');
  const k = keyOfFile(a, 1024);
  assert.match(k ?? '', /^[0-9a-f]{64}:none$/);
  assert.equal(keyOfFile(b, 1024), k, 'the same bytes elsewhere: the same key');
  writeFileSync(path.join(dir, 'a.meta.json'), '{"outlet":"Town Crier"}');
  const withSidecar = keyOfFile(a, 1024);
  assert.notEqual(withSidecar, k);
  assert.equal(withSidecar?.split(':')[0], k?.split(':')[0]);
  writeFileSync(path.join(dir, 'a.meta.json'), '{"outlet":"Other"}');
  assert.notEqual(keyOfFile(a, 1024), withSidecar);
  writeFileSync(a, 'Title\n\nThe mayor closed the library.\n');
  assert.notEqual(keyOfFile(a, 1024)?.split(':')[0], k?.split(':')[0]);
});

test('no key for a file that is gone, over the size limit, a device or a FIFO (never waited on)', (t) => {
  const dir = folder(t);
  const f = path.join(dir, 'a.txt');
  writeFileSync(f, 'x'.repeat(2000));
  assert.equal(keyOfFile(f, 1000), undefined);
  assert.ok(keyOfFile(f, 4000));
  unlinkSync(f);
  assert.equal(keyOfFile(f, 4000), undefined);
  const zero = path.join(dir, 'zero.txt');
  symlinkSync('/dev/zero', zero);
  assert.equal(keyOfFile(zero, 4000), undefined);
  try {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  } catch {
    return; // no mkfifo here: the device above is the same kind of file
  }
  assert.equal(keyOfFile(path.join(dir, 'pipe.txt'), 4000), undefined);
  // a FIFO as the sidecar: keyed as no sidecar (the loader ignores it too), not waited on
  const g = path.join(dir, 'b.txt');
  writeFileSync(g, 'Title\n\nText.\n');
  const alone = keyOfFile(g, 4000);
  execFileSync('mkfifo', [path.join(dir, 'b.meta.json')]);
  assert.equal(keyOfFile(g, 4000), alone);
});

test('a stat signature names the sidecar when there is one, and none for a missing file', (t) => {
  const dir = folder(t);
  const f = path.join(dir, 'a.txt');
  writeFileSync(f, 'Title\n\nText.\n');
  const alone = statSignature(f);
  assert.match(alone?.sig ?? '', /\|none$/);
  writeFileSync(path.join(dir, 'a.meta.json'), '{}');
  const paired = statSignature(f);
  assert.doesNotMatch(paired?.sig ?? '', /\|none$/);
  assert.equal(paired?.sig.split('|')[0], alone?.sig.split('|')[0]);
  assert.equal(statSignature(path.join(dir, 'gone.txt')), undefined);
});
