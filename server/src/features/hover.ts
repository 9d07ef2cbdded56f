import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import { mentionAt } from './drafts';
import { entityCard } from './card';

export function hover(index: CorpusIndex, doc: TextDocument, check: DraftCheck, pos: Position): Hover | null {
  const m = mentionAt(check, doc.offsetAt(pos));
  if (!m) return null;
  const e = index.entity(m.entityId);
  if (!e) return null;
  const parts = (m.candidates ?? [m.entityId]).map((id) => index.entity(id)).filter((x): x is NonNullable<typeof x> => !!x);
  const value = parts.map((x) => entityCard(index, x, { candidates: m.candidates, markdownOnly: true }).markdown).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: { start: doc.positionAt(m.span.start), end: doc.positionAt(m.span.end) } };
}
