/** A corpus folder with bad files: the good ones are indexed, each bad one is named with its reason on stderr. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

test('bad corpus files are skipped by name and reason; the rest is indexed; nothing on disk changes', { timeout: 60000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-bad-'));
  try {
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait in Gh\xe9zala.\n', 'latin1'));
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    writeFileSync(
      path.join(dir, 'good.md'),
      '---\ntitle: Harbour fire\noutlet: Coastal Courier\npublished: 2021-04-02\n---\n\nFirefighter Marta Quillon said the Veldhaven harbour fire destroyed three warehouses.\n',
    );
    const hash = (f: string) =>
      createHash('sha256')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex');
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, hash(f)]));
    const draft = path.join(dir, 'draft.md');
    writeFileSync(draft, 'Marta Quillon spoke about the fire.\n');
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin/corroborate.js'), 'entities', '--no-bundled', '--corpus', dir, '--format', 'json', draft],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /empty\.txt: empty file/);
    assert.match(r.stderr, /binary\.txt: binary file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
    assert.match(r.stderr, /huge\.txt: too large \(20\.0 MB/);
    const mentions = JSON.parse(r.stdout) as { text: string; entity: { name: string; type: string } }[];
    assert.ok(
      mentions.some((m) => m.entity.name === 'Marta Quillon' && m.entity.type === 'person'),
      JSON.stringify(mentions),
    );
    for (const [f, h] of Object.entries(before)) assert.equal(hash(f), h, `${f} changed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
