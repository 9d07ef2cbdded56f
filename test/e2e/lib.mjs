// Shared pieces of Corroborate's "real VS Code, offline" test layers.
//
// There is no desktop VS Code or Electron to download here, so both layers run VS Code as code-server 4.100.3
// (the VS Code 1.100.3 server + web workbench, installed by scripts/install-code-server.sh) and drive the workbench
// with Debian's Chromium through playwright-core. The extension runs in code-server's Node extension host, its
// language server is a real forked Node process: the same client/server code path as desktop VS Code.
//
// Everything a run writes (code-server state, XDG dirs, sockets in TMPDIR, the Chromium profile) lives in one
// private folder per run, and every process is started in its own process group and killed as a group.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '../..');
export const FIXTURE_WORKSPACE = path.join(E2E_DIR, 'fixtures', 'workspace');
export const CODE_SERVER = process.env.CODE_SERVER
  ? path.resolve(process.env.CODE_SERVER)
  : path.join(REPO_ROOT, '.vscode-offline', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const t0 = Date.now();
export function log(tag, ...msg) {
  console.log(`[${tag} ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...msg);
}

/** Throws a readable error when the offline VS Code or the built extension is missing (we never install here). */
export function checkPrerequisites({ needBuild = true } = {}) {
  const problems = [];
  if (!fs.existsSync(CODE_SERVER)) {
    problems.push(
      `code-server not found at ${CODE_SERVER}. Run \`bash scripts/install-code-server.sh\` first ` + '(or set CODE_SERVER to its bin).',
    );
  }
  if (!fs.existsSync(CHROMIUM)) {
    problems.push(`Chromium not found at ${CHROMIUM}. Run \`bash scripts/install-code-server.sh\` first (or set CHROMIUM).`);
  }
  if (needBuild) {
    for (const f of ['dist/client.js', 'dist/server.js']) {
      if (!fs.existsSync(path.join(REPO_ROOT, f))) problems.push(`${f} is missing: run \`node esbuild.mjs\` first.`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

/**
 * A private folder for one run: TMPDIR (code-server drops vscode-ipc/git sockets there), XDG config/data/cache
 * (code-server writes config.yaml and logs there, Chromium its crash reports and dconf), VS Code user data and
 * extensions dirs. `env` is the environment overlay for every process of the run.
 */
export function makeRunDir(prefix) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-${prefix}-`));
  const dirs = {
    base,
    tmp: path.join(base, 'tmp'),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdgConfig: path.join(base, 'xdg', 'config'),
    xdgData: path.join(base, 'xdg', 'data'),
    xdgCache: path.join(base, 'xdg', 'cache'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  return {
    ...dirs,
    env: { TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache },
    remove() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A copy of the fixture workspace, so tests that edit drafts or settings never touch the repository. */
export function copyWorkspace(dest) {
  fs.cpSync(FIXTURE_WORKSPACE, dest, { recursive: true });
  return dest;
}

/** User settings that keep the workbench quiet and deterministic (no welcome page, no tips, no update checks). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM a process group, wait (polling) until it is gone, SIGKILL what is left after `graceMs`. */
export async function killGroup(pgid, graceMs = 3000) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const until = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Groups still alive when this process exits (crash, uncaught error) are SIGKILLed synchronously. */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});

/**
 * Runs `cleanup` once on SIGINT/SIGTERM/SIGHUP or an uncaught error, then exits with `code`.
 * Returns a function that removes the handlers (for the normal path).
 */
/**
 * An idempotent clean-up for a run: closes the browser, stops code-server, removes the run folder (unless kept).
 * Every caller (normal end, signal, orphan watch) waits for the same clean-up. `live` returns what is running now.
 */
export function cleanupOnce(run, live, { keep = false, say = (m) => log('e2e', m) } = {}) {
  let cleaning;
  return () => {
    cleaning ??= (async () => {
      const { server, browser } = live();
      if (browser) await browser.close();
      if (server) await server.stop();
      if (keep || process.env.CORROBORATE_E2E_KEEP) say(`kept ${run.base}`);
      else run.remove();
    })();
    return cleaning;
  };
}

export function onAbort(cleanup, code = 1, tag = path.basename(process.argv[1] ?? 'e2e', '.mjs')) {
  let ran = false;
  const handler = (why) => async (err) => {
    if (ran) return;
    ran = true;
    if (err instanceof Error) console.error(`[${tag}] ${why}:`, err);
    else console.error(`[${tag}] ${why}: cleaning up`);
    try {
      await cleanup();
    } finally {
      process.exit(code);
    }
  };
  const handlers = {
    SIGINT: handler('SIGINT'),
    SIGTERM: handler('SIGTERM'),
    SIGHUP: handler('SIGHUP'),
    uncaughtException: handler('uncaught exception'),
    unhandledRejection: handler('unhandled rejection'),
  };
  for (const [ev, h] of Object.entries(handlers)) process.on(ev, h);
  return () => {
    for (const [ev, h] of Object.entries(handlers)) process.removeListener(ev, h);
  };
}

/** SIGTERMs this process's direct children (by pid) and waits until they exited (SIGKILL after `graceMs`). */
export async function stopChildren(graceMs = 10000) {
  let pids = [];
  try {
    pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' })
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .filter((p) => p > 1);
  } catch {
    /* ps exits 1 when there are none */
  }
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const until = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/**
 * Starts a private code-server on a free loopback port in its own process group.
 * Resolves when it logs "HTTP server listening"; `stop()` kills the whole group (code-server keeps extension hosts
 * alive for hours waiting for a reconnection, and its file watcher is a separate child).
 */
export async function startCodeServer({
  run,
  folder,
  userDataDir = run.userData,
  extensionsDir = run.extensions,
  extraArgs = [],
  timeoutMs = 60000,
}) {
  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(process.env.CODE_SERVER_ARGS ? process.env.CODE_SERVER_ARGS.split(/\s+/).filter(Boolean) : []),
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const logFile = path.join(run.base, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(CODE_SERVER, args, {
    env: { ...process.env, ...run.env },
    detached: true, // own process group: stop() kills extension hosts, file watcher and language servers too
    stdio: ['ignore', 'pipe', out],
  });
  liveGroups.add(child.pid);
  let buffered = '';
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms; see ${logFile}`)), timeoutMs);
      const done = (err) => {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        err ? reject(err) : resolve();
      };
      child.stdout.on('data', (chunk) => {
        fs.appendFileSync(logFile, chunk);
        buffered += chunk.toString();
        if (buffered.includes('HTTP server listening')) done();
      });
      child.once('exit', (code, signal) =>
        done(new Error(`code-server exited early (${code ?? signal}); see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`)),
      );
      child.once('error', done);
    });
  } catch (e) {
    await killGroup(child.pid);
    liveGroups.delete(child.pid);
    throw e;
  }
  // keep logging to the file, never block on a full pipe
  child.stdout.on('data', (chunk) => fs.appendFileSync(logFile, chunk));
  child.removeAllListeners('exit');
  return {
    url,
    host: `127.0.0.1:${port}`,
    pid: child.pid,
    logFile,
    startupMs: Date.now() - started,
    async stop() {
      await killGroup(child.pid);
      liveGroups.delete(child.pid);
      fs.closeSync(out);
    },
  };
}

/** Headless Debian Chromium with a fresh profile inside the run folder. */
export async function launchChromium(run, { width = 1400, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = path.join(run.base, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    deviceScaleFactor: 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate',
    ],
    env: { ...process.env, ...run.env, HOME: run.base },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close().catch(() => {}) };
}

/** vscode-remote:// URI of a folder on the code-server machine, as the workbench payload wants it. */
export function remoteUri(host, fsPath) {
  return `vscode-remote://${host}${path.resolve(fsPath)}`;
}

/**
 * Workbench URL: `folder` to open, plus the payload VS Code's own web test harness uses
 * (extensionDevelopmentPath, extensionTestsPath, ...). code-server's CLI rejects these flags; 1.100.3's workbench
 * reads them from the URL.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server.host, p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server.host, extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  else q.set('ew', 'true');
  q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}
