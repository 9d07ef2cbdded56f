// A minimal LSP client over stdio for the benchmark: starts the real bundled server (dist/server.js).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
export const root = new URL('../..', import.meta.url).pathname;

/** The Node flags and environment the extension starts the server with (`serverProcessOptions` in
 * shared/protocol.ts, from the built launcher bundle, which `corroborate-ls` uses too). */
export function serverProcessOptions(totalMemoryBytes) {
  return require(path.join(root, 'dist/launch.js')).serverProcessOptions(totalMemoryBytes);
}

export class BenchClient {
  constructor({ settings, storagePath, memFile, workspace = root }) {
    this.settings = settings;
    const launch = serverProcessOptions(totalmem());
    this.proc = spawn(
      process.execPath,
      [
        ...launch.execArgv,
        // extra Node flags for the server, e.g. CORROBORATE_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
        ...(process.env.CORROBORATE_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
        '--require',
        path.join(root, 'scripts/bench/memprobe.cjs'),
        path.join(root, 'dist/server.js'),
        '--stdio',
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...launch.env, CORROBORATE_BENCH_MEM: memFile ?? '' },
      },
    );
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => this.settings));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.logs = [];
    this.conn.onNotification('window/logMessage', (m) => this.logs.push(m.message));
    this.conn.onNotification('$/progress', () => undefined);
    this.diagWaiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.diagWaiters = this.diagWaiters.filter((w) => (w.match(p) ? (w.resolve({ p, at: now }), false) : true));
    });
    this.statuses = [];
    this.readyWaiters = [];
    this.conn.onNotification('corroborate/status', (s) => {
      this.statuses.push({ at: performance.now(), ...s });
      if (s.state === 'ready' || s.state === 'error') for (const r of this.readyWaiters.splice(0)) r(s);
    });
    // a server that exits before it is ready (a crash) ends the wait with its stderr instead of hanging the benchmark
    this.proc.on('exit', (code, signal) => {
      const message = `server exited (${code ?? signal}) before it was ready: ${this.stderr.slice(-2000)}`;
      for (const r of this.readyWaiters.splice(0)) r({ state: 'error', message });
    });
    this.conn.listen();
    this.storagePath = storagePath;
    this.workspace = workspace;
    /** resolves once `start` has sent `initialized`: an editor sends nothing else before */
    this.initialized = new Promise((r) => (this.markInitialized = r));
  }
  /** Sends initialize + initialized; resolves { readyMs } measured from `initialized` to the ready status. */
  async start() {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(this.workspace).toString(), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      initializationOptions: { bundledCorpusPath: path.join(root, 'corpus'), trusted: true, storagePath: this.storagePath },
    });
    const ready = new Promise((r) => this.readyWaiters.push(r));
    this.t0 = performance.now();
    await this.conn.sendNotification('initialized', {});
    this.markInitialized();
    this.readyPromise = ready.then((s) => ({ status: s, readyMs: performance.now() - this.t0 }));
    return this.readyPromise;
  }
  diagnostics(uri, version) {
    return new Promise((resolve) =>
      this.diagWaiters.push({ match: (p) => p.uri === uri && (version === undefined || p.version === version), resolve }),
    );
  }
  request(method, params) {
    return this.conn.sendRequest(method, params);
  }
  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }
  /** Resolves with the first log message matching `re` (or undefined after `timeoutMs`). */
  async waitForLog(re, timeoutMs = 120000) {
    const end = performance.now() + timeoutMs;
    for (;;) {
      const hit = this.logs.find((l) => re.test(l));
      if (hit || performance.now() > end) return hit;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Peak resident set size of the server process so far (VmHWM), in MB; Linux only. */
  peakRssMB() {
    try {
      const s = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(s);
      const rss = /VmRSS:\s+(\d+) kB/.exec(s);
      return { peak: hwm ? Number(hwm[1]) / 1024 : NaN, now: rss ? Number(rss[1]) / 1024 : NaN };
    } catch {
      return { peak: NaN, now: NaN };
    }
  }
  async stop(timeoutMs = 120000) {
    // listened for before the exit notification: a server that exits at once must not be waited for forever
    const exited =
      this.proc.exitCode !== null || this.proc.signalCode !== null ? Promise.resolve() : new Promise((r) => this.proc.once('exit', r));
    let timer;
    try {
      await Promise.race([
        this.conn.sendRequest('shutdown'),
        new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('shutdown timeout')), timeoutMs))),
      ]);
      await this.conn.sendNotification('exit');
    } catch {
      // killed below
    } finally {
      // (a pending timer would keep the caller's process alive for the whole timeout)
      clearTimeout(timer);
    }
    setTimeout(() => this.proc.kill(), 2000).unref();
    await exited;
    this.conn.dispose();
  }
}
