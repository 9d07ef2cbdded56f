/**
 * Check All Drafts: find the workspace's drafts (files of the configured languages, outside node_modules,
 * the excluded files and every corpus folder) and ask the server to check them; it publishes their
 * diagnostics and answers the number of findings per draft.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { CheckAllDraftsRequest } from '../../shared/protocol';
import { readSettings } from './config';
import { draftExclude, draftInclude } from './globs';
import type { Services } from './services';
import { checkSummary } from './view';

export const maxDrafts = 2000;

export interface CheckArgs {
  /** check these uris instead of searching the workspace */
  uris?: string[];
}

export interface CheckResult {
  uris: string[];
  results: { uri: string; findings: number }[];
  summary: string;
}

export function isCheckArgs(arg: unknown): arg is CheckArgs {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    !(arg instanceof vscode.Uri) &&
    (!('uris' in arg) || (Array.isArray(arg.uris) && arg.uris.every((u: unknown) => typeof u === 'string')))
  );
}

export async function findDrafts(s: Services, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const settings = readSettings(vscode.workspace, folder.uri);
    const include = draftInclude(settings.languages);
    if (!include) {
      s.log.warn(`Check All Drafts: none of the languages ${settings.languages.join(', ')} has known file extensions in ${folder.name}.`);
      continue;
    }
    const excludes = vscode.workspace.getConfiguration(undefined, folder.uri);
    const exclude = draftExclude({
      folder: folder.uri.fsPath,
      corpusPaths: settings.corpus.paths,
      bundledCorpus: s.context.asAbsolutePath('corpus'),
      settingExcludes: [excludes.get('files.exclude'), excludes.get('search.exclude')],
      home: os.homedir(),
    });
    s.log.debug(`Check All Drafts in ${folder.name}: include ${include}, exclude ${exclude ?? '(nothing)'}`);
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, include),
      exclude ? new vscode.RelativePattern(folder, exclude) : null,
      maxDrafts,
      token,
    );
    for (const uri of uris) found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

export async function checkAllDrafts(s: Services, arg?: unknown): Promise<CheckResult | undefined> {
  const given = isCheckArgs(arg) ? arg.uris : undefined;
  if (!given && !vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Corroborate: open a folder to check its drafts.');
    return undefined;
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Corroborate', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding drafts…' });
      const uris = given ?? (await findDrafts(s, token)).map((u) => s.client.code2ProtocolConverter.asUri(u));
      if (token.isCancellationRequested) return undefined;
      if (uris.length === 0) return { uris, results: [] };
      if (uris.length >= maxDrafts) s.log.warn(`Check All Drafts: checking the first ${maxDrafts} drafts only.`);
      progress.report({ message: `checking ${uris.length} draft${uris.length === 1 ? '' : 's'}…` });
      const results = await s.client.sendRequest(CheckAllDraftsRequest.type, { uris }, token);
      return { uris, results };
    },
  );
  if (!outcome) return undefined;
  if (outcome.uris.length === 0) {
    const languages = readSettings(vscode.workspace).languages.join(', ');
    void vscode.window.showInformationMessage(`Corroborate: no drafts (${languages}) found in the workspace outside the corpus folders.`);
    return { ...outcome, summary: 'no drafts' };
  }
  const summary = checkSummary(outcome.results);
  s.log.info(summary);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(summary);
  return { ...outcome, summary };
}
