import type { CorpusIndex } from '../core/index';
import { shownText, sourceName, speakerShown, type Claim, type Dispute, type DraftMention, type Entity, type Source } from '../core/model';
import { isDoubt, short } from '../core/disputes/detect';
import type { ClaimView, DisputeView, EntityCard, EntitySummary, SourceSummary } from '../../../shared/protocol';
import { sourceLocation, sourceUri } from './locations';

/**
 * The entity card: what each source says about an entity, who says it and where, and what is disputed.
 * The same card serves the hover, the "Open entity card" view and `corroborate lookup`.
 */
export function entitySummary(index: CorpusIndex, e: Entity): EntitySummary {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    sourceCount: index.sourceCountOf(e),
    mentionCount: index.mentionCountOf(e.id),
    disputeCount: index.disputesOf(e.id).length,
  };
}

export function sourceSummary(index: CorpusIndex, s: Source): SourceSummary {
  const entityCount = index.entityCountIn(s.id);
  return {
    id: s.id,
    uri: sourceUri(index, s.id),
    title: s.meta.title,
    outlet: s.meta.outlet,
    author: s.meta.author,
    published: s.meta.published,
    kind: s.meta.kind,
    entityCount,
  };
}

export function claimView(index: CorpusIndex, c: Claim): ClaimView {
  const src = index.sources.get(c.sourceId)!;
  return {
    id: c.id,
    text: shownText(c),
    stance: c.stance,
    speaker: c.speaker.kind === 'outlet' ? (src.meta.outlet ?? 'the source') : (c.speaker.name ?? 'a speaker'),
    location: sourceLocation(index, c.sourceId, c.span),
    source: sourceSummary(index, src),
  };
}

export function disputeView(index: CorpusIndex, d: Dispute): DisputeView {
  return {
    id: d.id,
    kind: d.kind,
    point: d.point,
    entities: d.entityIds.map((id) => ({ id, name: index.entity(id)?.name ?? id })),
    sides: d.sides.flatMap((s) => {
      const c = index.claim(s.claimId);
      return c ? [{ position: s.position, claim: claimView(index, c) }] : [];
    }),
  };
}

/**
 * The name as written when the claim names the entity only through a name that fits several entities ("Abdeslam"
 * in an article about two brothers): such a sentence may be about another of them.
 */
export function ambiguousName(index: CorpusIndex, c: Claim, entityId: string): string | undefined {
  if (!c.entityIds.includes(entityId)) return undefined;
  return index.ambiguousNameIn(c.sourceId, c.span.start, c.span.end, entityId);
}

/**
 * The source's claims about the entity (their indexes), ranked: direct mention first (not through a name that fits
 * others too), figures and stances, then position in the article. Scored from the packed columns: no claim is made.
 */
function rankedClaimIndexes(index: CorpusIndex, e: Entity, sourceId: string): number[] {
  const r = ranking(index, e);
  let kept = r.ranked?.get(sourceId);
  if (!kept) (r.ranked ??= new Map()).set(sourceId, (kept = rankClaims(index, e, sourceId, r)));
  return kept;
}

/** Claim `i` of the source (at `s` in the claim store) names the entity, and not only through a name that fits others. */
function namesDirectly(
  index: CorpusIndex,
  e: Entity,
  sourceId: string,
  s: number,
  i: number,
  span: { start: number; end: number } = index.claims.spanAt(s, i),
): boolean {
  return index.claims.entityIdsAt(s, i).includes(e.id) && !index.ambiguousNameIn(sourceId, span.start, span.end, e.id);
}

function rankClaims(index: CorpusIndex, e: Entity, sourceId: string, r: Ranking): number[] {
  const store = index.claims;
  const s = store.sourceAt(sourceId);
  if (s === undefined) return [];
  // the title is the card's heading for the source already: quoted again it says nothing more, so it comes last
  const title = index.sources.get(sourceId)?.meta.title?.trim();
  const isTitle = (i: number) => !!title && store.isHeadingAt(s, i) && store.at(s, i).text.trim() === title;
  const person = e.type === 'person';
  const names = person ? new Set([e.name, ...e.aliases].map((n) => n.toLowerCase())) : undefined;
  const score = (i: number) => {
    const span = store.spanAt(s, i);
    const stance = store.stanceAt(s, i);
    // in a transcript, an interviewee's own turns name them only in their label (what the source says about them comes
    // first), the interviewer's questions say nothing (a question asked elsewhere may be a doubt: it keeps its point),
    // and a speaker's hedges in conversation ("just", "probably") mark no doubt
    const turn = store.isTurnAt(s, i);
    const direct = namesDirectly(index, e, sourceId, s, i, span);
    // (a turn's speaker read only where it may be the entity: a person named in a turn)
    const ownTurn = person && direct && turn && names!.has(store.speakerNameAt(s, i)?.toLowerCase() ?? '');
    return (
      (direct && !ownTurn ? 3 : 0) -
      (isTitle(i) ? 6 : 0) +
      (store.hasFiguresAt(s, i) ? 1 : 0) +
      (stance === 'asserts' ? 0 : !turn ? 1 : stance === 'questions' ? -2 : 0) +
      (index.isDisputedClaimAt(s, i) ? 2 : 0) -
      (span.end - span.start > 400 ? 1 : 0)
    );
  };
  const indexes = r.bySource.get(sourceId) ?? store.indexesBySource(e.id).get(sourceId) ?? [];
  return indexes
    .map((i, k) => ({ i, s: score(i) - k * 0.01 }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.i);
}

/** The source's `limit` best claims about the entity (`rankedClaimIndexes`), made. */
function rankedClaims(index: CorpusIndex, e: Entity, sourceId: string, limit: number): Claim[] {
  const s = index.claims.sourceAt(sourceId);
  return s === undefined
    ? []
    : rankedClaimIndexes(index, e, sourceId)
        .slice(0, limit)
        .map((i) => index.claims.at(s, i));
}

/**
 * Sources naming the entity, most relevant first: disputed claims, then most claims, then newest (ISO dates compare
 * as strings). Each source is scored once, and the order is kept per index version (a popular entity is named in
 * thousands of sources, and every hover on it needs this list).
 */
interface Ranking {
  /** the first `RANKED_SOURCES` sources naming the entity, most relevant first (not all of a popular entity's
   * thousands) */
  sources: string[];
  /** how many sources name the entity */
  sourceCount: number;
  /** the indexes of the entity's claims in each of its first `RANKED_SOURCES` sources */
  bySource: Map<string, number[]>;
  /** `bestPassages` by limit, once asked for */
  passages?: Map<number, Passage[]>;
  /** `rankedClaimIndexes` by source, once asked for */
  ranked?: Map<string, number[]>;
  /** the hover's card (markdown only, default options), once asked for, and the corpus size it counted: sources
   * indexed since the last rebuild change that count, not the ranking */
  hoverCard?: { card: EntityCard; total: number };
}

type Passage = { sourceId: string; span: { start: number; end: number } };
const rankingCache = new WeakMap<CorpusIndex, { version: number; byEntity: Map<string, Ranking> }>();
interface SourceRow {
  id: string;
  /** its slot in the claim store, -1 when it has no claim about the entity */
  slot: number;
  /** its claims about the entity, plus 1,000 when one of them is disputed */
  score: number;
  date: string;
}
/** `a` ranks before `b`: a higher score, or the same and newer (ISO dates compare as strings) */
function comesBefore(a: SourceRow, b: SourceRow): boolean {
  return a.score > b.score || (a.score === b.score && a.date > b.date);
}
function ranking(index: CorpusIndex, e: Entity): Ranking {
  let cache = rankingCache.get(index);
  if (!cache || cache.version !== index.version) rankingCache.set(index, (cache = { version: index.version, byEntity: new Map() }));
  const hit = cache.byEntity.get(e.id);
  if (hit) return hit;
  // scored from the claims' indexes: a popular entity's claims are not all made for this
  // (counted by source slot of the claim store: no list per source, no lookup by source id per claim)
  const store = index.claims;
  const counts = new Map<number, number>();
  const disputed = new Set<number>();
  // (the claims come source by source: counted in runs, with each source's disputed claims looked up once a run, not
  // a map lookup per claim: ~13,000 claims for the most named entity of 10,000 articles)
  let run = -1;
  let n = 0;
  let sides: ReadonlySet<number> | undefined;
  const endRun = () => {
    if (run >= 0) counts.set(run, (counts.get(run) ?? 0) + n);
  };
  store.visitEntity(e.id, (s, i) => {
    if (s !== run) {
      endRun();
      run = s;
      n = 0;
      sides = index.disputedClaimsIn(s);
    }
    n++;
    if (sides?.has(i)) disputed.add(s);
  });
  endRun();
  // the first RANKED_SOURCES of the sources in that order (ties as listed), picked as they come: a popular entity is
  // named in thousands of sources, and most of them are turned down on their score alone
  const ids = index.sourcesOf(e.id);
  const top: SourceRow[] = [];
  for (const id of ids) {
    const s = counts.size ? store.sourceAt(id) : undefined;
    const n = s === undefined ? 0 : (counts.get(s) ?? 0);
    const score = (n && disputed.has(s!) ? 1000 : 0) + n;
    const full = top.length === RANKED_SOURCES;
    if (full && score < top[RANKED_SOURCES - 1].score) continue;
    const row = { id, slot: n ? s! : -1, score, date: index.sources.get(id)?.meta.published ?? '' };
    if (full && !comesBefore(row, top[RANKED_SOURCES - 1])) continue;
    // after every row it does not come before (the rows it comes before are the last ones)
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comesBefore(row, top[mid])) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, row);
    if (top.length > RANKED_SOURCES) top.pop();
  }
  // only the sources a card or a definition can show keep their claim indexes (an entity named in thousands of
  // sources kept thousands of lists in this cache), in the order of the entity's claims
  const shown = new Map<number, number[]>();
  for (const x of top) if (x.slot >= 0) shown.set(x.slot, []);
  if (shown.size) store.visitEntity(e.id, (s, i) => void shown.get(s)?.push(i));
  const kept = new Map<string, number[]>();
  for (const x of top) if (x.slot >= 0) kept.set(x.id, shown.get(x.slot)!);
  const r = { sources: top.map((x) => x.id), sourceCount: ids.length, bySource: kept };
  if (cache.byEntity.size > 2000) cache.byEntity.clear();
  cache.byEntity.set(e.id, r);
  return r;
}

/** The candidates of an ambiguous name, most named first (sources, then mentions, then name). */
export function rankCandidates(index: CorpusIndex, candidates: Entity[]): { e: Entity; n: number }[] {
  return candidates
    .map((e) => ({ e, n: index.sourceCountOf(e) }))
    .sort(
      (a, b) =>
        b.n - a.n ||
        index.mentionCountOf(b.e.id) - index.mentionCountOf(a.e.id) ||
        (a.e.name < b.e.name ? -1 : a.e.name > b.e.name ? 1 : 0),
    );
}

const MAX_SOURCES = 12;
/** the most sources whose passages are shown (`bestPassages`' default limit) */
const RANKED_SOURCES = MAX_SOURCES * 4;

/** The best passage about the entity in each of its `limit` most relevant sources (`RANKED_SOURCES` at most; kept per
 * index version). */
export function bestPassages(index: CorpusIndex, e: Entity, limit = RANKED_SOURCES): Passage[] {
  const r = ranking(index, e);
  const kept = r.passages?.get(limit);
  if (kept) return kept;
  const out: Passage[] = [];
  const store = index.claims;
  for (const sourceId of r.sources.slice(0, limit)) {
    // the best claim's sentence when it names the entity directly, else the first mention (nothing is made)
    const mention = index.firstMentionSpanIn(sourceId, e.id)!;
    const best = rankedClaimIndexes(index, e, sourceId)[0];
    const s = store.sourceAt(sourceId);
    const direct = best !== undefined && s !== undefined && namesDirectly(index, e, sourceId, s, best);
    out.push({ sourceId, span: direct ? store.spanAt(s, best) : mention });
  }
  (r.passages ??= new Map()).set(limit, out);
  return out;
}

function linkTo(index: CorpusIndex, c: { sourceId: string; span: { start: number; end: number } }, label: string): string {
  const loc = sourceLocation(index, c.sourceId, c.span);
  return `[${label}](${loc.uri}#L${loc.range.start.line + 1},${loc.range.start.character + 1})`;
}

export function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

/**
 * `markdownOnly`: the hover shows only the markdown, so the views of the shown sources and claims, the best passage
 * of every source (up to 48, each located in its file) and the views of every dispute are left out (`sources`,
 * `passages` and `disputes` empty); for an entity named in thousands of sources they are most of the cost.
 */
export function entityCard(
  index: CorpusIndex,
  e: Entity,
  opts: { claimsPerSource?: number; candidates?: string[]; markdownOnly?: boolean } = {},
): EntityCard {
  // the hover's card, asked for on every hover of the entity, is kept with the entity's ranking
  if (opts.markdownOnly && !opts.candidates && opts.claimsPerSource === undefined) {
    const r = ranking(index, e);
    if (!hoverCardCurrent(index, r)) r.hoverCard = { card: makeCard(index, e, opts), total: index.sources.size };
    return r.hoverCard!.card;
  }
  return makeCard(index, e, opts);
}

/**
 * Steps that make, one a step, the hover cards a hover on these mentions would show (an ambiguous name's first
 * candidates'), as long as `wanted()`: a card is kept with its entity's ranking for this index version, where the hover
 * finds it. Made while the editor is idle, the first hover on an entity of a draft answers as fast as the next (a
 * popular entity's first card took up to ~15 ms at 10,000 articles). Whether every card is made, and how many were
 * made now.
 */
export function* warmHoverCards(
  index: CorpusIndex,
  mentions: Iterable<DraftMention>,
  wanted: () => boolean,
): Generator<void, { all: boolean; made: number }, void> {
  const seen = new Set<string>();
  let made = 0;
  for (const m of mentions) {
    const ids = m.candidates && m.candidates.length > 1 ? m.candidates : [m.entityId];
    const key = ids.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    const entities = ids.map((id) => index.entity(id)).filter((e): e is Entity => !!e);
    const shown =
      entities.length > 1
        ? rankCandidates(index, entities)
            .slice(0, HOVER_CARDS)
            .map((x) => x.e)
        : entities;
    for (const e of shown) {
      if (!wanted() || made >= WARM_MAX) return { all: made >= WARM_MAX, made };
      if (hoverCardMade(index, e)) continue;
      entityCard(index, e, { markdownOnly: true });
      made++;
      yield;
    }
  }
  return { all: true, made };
}

/** the most cards made ahead at a time: the rankings that keep them are dropped past 2,000 entities (`ranking`) */
const WARM_MAX = 1000;

/** the cards an ambiguous name's hover shows in full (hover.ts) */
export const HOVER_CARDS = 2;

/** whether the hover card of the entity is made for this index version */
export function hoverCardMade(index: CorpusIndex, e: Entity): boolean {
  return hoverCardCurrent(index, ranking(index, e));
}

/** whether a ranking's hover card counts the sources indexed now (it is kept with the ranking, per index version) */
function hoverCardCurrent(index: CorpusIndex, r: Ranking): boolean {
  return r.hoverCard?.total === index.sources.size;
}

function makeCard(
  index: CorpusIndex,
  e: Entity,
  opts: { claimsPerSource?: number; candidates?: string[]; markdownOnly?: boolean },
): EntityCard {
  const per = opts.claimsPerSource ?? 2;
  const summary = entitySummary(index, e);
  const total = index.sources.size;
  const bySource = new Map<string, Claim[]>();
  const ranked = ranking(index, e);
  for (const id of ranked.sources.slice(0, MAX_SOURCES)) bySource.set(id, rankedClaims(index, e, id, per));
  const disputes = index.disputesOf(e.id);
  const md: string[] = [];
  md.push(`**${esc(e.name)}** · ${e.type}${e.date ? ` · ${e.date}` : ''}`);
  if (opts.candidates && opts.candidates.length > 1)
    md.push(`\n_Ambiguous here: ${opts.candidates.map((id) => esc(index.entity(id)?.name ?? id)).join(' or ')}_`);
  if (e.aliases.length) md.push(`\nAlso: ${e.aliases.slice(0, 8).map(esc).join(', ')}`);
  md.push(`\nNamed in ${summary.sourceCount} of ${total} source${total === 1 ? '' : 's'}`);
  const sources: EntityCard['sources'] = [];
  for (const [sid, claims] of bySource) {
    const src = index.sources.get(sid);
    if (!src) continue;
    const head = [sourceName(src, sid), src.meta.author, src.meta.published].filter(Boolean).join(' · ');
    md.push(`\n---\n**${esc(head)}**${src.meta.title && src.meta.outlet ? ` — _${esc(short(src.meta.title, 90))}_` : ''}`);
    const top = claims.slice(0, per);
    for (const c of top) {
      // (a speaker named only by a pronoun is in the passage itself: "He says doctors …")
      const named = speakerShown(c.speaker);
      const who = named ? ` — ${esc(named)}` : c.speaker.kind === 'outlet' || c.speaker.name ? '' : ' — quoted';
      // a stance is shown only where the source doubts or denies the point itself, with its own words
      const stance = isDoubt(c) ? ` _(${c.stance === 'denies' ? 'denies' : 'doubts'}${c.stanceCue ? `: “${esc(c.stanceCue)}”` : ''})_` : '';
      const amb = ambiguousName(index, c, e.id);
      const maybe = amb ? ` _(“${esc(amb)}” here may be someone else of that name)_` : '';
      md.push(`\n> ${esc(short(shownText(c), 220))}${who}${stance}${maybe} ${linkTo(index, c, 'open')}`);
    }
    if (!top.length) {
      const m = index.firstMentionIn(sid, e.id)!;
      md.push(`\n> ${esc(m.text)} ${linkTo(index, m, 'open')}`);
    }
    if (!opts.markdownOnly) sources.push({ source: sourceSummary(index, src), claims: top.map((c) => claimView(index, c)) });
  }
  if (ranked.sourceCount > MAX_SOURCES)
    md.push(`\n_…and ${ranked.sourceCount - MAX_SOURCES} more sources (Look Up Entity… lists them all)_`);
  if (disputes.length) {
    md.push(`\n---\n**Disputed** (${disputes.length})`);
    for (const d of disputes.slice(0, 5)) {
      md.push(`\n- _${d.kind}_: ${esc(short(d.point, 160))}`);
      for (const s of d.sides.slice(0, 4)) {
        const c = index.claim(s.claimId);
        if (!c) continue;
        const src = index.sources.get(c.sourceId);
        md.push(
          `\n  - ${esc(sourceName(src, c.sourceId))}: ${esc(s.position)} — “${esc(short(shownText(c), 140))}” ${linkTo(index, c, 'open')}`,
        );
      }
    }
  }
  return {
    ...summary,
    sources,
    disputes: opts.markdownOnly ? [] : disputes.map((d) => disputeView(index, d)),
    passages: opts.markdownOnly ? [] : bestPassages(index, e).map((p) => sourceLocation(index, p.sourceId, p.span)),
    markdown: md.join('\n'),
  };
}
