import {
  CLAIM_LABEL,
  NUMBERED_CLAIM,
  QUESTION_CLAIM,
  RATING_WORD,
  TURN_LABEL,
  type DateRef,
  type Quantity,
  type Source,
  type Span,
  type Speaker,
  type Stance,
} from './model';
import { paragraphs, sentences } from './text/sentences';
import {
  extractMentions,
  sentenceKeys,
  tokenizeSentences,
  type RawMention,
  type SentenceInfo,
  type SentenceTokens,
} from './entities/extract';
import { EVENT_NOUNS } from './lexicon';
import { detectSpeaker, detectStance, extractDates, extractQuantities, isRebuttal, NOT_THE_CASE_WHEN } from './claims';
import { VERDICT_LINE, isDoubt } from './disputes/detect';

/**
 * Everything that can be read from one source on its own (no other source needed): its sentences, the
 * candidate names in them, and for each sentence the speaker, stance, figures, dates and meaning keys.
 * This is the expensive, per-file part; it is cached by content hash and can run in worker threads.
 */
export interface SentenceAnalysis extends SentenceInfo {
  paragraph: number;
  stance: Stance;
  stanceCue?: string;
  speaker: Speaker;
  quantities: Quantity[];
  dates: DateRef[];
  keys: string[];
  /** starts with a contrast marker ("But", "In fact", "However", "Yet") */
  contrast: boolean;
  /** bare anaphoric event ("the attacks") appears */
  bareEvent?: string;
  /** "the group", "the organisation": refers back to an organisation */
  groupRef: boolean;
  /** a personal pronoun refers back to a person */
  pronoun: boolean;
  /** the sentence denies or explicitly doubts something (`isDoubt`), decided once here rather than per rebuild */
  doubt: boolean;
}

export interface SourceAnalysis {
  sourceId: string;
  sentences: SentenceAnalysis[];
  raw: RawMention[];
}

/** (not a concession about anything else: "Despite attempts to lure her out, …", "Instead, they are called …", "Still, …";
 * "despite" only before what someone said: "Despite the ministry's assurances, …") */
const CONTRAST =
  /^(?:["\u201c\u2018'*_]*)(?:but|however|yet|in fact|in reality|actually|nevertheless|nonetheless|on the contrary|contrary to|despite(?=\s+(?:\S+\s+){0,4}?(?:claims?|assurances?|denials?|reports?|statements?|insistence|promises?|pledges?|allegations?|accounts?|assertions?|what)\b))\b/i;
const BARE_EVENT =
  /\b(?:the|this|(?:this|last) (?:week|weekend)['\u2019]s|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: night| morning| evening| afternoon)?['\u2019]s) (?:terror |terrorist |suicide |deadly )?(attacks?|bombings?|shootings?|massacre|killings|explosions?|blasts?|blackouts?|outages?|cyberattacks?|fire|blaze|collapse|rockfall|derailment|capsizing|sinking|stampede|spill|earthquake|quake|disaster|tragedy)\b(?!\s+(?:service|services|brigade|brigades|department|chief|chiefs|station|stations|engine|engines|crews?|fighters?|officials?|authorities|alarms?|safety|exits?|hazards?|risks?|season|marshal|trucks?|hydrants?|insurance|drills?|zone)\b)/i;
/** a token that is an event noun, or one with "'s" ("the fire's cause") */
function namesEventKind(t: SentenceTokens[number]): boolean {
  return t.w.eventClass !== undefined || (t.text.length > 3 && /['\u2019]s$/.test(t.text) && EVENT_NOUNS.has(t.w.lower.slice(0, -2)));
}

/** the event noun of a sentence that refers to an event without naming it ("The blackout killed 11 people."), lower-cased */
export function bareEventOf(sentence: string): string | undefined {
  return BARE_EVENT.exec(sentence)?.[1].toLowerCase();
}
const GROUP_REF =
  /\bthe (?:group|organi[sz]ation|militants|militia|movement|terrorist group|extremist group|jihadist group)\b|\bextremist group\b/i;
const PRONOUN = /\b(?:he|she|him|his|her|himself|herself)\b/i;
/** a speaker read as the first or second person ("I", "we", "you", or a clause with them mistaken for one) */
const FIRST_PERSON_SPEAKER = /(?:^|\s)(?:I|we|We|you|You)(?:['\u2019]\p{L}+)?(?:\s|$)/u;
const LIST_LINE = /^\s*(?:[-*\u2022]|\d+[.)])\s+/;

/** Sentence spans of a source: prose paragraphs (list items apart) and headings. */
export function sourceSentences(
  src: Pick<Source, 'text' | 'prose' | 'headings' | 'meta'>,
): { span: Span; heading: boolean; paragraph: number }[] {
  const out: { span: Span; heading: boolean; paragraph: number }[] = [];
  let p = 0;
  const text = src.text;
  const blocks: { span: Span; heading: boolean }[] = [
    ...src.prose.map((s) => ({ span: s, heading: false })),
    ...src.headings.map((s) => ({ span: s, heading: true })),
  ];
  // the title, when the text carries it but the loader kept it out of prose and headings
  if (src.meta.title) {
    const at = text.indexOf(src.meta.title);
    if (at >= 0 && !blocks.some((b) => b.span.start <= at && at < b.span.end))
      blocks.push({ span: { start: at, end: at + src.meta.title.length }, heading: true });
  }
  blocks.sort((a, b) => a.span.start - b.span.start);
  for (const b of blocks) {
    if (b.heading) {
      out.push({ span: b.span, heading: true, paragraph: p++ });
      continue;
    }
    for (const para of paragraphs(text, b.span)) {
      for (const piece of splitListLines(text, para)) {
        for (const s of sentences(text, piece)) out.push({ span: s, heading: false, paragraph: p });
      }
      p++;
    }
  }
  return out;
}

function splitListLines(text: string, para: Span): Span[] {
  const chunk = text.slice(para.start, para.end);
  if (!/\n\s*(?:[-*\u2022]|\d+[.)])\s+/.test(chunk) && !LIST_LINE.test(chunk)) return [para];
  const out: Span[] = [];
  let off = para.start;
  let cur = para.start;
  for (const line of chunk.split('\n')) {
    if (LIST_LINE.test(line) && off > cur) {
      out.push({ start: cur, end: off - 1 });
      cur = off;
    }
    off += line.length + 1;
  }
  out.push({ start: cur, end: para.end });
  return out.map((s) => {
    const m = LIST_LINE.exec(text.slice(s.start, s.end));
    return m ? { start: s.start + m[0].length, end: s.end } : s;
  });
}

/** words a name may have in lower case ("Ministry of Health", "Ludwig van Beethoven") */
const NAME_PARTICLE = /^(?:of|de|del|der|den|la|le|the|and|for|van|von|al|el|bin|ibn|da|du|dos|di)$/;
/** a saying or writing that a clause before a colon says its subject made ("X released a statement:") */
const SAYING_CLAUSE =
  /\b(?:statement|argument|argued|wrote|writes|said|says|added|posted|tweeted|responded|replied|explained|noted|stated|declared|remarked|commented|told)\b/i;

/**
 * The voice a colon's label names: the label itself when it is a name or a title ("Mayor Ellen Murphy:", "Reuters:"),
 * the name that opens it when it is a clause of saying or writing ("Marrero rejected this argument:", "Biden-Harris
 * released a statement:"), else none ("Article last amended:" names no voice); markdown emphasis marks left out.
 */
function labelVoice(raw: string): string | undefined {
  const label = raw.replace(/[*_]/g, '').trim();
  const words = label.split(/\s+/);
  let n = 0;
  while (n < words.length && (/^[\p{Lu}\d]/u.test(words[n]) || (n > 0 && NAME_PARTICLE.test(words[n])))) n++;
  while (n > 0 && NAME_PARTICLE.test(words[n - 1])) n--;
  if (n === words.length) return label;
  return n > 0 && words.length - n <= 6 && SAYING_CLAUSE.test(words.slice(n).join(' ')) ? words.slice(0, n).join(' ') : undefined;
}

/** a fact-check's rating line ("VERDICT: FALSE", "Our rating: Misleading") */
const RATING_LABEL = String.raw`(?:our |the )?${RATING_WORD}\s*:`;
const RATING_FIELD = new RegExp(String.raw`^\W*${RATING_LABEL}`, 'i');

/** a fact-check's claim line ("Claim: …", "CLAIM 1: …", "Q. Did three people die …?", "1. "The line never stopped."") */
const CLAIM_FIELD = new RegExp(String.raw`^\W*(?:${CLAIM_LABEL}\s*:|${QUESTION_CLAIM}|${NUMBERED_CLAIM}\s*$)`, 'i');
/** every rating line of a text, with its rating (group 1) */
const RATING_LINES = new RegExp(String.raw`^[^\S\n]*\W*${RATING_LABEL}[^\S\n]*([^\n]*)$`, 'gim');

/** Whether a text's rating lines give two ratings or more ("Rating: FALSE" … "Rating: ACCURATE"). */
function severalRatings(text: string): boolean {
  let first: string | undefined;
  RATING_LINES.lastIndex = 0;
  for (let m = RATING_LINES.exec(text); m; m = RATING_LINES.exec(text)) {
    const rating = m[1]
      .replace(/[^\p{L}\s]/gu, '')
      .trim()
      .toLowerCase();
    if (first === undefined) first = rating;
    else if (rating !== first) return true;
  }
  return false;
}

/** Whether a sentence is a rating line that rates a claim line near it (`reviewsInText`): one of the four lines that are
 * not blank before it ("Claim: …" / "Who said it: …" / "Rating: False") or after it ("Rating: FALSE" / "Who said it:
 * …" / "What he said: …"), with no other rating line between; or one of rating lines that give different ratings. */
export function ratesClaimNear(text: string, start: number, sentence: string): boolean {
  if (!RATING_FIELD.test(sentence)) return false;
  // (an article whose rating lines give different ratings rates several claims, whatever stands around each: none
  // rates the story)
  if (severalRatings(text)) return true;
  const near = (lines: string[]) => {
    for (const line of lines) {
      if (CLAIM_FIELD.test(line)) return true;
      if (RATING_FIELD.test(line)) return false;
    }
    return false;
  };
  const nonBlank = (s: string) => s.split('\n').filter((line) => line.trim());
  const lineEnd = text.indexOf('\n', start);
  const before = nonBlank(text.slice(Math.max(0, start - 3000), start))
    .slice(-4)
    .reverse();
  const after = lineEnd < 0 ? [] : nonBlank(text.slice(lineEnd, lineEnd + 3000)).slice(0, 4);
  return near(before) || near(after);
}

/** labels of a fact-check's or a notice's fields, not of people speaking */
const FIELD_LABEL =
  /^(?:(?:the |our )?(?:claim|claims|verdict|rating|ruling|fact|facts|context|conclusion|the facts|what we found|why it matters|update|updated|correction|note|editor'?s note|sources?|background|summary|bottom line))$/i;

/**
 * The speaker of each paragraph of an interview or transcript: a paragraph opened by a turn label is that voice's, and
 * so are the unlabelled paragraphs after it, up to the next label or heading. Only when the source reads as a
 * transcript: at least four labelled paragraphs and at least two voices, each labelling two or more ("Update:" or
 * "Note:" once is no transcript).
 */
export function turnSpeakers(text: string, spans: { span: Span; heading: boolean; paragraph: number }[]): Map<number, string> {
  const labelled: [number, string][] = [];
  let lastPara = -1;
  for (const s of spans) {
    if (s.paragraph === lastPara) continue;
    lastPara = s.paragraph;
    if (s.heading) continue;
    const m = TURN_LABEL.exec(text.slice(s.span.start, Math.min(s.span.end, s.span.start + 80)));
    // (a fact-check's and a notice's field labels are no voices: "CLAIM:", "VERDICT:", "Update:")
    if (m && !FIELD_LABEL.test((m[1] ?? m[2]).trim())) labelled.push([s.paragraph, (m[1] ?? m[2]).trim()]);
  }
  const out = new Map<number, string>();
  if (labelled.length < 4) return out;
  const counts = new Map<string, number>();
  for (const [, name] of labelled) counts.set(name, (counts.get(name) ?? 0) + 1);
  const voices = new Set([...counts].filter(([, n]) => n >= 2).map(([name]) => name));
  if (voices.size < 2) return out;
  let at = 0;
  let voice: string | undefined;
  lastPara = -1;
  for (const s of spans) {
    if (s.paragraph === lastPara) continue;
    lastPara = s.paragraph;
    if (at < labelled.length && labelled[at][0] === s.paragraph) {
      const name = labelled[at++][1];
      voice = voices.has(name) ? name : undefined;
    } else if (s.heading) voice = undefined;
    if (voice) out.set(s.paragraph, voice);
  }
  return out;
}

export function analyzeSource(src: Source): SourceAnalysis {
  const text = src.text;
  const spans = sourceSentences(src);
  // one tokenisation for the names and the meaning keys
  const tokens = tokenizeSentences(text, spans);
  const raw = extractMentions(text, spans, undefined, tokens);
  let quotedBy: Speaker | undefined;
  let quotedUntil = -1;
  let lastPara = -1;
  const turns = turnSpeakers(text, spans);
  // whether each sentence starts inside double quotes opened by an earlier sentence of its paragraph
  const inQuote = new Uint8Array(spans.length);
  for (let i = 1, open = false; i < spans.length; i++) {
    const p = spans[i - 1];
    open = p.paragraph === spans[i].paragraph && !p.heading && !spans[i].heading && quoteOpenAt(text, p.span.start, p.span.end, open);
    inQuote[i] = open ? 1 : 0;
  }
  const sents: SentenceAnalysis[] = spans.map((s, si) => {
    const str = text.slice(s.span.start, s.span.end);
    // (a fact-check's rating line, "VERDICT: FALSE", rates the claim above it, read as a review: no denial of the story)
    const { stance, cue } = RATING_FIELD.test(str)
      ? { stance: 'asserts' as const, cue: undefined }
      : detectStance(str, { isHeading: s.heading });
    let speaker = detectSpeaker(str, { insideQuote: inQuote[si] === 1 });
    // in a transcript's turn, what is not someone else's is the voice whose turn it is ("I", "we" included)
    const turn = turns.get(s.paragraph);
    if (turn && (speaker.kind === 'outlet' || FIRST_PERSON_SPEAKER.test(speaker.name ?? '')))
      speaker = { kind: 'quoted', name: turn, cue: 'turn' };
    // a paragraph introduced by "According to X:" or "X reported:" quotes X in the next paragraph
    // a quotation introduced by "According to X:" or "Outlet – X:" covers the paragraph that follows, no more
    if (s.paragraph !== lastPara) {
      if (quotedBy && s.paragraph > quotedUntil) quotedBy = undefined;
      lastPara = s.paragraph;
    }
    if (speaker.kind === 'outlet' && quotedBy && !s.heading) speaker = { ...quotedBy, kind: 'quoted' };
    // both quotation introductions below need a colon: most sentences have none
    const colon = str.includes(':');
    if (colon && /:\s*[*_]*$/.test(str) && !s.heading) {
      const intro = detectSpeaker(str.replace(/:\s*[*_]*$/, '.'));
      const label = /^[*_]*(?:[^:]{0,40}?(?:\s-|[\u2013\u2014])\s*)?([\p{Lu}][^:]{1,60}):/u.exec(str);
      const name = label ? labelVoice(label[1]) : undefined;
      if (intro.kind !== 'outlet') quotedBy = intro;
      else if (name) quotedBy = { kind: 'quoted', name, cue: 'label' };
      quotedUntil = s.paragraph + 1;
    } else if (colon && /^[*_]*[^:]{0,40}(?:\s-|[\u2013\u2014])\s*[\p{Lu}][^:]{1,60}:[*_]*\s/u.test(str)) {
      const label = /^[*_]*[^:]{0,40}(?:\s-|[\u2013\u2014])\s*([\p{Lu}][^:]{1,60}):/u.exec(str)!;
      const name = labelVoice(label[1]);
      if (name) {
        quotedBy = { kind: 'quoted', name, cue: 'label' };
        quotedUntil = s.paragraph + 1;
        speaker = quotedBy;
      }
    }
    // (read only where a word of the sentence is an event noun: the pattern is long and this runs on every sentence)
    const bare = tokens[si].some(namesEventKind) ? bareEventOf(str) : undefined;
    // (a rating line under a claim line rates that claim, a review's: "Claim: A video … / Rating: False" doubts no story)
    // (and so does a verdict alone, "FALSE.", in a fact-check whose claims are read as reviews: it closes a claim's
    // paragraph, "Claim 1. The brigade's log shows … FALSE.")
    const doubt =
      isDoubt({ text: str, stance, stanceCue: cue, speaker, heading: s.heading }) &&
      !ratesClaimNear(text, s.span.start, str) &&
      !(src.reviews?.length && VERDICT_LINE.test(str.trim()));
    return {
      span: s.span,
      heading: s.heading,
      paragraph: s.paragraph,
      stance,
      stanceCue: cue,
      speaker,
      quantities: safe(() => extractQuantities(str, s.span.start), []),
      dates: safe(() => extractDates(str, s.span.start, src.meta.published), []),
      keys: sentenceKeys(str, tokens[si]),
      // ("However, this was not the case when …" limits what was said; it does not contest it)
      contrast: (CONTRAST.test(str) && !NOT_THE_CASE_WHEN.test(str)) || isRebuttal(str),
      bareEvent: bare,
      groupRef: GROUP_REF.test(str),
      pronoun: PRONOUN.test(str),
      doubt,
    };
  });
  quotesGoingOn(text, sents, inQuote);
  // (a quotation whose speaker is "he" or "she" refers back to a person as a pronoun in its words does: '"In five years
  // this ropeway has never stopped …," he said')
  for (const s of sents) if (!s.pronoun && s.speaker.kind !== 'outlet' && /^(?:he|she)$/i.test(s.speaker.name ?? '')) s.pronoun = true;
  return { sourceId: src.id, sentences: sents, raw };
}

/**
 * A quotation that runs over several sentences is one speaker's throughout: `"The site is safe. We checked it
 * twice," the mayor said.` makes the mayor the speaker of both sentences, and `Gownaris said, "… Over the years …
 * But now we're starting …"` makes the second Gownaris's too. Within a paragraph, a sentence that starts inside
 * double quotes continues the sentence before it. The run's voice is the last one named outside its quotation marks
 * (the attribution after the closing quote, else the one before the opening); a voice named inside them ("Women in
 * Nevada have said, 'It's time …'") is quoted, not quoting. It is given to the run's sentences that had no named
 * speaker, or only "I"/"we"; their doubt is read again, as it depends on whose words they are.
 */
function quotesGoingOn(text: string, sents: SentenceAnalysis[], inQuote: Uint8Array): void {
  let runStart = 0;
  for (let i = 1; i <= sents.length; i++) {
    if (i < sents.length && inQuote[i]) continue;
    if (i - runStart > 1) giveRunItsVoice(text, sents, runStart, i);
    runStart = i;
  }
}

/** Whether double quotes (straight, curly or « ») are open at `end`, reading from `start` where they were `open` or not. */
function quoteOpenAt(text: string, start: number, end: number, open: boolean): boolean {
  for (let k = start; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x22) open = !open;
    else if (ch === 0x201c || ch === 0xab) open = true;
    else if (ch === 0x201d || ch === 0xbb) open = false;
  }
  return open;
}

function giveRunItsVoice(text: string, sents: SentenceAnalysis[], from: number, to: number): void {
  const named = (sp: Speaker) => sp.kind !== 'outlet' && sp.cue !== 'turn' && !!sp.name && !FIRST_PERSON_SPEAKER.test(sp.name);
  let voice: Speaker | undefined;
  for (let i = to - 1; i >= from && !voice; i--) {
    const { speaker, span } = sents[i];
    if (!named(speaker)) continue;
    const at = text.indexOf(speaker.name!, span.start);
    // (the first sentence of a run starts outside quotes; every later one inside)
    if (at >= 0 && at < span.end && !quoteOpenAt(text, span.start, at, i > from)) voice = speaker;
  }
  if (!voice) return;
  for (let i = from; i < to; i++) {
    const s = sents[i];
    if (named(s.speaker) || s.speaker.cue === 'turn') continue;
    s.speaker = voice;
    s.doubt = isDoubt({
      text: text.slice(s.span.start, s.span.end),
      stance: s.stance,
      stanceCue: s.stanceCue,
      speaker: voice,
      heading: s.heading,
    });
  }
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
