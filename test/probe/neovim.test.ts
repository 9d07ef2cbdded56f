/**
 * Drives the real language server from Neovim's own LSP client through ../shared/tools/lsp-probe (a
 * client nobody here wrote). Skipped, saying why, where that folder or nvim is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const probe = path.resolve(root, '..', 'shared', 'tools', 'lsp-probe', 'lsp-probe.sh');
const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const skip = !existsSync(probe) ? `${probe} is absent` : !hasNvim ? 'nvim is not installed (apt-get install neovim)' : false;

test('Neovim: hover, definition and diagnostics on a draft', { skip, timeout: 60000 }, () => {
  const draft = path.join(root, 'test/acceptance/cases/drafts/paris.md');
  const out = execFileSync(
    'bash',
    [
      probe,
      '--server',
      // as a user's config would: the launcher, which starts the server with the extension's Node options
      `node ${path.join(root, 'bin/corroborate-ls.js')} --stdio`,
      '--file',
      draft,
      '--hover',
      '5:3',
      '--hover',
      '7:35',
      '--definition',
      '5:3',
      '--diag-wait',
      '15000',
      '--timeout',
      '50',
    ],
    {
      encoding: 'utf8',
      cwd: root,
    },
  );
  const r = JSON.parse(out);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.match(r.hover[0].text, /Abdelhamid Abaaoud/);
  assert.match(r.hover[0].text, /Reuters/);
  assert.match(r.hover[1].text, /Syria/);
  assert.ok(r.definition[0].locations.length >= 1, 'definition answers locations');
  assert.ok(
    r.definition[0].locations.every((l: { uri: string }) => l.uri.includes('/corpus/')),
    'definitions point into the corpus',
  );
  const codes = r.diagnostics.push.diagnostics.map((d: { code: string }) => d.code);
  assert.ok(codes.includes('disputed-claim'), `diagnostics: ${codes}`);
});
