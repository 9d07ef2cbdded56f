import type { Claim, Dispute, Entity, Quantity, Source } from '../model';
import { detectRefutation } from '../claims/stance';

/**
 * Finds disputes among the claims of a corpus. The tool never decides who is right: a dispute lists every
 * side with its source, speaker and passage.
 *  - questioned: a source says a point is unclear, unproven, alleged, or asks it as a question;
 *  - contested: a source reports a claim and contests it ("But…", "In fact…", "dismissed…");
 *  - responsibility: one source asserts that X carried out an event, another questions or denies it;
 *  - figures: the same measure of the same event or place with ranges that do not overlap;
 *  - fact-check: a ClaimReview rating a claim false, misleading or mixed.
 */

/** Explicit uncertainty about a point (not the reporting conventions "reportedly", "allegedly"). */
export const STRONG_DOUBT =
  /\b(?:(?:unclear|not clear|not known|unknown|uncertain) (?:whether|if)|if it is true|if true|without evidence|no evidence|could not be (?:verified|confirmed)|remains to be seen|questions? (?:remain|over|about|whether)|casts? doubt|doubts? (?:about|over|whether))\b/i;
/** Explicit denial that a report is true. */
export const STRONG_DENIAL =
  /(?<!confirm or |not |neither confirm nor |n't )\b(?:hoax(?:es)?|fake[ds]?|fabricat\w+|made[- ]up|falsely|(?:is|was|are|were|probably|completely|entirely) false|not true|untrue|debunk\w*|denied|denies|deny|refuted|refutes|no truth|satir\w*|spoof|parody|photoshopped|doctored|misattributed|urban legend|a myth|never (?:said|made|happened|took place|existed|reported)|did not (?:say|make|happen|exist)|rumou?rs? (?:is|are|was|were) (?:false|untrue|baseless)|baseless|unfounded|not (?:real|genuine|authentic)|no (?:evidence|proof) (?:that|of)|none (?:have|has) (?:performed|confirmed|verified)|not the case|(?:has|have|had) (?:now |since |also )?been (?:denied|debunked|dismissed|refuted|disproved|discredited)|dispelled|turn(?:s|ed)? out (?:not to|to be (?:false|fake|a hoax|untrue))|contrary to (?:earlier |initial |previous )?(?:reports|claims|rumou?rs)|retracted|no such thing)\b/i;
/** A verdict line: a short line or heading that rates the story ("PROBABLY FALSE", "Hoax"). */
export const VERDICT_LINE =
  /^\W*(?:rating:\s*)?(?:probably |mostly |likely )?(?:false|hoax|fake|unproven|misleading|satire|fiction|scam|debunked)\W*$/i;

/** Whether a claim denies or explicitly doubts something. A corpus claim carries the answer from its analysis. */
export function isDoubt(c: Pick<Claim, 'text' | 'stance' | 'stanceCue' | 'speaker'> & { heading?: boolean; doubt?: boolean }): boolean {
  if (c.doubt !== undefined) return c.doubt;
  if (VERDICT_LINE.test(c.text.trim())) return true;
  // an explicit denial counts whatever stance the sentence was read with ("the latest hoax", "that was not the case")
  if (c.stance === 'asserts' && c.speaker.kind === 'outlet' && STRONG_DENIAL.test(c.text) && !/\b(?:denied|denies|deny)\b/i.test(c.text))
    return true;
  if (c.stance === 'questions') {
    // a question is a doubt in a headline or title; in running text it is usually rhetorical or quoted.
    // Otherwise only explicit uncertainty about whether the point holds counts ("unclear whether", "no evidence"),
    // not uncertainty about why or how, nor the reporting conventions "unconfirmed reports", "rumoured".
    if (/\?\s*["'\u201d\u2019]?\s*$/.test(c.text)) return !!c.heading || STRONG_DOUBT.test(c.text);
    return STRONG_DOUBT.test(c.text) || STRONG_DENIAL.test(c.text);
  }
  if (c.stance === 'hedges') return STRONG_DOUBT.test(c.stanceCue ?? '') || STRONG_DOUBT.test(c.text);
  if (c.stance === 'denies') return STRONG_DOUBT.test(c.text) || STRONG_DENIAL.test(c.text) || !!detectRefutation(c.text);
  return false;
}

export function allEntities(c: Claim): string[] {
  return c.contextIds?.length ? [...c.entityIds, ...c.contextIds] : c.entityIds;
}

export function nonEntityShared(a: string[], b: { has(k: string): boolean }, entityWords: Set<string>): number {
  let n = 0;
  for (const k of a) {
    if (!b.has(k) || entityWords.has(k)) continue;
    n += k.startsWith('~') ? 2 : 1;
  }
  return n;
}

export interface DisputeInput {
  claims: Claim[];
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
  /** org doers named with an event in one phrase, by claim id ("Nordline ferry strikes") */
  doersByClaim: Map<string, { eventId: string; orgId: string }[]>;
  /** lower-case words of entity names (not counted as meaning overlap) */
  entityWords: Set<string>;
}

export function detectDisputes(input: DisputeInput): Dispute[] {
  const { claims, entities, sources, entityWords } = input;
  const out: Dispute[] = [];
  const outlet = (c: Claim) => sources.get(c.sourceId)?.meta.outlet ?? c.sourceId;
  const bySource = new Map<string, Claim[]>();
  for (const c of claims) (bySource.get(c.sourceId) ?? bySource.set(c.sourceId, []).get(c.sourceId)!).push(c);
  const nameOf = (id: string) => entities.get(id)?.name ?? id;
  let n = 0;
  const nextId = (kind: string) => `${kind}-${++n}`;

  // questioned and contested, within each source
  for (const list of bySource.values()) {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (isDoubt(c) && (allEntities(c).length > 0 || c.keys.length >= 3)) {
        out.push({
          id: nextId('questioned'),
          kind: 'questioned',
          point: `${outlet(c)} ${c.stance === 'denies' ? 'denies' : 'questions'}: ${short(c.text)}`,
          entityIds: unique(allEntities(c)),
          sides: [{ claimId: c.id, sourceId: c.sourceId, position: c.stanceCue ? `${c.stance} (“${c.stanceCue}”)` : c.stance }],
        });
      }
      const contrast = (c as Claim & { contrast?: boolean }).contrast;
      const prev = list[i - 1];
      // a reported claim and the source's contest of it: one of the two is someone else's statement or a hedge
      const reported = (x: Claim) => x.speaker.kind !== 'outlet' || x.stance === 'hedges' || x.stance === 'denies';
      if (i > 0 && contrast && (reported(prev) || reported(c))) {
        const ea = new Set(allEntities(prev));
        const shared = allEntities(c).filter((e) => ea.has(e));
        const kb = new Set(prev.keys);
        if (shared.length > 0 || nonEntityShared(c.keys, kb, entityWords) >= 2) {
          out.push({
            id: nextId('contested'),
            kind: 'contested',
            point: `${short(prev.text, 80)} — contested: ${short(c.text, 80)}`,
            entityIds: unique([...allEntities(prev), ...allEntities(c)]),
            sides: [
              {
                claimId: prev.id,
                sourceId: prev.sourceId,
                position: prev.speaker.kind === 'outlet' ? 'reports' : `${prev.speaker.name ?? 'a speaker'} says`,
              },
              { claimId: c.id, sourceId: c.sourceId, position: 'contests' },
            ],
          });
        }
      }
    }
  }

  // responsibility: claims naming an event and an organisation or person as its doer
  const resp = new Map<string, { claim: Claim; doer: string; event: string }[]>();
  for (const c of claims) {
    const events = allEntities(c).filter((e) => entities.get(e)?.type === 'event');
    if (!events.length) continue;
    const doers = new Set<string>();
    for (const d of input.doersByClaim.get(c.id) ?? []) doers.add(`${d.eventId}>${d.orgId}`);
    if (c.keys.includes('~responsible')) {
      for (const ev of events)
        for (const e of allEntities(c))
          if (entities.get(e)?.type === 'organization' || entities.get(e)?.type === 'person') doers.add(`${ev}>${e}`);
    }
    for (const pair of doers) {
      const [event, doer] = pair.split('>');
      (resp.get(pair) ?? resp.set(pair, []).get(pair)!).push({ claim: c, doer, event });
    }
  }
  for (const [, list] of resp) {
    const asserting = list.filter((x) => x.claim.stance === 'asserts');
    const doubting = list.filter((x) => x.claim.stance !== 'asserts');
    if (!asserting.length || !doubting.length) continue;
    const { doer, event } = list[0];
    out.push({
      id: nextId('responsibility'),
      kind: 'responsibility',
      point: `whether ${nameOf(doer)} carried out the ${nameOf(event)}`,
      entityIds: [doer, event],
      sides: list.map((x) => ({
        claimId: x.claim.id,
        sourceId: x.claim.sourceId,
        position:
          x.claim.stance === 'asserts'
            ? `${nameOf(doer)} did it`
            : `${x.claim.stance}${x.claim.stanceCue ? ` (“${x.claim.stanceCue}”)` : ''}`,
      })),
    });
  }

  // figures: same measure, same counted class, same event/place, ranges that do not overlap across sources
  const fig = new Map<string, { claim: Claim; q: Quantity }[]>();
  for (const c of claims) {
    for (const q of c.quantities) {
      if (q.measure === 'other' || q.measure === 'money' || q.measure === 'listed') continue;
      for (const scope of scopesOf(c, entities)) {
        const key = `${scope}|${q.measure}|${q.counted}`;
        (fig.get(key) ?? fig.set(key, []).get(key)!).push({ claim: c, q });
      }
    }
  }
  for (const [key, list] of fig) {
    const srcs = new Set(list.map((x) => x.claim.sourceId));
    if (srcs.size < 2) continue;
    let conflict = false;
    for (let i = 0; i < list.length && !conflict; i++)
      for (let j = i + 1; j < list.length; j++)
        if (list[i].claim.sourceId !== list[j].claim.sourceId && !overlaps(list[i].q, list[j].q)) {
          conflict = true;
          break;
        }
    if (!conflict) continue;
    const [scope, measure] = key.split('|');
    out.push({
      id: nextId('figures'),
      kind: 'figures',
      point: `${measure} in the ${nameOf(scope)}`,
      entityIds: [scope],
      sides: list.map((x) => ({ claimId: x.claim.id, sourceId: x.claim.sourceId, position: describeQuantity(x.q) })),
    });
  }

  // fact-checks
  for (const c of claims) {
    const src = sources.get(c.sourceId);
    for (const r of src?.reviews ?? []) {
      if (r.verdict !== 'false' && r.verdict !== 'misleading' && r.verdict !== 'mixed') continue;
      if (c.span.start > r.span.end || c.span.end < r.span.start) continue;
      out.push({
        id: nextId('fact-check'),
        kind: 'fact-check',
        point: `${r.reviewer ?? src?.meta.outlet ?? 'A fact-checker'} rates “${short(r.claimReviewed, 90)}” ${r.rating}`,
        entityIds: unique(allEntities(c)),
        sides: [{ claimId: c.id, sourceId: c.sourceId, position: `rated ${r.rating}` }],
      });
    }
  }
  return out;
}

export function scopesOf(c: Claim, entities: Map<string, Entity>): string[] {
  const ids = allEntities(c);
  const events = ids.filter((e) => entities.get(e)?.type === 'event');
  const places = c.entityIds.filter((e) => entities.get(e)?.type === 'place');
  // a figure tied to a place in its own clause ("12 of them at the Oostkade terminal") is scoped to that place too
  return unique([...events, ...places]);
}

export function overlaps(a: Pick<Quantity, 'low' | 'high'>, b: Pick<Quantity, 'low' | 'high'>): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function describeQuantity(q: Quantity): string {
  const qual: Record<string, string> = {
    exact: '',
    'more-than': 'more than ',
    'at-least': 'at least ',
    about: 'about ',
    almost: 'almost ',
    'up-to': 'up to ',
    'at-most': 'at most ',
    some: 'some ',
    'less-than': 'fewer than ',
  };
  const measure = q.measure === 'killed-and-wounded' ? 'dead and wounded' : q.measure;
  return `${qual[q.qualifier] ?? ''}${q.value.toLocaleString('en-US')} ${measure}${q.counted !== 'people' && q.counted !== 'other' ? ` (${q.counted})` : ''}`;
}

export function short(s: string, n = 120): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
