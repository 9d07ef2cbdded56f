import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';

const KIND = {
  person: CompletionItemKind.Reference,
  organization: CompletionItemKind.Module,
  place: CompletionItemKind.Field,
  event: CompletionItemKind.Event,
} as const;

/** Entity names and aliases as the writer types a capitalised word. */
export function completion(index: CorpusIndex, doc: TextDocument, requested: Position): CompletionList {
  // Robustness: a position past the end, negative or fractional is clamped to the document, so the edit
  // ranges we answer are always inside it (test/robustness/protocol.test.ts).
  const offset = doc.offsetAt({ line: Math.floor(requested.line) || 0, character: Math.floor(requested.character) || 0 });
  const pos = doc.positionAt(offset);
  const text = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  const m = /(\p{Lu}[\p{L}'\u2019.-]*(?:\s+\p{Lu}[\p{L}'\u2019.-]*)?)$/u.exec(text);
  if (!m) return { isIncomplete: false, items: [] };
  const prefix = m[1];
  const start = doc.positionAt(offset - prefix.length);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { entity: e, matched } of index.search(prefix, 40)) {
    for (const name of [e.name, ...e.aliases]) {
      if (!name.toLowerCase().startsWith(prefix.toLowerCase()) && name !== matched) continue;
      if (seen.has(name)) continue;
      seen.add(name);
      const sources = index.sourceCountOf(e);
      items.push({
        label: name,
        kind: KIND[e.type],
        detail: `${e.type} · ${sources} source${sources === 1 ? '' : 's'}${name !== e.name ? ` · ${e.name}` : ''}`,
        textEdit: { range: { start, end: pos }, newText: name },
        filterText: name,
        sortText: String(1000 - Math.min(999, index.mentionCountOf(e.id))).padStart(4, '0') + name,
        data: { entityId: e.id },
      });
    }
  }
  return { isIncomplete: true, items: items.slice(0, 50) };
}
