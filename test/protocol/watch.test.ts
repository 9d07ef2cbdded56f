/** The server watches its corpus folders: adding, changing and deleting a source updates the index and the findings. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestClient, withTimeout } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-watch-'));
const corpusDir = path.join(dir, 'sources');
const draftsDir = path.join(dir, 'drafts');
for (const d of [corpusDir, draftsDir, path.join(corpusDir, 'empty')]) mkdirSync(d);
const client = new TestClient({ corpus: { paths: ['sources'], includeBundled: false } }, dir);
after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

function waitForStatus(pred: (s: { state: string; sources: number }) => boolean): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      const d = client.conn.onNotification('corroborate/status', (s: { state: string; sources: number }) => {
        if (pred(s)) {
          d.dispose();
          resolve();
        }
      });
    }),
    20000,
    'status',
  );
}

test('a source added, changed and removed while the server runs', { timeout: 60000 }, async () => {
  writeFileSync(
    path.join(corpusDir, 'a.md'),
    '---\ntitle: Bridge\noutlet: River Times\n---\n\nEngineer Talia Brennwald said the Oxley bridge reopened on Monday.\n',
  );
  await client.start();
  const card = async () =>
    (
      (await client.conn.sendRequest('corroborate/searchEntities', { query: 'Talia Brennwald' })) as { name: string; sourceCount: number }[]
    )[0];
  assert.equal((await card())?.name, 'Talia Brennwald');
  assert.equal((await card()).sourceCount, 1);

  let ready = waitForStatus((s) => s.state === 'ready' && s.sources === 2);
  writeFileSync(path.join(corpusDir, 'b.txt'), 'Bridge closed again\n\nTalia Brennwald said the Oxley bridge would close for repairs.\n');
  await ready;
  assert.equal((await card()).sourceCount, 2);

  ready = waitForStatus((s) => s.state === 'ready' && s.sources === 1);
  unlinkSync(path.join(corpusDir, 'b.txt'));
  await ready;
  assert.equal((await card()).sourceCount, 1);

  // a folder that was empty at start (each folder is watched, not each file)
  ready = waitForStatus((s) => s.state === 'ready' && s.sources === 2);
  writeFileSync(path.join(corpusDir, 'empty', 'c.txt'), 'Bridge works\n\nTalia Brennwald said the Oxley bridge works would end in May.\n');
  await ready;
  assert.equal((await card()).sourceCount, 2);

  // folders made after start, with a source two levels down
  ready = waitForStatus((s) => s.state === 'ready' && s.sources === 3);
  mkdirSync(path.join(corpusDir, 'later', 'deeper'), { recursive: true });
  writeFileSync(path.join(corpusDir, 'later', 'deeper', 'd.txt'), 'Bridge reopens\n\nTalia Brennwald said the Oxley bridge reopened.\n');
  await ready;
  assert.equal((await card()).sourceCount, 3);

  // and a source changed in it afterwards
  ready = waitForStatus((s) => s.state === 'ready' && s.sources === 3);
  writeFileSync(
    path.join(corpusDir, 'later', 'deeper', 'd.txt'),
    'Bridge reopens\n\nEngineer Piet Oosterhuis said the Oxley bridge reopened.\n',
  );
  await ready;
  assert.equal((await card()).sourceCount, 2);
});
