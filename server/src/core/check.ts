import type {
  CancellationLike,
  Claim,
  Dispute,
  DraftMention,
  Finding,
  FindingCode,
  Quantity,
  RelatedPassage,
  Severity,
  Span,
} from './model';
import { NeverCancelled, isCount, shownText, sourceName, speakerShown } from './model';
import { KeySet, issuerOf, type CorpusIndex } from './index';
import { draftText, isSuppressed, type Directive } from './text/draft';
import { LineMap, paragraphs, sentences } from './text/sentences';
import { extractMentions, normKey, type RawMention } from './entities/extract';
import { eventKind, onlyPlacedEvent } from './entities/resolve';
import { bareEventOf } from './analyze';
import { detectSpeaker, detectStance, extractQuantities } from './claims';
import { detectRefutation } from './claims/stance';
import {
  actionDay,
  actionOccurrence,
  dayOfDate,
  dayText,
  daysInText,
  occurrence,
  sameDay,
  saysKindHappened,
  type ActionDay,
  type Day,
  type Occurrence,
} from './claims/occurrence';
import type { ClaimQuery, ClaimStore } from './claimStore';
import { hasNegation, meaningKeys, stem } from './text/keys';
import { VERDICT_LINE, allEntities, describeQuantity, isDoubt, overlaps, scopesOf, sharedKeyWeight, short } from './disputes/detect';
import { EVENT_NOUNS, GENERIC_EVENT, countryOf, fold, isCity, isFirstName, isKnownPlace, isRegion, isWord } from './lexicon';
import { drain } from './packed';

/**
 * Checks a draft against the corpus index: which names it mentions (and which are near-misses of known
 * names), and which of its sentences assert a point the sources dispute or state a figure no source supports.
 * Pure: text in, findings out. Work is per sentence, so the caller can re-check only the edited paragraph.
 */
export interface DraftSentence {
  span: Span;
  heading: boolean;
  paragraph: number;
  text: string;
  entityIds: string[];
  keys: string[];
  quantities: Quantity[];
  asserts: boolean;
  /** the writer states when an act of telling was done, not what was told: "The commission announced the increase on 14
   * March" (its day is checked, `dateFinding`, nothing else) */
  statesAct?: boolean;
}

export interface DraftCheck {
  mentions: DraftMention[];
  findings: Finding[];
  sentences: DraftSentence[];
  directives: Directive[];
}

export const defaultSeverities: Record<Exclude<FindingCode, 'source-error'>, Severity | 'off'> = {
  'disputed-claim': 'warning',
  'disputed-entity': 'information',
  'unknown-spelling': 'hint',
};

export interface CheckOptions {
  languageId?: string;
  severities?: Partial<Record<FindingCode, Severity | 'off'>>;
  token?: CancellationLike;
}

/** Sentences of one paragraph that are analysed (real paragraphs have a handful). */
export const MAX_SENTENCES = 4000;

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Cached analyses of paragraphs by their text (offsets relative to the paragraph), for one index version. */
export interface ParagraphCache {
  indexVersion: number;
  entries: Map<string, ParagraphResult>;
  /** the findings made over the whole draft (`contextFindings`: figures read in the place or event of the sentences
   * before them or of their event's noun, days an event happened), by sentence and scopes (null: none) */
  figures?: Map<string, Finding | null>;
  /** what `contextFindings` reads of each sentence's text alone (the event noun it refers by, whether it names a day) */
  sentenceFacts?: Map<string, { bare: string | undefined; day: boolean }>;
}
interface ParagraphResult {
  mentions: DraftMention[];
  findings: Finding[];
  sentences: DraftSentence[];
}

/**
 * Checks a draft paragraph by paragraph. Each paragraph is analysed on its own, so an edit re-analyses only the
 * paragraphs whose text changed when a ParagraphCache is passed (the result is the same with or without it).
 */
export function checkDraft(index: CorpusIndex, text: string, opts: CheckOptions & { cache?: ParagraphCache } = {}): DraftCheck {
  return drain(checkDraftSteps(index, text, opts));
}

/**
 * The mentions of the one paragraph of a draft around `offset`, resolved against `index` (offsets are the draft's):
 * what a request at that offset reads while the draft's check against this index is still to come, since a check
 * made against an earlier index may name none of its entities. Until the index's spelling index is made (in steps,
 * by that check: at 10,000 articles it takes ~0.2 s, too long for one request) only names the index knows as written
 * are resolved, not one word of a longer name nor a near-miss. Undefined for a paragraph over `maxParagraph`
 * characters.
 */
export function mentionsAround(
  index: CorpusIndex,
  text: string,
  languageId: string,
  offset: number,
  maxParagraph = Infinity,
): { span: Span; mentions: DraftMention[] } | undefined {
  const dt = draftText(text, languageId);
  const unit = paragraphUnits(dt).find(({ para }) => para.start <= offset && offset <= para.end);
  if (!unit || unit.para.end - unit.para.start > maxParagraph) return undefined;
  const { para, heading } = unit;
  const ptext = dt.masked.slice(para.start, para.end);
  const { mentions } = paragraphMentions(index, ptext, paragraphSentences(ptext, heading), index.spellingIndexMade);
  return {
    span: para,
    mentions: mentions.map((m) => placed(m, para.start, text)),
  };
}

/** A paragraph's mention at its place in the draft (`d`, the paragraph's start), with the draft's text there. */
function placed(m: DraftMention, d: number, text: string): DraftMention {
  const span = { start: m.span.start + d, end: m.span.end + d };
  return { ...m, span, text: text.slice(span.start, span.end) };
}

/**
 * The same check, yielding after each sentence it analyses (a cached paragraph is not analysed), so that a server
 * can answer other requests meanwhile: checking a 5,000-word draft against 50,000 articles takes seconds.
 * When the index changes between slices (a rebuild swapped in a new one), the paragraphs are analysed again
 * against the new index, so the result is always that of one index.
 */
export function* checkDraftSteps(
  index: CorpusIndex,
  text: string,
  opts: CheckOptions & { cache?: ParagraphCache } = {},
): Generator<void, DraftCheck, void> {
  const token = opts.token ?? NeverCancelled;
  const dt = draftText(text, opts.languageId ?? 'markdown');
  const masked = dt.masked;
  const cache = opts.cache;
  const paras = paragraphUnits(dt);
  let results: { para: Span; key: string; r: ParagraphResult }[];
  for (;;) {
    // the spelling index, if this version has none yet, made in steps rather than when the first paragraph asks
    yield* index.spellingIndexSteps();
    const version = index.version;
    if (cache && cache.indexVersion !== version) {
      cache.entries.clear();
      cache.figures?.clear();
      cache.indexVersion = version;
    }
    results = [];
    for (const { para, heading } of paras) {
      if (token.isCancellationRequested) throw new Cancelled();
      const ptext = masked.slice(para.start, para.end);
      const key = `${heading ? 'H' : 'P'}${ptext}`;
      let r = cache?.entries.get(key);
      if (!r) {
        r = yield* analyzeParagraph(index, ptext, text.slice(para.start, para.end), heading, token);
        // (a paragraph read partly against an index that a rebuild then replaced is not kept)
        if (index.version !== version) break;
        cache?.entries.set(key, r);
      }
      results.push({ para, key, r });
    }
    if (index.version === version) break;
  }
  const mentions: DraftMention[] = [];
  const findings: Finding[] = [];
  const sentencesOut: DraftSentence[] = [];
  const used = new Set<string>();
  let p = 0;
  for (const { para, key, r } of results) {
    used.add(key);
    const d = para.start;
    const shift = (sp: Span) => ({ start: sp.start + d, end: sp.end + d });
    for (const m of r.mentions) mentions.push(placed(m, d, text));
    for (const f of r.findings) findings.push({ ...f, span: shift(f.span) });
    for (const x of r.sentences) sentencesOut.push({ ...x, span: shift(x.span), paragraph: p });
    p++;
  }
  // forget paragraphs that are gone, so the cache follows the draft
  if (cache) for (const k of [...cache.entries.keys()]) if (!used.has(k)) cache.entries.delete(k);
  findings.push(...contextFindings(index, sentencesOut, findings, cache));

  // severities and suppression directives (on copies: cached findings stay as analysed)
  const lines = new LineMap(text);
  const sev = { ...defaultSeverities, ...(opts.severities ?? {}) } as Record<string, Severity | 'off'>;
  const kept: Finding[] = [];
  for (const f of findings) {
    const level = sev[f.code] ?? f.severity;
    if (level === 'off') continue;
    if (isSuppressed(dt.directives, f.code, lines.position(f.span.start).line)) continue;
    kept.push({ ...f, severity: level });
  }
  kept.sort((a, b) => a.span.start - b.span.start);
  return { mentions, findings: kept, sentences: sentencesOut, directives: dt.directives };
}

/** A paragraph's analysis, yielding after each sentence it checks against the corpus (at 50,000 articles one
 * sentence can take a tenth of a second, a paragraph seconds). */
function* analyzeParagraph(
  index: CorpusIndex,
  masked: string,
  text: string,
  heading: boolean,
  token: CancellationLike,
): Generator<void, ParagraphResult, void> {
  const sents = paragraphSentences(masked, heading);
  const { mentions, findings } = paragraphMentions(index, masked, sents, true);
  if (token.isCancellationRequested) throw new Cancelled();

  // sentences: entities, meaning keys, figures, stance
  const out: DraftSentence[] = [];
  let mi = 0;
  const disputedEntityDone = new Set<string>();
  for (const s of sents) {
    if (token.isCancellationRequested) throw new Cancelled();
    const str = masked.slice(s.span.start, s.span.end);
    while (mi < mentions.length && mentions[mi].span.start < s.span.start) mi++;
    const ids: string[] = [];
    for (let k = mi; k < mentions.length && mentions[k].span.start < s.span.end; k++) {
      const mm = mentions[k];
      if (mm.candidates) ids.push(...mm.candidates);
      else ids.push(mm.entityId);
    }
    // "the attacks" with no named event: the event of the draft so far
    const entityIds = [...new Set(ids)];
    // a sentence of one or two words states no claim (and hostile input of many tiny sentences stays cheap)
    const tiny = wordsAtLeast(str, 3) === false;
    const stance = tiny ? { stance: 'asserts' as const } : detectStance(str, { isHeading: s.heading });
    const speaker = tiny ? { kind: 'outlet' as const } : detectSpeaker(str);
    // a factive verb ("confirms", "revealed", "admits") presents what follows as fact: the writer asserts it too
    const ownVoice = speaker.kind === 'outlet' || (speaker.kind === 'attributed' && FACTIVE.test(speaker.cue ?? ''));
    const asserts = !tiny && stance.stance === 'asserts' && ownVoice && !s.heading;
    // ("announced the increase on 14 March" tells an act and its day, its object a thing, not what was said)
    const statesAct =
      !asserts && !tiny && !s.heading && stance.stance === 'asserts' && speaker.kind === 'attributed' && announcesThing(str, speaker.cue);
    const ds: DraftSentence = {
      span: s.span,
      heading: s.heading,
      paragraph: s.paragraph,
      text: text.slice(s.span.start, s.span.end),
      entityIds,
      keys: tiny ? [] : meaningKeys(str),
      quantities: tiny ? [] : safeQuantities(str, s.span.start),
      asserts,
      ...(statesAct ? { statesAct } : {}),
    };
    out.push(ds);
    if (!s.heading) {
      const f = disputeFinding(index, ds) ?? figureFinding(index, ds) ?? amountFinding(index, ds);
      if (f) findings.push(f);
    }
    // disputed-entity: first mention per paragraph of an entity with disputes
    for (let k = mi; k < mentions.length && mentions[k].span.start < s.span.end; k++) {
      const mm = mentions[k];
      const ds2 = index.disputesOf(mm.entityId);
      const key = `${s.paragraph}:${mm.entityId}`;
      if (!ds2.length || disputedEntityDone.has(key) || mm.candidates || index.entity(mm.entityId)?.type === 'place') continue;
      disputedEntityDone.add(key);
      const e = index.entity(mm.entityId)!;
      findings.push({
        code: 'disputed-entity',
        severity: 'information',
        span: mm.span,
        message: `The sources dispute ${ds2.length === 1 ? 'a point' : `${ds2.length} points`} about ${e.name}: ${ds2
          .slice(0, 2)
          .map((d) => short(d.point, 70))
          .join('; ')}${ds2.length > 2 ? '; …' : ''}`,
        related: relatedOf(index, ds2.slice(0, 4)),
        entityId: e.id,
        disputeIds: ds2.map((d) => d.id),
      });
    }
    yield;
  }

  return { mentions, findings, sentences: out };
}

interface ParagraphSentence {
  span: Span;
  heading: boolean;
  paragraph: number;
}

/** A draft's paragraphs, each with whether it is a heading. */
function paragraphUnits(dt: ReturnType<typeof draftText>): { para: Span; heading: boolean }[] {
  return paragraphs(dt.masked).map((para) => ({
    para,
    heading: dt.headings.some((h) => h.start >= para.start && h.end <= para.end && para.end - para.start <= h.end - h.start + 2),
  }));
}

/** The sentences of one paragraph's text that are read (a heading is one). */
function paragraphSentences(masked: string, heading: boolean): ParagraphSentence[] {
  const whole = { start: 0, end: masked.length };
  // a paragraph of thousands of sentences is not prose (pasted data, generated text): only the first
  // MAX_SENTENCES are read, which keeps a hostile draft's cost bounded and the result deterministic
  return heading
    ? [{ span: whole, heading: true, paragraph: 0 }]
    : sentences(masked, whole)
        .slice(0, MAX_SENTENCES)
        .map((sp) => ({ span: sp, heading: false, paragraph: 0 }));
}

/**
 * The names of one paragraph's text resolved against the index, in order. With `spelling` (which reads the index's
 * spelling index), also single words of known names, and the near-misses of known names as mentions with their
 * `unknown-spelling` findings.
 */
function paragraphMentions(
  index: CorpusIndex,
  masked: string,
  sents: ParagraphSentence[],
  spelling: boolean,
): { mentions: DraftMention[]; findings: Finding[] } {
  const mentions: DraftMention[] = [];
  const findings: Finding[] = [];
  const spellingDone = new Set<number>();
  for (const m0 of extractMentions(masked, sents)) {
    const m = withSentenceInitialWord(index, masked, sents, m0);
    const r = resolveDraftMention(index, m, spelling);
    if (r) {
      mentions.push({ span: m.span, text: m.text, entityId: r.entityId ?? r.candidates![0], candidates: r.candidates });
      continue;
    }
    if (m.kind === 'event' || !spelling) continue;
    // near-misses of known names, word by word ("Abdelhamid Abaoud")
    let off = m.span.start;
    const resolvedParts: string[] = [];
    for (const [wi, w] of m.words.entries()) {
      const at = masked.indexOf(w, off);
      const span = { start: at, end: at + w.length };
      off = span.end;
      if (at < 0 || spellingDone.has(at)) continue;
      const key = fold(w);
      if (index.nameTokens.has(key)) {
        resolvedParts.push(w);
        continue;
      }
      if (
        w.length < 4 ||
        isWord(w) ||
        (wi === 0 && m.words.length > 1 && isFirstName(w)) ||
        (m.words.length === 1 && isFirstName(w)) ||
        isKnownPlace(w) ||
        /^\p{Lu}+$/u.test(w)
      )
        continue;
      const near = index.nearMisses(w).filter((n) => n.token.length >= 4);
      if (!near.length) continue;
      spellingDone.add(at);
      const best = near[0];
      // a known first name before the misspelt surname picks the person ("Pieter Dalhusen" -> Pieter Dalhuisen)
      const known = new Set(resolvedParts.map((x) => fold(x)));
      const narrowed = best.entityIds.filter((id) => {
        const e = index.entity(id);
        return e && e.name.split(/\s+/).some((x) => known.has(fold(x)));
      });
      const entityIds = narrowed.length ? narrowed : best.entityIds;
      const suggestions = [
        ...new Set(near.filter((n) => n.distance === best.distance).map((n) => matchCase(writtenAs(index, n.token, n.entityIds), w))),
      ];
      const full = entityIds.map((id) => index.entity(id)?.name).filter((x): x is string => !!x);
      const related: RelatedPassage[] = [];
      for (const id of entityIds.slice(0, 3)) {
        const mm = index.firstMentionOf(id);
        if (mm) related.push({ sourceId: mm.sourceId, span: mm.span, message: `${outletOf(index, mm.sourceId)} writes “${mm.text}”` });
      }
      findings.push({
        code: 'unknown-spelling',
        severity: 'hint',
        span,
        message: `“${w}” is not a name in the sources; did you mean “${suggestions[0]}”${full.length ? ` (${full.join(', ')})` : ''}?`,
        related,
        suggestions,
        entityId: entityIds[0],
      });
      mentions.push({ span, text: w, entityId: entityIds[0], candidates: entityIds.length > 1 ? entityIds : undefined });
    }
  }
  // a sentence's first words that the extractor took for ordinary words ("Kestrel told its staff", "Highland Hide has
  // admitted"; it keeps them only where the same text writes them mid-sentence, which a paragraph seldom does), when
  // the corpus knows them as a name: the longest such name of up to five words, in place of the mentions inside it (a
  // name of one word only for a person or a body, and not in a title-case sentence)
  for (const sent of sents) {
    if (sent.heading) continue;
    // (in a title-case sentence a capital tells nothing, but a known name of two words or more is still a name)
    const titled = titleCase(masked.slice(sent.span.start, sent.span.end));
    const head = OPENING_CAPITALS.exec(masked.slice(sent.span.start, Math.min(sent.span.end, sent.span.start + 120)));
    if (!head) continue;
    const start = sent.span.start + head[0].length - head[1].length;
    const words = head[1].split(/[ \t]/);
    for (let k = words.length; k >= 1; k--) {
      const text = words
        .slice(0, k)
        .join(' ')
        .replace(/['\u2019]s$/, '');
      const end = start + text.length;
      if (mentions.some((m) => m.span.start <= start && m.span.end >= end)) break;
      const id = index.lookupName(text).entityId;
      const type = id && index.entity(id)?.type;
      if (!type || type === 'event' || (k === 1 && (type === 'place' || titled))) continue;
      const inside = mentions.filter((m) => m.span.start >= start && m.span.end <= end);
      if (inside.length) mentions.splice(0, mentions.length, ...mentions.filter((m) => !inside.includes(m)));
      mentions.push({ span: { start, end }, text, entityId: id });
      break;
    }
  }
  // "Veldhaven attacks": the place is part of the event's name; "attacks in Veldhaven": both stay
  const eventEnd = new Map<number, number>();
  for (const m of mentions)
    if (index.entity(m.entityId)?.type === 'event') eventEnd.set(m.span.start, Math.max(eventEnd.get(m.span.start) ?? 0, m.span.end));
  const kept0 = mentions.filter((m) => index.entity(m.entityId)?.type === 'event' || !((eventEnd.get(m.span.start) ?? -1) > m.span.end));
  mentions.length = 0;
  mentions.push(...kept0);
  mentions.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { mentions, findings };
}

/** a sentence's first capitalised words, up to five, after any opening quote or bracket */
const OPENING_CAPITALS = /^[\s"'\u201c\u2018(]*(\p{Lu}[\p{L}'\u2019.-]*(?:[ \t]\p{Lu}[\p{L}'\u2019.-]*){0,4})/u;

/**
 * A name whose first word opens its sentence and was read as an ordinary word ("Western Water Services issued"):
 * the extractor drops such a word unless the draft itself writes the name elsewhere, but the corpus may know the
 * whole name. The mention then takes the word back when the whole is a name the corpus knows.
 */
function withSentenceInitialWord(index: CorpusIndex, masked: string, sents: readonly ParagraphSentence[], m: RawMention): RawMention {
  if (m.kind === 'event') return m;
  const sent = sents.find((s) => s.span.start <= m.span.start && m.span.start < s.span.end);
  if (!sent || m.span.start - sent.span.start > 40) return m;
  const word = /^[\s"'\u201c\u2018(\u2013\u2014-]*(\p{Lu}[\p{L}'\u2019-]*)[ \t]$/u.exec(masked.slice(sent.span.start, m.span.start))?.[1];
  if (!word) return m;
  const text = `${word} ${m.text}`;
  if (!index.lookupName(text).entityId) return m;
  return { ...m, span: { start: m.span.start - word.length - 1, end: m.span.end }, text, key: normKey(text), words: [word, ...m.words] };
}

/** Whether most of a sentence's words of four letters or more are capitalised: a headline in title case, where a
 * capital says nothing of a name. */
function titleCase(text: string): boolean {
  let words = 0;
  let caps = 0;
  for (const m of text.matchAll(/(?<!\p{L})\p{L}{4,}/gu)) {
    words++;
    if (/^\p{Lu}/u.test(m[0])) caps++;
  }
  return words >= 3 && caps * 2 > words;
}

/** reporting verbs that presuppose the truth of what they report (unlike "said", "claimed", "alleged") */
const FACTIVE = /^(?:confirm(?:s|ed)?|reveal(?:s|ed)?|admit(?:s|ted)?|acknowledge[sd]?|disclose[sd]?)$/i;
/** verbs of telling that also name an act when their object is a thing ("announced the increase", "reported a loss") */
const ACT_CUE = /^(?:announce[sd]?|report(?:s|ed)?)$/i;
/** a clause's verb after the object: "announced the plant would close", "reported the bridge collapsed" */
const CLAUSE_AFTER = /\b(?:is|was|were|are|had|has|have|would|will|could|should|might|may|must|did|does|do|been|\p{Ll}{3,}ed)\b/u;

/**
 * Whether a sentence's verb of telling (`cue`) has a thing for its object, up to the clause's end: "The commission
 * announced the increase on 14 March" is an act the writer states; "announced the plant would close" tells a saying.
 */
function announcesThing(str: string, cue: string | undefined): boolean {
  if (!cue || !ACT_CUE.test(cue)) return false;
  const m = new RegExp(`\\b${cue}\\s+(?:the|a|an|its|their|his|her|new)\\s+([^,;:.!?"\u201c\u201d]*)`, 'i').exec(str);
  return !!m && !CLAUSE_AFTER.test(m[1]);
}

/** Whether a text has at least n whitespace-separated words (one linear pass, stops early). */
function wordsAtLeast(s: string, n: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord && ++count >= n) return true;
    inWord = !space;
  }
  return false;
}

function safeQuantities(s: string, off: number): Quantity[] {
  try {
    return extractQuantities(s, off);
  } catch {
    return [];
  }
}

/** A name token as the sources write it in one of its entities' names ("Abdel-Ghaffar", "McAllister"), else as kept. */
function writtenAs(index: CorpusIndex, token: string, entityIds: readonly string[]): string {
  const f = fold(token);
  for (const id of entityIds.slice(0, 8)) {
    const e = index.entity(id);
    if (!e) continue;
    for (const name of [e.name, ...e.aliases])
      for (const word of name.split(/\s+/)) if (word.length === token.length && fold(word) === f) return word;
  }
  return token;
}

/** The suggestion in the case of the word it replaces: all capitals for all capitals, a capital first for a capital
 * first (the rest as the sources write it: `writtenAs`). */
function matchCase(token: string, like: string): string {
  if (/^\p{Lu}+$/u.test(like)) return token.toUpperCase();
  if (/^\p{Lu}/u.test(like)) return token[0].toUpperCase() + token.slice(1);
  return token;
}

/** `partsOfNames`: also one word of a known name ("Kessler" of Kessler Logistics), which reads the spelling index's
 * name tokens (made whole if it is not yet). */
export function resolveDraftMention(
  index: CorpusIndex,
  m: RawMention,
  partsOfNames = true,
): { entityId?: string; candidates?: string[] } | undefined {
  const t = index.table;
  if (m.kind === 'event') {
    if (m.eventOf) {
      const direct = t.eventByPlace.get(`${m.eventOf}:${m.eventClass}`);
      if (direct) return { entityId: direct };
      const place = t.byKey.get(m.eventOf);
      if (place) {
        for (const [k, id] of t.eventByPlace)
          if (t.byKey.get(k.split(':')[0]) === place && k.endsWith(`:${m.eventClass}`)) return { entityId: id };
      }
    }
    if (m.eventDate) {
      const id = t.eventByDate.get(`${m.eventClass}:${m.eventDate}`);
      if (id) return { entityId: id };
      return undefined;
    }
    // named only by its doer or its day ("the FEN outage", "the Tuesday blast"): the corpus's one event of its kind
    const id = m.eventOf ? undefined : onlyPlacedEvent(t.eventByPlace, m.eventClass!);
    return id ? { entityId: id } : undefined;
  }
  const r = index.lookupName(m.text);
  if (r.entityId) return r;
  // one word that is part of known names: "Kessler" (Kessler Logistics), "Albrecht" (Jonas Albrecht)
  const ids =
    partsOfNames && m.words.length === 1
      ? [...(index.nameTokens.get(fold(m.text).replace(/['\u2019]s?$/, '')) ?? [])].filter((id) => index.entity(id)?.type !== 'event')
      : [];
  if (r.candidates) {
    // an ambiguous surname: every person the corpus knows by it, not only those one article had to choose between
    const more = ids.filter((id) => index.entity(id)?.type === 'person' && !r.candidates!.includes(id));
    return more.length ? { candidates: [...r.candidates, ...more] } : r;
  }
  if (m.words.length === 1) {
    if (ids.length === 1) return { entityId: ids[0] };
    if (ids.length > 1 && ids.every((id) => index.entity(id)?.type === 'person')) return { candidates: ids };
  }
  // a longer name whose known part is a suffix or prefix ("Oostkade Terminal" known as "Oostkade")
  if (m.words.length > 1) {
    // only heads and tails of at most 12 words (no known name is longer): keeps a run of thousands of capitalised words linear, not quadratic (robustness, test/robustness/drafts.test.ts)
    for (let cut = Math.max(1, m.words.length - 12); cut < m.words.length; cut++) {
      const tail = index.lookupName(m.words.slice(cut).join(' '));
      if (tail.entityId && index.entity(tail.entityId)?.type !== 'place') return tail;
      const head = index.lookupName(m.words.slice(0, m.words.length - cut).join(' '));
      if (head.entityId && m.words.length - cut > 1) return head;
    }
  }
  return undefined;
}

function outletOf(index: CorpusIndex, sourceId: string): string {
  return sourceName(index.sources.get(sourceId), sourceId);
}

function relatedOf(index: CorpusIndex, disputes: Dispute[]): RelatedPassage[] {
  const out: RelatedPassage[] = [];
  const seen = new Set<string>();
  for (const d of disputes) {
    for (const side of d.sides) {
      if (seen.has(side.claimId)) continue;
      seen.add(side.claimId);
      const c = index.claim(side.claimId);
      if (!c) continue;
      out.push({
        sourceId: c.sourceId,
        span: c.span,
        message: `${outletOf(index, c.sourceId)} — ${side.position}${speakerNote(c, side.position)}: “${short(shownText(c), 140)}”`,
      });
    }
  }
  return out;
}

/** "(citing X)" after a side's position, unless the position names X already ("Murphy says") */
function speakerNote(c: Claim, position: string): string {
  const name = speakerShown(c.speaker);
  return name && !position.includes(name) ? ` (${c.speaker.kind === 'quoted' ? 'quoting' : 'citing'} ${name})` : '';
}

/** How well a corpus claim meets a draft sentence: shared entities and shared meaning. */
export function matchScore(
  index: CorpusIndex,
  ds: Pick<DraftSentence, 'entityIds' | 'keys'>,
  c: Claim,
): { entities: number; meaning: number } {
  const ce = new Set(allEntities(c));
  const entities = ds.entityIds.filter((e) => ce.has(e)).length;
  return { entities, meaning: meaningShared(index, ds, c.keys) };
}

/**
 * The keys of words that say who someone is, not what the sentence says of them ("FEN's chief executive, Pieter-Jan De
 * Smet, said the gateway was patched" and "chief executive Pieter-Jan De Smet apologised" share a person and a role,
 * not a point): they count for nothing in a draft sentence's match.
 */
const ROLE_KEYS = new Set(
  meaningKeys(
    'executive ceo chairman chairwoman chair president director spokesman spokeswoman spokesperson minister ' +
      'secretary governor mayor founder editor manager commissioner official officials',
  ),
);

/** What a draft sentence's key counts for when a claim shares it: `sharedKeyWeight`, and nothing for a role. */
function draftKeyWeight(index: CorpusIndex, k: string): number {
  return ROLE_KEYS.has(k) ? 0 : sharedKeyWeight(k, index.entityWords);
}

/** The meaning a draft sentence shares with a claim's keys, as `matchScore` counts it. */
function meaningShared(index: CorpusIndex, ds: Pick<DraftSentence, 'keys'>, claimKeys: string[]): number {
  const has = new Set(claimKeys);
  let n = 0;
  for (const k of ds.keys) if (has.has(k)) n += draftKeyWeight(index, k);
  return n;
}

/**
 * What each of the draft sentence's keys adds to `meaningShared` when a claim has it (each time the sentence has
 * it, not for a word of an entity's name, twice for a paraphrase key): scans test claims on their packed keys with
 * it (`ClaimStore.keyWeightAt`) before making any.
 */
function meaningWeights(index: CorpusIndex, ds: Pick<DraftSentence, 'keys'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of ds.keys) {
    const w = draftKeyWeight(index, k);
    if (w) out.set(k, (out.get(k) ?? 0) + w);
  }
  return out;
}

/** Claims already seen by a scan, by source and index in the claim store (no claim id is made). */
class SeenClaims {
  private readonly bySource = new Map<number, Set<number>>();
  /** whether claim `i` of source `s` is new to the scan (it is seen from now on) */
  first(s: number, i: number): boolean {
    let set = this.bySource.get(s);
    if (!set) this.bySource.set(s, (set = new Set()));
    if (set.has(i)) return false;
    set.add(i);
    return true;
  }
}

/** how many of a draft sentence's words a passage must share to say its point: half of those that name nothing, three
 * at least (or `atLeast`) */
function pointWords(index: CorpusIndex, ds: Pick<DraftSentence, 'keys'>, atLeast = 3): number {
  return Math.max(atLeast, Math.ceil(0.5 * ds.keys.filter((k) => !index.entityWords.has(k)).length));
}

function matches(s: { entities: number; meaning: number }): boolean {
  return (s.entities >= 1 && s.meaning >= 2) || s.meaning >= 3;
}

/** `matches` for claim `i` of source `s`, from the store's columns: its entities are counted only when its meaning
 * leaves that to decide. */
function matchesAt(store: ClaimStore, s: number, i: number, q: ClaimQuery): boolean {
  const meaning = store.keyWeightAt(s, i, q);
  return meaning >= 3 || (meaning >= 2 && store.namedAmongAt(s, i, q) >= 1);
}

/** Where each side's claim of a dispute is in the claim store, as (source, index) pairs (-1, -1 for one it lacks),
 * found once: from its id, each time, they took ~6% of a re-check at 50,000 articles. */
const sideSpotsOf = new WeakMap<ClaimStore, WeakMap<Dispute, Int32Array>>();
function sideSpots(store: ClaimStore, d: Dispute): Int32Array {
  let byDispute = sideSpotsOf.get(store);
  if (!byDispute) sideSpotsOf.set(store, (byDispute = new WeakMap()));
  let spots = byDispute.get(d);
  if (!spots) {
    spots = new Int32Array(2 * d.sides.length).fill(-1);
    d.sides.forEach((side, k) => {
      const at = store.locate(side.claimId);
      if (at) {
        spots![2 * k] = at.s;
        spots![2 * k + 1] = at.i;
      }
    });
    byDispute.set(d, spots);
  }
  return spots;
}

/** what stands before a fact-check's claim's own number: "CLAIM 2:", "Claim #3" */
const CLAIM_NUMBER = /^\W*(?:the\s+)?claim\s*(?:#|no\.?\s*)?\(?$/i;

/** Whether a claim's figure is a time frame of what it says, not a figure of it: "In five years …", "over the past
 * decade", "for the last 12 months" (a duration after "in", "over", "within", "during" or "for", with "the past"). */
function isTimeFrame(c: Claim, q: Quantity): boolean {
  if (q.measure !== 'duration') return false;
  const before = c.text.slice(Math.max(0, q.span.start - c.span.start - 20), q.span.start - c.span.start);
  return /\b(?:in|over|within|during|for)\s+(?:the\s+)?(?:(?:past|last|first)\s+)?$/i.test(before);
}

/** a draft's own word for something false: a denial of that thing agrees with it */
const DRAFT_FALSITY =
  /\b(?:hoax(?:es)?|fake[ds]?|faking|false(?:ly)?|untrue|bogus|fabricat\w+|made[- ]up|staged|doctored|photoshopped|debunk\w*|myth)\b/i;

function disputeFinding(index: CorpusIndex, ds: DraftSentence): Finding | undefined {
  if (!ds.asserts) return undefined;
  const hits: { d: Dispute; score: number; claim: Claim }[] = [];
  const candidates = new Set<Dispute>();
  for (const e of ds.entityIds) for (const d of index.disputesOf(e)) candidates.add(d);
  // meaning-only matches (the draft may name none of the claim's entities), through the key index
  for (const k of ds.keys) for (const d of index.disputesByKey.get(k) ?? []) candidates.add(d);
  const weights = meaningWeights(index, ds);
  const store = index.claims;
  const q = store.query(ds.entityIds, weights);
  const draftFalsity = DRAFT_FALSITY.test(ds.text);
  for (const d of candidates) {
    if (d.kind === 'figures') continue;
    if (d.kind === 'responsibility') {
      const [doer, event] = d.entityIds;
      if (ds.entityIds.includes(doer) && ds.entityIds.includes(event) && ds.keys.includes('~responsible')) {
        const c = index.claim(d.sides[0].claimId)!;
        hits.push({ d, score: 20, claim: c });
      }
      continue;
    }
    const spots = sideSpots(store, d);
    for (let k = 0; k < d.sides.length; k++) {
      const side = d.sides[k];
      // scored from the columns first: most sides do not match, and making a claim reads its source's text
      const si = spots[2 * k];
      const ci = spots[2 * k + 1];
      if (si >= 0 && !d.rated && !matchesAt(store, si, ci, q)) continue;
      // a draft that repeats the contesting side agrees with it: only the contested claim is matched
      const c = index.claim(side.claimId);
      if (d.kind === 'contested' && side.position === 'contests' && c?.speaker.kind === 'outlet') continue;
      if (!c) continue;
      // a draft that itself calls something false agrees with a source's denial of it
      if (draftFalsity && d.kind === 'questioned' && c.stance === 'denies') continue;
      // a denial that something was done is about that act: "denied a report that its head of internal audit, X, had
      // been suspended" says nothing against a sentence on what X heads
      if (
        c.stance === 'denies' &&
        !sharesDeniedAct(index, ds.keys, c.text, () => (si >= 0 && ci > 0 ? store.at(si, ci - 1).text : undefined))
      )
        continue;
      const s = matchScore(index, ds, c);
      // (a rating, or a headline's question, is about the one point it names: the draft shares three of its words, or
      // half of them, a name or not; "CLAIM:" is the line's label)
      if (d.kind === 'fact-check' && d.rated) {
        // a phrase rated inside a sentence ("the minister's "below 10 percent" is FALSE"): the draft must say the
        // phrase, its words that name nothing (one at least, half of them) and its figure
        const words = meaningKeys(d.rated).filter((k) => !index.entityWords.has(k));
        const shared = words.filter((k) => ds.keys.includes(k)).length;
        const figures = extractQuantities(d.rated);
        if (!shared || shared * 2 < words.length) continue;
        if (figures.length && !figures.some((cq) => ds.quantities.some((x) => x.value === cq.value && x.measure === cq.measure))) continue;
        if (!figures.length && shared < 2) continue;
      } else if (d.kind === 'fact-check' || (c as Claim & { heading?: boolean }).heading) {
        const point = c.keys.filter((k) => k !== 'claim' && !index.entityWords.has(k)).length;
        // (a rated claim of many words is about what it says: half of them, not any three, "patients … removed from the
        // list" is not "three patients died after being wrongly dropped from the list")
        const half = s.meaning >= 2 && s.meaning * 2 >= point;
        if (d.kind === 'fact-check' ? !half : !((matches(s) && s.meaning >= 3) || half)) continue;
        // (a rated claim's figure is part of what is rated: "the median wait is 39 weeks" is not "71 per cent were treated
        // within the 26-week benchmark")
        // (a time frame is no figure rated, "In five years this ropeway has never stopped", nor the claim's number, "CLAIM 2:")
        const rated = c.quantities.filter((cq) => !isTimeFrame(c, cq) && !CLAIM_NUMBER.test(c.text.slice(0, cq.span.start - c.span.start)));
        if (d.kind === 'fact-check' && rated.length && !rated.some((cq) => ds.quantities.some((x) => x.value === cq.value))) continue;
      } else if (!matches(s)) continue;
      // a draft that repeats the contesting side is not contradicted by it, but still by the other side
      hits.push({ d, score: s.entities * 1.5 + s.meaning, claim: c });
    }
  }
  // a source sentence that says the draft's sentence negated ("… was not the wife of …"): it names the same
  // entities and shares most of its meaning, with the opposite polarity. Candidates come from the draft's
  // entities (bounded), never a scan of the corpus.
  const draftNeg = hasNegation(ds.text);
  const draftKeys = new Set(ds.keys);
  const needed = pointWords(index, ds);
  const seenClaims = new SeenClaims();
  let examined = 0;
  // (the articles of a name few articles give: a story's own street or village, whose articles' other sentences are
  // about it too, "police had not fired tear gas" in the article that names the street)
  const storyArticles = new Set<number>();
  const contradicts = (s: number, i: number, inStory: boolean) => {
    if (!seenClaims.first(s, i) || store.stanceAt(s, i) === 'questions') return;
    // the meaning it must share, read from the columns first: most of a popular entity's claims share too
    // little to be worth making
    if (store.keyWeightAt(s, i, q) < needed) return;
    const c = store.at(s, i);
    // ("Sibusiso Mkhize (no relation), who has driven a forklift": a kinship disclaimer negates nothing said)
    const said = c.text.replace(NO_RELATION, ' ');
    if (hasNegation(said) === draftNeg) return;
    const sc = matchScore(index, ds, c);
    if (!((sc.entities >= 1 || inStory) && sc.meaning >= needed && sharesNegatedPredicate(index, draftKeys, ds.text, said))) return;
    hits.push({
      d: {
        id: `contradiction-${c.id}`,
        kind: 'contested',
        point: `${outletOf(index, c.sourceId)} says the opposite: ${short(shownText(c))}`,
        entityIds: c.entityIds,
        sides: [{ claimId: c.id, sourceId: c.sourceId, position: 'says the opposite' }],
      },
      score: sc.entities * 1.5 + sc.meaning,
      claim: c,
    });
  };
  for (const e of ds.entityIds) {
    const articles = new Set<number>();
    store.visitEntity(
      e,
      (s, i) => {
        examined++;
        articles.add(s);
        contradicts(s, i, false);
      },
      4000 - examined,
    );
    if (articles.size <= STORY_NAME_ARTICLES) for (const s of articles) storyArticles.add(s);
  }
  for (const s of storyArticles) for (let i = 0; i < store.claimsIn(s); i++) contradicts(s, i, true);
  // an article about the same thing that denies or doubts it ("X denied …", "the report is a hoax"); a draft
  // that itself negates ("does not have") has the opposite polarity, so a denial may agree with it, and so may one that
  // itself calls something false ("Eyewitness says viral video was staged")
  const draftNegates = hasNegation(ds.text) || draftFalsity;
  if (!draftNegates) hits.push(...refutingArticles(index, ds, weights, q));
  if (!hits.length) return undefined;
  hits.sort((a, b) => b.score - a.score);
  const top = hits.filter((h) => h.score >= hits[0].score - 2).slice(0, 4);
  const ds2 = [...new Set(top.map((h) => h.d))];
  // (one passage's point once: a headline read both as a question and as a doubt is one point)
  const seenPoint = new Set<string>();
  const points = top.filter((h) => !seenPoint.has(h.claim.id) && !!seenPoint.add(h.claim.id)).map((h) => h.d);
  const related = relatedOf(index, ds2);
  const outlets = [...new Set(related.map((r) => outletOf(index, r.sourceId)))];
  // a rating's other side: the source that makes the claim rated ("the plant has lost money in each of the past five
  // years", said by the company), when another source says it
  // and a denial's: the source that says what is denied ("the dhal was contaminated before it reached the school", which
  // the caterer denies)
  let claimant = '';
  const rated = ds2.find((d) => d.kind === 'fact-check') ?? ds2.find((d) => d.kind === 'questioned' || d.kind === 'contested');
  if (rated) {
    // (a sentence that names nothing is looked for by the names the fact-check's article opens with; a rating by the
    // names its claim's line gives too: "Claim: "Three patients died …" (Fiona MacQuarrie, opposition health critic)")
    const named = ds.entityIds.length ? ds.entityIds : openingEntities(index, rated.sides[0].claimId);
    const ratedClaim = rated.kind === 'fact-check' ? index.claim(rated.sides[0].claimId) : undefined;
    const byReview = rated.claimant ? index.lookupName(rated.claimant) : undefined;
    const claimants = byReview ? (byReview.entityId ? [byReview.entityId] : (byReview.candidates ?? [])) : [];
    const opening = ratedClaim ? [...new Set([...named, ...claimants, ...claimantNames(index, rated.sides[0].claimId)])] : named;
    // (a denial's other side says the sentence's point: half of its words, three at least; a rating's says the claim
    // rated, half of its words, two at least: "The market passed a full fire-safety inspection by the brigade in 2024")
    const ratedText = ratedClaim ? (rated.rated ?? ratedClaim.text) : undefined;
    const point = ratedText ? { keys: meaningKeys(ratedText).filter((k) => k !== 'claim') } : ds;
    const least = pointWords(index, point, ratedText ? 2 : 3);
    // (a rated claim's sources, two at most, each its own outlet: "… UNPROVEN (Meridian Wire, FMTD say so)")
    const best = bestSupports(
      index,
      { entityIds: opening, keys: point.keys },
      new Set(related.map((r) => r.sourceId)),
      { least, limit: SUPPORT_LOOKS, issued: !!ratedText, negated: hasNegation(ratedText ?? ds.text) },
      ratedText ? 2 : 1,
    );
    const sayers: Claim[] = [];
    for (const c of best) {
      if (matchScore(index, { ...ds, keys: point.keys }, c).meaning < least) break;
      sayers.push(c);
    }
    if (sayers.length) {
      const outletsSaying = sayers.map((c) => outletOf(index, c.sourceId));
      claimant = ` (${outletsSaying.join(', ')} ${sayers.length === 1 ? 'says' : 'say'} so)`;
      for (const c of sayers)
        related.push({
          sourceId: c.sourceId,
          span: c.span,
          message: `${outletOf(index, c.sourceId)} — says so: “${short(shownText(c), 140)}”`,
        });
    }
  }
  return {
    code: 'disputed-claim',
    severity: 'warning',
    span: ds.span,
    message: `The sources dispute this (${outlets.join(', ')}): ${[...new Set(points)].map((d) => short(d.point, 110)).join(' | ')}${claimant}`,
    related,
    disputeIds: ds2.map((d) => d.id),
  };
}

/** How many claims of each of a sentence's entities are looked at for a finding's other side (`bestSupport`). */
const SUPPORT_LOOKS = 2000;

/** A name that at most this many articles give is a story's own (a street, a village, a small body). */
const STORY_NAME_ARTICLES = 20;

/** An article is about a scope of a draft's figure when one of its first claims (its title, byline and opening
 * sentences) names it; the figures of its sentences that name no event or place of their own are then the scope's
 * ("According to our count, at least 46 people were injured", in a statement on the Arequipa protest). */
const ABOUT_LEDE = 4;
/** nouns that count everyone a figure counts ("46 people were injured", "1,100 workers will lose their jobs") */
const EVERYONE = new Set(['people', 'persons', 'individuals', 'workers', 'employees', 'staff', 'protesters', 'demonstrators', 'marchers']);
const DEGREE = /^[^.;:]{0,24}?\b(?:seriously|critically|badly|severely|slightly|lightly|gravely|fatally)\b/i;

/**
 * Whether a figure that names no scope counts everyone of its measure, as a toll with no scope must to be a scope's:
 * no noun, a noun for everyone, or the draft figure's own noun ("19 miners" against "12 miners"), and no degree after
 * it ("seriously injured").
 */
/** units and times, which no act touches ("for 12 years", "40 metres above") */
const NO_THING = new Set(
  'year years month months week weeks day days hour hours minute minutes second seconds time times metre metres meter meters kilometre kilometres kilometer kilometers mile miles tonne tonnes ton tons litre litres liter liters point points per percent cent'.split(
    ' ',
  ),
);

/**
 * The stem of the verb of doing that a sentence tells of a counted thing (`noun`, as written): "114 stalls were
 * destroyed", "destroying about 260 of its stalls" (→ "destroy"); none for units and times, or where no verb of doing
 * in "-ed", "-en" or "-ing" stands by it.
 */
function thingAct(text: string, noun: string): string | undefined {
  if (NO_THING.has(noun.toLowerCase()) || !/^\p{L}[\p{L}-]*$/u.test(noun)) return undefined;
  let res = THING_PATTERNS.get(noun);
  if (!res) {
    if (THING_PATTERNS.size > 500) THING_PATTERNS.clear();
    res = [
      new RegExp(String.raw`\b${noun}\b`, 'gu'),
      new RegExp(
        String.raw`^${noun}\s+(?:\p{L}+\s+)?(?:were|was|have been|had been|has been|are|is|be)\s+(?:\p{L}+ly\s+)?(\p{Ll}+(?:ed|en))\b`,
        'u',
      ),
    ];
    THING_PATTERNS.set(noun, res);
  }
  // (read around each place the noun stands, not over the whole text: a popular place's claims are many)
  const [at, after] = res;
  let verb: string | undefined;
  for (const m of text.matchAll(at)) {
    verb = after.exec(text.slice(m.index!, m.index! + noun.length + 60))?.[1];
    if (verb) break;
  }
  if (!verb)
    for (const m of text.matchAll(at)) {
      verb = THING_BEFORE.exec(text.slice(Math.max(0, m.index! - 60), m.index!))?.[1];
      if (verb) break;
    }
  return verb && !/^(?:according|including|during|following|being|been)$/.test(verb) ? stem(verb) : undefined;
}

/** `thingAct`'s patterns for a noun (where it stands; its verb after it), made once (a popular scope's claims are read on
 * every check) */
const THING_PATTERNS = new Map<string, [RegExp, RegExp]>();
/** a verb of doing before a counted thing, up to four words before it: "destroying about 260 of its " */
const THING_BEFORE = /\b(\p{Ll}{3,}(?:ed|ing))\s+(?:[\p{L}\d,.]+\s+){1,4}$/u;

function countsAll(c: Claim, cq: Quantity, q: Quantity): boolean {
  const noun = cq.noun?.toLowerCase();
  if (noun && !EVERYONE.has(noun) && noun !== q.noun?.toLowerCase()) return false;
  return !DEGREE.test(c.text.slice(cq.span.end - c.span.start));
}

/** words that turn to another matter ("In a separate protest in Corvena", "Elsewhere, …") */
const ANOTHER = /\b(?:separate|another|elsewhere|meanwhile|unrelated|different)\b/i;
/** how many sentences before such a figure may not turn to another place */
const AFTER_OTHER = 2;
/** (the first articles of a popular place are enough: the figures of one story) */
const ABOUT_ARTICLES = 50;

/** the events and places among `ids` (where a figure is counted), and the bodies too with `bodies` (where jobs are
 * counted, and the people aboard a vessel the recogniser takes for a body) */
function scopeIds(index: CorpusIndex, ids: readonly string[], bodies = false): string[] {
  return ids.filter((e) => {
    const t = index.entity(e)?.type;
    return t === 'event' || t === 'place' || (bodies && t === 'organization');
  });
}

/**
 * A figure of the sentence that the sources do not all support, for the same measure of the same event or place (the
 * sentence's own, else `context`'s: "The explosion killed 14 people" after a sentence naming where): no source gives a
 * figure that fits it, or some source gives figures of which none fits it while another's fits (the sources differ on
 * it). A source that gives a fitting figure somewhere (a toll that rose) does not count against it.
 */
function figureFinding(index: CorpusIndex, ds: DraftSentence, context?: readonly string[]): Finding | undefined {
  if (!ds.asserts) return undefined;
  for (const q of ds.quantities) {
    // (things an act touched are counted too: "More than 250 stalls were destroyed", against "destroying about 260 of its
    // stalls" and "114 stalls were destroyed")
    // (things, not people: a count of people that no measure reads, "employs 2,800 people", is too often of no act)
    const thing = q.measure === 'other' && q.counted === 'other' && q.noun ? thingAct(ds.text, q.noun) : undefined;
    if (!isCount(q.measure) && !thing) continue;
    // (jobs are counted at an employer too: "Kestrel will cut 640 jobs"; the people aboard, at the vessel, which the
    // recogniser often takes for a body: "the Shapla Express was carrying 212 passengers")
    const jobs = q.measure === 'jobs' || q.measure === 'aboard';
    const own = scopeIds(index, ds.entityIds, jobs);
    const scopes = new Set(own.length ? own : (context ?? []));
    if (!scopes.size) continue;
    const candidates: { c: Claim; q: Quantity }[] = [];
    const store = index.claims;
    const entities = index.table.entities;
    // (a counted thing's claims are those whose words have its noun, read from the columns first)
    const nounQ = thing ? store.query(NO_IDS, new Map(meaningKeys(q.noun!).map((k) => [k, 1]))) : undefined;
    const nounStem = thing ? stem(q.noun!.toLowerCase()) : undefined;
    // (`all`: only figures that count everyone, for a figure its article's opening scopes)
    const take = (c: Claim, all = false) => {
      for (const cq of c.quantities)
        if (
          cq.measure === q.measure &&
          cq.counted === q.counted &&
          (!thing || (cq.noun && stem(cq.noun.toLowerCase()) === nounStem && thingAct(c.text, cq.noun) === thing)) &&
          (!all || countsAll(c, cq, q))
        )
          candidates.push({ c, q: cq });
    };
    // the articles whose opening names a scope: about it, their figures with no event or place of their own are its
    const about: number[] = [];
    const aboutSeen = new Set<number>();
    for (const scope of scopes) {
      // only the claims with figures are made (a place's claims can number thousands)
      store.visitEntity(scope, (s, i) => {
        if (i < ABOUT_LEDE && about.length < ABOUT_ARTICLES && !aboutSeen.has(s)) {
          aboutSeen.add(s);
          about.push(s);
        }
        if (!store.hasFiguresAt(s, i) || (nounQ && store.keyWeightAt(s, i, nounQ) < 1)) return;
        const c = store.at(s, i);
        if (isDoubt(c)) return;
        if (!(jobs ? scopeIds(index, allEntities(c), true) : scopesOf(c, entities)).some((x) => scopes.has(x))) return;
        take(c);
      });
    }
    // (a source's figures of the scope by name are its figures: those it gives without a scope count only for the
    // sources that give none by name)
    const named = new Set(candidates.map((x) => x.c.sourceId));
    for (const s of about) {
      if (named.has(store.sourceIds[s])) continue;
      // (the places its opening names are its story's: "Pietermaritzburg" beside "Willowton")
      const story = openingOf(store, s);
      const other = (x: string) => !scopes.has(x) && !story.has(x) && entities.get(x)?.type === 'place';
      for (let i = 0; i < store.claimsIn(s); i++) {
        if (!store.hasFiguresAt(s, i) || store.isHeadingAt(s, i) || (nounQ && store.keyWeightAt(s, i, nounQ) < 1)) continue;
        const c = store.at(s, i);
        if (isDoubt(c) || scopesOf(c, entities).length) continue;
        // (not after a sentence that turns to another place: "In a separate crash near Lyon, … Three were hurt.")
        let elsewhere = false;
        for (let j = Math.max(0, i - AFTER_OTHER); j < i && !elsewhere; j++)
          elsewhere = store.entityIdsAt(s, j).some(other) && ANOTHER.test(store.at(s, j).text);
        if (elsewhere) continue;
        // (a count of all, not of some: "Two adults were seriously injured" is a part of the toll)
        take(c, true);
      }
    }
    if (!candidates.length) continue;
    const uniq = new Map<string, { c: Claim; q: Quantity }>();
    for (const x of candidates) uniq.set(`${x.c.id}:${x.q.span.start}`, x);
    const list = [...uniq.values()];
    // the figures that fit it, and the sources that give one
    const support = list.filter((x) => overlaps(x.q, q));
    const fitting = new Set(support.map((x) => x.c.sourceId));
    const against = list.filter((x) => !fitting.has(x.c.sourceId));
    if (!against.length) continue;
    // (each outlet's figure once: a headline and its lead say the same)
    return sidesFinding(index, ds.span, against, support, (x) => describeQuantity(x.q), {
      differ: `The sources differ on “${describeQuantity(q)}”`,
      none: `No source supports “${describeQuantity(q)}”`,
    });
  }
  return undefined;
}

/** words near a sum that say nothing of what it is the sum of */
const SUM_WORDS = new Set(
  'about around almost nearly some more than less least most over under roughly worth valued value total totalling totaling million billion thousand euros euro dollars dollar pounds pound amount figure sum with from were was been have had that this which their also only just each this year month week percent cent percentage points point rate share minutes hours days weeks months years decades'.split(
    ' ',
  ),
);

/** The stems of the lower-case words in the clause around a sum ("sold Noordhaven shares worth about €2.3 million"):
 * up to `reach` characters before it and 30 after, within its sentence's clause of a full stop, colon or semicolon. */
function sumThing(text: string, start: number, end: number, reach = 60): Set<string> {
  const before = text.slice(Math.max(0, start - reach), start);
  const after = text.slice(end, end + 30);
  const b = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1);
  const a = after.split(/[.;:](?:\s|$)/)[0];
  const out = new Set<string>();
  // ("puts the cost of reprinting the paper, transporting it … at 4.8 million lei": the thing named before the list)
  const clause = text.slice(Math.max(0, start - 240), start);
  const put = PUT_AT.exec(clause.slice(Math.max(clause.lastIndexOf('. '), clause.lastIndexOf(';')) + 1));
  for (const m of `${b} ${a} ${put ? `${put[1]} ${put[2] ?? ''}` : ''}`.matchAll(/(?<!\p{L})\p{Ll}[\p{Ll}'\u2019]+/gu))
    if (m[0].length > 3 && !SUM_WORDS.has(m[0])) out.add(stem(m[0]));
  return out;
}

/** "puts the cost of X at", "estimated the bill for X at" (before a sum): what the sum is of, and its first words */
const PUT_AT =
  /\b(?:puts?|putting|estimated?|estimates|estimating|valued?|values|valuing|sets?|setting|fixe[sd]|fixing)\s+(?:the\s+|its\s+|their\s+)?(?:total\s+)?(cost|bill|price|value|damage|losses?|compensation)\b(?:\s+(?:of|for)\s+([^,;]{1,60}))?[^.;]*?\bat\s*$/i;

/** whether an entity may hold a sum: a person or a body */
function isHolder(index: CorpusIndex, id: string): boolean {
  const t = index.entity(id)?.type;
  return t === 'person' || t === 'organization';
}

/**
 * A sum of money, a share or a time taken that the sentence gives, when the sources give the same thing's (a sale, a
 * payment, a loss: a sentence about one of the sentence's people or bodies whose sum has a word of what it is near it in
 * common with the sentence's; for a share or a time, about any of its names, with two such words) and one that does
 * not fit it ("shares worth about €2.3 million" against "the sale of shares in December, worth about €900,000"; "opened
 * 14 months late" against "more than two years late"). Amounts are compared only for the same thing: an article's
 * revenue and its profit are two sums.
 */
function amountFinding(
  index: CorpusIndex,
  ds: DraftSentence,
  /** the people and bodies the rest of the draft names: a sum in a sentence that names nobody may be what one of them
   * says of the same thing (two of its words: "total losses, including vendors' stock and equipment") */
  wider: readonly string[] = [],
): Finding | undefined {
  if (!ds.asserts) return undefined;
  // (a sum is someone's; a share or a time taken may be a place's or an event's too: "turnout in Ghent was 61%")
  const holders = ds.entityIds.filter((e) => isHolder(index, e));
  for (const q of ds.quantities) {
    if (q.measure !== 'money' && q.measure !== 'percent' && q.measure !== 'duration') continue;
    const measure = q.measure;
    const of = measure === 'money' ? holders : ds.entityIds;
    if (!of.length) continue;
    // (a share or a time may stand further from what it is of: "18 of the 46 launches licensed on the route, nearly 40
    // percent")
    const reach = measure === 'money' ? 60 : 90;
    const thing = sumThing(ds.text, q.span.start - ds.span.start, q.span.end - ds.span.start, reach);
    if (!thing.size) continue;
    const store = index.claims;
    const list: { c: Claim; q: Quantity }[] = [];
    const seen = new Set<string>();
    // (what a body's own statement says is the body's, whether or not its sentence names it: "Reprinting … will cost
    // an estimated 1.2 million lei", in the agency's statement)
    // (a time taken is also read in the articles about one of the sentence's names, three of its words in common: "the
    // first trained divers reached the wreck nearly five hours after the capsize", in a story on the ferry)
    const visit = (holder: string, at: (s: number, i: number, about?: boolean) => void) => {
      const about: number[] = [];
      store.visitEntity(
        holder,
        (s, i) => {
          if (measure === 'duration' && i < ABOUT_LEDE && about.length < ABOUT_ARTICLES && about[about.length - 1] !== s) about.push(s);
          at(s, i);
        },
        2000,
      );
      for (const s of issuedBy(index).get(holder) ?? []) for (let i = 0; i < store.claimsIn(s); i++) at(s, i);
      for (const s of about) for (let i = 0; i < store.claimsIn(s); i++) at(s, i, true);
    };
    const further = wider.filter((x) => !of.includes(x));
    for (const holder of [...of, ...further])
      visit(holder, (s, i, about = false) => {
        if (!store.hasFiguresAt(s, i)) return;
        const c = store.at(s, i);
        if (isDoubt(c) || c.stance === 'questions' || c.stance === 'hedges') return;
        for (const cq of c.quantities) {
          if (cq.measure !== measure || seen.has(`${c.id}:${cq.span.start}`)) continue;
          // (sums of one thing are of one order: a share's price and a sale's value, or a year's revenue and a
          // sale, are not compared)
          // (times are told in different units: their words say the same thing)
          if (measure !== 'duration' && Math.max(cq.value, q.value) > 20 * Math.min(cq.value, q.value)) continue;
          const near = sumThing(c.text, cq.span.start - c.span.start, cq.span.end - c.span.start, reach);
          // (a time taken or a share is said of many things in one story: two of its words, or all of one)
          const shared = [...thing].filter((k) => near.has(k)).length;
          if (shared < (about ? 3 : measure === 'money' && !further.includes(holder) ? 1 : Math.min(2, thing.size))) continue;
          seen.add(`${c.id}:${cq.span.start}`);
          list.push({ c, q: cq });
        }
      });
    const support = list.filter((x) => overlaps(x.q, q));
    const fitting = new Set(support.map((x) => x.c.sourceId));
    // (a sum that fits another of the sentence's sums is that one's: "$499 for the steel watch, $4,999 for the gold")
    const others = ds.quantities.filter((o) => o !== q && o.measure === measure);
    const against = list.filter((x) => !fitting.has(x.c.sourceId) && !others.some((o) => overlaps(x.q, o)));
    // (a sum no source gives is a finding only when two sources or more agree on another sum of the same thing: sums are
    // too many kinds of thing to say from one source that none supports it)
    if (!against.length || (!support.length && !agreeElsewhere(against))) continue;
    // (a sum as written: "about €900,000")
    const sum = `“${ds.text.slice(q.span.start - ds.span.start, q.span.end - ds.span.start)}”`;
    return sidesFinding(
      index,
      ds.span,
      against,
      support,
      (x) => x.c.text.slice(x.q.span.start - x.c.span.start, x.q.span.end - x.c.span.start),
      {
        differ: `The sources differ on ${sum}`,
        none: `No source supports ${sum}`,
      },
    );
  }
  return undefined;
}

/** per index version: the bodies that issued sources (their outlet's name is the body's), with those sources' indexes in
 * the claim store ("National Examinations Agency" and its statement) */
const issuers = new WeakMap<CorpusIndex, { version: number; bySource: Map<string, number[]> }>();
function issuedBy(index: CorpusIndex): Map<string, number[]> {
  const known = issuers.get(index);
  if (known && known.version === index.version) return known.bySource;
  const bySource = new Map<string, number[]>();
  const store = index.claims;
  for (const [sourceId, source] of index.sources) {
    const id = issuerOf(index.table, source);
    const s = id ? store.sourceAt(sourceId) : undefined;
    if (id && s !== undefined) {
      const list = bySource.get(id);
      if (list) list.push(s);
      else bySource.set(id, [s]);
    }
  }
  issuers.set(index, { version: index.version, bySource });
  return bySource;
}

/** Whether the passages come from two sources or more and their sums agree (one range holds them all). */
function agreeElsewhere(list: readonly { c: Claim; q: Quantity }[]): boolean {
  if (new Set(list.map((x) => x.c.sourceId)).size < 2) return false;
  let low = -Infinity;
  let high = Infinity;
  for (const { q } of list) {
    low = Math.max(low, q.low);
    high = Math.min(high, q.high);
  }
  return low <= high;
}

/**
 * The day the sentence says its event happened, when the sources that say when it happened put it on another day
 * ("The rockfall struck on Tuesday, March 4" against "The collapse happened in the early hours of Wednesday, not on
 * Tuesday"): each source's days are those it says in its own voice (a contrast right after a claim it reports counts
 * as its own: "Sandrivier said it collapsed late on Tuesday. But the shift log records 01:20 on Wednesday, March 5"),
 * else those it reports. A source that gives the draft's day, and denies it nowhere, is for it. The sentences read are
 * those about the scopes, and, in the sources that name an event of the scopes, those whose verb says an event of its
 * kind happened ("the shaft collapsed late on Tuesday night").
 */
function dateFinding(index: CorpusIndex, ds: DraftSentence, scopeList: readonly string[]): Finding | undefined {
  if ((!ds.asserts && !ds.statesAct) || !scopeList.length) return undefined;
  const dayList = daysInText(ds.text);
  const said = occurrence(ds.text, dayList);
  // (else an act and its day: "Western Water issued a boil-water notice on 9 October")
  const act = said?.days.length ? undefined : actionDay(ds.text, dayList, stem);
  const day = said?.days[0] ?? act?.day;
  if (!day) return undefined;
  const scopes = new Set(scopeList);
  const store = index.claims;
  type Said = { c: Claim; d: Day };
  const bySource = new Map<string, { own: Said[]; reported: Said[]; denied: Said[] }>();
  const note = (s: number, i: number, c: Claim, o: Occurrence) => {
    const row = bySource.get(c.sourceId) ?? { own: [], reported: [], denied: [] };
    bySource.set(c.sourceId, row);
    const own = c.speaker.kind === 'outlet';
    for (const d of o.days) (own ? row.own : row.reported).push({ c, d });
    for (const d of o.denied) row.denied.push({ c, d });
    // a contrast right after a claim it reports: the source's own day
    if (!own && i + 1 < store.claimsIn(s)) {
      const next = store.at(s, i + 1);
      const first = next.contrast && next.dates.length ? dayOfDate(next.dates[0], next.span.start) : undefined;
      if (first) row.own.push({ c: next, d: first });
    }
  };
  const seen = new SeenClaims();
  const visit = (s: number, i: number, kind?: string, issued = false) => {
    if (!seen.first(s, i) || !store.hasExtraAt(s, i) || store.isHeadingAt(s, i)) return;
    const c = store.at(s, i);
    if (!c.dates.length || isDoubt(c) || c.stance === 'questions' || c.stance === 'hedges') return;
    if (!issued && (act ? !saysAct(c.text, act) : kind ? !saysKindHappened(c.text, kind) : !allEntities(c).some((x) => scopes.has(x))))
      return;
    const days = c.dates.map((d) => dayOfDate(d, c.span.start)).filter((d): d is Day => !!d);
    const o = act ? actionOccurrence(c.text, days, act.verb, stem) : occurrence(c.text, days);
    if (o) note(s, i, c, o);
  };
  const kindIn = new Map<number, string>();
  let examined = 0;
  // (an act's sentences need not name the scopes: "the notice was issued on Monday, 7 October" in an article that
  // names the company; the first 50 articles naming a scope are read whole)
  const actIn = new Set<number>();
  // (the articles whose opening names a scope: about it)
  const aboutIn = new Set<number>();
  for (const scope of scopes) {
    const kind = eventKind(index.entity(scope));
    store.visitEntity(
      scope,
      (s, i) => {
        examined++;
        if (act) {
          if (actIn.size < 50) actIn.add(s);
        } else if (kind && kindIn.size < 50 && !kindIn.has(s)) kindIn.set(s, kind);
        if (!act && i < ABOUT_LEDE && aboutIn.size < ABOUT_ARTICLES) aboutIn.add(s);
        visit(s, i);
      },
      4000 - examined,
    );
  }
  for (const [s, kind] of kindIn) for (let i = 0; i < store.claimsIn(s); i++) visit(s, i, kind);
  for (const s of actIn) for (let i = 0; i < store.claimsIn(s); i++) visit(s, i);
  // a body's own statement, or an article about a scope, tells of what happened without naming where ("A limited release
  // of process water from our site began on the morning of 6 March", "County inspectors say the discharge began on the
  // night of 4 March"): their sentences that share a word of the sentence's that is neither its day's nor a verb of
  // happening, four letters at least ("discharge", "release")
  if (!act) {
    const dayKeys = new Set(meaningKeys(day.text));
    const own = ds.keys.filter((k) => !dayKeys.has(k) && !HAPPENING_KEYS.has(k) && k.length >= 4);
    if (own.length) {
      // (read from the claims' columns: most share none of the words, and nothing is made for them)
      const q = store.query(NO_IDS, new Map(own.map((k) => [k, 1])));
      const read = new Set(aboutIn);
      for (const id of scopeList) for (const s of issuedSources(index, id)) read.add(s);
      for (const s of read) for (let i = 0; i < store.claimsIn(s); i++) if (store.keyWeightAt(s, i, q) >= 1) visit(s, i, undefined, true);
    }
  }
  const support: Said[] = [];
  const against: Said[] = [];
  for (const row of bySource.values()) {
    const days = row.own.length ? row.own : row.reported;
    const denies = row.denied.filter((x) => sameDay(x.d, day) === true);
    const fits = days.filter((x) => sameDay(x.d, day) === true);
    const differs = days.filter((x) => sameDay(x.d, day) === false);
    if (fits.length && !denies.length) support.push(fits[0]);
    else if (denies.length || differs.length) {
      // (one claim once: "happened on Wednesday, not on Tuesday" both differs and denies)
      against.push(...denies.slice(0, 1));
      if (differs.length && differs[0].c !== denies[0]?.c) against.push(differs[0]);
    }
  }
  if (!against.length) return undefined;
  return sidesFinding(index, ds.span, against, support, (x, denying) => `${denying && sameDay(x.d, day) ? 'not ' : ''}${dayText(x.d)}`, {
    differ: `The sources differ on when it happened (“${day.text}”)`,
    none: `No source puts it on “${day.text}”`,
  });
}

/** no entity ids, for a query of words alone */
const NO_IDS: readonly string[] = [];

/** the keys of the verbs of happening (`occurrence`): no word of what happened */
const HAPPENING_KEYS = new Set(
  meaningKeys('happened occurred struck began begun started start broke out took place erupted collapsed exploded died resigned'),
);

/**
 * A `disputed-claim` on a sentence that says something the sources differ on (a figure, a sum, a day): `against`, the
 * passages that say otherwise, and `support`, those that say the same, each told as its outlet and what it says
 * (`said`, with `denying` when told among those against), each outlet's saying once and three at most, the passages
 * against first. The message opens with `heads.differ` when some source supports the sentence, else `heads.none`.
 */
function sidesFinding<T extends { c: Claim }>(
  index: CorpusIndex,
  span: Span,
  against: readonly T[],
  support: readonly T[],
  said: (x: T, denying: boolean) => string,
  heads: { differ: string; none: string },
): Finding {
  const says = (xs: readonly T[], denying: boolean) =>
    [...new Set(sharpest(xs).map((x) => `${outletOf(index, x.c.sourceId)} says ${said(x, denying)}`))].slice(0, 3).join('; ');
  return {
    code: 'disputed-claim',
    severity: 'warning',
    span,
    message: support.length ? `${heads.differ}: ${says(against, true)} (${says(support, false)})` : `${heads.none}: ${says(against, true)}`,
    related: [...bySource(against, 6), ...bySource(support, 2)].map((x) => ({
      sourceId: x.c.sourceId,
      span: x.c.span,
      message: `${outletOf(index, x.c.sourceId)} — ${said(x, false)}: “${short(shownText(x.c), 140)}”`,
    })),
  };
}

/** The passages but a figure that another figure of the same sentence tells more exactly ("more than a hundred people —
 * 112 by our count —": 112). */
function sharpest<T extends { c: Claim }>(xs: readonly T[]): T[] {
  const q = (x: T): Quantity | undefined => (x as T & { q?: Quantity }).q;
  return xs.filter((x) => {
    const a = q(x);
    return (
      !a ||
      !xs.some(
        (y) =>
          y !== x && y.c.id === x.c.id && q(y) && q(y)!.low >= a.low && q(y)!.high <= a.high && q(y)!.high - q(y)!.low < a.high - a.low,
      )
    );
  });
}

/** Up to `n` of the passages, one of each source first (in their order), then the others: a finding shows every
 * outlet on a side before a second passage of one of them. */
function bySource<T extends { c: Claim }>(xs: readonly T[], n: number): T[] {
  const seen = new Set<string>();
  const first: T[] = [];
  const more: T[] = [];
  for (const x of xs) {
    if (seen.has(x.c.sourceId)) more.push(x);
    else {
      seen.add(x.c.sourceId);
      first.push(x);
    }
  }
  return [...first, ...more].slice(0, n);
}

/** `placeFinding` at where the sentence writes the place's name (its first writing the sentence has) */
function placeAt(index: CorpusIndex, ds: DraftSentence, place: string, scopes: readonly string[]): Finding | undefined {
  const e = index.entity(place);
  const at = e ? Math.min(...[e.name, ...e.aliases].map((n) => ds.text.indexOf(n)).filter((i) => i >= 0)) : Infinity;
  return Number.isFinite(at) ? placeFinding(index, ds, place, at, scopes) : undefined;
}

/** verbs of doing read before a place that `actionDay` does not take as done ("was set on fire outside Pout") */
const PLACED_ACTS = new Set(['set', 'burned', 'burnt', 'torched', 'hit', 'struck', 'stopped', 'found']);

/**
 * Where an act happened, when the sources say it of another place: the draft sentence names one place, after a verb of
 * doing ("A fuel tanker was set on fire outside Pout"); a source sentence that says the act (its verb and a word
 * around it) and names that place is for it; one that says the act and names none of the places those name, but
 * another, puts it elsewhere ("a fuel tanker was set ablaze in Khombole, east of Thiès"). A finding only when both
 * are found: the sources differ. The sentences read are those about the place and `scopes` (the places of the
 * sentences before).
 */
function placeFinding(index: CorpusIndex, ds: DraftSentence, place: string, at: number, scopes: readonly string[]): Finding | undefined {
  if (!ds.asserts) return undefined;
  const act = actionDay(ds.text, [{ text: '', start: at, end: at }], stem, PLACED_ACTS);
  if (!act) return undefined;
  const store = index.claims;
  const seen = new SeenClaims();
  const said: { c: Claim; places: string[] }[] = [];
  for (const scope of new Set([place, ...scopes]))
    store.visitEntity(
      scope,
      (s, i) => {
        if (!seen.first(s, i)) return;
        const c = store.at(s, i);
        if (isDoubt(c) || c.stance !== 'asserts' || !saysAct(c.text, act)) return;
        const places = c.entityIds.filter((e) => index.entity(e)?.type === 'place');
        if (places.length) said.push({ c, places });
      },
      SUPPORT_LOOKS,
    );
  const support = said.filter((x) => x.places.includes(place));
  if (!support.length) return undefined;
  // (another place of the same order only: a venue is not put elsewhere by its city, "the Bataclan" by "Paris", nor a
  // town by its country)
  const name = (id: string) => index.entity(id)?.name ?? id;
  const order = (id: string) => (countryOf(name(id)) ? 3 : isRegion(name(id)) ? 2 : isCity(name(id)) ? 1 : 0);
  const level = order(place);
  if (level >= 2) return undefined;
  const known = new Set([
    ...support.flatMap((x) => x.places),
    ...ds.entityIds,
    ...said.flatMap((x) => x.places.filter((p) => order(p) !== level)),
  ]);
  const against = said
    .filter((x) => !x.places.includes(place) && x.places.some((p) => !known.has(p)))
    .filter((x) => !support.some((y) => y.c.sourceId === x.c.sourceId));
  if (!against.length) return undefined;
  return sidesFinding(
    index,
    ds.span,
    against,
    support,
    (x) => name(x.places.includes(place) ? place : x.places.find((p) => !known.has(p))!),
    {
      differ: `The sources differ on where it happened (“${name(place)}”)`,
      none: `No source says it happened at ${name(place)}`,
    },
  );
}

/** Whether a source's sentence speaks of the act: a form of its verb and one of the words around it ("notice"). */
function saysAct(text: string, act: ActionDay): boolean {
  let verb = false;
  let object = false;
  for (const m of text.matchAll(/(?<!\p{L})\p{Ll}[\p{L}'\u2019]*/gu)) {
    const k = stem(m[0]);
    if (k === act.verb) verb = true;
    else if (act.object.includes(k)) object = true;
    if (verb && object) return true;
  }
  return false;
}

/**
 * What a sentence's own paragraph cannot tell, over the whole draft once its paragraphs are checked: the figures of a
 * sentence that names no event or place ("The explosion killed at least 14 people."), read in those of the nearest
 * sentence before it in the same section that names one (the section's heading included), or in the event its noun
 * refers to ("The blackout killed 11 people.": the draft's event of that kind, else the corpus's one), with that
 * event's disputes; and the day any sentence says its event happened (`dateFinding`). Each sentence's result is kept
 * by its text and scopes; all that applies to a sentence is one finding.
 */
function contextFindings(index: CorpusIndex, sentences: DraftSentence[], findings: Finding[], cache?: ParagraphCache): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set(findings.filter((f) => f.code === 'disputed-claim').map((f) => f.span.start));
  const memo = cache ? (cache.figures ??= new Map()) : new Map<string, Finding | null>();
  // (read once per sentence text: a keystroke's re-check passes over every sentence of the draft)
  const facts = cache ? (cache.sentenceFacts ??= new Map()) : new Map<string, { bare: string | undefined; day: boolean }>();
  const factsUsed = new Set<string>();
  const used = new Set<string>();
  const events = draftEvents(index, sentences);
  // (the people and bodies the whole draft names, for a sum in a sentence that names nobody: `amountFinding`)
  const named = [...new Set(sentences.flatMap((x) => (x.heading ? [] : x.entityIds.filter((e) => isHolder(index, e)))))].slice(0, 20);
  let context: string[] = [];
  // the people and bodies the sentence before named (a sum in a sentence naming nobody is theirs: "… director Anoma
  // Dissanayake suspended its deliveries. The department has promised Rs. 25,000 to each family.")
  let holders: string[] = [];
  for (const ds of sentences) {
    const before = holders;
    holders = ds.heading ? [] : ds.entityIds.filter((e) => isHolder(index, e));
    const own = scopeIds(index, ds.entityIds);
    const earlier = context;
    // a heading starts its section's context (none if it names no place); a sentence naming one moves it on
    if (ds.heading || own.length) context = own;
    if (ds.heading || (!ds.asserts && !ds.statesAct)) continue;
    const already = flagged.has(ds.span.start);
    // "The blackout killed 11 people.", "The collapse was triggered by an earthquake.": the draft's event of that
    // kind, else the corpus's one
    let fact = facts.get(ds.text);
    if (!fact) facts.set(ds.text, (fact = { bare: bareEventOf(ds.text), day: daysInText(ds.text).length > 0 }));
    factsUsed.add(ds.text);
    const bare = fact.bare;
    const kind = bare && EVENT_NOUNS.get(bare);
    const event = kind
      ? ((kind === GENERIC_EVENT ? events.main : events.byKind.get(kind)) ?? onlyPlacedEvent(index.table.eventByPlace, kind))
      : undefined;
    const scopes = event && !context.includes(event) ? [event, ...context] : context;
    if (!scopes.length && !ds.entityIds.length && !before.length) continue;
    // (a sentence with a finding already, or naming its own event or place, had its disputes and figures checked with
    // its paragraph: here only the day it says its event happened, added to its finding if it has one)
    const dayOnly = own.length > 0 || already;
    // (a sentence that names one place may say where an act happened: `placeFinding`, with the places before it)
    const ownPlaces = own.filter((id) => index.entity(id)?.type === 'place');
    const place = ownPlaces.length === 1 && !already ? ownPlaces[0] : undefined;
    if (dayOnly && !fact.day && !place) continue;
    const key = `${dayOnly ? 'day' : ''}\u0000${ds.text}\u0000${event ?? ''}\u0000${scopes.join('\u0000')}\u0001${ds.entityIds.length ? '' : `${before.join('\u0000')}\u0002${named.join('\u0000')}`}\u0001${place ? earlier.join('\u0000') : ''}`;
    used.add(key);
    let f = memo.get(key);
    if (f === undefined) {
      const at0 = { ...ds, span: { start: 0, end: ds.span.end - ds.span.start } };
      // (each that applies, as one finding: a dispute about its point, its figure, its day)
      f = merged([
        event && !dayOnly ? disputeFinding(index, { ...at0, entityIds: [...ds.entityIds, event] }) : undefined,
        ds.quantities.length && !dayOnly ? figureFinding(index, at0, scopes) : undefined,
        // (a share or a time of a sentence that names nothing: "In 2024, 71 per cent of patients were treated within …",
        // read in the names of the sentence before)
        ds.quantities.length && !dayOnly && !ds.entityIds.length
          ? amountFinding(index, { ...at0, entityIds: [...scopes, ...before] }, named)
          : undefined,
        // (the day a person did something is looked for in what the sources say of them too: "resigned on 11 March")
        dateFinding(index, at0, [...scopes, ...ds.entityIds.filter((id) => !scopes.includes(id))]),
        place ? placeAt(index, at0, place, earlier) : undefined,
      ]);
      memo.set(key, f);
    }
    if (!f) continue;
    const at = { start: ds.span.start, end: ds.span.end };
    const k = already ? findings.findIndex((x) => x.code === 'disputed-claim' && x.span.start === ds.span.start) : -1;
    if (k < 0) {
      out.push({ ...f, span: at });
      continue;
    }
    // one finding a sentence: the day's sources added to the one it has
    findings[k] = merged([findings[k], f])!;
  }
  // (the cache follows the draft, as its paragraphs' do)
  if (cache) for (const k of [...memo.keys()]) if (!used.has(k)) memo.delete(k);
  if (cache) for (const k of [...facts.keys()]) if (!factsUsed.has(k)) facts.delete(k);
  return out;
}

/** findings on one sentence as one: the first's, with the others' messages after it and their passages not yet shown */
function merged(list: (Finding | undefined)[]): Finding | null {
  const [first, ...rest] = list.filter((f): f is Finding => !!f);
  if (!first || !rest.length) return first ?? null;
  const known = new Set(first.related.map((r) => `${r.sourceId}:${r.span.start}`));
  const related = [...first.related];
  for (const f of rest)
    for (const r of f.related) {
      const k = `${r.sourceId}:${r.span.start}`;
      if (!known.has(k)) (known.add(k), related.push(r));
    }
  return { ...first, message: [first, ...rest].map((f) => f.message).join(' | '), related };
}

/** the events a draft names: the most named of each kind, and of all */
function draftEvents(index: CorpusIndex, sentences: readonly DraftSentence[]): { byKind: Map<string, string>; main?: string } {
  const counts = new Map<string, number>();
  // (an event's id says so: the others are not looked up, on every keystroke's re-check)
  for (const ds of sentences)
    for (const id of ds.entityIds)
      if (id.startsWith('event:') && index.entity(id)?.type === 'event') counts.set(id, (counts.get(id) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]);
  const byKind = new Map<string, string>();
  for (const [id] of byCount) {
    const kind = eventKind(index.entity(id));
    if (kind && !byKind.has(kind)) byKind.set(kind, id);
  }
  return { byKind, main: byCount[0]?.[0] };
}

/** a kinship disclaimer: "(no relation)", ", no relation,", "who is not related to" */
const NO_RELATION = /\(\s*no relation\s*\)|,\s*no relation\s*,|\b(?:is|are|was|were)\s+not\s+related\s+to\b/gi;

/** a denial of what the sentence before says: "X said that was not true", "That is false." */
const DENIES_BEFORE =
  /(?:^|\b(?:said|says|insisted|insists|added|replied|responded)\s+)(?:that|this|it)\s+(?:is|was)\s+(?:(?:simply|just|completely|entirely|absolutely)\s+)?(?:not\s+(?:true|correct|accurate|the\s+case)|untrue|false|wrong|incorrect|inaccurate)\b/i;

/** nouns that stand for a body named elsewhere ("the company", "the firm", "its parent company") */
const REFERENT_WORDS = new Set(['company', 'firm', 'group']);

/** "denied (a report on a website) that …": what is denied */
const DENIED_THAT =
  /\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses)\s+(?:(?:a|the|any|all)\s+)?(?:(?:reports?|claims?|suggestions?|allegations?|accounts?|rumou?rs?)(?:,[^,;]{1,90},)?\s+(?:[^,;.]*?\s)?)?that\s+([^;]*)/i;
/** "…, which the company denies": the clause before is what is denied (after a "that" or a colon in it) */
const WHICH_DENIED =
  /^(.*?),?\s+(?:which|something|a claim)\s+(?:[\p{L}'\u2019-]+\s+){0,4}?(?:denies|denied|disputes|disputed|rejects|rejected)\b/iu;
function deniedBefore(source: string): string | undefined {
  const before = WHICH_DENIED.exec(source)?.[1];
  if (before === undefined) return undefined;
  // (from after the last colon or semicolon, or the first "that")
  const that = /\bthat\s+(?=\S+\s)/.exec(before);
  const from = Math.max(before.lastIndexOf(': ') + 2, before.lastIndexOf('; ') + 2, that ? that.index + that[0].length : 0);
  return before.slice(from).trim();
}
/** where a clause's act begins: its first auxiliary or verb in the past tense */
const CLAUSE_VERB = /\b(?:had|has|have|was|were|is|are|would|will|could|did|does|do|\p{Ll}{3,}ed)\b/u;
/** "<something> is simply not true": what is called untrue */
const CALLED_UNTRUE =
  /(?:^|[,;:"\u201c\u201d(]\s*)([^,;:.!?"\u201c\u201d()]{3,120}?)\s+(?:is|are|was|were)\s+(?:(?:simply|just|completely|entirely|absolutely|also)\s+)?(?:not\s+(?:true|correct|accurate)|untrue|false|wrong|incorrect|inaccurate|baseless|unfounded)\b/i;
/** "it never happened": a denial that something happened at all */
const NEVER_HAPPENED = /\b(?:never|not|n['\u2019]t)\s+(?:happen(?:ed)?|take\s+place|took\s+place|occur(?:red)?)\b/i;

/**
 * Whether the draft shares a word of what a denial denies: of "denied a report that its head of internal audit, X,
 * had been suspended", the words from the that-clause's first verb on ("had been suspended"); of "the company's figure
 * is simply not true", the words of what is called untrue, but for a possessor ("figure"); of "now they are being told
 * it never happened", nothing the draft can share but the denied words themselves. Another denial is not narrowed.
 */
function sharesDeniedAct(index: CorpusIndex, draftKeys: readonly string[], source: string, before?: () => string | undefined): boolean {
  const shares = (text: string, least = 1) => {
    // (a word that stands for a name, "the company", "its parent company", is no word of the act)
    const keys = meaningKeys(text).filter((k) => !index.entityWords.has(fold(k)) && !REFERENT_WORDS.has(k));
    return !keys.length || keys.filter((k) => draftKeys.includes(k)).length >= Math.min(least, keys.length);
  };
  const clause = DENIED_THAT.exec(source)?.[1];
  if (clause) {
    const v = CLAUSE_VERB.exec(clause);
    return !v || shares(clause.slice(v.index));
  }
  // ("X repaid the grant late, which the company denies": the act is its verb, and receiving the grant is another)
  const which = deniedBefore(source);
  if (which) {
    const verb =
      /(?<![\p{L}'\u2019-])(?:(?:had|has|have|was|were|is|are|would|will|could|did|does|do|been|being|be|not|never)\s+)*(\p{Ll}[\p{L}'\u2019-]*)/u.exec(
        which,
      );
    const verbKey = verb && meaningKeys(verb[1])[0];
    return verbKey ? draftKeys.includes(verbKey) && shares(which.slice(verb.index)) : shares(which);
  }
  // (what is called untrue, without the speaker's verb before it: "X said that was not true")
  const untrue = CALLED_UNTRUE.exec(source)?.[1]
    ?.replace(/^.*\b(?:said|says|say|insisted|insists|added|argued|claimed|stated|replied|responded)\s+/i, '')
    .replace(/^(?:.*?\s)?that\s+(?=\S+\s)/i, '');
  // ("… said that was not true": what the sentence before says)
  if (untrue && /^\s*(?:it|this|that)\s*$/i.test(untrue)) {
    const prev = before?.();
    // (two of its words: the sentence before is longer than what a denial names)
    return prev === undefined || shares(prev, 2);
  }
  // (unless it is the story itself: "the claim is entirely false", "these reports are baseless")
  if (
    untrue &&
    !/^\s*(?:(?:it|this|that|these|those|they|he|she|which|what|the|such|any|all|both|media|news|recent|latest)\s+)*(?:it|this|that|claims?|reports?|stor(?:y|ies)|allegations?|accusations?|rumou?rs?|news|articles?|assertions?|suggestions?|speculation|account)?\s*$/i.test(
      untrue,
    )
  )
    return shares(untrue.replace(/\b[\p{L}-]+['\u2019]s?\s/gu, ' '));
  const never = NEVER_HAPPENED.exec(source);
  if (never) return shares(never[0]);
  return true;
}

/**
 * The negation in the source sentence bears on a word the draft also uses ("was not the wife" vs "wife … detained"):
 * one of the three content words after the negation is a meaning key of the draft.
 */
const NEGATED_WORDS = /\b(?:not|never|no|n['\u2019]t)\b((?:\s+\S+){1,4})/i;
/** what is negated is only that something is known ("has not officially confirmed that X is …"): a doubt, not the
 * opposite */
const UNCONFIRMED =
  /^\s+(?:(?:yet|officially|independently|publicly|formally|immediately|been|be)\s+){0,3}(?:confirm|verif|known|clear|certain|sure|able\s+to\s+(?:confirm|verify|say))/i;
function sharesNegatedPredicate(index: CorpusIndex, draftKeys: Set<string>, draft: string, source: string): boolean {
  const inSource = NEGATED_WORDS.exec(source);
  const m = inSource ?? NEGATED_WORDS.exec(draft);
  if (!m || UNCONFIRMED.test(m[1])) return false;
  // (the draft's negated words are its own: they must be the source's too, "no longer on the list" against "had been
  // waiting for a knee replacement since 2022" shares nothing the draft negates)
  if (!inSource) draftKeys = new Set(meaningKeys(source));
  // (a word of a name is who, not what: "Rosa Ferreira is not related to António Ferreira" says nothing against a
  // sentence about António Ferreira)
  // (nor is another day: "issued on 7 October, not on 9 October" says nothing against lifting it on 20 October, but
  // "not on Tuesday" is against "on Tuesday")
  const negated = m[1].replace(DAY_WORDS, (day) => (sameDayIn(draft, day) ? day : ' '));
  return meaningKeys(negated).some((k) => draftKeys.has(k) && !index.entityWords.has(fold(k)));
}
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DAY_WORDS = new RegExp(
  String.raw`\b(?:\d{1,2}\s+(?:${MONTH})|(?:${MONTH})(?:\s+\d{1,2}\b)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
  'gi',
);
/** whether a text gives the day (its day number and month, or the weekday) */
function sameDayIn(text: string, day: string): boolean {
  const lower = text.toLowerCase();
  return day
    .toLowerCase()
    .split(/\s+/)
    .every((w) => new RegExp(String.raw`(?<![\p{L}\d])${w}(?![\p{L}\d])`, 'u').test(lower));
}

/**
 * What the articles of the corpus are about, for matching a refutation that names no detail of the story ("the
 * report is a hoax") to the draft: per index version, the number of articles each meaning key occurs in, and,
 * for the articles that deny or doubt something, an inverted index from their keys (keys common to many
 * articles are left out: they say nothing about the topic, and keep the candidate lists short).
 */
interface TopicIndex {
  version: number;
  sources: number;
  /** the sorted key table of the index's key sets (`CorpusIndex.sourceKeyTable`) */
  table: readonly string[];
  /** per key of the table: the number of articles it occurs in */
  df: Int32Array;
  /** per key of the table, the articles that deny or doubt something and have it: `refuting[refutingStart[p] ..
   * refutingStart[p + 1])`, as indexes into `refutingIds` (a map of lists took ~7 MB at 10,000 articles) */
  refutingStart: Int32Array;
  refuting: Int32Array;
  refutingIds: string[];
  /** per article of `refutingIds`: the last `refutingArticles` call that listed it (`listed`: the number of calls) */
  listedIn: Int32Array;
  listed: number;
  /** entity id -> the articles with a denial or doubt that mention it, as indexes into `refutingIds` (`entitiesIn`
   * lists each entity once) */
  refutingByEntity: Map<string, number[]>;
  /** a key in more articles than this has no list in `refuting` */
  common: number;
  /** per entity of `CorpusIndex.sourceEntityTable`, the articles of `refutingIds` whose entity set has it:
   * `byEntity[byEntityStart[p] .. byEntityStart[p + 1])` */
  byEntityStart: Int32Array;
  byEntity: Int32Array;
  /** per article of `refutingIds`: its key set (`CorpusIndex.sourceKeys`) */
  refutingKeys: KeySet[];
  /** per article of `refutingIds`, what one `refutingArticles` call has summed from the lists so far (`nearArticles`) */
  sum: NearSums;
  /** per source of the claim store, per claim: what its text says of the story (`storyCue`), decided on first use */
  storyCues: Map<number, Uint8Array>;
}
const topicIndexes = new WeakMap<CorpusIndex, TopicIndex>();
/** a key in more than this share of the articles is too common to locate a topic */
const COMMON_KEY_SHARE = 0.1;

function topicIndex(index: CorpusIndex): TopicIndex {
  const cached = topicIndexes.get(index);
  if (cached && cached.version === index.version) return cached;
  const table = index.sourceKeyTable;
  const df = new Int32Array(table.length);
  for (const keys of index.sourceKeys.values()) for (const p of keys.positions) df[p]++;
  const sources = index.sourceKeys.size;
  const common = Math.max(20, sources * COMMON_KEY_SHARE);
  // in the order of the denial sources (the order the lists had as a map)
  const refutingIds = [...index.claims.denialSources()];
  const byKey = postingsOf(
    refutingIds,
    table.length,
    (sourceId) => index.sourceKeys.get(sourceId)?.positions,
    (p) => df[p] <= common,
  );
  const refutingByEntity = new Map<string, number[]>();
  refutingIds.forEach((sourceId, i) => {
    for (const e of index.entitiesIn(sourceId)) {
      const list = refutingByEntity.get(e);
      if (list) list.push(i);
      else refutingByEntity.set(e, [i]);
    }
  });
  const byEntity = postingsOf(refutingIds, index.sourceEntityTable.length, (sourceId) => index.sourceEntities.get(sourceId)?.positions);
  const n = refutingIds.length;
  const t: TopicIndex = {
    version: index.version,
    sources,
    table,
    df,
    refutingStart: byKey.start,
    refuting: byKey.items,
    refutingIds,
    listedIn: new Int32Array(refutingIds.length),
    listed: 0,
    refutingByEntity,
    common,
    byEntityStart: byEntity.start,
    byEntity: byEntity.items,
    // (a source without a key set has no key: an empty one)
    refutingKeys: refutingIds.map((sourceId) => index.sourceKeys.get(sourceId) ?? KeySet.fromPositions(table, new Int32Array(0))),
    sum: { entities: new Int32Array(n), meaning: new Float64Array(n), covered: new Float64Array(n), shared: new Int32Array(n) },
    storyCues: new Map(),
  };
  topicIndexes.set(index, t);
  return t;
}

/** `storyCue` bits: a verdict line; a sentence that calls a report false (`detectRefutation`'s `aboutReport`) */
const VERDICT_CUE = 1;
const REPORT_CUE = 2;
/** (a claim whose cue is not yet known) */
const CUE_UNKNOWN = 4;

/** Whether claim `i` of source `s` is a verdict line or calls a report false (`VERDICT_CUE | REPORT_CUE`), from its
 * text, read once an index. */
function storyCue(t: TopicIndex, store: CorpusIndex['claims'], s: number, i: number): number {
  let cues = t.storyCues.get(s);
  if (!cues) t.storyCues.set(s, (cues = new Uint8Array(store.countIn(s)).fill(CUE_UNKNOWN)));
  if (cues[i] === CUE_UNKNOWN) {
    const text = store.at(s, i).text;
    cues[i] = (VERDICT_LINE.test(text.trim()) ? VERDICT_CUE : 0) | (detectRefutation(text)?.aboutReport ? REPORT_CUE : 0);
  }
  return cues[i];
}

/** For each of `size` positions (those `keep` keeps), the indexes into `ids` whose positions have it, counted, then
 * filled in `ids`' order: `items[start[p] .. start[p + 1])`. */
function postingsOf(
  ids: readonly string[],
  size: number,
  positionsOf: (id: string) => ArrayLike<number> | undefined,
  keep: (p: number) => boolean = () => true,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(size + 1);
  for (const id of ids) {
    const ps = positionsOf(id);
    if (ps) for (let j = 0; j < ps.length; j++) if (keep(ps[j])) start[ps[j] + 1]++;
  }
  for (let p = 0; p < size; p++) start[p + 1] += start[p];
  const items = new Int32Array(start[size]);
  const fill = start.slice(0, size);
  ids.forEach((id, i) => {
    const ps = positionsOf(id);
    if (ps) for (let j = 0; j < ps.length; j++) if (keep(ps[j])) items[fill[ps[j]]++] = i;
  });
  return { start, items };
}

/** Per article of `TopicIndex.refutingIds`: sums over a draft sentence's entities and keys (`nearArticles`). */
interface NearSums {
  /** how many of the sentence's entities its entity set has */
  entities: Int32Array;
  /** the weights of the sentence's meaning keys it has, and of its story keys, and how many of these */
  meaning: Float64Array;
  covered: Float64Array;
  shared: Int32Array;
}

/** (the story keys' weights, which are fractions, are summed in another order for a bound than `topicCoverage` sums
 * them, and compared with its threshold this much lower, so that the bound never leaves out an article the exact test
 * would keep) */
const BOUND_SLACK = 1e-6;

/** An article near a draft sentence (`nearArticles`): near its point, about its story, or both. */
const NEAR_POINT = 1;
const NEAR_STORY = 2;

/**
 * Which of the `near` articles (indexes into `t.refutingIds`, each listed by this call: `t.listedIn[i] === call`) are
 * near the draft sentence's point (`NEAR_POINT`: it names a sentence entity and shares enough of its meaning) or may
 * be about the same story (`NEAR_STORY`: it covers most of the sentence's rarer keys), in `near`'s order, as the
 * articles in `articles` and what they are in `how`. Worked out from the inverted lists: each article's entities and
 * listed keys are summed from the lists of the sentence's, and the keys too common to have lists are searched for
 * only in the articles the lists leave in reach of a threshold. (Searching each of a popular entity's thousands of
 * articles key by key took 40% of a re-check at 50,000 articles; the meaning weights are whole numbers, so their sums
 * are the same in any order.)
 */
function nearArticles(
  t: TopicIndex,
  near: number[],
  call: number,
  entityPositions: readonly number[],
  keyPositions: readonly number[],
  keyWeights: readonly number[],
  topic: TopicWeights,
): { articles: number[]; how: number[] } {
  const { entities, meaning, covered, shared } = t.sum;
  for (const i of near) {
    entities[i] = 0;
    meaning[i] = 0;
    covered[i] = 0;
    shared[i] = 0;
  }
  for (const p of entityPositions)
    for (let j = t.byEntityStart[p]; j < t.byEntityStart[p + 1]; j++) {
      const i = t.byEntity[j];
      if (t.listedIn[i] === call) entities[i]++;
    }
  // the listed keys summed per article; the common ones kept apart, with the most they could add
  const commonKeys: number[] = [];
  let commonMeaning = 0;
  for (let q = 0; q < keyPositions.length; q++) {
    const p = keyPositions[q];
    if (t.df[p] > t.common) {
      commonKeys.push(q);
      commonMeaning += Math.max(0, keyWeights[q]);
    } else
      for (let j = t.refutingStart[p]; j < t.refutingStart[p + 1]; j++) {
        const i = t.refuting[j];
        if (t.listedIn[i] === call) meaning[i] += keyWeights[q];
      }
  }
  let commonCovered = 0;
  let commonShared = 0;
  for (let q = 0; q < topic.positions.length; q++) {
    const p = topic.positions[q];
    const w = Math.max(0, topic.weights[q]);
    if (t.df[p] > t.common) {
      commonCovered += w;
      commonShared++;
    } else
      for (let j = t.refutingStart[p]; j < t.refutingStart[p + 1]; j++) {
        const i = t.refuting[j];
        if (t.listedIn[i] === call) {
          covered[i] += w;
          shared[i]++;
        }
      }
  }
  const pointNear = (e: number, m: number) => e > 0 && (m >= 3 || (e >= 2 && m >= 1));
  const articles: number[] = [];
  const how: number[] = [];
  for (const i of near) {
    const e = entities[i];
    const mayBePoint = pointNear(e, meaning[i] + commonMeaning);
    const mayBeStory =
      topic.total > 0 && (covered[i] + commonCovered) / topic.total + BOUND_SLACK >= STORY_SHARE && shared[i] + commonShared >= STORY_KEYS;
    if (!mayBePoint && !mayBeStory) continue;
    const docKeys = t.refutingKeys[i];
    let m = meaning[i];
    if (mayBePoint) for (const q of commonKeys) if (docKeys.hasPosition(keyPositions[q])) m += keyWeights[q];
    let h = mayBePoint && pointNear(e, m) ? NEAR_POINT : 0;
    if (mayBeStory) {
      const c = topicCoverage(topic, docKeys);
      if (c.share >= STORY_SHARE && c.shared >= STORY_KEYS) h |= NEAR_STORY;
    }
    if (h) {
      articles.push(i);
      how.push(h);
    }
  }
  return { articles, how };
}

/**
 * How much of the draft sentence an article covers: the share of the draft's meaning keys found in the article,
 * each weighted by its rarity across the corpus (inverse document frequency), and how many keys are shared.
 * Keys the corpus never uses are left out (they cannot be matched anywhere). `docKeys`: the article's key set
 * (searched by the keys' positions in its table), or a set of keys.
 */
function topicCoverage(w: TopicWeights, docKeys: KeySet | Set<string>): { share: number; shared: number } {
  let covered = 0;
  let shared = 0;
  const bySet = docKeys instanceof KeySet;
  for (let i = 0; i < w.keys.length; i++) {
    if (bySet ? docKeys.hasPosition(w.positions[i]) : docKeys.has(w.keys[i])) {
      covered += w.weights[i];
      shared++;
    }
  }
  return { share: w.total > 0 ? covered / w.total : 0, shared };
}

/** The draft sentence's keys that the corpus uses, with their positions in the key table, their weights and the
 * weights' sum (for `topicCoverage`). */
interface TopicWeights {
  keys: string[];
  positions: number[];
  weights: number[];
  total: number;
}
function topicWeights(t: TopicIndex, keys: string[]): TopicWeights {
  const out: TopicWeights = { keys: [], positions: [], weights: [], total: 0 };
  for (const k of keys) {
    const p = KeySet.positionIn(t.table, k);
    const n = p < 0 ? 0 : t.df[p];
    if (!n) continue;
    const w = Math.log((t.sources + 1) / (n + 1));
    out.keys.push(k);
    out.positions.push(p);
    out.weights.push(w);
    out.total += w;
  }
  return out;
}

/**
 * Headline labels say how a story is published, not what it is about: "BREAKING:", "WATCH:", "VIDEO:",
 * "EXCLUSIVE:" at the start (upper case, or any case before a colon), "(UPDATED)", "(VIDEO)" at the end.
 */
const KICKER_START =
  /^\W*(?:(?:BREAKING(?:\s+NEWS)?|WATCH|VIDEO|PHOTOS?|PICTURES|UPDATED?|EXCLUSIVE|LIVE|JUST\s+IN|DEVELOPING|LISTEN)\b\s*[:|\u2013\u2014-]?|(?:breaking(?:\s+news)?|watch|video|photos?|pictures|updated?|exclusive|live|just\s+in|developing|listen)\s*[:|])\s*/;
const KICKER_END = /\s*[([](?:updated?|video|photos?|pictures|watch|graphic|exclusive)[)\]]\W*$/i;
function storyKeys(ds: DraftSentence): string[] {
  const stripped = ds.text.replace(KICKER_START, '').replace(KICKER_END, '');
  return stripped.length === ds.text.length ? ds.keys : meaningKeys(stripped);
}

/** share of the draft's weighted keys an article must cover to be about the same story */
const STORY_SHARE = 0.6;
/** and the number of keys it must share */
const STORY_KEYS = 3;
/** the article's opening sentences, and the sentences either side of a refutation, that say what it is about */
const LEDE = 3;
const AROUND = 2;

/**
 * Articles that deny or doubt what the draft sentence asserts: (a) an article naming the draft's entities whose
 * denial shares the sentence's meaning ("the family denied he was arrested"); (b) an article about the same
 * story (it covers most of the sentence's rare keys) that calls the story itself false ("the report is a hoax",
 * "there is no truth to the claim", a verdict line), which need not repeat the sentence's words.
 */
function refutingArticles(
  index: CorpusIndex,
  ds: DraftSentence,
  /** `meaningWeights(index, ds)` */
  weights: Map<string, number>,
  /** the claim store's query of the sentence's entities and `weights` */
  q: ClaimQuery,
): { d: Dispute; score: number; claim: Claim }[] {
  const hits: { d: Dispute; score: number; claim: Claim }[] = [];
  const store = index.claims;
  const t = topicIndex(index);
  // (weighed once for the sentence, not once per article)
  const topic = topicWeights(t, storyKeys(ds));
  // the articles to weigh, as indexes into refutingIds, each once, in the order first met
  const near: number[] = [];
  const call = ++t.listed;
  const list = (i: number) => {
    if (t.listedIn[i] !== call) {
      t.listedIn[i] = call;
      near.push(i);
    }
  };
  for (const e of ds.entityIds) for (const i of t.refutingByEntity.get(e) ?? []) list(i);
  for (const k of ds.keys) {
    const p = KeySet.positionIn(t.table, k);
    if (p >= 0) for (let j = t.refutingStart[p]; j < t.refutingStart[p + 1]; j++) list(t.refuting[j]);
  }
  // the sentence's entities and weighed keys as positions in the tables of the articles' sets, found once (each
  // article's sets are then searched by number: a popular entity brings thousands of articles here)
  const entityPositions = ds.entityIds.map((e) => KeySet.positionIn(index.sourceEntityTable, e)).filter((p) => p >= 0);
  const keyPositions: number[] = [];
  const keyWeights: number[] = [];
  for (const [k, w] of weights) {
    const p = KeySet.positionIn(t.table, k);
    if (p < 0) continue;
    keyPositions.push(p);
    keyWeights.push(w);
  }
  const { articles, how } = nearArticles(t, near, call, entityPositions, keyPositions, keyWeights, topic);
  for (let a = 0; a < articles.length; a++) {
    const sourceId = t.refutingIds[articles[a]];
    const pointNear = (how[a] & NEAR_POINT) !== 0;
    const mayBeStory = (how[a] & NEAR_STORY) !== 0;
    // (scored from the columns: a claim is made only when its text is read, once an index, or it is a hit)
    const denials = store.denialsAt(sourceId);
    if (!denials) continue;
    const s = denials.s;
    for (const at of denials.list) {
      // (a headline's question is about the one point it names: three of its words shared, not a name and a word)
      let hit = pointNear && matchesAt(store, s, at, q) && (!store.isHeadingAt(s, at) || store.keyWeightAt(s, at, q) >= 3);
      // ("… said that was not true": the point is the sentence before's)
      if (!hit && pointNear && at > 0 && matchesAt(store, s, at - 1, q) && DENIES_BEFORE.test(store.at(s, at).text)) hit = true;
      if (!hit) {
        // about the story itself ("the report is a hoax", a verdict line)
        const cue = storyCue(t, store, s, at);
        const verdict = (cue & VERDICT_CUE) !== 0;
        const aboutStory = cue !== 0;
        // the story a refutation speaks of is the article's topic where it is said: its lede and the sentences
        // around the refutation (a long article may mention the draft's words in passing elsewhere)
        // (a verdict line rates the whole article)
        let storyNear = verdict && mayBeStory;
        if (aboutStory && mayBeStory && !storyNear) {
          // the keys of the lede's claims and the refutation's neighbours, read from the columns (none is made)
          const n = store.countIn(s);
          const local = new Set<string>();
          for (let i = 0; i < Math.min(LEDE, n); i++) for (const k of store.keysAt(s, i)) local.add(k);
          for (let i = Math.max(0, at - AROUND); i < Math.min(n, at + AROUND + 1); i++) for (const k of store.keysAt(s, i)) local.add(k);
          const cov = topicCoverage(topic, local);
          storyNear = cov.share >= STORY_SHARE && cov.shared >= STORY_KEYS;
        }
        hit = (pointNear && aboutStory) || storyNear;
      }
      if (hit) {
        const c = store.at(s, at);
        // (a denial that something was done is about that act, as in `disputeFinding`)
        if (c.stance === 'denies' && !sharesDeniedAct(index, ds.keys, c.text, () => (at > 0 ? store.at(s, at - 1).text : undefined)))
          continue;
        hits.push({
          d: {
            id: `denial-${c.id}`,
            kind: 'questioned',
            point: `${outletOf(index, c.sourceId)} ${c.stance === 'denies' ? 'denies' : 'doubts'}: ${short(shownText(c))}`,
            entityIds: c.entityIds,
            sides: [{ claimId: c.id, sourceId, position: c.stance }],
          },
          // (as `matchScore` counts them: the columns say the same)
          score: store.namedAmongAt(s, at, q) * 1.5 + store.keyWeightAt(s, at, q),
          claim: c,
        });
        break;
      }
    }
  }
  return hits;
}

/** The people, bodies, places and events that the first sentences (`ABOUT_LEDE`) of article `s` name. */
function openingOf(store: ClaimStore, s: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < Math.min(ABOUT_LEDE, store.claimsIn(s)); i++) for (const e of store.entityIdsAt(s, i)) out.add(e);
  return out;
}

/** The names a fact-check's claim line and the two sentences after it give (its claimant: "(Fiona MacQuarrie,
 * opposition health critic …)", "Who said it: Irakli Chkhaidze, …"). */
function claimantNames(index: CorpusIndex, claimId: string): string[] {
  const at = index.claims.locate(claimId);
  if (!at) return [];
  const out = new Set<string>();
  for (let i = at.i; i < Math.min(at.i + 3, index.claims.claimsIn(at.s)); i++)
    for (const e of index.claims.entityIdsAt(at.s, i)) out.add(e);
  return [...out];
}

/** `openingOf` the article of a claim. */
function openingEntities(index: CorpusIndex, claimId: string): string[] {
  const at = index.claims.locate(claimId);
  return at ? [...openingOf(index.claims, at.s)] : [];
}

/** The claim that best supports a draft sentence (for "insert citation" and "attribute"), if any. */
export function bestSupport(
  index: CorpusIndex,
  ds: Pick<DraftSentence, 'entityIds' | 'keys'>,
  /** sources not to take it from */
  except?: ReadonlySet<string>,
  /** how many of the sentence's words (weighed as `keyWeightAt` weighs them) a claim must share; how many claims of each
   * entity to look at (a finding's other side is looked for on every check of its paragraph: bounded); whether the
   * statements an entity issued are read too (their sentences need not name it: "The market passed a full inspection") */
  opts: { least?: number; limit?: number; issued?: boolean; negated?: boolean } = {},
): Claim | undefined {
  return bestSupports(index, ds, except, opts, 1)[0];
}

/**
 * The claims that best support a draft sentence, `n` at most, each from a source of its own, best first: in one pass,
 * each source's best claim (the first met among equals), then the best of those (the first met among equals), as
 * `bestSupport` called again without the sources already taken would give them.
 */
function bestSupports(
  index: CorpusIndex,
  ds: Pick<DraftSentence, 'entityIds' | 'keys'>,
  except: ReadonlySet<string> | undefined,
  opts: { least?: number; limit?: number; issued?: boolean; negated?: boolean },
  n: number,
): Claim[] {
  // each source's best claim, in the order its sources were first met
  const bySource = new Map<string, { c: Claim; score: number; order: number }>();
  let met = 0;
  const seen = new SeenClaims();
  const weights = meaningWeights(index, ds);
  const store = index.claims;
  const q = store.query(ds.entityIds, weights);
  // (whether the sentence negates, when its text is not at hand: its keys keep "not" as a negation's key)
  const negated = opts.negated ?? hasNegation(ds.keys.join(' '));
  const look = (si: number, i: number) => {
    if (!seen.first(si, i) || except?.has(store.sourceIds[si])) return;
    // a claim that shares no meaning with the sentence cannot support it: it is not made
    if (store.keyWeightAt(si, i, q) < (opts.least ?? 1)) return;
    const c = store.at(si, i);
    if (isDoubt(c) || hasNegation(c.text) !== negated) return;
    const s = matchScore(index, ds, c);
    const score = s.entities * 1.5 + s.meaning;
    if (s.meaning < 1 || score <= 0) return;
    const had = bySource.get(c.sourceId);
    if (!had) bySource.set(c.sourceId, { c, score, order: met++ });
    else if (score > had.score) bySource.set(c.sourceId, { c, score, order: met++ });
  };
  for (const e of ds.entityIds) store.visitEntity(e, look, opts.limit);
  if (opts.issued)
    for (const e of ds.entityIds) for (const si of issuedSources(index, e)) for (let i = 0; i < store.claimsIn(si); i++) look(si, i);
  return [...bySource.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, n)
    .map((x) => x.c);
}

/** The sources an entity issued (`issuedBy`), the first `ISSUED_LOOKS` of them: read whole. */
function issuedSources(index: CorpusIndex, id: string): readonly number[] {
  return (issuedBy(index).get(id) ?? []).slice(0, ISSUED_LOOKS);
}

/** How many of an entity's own statements `bestSupports` and `dateFinding` read whole (`issuedSources`). */
const ISSUED_LOOKS = 20;
