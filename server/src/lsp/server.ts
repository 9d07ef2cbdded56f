import * as path from 'node:path';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusManager } from '../indexing/manager';
import { DraftCache } from '../features/drafts';
import { hover } from '../features/hover';
import { definition } from '../features/definition';
import { references } from '../features/references';
import { diagnostics } from '../features/diagnostics';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import { disputeView, entityCard, entitySummary, sourceSummary } from '../features/card';
import { runSafe } from './runSafe';
import { Settings } from './settings';
import { checkDraft } from '../core/check';
import {
  CheckAllDraftsRequest,
  DisputesRequest,
  EntityRequest,
  ReindexRequest,
  SearchEntitiesRequest,
  SourcesRequest,
  StatusNotification,
  type CorroborateSettings,
  type IndexStatus,
  type InitializationOptions,
} from '../../../shared/protocol';

export const SERVER_VERSION = '0.1.0';

/** Wires the LSP connection to the corpus manager and the feature functions. Handlers stay thin. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const manager = new CorpusManager();
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
    void connection.sendNotification(StatusNotification.type, status);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
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
    if (canPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' }).catch(() => undefined);
    await reconfigure();
  });

  manager.onProgress((p) => {
    const fresh = p.problems.filter((x) => !reportedProblems.has(`${x.path}:${x.reason}`));
    for (const x of fresh) {
      reportedProblems.add(`${x.path}:${x.reason}`);
      connection.console.warn(`skipped ${x.path}: ${x.reason}`);
    }
    if (p.state === 'indexing') {
      progress?.report(p.total ? Math.round((p.indexed / p.total) * 100) : 0, `${p.indexed}/${p.total} sources`);
      sendStatus({ state: 'indexing', indexed: p.indexed, total: p.total, problems: p.problems });
    } else {
      progress?.done();
      progress = undefined;
      sendStatus({ state: p.state, indexed: p.indexed, total: p.total, problems: p.problems, message: p.message });
      drafts.clear();
      for (const d of documents.all()) schedule(d, 0);
    }
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
    await manager.configure({ roots, exclude: s.corpus.exclude }, { watch: true });
  }

  function corpusRoots(s: CorroborateSettings): string[] {
    const roots: string[] = [];
    const bundled = init.bundledCorpusPath ?? path.resolve(__dirname, '..', 'corpus');
    if (s.corpus.includeBundled && existsSync(bundled)) roots.push(bundled);
    const base = workspaceRoots[0] ?? process.cwd();
    for (const p of s.corpus.paths) {
      const abs = path.isAbsolute(p) ? p : path.resolve(base, p);
      if (init.trusted === false && !workspaceRoots.some((w) => isInside(abs, w))) {
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
    const s = await settings.forDocument(doc.uri);
    if (!s.languages.includes(doc.languageId) && !(doc.languageId === 'text' && s.languages.includes('plaintext'))) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer edit will validate
    const check = drafts.get(index(), doc, s.severity);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics(index(), doc, check) });
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
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    drafts.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDraft = async <T>(uri: string, empty: T, f: (doc: TextDocument, check: ReturnType<DraftCache['get']>, s: CorroborateSettings) => T): Promise<T> => {
    const doc = documents.get(uri);
    if (!doc) return empty;
    const s = await settings.forDocument(uri);
    return f(doc, drafts.get(index(), doc, s.severity), s);
  };

  connection.onHover((p, token) => runSafe(log, 'hover', token, null, () => withDraft(p.textDocument.uri, null, (doc, check) => hover(index(), doc, check, p.position))));
  connection.onDefinition((p, token) => runSafe(log, 'definition', token, [], () => withDraft(p.textDocument.uri, [], (doc, check) => definition(index(), doc, check, p.position))));
  connection.onReferences((p, token) =>
    runSafe(log, 'references', token, [], () =>
      withDraft(p.textDocument.uri, [], (doc, check) =>
        references(index(), doc, check, p.position, documents.all().filter((d) => d.uri !== doc.uri).map((d) => ({ doc: d, check: drafts.get(index(), d) }))),
      ),
    ),
  );
  connection.onCodeAction((p, token) =>
    runSafe(log, 'codeAction', token, [], () => withDraft(p.textDocument.uri, [], (doc, check, s) => codeActions(index(), doc, check, p.range, p.context.diagnostics, s.citationStyle))),
  );
  connection.onCompletion((p, token) =>
    runSafe(log, 'completion', token, { isIncomplete: false, items: [] }, () => {
      const doc = documents.get(p.textDocument.uri);
      return doc ? completion(index(), doc, p.position) : { isIncomplete: false, items: [] };
    }),
  );
  connection.onDocumentSymbol((p, token) => runSafe(log, 'documentSymbol', token, [], () => withDraft(p.textDocument.uri, [], (doc, check) => documentSymbols(index(), doc, check))));
  connection.onWorkspaceSymbol((p, token) => runSafe(log, 'workspaceSymbol', token, [], () => workspaceSymbols(index(), p.query)));

  connection.onRequest(SearchEntitiesRequest.type, (p, token) =>
    runSafe(log, 'searchEntities', token, [], () => index().search(String(p?.query ?? ''), Math.min(Math.max(1, Number(p?.limit) || 50), 500)).map((r) => entitySummary(index(), r.entity))),
  );
  connection.onRequest(EntityRequest.type, (p, token) =>
    runSafe(log, 'entity', token, null, () => {
      const e = index().entity(String(p?.id ?? ''));
      return e ? entityCard(index(), e, { claimsPerSource: 5 }) : null;
    }),
  );
  connection.onRequest(DisputesRequest.type, (p, token) =>
    runSafe(log, 'disputes', token, [], () => {
      const list = p?.entityId ? index().disputesOf(p.entityId) : index().disputes;
      return list.map((d) => disputeView(index(), d));
    }),
  );
  connection.onRequest(SourcesRequest.type, (_p, token) => runSafe(log, 'sources', token, [], () => [...index().sources.values()].map((s) => sourceSummary(index(), s))));
  connection.onRequest(ReindexRequest.type, async () => {
    lastCorpusKey = '';
    await reconfigure(true);
    return status;
  });
  connection.onRequest(CheckAllDraftsRequest.type, (p, token) =>
    runSafe(log, 'checkAllDrafts', token, [], async () => {
      const out: { uri: string; findings: number }[] = [];
      for (const uri of (p?.uris ?? []).slice(0, 5000)) {
        if (token.isCancellationRequested) break;
        const open = documents.get(uri);
        let doc = open;
        if (!doc) {
          const file = safePath(uri);
          if (!file) continue;
          try {
            const text = readFileSync(file, 'utf8');
            doc = TextDocument.create(uri, /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext', 0, text);
          } catch {
            continue;
          }
        }
        const s = await settings.forDocument(uri);
        const check = open ? drafts.get(index(), doc, s.severity) : checkDraft(index(), doc.getText(), { languageId: doc.languageId, severities: s.severity });
        const diags = diagnostics(index(), doc, check);
        void connection.sendDiagnostics({ uri, diagnostics: diags });
        out.push({ uri, findings: diags.length });
      }
      return out;
    }),
  );

  connection.onShutdown(() => manager.dispose());
  documents.listen(connection);
  connection.listen();
}

function safePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(p: string, root: string): boolean {
  let a = p;
  let b = root;
  try {
    a = realpathSync(p);
    b = realpathSync(root);
  } catch {
    // not existing yet: compare as written
  }
  const rel = path.relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export { pathToFileURL };
