#!/usr/bin/env node
// Builds, packages the .vsix, and checks the sample drafts on the bundled corpus, printing the findings.
import { spawnSync } from 'node:child_process';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
};
if (run('node', ['esbuild.mjs', '--production'])) process.exit(1);
if (
  run('npx', [
    '--no-install',
    'vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--skip-license',
    '--no-rewrite-relative-links',
    '-o',
    'corroborate.vsix',
  ])
)
  process.exit(1);
console.log('\nChecking the sample drafts against the bundled corpus:\n');
const code = run('node', [
  'bin/corroborate.js',
  'check',
  '--fail-on',
  'never',
  'test/acceptance/cases/drafts/brussels.md',
  'test/acceptance/cases/drafts/paris.md',
  'test/acceptance/cases/drafts/spelling.txt',
]);
console.log('\nInstall in VS Code with: code --install-extension corroborate.vsix');
process.exit(code);
