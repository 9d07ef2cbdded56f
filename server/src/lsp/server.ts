import * as path from 'node:path';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusManager } from '../indexing/manager';
import { DraftCache, frozen } from '../features/drafts';
import { hover } from '../features/hover';
import { definition } from '../features/definition';
import { references } from '../features/references';
import { diagnostics } from '../features/diagnostics';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import { disputeView, entityCard, entitySummary, sourceSummary, warmHoverCards } from '../features/card';
import { runSafe } from './runSafe';
import { afterRelease, heapPolicy } from './heapPolicy';
import { expandBraces, globBase, hasGlob } from '../corpus/glob';
import { Settings } from './settings';
import { checkDraft } from '../core/check';
import { inSlices } from '../core/packed';
import {
  CheckAllDraftsRequest,
  DisputesRequest,
  EntityRequest,
  ReindexRequest,
  SearchEntitiesRequest,
  SourcesRequest,
  StatusNotification,
  docsFor,
  type CorroborateSettings,
  type IndexStatus,
  type InitializationOptions,
} from '../../../shared/protocol';

export const SERVER_VERSION = '0.1.0';

/** Wires the LSP connection to the corpus manager and the feature functions. Handlers stay thin. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // indexing log lines go to the output channel (perf: worker threads, on-disk cache; see docs/performance.md)
  const manager = new CorpusManager({ log: (m) => connection.console.log(m) });
  const drafts = new DraftCache();
  let canPull = false;
  let progressSupported = false;
  const settings = new Settings(connection, () => canPull);
  let init: InitializationOptions = {};
  let workspaceRoots: string[] = [];
  const log = (msg: string) => connection.console.log(msg);
  const timers = new Map<string, NodeJS.Timeout>();
  let status: IndexStatus = { state: 'starting', sources: 0, entities: 0, disputes: 0, problems: [] };
  let progress: WorkDoneProgressReporter | undefined;
  let reportedProblems = new Set<string>();

  const index = () => manager.index;
  const sendStatus = (s: Partial<IndexStatus>) => {
    status = { ...status, ...s, sources: index().sources.size, entities: index().table.entities.size, disputes: index().disputes.length };
    void connection.sendNotification(StatusNotification.method, status);
  };

  // Robustness (test/robustness/protocol.test.ts): LSP lifecycle. Before initialize a request is answered
  // ServerNotInitialized, after shutdown InvalidRequest, as the specification says; every handler goes through
  // `safe`, which adds this gate to runSafe.
  let phase: 'new' | 'running' | 'shutdown' = 'new';
  // the search index of the index served, made in slices while the server is idle (no request or edit for
  // `IDLE_MS`, no draft check under way; it stops at the next request): the first completion or palette search after
  // a rebuild otherwise makes it (~230 ms at 10,000 articles). Made in slices as soon as the index was ready instead,
  // it ran beside the bench's first draft check and hovers and slowed both.
  const IDLE_MS = 2000;
  let lastActivity = performance.now();
  let makingSearchIndex = false;
  const idle = () => performance.now() - lastActivity >= IDLE_MS && !drafts.busy;
  // then the hover cards of the entities the open drafts name (`warmHoverCards`), once per set of checks (index
  // version, drafts and their versions), in the same idle time
  let warming = false;
  let warmedFor = '';
  setInterval(() => {
    if (makingSearchIndex || warming || manager.state !== 'ready' || !idle()) return;
    if (!index().searchIndexMade) {
      makingSearchIndex = true;
      void inSlices(index().searchIndexSteps(idle))
        .catch((err) => log(`search index: ${(err as Error).message}`))
        .finally(() => (makingSearchIndex = false));
      return;
    }
    const current = index();
    const key = drafts.checkedFor(current);
    if (key === warmedFor) return;
    warming = true;
    const t = performance.now();
    void inSlices(warmHoverCards(current, drafts.mentionsChecked(current), () => idle() && index() === current))
      .then(({ all, made }) => {
        if (all) warmedFor = key;
        if (made) log(`hover cards made ahead: ${made} in ${Math.round(performance.now() - t)} ms${all ? '' : ' (stopped by activity)'}`);
      })
      .catch((err) => log(`hover cards: ${(err as Error).message}`))
      .finally(() => (warming = false));
  }, 500).unref();

  const safe = <T>(
    name: string,
    token: CancellationToken | undefined,
    empty: T,
    f: () => T | Promise<T>,
  ): Promise<T | ResponseError<void>> => {
    lastActivity = performance.now();
    if (phase === 'new')
      return Promise.resolve(new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized yet`));
    if (phase === 'shutdown') return Promise.resolve(new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`));
    return runSafe(log, name, token, empty, f);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    phase = 'running';
    canPull = !!params.capabilities.workspace?.configuration;
    progressSupported = !!params.capabilities.window?.workDoneProgress;
    init = (params.initializationOptions ?? {}) as InitializationOptions;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => safePath(f.uri)).filter((x): x is string => !!x);
    if (!workspaceRoots.length && params.rootUri) {
      const p = safePath(params.rootUri);
      if (p) workspaceRoots.push(p);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'corroborate-ls', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canPull)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' }).catch(() => undefined);
    await reconfigure();
  });

  /** the index version open drafts were last scheduled to be checked against during indexing */
  let checkedVersion = -1;
  manager.onProgress((p) => {
    const fresh = p.problems.filter((x) => !reportedProblems.has(`${x.path}:${x.reason}`));
    for (const x of fresh) {
      reportedProblems.add(`${x.path}:${x.reason}`);
      connection.console.warn(`skipped ${x.path}: ${x.reason}`);
    }
    if (p.state === 'indexing') {
      progress?.report(p.total ? Math.round((p.indexed / p.total) * 100) : 0, `${p.indexed}/${p.total} sources`);
      sendStatus({ state: 'indexing', indexed: p.indexed, total: p.total, problems: p.problems });
      // a rebuild of the partial index: open drafts are checked against it again, in slices
      if (index().version !== checkedVersion) {
        checkedVersion = index().version;
        for (const d of documents.all()) schedule(d, 0);
      }
    } else {
      progress?.done();
      progress = undefined;
      sendStatus({ state: p.state, indexed: p.indexed, total: p.total, problems: p.problems, message: p.message });
      drafts.clear();
      for (const d of documents.all()) schedule(d, 0);
    }
    // (after the status is on its way: switching to serving asks for a full collection)
    heapPolicy(p.state === 'indexing' ? 'indexing' : 'serving');
  });
  // every file analysed: the last rebuild, with a core free for V8's concurrent marking
  manager.onAnalysed((a) => heapPolicy(a.releasing ? 'settling' : 'settling-kept'));
  // the analyses of a first indexing, dropped once on disk, leave most of the heap as garbage
  manager.onReleased(() => {
    const t = performance.now();
    const used = process.memoryUsage().heapUsed;
    void afterRelease().then(({ collected, flags }) => {
      const mb = (n: number) => Math.round(n / 1048576);
      log(
        collected
          ? `analyses released: heap ${mb(used)} → ${mb(process.memoryUsage().heapUsed)} MB in ${Math.round(performance.now() - t)} ms${flags.length ? ` (${flags.join(', ')})` : ''}`
          : `analyses released: heap ${mb(used)} MB, left to V8 (indexing again, or no collector to ask)`,
      );
    });
  });

  let lastCorpusKey = '';
  async function reconfigure(force = false): Promise<void> {
    settings.clear();
    const s = await settings.forDocument(undefined);
    const roots = corpusRoots(s);
    const key = JSON.stringify([roots, s.corpus.exclude]);
    if (key === lastCorpusKey && !force) {
      drafts.clear();
      for (const d of documents.all()) schedule(d, 0);
      return;
    }
    lastCorpusKey = key;
    // another corpus: the drafts' last checks name entities it may not have
    drafts.reset();
    reportedProblems = new Set();
    if (progressSupported) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin('Corroborate: indexing corpus', 0, undefined, false);
      } catch {
        progress = undefined;
      }
    }
    sendStatus({ state: 'indexing', indexed: 0, total: 0 });
    // the on-disk index cache lives in the client's workspace storage (initializationOptions.storagePath), never in a corpus folder
    // untrusted workspace: nothing outside the workspace and the bundled corpus is read, even through a symbolic link
    const confine =
      init.trusted === false ? [...workspaceRoots, init.bundledCorpusPath ?? path.resolve(__dirname, '..', 'corpus')] : undefined;
    await manager.configure({ roots, exclude: s.corpus.exclude, cacheDir: init.storagePath, confine }, { watch: true });
  }

  function corpusRoots(s: CorroborateSettings): string[] {
    const roots: string[] = [];
    const bundled = init.bundledCorpusPath ?? path.resolve(__dirname, '..', 'corpus');
    if (s.corpus.includeBundled && existsSync(bundled)) roots.push(bundled);
    const base = workspaceRoots[0] ?? process.cwd();
    for (const p of s.corpus.paths) {
      const abs = path.isAbsolute(p) ? p : path.resolve(base, p);
      if (init.trusted === false && !confined(abs, workspaceRoots)) {
        connection.console.warn(`corpus path ignored in an untrusted workspace (outside the workspace): ${p}`);
        continue;
      }
      roots.push(abs);
    }
    return roots;
  }

  connection.onDidChangeConfiguration((change) => {
    settings.setPushed((change.settings as { corroborate?: unknown } | undefined)?.corroborate);
    void reconfigure();
  });

  async function validate(doc: TextDocument): Promise<void> {
    // a corpus file open in the editor is a source, not a draft: it gets no draft findings, and if it was
    // skipped, one diagnostic saying why
    const file = safePath(doc.uri);
    if (file) {
      const problem = manager.problems.find((p) => p.path === file);
      if (problem || index().sources.has(file)) {
        const diagnostics: Diagnostic[] = problem
          ? [
              {
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Warning,
                code: 'source-error',
                codeDescription: { href: docsFor('source-error') },
                source: 'corroborate',
                message: `Corroborate skipped this source: ${problem.reason}`,
              },
            ]
          : [];
        void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
        return;
      }
    }
    const s = await settings.forDocument(doc.uri);
    if (!s.languages.includes(doc.languageId) && !(doc.languageId === 'text' && s.languages.includes('plaintext'))) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    // the text as it is now (the open document changes in place as it is edited)
    const snap = frozen(doc);
    const isCurrent = currentTest(snap);
    // in slices: requests are answered meanwhile (from the last check of this text, if any)
    const check = await drafts.refresh(index(), snap, s.severity, isCurrent);
    if (!check || !isCurrent()) return; // superseded by an edit, which validates again
    void connection.sendDiagnostics({ uri: snap.uri, version: snap.version, diagnostics: diagnostics(index(), snap, check) });
  }

  /** Whether the open document is still at the version of `snap` (a check in slices stops when it is not). */
  function currentTest(snap: TextDocument): () => boolean {
    return () => documents.get(snap.uri)?.version === snap.version;
  }

  function schedule(doc: TextDocument, delay?: number): void {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    void settings.forDocument(doc.uri).then((s) => {
      timers.set(
        doc.uri,
        setTimeout(() => {
          timers.delete(doc.uri);
          validate(doc).catch((err) => log(`validate failed for ${doc.uri}: ${(err as Error).stack}`));
        }, delay ?? s.debounceMs),
      );
    });
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    lastActivity = performance.now();
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    drafts.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDraft = async <T>(
    uri: string,
    empty: T,
    f: (doc: TextDocument, check: ReturnType<DraftCache['get']>, s: CorroborateSettings) => T,
    at?: Position,
  ): Promise<T> => {
    const live = documents.get(uri);
    if (!live) return empty;
    const s = await settings.forDocument(uri);
    const doc = frozen(live);
    // (a request about a place: the names there as the index resolves them now, even before the draft's re-check)
    const check = await drafts.latest(index(), doc, s.severity, currentTest(doc), at && doc.offsetAt(at));
    // (an edit while a first check of the text ran: the request was about the text before it)
    if (!check) return empty;
    return f(doc, check, s);
  };

  connection.onHover((p, token) =>
    safe('hover', token, null, () =>
      withDraft(p.textDocument.uri, null, (doc, check) => hover(index(), doc, check, p.position), p.position),
    ),
  );
  connection.onDefinition((p, token) =>
    safe('definition', token, [], () =>
      withDraft(p.textDocument.uri, [], (doc, check) => definition(index(), doc, check, p.position), p.position),
    ),
  );
  connection.onReferences((p, token) =>
    safe('references', token, [], () =>
      withDraft(
        p.textDocument.uri,
        [],
        (doc, check) =>
          references(
            index(),
            doc,
            check,
            p.position,
            documents
              .all()
              .filter((d) => d.uri !== doc.uri)
              .map((d) => ({ doc: d, check: drafts.mentionsOf(index(), d) })),
          ),
        p.position,
      ),
    ),
  );
  connection.onCodeAction((p, token) =>
    safe('codeAction', token, [], () =>
      withDraft(p.textDocument.uri, [], (doc, check, s) =>
        codeActions(index(), doc, check, p.range, p.context.diagnostics, s.citationStyle),
      ),
    ),
  );
  connection.onCompletion((p, token) =>
    safe('completion', token, { isIncomplete: false, items: [] }, () => {
      const doc = documents.get(p.textDocument.uri);
      return doc ? completion(index(), doc, p.position) : { isIncomplete: false, items: [] };
    }),
  );
  connection.onDocumentSymbol((p, token) =>
    safe('documentSymbol', token, [], () => withDraft(p.textDocument.uri, [], (doc, check) => documentSymbols(index(), doc, check))),
  );
  connection.onWorkspaceSymbol((p, token) => safe('workspaceSymbol', token, [], () => workspaceSymbols(index(), p.query)));

  connection.onRequest(SearchEntitiesRequest.method, (p: { query?: string; limit?: number } | undefined, token: CancellationToken) =>
    safe('searchEntities', token, [], () =>
      index()
        .search(String(p?.query ?? ''), Math.min(Math.max(1, Number(p?.limit) || 50), 500))
        .map((r) => entitySummary(index(), r.entity)),
    ),
  );
  connection.onRequest(EntityRequest.method, (p: { id?: string } | undefined, token: CancellationToken) =>
    safe('entity', token, null, () => {
      const e = index().entity(String(p?.id ?? ''));
      return e ? entityCard(index(), e, { claimsPerSource: 5 }) : null;
    }),
  );
  connection.onRequest(DisputesRequest.method, (p: { entityId?: string } | undefined, token: CancellationToken) =>
    safe('disputes', token, [], () => {
      const list = p?.entityId ? index().disputesOf(p.entityId) : index().disputes;
      return list.map((d) => disputeView(index(), d));
    }),
  );
  connection.onRequest(SourcesRequest.method, (_p: unknown, token: CancellationToken) =>
    safe('sources', token, [], () => [...index().sources.values()].map((s) => sourceSummary(index(), s))),
  );
  connection.onRequest(ReindexRequest.method, (_p: unknown, token: CancellationToken) =>
    safe('reindex', token, status, async () => {
      lastCorpusKey = '';
      await reconfigure(true);
      return status;
    }),
  );
  connection.onRequest(CheckAllDraftsRequest.method, (p: { uris?: string[] } | undefined, token: CancellationToken) =>
    safe('checkAllDrafts', token, [], async () => {
      const out: { uri: string; findings: number }[] = [];
      for (const uri of (Array.isArray(p?.uris) ? p.uris : []).slice(0, 5000)) {
        if (token.isCancellationRequested) break;
        if (typeof uri !== 'string') continue;
        const open = documents.get(uri);
        let doc = open;
        if (!doc) {
          const file = safePath(uri);
          if (!file) continue;
          try {
            // Robustness: only regular files of draft size. A FIFO or /dev/zero named in the list would block
            // the whole server in readFileSync forever; a huge file would stall it (same limit as the CLI).
            const st = statSync(file);
            if (!st.isFile() || st.size > 16 * 1024 * 1024) continue;
            const text = readFileSync(file, 'utf8');
            doc = TextDocument.create(uri, /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext', 0, text);
          } catch {
            continue;
          }
        }
        const s = await settings.forDocument(uri);
        const check = open
          ? drafts.get(index(), doc, s.severity)
          : checkDraft(index(), doc.getText(), { languageId: doc.languageId, severities: s.severity });
        const diags = diagnostics(index(), doc, check);
        void connection.sendDiagnostics({ uri, diagnostics: diags });
        out.push({ uri, findings: diags.length });
      }
      return out;
    }),
  );

  connection.onShutdown(() => {
    phase = 'shutdown';
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    // resolves once a pending index-cache write has finished (written before the process exits)
    return manager.dispose();
  });
  // Robustness (test/robustness/protocol.test.ts): a didChange whose version is not newer than the document's is
  // stale or duplicated (a buggy client); applying it would put older text over newer. It is dropped and logged.
  const syncConnection = new Proxy(connection, {
    get(target, prop) {
      if (prop === 'onDidChangeTextDocument') {
        return (handler: Parameters<Connection['onDidChangeTextDocument']>[0]) =>
          target.onDidChangeTextDocument((p) => {
            const current = documents.get(p?.textDocument?.uri);
            const v = p?.textDocument?.version;
            if (current && typeof v === 'number' && v <= current.version) {
              log(`ignored didChange for ${p.textDocument.uri}: version ${v} is not newer than ${current.version}`);
              return;
            }
            return handler(p);
          });
      }
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  documents.listen(syncConnection);
  connection.listen();
}

function safePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Robustness (untrusted workspaces, test/robustness/safety.test.ts): where a corpus path setting can lead. A glob
 * is judged by the folder each of its brace alternatives starts from ("link/*.md" starts in "link", which may be
 * a symlink out of the workspace; "{../x,y}/*.md" starts in "../x"); every one must stay inside a root.
 */
function confined(spec: string, roots: string[]): boolean {
  const starts = hasGlob(spec) ? expandBraces(spec.replace(/\\/g, '/')).map((e) => globBase(path.resolve(e))) : [spec];
  return starts.every((p) => roots.some((w) => isInside(p, w)));
}

/** The real path of p, resolving symlinks in the longest prefix that exists ("link/not-yet" → "/target/not-yet"). */
function realish(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.resolve(p);
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

function isInside(p: string, root: string): boolean {
  // both sides through their real paths, even when p does not exist (yet): a symlink in its existing part counts
  const rel = path.relative(realish(root), realish(p));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
