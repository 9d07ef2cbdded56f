/**
 * The index's state as the server reports it (`corroborate/status`), and the status bar item that shows
 * it while a draft is the active editor.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../shared/protocol';
import { readSettings } from './config';
import { statusBarView, type ServerState } from './view';
import { cardScheme } from './cards';

export class ServerStatus implements vscode.Disposable {
  private last: IndexStatus | undefined;
  private server: ServerState = 'starting';
  private stoppedReason: string | undefined;
  private readonly emitter = new vscode.EventEmitter<IndexStatus>();
  private readonly serverEmitter = new vscode.EventEmitter<ServerState>();
  /** every `corroborate/status` the server sends */
  readonly onStatus = this.emitter.event;
  readonly onServerState = this.serverEmitter.event;
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Corroborate';
    this.disposables.push(
      this.item,
      this.emitter,
      this.serverEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.updateVisibility();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corroborate.languages')) this.updateVisibility();
      }),
    );
    this.render();
    this.updateVisibility();
  }

  get current(): IndexStatus | undefined {
    return this.last;
  }

  get serverState(): ServerState {
    return this.server;
  }

  update(status: IndexStatus): void {
    this.last = status;
    this.render();
    this.emitter.fire(status);
  }

  setServer(state: ServerState, reason?: string): void {
    this.server = state;
    this.stoppedReason = state === 'stopped' ? reason : undefined;
    this.render();
    this.serverEmitter.fire(state);
  }

  private render(): void {
    const view = statusBarView(this.last, this.server, this.stoppedReason);
    this.item.text = view.text;
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    this.item.tooltip = tooltip;
    this.item.command = view.click === 'lookUpEntity' ? 'corroborate.lookUpEntity' : 'corroborate.showOutput';
    this.item.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
  }

  private updateVisibility(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const show = !!doc && (doc.uri.scheme === cardScheme || readSettings(vscode.workspace, doc.uri).languages.includes(doc.languageId));
    if (show) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
