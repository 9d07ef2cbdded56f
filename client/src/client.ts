/**
 * The LanguageClient: how the server is started, which documents it sees, what it is told at
 * initialize, how its settings reach it, and what happens when it crashes.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { serverProcessOptions, type InitializationOptions } from '../../shared/protocol';
import { totalmem } from 'node:os';
import { coerceSettings, readSettings, section } from './config';
import { errorMessage } from './log';
import { RestartPolicy } from './restarts';

export const clientId = 'corroborate';
export const clientName = 'Corroborate';

/** Commands that hover and card Markdown may link to (`command:` links are otherwise refused). */
export const linkableCommands = ['corroborate.openPassage', 'corroborate.lookUpEntity', 'corroborate.showDisputes'];

/** The languages any folder of the workspace asks for (the document selector is one for the window). */
export function configuredLanguages(): string[] {
  const scopes: (vscode.Uri | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  return [...new Set(scopes.flatMap((scope) => readSettings(vscode.workspace, scope).languages))].sort();
}

export function documentSelectorFor(languages: readonly string[]): DocumentSelector {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/** Restarts a crashed server up to 4 times in 3 minutes, then stops and says so. */
class CrashHandler implements ErrorHandler {
  constructor(
    private readonly policy: RestartPolicy,
    private readonly log: vscode.LogOutputChannel,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.log.error(
      `Connection to the server failed${message ? ` (${'method' in message ? String(message.method) : 'message'})` : ''}: ${errorMessage(error)}`,
    );
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const { restart, recent } = this.policy.crashed(Date.now());
    if (restart) {
      this.log.warn(
        `The language server stopped unexpectedly; restarting it (crash ${recent} of at most ${this.policy.max + 1} in 3 minutes).`,
      );
      return { action: CloseAction.Restart, handled: true };
    }
    const reason = `The Corroborate language server crashed ${recent} times in 3 minutes and was not restarted.`;
    this.log.error(reason);
    this.onGiveUp(reason);
    return { action: CloseAction.DoNotRestart, handled: true, message: reason };
  }
}

export interface CreatedClient {
  client: LanguageClient;
  serverModule: string;
  restartPolicy: RestartPolicy;
}

export function createClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  trace: vscode.LogOutputChannel,
  onGiveUp: (reason: string) => void,
): CreatedClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const { execArgv, env: serverEnv } = serverProcessOptions(totalmem());
  const env = { ...process.env, ...serverEnv };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'], env } },
  };
  const restartPolicy = new RestartPolicy();

  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelectorFor(configuredLanguages()),
    // Push didChangeConfiguration for `corroborate` too; the server also pulls per document.
    synchronize: { configurationSection: section },
    // A function, so a restart after the workspace is trusted passes the new trust.
    initializationOptions: (): InitializationOptions => ({
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
      bundledCorpusPath: context.asAbsolutePath('corpus'),
      trusted: vscode.workspace.isTrusted,
    }),
    outputChannel: log,
    traceOutputChannel: trace,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: clientId,
    errorHandler: new CrashHandler(restartPolicy, log, onGiveUp),
    markdown: { isTrusted: { enabledCommands: linkableCommands }, supportHtml: false, supportThemeIcons: true },
    middleware: {
      workspace: {
        // Whatever settings.json holds, the server receives complete, well-typed settings.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => (params.items[i]?.section === section ? coerceSettings(value) : value));
        },
      },
    },
  };

  const client = new LanguageClient(clientId, clientName, serverOptions, clientOptions);
  return { client, serverModule, restartPolicy };
}
