/** A corpus that could not be indexed is an error of the CLI, never an empty answer that reads as "nothing disputed". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import { CorpusIndex } from '../../server/src/core/index';

test(
  'a rebuild that fails makes `check` and `entities` exit 2 with the reason, not answer from an empty index',
  { timeout: 60000 },
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-fail-'));
    const drafts = mkdtempSync(path.join(tmpdir(), 'corroborate-fail-draft-'));
    const original = CorpusIndex.prototype.rebuildInSlices;
    const write = process.stderr.write.bind(process.stderr);
    let stderr = '';
    try {
      writeFileSync(
        path.join(dir, 'a.md'),
        '---\ntitle: Harbour fire\noutlet: Coastal Courier\npublished: 2021-04-02\n---\n\nMarta Quillon said the Veldhaven harbour fire destroyed three warehouses.\n',
      );
      const draft = path.join(drafts, 'draft.md');
      writeFileSync(draft, 'Marta Quillon said the fire destroyed four warehouses.\n');
      CorpusIndex.prototype.rebuildInSlices = () => Promise.reject(new TypeError('boom is not a function'));
      process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
      for (const command of ['check', 'entities']) {
        stderr = '';
        const code = await main([command, '--no-bundled', '--corpus', dir, '--format', 'json', draft]);
        assert.equal(code, 2, `${command}: ${stderr}`);
        assert.match(stderr, /the corpus could not be indexed .*boom is not a function/);
      }
    } finally {
      process.stderr.write = write;
      CorpusIndex.prototype.rebuildInSlices = original;
      rmSync(dir, { recursive: true, force: true });
      rmSync(drafts, { recursive: true, force: true });
    }
  },
);
