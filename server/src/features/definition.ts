import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import type { Entity } from '../core/model';
import { mentionAt } from './drafts';
import { bestPassages, rankCandidates } from './card';
import { sourceLocation } from './locations';

/**
 * The best passage in each source that names the entity (peek shows them all). For a name that fits several
 * entities, the best passage of each candidate, most named first: one entry per candidate.
 */
export function definition(index: CorpusIndex, doc: TextDocument, check: DraftCheck, pos: Position): Location[] {
  const m = mentionAt(check, doc.offsetAt(pos));
  if (!m) return [];
  const entities = (m.candidates ?? [m.entityId]).map((id) => index.entity(id)).filter((e): e is Entity => !!e);
  if (entities.length === 1) return bestPassages(index, entities[0]).map((p) => sourceLocation(index, p.sourceId, p.span));
  const out: Location[] = [];
  for (const { e } of rankCandidates(index, entities))
    for (const p of bestPassages(index, e, 1)) out.push(sourceLocation(index, p.sourceId, p.span));
  return out;
}
