import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core/index';
import type { DraftCheck } from '../core/check';
import type { Entity } from '../core/model';
import { mentionAt } from './drafts';
import { entityCard, esc, HOVER_CARDS, rankCandidates } from './card';

/** An ambiguous name shows the cards of its `HOVER_CARDS` most named candidates, and lists this many of the others by name. */
const CARDS = HOVER_CARDS;
const NAMES = 8;

export function hover(index: CorpusIndex, doc: TextDocument, check: DraftCheck, pos: Position): Hover | null {
  const m = mentionAt(check, doc.offsetAt(pos));
  if (!m) return null;
  const e = index.entity(m.entityId);
  if (!e) return null;
  const range = { start: doc.positionAt(m.span.start), end: doc.positionAt(m.span.end) };
  const parts = (m.candidates ?? [m.entityId]).map((id) => index.entity(id)).filter((x): x is Entity => !!x);
  if (parts.length <= 1) return { contents: { kind: 'markdown', value: entityCard(index, e, { markdownOnly: true }).markdown }, range };
  return { contents: { kind: 'markdown', value: ambiguousHover(index, m.text, parts) }, range };
}

/**
 * A short name that fits several entities ("Trump" in a corpus naming five Trumps): the candidates, most named first,
 * with the full cards of the first few; the rest by name (Go to Definition and Find References list them all).
 */
export function ambiguousHover(index: CorpusIndex, text: string, candidates: Entity[]): string {
  const ranked = rankCandidates(index, candidates);
  const md = [`_Ambiguous here: “${esc(text)}” may be any of ${ranked.length} entities, most named first._`, ''];
  for (const { e, n } of ranked.slice(0, CARDS + NAMES))
    md.push(`- **${esc(e.name)}** · ${e.type} · named in ${n} source${n === 1 ? '' : 's'}`);
  if (ranked.length > CARDS + NAMES) md.push(`- …and ${ranked.length - CARDS - NAMES} more (Go to Definition lists them all)`);
  const cards = ranked.slice(0, CARDS).map(({ e }) => entityCard(index, e, { markdownOnly: true }).markdown);
  return [md.join('\n'), ...cards].join('\n\n---\n\n');
}
