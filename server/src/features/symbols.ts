import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import { sourceLocation } from './locations';

const KIND = { person: SymbolKind.Object, organization: SymbolKind.Namespace, place: SymbolKind.Field, event: SymbolKind.Event } as const;

/** The entities named in the draft, each with its mentions as children. */
export function documentSymbols(index: CorpusIndex, doc: TextDocument, check: DraftCheck): DocumentSymbol[] {
  const byEntity = new Map<string, DocumentSymbol>();
  for (const m of check.mentions) {
    const e = index.entity(m.entityId);
    if (!e) continue;
    const range = { start: doc.positionAt(m.span.start), end: doc.positionAt(m.span.end) };
    let s = byEntity.get(e.id);
    if (!s) {
      s = { name: e.name, detail: e.type, kind: KIND[e.type], range, selectionRange: range, children: [] };
      byEntity.set(e.id, s);
    } else {
      s.range = { start: s.range.start, end: range.end };
    }
    s.children!.push({ name: m.text, kind: KIND[e.type], range, selectionRange: range });
  }
  return [...byEntity.values()];
}

/** Every corpus entity matching the query (trigram index, never a scan). */
export function workspaceSymbols(index: CorpusIndex, query: string): WorkspaceSymbol[] {
  return index.search(query, 200).map(({ entity: e }) => {
    const m = index.firstMentionOf(e.id)!;
    return { name: e.name, kind: KIND[e.type], containerName: e.type, location: sourceLocation(index, m.sourceId, m.span) };
  });
}
