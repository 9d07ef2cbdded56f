/**
 * Ordering and choosing of quick-pick candidates. Pure (fuse.js only), unit-tested in test/client.
 *
 * The server already searches its index (exact, alias and fuzzy); this re-ranks its answer for the
 * exact text the user typed: exact name, exact alias, prefix of a name or alias word, then fuse.js's
 * fuzzy score over name and aliases, then the server's own order.
 */
import Fuse from 'fuse.js';
import type { EntitySummary } from '../../shared/protocol';

/** Lower case, no diacritics, single spaces: "Maëlbeek  Station" → "maelbeek station". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function startsAWord(text: string, query: string): boolean {
  return text.startsWith(query) || text.includes(' ' + query);
}

function tier(entity: EntitySummary, q: string): number {
  const name = fold(entity.name);
  const aliases = entity.aliases.map(fold);
  if (name === q) return 0;
  if (aliases.includes(q)) return 1;
  if (startsAWord(name, q)) return 2;
  if (aliases.some((a) => startsAWord(a, q))) return 3;
  return 4;
}

export function rankEntities(query: string, candidates: readonly EntitySummary[]): EntitySummary[] {
  const q = fold(query);
  if (q === '' || candidates.length < 2) return [...candidates];
  const fuse = new Fuse(candidates, {
    keys: [
      { name: 'name', weight: 2 },
      { name: 'aliases', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.5,
  });
  const scores = new Map<number, number>();
  for (const r of fuse.search(query.trim())) scores.set(r.refIndex, r.score ?? 1);
  return candidates
    .map((entity, index) => {
      const t = tier(entity, q);
      const score = scores.get(index);
      // Entities that neither match a word nor fuzzily come last, in the server's order.
      return { entity, index, tier: t === 4 && score === undefined ? 5 : t, score: score ?? 1 };
    })
    .sort((a, b) => a.tier - b.tier || a.score - b.score || a.index - b.index)
    .map((x) => x.entity);
}

/**
 * Picks one item for a command's test argument: a number is an index, a string matches an item's
 * keys (id first, then exact name/alias/title, then the first key containing it), ignoring case and accents.
 */
export function choose<T>(
  items: readonly T[],
  pick: number | string | undefined,
  keys: (item: T) => (string | undefined)[],
): T | undefined {
  if (pick === undefined) return items[0];
  if (typeof pick === 'number') return Number.isInteger(pick) && pick >= 0 ? items[pick] : undefined;
  const p = fold(pick);
  if (p === '') return items[0];
  const folded = items.map((item) => keys(item).filter((k): k is string => typeof k === 'string'));
  const byId = items.findIndex((_, i) => folded[i][0] === pick);
  if (byId >= 0) return items[byId];
  const exact = folded.findIndex((ks) => ks.some((k) => fold(k) === p));
  if (exact >= 0) return items[exact];
  const partial = folded.findIndex((ks) => ks.some((k) => fold(k).includes(p)));
  return partial >= 0 ? items[partial] : undefined;
}
