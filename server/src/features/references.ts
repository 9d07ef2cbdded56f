import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import { mentionAt } from './drafts';
import { sourceLocation } from './locations';

/** Every mention in the corpus and in the open drafts. */
export function references(
  index: CorpusIndex,
  doc: TextDocument,
  check: DraftCheck,
  pos: Position,
  drafts: { doc: TextDocument; check: DraftCheck }[],
): Location[] {
  const m = mentionAt(check, doc.offsetAt(pos));
  if (!m) return [];
  const ids = new Set(m.candidates ?? [m.entityId]);
  const out: Location[] = [];
  for (const id of ids) {
    const e = index.entity(id);
    if (!e) continue;
    for (const mm of e.mentions) out.push(sourceLocation(index, mm.sourceId, mm.span));
  }
  for (const d of drafts) {
    for (const dm of d.check.mentions) {
      if (ids.has(dm.entityId))
        out.push({ uri: d.doc.uri, range: { start: d.doc.positionAt(dm.span.start), end: d.doc.positionAt(dm.span.end) } });
    }
  }
  return out;
}
