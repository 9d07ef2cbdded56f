import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import { mentionAt } from './drafts';
import { bestPassages } from './card';
import { sourceLocation } from './locations';

/** The best passage in each source that names the entity (peek shows them all). */
export function definition(index: CorpusIndex, doc: TextDocument, check: DraftCheck, pos: Position): Location[] {
  const m = mentionAt(check, doc.offsetAt(pos));
  if (!m) return [];
  const out: Location[] = [];
  for (const id of m.candidates ?? [m.entityId]) {
    const e = index.entity(id);
    if (!e) continue;
    for (const p of bestPassages(index, e)) out.push(sourceLocation(index, p.sourceId, p.span));
  }
  return out;
}
