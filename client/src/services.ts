/** What the commands work with, created once in `activate`. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EntityCards } from './cards';
import type { ServerStatus } from './status';

export interface Services {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  log: vscode.LogOutputChannel;
  status: ServerStatus;
  cards: EntityCards;
  /** restarts the server (Restart Server command, trust granted, languages changed) */
  restart(): Promise<void>;
}
