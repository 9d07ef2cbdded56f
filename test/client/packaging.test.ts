import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '../..');

test('the .vsix carries every bundle the extension loads at run time, and the bundled corpus', { timeout: 60000 }, () => {
  // what `npm run package` would put in the package (no network: vsce only lists the folder)
  const files = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // the client starts dist/server.js; the server starts its indexing workers from dist/indexWorker.js beside it
  // (without it, an installed extension indexed in one thread), and lists the corpus at a warm start in
  // dist/listWorker.js
  for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/indexWorker.js', 'dist/listWorker.js'])
    assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  assert.ok(
    files.some((f) => f.startsWith('corpus/seeds/') && f.endsWith('.txt')),
    'the bundled corpus',
  );
  assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('server/src/')), 'no tests or sources');
});
