/** `corroborate entities`: each name of a draft with the entity it is and how many sources name it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

test('the text listing names each entity with its type and its number of sources, "source" for one', { timeout: 60000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-entities-'));
  // (the draft beside the corpus folder, not in it)
  const drafts = mkdtempSync(path.join(tmpdir(), 'corroborate-entities-draft-'));
  try {
    const article = (outlet: string, body: string) =>
      `---\ntitle: Harbour fire\noutlet: ${outlet}\npublished: 2021-04-02\n---\n\n${body}\n`;
    writeFileSync(
      path.join(dir, 'a.md'),
      article('Coastal Courier', 'Firefighter Marta Quillon said the Veldhaven harbour fire destroyed three warehouses.'),
    );
    writeFileSync(path.join(dir, 'b.md'), article('Harbour Radio', 'Marta Quillon, a firefighter, said the fire started at night.'));
    writeFileSync(path.join(dir, 'c.md'), article('Valley Times', 'The mayor of Ostrava Nord, Piet Kessling, visited the harbour.'));
    const draft = path.join(drafts, 'draft.md');
    writeFileSync(draft, 'Marta Quillon and Piet Kessling spoke about the fire.\n');
    const r = spawnSync(process.execPath, [path.join(root, 'bin/corroborate.js'), 'entities', '--no-bundled', '--corpus', dir, draft], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `${draft}:1:1: Marta Quillon → Marta Quillon (person, 2 sources)`,
      `${draft}:1:19: Piet Kessling → Piet Kessling (person, 1 source)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(drafts, { recursive: true, force: true });
  }
});
