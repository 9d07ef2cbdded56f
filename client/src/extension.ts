/**
 * Corroborate's VS Code client: activate and deactivate only. Everything else lives in one file per
 * concern: client.ts (the LanguageClient), commands.ts (the command table), lookups.ts and drafts.ts
 * (what the commands do), status.ts (index state and status bar), cards.ts (entity cards), config.ts and
 * log.ts (settings and output channels).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type IndexStatus } from '../../shared/protocol';
import { EntityCards } from './cards';
import { configuredLanguages, createClient, documentSelectorFor } from './client';
import { registerCommands } from './commands';
import { createLog, errorMessage, TraceChannel } from './log';
import type { Services } from './services';
import { ServerStatus } from './status';

/** What `activate` returns, for tests (`vscode.extensions.getExtension(...).exports`). */
export interface CorroborateApi {
  client: LanguageClient;
  /** resolves when the server has started and first reports the index ready; rejects if it cannot start, gives up after crashes, or reports an indexing error first */
  ready: Promise<void>;
  /** the last `corroborate/status` the server sent */
  status(): IndexStatus | undefined;
  onStatus: vscode.Event<IndexStatus>;
}

let activeClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): CorroborateApi {
  const log = createLog();
  const trace = new TraceChannel();
  const status = new ServerStatus();
  context.subscriptions.push(log, trace, status);

  // `ready`: settled once, by the first of: index ready, indexing error, start failure, crash give-up.
  let settleReady: (error?: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    let settled = false;
    settleReady = (error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
  });
  ready.catch(() => {}); // the rejection is for whoever awaits it; not an unhandled one

  let stoppedReason: string | undefined;
  const { client, serverModule, restartPolicy } = createClient(context, log, trace, (reason) => {
    stoppedReason = reason;
    settleReady(new Error(reason));
    void vscode.window.showErrorMessage(`${reason} See the output for the cause.`, 'Restart Server', 'Show Output').then((choice) => {
      if (choice) void vscode.commands.executeCommand(choice === 'Show Output' ? 'corroborate.showOutput' : 'corroborate.restartServer');
    });
  });
  activeClient = client;
  let selectorLanguages = configuredLanguages();
  const cards = new EntityCards(client);
  context.subscriptions.push(cards);

  let restarting = false;
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      const state = newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped';
      if (state === 'stopped' && restarting) return;
      status.setServer(state, stoppedReason ?? 'The language server stopped.');
      void vscode.commands.executeCommand('setContext', 'corroborate.serverRunning', state === 'running');
      if (state === 'running' && status.current?.state === 'ready') settleReady();
    }),
  );

  let previous: IndexStatus | undefined;
  context.subscriptions.push(
    client.onNotification(StatusNotification.type, (next) => {
      status.update(next);
      if (next.state === 'ready') {
        if (client.isRunning()) settleReady();
        const changed =
          previous?.state !== 'ready' ||
          previous.sources !== next.sources ||
          previous.entities !== next.entities ||
          previous.disputes !== next.disputes;
        if (changed) cards.refresh();
      } else if (next.state === 'error') {
        settleReady(new Error(`Corroborate: indexing failed${next.message ? `: ${next.message}` : ''}`));
        log.error(`Indexing failed${next.message ? `: ${next.message}` : ''}`);
      }
      if (
        next.problems.length > 0 &&
        next.state !== 'indexing' &&
        JSON.stringify(next.problems) !== JSON.stringify(previous?.problems ?? [])
      ) {
        for (const p of next.problems) log.warn(`Skipped ${p.path}: ${p.reason}`);
      }
      previous = next;
    }),
  );

  const serverMissing = (): string | undefined =>
    fs.existsSync(serverModule)
      ? undefined
      : `The Corroborate language server is not built: ${serverModule} is missing (run \`npm run build\`).`;

  let startFailed = false;
  const start = async (): Promise<void> => {
    const missing = serverMissing();
    if (missing) {
      stoppedReason = missing;
      log.error(missing);
      status.setServer('stopped', missing);
      settleReady(new Error(missing));
      throw new Error(missing);
    }
    if (startFailed) {
      // vscode-languageclient 11 keeps the rejected start promise after a failed start, so start() would
      // only fail again; forget it so that Restart Server really starts a new server.
      (client as unknown as { _onStart?: unknown })._onStart = undefined;
      startFailed = false;
    }
    try {
      await client.start();
    } catch (error) {
      startFailed = client.state === State.Stopped;
      // vscode-languageclient has already shown its own notification; record why for the status bar.
      stoppedReason = `The language server failed to start: ${errorMessage(error)}`;
      log.error(stoppedReason);
      status.setServer('stopped', stoppedReason);
      settleReady(new Error(stoppedReason));
      throw error;
    }
  };

  const restart = async (): Promise<void> => {
    restartPolicy.reset();
    stoppedReason = undefined;
    selectorLanguages = configuredLanguages();
    // Features read the selector at each start, so a restart picks up a change of `corroborate.languages`.
    client.clientOptions.documentSelector = documentSelectorFor(selectorLanguages);
    restarting = true;
    try {
      if (client.state === State.Starting) await client.start().catch(() => undefined);
      if (client.state === State.Running) await client.stop();
    } catch (error) {
      log.warn(`Stopping the server before the restart: ${errorMessage(error)}`);
    } finally {
      restarting = false;
    }
    log.info('Starting the language server.');
    await start();
  };

  const services: Services = { context, client, log, status, cards, restart };
  context.subscriptions.push(...registerCommands(services));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('corroborate.languages')) return;
      const languages = configuredLanguages();
      if (languages.join(',') === selectorLanguages.join(',')) return;
      const choice = await vscode.window.showInformationMessage(
        `Corroborate: restart the language server to check ${languages.join(', ')} documents?`,
        'Restart Server',
      );
      if (choice) await vscode.commands.executeCommand('corroborate.restartServer');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('The workspace is now trusted: restarting the server so it reads every configured corpus folder.');
      void restart().catch(() => undefined);
    }),
  );

  void vscode.commands.executeCommand('setContext', 'corroborate.active', true);
  log.info(
    `Corroborate ${context.extension.packageJSON?.version ?? ''} activating; languages: ${selectorLanguages.join(', ')}; trusted: ${vscode.workspace.isTrusted}.`,
  );
  start().catch((error) => {
    if (serverMissing()) void vscode.window.showErrorMessage(errorMessage(error), 'Show Output').then((c) => c && log.show(true));
  });

  return {
    client,
    ready,
    status: () => status.current,
    onStatus: status.onStatus,
  };
}

export async function deactivate(): Promise<void> {
  const client = activeClient;
  activeClient = undefined;
  if (!client) return;
  try {
    if (client.state === State.Starting) await client.start().catch(() => undefined);
    if (client.state === State.Running) await client.stop();
  } catch {
    // The extension host is going away; the server process ends with it.
  }
}
