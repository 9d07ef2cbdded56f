import { isCount, shownText, sourceName, type Claim, type Dispute, type Entity, type Quantity, type Source } from '../model';
import { detectRefutation, FALSELY_SAID, isRebuttal, NOT_A_CONDITION, QUESTIONS_ANSWERED } from '../claims/stance';
import { inSteps } from '../packed';

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
export const STRONG_DOUBT = new RegExp(
  String.raw`\b(?:(?:unclear|not clear|not known|unknown|uncertain) (?:whether|if)|if it is true|if true|without evidence|no evidence|could not be (?:verified|confirmed)|remains to be seen|${QUESTIONS_ANSWERED}questions? (?:remain|over|about|whether)|casts? doubt|doubts? (?:about|over|whether)|(?:hiding|concealing|obscuring) the (?:real|true|actual) (?:causes?|reasons?)|(?:insufficient|not enough|lack of) evidence|evidence (?:against (?:him|her|them) )?(?:was |to be )?insufficient)\b`,
  'i',
);
/** "said", "say", not "did not say whether …" (no answer given, nothing denied) */
const SAID_NOT_ASKED = String.raw`(?:said|say)(?![^.,;]{0,40}?\b(?:whether|if|how|why|when|what|who|where|which)\b)`;
/** "made", "make" a statement or claim, not "did not make the final trek" */
const MADE_A_STATEMENT = String.raw`(?:made|make)(?= (?:the |that |this |those |these |such |any )?(?:claims?|statements?|remarks?|comments?|threats?|calls?|promises?|allegations?|quotes?)\b)`;
/** Explicit denial that a report is true. */
export const STRONG_DENIAL = new RegExp(
  String.raw`(?<!confirm or |not |neither confirm nor |n't )\b(?:hoax(?:es)?|fake[ds]?|fabricat\w+|made[- ]up|${FALSELY_SAID}|(?:is|was|are|were|probably|completely|entirely) false|(?:is|was|are|were) (?:simply |completely |entirely |wholly )?(?:incorrect|inaccurate)|not true|untrue|debunk\w*|denied|denies|deny|refuted|refutes|(?:rejected|rejects|rejecting|dismissed|dismisses|dismissing) (?:the |any |all |these |those |such )?(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?)(?:, [^,]{1,90},)? that|no truth|satir\w*|spoof|parody|photoshopped|doctored|misattributed|urban legend|a myth|(?:never|did not) (?:${SAID_NOT_ASKED}|${MADE_A_STATEMENT}|happen(?:ed)?|took place|exist(?:ed)?|reported)|rumou?rs? (?:is|are|was|were) (?:false|untrue|baseless)|baseless|unfounded|not (?:real|genuine|authentic)|no (?:evidence|proof) (?:that|of)|none (?:have|has) (?:performed|confirmed|verified)|not the case${NOT_A_CONDITION}|(?:has|have|had) (?:now |since |also )?been (?:denied|debunked|dismissed|refuted|disproved|discredited)|dispelled|turn(?:s|ed)? out (?:not to|to be (?:false|fake|a hoax|untrue))|contrary to (?:earlier |initial |previous )?(?:reports|claims|rumou?rs)|retracted|no such thing)\b`,
  'i',
);
/** A verdict line: a short line or heading that rates the story ("PROBABLY FALSE", "Hoax"). */
export const VERDICT_LINE =
  /^\W*(?:rating:\s*)?(?:probably |mostly |likely )?(?:false|hoax|fake|unproven|misleading|satire|fiction|scam|debunked)\W*$/i;

/** falsity words that may qualify anything ("fake passports", "a made-up term"): a denial only where they rate a report */
const BARE_FALSITY = /^(?:hoax(?:es)?|fake[ds]?|fabricat\w+|made[- ]up|satir\w*|spoof|parody|photoshopped|doctored|baseless|unfounded)$/i;
const STRONG_DENIAL_ALL = new RegExp(STRONG_DENIAL.source, 'gi');

/** Whether a sentence read as asserting states a denial (`STRONG_DENIAL`): a bare falsity word counts only where it
 * rates a report or story (`detectRefutation`: "a fake video", "the story is a hoax"), not "they used fake passports". */
function assertedDenial(text: string): boolean {
  // (one scan; most sentences have no match, and nothing is made for them)
  let bare = false;
  STRONG_DENIAL_ALL.lastIndex = 0;
  for (let m = STRONG_DENIAL_ALL.exec(text); m; m = STRONG_DENIAL_ALL.exec(text)) {
    if (!BARE_FALSITY.test(m[0])) return true;
    bare = true;
  }
  return bare && !!detectRefutation(text);
}

/**
 * Whether a contrast is a speaker going on, not another voice contesting them: both sentences are someone's, and the
 * second's speaker is the first's by name or by "he"/"she" ("Murphy claimed … However, she claimed …"), or both are
 * quoted words whose speaker is named in neither.
 */
function sameVoice(prev: Pick<Claim, 'speaker'>, c: Pick<Claim, 'speaker'>): boolean {
  // two quoted sentences in a row with no voice named: one quotation going on ("… go down the food chain. But here …")
  if (prev.speaker.kind === 'quoted' && c.speaker.kind === 'quoted' && !prev.speaker.name && !c.speaker.name) return true;
  const a = prev.speaker.kind === 'outlet' ? undefined : prev.speaker.name;
  const b = c.speaker.kind === 'outlet' ? undefined : c.speaker.name;
  if (!a || !b) return false;
  return a.toLowerCase() === b.toLowerCase() || (/^(?:he|she)$/i.test(b) && !/^(?:it|they|we|i|you)$/i.test(a));
}

/** Whether a claim denies or explicitly doubts something. A corpus claim carries the answer from its analysis. */
export function isDoubt(c: Pick<Claim, 'text' | 'stance' | 'stanceCue' | 'speaker'> & { heading?: boolean; doubt?: boolean }): boolean {
  if (c.doubt !== undefined) return c.doubt;
  if (VERDICT_LINE.test(c.text.trim())) return true;
  // an explicit denial counts whatever stance the sentence was read with ("the latest hoax", "that was not the case")
  if (c.stance === 'asserts' && c.speaker.kind === 'outlet' && assertedDenial(c.text) && !/\b(?:denied|denies|deny)\b/i.test(c.text))
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
  for (const k of a) if (b.has(k)) n += sharedKeyWeight(k, entityWords);
  return n;
}

/** What a meaning key two texts share counts for (`nonEntityShared`): nothing for a word of an entity's name (the
 * entities are counted apart), two for a paraphrase key ("~responsible"), else one. */
export function sharedKeyWeight(k: string, entityWords: Set<string>): number {
  return entityWords.has(k) ? 0 : k.startsWith('~') ? 2 : 1;
}

/**
 * Whether a pass of `detectDisputesSteps` can use the claim (`next`: the claim after it in its source): a doubt, a
 * contrast or the claim a contrast follows, a claim naming an event, one with figures, or a claim of a source with
 * fact-check reviews. Leaving the others out changes no dispute and no dispute id (the passes read a source's
 * claims in order and only a contrast reads the claim before it), so a rebuild keeps only these as objects.
 */
export function mayDispute(c: Claim, next: Claim | undefined, entities: Map<string, Entity>, source: Source | undefined): boolean {
  // (shares and times taken are compared in a draft's check only: a claim with only those is left out, as it was before
  // they were read)
  if (c.quantities.some((q) => q.measure !== 'percent' && q.measure !== 'duration') || isDoubt(c) || source?.reviews?.length) return true;
  if ((c as Claim & { contrast?: boolean }).contrast || (next as (Claim & { contrast?: boolean }) | undefined)?.contrast) return true;
  for (const e of allEntities(c)) if (entities.get(e)?.type === 'event') return true;
  return false;
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

/**
 * The disputes among the claims, found in slices with a yield between them (at 50,000 articles the passes over
 * every claim held the event loop 1.6-4.9 s in one step). Each pass is a method over a range of claims, sources
 * or groups.
 */
export function* detectDisputesSteps(input: DisputeInput): Generator<void, Dispute[], void> {
  const d = new DisputeDetector(input);
  const n = input.claims.length;
  yield* inSteps(n, (a, b) => d.group(a, b), 8192);
  const lists = [...d.bySource.values()];
  yield* inSteps(lists.length, (a, b) => d.withinSources(lists, a, b), 512);
  yield* inSteps(n, (a, b) => d.collectResponsibility(a, b), 8192);
  const resp = [...d.resp.values()];
  yield* inSteps(resp.length, (a, b) => d.responsibility(resp, a, b), 8192);
  yield* inSteps(n, (a, b) => d.collectFigures(a, b), 8192);
  const fig = [...d.fig];
  yield* inSteps(fig.length, (a, b) => d.figures(fig, a, b), 2048);
  yield* inSteps(n, (a, b) => d.factChecks(a, b), 8192);
  return d.out;
}

/** The passes of `detectDisputesSteps` and what they share. */
class DisputeDetector {
  readonly out: Dispute[] = [];
  readonly bySource = new Map<string, Claim[]>();
  readonly resp = new Map<string, { claim: Claim; doer: string; event: string }[]>();
  readonly fig = new Map<string, { claim: Claim; q: Quantity }[]>();
  private n = 0;

  constructor(private readonly input: DisputeInput) {}

  private outlet(c: Claim): string {
    return sourceName(this.input.sources.get(c.sourceId), c.sourceId);
  }
  private nameOf(id: string): string {
    return this.input.entities.get(id)?.name ?? id;
  }
  private nextId(kind: string): string {
    return `${kind}-${++this.n}`;
  }

  /** the claims [from, to) by source */
  group(from: number, to: number): void {
    const { claims } = this.input;
    for (let i = from; i < to; i++) {
      const c = claims[i];
      (this.bySource.get(c.sourceId) ?? this.bySource.set(c.sourceId, []).get(c.sourceId)!).push(c);
    }
  }

  /** questioned and contested, within each source (the sources [from, to) of `lists`) */
  withinSources(lists: Claim[][], from: number, to: number): void {
    const { entityWords } = this.input;
    for (let s = from; s < to; s++) {
      const list = lists[s];
      for (let i = 0; i < list.length; i++) {
        const c = list[i];
        if (isDoubt(c) && (allEntities(c).length > 0 || c.keys.length >= 3)) {
          this.out.push({
            id: this.nextId('questioned'),
            kind: 'questioned',
            point: `${this.outlet(c)} ${c.stance === 'denies' ? 'denies' : 'questions'}: ${short(shownText(c))}`,
            entityIds: unique(allEntities(c)),
            sides: [{ claimId: c.id, sourceId: c.sourceId, position: c.stanceCue ? `${c.stance} (“${c.stanceCue}”)` : c.stance }],
          });
        }
        const contrast = (c as Claim & { contrast?: boolean }).contrast;
        const prev = list[i - 1];
        // a reported claim and the source's contest of it: one of the two is someone else's statement or a hedge
        const reported = (x: Claim) => x.speaker.kind !== 'outlet' || x.stance === 'hedges' || x.stance === 'denies';
        if (i > 0 && contrast && (reported(prev) || reported(c)) && !sameVoice(prev, c)) {
          const ea = new Set(allEntities(prev));
          const shared = allEntities(c).filter((e) => ea.has(e));
          const kb = new Set(prev.keys);
          // ("It did not." names nothing: it is about the sentence before, by its place)
          if (shared.length > 0 || nonEntityShared(c.keys, kb, entityWords) >= 2 || (isRebuttal(c.text) && reported(prev))) {
            this.out.push({
              id: this.nextId('contested'),
              kind: 'contested',
              point: `${short(shownText(prev), 80)} — contested: ${short(shownText(c), 80)}`,
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
  }

  /** responsibility: claims naming an event and an organisation or person as its doer (claims [from, to)) */
  collectResponsibility(from: number, to: number): void {
    const { claims, entities } = this.input;
    const resp = this.resp;
    for (let i = from; i < to; i++) {
      const c = claims[i];
      const events = allEntities(c).filter((e) => entities.get(e)?.type === 'event');
      if (!events.length) continue;
      const doers = new Set<string>();
      for (const d of this.input.doersByClaim.get(c.id) ?? []) doers.add(`${d.eventId}>${d.orgId}`);
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
  }

  /** a dispute for each doer and event that some claims assert and others doubt (`lists` [from, to)) */
  responsibility(lists: { claim: Claim; doer: string; event: string }[][], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const list = lists[i];
      const asserting = list.filter((x) => x.claim.stance === 'asserts');
      const doubting = list.filter((x) => x.claim.stance !== 'asserts');
      if (!asserting.length || !doubting.length) continue;
      const { doer, event } = list[0];
      this.out.push({
        id: this.nextId('responsibility'),
        kind: 'responsibility',
        point: `whether ${this.nameOf(doer)} carried out the ${this.nameOf(event)}`,
        entityIds: [doer, event],
        sides: list.map((x) => ({
          claimId: x.claim.id,
          sourceId: x.claim.sourceId,
          position:
            x.claim.stance === 'asserts'
              ? `${this.nameOf(doer)} did it`
              : `${x.claim.stance}${x.claim.stanceCue ? ` (“${x.claim.stanceCue}”)` : ''}`,
        })),
      });
    }
  }

  /** figures: same measure, same counted class, same event/place (claims [from, to)) */
  collectFigures(from: number, to: number): void {
    const { claims, entities } = this.input;
    const fig = this.fig;
    for (let i = from; i < to; i++) {
      const c = claims[i];
      for (const q of c.quantities) {
        if (!isCount(q.measure)) continue;
        for (const scope of scopesOf(c, entities)) {
          const key = `${scope}|${q.measure}|${q.counted}`;
          (fig.get(key) ?? fig.set(key, []).get(key)!).push({ claim: c, q });
        }
      }
    }
  }

  /** figure ranges that do not overlap across sources (the groups [from, to) of `groups`) */
  figures(groups: [string, { claim: Claim; q: Quantity }[]][], from: number, to: number): void {
    for (let g = from; g < to; g++) {
      const [key, list] = groups[g];
      if (!rangesConflict(list)) continue;
      const [scope, measure] = key.split('|');
      this.out.push({
        id: this.nextId('figures'),
        kind: 'figures',
        point: `${measure} in the ${this.nameOf(scope)}`,
        entityIds: [scope],
        sides: list.map((x) => ({ claimId: x.claim.id, sourceId: x.claim.sourceId, position: describeQuantity(x.q) })),
      });
    }
  }

  /** fact-checks (claims [from, to)) */
  factChecks(from: number, to: number): void {
    const { claims, sources } = this.input;
    for (let i = from; i < to; i++) {
      const c = claims[i];
      const src = sources.get(c.sourceId);
      for (const r of src?.reviews ?? []) {
        if (r.verdict !== 'false' && r.verdict !== 'misleading' && r.verdict !== 'mixed') continue;
        if (c.span.start > r.span.end || c.span.end < r.span.start) continue;
        this.out.push({
          id: this.nextId('fact-check'),
          kind: 'fact-check',
          point: `${r.reviewer ?? src?.meta.outlet ?? 'A fact-checker'} rates “${short(r.claimReviewed, 90)}” ${r.rating}`,
          entityIds: unique(allEntities(c)),
          sides: [{ claimId: c.id, sourceId: c.sourceId, position: `rated ${r.rating}` }],
          // (a rated phrase inside a longer sentence, or a table's row: what is rated is the phrase or the claim's cell,
          // not the row's claimant and rating)
          ...(r.inline || c.text.length > r.claimReviewed.length + 30 ? { rated: r.claimReviewed } : {}),
          ...(r.claimant ? { claimant: r.claimant } : {}),
        });
      }
    }
  }
}

export function scopesOf(c: Claim, entities: Map<string, Entity>): string[] {
  const ids = allEntities(c);
  const events = ids.filter((e) => entities.get(e)?.type === 'event');
  const places = c.entityIds.filter((e) => entities.get(e)?.type === 'place');
  // a figure tied to a place in its own clause ("12 of them at the Oostkade terminal") is scoped to that place too
  return unique([...events, ...places]);
}

/**
 * Whether two of the figures, from different sources, have ranges that do not overlap: some source's lowest upper bound
 * is under another source's highest lower bound. Linear in the figures, where comparing every pair is quadratic (and a
 * popular event's group of figures grows with the corpus); the same answer (a test checks it against every pair).
 */
export function rangesConflict(list: readonly { claim: { sourceId: string }; q: Pick<Quantity, 'low' | 'high'> }[]): boolean {
  // each source's lowest upper bound and highest lower bound
  const minHigh = new Map<string, number>();
  const maxLow = new Map<string, number>();
  for (const { claim, q } of list) {
    const h = minHigh.get(claim.sourceId);
    if (h === undefined || q.high < h) minHigh.set(claim.sourceId, q.high);
    const l = maxLow.get(claim.sourceId);
    if (l === undefined || q.low > l) maxLow.set(claim.sourceId, q.low);
  }
  if (minHigh.size < 2) return false;
  // a pair that conflicts is beaten by the source with the lowest upper bound against any other source, or else (the
  // pair's upper side is that source) by the source with the highest lower bound against any other
  const lowest = argBest(minHigh, (x, y) => x < y);
  for (const [t, l] of maxLow) if (t !== lowest && minHigh.get(lowest)! < l) return true;
  const highest = argBest(maxLow, (x, y) => x > y);
  for (const [s, h] of minHigh) if (s !== highest && h < maxLow.get(highest)!) return true;
  return false;
}

/** the key of a map that is not empty whose value is best (`better`) */
function argBest(m: Map<string, number>, better: (x: number, y: number) => boolean): string {
  let best: string | undefined;
  for (const [k, x] of m) if (best === undefined || better(x, m.get(best)!)) best = k;
  return best!;
}

export function overlaps(a: Pick<Quantity, 'low' | 'high'>, b: Pick<Quantity, 'low' | 'high'>): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** how a figure's measure reads after it ("640 jobs lost"), where not as its name */
const MEASURE_SHOWN: Partial<Record<Quantity['measure'], string>> = {
  'killed-and-wounded': 'dead and wounded',
  attended: 'in the crowd',
  jobs: 'jobs lost',
};

const QUALIFIER_SHOWN: Record<string, string> = {
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

export function describeQuantity(q: Quantity): string {
  const qual = QUALIFIER_SHOWN[q.qualifier] ?? '';
  if (q.measure === 'percent') return `${qual}${q.value.toLocaleString('en-US')}%`;
  if (q.measure === 'duration') return `${qual}${q.value.toLocaleString('en-US')} ${q.noun ?? 'days'}`;
  // (things counted, as written: "114 stalls")
  if (q.measure === 'other' && q.noun) return `${qual}${q.value.toLocaleString('en-US')} ${q.noun}`;
  // (the hurt counted as those taken to hospital say so: "87 admitted to hospital", not "87 wounded" of a poisoning)
  const measure =
    q.measure === 'wounded' && q.predicate && /hospital/i.test(q.predicate) ? 'in hospital' : (MEASURE_SHOWN[q.measure] ?? q.measure);
  return `${qual}${q.value.toLocaleString('en-US')} ${measure}${q.counted !== 'people' && q.counted !== 'other' ? ` (${q.counted})` : ''}`;
}

export function short(s: string, n = 120): string {
  // a long text (a paragraph of an interview, a page of a source) is read only as far as it must be: its first 2n
  // characters, white space folded, are the start of the whole text folded, and when more than n of them are left
  // once the white space at both ends is gone, the whole text is longer than n too
  if (s.length > 2 * n) {
    const head = s
      .slice(0, 2 * n)
      .replace(/\s+/g, ' ')
      .trimStart();
    if (head.trimEnd().length > n) return `${head.slice(0, n - 1).trimEnd()}…`;
  }
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
