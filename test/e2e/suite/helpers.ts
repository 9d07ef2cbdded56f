// Helpers for the extension-host suite: the extension's API, waiting on real events with timeouts (no sleeps),
// and small accessors over VS Code's result types.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EntitySummary, IndexStatus } from '../../../shared/protocol';

export const EXTENSION_ID = 'corroborate.corroborate';
export const OUTLETS = ['Reuters', 'Global Research', 'World Socialist Web Site'];
/** The outlet of the fictional article in the fixture workspace's sources/ folder. */
export const FIXTURE_OUTLET = 'The Fixture Gazette';

/** What the extension's activate() returns. */
export interface CorroborateApi {
  client: { sendRequest<R>(method: string, params?: unknown): Promise<R> };
  /** server started and first index ready */
  ready: Promise<void>;
  status(): IndexStatus | undefined;
  onStatus: vscode.Event<IndexStatus>;
}

export function extension(): vscode.Extension<CorroborateApi> {
  const ext = vscode.extensions.getExtension<CorroborateApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath)`);
  return ext;
}

export function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([Promise.resolve(p), timeout]).finally(() => clearTimeout(timer));
}

/** Activates (if needed) and waits for the first index, at most `ms`. */
export async function corroborate(ms = 90_000): Promise<CorroborateApi> {
  const api = await withTimeout(extension().activate(), ms, 'extension activation');
  assert.ok(api && typeof api === 'object', 'activate() must return the API object');
  assert.ok(api.ready && typeof api.ready.then === 'function', 'API.ready must be a promise');
  await withTimeout(api.ready, ms, 'API.ready (server started and first index ready)');
  return api;
}

/**
 * Resolves with the first non-undefined value of `check()`, evaluated now and after every firing of `event`.
 * Rejects after `ms` with `describe()` (the last state seen) in the message.
 */
export function waitForEvent<E, T>(
  event: vscode.Event<E>,
  check: () => T | undefined,
  ms: number,
  what: string,
  describe?: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = (err: Error | undefined, value?: T) => {
      sub?.dispose();
      if (timer) clearTimeout(timer);
      if (err) reject(err);
      else resolve(value as T);
    };
    const attempt = () => {
      try {
        const v = check();
        if (v !== undefined) finish(undefined, v);
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    };
    sub = event(attempt);
    timer = setTimeout(
      () => finish(new Error(`timed out after ${ms} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`)),
      ms,
    );
    attempt();
  });
}

/** For states VS Code has no event for (Extension.isActive): poll at a short interval, with a timeout. */
export async function pollUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceDir(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace folder is not open');
  return f.uri;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceDir(), ...rel.split('/'));
}

export async function openDraft(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Position inside the `occurrence`-th match of `text` in the document (a couple of characters in). */
export function positionOf(doc: vscode.TextDocument, text: string, occurrence = 0, into = 2): vscode.Position {
  const all = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = all.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (occurrence ${occurrence}) not found in ${path.basename(doc.uri.fsPath)}`);
  }
  return doc.positionAt(at + Math.min(into, text.length - 1));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const ds = vscode.languages.getDiagnostics(uri);
  if (ds.length === 0) return '(no diagnostics)';
  return ds
    .map((d) => `L${d.range.start.line + 1} ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} "${d.message.slice(0, 80)}"`)
    .join('; ');
}

/** Waits until `pick(diagnostics of uri)` returns something, driven by languages.onDidChangeDiagnostics. */
export function waitForDiagnostics<T>(
  uri: vscode.Uri,
  pick: (ds: vscode.Diagnostic[]) => T | undefined,
  ms: number,
  what: string,
): Promise<T> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => pick(vscode.languages.getDiagnostics(uri)),
    ms,
    `${what} in ${path.basename(uri.fsPath)}`,
    () => describeDiagnostics(uri),
  );
}

/** The diagnostic with `code` starting on 0-based `line`, once it is there. */
export function waitForFinding(
  uri: vscode.Uri,
  code: string,
  line: number,
  ms = 30_000,
  extra?: (d: vscode.Diagnostic) => boolean,
): Promise<vscode.Diagnostic> {
  return waitForDiagnostics(
    uri,
    (ds) => ds.find((d) => codeOf(d) === code && d.range.start.line === line && (!extra || extra(d))),
    ms,
    `a ${code} on line ${line + 1}`,
  );
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else parts.push(c.value);
    }
  }
  return parts.join('\n');
}

export async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

export function locationsOf(result: (vscode.Location | vscode.LocationLink)[] | vscode.Location | undefined): vscode.Location[] {
  if (!result) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l));
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** True for files of the bundled corpus (<extension>/corpus/) or the workspace corpus (sources/). */
export function isCorpusFile(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file') return false;
  return isInside(uri.fsPath, path.join(extension().extensionPath, 'corpus')) || isInside(uri.fsPath, fileUri('sources').fsPath);
}

/** The active editor once it shows a corpus file (it may already). */
export function waitForCorpusEditor(ms = 15_000): Promise<vscode.TextEditor> {
  return waitForEvent(
    vscode.window.onDidChangeActiveTextEditor,
    () => {
      const e = vscode.window.activeTextEditor;
      return e && isCorpusFile(e.document.uri) ? e : undefined;
    },
    ms,
    'an editor on a corpus article',
    () => vscode.window.activeTextEditor?.document.uri.toString() ?? '(no active editor)',
  );
}

/** Waits for a status the predicate accepts (now or on the next onStatus). */
export function waitForStatus(api: CorroborateApi, ok: (s: IndexStatus) => boolean, ms: number, what: string): Promise<IndexStatus> {
  return waitForEvent(
    api.onStatus,
    () => {
      const s = api.status();
      return s && ok(s) ? s : undefined;
    },
    ms,
    what,
    () => JSON.stringify(api.status()),
  );
}

export function searchEntities(api: CorroborateApi, query: string): Promise<EntitySummary[]> {
  return api.client.sendRequest<EntitySummary[]>('corroborate/searchEntities', { query, limit: 20 });
}

/**
 * Sets a `corroborate.*` setting in the workspace, whether the manifest declares it flat
 * (`corroborate.severity.disputed-claim`) or as a property of an object setting (`corroborate.severity`).
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const full = `corroborate.${key}`;
  const props = contributedSettings();
  const config = vscode.workspace.getConfiguration('corroborate');
  if (full in props || !key.includes('.')) {
    await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    return;
  }
  const parent = key.slice(0, key.lastIndexOf('.'));
  const leaf = key.slice(key.lastIndexOf('.') + 1);
  assert.ok(`corroborate.${parent}` in props, `neither ${full} nor corroborate.${parent} is a contributed setting`);
  const current = { ...(config.inspect<Record<string, unknown>>(parent)?.workspaceValue ?? {}) };
  if (value === undefined) delete current[leaf];
  else current[leaf] = value;
  await config.update(parent, Object.keys(current).length ? current : undefined, vscode.ConfigurationTarget.Workspace);
}

export function contributedSettings(): Record<string, unknown> {
  const c = (extension().packageJSON as { contributes?: { configuration?: unknown } }).contributes?.configuration;
  const sections = (Array.isArray(c) ? c : c ? [c] : []) as { properties?: Record<string, unknown> }[];
  return Object.assign({}, ...sections.map((s) => s.properties ?? {}));
}

export function contributedCommands(): string[] {
  const cmds = (extension().packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  return cmds.map((c) => c.command);
}

/** Closes any quick pick a command may have left open. */
export async function closeQuickInput(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}
