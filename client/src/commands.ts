/**
 * Every command, in one table: its id, its title (the palette shows "Corroborate: TITLE"; the same titles
 * are in client/package-contributes.json, checked by test/client/contributes.test.ts), whether it needs
 * the language server, and what it does.
 *
 * A command that needs the server waits while the server is starting, and says clearly when it is not
 * running. A command given a plain-object argument runs without UI and answers what it did (for tests);
 * then failures are thrown instead of shown.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { ReindexRequest, type IndexStatus } from '../../shared/protocol';
import { checkAllDrafts } from './drafts';
import { errorMessage } from './log';
import { lookUpEntity, openPassage, openSource, showDisputes } from './lookups';
import type { Services } from './services';
import { reindexSummary } from './view';

export interface CommandSpec {
  id: string;
  title: string;
  needsServer: boolean;
  /** not in the command palette (called from links and other commands) */
  internal?: boolean;
  run(s: Services, ...args: unknown[]): unknown;
}

export const commands: readonly CommandSpec[] = [
  { id: 'corroborate.lookUpEntity', title: 'Look Up Entity…', needsServer: true, run: (s, arg) => lookUpEntity(s, arg) },
  { id: 'corroborate.showDisputes', title: 'Show Disputes…', needsServer: true, run: (s, arg) => showDisputes(s, arg) },
  { id: 'corroborate.openSource', title: 'Open Source…', needsServer: true, run: (s, arg) => openSource(s, arg) },
  { id: 'corroborate.reindex', title: 'Reindex Corpus', needsServer: true, run: (s) => reindex(s) },
  { id: 'corroborate.checkAllDrafts', title: 'Check All Drafts', needsServer: true, run: (s, arg) => checkAllDrafts(s, arg) },
  { id: 'corroborate.showOutput', title: 'Show Output', needsServer: false, run: (s) => s.log.show(true) },
  { id: 'corroborate.restartServer', title: 'Restart Server', needsServer: false, run: (s) => restartServer(s) },
  {
    id: 'corroborate.openPassage',
    title: 'Open Passage',
    needsServer: false,
    internal: true,
    run: (s, location, line, character) => openPassage(s, location, line, character),
  },
];

export const category = 'Corroborate';

/** How long a command waits for a server that is still starting. */
const startWaitMs = 60_000;

function isScripted(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !(arg instanceof vscode.Uri);
}

export function isCancellation(error: unknown): boolean {
  return (
    error instanceof vscode.CancellationError ||
    (error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled))
  );
}

async function showOutputOn(message: Thenable<string | undefined>, s: Services): Promise<void> {
  const choice = await message;
  if (choice === 'Show Output') s.log.show(true);
  else if (choice === 'Restart Server') await vscode.commands.executeCommand('corroborate.restartServer');
}

function waitForServer(s: Services): Promise<boolean> {
  if (s.status.serverState !== 'starting') return Promise.resolve(s.status.serverState === 'running');
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), startWaitMs);
    const sub = s.status.onServerState((state) => {
      if (state !== 'starting') done(state === 'running');
    });
    function done(ok: boolean) {
      clearTimeout(timer);
      sub.dispose();
      resolve(ok);
    }
  });
}

/** True when the server runs (after waiting for a starting one); otherwise says why and offers a restart. */
async function ensureServer(s: Services, spec: CommandSpec, scripted: boolean): Promise<boolean> {
  if (s.client.isRunning() && s.status.serverState === 'running') return true;
  const ok =
    s.status.serverState === 'starting'
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: 'Corroborate: waiting for the language server to start' },
          () => waitForServer(s),
        )
      : false;
  if (ok && s.client.isRunning()) return true;
  const message = `Corroborate: “${spec.title.replace(/…$/, '')}” needs the language server, which is not running. Restart it, or see the output for the reason.`;
  if (scripted) throw new Error(message);
  void showOutputOn(vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output'), s);
  return false;
}

export function registerCommands(s: Services): vscode.Disposable[] {
  return commands.map((spec) =>
    vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
      const scripted = isScripted(args[0]);
      if (spec.needsServer && !(await ensureServer(s, spec, scripted))) return undefined;
      try {
        return await spec.run(s, ...args);
      } catch (error) {
        if (isCancellation(error)) return undefined;
        const message = `Corroborate: ${spec.title.replace(/…$/, '')} failed: ${errorMessage(error)}`;
        s.log.error(message);
        if (scripted || spec.internal) throw error;
        void showOutputOn(vscode.window.showErrorMessage(message, 'Show Output'), s);
        return undefined;
      }
    }),
  );
}

// ------------------------------------------------------------------------------------------------ reindex

async function reindex(s: Services): Promise<IndexStatus | undefined> {
  const status = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Corroborate: reindexing the corpus', cancellable: true },
    async (progress, token) => {
      const sub = s.status.onStatus((st) => {
        if (st.state !== 'indexing') return;
        const files =
          typeof st.indexed === 'number' && typeof st.total === 'number' && st.total > 0 ? `${st.indexed}/${st.total} files` : undefined;
        progress.report({ message: files ?? st.message });
      });
      try {
        return await s.client.sendRequest(ReindexRequest.type, {}, token);
      } finally {
        sub.dispose();
      }
    },
  );
  for (const p of status.problems) s.log.warn(`Skipped ${p.path}: ${p.reason}`);
  const { message, level } = reindexSummary(status);
  if (level === 'error') {
    s.log.error(message);
    void showOutputOn(vscode.window.showErrorMessage(message, 'Show Output'), s);
  } else if (level === 'warning') {
    s.log.info(message);
    void showOutputOn(vscode.window.showWarningMessage(message, 'Show Output'), s);
  } else {
    s.log.info(message);
    void vscode.window.showInformationMessage(message);
  }
  return status;
}

// ------------------------------------------------------------------------------------------------ restart

async function restartServer(s: Services): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corroborate: restarting the language server' }, () =>
    s.restart(),
  );
}
