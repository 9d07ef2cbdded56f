/** A corpus file open in the editor: a bad one gets a source-error naming the reason; a good one is not checked as a draft. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-srcfiles-'));
const corpusDir = path.join(dir, 'sources');
mkdirSync(corpusDir);
writeFileSync(
  path.join(corpusDir, 'good.md'),
  '---\ntitle: Bridge\noutlet: River Times\n---\n\nIt is unclear whether engineer Talia Brennwald approved the Oxley bridge repairs.\n',
);
writeFileSync(path.join(corpusDir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait in Gh\xe9zala.\n', 'latin1'));
const client = new TestClient({ corpus: { paths: ['sources'], includeBundled: false } }, dir);
after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('bad corpus file: a source-error with the reason; good corpus file: no draft findings', { timeout: 30000 }, async () => {
  await client.start();
  const bad = path.join(corpusDir, 'latin1.txt');
  const r1 = await client.openFile(bad, readFileSync(bad, 'latin1'), 'plaintext');
  assert.equal(r1.diagnostics.diagnostics.length, 1);
  assert.equal(r1.diagnostics.diagnostics[0].code, 'source-error');
  assert.match(String(r1.diagnostics.diagnostics[0].message), /not valid UTF-8/);
  const good = path.join(corpusDir, 'good.md');
  const r2 = await client.openFile(good, readFileSync(good, 'utf8'), 'markdown');
  assert.deepEqual(r2.diagnostics.diagnostics, [], 'a source is not checked against itself as a draft');
  // the same sentence in a draft is a finding
  const draft = path.join(dir, 'draft.md');
  const r3 = await client.openFile(draft, 'Talia Brennwald approved the Oxley bridge repairs.\n', 'markdown');
  assert.ok(
    r3.diagnostics.diagnostics.some((d) => d.code === 'disputed-claim'),
    JSON.stringify(r3.diagnostics.diagnostics.map((d) => d.code)),
  );
});
