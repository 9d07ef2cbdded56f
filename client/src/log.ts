/**
 * The extension's output channels.
 * - `Corroborate`: a LogOutputChannel (`{ log: true }`) for the client's and the server's log
 *   (window/logMessage); its level is set with "Developer: Set Log Level…".
 * - `Corroborate Trace`: the LSP wire trace, switched by the `corroborate.trace.server` setting. It is
 *   created on the first traced message. vscode-languageclient 10+ traces only when the trace channel's
 *   log level is Trace, so this channel reports Trace whenever the setting is on, which makes the setting
 *   alone enough (no log-level dance for the user).
 */
import * as vscode from 'vscode';
import { readTrace, section, type TraceSetting } from './config';

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Corroborate', { log: true });
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

export class TraceChannel implements vscode.LogOutputChannel {
  readonly name = 'Corroborate Trace';
  private channel: vscode.OutputChannel | undefined;
  private setting: TraceSetting;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.setting = readTrace(vscode.workspace);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${section}.trace.server`)) return;
      const before = this.logLevel;
      this.setting = readTrace(vscode.workspace);
      if (this.logLevel !== before) this.levelChanged.fire(this.logLevel);
    });
  }

  get logLevel(): vscode.LogLevel {
    return this.setting === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  }

  private out(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(this.name);
    return this.channel;
  }

  private line(level: string, message: string, args: unknown[]): void {
    const extra = args.length > 0 ? ' ' + args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : '';
    this.out().appendLine(`${new Date().toISOString()} [${level}] ${message}${extra}`);
  }

  trace(message: string, ...args: unknown[]): void {
    if (this.setting !== 'off') this.line('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    if (this.setting !== 'off') this.line('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    if (this.setting !== 'off') this.line('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    if (this.setting !== 'off') this.line('warning', message, args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    if (this.setting !== 'off') this.line('error', errorMessage(error), args);
  }
  append(value: string): void {
    this.out().append(value);
  }
  appendLine(value: string): void {
    this.out().appendLine(value);
  }
  replace(value: string): void {
    this.out().replace(value);
  }
  clear(): void {
    this.channel?.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.out().show(columnOrPreserveFocus);
    else this.out().show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.channel?.hide();
  }
  dispose(): void {
    this.subscription.dispose();
    this.levelChanged.dispose();
    this.channel?.dispose();
  }
}
