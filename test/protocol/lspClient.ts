/** A minimal LSP client over stdio for tests: starts the real bundled server process (dist/server.js). */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const root = path.resolve(__dirname, '..', '..');

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  statusReady: Promise<void>;
  stderr = '';
  constructor(settings: Record<string, unknown> = {}, workspace = root) {
    this.proc = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => (w.uri === p.uri ? (w.resolve(p), false) : true));
    });
    let ready!: () => void;
    this.statusReady = new Promise((r) => (ready = r));
    this.conn.onNotification('corroborate/status', (s: { state: string }) => {
      if (s.state === 'ready') ready();
    });
    this.conn.listen();
    this.workspace = workspace;
  }
  workspace: string;
  async start(): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(this.workspace).toString(), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: { bundledCorpusPath: path.join(root, 'corpus'), trusted: true },
    });
    await this.conn.sendNotification('initialized', {});
    await withTimeout(this.statusReady, 30000, 'server did not report ready');
  }
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return withTimeout(new Promise((resolve) => this.waiters.push({ uri, resolve })), 15000, `no diagnostics for ${uri}`);
  }
  async nextDiagnosticsOrCurrent(uri: string): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.get(uri) ?? this.nextDiagnostics(uri);
  }
  async open(file: string, text: string, languageId: string): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }> {
    const uri = pathToFileURL(file).toString();
    const p = this.nextDiagnostics(uri);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return { uri, diagnostics: await p };
  }
  async stop(): Promise<void> {
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // killed below
    }
    this.conn.dispose();
    this.proc.kill();
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
