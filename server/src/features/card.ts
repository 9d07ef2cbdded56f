import type { CorpusIndex } from '../core/index';
import type { Claim, Dispute, Entity, Source } from '../core/model';
import { short } from '../core/disputes/detect';
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
    mentionCount: e.mentions.length,
    disputeCount: index.disputesOf(e.id).length,
  };
}

export function sourceSummary(index: CorpusIndex, s: Source): SourceSummary {
  const entityCount = new Set((index.table.mentions.get(s.id) ?? []).map((m) => m.entityId).filter(Boolean)).size;
  return { id: s.id, uri: sourceUri(index, s.id), title: s.meta.title, outlet: s.meta.outlet, author: s.meta.author, published: s.meta.published, kind: s.meta.kind, entityCount };
}

export function claimView(index: CorpusIndex, c: Claim): ClaimView {
  const src = index.sources.get(c.sourceId)!;
  return {
    id: c.id,
    text: c.text,
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
    sides: d.sides.filter((s) => index.claimById.has(s.claimId)).map((s) => ({ position: s.position, claim: claimView(index, index.claimById.get(s.claimId)!) })),
  };
}

/** Claims about the entity, ranked: direct mention first, figures and stances, then position in the article. */
function rankedClaims(index: CorpusIndex, e: Entity, sourceId: string): Claim[] {
  const list = (index.claimsByEntity.get(e.id) ?? []).filter((c) => c.sourceId === sourceId);
  const score = (c: Claim) =>
    (c.entityIds.includes(e.id) ? 3 : 0) + (c.quantities.length ? 1 : 0) + (c.stance !== 'asserts' ? 1 : 0) + (index.disputesByClaim.has(c.id) ? 2 : 0) - (c.text.length > 400 ? 1 : 0);
  return list.map((c, i) => ({ c, s: score(c) - i * 0.01 })).sort((a, b) => b.s - a.s).map((x) => x.c);
}

export function bestPassages(index: CorpusIndex, e: Entity): { sourceId: string; span: { start: number; end: number } }[] {
  const out: { sourceId: string; span: { start: number; end: number } }[] = [];
  const seen = new Set<string>();
  for (const m of e.mentions) {
    if (seen.has(m.sourceId)) continue;
    seen.add(m.sourceId);
    const best = rankedClaims(index, e, m.sourceId)[0];
    out.push({ sourceId: m.sourceId, span: best && best.entityIds.includes(e.id) ? best.span : m.span });
  }
  return out;
}

const TYPE_LABEL: Record<string, string> = { person: 'person', organization: 'organization', place: 'place', event: 'event' };

function linkTo(index: CorpusIndex, c: { sourceId: string; span: { start: number; end: number } }, label: string): string {
  const loc = sourceLocation(index, c.sourceId, c.span);
  return `[${label}](${loc.uri}#L${loc.range.start.line + 1},${loc.range.start.character + 1})`;
}

function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

export function entityCard(index: CorpusIndex, e: Entity, opts: { claimsPerSource?: number; candidates?: string[] } = {}): EntityCard {
  const per = opts.claimsPerSource ?? 2;
  const summary = entitySummary(index, e);
  const total = index.sources.size;
  const bySource = new Map<string, Claim[]>();
  for (const m of e.mentions) if (!bySource.has(m.sourceId)) bySource.set(m.sourceId, rankedClaims(index, e, m.sourceId));
  const disputes = index.disputesOf(e.id);
  const md: string[] = [];
  md.push(`**${esc(e.name)}** · ${TYPE_LABEL[e.type]}${e.date ? ` · ${e.date}` : ''}`);
  if (opts.candidates && opts.candidates.length > 1) md.push(`\n_Ambiguous here: ${opts.candidates.map((id) => esc(index.entity(id)?.name ?? id)).join(' or ')}_`);
  if (e.aliases.length) md.push(`\nAlso: ${e.aliases.slice(0, 8).map(esc).join(', ')}`);
  md.push(`\nNamed in ${summary.sourceCount} of ${total} source${total === 1 ? '' : 's'}`);
  const sources: EntityCard['sources'] = [];
  for (const [sid, claims] of bySource) {
    const src = index.sources.get(sid);
    if (!src) continue;
    const head = [src.meta.outlet ?? src.meta.title ?? sid, src.meta.author, src.meta.published].filter(Boolean).join(' · ');
    md.push(`\n---\n**${esc(head)}**${src.meta.title && src.meta.outlet ? ` — _${esc(short(src.meta.title, 90))}_` : ''}`);
    const top = claims.slice(0, per);
    for (const c of top) {
      const who = c.speaker.kind === 'outlet' ? '' : ` — ${esc(c.speaker.name ?? 'quoted')}`;
      const stance = c.stance !== 'asserts' ? ` _(${c.stance})_` : '';
      md.push(`\n> ${esc(short(c.text, 220))}${who}${stance} ${linkTo(index, c, 'open')}`);
    }
    if (!top.length) {
      const m = e.mentions.find((x) => x.sourceId === sid)!;
      md.push(`\n> ${esc(m.text)} ${linkTo(index, m, 'open')}`);
    }
    sources.push({ source: sourceSummary(index, src), claims: top.map((c) => claimView(index, c)) });
  }
  if (disputes.length) {
    md.push(`\n---\n**Disputed** (${disputes.length})`);
    for (const d of disputes.slice(0, 5)) {
      md.push(`\n- _${d.kind}_: ${esc(short(d.point, 160))}`);
      for (const s of d.sides.slice(0, 4)) {
        const c = index.claimById.get(s.claimId);
        if (!c) continue;
        const src = index.sources.get(c.sourceId);
        md.push(`\n  - ${esc(src?.meta.outlet ?? c.sourceId)}: ${esc(s.position)} — “${esc(short(c.text, 140))}” ${linkTo(index, c, 'open')}`);
      }
    }
  }
  return {
    ...summary,
    sources,
    disputes: disputes.map((d) => disputeView(index, d)),
    passages: bestPassages(index, e).map((p) => sourceLocation(index, p.sourceId, p.span)),
    markdown: md.join('\n'),
  };
}
