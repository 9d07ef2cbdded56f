#!/usr/bin/env node
// Layer "e2e": Corroborate's mocha suite (test/e2e/suite/) inside a real VS Code extension host, offline.
//
//   node test/e2e/runExtensionTests.mjs            (from the repo root, after `node esbuild.mjs`)
//
// Uses @vscode/test-electron's runTests() as a project would with desktop VS Code; the executable it launches is
// test/e2e/code-server-shim.mjs, which runs the suite in code-server 4.100.3 (VS Code 1.100.3) through headless
// Chromium. Needs `bash scripts/install-code-server.sh` to have run; installs nothing itself.
//
// Environment: CORROBORATE_E2E_FAIL=1 adds a test that fails on purpose (proves failures reach the exit code);
// CORROBORATE_E2E_GREP=<regex> runs only matching tests; CORROBORATE_E2E_KEEP=1 keeps the run folders;
// VSCODE_TEST_TIMEOUT (seconds, default 240).
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { E2E_DIR, REPO_ROOT, checkPrerequisites, copyWorkspace, log, makeRunDir, onAbort, stopChildren } from './lib.mjs';

const say = (...m) => log('e2e', ...m);
const started = Date.now();

function finish(passed, failed, code) {
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

try {
  checkPrerequisites();
} catch (e) {
  console.error(String(e.message ?? e));
  finish(0, 1, 1);
}

const run = makeRunDir('e2e');
// The compiled suite must live inside the extension's folder: the extension host resolves `require('vscode')`
// for files that belong to the extension under development, and `mocha` from the repo's node_modules.
// .vscode-test/ is git-ignored.
fs.mkdirSync(path.join(REPO_ROOT, '.vscode-test'), { recursive: true });
const outDir = fs.mkdtempSync(path.join(REPO_ROOT, '.vscode-test', 'e2e-suite-'));
const workspace = copyWorkspace(path.join(run.base, 'workspace'));
const resultsFile = path.join(run.base, 'results.json');

function cleanup() {
  if (process.env.CORROBORATE_E2E_KEEP) {
    say(`kept ${run.base} and ${outDir}`);
    return;
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  run.remove();
}
// Interrupted (SIGTERM/SIGINT/crash): stop the shim first (it kills its code-server and Chromium groups on SIGTERM),
// then remove the folders it was using.
const removeAbortHandlers = onAbort(async () => {
  await stopChildren();
  cleanup();
}, 1);

let exitCode = 1;
try {
  const suiteDir = path.join(E2E_DIR, 'suite');
  const entryPoints = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(suiteDir, f));
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: false, // one module per file: mocha loads the *.test.js files itself
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  say(`suite compiled to ${path.relative(REPO_ROOT, outDir)} (${entryPoints.length} files)`);

  const shim = path.join(E2E_DIR, 'code-server-shim.mjs');
  if ((fs.statSync(shim).mode & 0o111) === 0) fs.chmodSync(shim, 0o755); // runTests spawns it directly
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${run.userData}`, `--extensions-dir=${run.extensions}`],
      // (the shim makes its own private TMPDIR/XDG dirs: nesting them here would make code-server's socket paths
      // longer than the 107 characters a unix socket path may have)
      extensionTestsEnv: {
        CORROBORATE_E2E_RESULTS: resultsFile,
        CORROBORATE_E2E_WORKSPACE: workspace,
      },
    });
    exitCode = 0;
  } catch (e) {
    console.error(`runTests: ${e.message ?? e}`);
    exitCode = 1;
  }
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  removeAbortHandlers();
}

let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = r.passed;
  failed = r.failed;
  if (r.failures?.length) {
    console.log('\nfailed tests:');
    for (const f of r.failures) console.log(`  - ${f.title}\n      ${String(f.message).split('\n').join('\n      ')}`);
  }
} else {
  console.error('e2e: the suite reported no results (the extension host never ran it to the end)');
  failed = Math.max(1, failed);
}
if (exitCode === 0 && failed > 0) exitCode = 1;
if (exitCode !== 0 && failed === 0) failed = 1; // e.g. a crash after the suite: still a failure
cleanup();
finish(passed, failed, exitCode);
