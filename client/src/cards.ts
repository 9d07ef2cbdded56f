/**
 * Entity cards as read-only virtual documents (`corroborate:/entity/NAME.md?id=ID`), shown in the Markdown
 * preview beside the editor, or as text when the Markdown extension is not there.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntityRequest, type EntityCard } from '../../shared/protocol';

export const cardScheme = 'corroborate';

export class EntityCards implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly cache = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(cardScheme, this),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === cardScheme) this.cache.delete(d.uri.toString());
      }),
    );
  }

  uriFor(entity: { id: string; name: string }): vscode.Uri {
    const name = entity.name.replace(/[\\/:*?"<>|#%]+/g, ' ').trim() || 'entity';
    return vscode.Uri.from({ scheme: cardScheme, path: `/entity/${name}.md`, query: new URLSearchParams({ id: entity.id }).toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const cached = this.cache.get(uri.toString());
    if (cached !== undefined) return cached;
    const id = new URLSearchParams(uri.query).get('id');
    if (!id) return '# Unknown entity\n';
    if (!this.client.isRunning())
      return '# Corroborate is not running\n\nStart the language server (*Corroborate: Restart Server*) and open the card again.\n';
    const card = await this.client.sendRequest(EntityRequest.type, { id }, token);
    const text = card ? card.markdown : '# Not in the index\n\nThis entity is no longer in the corpus index.\n';
    this.cache.set(uri.toString(), text);
    return text;
  }

  /** After a reindex: open cards are fetched again. */
  refresh(): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of [...this.cache.keys()]) {
      this.cache.delete(key);
      if (open.has(key)) this.changed.fire(vscode.Uri.parse(key));
    }
  }

  /**
   * Opens a card beside the editor: rendered in the Markdown preview (`how: 'preview'`, falling back to
   * text without the Markdown extension), or as a read-only text editor that becomes the active editor.
   */
  async open(card: EntityCard, how: 'preview' | 'text'): Promise<{ uri: vscode.Uri; shown: 'preview' | 'text' }> {
    const uri = this.uriFor(card);
    const key = uri.toString();
    const before = this.cache.get(key);
    this.cache.set(key, card.markdown);
    if (before !== undefined && before !== card.markdown) this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (how === 'preview') {
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
        return { uri, shown: 'preview' };
      } catch {
        // No Markdown extension (or it is disabled): show the text itself.
      }
    }
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return { uri, shown: 'text' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
