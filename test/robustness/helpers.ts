/** Shared by the robustness tests: the bundled index, position checks, a guarded server process. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, lstatSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CorpusManager } from '../../server/src/indexing/manager';
import type { CorpusIndex } from '../../server/src/core/index';
import type { DraftCheck } from '../../server/src/core/check';
import { LineMap } from '../../server/src/core/text/sentences';

export const root = path.resolve(__dirname, '..', '..');
export const BUNDLED = path.join(root, 'corpus');
export const GUARD = path.join(__dirname, 'guard.cjs');

/** Timing bars can be stretched on a slow machine (CORROBORATE_SLOW_FACTOR=3); never shrunk. */
export const SLOW = Math.max(1, Number(process.env.CORROBORATE_SLOW_FACTOR) || 1);

let bundled: Promise<CorpusIndex> | undefined;
export function bundledIndex(): Promise<CorpusIndex> {
  bundled ??= (async () => {
    const m = new CorpusManager();
    await m.configure({ roots: [BUNDLED], exclude: [] });
    assert.ok(m.index.sources.size >= 3, 'bundled corpus indexed');
    return m.index;
  })();
  return bundled;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A span boundary must not fall between the two halves of a surrogate pair (LSP positions are UTF-16, but on characters). */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * Every mention and finding of a check lies inside the text, on whole characters, and names what the text
 * says there; LSP positions computed by the server (TextDocument) and by the CLI (LineMap) agree and
 * round-trip to the same offsets.
 */
export function assertCheckWellFormed(text: string, check: DraftCheck, languageId = 'markdown'): void {
  const doc = TextDocument.create('file:///draft.md', languageId, 1, text);
  const lines = new LineMap(text);
  const spanOk = (what: string, s: { start: number; end: number }) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets ${JSON.stringify(s)}`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: span ${JSON.stringify(s)} inside 0..${text.length}`);
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: span ${JSON.stringify(s)} splits a surrogate pair`);
    for (const o of [s.start, s.end]) {
      const p = doc.positionAt(o);
      assert.deepEqual(lines.position(o), p, `${what}: LineMap and TextDocument agree at ${o}`);
      assert.equal(doc.offsetAt(p), o, `${what}: position ${JSON.stringify(p)} round-trips`);
    }
  };
  for (const m of check.mentions) {
    spanOk(`mention ${JSON.stringify(m.text)}`, m.span);
    assert.ok(m.span.end > m.span.start, 'mentions are not empty');
    assert.equal(text.slice(m.span.start, m.span.end), m.text, 'a mention names the characters it covers');
    assert.equal(typeof m.entityId, 'string');
  }
  for (const f of check.findings) {
    spanOk(`finding ${f.code}`, f.span);
    assert.ok(['disputed-claim', 'disputed-entity', 'unknown-spelling'].includes(f.code), f.code);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), f.severity);
    assert.equal(typeof f.message, 'string');
    if (f.code === 'unknown-spelling') {
      const word = text.slice(f.span.start, f.span.end);
      assert.ok(f.message.includes(`“${word}”`), `the spelling finding names the word it covers: ${word} / ${f.message}`);
      assert.ok((f.suggestions ?? []).length > 0);
    }
  }
  for (const s of check.sentences) spanOk('sentence', s.span);
}

/** Every range of an LSP answer inside the document. */
export function assertRangeInside(
  doc: TextDocument,
  r: { start: { line: number; character: number }; end: { line: number; character: number } },
  what: string,
): void {
  const lines = doc.getText().split(/\r\n|\r|\n/);
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: integer position`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(
      p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} on a line of ${lines[p.line].length}`,
    );
  }
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: range not reversed`);
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** sha256 of every file under a folder, and the symlinks' targets (a change anywhere shows). */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[`${rel}/`] = `dir:${(st.mode & 0o7777).toString(8)}`;
        walk(p);
      } else
        out[rel] = `${createHash('sha256').update(readFileSync(p)).digest('hex')}:${(st.mode & 0o7777).toString(8)}:${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

export interface GuardRecord {
  kind: 'network' | 'write' | 'memory' | 'ready';
  what?: string;
  fn?: string;
  path?: string;
  rss?: number;
  heapUsed?: number;
  heapTotal?: number;
  external?: number;
}

export function parseGuard(stderr: string): GuardRecord[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('CORROBORATE_GUARD '))
    .map((l) => JSON.parse(l.slice('CORROBORATE_GUARD '.length)) as GuardRecord);
}

/**
 * The real bundled server (dist/server.js --stdio) with the guard preloaded: no network, writes recorded,
 * memory on demand. Like test/protocol/lspClient.ts, plus what these tests need.
 */
export class GuardedServer {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: { state: string; indexed?: number; total?: number; sources: number; problems: { path: string; reason: string }[] }[] =
    [];
  readonly logs: string[] = [];
  stderr = '';
  exited: Promise<number | null>;
  private readyResolve!: () => void;
  ready: Promise<void>;
  private diagWaiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] =
    [];

  constructor(
    public settings: Record<string, unknown> = {},
    readonly opts: {
      workspace?: string;
      trusted?: boolean;
      env?: NodeJS.ProcessEnv;
      execArgv?: string[];
      bundled?: string;
      storage?: string;
    } = {},
  ) {
    this.proc = spawn(
      process.execPath,
      ['--expose-gc', '--require', GUARD, ...(opts.execArgv ?? []), path.join(root, 'dist/server.js'), '--stdio'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...(opts.env ?? {}) },
      },
    );
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((r) => this.proc.on('exit', (code) => r(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onError(() => undefined);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', (m: { message: string }) => void this.logs.push(m.message));
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.diagWaiters = this.diagWaiters.filter((w) => (w.uri === p.uri && w.pred(p) ? (w.resolve(p), false) : true));
    });
    this.ready = new Promise((r) => (this.readyResolve = r));
    this.conn.onNotification('corroborate/status', (s: GuardedServer['statuses'][number]) => {
      this.statuses.push(s);
      if (s.state === 'ready') this.readyResolve();
    });
    this.conn.listen();
  }

  get workspace(): string {
    return this.opts.workspace ?? root;
  }

  initialize(): Promise<unknown> {
    const ws = pathToFileURL(this.workspace).toString();
    return this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: ws,
      workspaceFolders: [{ uri: ws, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      initializationOptions: {
        bundledCorpusPath: this.opts.bundled ?? BUNDLED,
        trusted: this.opts.trusted ?? true,
        ...(this.opts.storage ? { storagePath: this.opts.storage } : {}),
      },
    });
  }

  async start(timeout = 60000): Promise<void> {
    await this.initialize();
    await this.conn.sendNotification('initialized', {});
    await withTimeout(this.ready, timeout, 'server did not report ready');
  }

  /** The next diagnostics for uri that satisfy pred (e.g. a given version). */
  waitDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 20000): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return withTimeout(new Promise((resolve) => this.diagWaiters.push({ uri, pred, resolve })), ms, `diagnostics for ${uri}`);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<PublishDiagnosticsParams> {
    this.diagnostics.delete(uri);
    const p = this.waitDiagnostics(uri, (d) => d.version === version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return p;
  }

  guard(): GuardRecord[] {
    return parseGuard(this.stderr);
  }

  /** Server heap and RSS after a full GC (SIGUSR2 to the guard). */
  async memory(): Promise<{ rss: number; heapUsed: number }> {
    const before = this.guard().filter((r) => r.kind === 'memory').length;
    this.proc.kill('SIGUSR2');
    const t0 = Date.now();
    while (Date.now() - t0 < 10000) {
      const m = this.guard().filter((r) => r.kind === 'memory');
      if (m.length > before) return { rss: m[m.length - 1].rss!, heapUsed: m[m.length - 1].heapUsed! };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no memory report from the server');
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      await this.conn.sendNotification('exit');
      await withTimeout(this.exited, 5000, 'exit');
    } catch {
      // killed below
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
