#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// runTests spawns `<executable> [launchArgs] --extensionTestsPath=... --extensionDevelopmentPath=...
// --user-data-dir=... --extensions-dir=... (+ Electron flags)` and takes its exit code as the result. code-server's
// CLI rejects the test flags, so this script:
//   1. starts a private code-server (its own process group, state under a private run folder),
//   2. opens the workbench in headless Chromium with the payload VS Code's web test harness uses
//      (extensionDevelopmentPath + extensionTestsPath), which makes the extension host load the extension under
//      development and call the suite's run(),
//   3. forwards the extension host's console (window.codeAutomationLog) to stdout and waits for
//      window.codeAutomationExit(code),
//   4. kills Chromium and code-server's process group and exits with the extension host's code.
// Environment: VSCODE_TEST_TIMEOUT (seconds, default 240), CODE_SERVER, CHROMIUM, CODE_SERVER_ARGS,
// CORROBORATE_E2E_VERBOSE=1 (also print the workbench's offline noise), CORROBORATE_E2E_KEEP=1 (keep the state).
import fs from 'node:fs';
import path from 'node:path';
import {
  checkPrerequisites,
  cleanupOnce,
  launchChromium,
  log,
  makeRunDir,
  onAbort,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './lib.mjs';

const say = (...m) => log('shim', ...m);

function parseArgs(argv) {
  const o = { dev: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      o.folder = a;
      continue;
    }
    const [, name, inline] = m;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(name);
    const value = takesValue ? (inline ?? argv[++i]) : undefined;
    if (name === 'extensionDevelopmentPath') o.dev.push(value);
    else if (name === 'extensionTestsPath') o.tests = value;
    else if (name === 'user-data-dir') o.userData = value;
    else if (name === 'extensions-dir') o.extensions = value;
    else o.ignored.push(a); // --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome, ...
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.tests || opts.dev.length === 0) {
  console.error('code-server-shim: need --extensionTestsPath and --extensionDevelopmentPath');
  process.exit(2);
}
try {
  checkPrerequisites({ needBuild: false });
} catch (e) {
  console.error(String(e.message ?? e));
  process.exit(2);
}

const timeoutSec = Number(process.env.VSCODE_TEST_TIMEOUT ?? 240);
// The workbench's own chatter on this offline machine (marketplace lookups, remote connection set-up); shown with
// CORROBORATE_E2E_VERBOSE=1.
const verbose = process.env.CORROBORATE_E2E_VERBOSE === '1';
const NOISE = /ENOTFOUND open-vsx\.org|Creating a socket|connection token|ChatSessionStore|\[remote-connection\]/;
const run = makeRunDir('shim');
const userData = opts.userData ?? run.userData;
const extensions = opts.extensions ?? run.extensions;
fs.mkdirSync(extensions, { recursive: true });
writeUserSettings(userData);

let server;
let browser;
const cleanup = cleanupOnce(run, () => ({ server, browser }), { say });
const removeAbortHandlers = onAbort(cleanup, 1);

// If runTests' process dies, nobody waits for us: clean up instead of running to the timeout.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parent) {
    say('parent process gone, stopping');
    cleanup().finally(() => process.exit(1));
  }
}, 1000);
orphanWatch.unref();

let code = 1;
const started = Date.now();
try {
  say(`ignoring ${opts.ignored.join(' ') || '(nothing)'}`);
  server = await startCodeServer({ run, userDataDir: userData, extensionsDir: extensions });
  say(`code-server (pgid ${server.pid}) listening at ${server.url} after ${server.startupMs} ms`);
  browser = await launchChromium(run, { width: 1280, height: 800 });
  const { page } = browser;
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const list = Array.isArray(args) ? args : [args];
      if (!verbose && NOISE.test(list.map(String).join(' '))) return;
      const out = type === 'error' || type === 'warn' ? console.error : console.log;
      out(...list);
    });
    page.exposeFunction('codeAutomationExit', (c) => resolve(c));
  });
  page.on('pageerror', (e) => console.error('[workbench page error]', String(e).slice(0, 400)));
  const folder = opts.folder ? path.resolve(opts.folder) : undefined;
  await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPaths: opts.dev, extensionTestsPath: opts.tests }));
  let timer;
  const result = await Promise.race([
    exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutSec * 1000);
    }),
  ]);
  clearTimeout(timer);
  if (result === 'timeout') {
    console.error(`code-server-shim: the extension host did not finish within ${timeoutSec} s (VSCODE_TEST_TIMEOUT)`);
    const shot = path.join(process.cwd(), '.vscode-test', 'shim-timeout.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).then(
      () => console.error(`screenshot: ${shot}`),
      () => {},
    );
    code = 1;
  } else {
    code = typeof result === 'number' ? result : 1;
  }
} catch (e) {
  console.error('code-server-shim:', e);
  code = 1;
} finally {
  removeAbortHandlers();
  await cleanup();
}
say(`extension host exit code ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code === 0 ? 0 : 1);
