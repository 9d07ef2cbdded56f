import type { EntityType, Span } from '../model';
import { detached } from '../packed';
import {
  COMMON_ACRONYMS,
  COMPASS,
  CONNECTORS,
  EVENT_NOUNS,
  KNOWN_EQUIVALENCES,
  isLegalForm,
  ORG_HEADS,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_PREFIXES,
  ORG_FIRST_WORDS,
  TITLES,
  countryOf as lexCountryOf,
  fold,
  isDemonym,
  isFirstName as lexIsFirstName,
  isGivenName,
  isKnownPlace as lexIsKnownPlace,
  isCity,
  isRegion,
  isStopword as lexIsStopword,
  isWord as lexIsWord,
} from '../lexicon';
import { CURRENCY_WORDS, isCurrencyCode } from '../claims/lexicon';
import { meaningKeys, meaningKeysOfTokens, tokenKeys } from '../text/keys';

/**
 * Finds candidate names in one document: runs of capitalised words (with particles such as "de", "van",
 * "al-"), acronyms, and named events built from event nouns ("the Veldhaven attacks", "the shooting at the
 * Harbour Museum"). Each candidate carries type evidence (votes) from the name itself and its context;
 * resolve.ts merges them across documents into entities.
 */

export type Votes = Record<EntityType, number>;

export interface RawMention {
  span: Span;
  text: string;
  /** normalised lookup key */
  key: string;
  words: string[];
  votes: Votes;
  kind: 'name' | 'acronym' | 'event';
  /** events: the class ("attacks"), the place/subject name key and a date key */
  eventClass?: string;
  eventOf?: string;
  eventDate?: string;
  /** an organisation named as the doer in the same phrase ("Nordline ferry strikes") */
  eventBy?: string;
  /** "Long Name (ACR)" / "Name (Other Name)": key of the other name */
  sameAs?: string;
  /** a title or role word before the name ("President", "Mr") */
  title?: string;
  /** a title-case phrase of ordinary words ("Rapid Response") with no sign of being a name */
  weak?: boolean;
  /** a single word the document also writes capitalised in its other number ("Houthi" and "Houthis"), or the
   * plural of a people's adjective the document uses ("Kurds" and "Kurdish"): a word for members of a group */
  inflected?: boolean;
  /** a single word used as a doer: it owns something ("Kessler's"), it is the subject of a verb of saying, deciding
   * or acting ("Kessler announced", "Kessler has claimed", "Kessler ordered"), it has staff ("a Kessler
   * spokesperson"), or messages go through it ("via Kessler", "posted on Kessler") */
  agent?: boolean;
  heading: boolean;
  sentence: number;
}

export interface SentenceInfo {
  span: Span;
  heading: boolean;
}

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const DAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** what a centre that is a body does ("Cyber Response Centre", "Hurricane Center", "Disease Control Centre") */
const CENTRE_WORK = new Set(
  'response research coordination operations security control crisis information emergency policy studies monitoring analysis intelligence command data detection prevention hurricane warning forecasting disease documentation'.split(
    ' ',
  ),
);

/** kinds of event whose names hold the name of a body as part of the name, not as its doer */
const NAMED_KINDS = new Set(['election', 'referendum', 'summit', 'games', 'championship', 'cup', 'trial', 'war', 'crisis']);
const SUPERLATIVE = /^(?:worst|biggest|largest|deadliest|longest|greatest|latest|first|last|previous|costliest|bloodiest)$/;
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'from', 'across', 'inside', 'into', 'around', 'throughout']);
const EVENT_MODIFIERS = new Set([
  'terror',
  'terrorist',
  'suicide',
  'deadly',
  'twin',
  'coordinated',
  'mass',
  'bomb',
  'gun',
  'fatal',
  'recent',
  'latest',
  'last',
  'horrific',
  'jihadist',
  'islamist',
  'attempted',
  'failed',
  'museum',
  'presidential',
  'general',
  'parliamentary',
  'local',
  'military',
]);
const OF_HEADS = new Set([
  ...ORG_HEADS,
  ...PLACE_HEADS,
  'state',
  'republic',
  'kingdom',
  'isle',
  'islands',
  'united',
  'people',
  'emirate',
  'federation',
  'commonwealth',
]);
/** A head word before "of"/"for" in a name, or its plural: "Centers for …", "National Institutes of …". */
function ofHead(l: string): boolean {
  return OF_HEADS.has(l) || (l.length > 4 && l.endsWith('s') && OF_HEADS.has(l.slice(0, -1)));
}
/** A head word, or the singular of a plural one ("Institutes" → "institute"); otherwise the word as it is. */
function singularHead(l: string): string {
  if (ORG_HEADS.has(l) || PLACE_HEADS.has(l) || !l.endsWith('s')) return l;
  const one = l.slice(0, -1);
  return ORG_HEADS.has(one) || PLACE_HEADS.has(one) ? one : l;
}
/** Generational suffixes after a person's name ("Jr.", "Sr."). */
const NAME_SUFFIXES = new Set(['Jr', 'Sr']);
/** Nouns for people in general whose possessive begins a name rather than marking an owner ("People's Party"). */
const GROUP_POSSESSORS = new Set(['people', 'children', 'women', 'men', 'workers', 'veterans', 'citizens']);
/** No name is longer than this many words; longer capitalised runs are cut (and hostile input stays linear). */
const MAX_RUN = 12;
/** Tokens of one sentence that are read for names (real sentences have well under a few hundred). */
export const MAX_TOKENS = 4000;
/** Tokens longer than this are not words of a name ("Abc-Abc-Abc-…", "A.B.A.B.…"). */
const MAX_TOKEN = 48;
const NAME_BREAKERS = new Set(['I', "I've", "I'm", "I'd", "I'll", 'I\u2019ve', 'I\u2019m', 'I\u2019d', 'I\u2019ll', 'OK']);

let normCache: Map<string, string> | undefined;
const equivalenceType = new Map<string, EntityType>();
for (const g of KNOWN_EQUIVALENCES) for (const n of g.names) equivalenceType.set(normKey(n), g.type);

export function normKey(s: string): string {
  normCache ??= new Map<string, string>();
  const hit = normCache.get(s);
  if (hit !== undefined) return hit;
  // (a copy: the name as written is often cut from a whole article, which the cache would keep)
  const own = detached(s);
  const k = normKeyUncached(own);
  if (normCache.size > 200000) normCache.clear();
  normCache.set(own, k);
  return k;
}
function normKeyUncached(s: string): string {
  return fold(s)
    .replace(/['\u2019]s$/, '')
    .replace(/['\u2019]$/, '')
    .replace(/[-\u2010-\u2014]/g, ' ')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the gazetteers and the dictionary say about one string, computed once per distinct string (the same
 * words recur on every line) in a bounded cache. Each field is exactly the lexicon function of the string.
 */
interface WordInfo {
  lower: string;
  cap: boolean;
  firstName: boolean;
  knownPlace: boolean;
  country: string | undefined;
  word: boolean;
  stop: boolean;
  eventClass: string | undefined;
  /** tokenKeys(s), made when first asked for */
  keys: string[] | undefined;
}
const wordInfoCache = new Map<string, WordInfo>();
/** single ASCII characters (punctuation, "a", "I"): a fixed table, no map lookup */
let asciiInfo: WordInfo[] | undefined;
function wordInfo(s: string): WordInfo {
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c < 128) {
      asciiInfo ??= Array.from({ length: 128 }, (_, k) => computeWordInfo(String.fromCharCode(k)));
      return asciiInfo[c];
    }
  }
  let w = wordInfoCache.get(s);
  if (w === undefined) {
    // (a copy, as in `normKey`)
    const own = detached(s);
    w = computeWordInfo(own);
    if (wordInfoCache.size > 100000) wordInfoCache.clear();
    wordInfoCache.set(own, w);
  }
  return w;
}
function computeWordInfo(s: string): WordInfo {
  const lower = s.toLowerCase();
  return {
    lower,
    cap: isCapWordUncached(s),
    firstName: lexIsFirstName(s),
    knownPlace: lexIsKnownPlace(s),
    country: lexCountryOf(s),
    word: lexIsWord(s),
    stop: lexIsStopword(s),
    eventClass: EVENT_NOUNS.get(lower),
    keys: undefined,
  };
}
function isFirstName(s: string): boolean {
  return wordInfo(s).firstName;
}
function isKnownPlace(s: string): boolean {
  return wordInfo(s).knownPlace;
}
function countryOf(s: string): string | undefined {
  return wordInfo(s).country;
}
function isWord(s: string): boolean {
  return wordInfo(s).word;
}
function isStopword(s: string): boolean {
  return wordInfo(s).stop;
}
function isCapWord(s: string): boolean {
  return wordInfo(s).cap;
}

interface Tok {
  start: number;
  end: number;
  text: string;
  /** wordInfo(text) */
  w: WordInfo;
}

/** Character classes of the tokenizer: white space, a letter or digit (\p{L}, \p{N}), anything else. */
const SPACE = 1;
const ALNUM = 2;
const OTHER = 3;
/** the class of each UTF-16 code unit outside the surrogates, filled as met (0: not yet) */
const unitClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();
const SPACE_RE = /^\s$/u;
const ALNUM_RE = /^[\p{L}\p{N}]$/u;
function classOfChar(ch: string): number {
  return SPACE_RE.test(ch) ? SPACE : ALNUM_RE.test(ch) ? ALNUM : OTHER;
}
/** the class of the character at `i` (a code point: a surrogate pair is one character, a lone surrogate is "other") */
function classAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = unitClass[c];
    if (k === 0) k = unitClass[c] = classOfChar(String.fromCharCode(c));
    return k;
  }
  const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return OTHER;
  const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  let k = astralClass.get(cp);
  if (k === undefined) astralClass.set(cp, (k = classOfChar(String.fromCodePoint(cp))));
  return k;
}
/** a-z, A-Z, 0-9 (the common case, tested before the table) */
function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
/** after the letters and digits that start at `i` */
function skipAlnum(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    // ASCII letters and digits, then anything else through the table
    if (isAsciiAlnum(c)) i++;
    else if (c < 128 || classAt(text, i, end) !== ALNUM) break;
    else i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return i;
}
/** a separator inside a word: - ' \u2019 . */
function isJoiner(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019 || c === 46;
}

const KEEP_PERIOD_RE = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Capt|Prof|St)\.$/u;
const PREFIX_RE = /^(?:pro|anti|ex|non|post|pre|mid|neo|all|trans|pan)-(?=\p{Lu})/iu;

/**
 * What one written word becomes (a raw token: letters and digits joined by - ' \u2019 ., and a final period; or one
 * other character): its tokens, each with where it starts in the raw token, its text and its word facts. It depends on nothing but
 * the raw token's characters, so it is worked out once per distinct raw token.
 */
interface Piece {
  /** where it starts within the raw token */
  at: number;
  text: string;
  w: WordInfo;
}
interface RawToken {
  raw: string;
  /** the first piece (most raw tokens are one piece: the word itself) */
  first: Piece;
  /** the pieces after it, if any */
  more: Piece[] | undefined;
}
function piece(at: number, text: string): Piece {
  return { at, text, w: wordInfo(text) };
}
function rawToken(raw: string): RawToken {
  let t = raw;
  // keep the period only on initials and dotted acronyms ("T.", "U.S.")
  if (t.length > 1 && t.charCodeAt(t.length - 1) === 46 /* . */ && !KEEP_PERIOD_RE.test(t)) t = t.slice(0, -1);
  const pre = t.length > 3 && t.indexOf('-') > 1 ? PREFIX_RE.exec(t) : null;
  if (pre) return { raw, first: piece(0, pre[0]), more: [piece(pre[0].length, t.slice(pre[0].length))] };
  const h = t.length > 4 && t.charCodeAt(0) < 128 ? t.lastIndexOf('-') : -1;
  if (h > 1 && splitsAtHyphen(t.slice(0, h), t.slice(h + 1))) {
    return { raw, first: piece(0, t.slice(0, h)), more: [piece(h, '-'), piece(h + 1, t.slice(h + 1))] };
  }
  return { raw, first: piece(0, t), more: undefined };
}
/**
 * Raw tokens met so far, by their characters: an open-addressed table looked up straight from the text, so a word
 * met before costs no new string (each token shares its raw token's texts). Bounded: emptied when half full.
 */
const INTERN_SLOTS = 1 << 17;
let internKeys: Array<RawToken | undefined> = new Array<RawToken | undefined>(INTERN_SLOTS);
let internHashes = new Int32Array(INTERN_SLOTS);
let internCount = 0;
function sameChars(s: string, text: string, a: number, b: number): boolean {
  if (s.length !== b - a) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(a + i)) return false;
  return true;
}
function internRaw(text: string, a: number, b: number): RawToken {
  let h = 0x811c9dc5 | 0;
  for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = INTERN_SLOTS - 1;
  let at = h & mask;
  for (;;) {
    const e = internKeys[at];
    if (e === undefined) break;
    if (internHashes[at] === h && sameChars(e.raw, text, a, b)) return e;
    at = (at + 1) & mask;
  }
  if (internCount >= INTERN_SLOTS >> 1) {
    internKeys = new Array<RawToken | undefined>(INTERN_SLOTS);
    internHashes = new Int32Array(INTERN_SLOTS);
    internCount = 0;
    at = h & mask;
  }
  // (a copy: a slice of a whole article would keep it)
  const r = rawToken(detached(text.slice(a, b)));
  internKeys[at] = r;
  internHashes[at] = h;
  internCount++;
  return r;
}

/**
 * The tokens of one sentence: each run of letters and digits, with the - ' \u2019 . that join such runs and a final
 * period, and each other character but white space (a character is a code point). Initials and dotted acronyms
 * keep their final period, other words lose it; a prefix before a capital ("anti-Kessler") and a hyphen that joins
 * a name to something else ("Veldhaven-based") are split off.
 */
function tokenize(text: string, span: Span): Tok[] {
  const out: Tok[] = [];
  const end = span.end;
  let i = span.start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let k: number;
    if (isAsciiAlnum(c)) k = ALNUM;
    else if (c === 32) {
      i++;
      continue;
    } else k = classAt(text, i, end);
    // (a surrogate pair is one character)
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (k === SPACE) {
      i += width;
      continue;
    }
    if (out.length >= MAX_TOKENS) break; // not prose: a "sentence" this long is read only so far
    const from = i;
    if (k === ALNUM) {
      i = skipAlnum(text, i + width, end);
      while (i + 1 < end && isJoiner(text.charCodeAt(i)) && classAt(text, i + 1, end) === ALNUM) i = skipAlnum(text, i + 1, end);
      if (i < end && text.charCodeAt(i) === 46) i++;
    } else i += width;
    if (i - from > MAX_TOKEN) {
      // (not a word of a name, and not worth keeping in the table)
      out.push({ start: from, end: i, text: '\u0000', w: wordInfo('\u0000') });
      continue;
    }
    const r = internRaw(text, from, i);
    const p = r.first;
    out.push({ start: from, end: from + p.text.length, text: p.text, w: p.w });
    if (r.more) for (const q of r.more) out.push({ start: from + q.at, end: from + q.at + q.text.length, text: q.text, w: q.w });
  }
  return out;
}

/**
 * A hyphenated word that joins a name to something that is not part of it: a name and an ordinary word
 * ("Veldhaven-based", "Kessler-owned"), two acronyms ("ABC-XYZ"), a people's adjective and a name ("Dutch-US").
 */
function splitsAtHyphen(left: string, right: string): boolean {
  const c = left.charCodeAt(0);
  if (c < 65 || c > 90 || (left.length < 3 && !isAcronym(left))) return false; // "Co-founder", "X-ray"
  if (isPlainLower(right)) return right.length >= 3 && wordInfo(right).word;
  return (isAcronym(left) && isAcronym(right)) || (isDemonym(left) && /^\p{Lu}/u.test(right));
}

const CONTRACTION = /^(?:We|You|They|It|He|She|That|There|What|Who|Here|Let)['\u2019](?:re|s|ll|ve|d)$/;

function isCapWordUncached(t: string): boolean {
  const c = t.charCodeAt(0);
  // (a contraction such as "We're" starts with an ASCII capital and has an apostrophe)
  if (c >= 65 && c <= 90) return !(t.length >= 4 && CONTRACTION.test(t));
  if (c >= 97 && c <= 122) {
    // both patterns below need a character other than a-z: a plain lower-case word is never one
    if (isPlainLower(t)) return false;
    // eBay, iPhone, eTranslate; "al-Mohammad", "el-Bakraoui"
    return /^\p{Ll}{1,2}\p{Lu}\p{L}+$/u.test(t) || /^(?:al|el|bin|ibn|abu|ben)-\p{Lu}/u.test(t);
  }
  if (c < 128) return false;
  return /^\p{Lu}/u.test(t) || /^\p{Ll}{1,2}\p{Lu}\p{L}+$/u.test(t);
}
function isPlainLower(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
function isAcronym(t: string): boolean {
  return /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(t) || /^\p{Lu}{2,5}s$/u.test(t);
}
function isAllCaps(text: string, span: Span): boolean {
  let up = 0;
  let low = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
  }
  return up > 12 && up > low * 2;
}
function emptyVotes(): Votes {
  return { person: 0, organization: 0, place: 0, event: 0 };
}
function lower(t: Tok | undefined): string {
  return t ? t.w.lower : '';
}

/** A document's sentences cut into tokens (`tokenizeSentences`), for `extractMentions` and `sentenceKeys`. */
export type SentenceTokens = Tok[];

export function tokenizeSentences(text: string, sentences: SentenceInfo[]): SentenceTokens[] {
  return sentences.map((sent) => tokenize(text, sent.span));
}

const keysOfTok = (t: Tok): string[] => (t.w.keys ??= tokenKeys(t.text));

/**
 * `meaningKeys(sentence)`, read from the sentence's tokens when they hold all of it (each distinct token's keys are
 * computed once): a token never ends inside a word of letters, so the words of the sentence are the words of its
 * tokens, in order. A sentence cut short (too many tokens, a token too long to keep) is read whole.
 */
export function sentenceKeys(sentence: string, toks: SentenceTokens): string[] {
  let whole = toks.length < MAX_TOKENS - 2;
  for (let i = 0; whole && i < toks.length; i++) if (toks[i].text === '\u0000') whole = false;
  return whole ? meaningKeysOfTokens(sentence, toks, keysOfTok) : meaningKeys(sentence);
}

/**
 * @param lowercaseSeen words seen in lower case in the same document (sentence-initial capitals of ordinary
 * words are recognised by this, as well as by the dictionary)
 */
export function extractMentions(
  text: string,
  sentences: SentenceInfo[],
  lowercaseSeen?: Set<string>,
  all: SentenceTokens[] = tokenizeSentences(text, sentences),
): RawMention[] {
  const out: RawMention[] = [];
  // one tokenisation pass; the document's lower-case words and mid-sentence capitals come from the same tokens
  const seen = lowercaseSeen ?? new Set<string>();
  midCaps = new Set<string>();
  surnames = new Set<string>();
  capSeen = new Set<string>();
  stormNames = undefined;
  vesselNames = undefined;
  for (let si = 0; si < all.length; si++) {
    const toks = all[si];
    // (a year after a preposition before a capital is mid-sentence too, "In 2019 Kestrel received", but not in a
    // headline, "Top 10 Films", nor in a name, "the 2014 World Cup")
    const digitsBefore = !sentences[si]?.heading;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i].text;
      const cap = toks[i].w.cap;
      const c = t.charCodeAt(0);
      if (cap) {
        capSeen.add(t);
        if (i + 1 < toks.length && toks[i + 1].w.cap && toks[i + 1].start - toks[i].end === 1) {
          if (STORMS.has(toks[i].w.lower)) (stormNames ??= new Set()).add(toks[i + 1].text.replace(/['\u2019]s?$/, ''));
          else if (VESSEL_PREFIXES.has(t)) (vesselNames ??= new Set()).add(capitalisedAfter(text, toks, i));
        }
      }
      if (i > 0 && cap && toks[i - 1].w.firstName && toks[i].start - toks[i - 1].end === 1) surnames.add(t.replace(/['\u2019]s?$/, ''));
      if (!lowercaseSeen && c >= 97 && c <= 122) seen.add(t);
      else if (i > 0 && cap && (c < 97 || c > 122)) {
        const p = toks[i - 1].text;
        const pc = p.charCodeAt(0);
        if (
          (pc >= 97 && pc <= 122) ||
          p === ',' ||
          p === ';' ||
          (digitsBefore && pc >= 48 && pc <= 57 && i > 1 && TIME_PREPS.has(toks[i - 2].w.lower))
        )
          midCaps.add(t.replace(/['\u2019]s?$/, ''));
      }
    }
  }
  sentences.forEach((sent, si) => {
    const allCaps = isAllCaps(text, sent.span);
    const heading = sent.heading || allCaps;
    extractFromTokens(text, all[si], si, heading, out, seen, allCaps);
  });
  return out;
}

/** prepositions of time before a year that opens a clause ("In 2019 Kestrel …") */
const TIME_PREPS = new Set(['in', 'by', 'since', 'until', 'from', 'during', 'after', 'before']);
let midCaps: Set<string> | undefined;
/** the document's storms' names ("Humberto" of "Hurricane Humberto") and vessels' names ("Marisol" of "MV Marisol") */
let stormNames: Set<string> | undefined;
let vesselNames: Set<string> | undefined;
/** Prefixes of a ship's name: "MV", "HMS", "USS". A ship is none of the model's types. (Not "MS", "MT" or "INS",
 * which are as often other things: "MS Society".) */
const VESSEL_PREFIXES = new Set(['MV', 'RMS', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'USS', 'USNS', 'RV']);

/** The capitalised words right after token i, up to four, as written ("Namse Bangdzod" after "MV"). */
function capitalisedAfter(text: string, toks: Tok[], i: number): string {
  const e = capitalisedRunEnd(toks, i + 1, 4);
  return text.slice(toks[i + 1].start, toks[e].end).replace(/['\u2019]s?$/, '');
}

/** The last token of the run of capitalised words, one space apart, that token `start` opens: at most `max` words. */
function capitalisedRunEnd(toks: Tok[], start: number, max: number): number {
  let e = start;
  while (e + 1 < toks.length && e - start < max - 1 && toks[e + 1].w.cap && toks[e + 1].start - toks[e].end === 1) e++;
  return e;
}

/** every capitalised token of the document, as written */
let capSeen: Set<string> | undefined;

/**
 * Names do not inflect for number, words for members of a group do: a capitalised word that the document also
 * writes capitalised as its plural or singular ("Houthi rebels" … "the Houthis"; "a Liberal" … "the Liberals"), or
 * a plural whose stem makes the people's adjective the document uses ("Kurds" … "Kurdish"), names a group's members.
 */
function inflectedInDoc(w: string): boolean {
  if (!capSeen || w.length < 3) return false;
  if (capSeen.has(`${w}s`)) return true;
  if (!w.endsWith('s') || w.endsWith('ss')) return false;
  const stem = w.slice(0, -1);
  return capSeen.has(stem) || capSeen.has(`${stem}ish`) || isDemonym(stem);
}
/** capitalised words that follow a given name in the document ("Bernie Sanders"): surnames even if they are also words */
let surnames: Set<string> | undefined;

/** A capitalised word that can be a surname: a given name ("John Paul"), a word no dictionary has, or one the
 * document never writes in lower case. */
function surnameLike(w: string, lowercaseSeen?: Set<string>): boolean {
  const l = w.toLowerCase().replace(/['\u2019]s?$/, '');
  if (!isCapWord(w) || isKnownPlace(w) || ORG_HEADS.has(l) || PLACE_HEADS.has(l) || TITLES.has(l) || isDemonym(w)) return false;
  if (isFirstName(w) || !isWord(l)) return true;
  return !isAdjectival(w) && !!midCaps?.has(w.replace(/['\u2019]s?$/, '')) && !!lowercaseSeen && !lowercaseSeen.has(l);
}

function isOrdinaryWord(w: string, lowercaseSeen?: Set<string>): boolean {
  const info = wordInfo(w);
  const l = info.lower;
  if (info.firstName || info.knownPlace || info.country) return false;
  if (midCaps?.has(w) && lowercaseSeen && !lowercaseSeen.has(l) && !TITLES.has(l) && !CAPITALISED_COMMON.has(l)) return false;
  if (surnames?.has(w) && !(lowercaseSeen?.has(l) ?? false)) return false;
  return isWord(l) || isStopword(l) || (lowercaseSeen?.has(l) ?? false);
}

const OPENERS = /^["\u201c\u2018()\u2013\u2014:;\]]$/;

function extractFromTokens(
  text: string,
  toks: Tok[],
  si: number,
  heading: boolean,
  out: RawMention[],
  lowercaseSeen?: Set<string>,
  allCaps = false,
): void {
  // sentence-initial position: first word token, or first after an opening quote / dash
  const initial = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (/^[\p{L}\p{N}]/u.test(toks[i].text)) {
      initial.add(i);
      break;
    }
  }
  for (let i = 1; i < toks.length; i++) {
    const p = toks[i - 1].text;
    if (p.length === 1 && OPENERS.test(p) && /^\p{L}/u.test(toks[i].text)) initial.add(i);
  }

  const first = out.length;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!t.w.cap || NAME_BREAKERS.has(t.text) || allCaps || (heading && isOrdinaryWord(t.text, lowercaseSeen))) {
      i++;
      continue;
    }
    // build a run
    let j = i;
    const run: number[] = [i];
    let orgTail = false;
    while (j + 1 < toks.length && run.length < MAX_RUN) {
      const n = toks[j + 1];
      // "University of California, Los Angeles": a campus after a comma
      if (!heading && n.text === ',') {
        const e = campusAfter(toks, run, j);
        if (e > j) {
          for (let k = j + 1; k <= e; k++) run.push(k);
          j = e;
          break;
        }
      }
      if (n.start - toks[j].end > 1) break; // punctuation or gap
      // (a line break after a short line ends a name: a signature's "Tanvir Hossain Majumder / Managing Director / Rupali
      // Launch Services"; a long line is prose wrapped by hand, whose names go on over the break)
      if (
        n.start > toks[j].end &&
        text.charCodeAt(toks[j].end) === 10 &&
        toks[j].end - text.lastIndexOf('\n', toks[j].end - 1) < SHORT_LINE
      )
        break;
      // "Cyrus R. Vance, Jr.": a generational suffix after a comma
      if (n.text === ',' && NAME_SUFFIXES.has(toks[j + 2]?.text ?? '') && toks[j + 2].start - n.end === 1 && run.length >= 2) {
        run.push(j + 1, j + 2);
        j += 2;
        break;
      }
      if (n.w.cap && !NAME_BREAKERS.has(n.text) && !(heading && isOrdinaryWord(n.text, lowercaseSeen))) {
        run.push(j + 1);
        j++;
        continue;
      }
      const ln = n.w.lower;
      // "the Democratic party", "a Labour party leader": a party named by its adjective, with a lower-case head
      if (n.text === 'party' && !heading && partyAdjective(toks, run)) {
        run.push(j + 1);
        j++;
        break;
      }
      if (!heading) {
        const e = orgJoin(toks, run, j, orgTail);
        if (e > j) {
          for (let k = j + 1; k <= e && run.length < MAX_RUN; k++) run.push(k);
          j = run[run.length - 1];
          orgTail = true;
          continue;
        }
      }
      const after = toks[j + 2];
      // two particles inside a name: "Johannes van der Walt", "Marisol de la Barra"
      const third = toks[j + 3];
      if (
        after &&
        third?.w.cap &&
        CONNECTORS.has(ln) &&
        ln !== 'of' &&
        CONNECTORS.has(after.w.lower) &&
        after.w.lower !== 'of' &&
        !after.w.cap &&
        after.start - n.end <= 1 &&
        third.start - after.end <= 1
      ) {
        run.push(j + 1, j + 2, j + 3);
        j += 3;
        continue;
      }
      if (after && after.w.cap && after.start - n.end <= 1) {
        if (CONNECTORS.has(ln) && ln !== 'of') {
          run.push(j + 1, j + 2);
          j += 2;
          continue;
        }
        // "of Iraq and Syria", "Bosnia and Herzegovina": two places joined inside a name
        if (
          ln === 'and' &&
          isKnownPlace(toks[j].text) &&
          isKnownPlace(after.text) &&
          (run.some((k) => lower(toks[k]) === 'of') || countryOf(`${toks[j].text} and ${after.text}`))
        ) {
          run.push(j + 1, j + 2);
          j += 2;
          continue;
        }
        if (ln === 'of' && ofHead(lower(toks[j]))) {
          if (ORG_HEADS.has(lower(toks[j]))) orgTail = true;
          run.push(j + 1, j + 2);
          j += 2;
          continue;
        }
      }
      break;
    }
    i = j + 1;
    processRun(text, toks, run, si, heading, initial, out, lowercaseSeen);
  }
  if (out.length - first >= 2) shareListTypes(text, out, first);
  extractEvents(text, toks, si, heading, out);
}

/**
 * Whether a run is the adjective of a political party before a lower-case "party": one or two capitalised words, the
 * last one shaped like a political adjective ("Democratic", "Republican", "Liberal", "Socialist", "Progressive") or a
 * party's one-word name ("Labour", "Green"), and no people's adjective ("an American party", "the French party").
 */
function partyAdjective(toks: Tok[], run: number[]): boolean {
  if (run.length > 2) return false;
  const w = toks[run[run.length - 1]].text;
  if (isDemonym(w) || isKnownPlace(w) || !/^\p{Lu}\p{Ll}+$/u.test(w)) return false;
  return /(?:ic|al|ist|ive|an)$/.test(w) || PARTY_WORDS.has(w.toLowerCase());
}
const PARTY_WORDS = new Set(['labour', 'labor', 'green', 'greens', 'reform', 'pirate', 'unity', 'justice']);

/** a line shorter than this is a line of its own (a signature, an address), not prose wrapped by hand */
const SHORT_LINE = 50;

/** ordinary words that name a body alone, before a title too ("Treasury Secretary …") */
const ONE_WORD_BODIES = new Set(['treasury', 'police', 'army', 'navy', 'pentagon', 'parliament', 'congress', 'senate', 'cabinet']);

/** Between two members of a list: a comma, "and", "or", ", and". */
const LIST_GAP = /^(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)$/;
/** Evidence this strong for one type makes a name a clear member of that type in a list. */
const CLEAR = 3;

function clearType(v: Votes): EntityType | undefined {
  const best = v.person >= v.organization && v.person >= v.place ? 'person' : v.organization >= v.place ? 'organization' : 'place';
  const second = Math.max(...(['person', 'organization', 'place'] as const).filter((t) => t !== best).map((t) => v[t]));
  return v[best] >= CLEAR && v[best] - second >= CLEAR ? best : undefined;
}

/**
 * Names listed together ("Marsdorp, Veldhaven and Oostkade"; "Kessler, Nordline or Harbour Air") are things of one
 * kind: when some members of a list have clear evidence of one type and none of another, the members without clear
 * evidence get a vote for it. Mentions of one sentence, from `from` on.
 */
function shareListTypes(text: string, out: RawMention[], from: number): void {
  let a = from;
  while (a < out.length) {
    // a list ends at its "and"/"or"; commas alone also set off appositions ("Springdale, Ohio") and are no list
    let b = a;
    let closed = false;
    while (!closed && b + 1 < out.length && out[b + 1].kind !== 'event') {
      const gap = text.slice(out[b].span.end, out[b + 1].span.start);
      if (!LIST_GAP.test(gap)) break;
      closed = /\b(?:and|or)\b/.test(gap);
      b++;
    }
    if (!closed) b = a;
    if (b > a) {
      let type: EntityType | undefined;
      let mixed = false;
      let clear = 0;
      for (let k = a; k <= b; k++) {
        const t = clearType(out[k].votes);
        if (!t) continue;
        clear++;
        if (type && t !== type) mixed = true;
        type = t;
      }
      if (type && !mixed && clear < b - a + 1) for (let k = a; k <= b; k++) if (!clearType(out[k].votes)) out[k].votes[type] += 2;
    }
    a = b + 1;
  }
}

/** Person titles that end an organisation name's continuation ("… and Foreign Secretary …"). */
const PERSON_TITLES = new Set(
  'mr mrs ms dr prof prime president minister secretary senator governor mayor king queen prince pope'.split(' '),
);

/**
 * Function words inside an organisation's name: "Movement for Democratic Change", "Committee on Taxonomy of Viruses",
 * "Conference of the Philippines", "Department of Emergency Services and Public Protection", "Food and Agriculture
 * Organization", "Johnson & Johnson". Returns the last token to add to the run after token j, or -1.
 */
function orgJoin(toks: Tok[], run: number[], j: number, orgTail: boolean): number {
  const n = toks[j + 1];
  const ln = n.text.toLowerCase();
  // a plural possessive inside the name: "Teachers' Union"
  // (not a place's possessive: "the United States' National Basketball Association")
  const apostrophe =
    (ln === "'" || ln === '\u2019') &&
    n.start === toks[j].end &&
    /\p{Ll}s$/u.test(toks[j].text) &&
    !isKnownPlace(
      run
        .filter((k) => toks[k].w.lower !== 'the')
        .map((k) => toks[k].text)
        .join(' '),
    );
  if (ln !== 'of' && ln !== 'for' && ln !== 'on' && ln !== 'and' && ln !== '&' && ln !== 'at' && !apostrophe) return -1;
  let c = j + 2;
  if ((ln === 'of' || ln === 'for') && lower(toks[c]) === 'the' && toks[c].start - n.end <= 1) c++;
  if (c >= toks.length || toks[c].start - toks[c - 1].end > 1) return -1;
  // the capitalised continuation: no date, no person (a title, or a given name followed by a surname)
  let e = c - 1;
  while (
    e + 1 < toks.length &&
    e + 1 - c < 5 &&
    toks[e + 1].start - toks[e].end <= 1 &&
    isCapWord(toks[e + 1].text) &&
    !NAME_BREAKERS.has(toks[e + 1].text)
  )
    e++;
  if (e < c) return -1;
  let plainWords = true;
  for (let k = c; k <= e; k++) {
    const l = lower(toks[k]).replace(/['\u2019]s?$/, '');
    if (MONTHS.has(l) || DAYS.has(l) || PERSON_TITLES.has(l.replace(/\.$/, ''))) return -1;
    if (k < e && isFirstName(toks[k].text) && isCapWord(toks[k + 1].text)) return -1;
    if (ORG_HEADS.has(l) || PLACE_HEADS.has(l) || !isWord(l) || isKnownPlace(toks[k].text)) plainWords = false;
  }
  const prev = lower(toks[j]);
  const lastCont = lower(toks[e]).replace(/['\u2019]s?$/, '');
  if (ln === '&') return e;
  // a campus: "University of Hawaii at Hilo"
  if (ln === 'at') return orgTail && run.some((k) => toks[k].w.lower === 'university') ? e : -1;
  if (apostrophe) return ORG_HEADS.has(lastCont) ? e : -1;
  // a head word before the function word: "Council on …", "Centre for …", "Bank of the …"
  if (ln === 'for' && ofHead(prev)) return e;
  if (ln === 'on' && ORG_HEADS.has(prev)) return e;
  if (ln === 'of' && c === j + 3 && ofHead(prev)) return e;
  // plain words of a name already begun with a head word ("… Services and Public Protection"), not a second name
  const plainPrev = isWord(prev) && !isKnownPlace(toks[j].text);
  if (orgTail && (ln === 'of' || ln === 'and' || ln === 'for') && plainWords && plainPrev) return e;
  // a head word at the end: "Food and Agriculture Organization", "Cinema for Peace Foundation"
  if (
    (ln === 'and' || ln === 'for') &&
    ORG_HEADS.has(lastCont) &&
    run.length <= 3 &&
    plainPrev &&
    !ORG_HEADS.has(prev) &&
    !PLACE_HEADS.has(prev)
  )
    return e;
  return -1;
}

/**
 * A campus after a university's name and a comma: "University of Marsdorp, Veldhaven" when Veldhaven is a city (not a
 * country or region: "University of Marsdorp, Canada" names where it is). Returns the last token of the campus, or -1.
 */
function campusAfter(toks: Tok[], run: number[], j: number): number {
  if (run.length < 3 || toks[run[0]].w.lower !== 'university' || toks[run[1]].w.lower !== 'of') return -1;
  const c = j + 2;
  if (toks[j + 1]?.text !== ',' || !toks[c]?.w.cap || toks[c].start - toks[j + 1].end !== 1) return -1;
  const e = capitalisedRunEnd(toks, c, 3);
  for (let k = e; k >= c; k--) {
    const name = toks
      .slice(c, k + 1)
      .map((t) => t.text)
      .join(' ');
    if (isCity(name) && !countryOf(name) && !isRegion(name)) return k;
  }
  return -1;
}

/** A run that is an organisation's name by its shape: a head word at the end, or one followed by a function word. */
function isOrgName(toks: Tok[], runIdx: number[]): boolean {
  if (ORG_HEADS.has(lower(toks[runIdx[runIdx.length - 1]]).replace(/['\u2019]s?$/, ''))) return true;
  for (let k = 1; k < runIdx.length; k++) {
    const l = toks[runIdx[k]].text;
    if (l === '&' || l === 'for' || l === 'on') return true;
    if (l === 'of' && ORG_HEADS.has(lower(toks[runIdx[k - 1]]))) return true;
  }
  return false;
}

/**
 * Whether a run that starts a sentence (or is in a heading) with an ordinary word ("New", "United", "Human") is a name
 * from that word on: its first two words or more are a known place or a well-known name ("New Zealand", "United States",
 * "United Nations"), it names a storm ("Hurricane Marisol"), or the document writes the run's words elsewhere in
 * mid-sentence, after a lower-case word or a comma ("… said Human Rights Watch", "by Associated Press"). Otherwise the
 * first word is taken for the sentence's own capital and left out.
 */
function namedFromStart(text: string, toks: Tok[], idx: number[]): boolean {
  if (idx.length < 2) return false;
  if (STORMS.has(toks[idx[0]].w.lower)) return true;
  const start = toks[idx[0]].start;
  for (let k = 1; k < idx.length && k < 4; k++) {
    const prefix = text.slice(start, toks[idx[k]].end);
    if (isKnownPlace(prefix) || equivalenceType.has(normKey(prefix))) return true;
  }
  const surface = text.slice(start, toks[idx[idx.length - 1]].end);
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    if (at === start) continue;
    // what stands before it: a space, then a lower-case letter, a digit or a comma (mid-sentence)
    let i = at - 1;
    if (i < 1 || text.charCodeAt(i) !== 32) continue;
    while (i > 0 && text.charCodeAt(i) === 32) i--;
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 44) return true;
  }
  return false;
}

/**
 * Whether the run's tokens `idx` are one ordinary word that is no place, given name or known body: a minister's or
 * secretary's portfolio ("Transport Minister", "the Energy Minister's", "Minister of Energy"), no name.
 */
function isOrdinaryPortfolio(toks: Tok[], idx: readonly number[]): boolean {
  if (idx.length !== 1) return false;
  const w = toks[idx[0]].w;
  return !!w.word && !isAcronym(toks[idx[0]].text) && !w.knownPlace && !w.firstName && !ONE_WORD_BODIES.has(w.lower);
}

function processRun(
  text: string,
  toks: Tok[],
  runIdx: number[],
  si: number,
  heading: boolean,
  initial: Set<number>,
  out: RawMention[],
  lowercaseSeen: Set<string> | undefined,
): void {
  // (letters before a currency's name are the currency's, and a currency's code before a sum: "15 billion CFA francs",
  // "SBD 4 million")
  // (a country's letters stay its name: "US dollars")
  if (
    runIdx.length === 1 &&
    isAcronym(toks[runIdx[0]].text) &&
    !isKnownPlace(toks[runIdx[0]].text) &&
    !equivalenceType.has(normKey(toks[runIdx[0]].text)) &&
    (CURRENCY_WORDS.has(toks[runIdx[0] + 1]?.text.toLowerCase() ?? '') ||
      (isCurrencyCode(toks[runIdx[0]].text) && /^\d/.test(toks[runIdx[0] + 1]?.text ?? '')))
  )
    return;
  // (a line's "Q." or "A." is a question's or an answer's label: "A. Yes, the …")
  if (
    /^[QA]\.$/.test(toks[runIdx[0]].text) &&
    /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, toks[runIdx[0]].start - 8), toks[runIdx[0]].start))
  ) {
    if (runIdx.length > 1) {
      initial.add(runIdx[1]);
      processRun(text, toks, runIdx.slice(1), si, heading, initial, out, lowercaseSeen);
    }
    return;
  }
  // (and a minister's portfolio of one ordinary word: "The Minister of Energy speaks of …")
  if (
    toks[runIdx[0] - 1]?.w.lower === 'of' &&
    /^(?:minister|secretary)$/.test(toks[runIdx[0] - 2]?.w.lower ?? '') &&
    isOrdinaryPortfolio(toks, runIdx)
  )
    return;
  // split at an inner possessive ("Argentina's National Congress") and between a known place and a
  // person's given name ("Senator from Vermont Bernie Sanders")
  // an organisation's name built with function words or a plural possessive ("Workers' Party") is kept whole
  const orgName = isOrgName(toks, runIdx);
  for (let k = 0; k < runIdx.length - 1; k++) {
    const w = toks[runIdx[k]].text;
    const splitHere =
      (/['\u2019]s?$/.test(w) &&
        !(orgName && /^['\u2019]$|s['\u2019]$/.test(w)) &&
        // a group's possessive opens a name of its own: "People's Party", "Women's March", "Children's Hospital"
        !GROUP_POSSESSORS.has(toks[runIdx[k]].w.lower.replace(/['\u2019]s?$/, ''))) ||
      // (or a known body: "Ambassador to the United Nations Nikki Haley")
      (isCapWord(toks[runIdx[k + 1]].text) &&
        isFirstName(toks[runIdx[k + 1]].text) &&
        (isKnownPlace(text.slice(toks[runIdx[0]].start, toks[runIdx[k]].end)) ||
          // (a given name that is also a place's starts no person here: "ISIS Syria News")
          (equivalenceType.has(normKey(text.slice(toks[runIdx[0]].start, toks[runIdx[k]].end))) &&
            !isKnownPlace(toks[runIdx[k + 1]].text) &&
            !ORG_HEADS.has(toks[runIdx[runIdx.length - 1]].w.lower))) &&
        k + 2 < runIdx.length) ||
      // "told NPR Hamza Idris": an acronym before a person's full name
      (k === 0 &&
        isAcronym(w) &&
        isFirstName(toks[runIdx[1]].text) &&
        runIdx.length >= 3 &&
        (!CONNECTORS.has(lower(toks[runIdx[2]])) || runIdx.length >= 4));
    if (splitHere) {
      processRun(text, toks, runIdx.slice(0, k + 1), si, heading, initial, out, lowercaseSeen);
      processRun(text, toks, runIdx.slice(k + 1), si, heading, initial, out, lowercaseSeen);
      return;
    }
  }
  let idx = runIdx.slice();
  let title: string | undefined;
  // drop sentence-initial ordinary words ("The", "After", "Police"), months and days
  while (idx.length) {
    const w = toks[idx[0]].text;
    const l = toks[idx[0]].w.lower;
    const lastL = toks[idx[idx.length - 1]].w.lower;
    const headed = ORG_HEADS.has(lastL) || PLACE_HEADS.has(lastL) || orgName;
    if ((TITLES.has(l.replace(/\.$/, '')) || (l.endsWith('s') && TITLES.has(l.slice(0, -1)))) && idx.length > 1 && !headed) {
      title = title ? `${title} ${w}` : w;
      idx.shift();
      continue;
    }
    if ((isDemonym(w) || (l.endsWith('s') && isDemonym(w.slice(0, -1)))) && idx.length > 1) {
      const last = toks[idx[idx.length - 1]].w.lower;
      // "French Interior Ministry", "Chinese Academy of Sciences"
      if (ORG_HEADS.has(last) || PLACE_HEADS.has(last) || orgName) break;
      if (isKnownPlace(text.slice(toks[idx[0]].start, toks[idx[idx.length - 1]].end))) break; // "American Samoa"
      idx.shift();
      continue;
    }
    if (l === 'the' && idx.length > 1) {
      idx.shift(); // "by The Aviation Herald": the article is not part of the name
      continue;
    }
    if (MONTHS.has(l.replace(/['\u2019]s?$/, '')) || DAYS.has(l.replace(/['\u2019]s?$/, ''))) {
      idx.shift();
      continue;
    }
    if (
      (initial.has(idx[0]) || heading) &&
      isOrdinaryWord(w, lowercaseSeen) &&
      !isAcronym(w) &&
      // a credit's given name ("Image: Mark Lincoln")
      !(idx.length >= 2 && isGivenName(w) && creditAt(toks, idx[0])) &&
      !(LEGISLATURES.has(l) && idx.length === 1 && !heading && !!midCaps?.has(w)) &&
      // "Democratic party leaders said": the adjective is the party's name
      !(idx.length === 2 && toks[idx[1]].text === 'party') &&
      !(!heading && idx.length >= 2 && isGivenName(w) && surnameLike(toks[idx[1]].text, lowercaseSeen)) &&
      // a surname's particle ("Van der Walt said", "Van Wymersch said")
      !(!heading && idx.length >= 2 && CONNECTORS.has(l) && l !== 'of' && l !== 'and' && w !== l) &&
      // a name that begins with an ordinary word ("New Zealand", "United Nations officials", "Human Rights Watch")
      !namedFromStart(text, toks, idx) &&
      // a company's, whose legal form closes it ("Harvest Kitchens Ltd")
      !(idx.length >= 2 && isLegalForm(toks[idx[idx.length - 1]].w.lower))
    ) {
      idx.shift();
      continue;
    }
    if ((CONNECTORS.has(l) && (l === w || idx.length === 1)) || l === 'and') {
      idx.shift();
      continue;
    }
    break;
  }
  // a title inside the run ("US General Michael T. Flynn"): keep the name after it
  for (let k = idx.length - 2; k >= 1; k--) {
    const l = toks[idx[k]].w.lower.replace(/\.$/, '');
    const lastL = toks[idx[idx.length - 1]].w.lower;
    if (
      TITLES.has(l) &&
      !ORG_HEADS.has(lastL) &&
      !PLACE_HEADS.has(lastL) &&
      !orgName &&
      isCapWord(toks[idx[k + 1]].text) &&
      // "… King Jr.": a surname that is also a title, before a generational suffix
      !NAME_SUFFIXES.has(toks[idx[k + 1]].text)
    ) {
      title = toks[idx[k]].text;
      // what stood before the title is a name of its own when it is one: "US President …", "Melbourne Lord Mayor …"
      let p = k;
      while (p > 0 && TITLES.has(toks[idx[p - 1]].w.lower.replace(/\.$/, ''))) p--;
      // (not a portfolio's one ordinary word: "Transport Minister …", "Interior Minister …")
      const portfolio = p === 1 && /^(?:minister|secretary)$/.test(l) && isOrdinaryPortfolio(toks, idx.slice(0, 1));
      if (p > 0 && !portfolio) processRun(text, toks, idx.slice(0, p), si, heading, initial, out, lowercaseSeen);
      idx = idx.slice(k + 1);
      break;
    }
  }
  // trailing titles: "United States Senator", "Melbourne's Mayor"
  let trailing = '';
  while (idx.length > 1 && TRAILING_TITLES.has(toks[idx[idx.length - 1]].w.lower.replace(/['\u2019]s$/, ''))) {
    trailing = toks[idx[idx.length - 1]].w.lower.replace(/['\u2019]s$/, '');
    idx.pop();
  }
  // (a portfolio's one ordinary word before its title is no name: "the Energy Minister's figure")
  if (/^(?:minister|secretary)$/.test(trailing) && isOrdinaryPortfolio(toks, idx)) return;
  // "Harbour Air Flight 302": a flight's number after the airline's name
  const flightOf =
    idx.length > 1 && toks[idx[idx.length - 1]].w.lower === 'flight' && /^\p{N}/u.test(toks[idx[idx.length - 1] + 1]?.text ?? '');
  if (flightOf) idx.pop();
  // trailing connectors / months
  while (
    idx.length &&
    (CONNECTORS.has(lower(toks[idx[idx.length - 1]])) ||
      (MONTHS.has(lower(toks[idx[idx.length - 1]])) && !monthSurname(toks, idx)) ||
      DAYS.has(lower(toks[idx[idx.length - 1]])))
  )
    idx.pop();
  if (!idx.length) return;
  const first = toks[idx[0]];
  const last = toks[idx[idx.length - 1]];
  // a currency: "US$300", "HK$2 million"
  if (toks[idx[idx.length - 1] + 1]?.text === '$' && toks[idx[idx.length - 1] + 1].start === last.end) return;
  // "Conyers Jr.": the suffix's period belongs to the name
  const suffixDot = NAME_SUFFIXES.has(last.text) && idx.length > 1 && text.charCodeAt(last.end) === 46;
  let surface = text.slice(first.start, last.end + (suffixDot ? 1 : 0));
  let end = last.end + (suffixDot ? 1 : 0);
  const suffixComma = suffixDot && toks[idx[idx.length - 2]].text === ',';
  const poss = /['\u2019]s?$/.exec(surface);
  if (poss && surface.length > 3) {
    surface = surface.slice(0, poss.index);
    end = first.start + surface.length;
  }
  const words = surface.split(/\s+/);
  // "Latin American", "Indigenous Australians", "Hong Kongers": people described by origin, not a name
  {
    const lw = words[words.length - 1];
    if (
      words.length >= 2 &&
      (isDemonym(lw) || (lw.endsWith('s') && isDemonym(lw.slice(0, -1)))) &&
      !ORG_HEADS.has(lw.toLowerCase()) &&
      !orgName
    )
      return;
  }
  if (isDemonym(surface) || (words.length === 2 && isDemonym(words[0]) && isDemonym(surface.replace(/\s+/, ' ')))) return;
  if (words.length === 1) {
    const w = words[0];
    // a lone ordinary word in the middle of a sentence ("Western", "Internet") is not a name, unless a gazetteer knows it
    const initialWord = initial.has(idx[0]) || heading;
    const prevTok = toks[idx[0] - 1];
    const lw = w.toLowerCase();
    if (
      // "the House", "the Ministry"; "members of Congress", "Parliament voted" (a legislature needs no article);
      // "the journal Nature", "the airline Qantas": a class noun in apposition before the name
      (!initialWord && ORG_HEADS.has(lw) && /^(?:the|The)$/.test(prevTok?.text ?? '') && !/^\p{Lu}+$/u.test(w)) ||
      (LEGISLATURES.has(lw) && !heading && (!initialWord || !!midCaps?.has(w))) ||
      (!initialWord && ORG_CLASS.has(prevTok?.text ?? '') && !isKnownPlace(w) && !isFirstName(w))
    ) {
      out.push({
        span: { start: first.start, end },
        text: surface,
        key: normKey(surface),
        words,
        votes: { person: 0, organization: 3, place: 0, event: 0 },
        kind: 'name',
        heading,
        sentence: si,
      });
      return;
    }
    if (
      !initialWord &&
      isWord(w.toLowerCase()) &&
      lowercaseSeen &&
      !lowercaseSeen.has(w.toLowerCase()) &&
      midCaps?.has(w) &&
      !TITLES.has(w.toLowerCase()) &&
      !CAPITALISED_COMMON.has(w.toLowerCase())
    ) {
      // a proper noun that is also an English word ("Twitter", "Apple"): the document never writes it in lower case
    } else if (
      isOrdinaryWord(w, lowercaseSeen) &&
      !isAcronym(w) &&
      !equivalenceType.has(normKey(w)) &&
      // "President Trump": a word after a title that the document never writes in lower case is a surname
      !(title && lowercaseSeen && !lowercaseSeen.has(lw) && !TITLES.has(lw) && !CAPITALISED_COMMON.has(lw) && !isStopword(w))
    )
      return;
    if (isAcronym(w) && w.replace(/\./g, '').length === 2 && !equivalenceType.has(normKey(w)) && !countryOf(w)) return;
    if (COMMON_ACRONYMS.has(w.toUpperCase().replace(/\./g, '')) || (/^\p{Lu}{4,}$/u.test(w) && isWord(w.toLowerCase()))) return;
    // a plural common noun ("Representatives", "Democrats"), unless the document uses it as a surname ("Bernie Sanders")
    if (/s$/.test(w) && isWord(w.toLowerCase()) && !equivalenceType.has(normKey(w)) && !surnames?.has(w)) return;
    if (w.length < 2) return;
    if (/^\p{N}/u.test(w)) return;
    if (isAdjectival(w) && !isKnownPlace(w) && !equivalenceType.has(normKey(w))) return;
    // proper adjectives and group nouns: "Magellanic penguins", "European leaders", "Europeans"
    const nextTok = toks[idx[0] + 1];
    if (
      /(?:ian|ians|ican|icans|ean|eans|ic|ese|ish|ist|ists|ite|ites|ional|ary)$/.test(w) &&
      !isKnownPlace(w) &&
      !isFirstName(w) &&
      (/s$/.test(w) || (nextTok && /^\p{Ll}/u.test(nextTok.text) && !isStopwordLike(nextTok.text)))
    )
      return;
  }
  // a ship, named with its prefix or without it: none of the model's types
  if ((words.length >= 2 && VESSEL_PREFIXES.has(words[0])) || vesselNames?.has(surface)) return;
  const key = normKey(suffixComma ? surface.replace(',', '') : surface);
  if (!key || /^\d+$/.test(key)) return;
  if (/\p{N}/u.test(surface) && /[-\p{Lu}]\p{N}|\p{N}[-\p{Lu}]/u.test(surface)) return; // COVID-19, H1N1, LB-1
  const votes = emptyVotes();
  // "Agence France-Presse": the head word may close a hyphenated last word
  // ("Adjara Cableways", "Kestrel Steelworks": a word of business made of two, read as its head)
  const lastWord = compoundHead(words[words.length - 1].toLowerCase().replace(/^.*-(?=\p{L}{3,}$)/u, ''));
  const firstWord = words[0].toLowerCase();
  const acronym = words.length === 1 && isAcronym(words[0]);
  const eq = equivalenceType.get(key);
  if (eq) votes[eq] += 6;
  if (countryOf(surface) || isKnownPlace(surface)) votes.place += 4;
  if (ORG_HEADS.has(lastWord) || (words.length >= 2 && isLegalForm(lastWord))) votes.organization += 3;
  // ("Frente Cívico de Arequipa", "Sindicato dos Metalúrgicos": the head word first)
  else if (words.length >= 2 && ORG_FIRST_WORDS.has(firstWord) && !PLACE_HEADS.has(lastWord)) votes.organization += 3;
  // ("Belgian Cyber Response Centre", "National Hurricane Center": a body named for what it does, not a building)
  const bodyCentre =
    (lastWord === 'centre' || lastWord === 'center') && words.length >= 3 && CENTRE_WORK.has(words[words.length - 2].toLowerCase());
  if (bodyCentre) votes.organization += 3;
  else if (PLACE_HEADS.has(lastWord) || (PLACE_PREFIXES.has(firstWord) && words.length > 1)) votes.place += 3;
  if (acronym && !countryOf(surface)) votes.organization += 2;
  if (flightOf) votes.organization += 4;
  if (suffixDot) votes.person += 3;
  if (words.length >= 2 && COMPASS.has(firstWord) && (isKnownPlace(words.slice(1).join(' ')) || PLACE_HEADS.has(lastWord)))
    votes.place += 3;
  // "City of Melbourne", "University of Ottawa", "Freedom Party of California": a head word before "of"
  // "Centre for Health Security", "Council on Foreign Relations": a purpose after the head word makes a body
  for (let w = 0; w + 2 < words.length; w++) {
    const conn = words[w + 1];
    if (conn !== 'of' && conn !== 'for' && conn !== 'on') continue;
    const head = singularHead(words[w].toLowerCase());
    if (PLACE_HEADS.has(head) && w === 0 && conn === 'of') votes.place += 3;
    else if (ORG_HEADS.has(head)) votes.organization += 3;
    else if (conn !== 'of' && (PLACE_HEADS.has(head) || isWord(head))) votes.organization += 3;
    break;
  }
  if (words.includes('&')) votes.organization += 2; // "Marks & Spencer"

  const allDictionary = words.every((w) => isWord(w.toLowerCase()) && !isFirstName(w));
  const connected = words.some((w) => w === 'of' || w === 'for' || w === 'on' || w === 'and' || w === '&');
  if (
    words.length >= 2 &&
    (isFirstName(words[0]) || (words.length <= 3 && isGivenName(words[0]) && surnameLike(words[words.length - 1], lowercaseSeen))) &&
    // a place's name that is also a given name ("Florida", "London") starts a person's name only before a surname
    (!isKnownPlace(words[0]) || surnameLike(words[words.length - 1], lowercaseSeen)) &&
    !ORG_HEADS.has(lastWord) &&
    !PLACE_HEADS.has(lastWord) &&
    // ("Calle Mercaderes": a street, though "Calle" is a given name)
    !PLACE_PREFIXES.has(firstWord) &&
    !ORG_FIRST_WORDS.has(firstWord) &&
    !connected
  )
    votes.person += 3;
  if (words.length === 1 && isFirstName(words[0])) votes.person += 1;
  // "John R. Bolton": a given name, a middle initial and a surname
  if (words.length === 3 && /^\p{Lu}\.$/u.test(words[1]) && isGivenName(words[0]) && /^\p{Lu}\p{Ll}/u.test(words[2])) votes.person += 3;
  // "Utah Jazz", "Sacramento Kings", "Boston Globe": a place's name and ordinary words after it name a body there
  if (words.length >= 2 && words.length <= 4 && !connected && !isKnownPlace(surface)) {
    let p = words.length - 1;
    while (p >= 1 && !isKnownPlace(words.slice(0, p).join(' '))) p--;
    if (
      p >= 1 &&
      !PLACE_HEADS.has(lastWord) &&
      words
        .slice(p)
        .every(
          (w) =>
            /^\p{Lu}\p{Ll}+$/u.test(w) &&
            isWord(w.toLowerCase()) &&
            !isGivenName(w) &&
            !isStopword(w) &&
            !COMPASS.has(w.toLowerCase()) &&
            !NOT_BODIES.has(w.toLowerCase()),
        )
    )
      votes.organization += 1;
  }
  if (title) votes.person += words.length === 1 && isKnownPlace(surface) ? 5 : 3; // "Queen Elizabeth", not the city
  // a storm named with its class ("Hurricane Marisol", "Typhoon Orla"), a war ("the Korean War"), a race or contest
  // ("the Harbour Marathon"): events, not the person, body or place whose name they carry
  if (words.length >= 2 && (STORMS.has(firstWord) || EVENT_LAST.has(lastWord))) votes.event += 8;
  // a storm's name alone ("Humberto" after "Hurricane Humberto")
  if (words.length === 1 && stormNames?.has(surface)) votes.event += 8;
  const pluralCommon = /s$/.test(lastWord) && isWord(lastWord);
  if (pluralCommon && words.length >= 2) votes.organization += 0.5;
  const weak =
    allDictionary &&
    words.length >= 2 &&
    !ORG_HEADS.has(lastWord) &&
    !PLACE_HEADS.has(lastWord) &&
    !PLACE_PREFIXES.has(firstWord) &&
    !isKnownPlace(surface) &&
    !equivalenceType.has(key);
  if (
    !pluralCommon &&
    !allDictionary &&
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^(?:\p{Lu}[\p{Ll}'\u2019-]+|al-\p{Lu}\p{Ll}+|el-\p{Lu}\p{Ll}+|[a-z]{1,3})$/u.test(w)) &&
    // a person's name seldom opens with a common word ("International Student Olympiad")
    (isGivenName(words[0]) || !isWord(firstWord)) &&
    // nor ends with one ("Harbour Arts Convention", "Quellmoor Biology"): a surname is seldom a word of the text
    (surnameLike(words[words.length - 1], lowercaseSeen) || CONNECTORS.has(words[words.length - 2].toLowerCase()))
  )
    votes.person += 0.5;
  // context before
  const before1 = toks[idx[0] - 1];
  const before2 = toks[idx[0] - 2];
  const b1 = lower(before1);
  const b2 = lower(before2);
  // "published in The Lancet", "writing in Harbour Weekly": a publication, not a place
  if (b1 === 'in' && publishedBefore(toks, idx[0] - 2)) votes.organization += 2;
  else if (PLACE_PREPS.has(b1)) votes.place += 1;
  // "director of Amnesty", "a spokeswoman for Kessler", "professor at Veldhaven University", "shares of Kessler"
  // ("director general of Adjara Cableways", "secretary general of …": the title's second word)
  if (
    (b1 === 'of' || b1 === 'for' || b1 === 'at' || b1 === 'in') &&
    (ORG_ROLES.has(b2) || (b2 === 'general' && /^(?:director|secretary)$/.test(lower(toks[idx[0] - 3]))))
  )
    votes.organization += 2;
  if (b1 === 'the' && PLACE_PREPS.has(lower(before2))) votes.place += 0.5;
  if (
    b1 === 'of' &&
    before2 &&
    /^(town|city|village|region|province|state|capital|suburb|island|district|country|municipality|county|port|harbour|harbor|outskirts|streets|residents|inhabitants|citizens|mayor)$/.test(
      lower(before2),
    )
  )
    votes.place += 4;
  if (b1 === 'mr' || b1 === 'mrs' || b1 === 'ms' || b1 === 'dr') votes.person += 3;
  // "the Mexican company Cultura Colectiva", "the broadcaster Al Arabiya"
  if (before1 && ORG_CLASS.has(before1.text) && !title) votes.organization += 4;
  // "philanthropist Don Leeds", "actor Tom Hanks"
  else if (before1 && PERSON_CLASS.has(before1.text) && !ORG_HEADS.has(lastWord) && !PLACE_HEADS.has(lastWord)) votes.person += 3;
  if (b1 === 'by' && words.length >= 2) votes.person += 0.5;
  // "Image: Anna Kowal", "Photo: Kowal": a caption's credit names whoever made the picture (an agency's name carries
  // its own evidence: an acronym, a head word, a function word)
  if (creditAt(toks, idx[0]) && !acronym && !connected && !ORG_HEADS.has(lastWord) && !PLACE_HEADS.has(lastWord)) votes.person += 2;
  // the words before the name, past an article: "told (the) X", "according to (the) X"
  const q1 = b1 === 'the' ? b2 : b1;
  const q2 = b1 === 'the' ? lower(toks[idx[0] - 3]) : b2;
  // an outlet or body that is spoken to or quoted: "told Harbour Radio", "according to Kessler", "in an interview
  // with the Valley Courier" (a person spoken to is named with a given name, which outweighs this)
  // (not a possessive: "according to Kessler's chief")
  const apos = toks[idx[idx.length - 1] + 1];
  const possessive = /['\u2019]s?$/.test(last.text) || (!!apos && apos.start === last.end && /^['\u2019]$/.test(apos.text));
  if (possessive) {
    // the possession is what is quoted
  } else if (q1 === 'told' || ((q1 === 'by' || q1 === 'in') && QUOTING.has(q2))) votes.organization += 2;
  else if (
    (q1 === 'to' && (q2 === 'according' || q2 === 'remarks' || q2 === 'spoke' || q2 === 'speaking')) ||
    (q1 === 'with' && q2 === 'interview')
  )
    votes.organization += 1;
  // "the storm hit Veldhaven", "heading toward the Marsdorp islands"
  if (MOVING_TO.has(q1)) votes.place += 1;
  // context after
  const ai = idx[idx.length - 1] + 1;
  const a1 = toks[ai];
  const a2 = toks[ai + 1];
  const a3 = toks[ai + 2];
  const la1 = lower(a1);
  if (PLACE_NOUNS_AFTER.has(la1) || (a2 && /^\p{Ll}/u.test(a1?.text ?? '') && PLACE_NOUNS_AFTER.has(lower(a2)))) votes.place += 3;
  if (la1 === 'based' || (a1?.text === '-' && lower(a2) === 'based')) votes.place += 2;
  // (not after a preposition: "residents of the coast road in Ain Sukhna said" — its object is no speaker)
  if (
    /^(said|says|told|added|explained|wrote|stated|argued|recalled|insisted|admitted|warned)$/.test(la1) &&
    words.length >= 2 &&
    !PLACE_PREPS.has(b1) &&
    b1 !== 'of'
  )
    votes.person += 1;
  // "Kessler, a logistics firm, …", "Harbour Inn, a hotel near …": the class noun of an apposition
  const appositive = a1?.text === ',' && (lower(a2) === 'a' || lower(a2) === 'an') ? appositionClass(toks, ai + 2) : undefined;
  if (appositive === 'organization') votes.organization += 2;
  else if (appositive === 'place') votes.place += 2;
  else if (a1?.text === ',' && a2 && /^(a|an|who|whose|aged)$/.test(lower(a2)) && words.length >= 2) votes.person += 1;
  if (a1?.text === ',' && a2 && /^\d{1,2}$/.test(a2.text) && a3?.text === ',') votes.person += 2;
  // "Kessler's chief executive", "Kessler's shares"
  if (poss && ORG_POSSESSIONS.has(la1)) votes.organization += 2;
  // "Okafor's cousin", "Okafor's funeral": kin and the events of a life belong to a person
  if (poss && PERSON_POSSESSIONS.has(la1)) votes.person += 2;
  // "Okafor was born", "Okafor died"
  if ((la1 === 'was' && lower(a2) === 'born') || la1 === 'died') votes.person += 2;
  // "Kessler reported", "Harbour Radio reports": a news outlet
  if ((la1 === 'reported' || la1 === 'reports') && !poss) votes.organization += 1;
  // "Springdale, Ohio": a place followed by its state or country (not a body's name: "University of Ottawa, Canada")
  if (a1?.text === ',' && a2 && !title && !poss && !orgName) {
    const one = a2.text;
    const two = a3 && a3.start - a2.end === 1 ? `${a2.text} ${a3.text}` : '';
    const n = two && (isRegion(two) || countryOf(two)) ? 2 : isRegion(one) || countryOf(one) ? 1 : 0;
    const next = toks[ai + 1 + n];
    if (n && (!next || !isCapWord(next.text)) && !isKnownPlace(surface)) votes.place += 3;
  }
  // "Long Name (ACR)" or "Name (Other Name)"
  let sameAs: string | undefined;
  if (a1?.text === '(') {
    let k = ai + 1;
    const inner: Tok[] = [];
    while (k < toks.length && toks[k].text !== ')' && inner.length < 8) inner.push(toks[k++]);
    if (toks[k]?.text === ')' && inner.length && inner.every((t) => t.w.cap || CONNECTORS.has(t.w.lower) || t.text === 'and')) {
      const innerText = text.slice(inner[0].start, inner[inner.length - 1].end);
      const innerKey = normKey(innerText);
      if (
        initialsFit(innerText, words) ||
        initialsFit(surface, innerText.split(/\s+/)) ||
        (equivalenceType.has(innerKey) && equivalenceType.has(key))
      )
        sameAs = innerKey;
      else if (
        !isKnownPlace(innerText) &&
        !isKnownPlace(surface) &&
        inner.length <= 3 &&
        words.length <= 3 &&
        (isAcronym(innerText) || isAcronym(surface))
      )
        sameAs = innerKey;
      else if (
        !isKnownPlace(innerText) &&
        !isKnownPlace(surface) &&
        inner.length >= 1 &&
        (votes.organization > 0 || equivalenceType.has(innerKey))
      )
        sameAs = innerKey;
    }
  }
  // "Sand River Mining, which trades locally as Sandrivier Mining Company", "… under its English name, Sand River Mining"
  if (!sameAs && !isKnownPlace(surface)) sameAs = otherNameAfter(text, toks, ai);
  out.push({
    span: { start: first.start, end },
    text: surface,
    key,
    words,
    votes,
    kind: acronym ? 'acronym' : 'name',
    weak: weak || undefined,
    inflected: (words.length === 1 && !acronym && inflectedInDoc(words[0])) || undefined,
    agent:
      (words.length === 1 &&
        !acronym &&
        (!!poss || b1 === 'via' || (b1 === 'on' && POSTED.has(b2)) || DOER_STAFF.has(la1) || doerVerbAt(toks, ai))) ||
      undefined,
    sameAs,
    title,
    heading,
    sentence: -1,
  });
  out[out.length - 1].sentence = si;
}

/** words that say the name after them is another name of the one before ("trades as", "also known as", "under its
 * English name") */
const OTHER_NAME =
  /^(?:(?:which|that|who)\s+)?(?:(?:is|was)\s+)?(?:(?:also|better|locally|widely|formerly|now|commonly|officially)\s+)?(?:known|trades|traded|trading|operates|operated|operating|called|doing\s+business)(?:\s+(?:locally|publicly|today|abroad|internationally))?\s+as$|^(?:also|formerly|now|still)\s+called$|^(?:which|that|listed|registered|trading|operating)\s(?:.*\s)?under\s+its\s+(?:\p{L}+\s+)?name$|^(?:(?:which|that|who)\s+)?(?:presents|describes|calls|styles|brands|markets|bills)\s+itself\s+(?:\p{L}+\s+){0,3}as$/u;

/**
 * The key of another name of the name ending before token `ai`, given in the same clause: "X, which trades locally as
 * Y", "X (also known as Y)", "X, listed under its English name, Y". Up to 14 words may come between (no sentence
 * break), then the other name's capitalised words.
 */
function otherNameAfter(text: string, toks: Tok[], ai: number): string | undefined {
  let from = ai;
  if (toks[from]?.text === ',' || toks[from]?.text === '(' || /^[-\u2013\u2014]$/.test(toks[from]?.text ?? '')) from++;
  for (let k = from + 1; k < toks.length && k - from <= 14; k++) {
    const t = toks[k];
    if (t.text === '.' || t.text === ';' || t.text === ')' || t.text === '"' || t.text === '\u201c') return undefined;
    if (!t.w.cap) continue;
    // the words before this capital (without a comma just before it) say that a name follows: they end in "as" or
    // "name" or "called" (read only then: this runs for every name)
    const end = toks[k - 1].text === ',' ? k - 1 : k;
    const last = toks[end - 1]?.w.lower;
    if (last !== 'as' && last !== 'name' && last !== 'called') continue;
    const words = toks
      .slice(from, end)
      .map((x) => x.w.lower)
      .join(' ');
    // (after an appositive: "X, the regional grid operator, which presents itself in English as Y")
    const clause = words.slice(words.lastIndexOf(' , ') + 1).replace(/^,?\s*/, '');
    if (!OTHER_NAME.test(words) && !(/^(?:which|that|who)\s/.test(clause) && clause !== words && OTHER_NAME.test(clause))) continue;
    let e = k;
    while (
      e + 1 < toks.length &&
      e - k < 7 &&
      (toks[e + 1].w.cap || (CONNECTORS.has(toks[e + 1].w.lower) && e + 2 < toks.length && toks[e + 2].w.cap))
    )
      e++;
    const other = text.slice(toks[k].start, toks[e].end).replace(/['\u2019]s?$/, '');
    return isKnownPlace(other) ? undefined : normKey(other);
  }
  return undefined;
}

/** Verbs whose subject speaks, decides or intends: a person's or a body's, not a concept's, a thing's or a place's. */
const DOER_VERBS = new Set(
  'said says told announced announces claimed claims stated confirmed confirms denied denies reported reports added warned wrote tweeted posted responded replied wants wanted plans planned agreed agrees refused refuses decided launched banned suspended removed accused acquired hired fired sued declined insisted argued promised threatened demanded urged vowed apologised apologized needs seeks hopes intends aims expects believes'.split(
    ' ',
  ),
);
/** Adverbs between a subject and its verb ("Kessler also announced"). */
const VERB_ADVERBS = new Set(['also', 'further', 'then', 'later', 'reportedly', 'previously', 'recently', 'since', 'subsequently']);
/**
 * At token k (past an adverb): a verb of a doer ("announced"), a verb in the past tense ("Kessler ordered"), or
 * "has"/"have"/"had" before a past participle ("have claimed").
 */
function doerVerbAt(toks: Tok[], k: number): boolean {
  let t = toks[k];
  if (t && VERB_ADVERBS.has(t.text)) t = toks[++k];
  if (!t) return false;
  if (DOER_VERBS.has(t.text) || (t.text.length >= 5 && t.text.endsWith('ed') && isPlainLower(t.text))) return true;
  const n = toks[k + 1];
  return (t.text === 'has' || t.text === 'have' || t.text === 'had') && !!n && /^\p{Ll}+(?:ed|en)$/u.test(n.text);
}
/** Words of posting before "on" ("wrote on Kessler", "followers on Kessler"): a platform, a body. */
const POSTED = new Set(
  'posted wrote said announced shared published uploaded streamed tweeted commented post posts page followers account live'.split(' '),
);
/** A body's people after its name ("a Kessler spokesperson", "Kessler employees"). */
const DOER_STAFF = new Set(
  'spokesperson spokesman spokeswoman ceo chairman chairwoman executive executives employees staff officials shareholders headquarters subsidiary'.split(
    ' ',
  ),
);

/** Words that introduce a caption's credit ("Image: …", "Photo: …"). */
const CREDITS = new Set(['image', 'images', 'photo', 'photos', 'photograph', 'photographs', 'picture', 'pictures', 'credit']);
/** Token k opens a caption's credit: it follows "Image:", "Photo:" or the like. */
function creditAt(toks: Tok[], k: number): boolean {
  return k >= 2 && toks[k - 1].text === ':' && CREDITS.has(toks[k - 2].w.lower);
}

/** Lower-case nouns for a kind of organisation, before its name or in an apposition after it. */
const ORG_CLASS = new Set(
  'company firm agency newspaper broadcaster airline carrier charity organisation organization party website startup bank channel outlet magazine journal publication tabloid retailer manufacturer maker insurer lender conglomerate subsidiary group militia publisher automaker carmaker chain nonprofit non-profit supplier tannery utility cooperative co-operative'.split(
    ' ',
  ),
);
/** A person's relatives ("his daughter …", "Okafor's cousin"). */
const KIN = 'father mother son daughter wife husband brother sister cousin uncle aunt nephew niece grandson granddaughter widow'.split(' ');
/**
 * Lower-case nouns for what a person does, or who a person is to someone, right before a name ("philanthropist Don
 * Leeds", "the actor Tom Hanks", "his daughters Marta, …"): a person's name, whatever its words are otherwise (a given
 * name that is also a word, a surname that is also a town). Words that also name a place's or body's role ("host
 * nation", "director general", "partner") are left out.
 */
const PERSON_CLASS = new Set([
  ...'actor actress singer songwriter rapper musician guitarist drummer pianist composer comedian comedienne presenter anchorman anchorwoman newsreader journalist reporter correspondent columnist commentator author writer novelist poet playwright screenwriter philanthropist businessman businesswoman entrepreneur tycoon billionaire millionaire lawyer attorney barrister solicitor prosecutor politician lawmaker legislator activist campaigner artist painter sculptor photographer filmmaker producer footballer striker midfielder defender goalkeeper quarterback pitcher batsman bowler cyclist sprinter swimmer boxer wrestler golfer athlete astronaut economist historian physicist chemist biologist mathematician astronomer archaeologist engineer inventor designer chef model supermodel priest pastor preacher imam rabbi nun monk detective whistleblower hacker blogger youtuber influencer'.split(
    ' ',
  ),
  ...KIN,
  ...'sons daughters brothers sisters widower fiancee fiancée girlfriend boyfriend'.split(' '),
]);
/** Last words that make a name an event: "the Korean War", "the Harbour Marathon", "the Regional Olympiad". */
const EVENT_LAST = new Set(['war', 'wars', 'marathon', 'olympiad']);
/** The class words that open a storm's name. */
const STORMS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'tropical']);
/** Last words of names of documents, programmes and diseases, not bodies ("Paris Agreement", "Ebola Virus"). */
const NOT_BODIES = new Set(
  'constitution act agreement treaty convention declaration accord accords protocol charter law bill plan programme program project initiative strategy doctrine deal syndrome disease virus flu fever recovery mission award prize'.split(
    ' ',
  ),
);
/** A month's name after a given name is a surname ("Theresa May said"), not a date ("Anna, May 3"). */
function monthSurname(toks: Tok[], idx: number[]): boolean {
  const k = idx[idx.length - 1];
  return idx.length >= 2 && isGivenName(toks[k - 1].text) && idx[idx.length - 2] === k - 1 && !/^\d/.test(toks[k + 1]?.text ?? '');
}
/** Legislatures named by one capitalised word, with or without an article ("in Congress", "Parliament voted"). */
const LEGISLATURES = new Set(['congress', 'parliament', 'senate']);
/** Lower-case nouns for a kind of place, in an apposition ("…, a hostel near the airport"). */
const PLACE_CLASS = new Set([...PLACE_NOUNS_AFTER, 'hostel', 'town', 'village', 'city', 'suburb', 'island', 'resort']);

/** The class noun of an apposition starting at token k ("a cybersecurity firm"): up to four lower-case words. */
function appositionClass(toks: Tok[], k: number): 'organization' | 'place' | undefined {
  for (let n = 0; n < 4 && k + n < toks.length; n++) {
    const t = toks[k + n];
    const c = t.text.charCodeAt(0);
    if (c < 97 || c > 122) return undefined;
    if (ORG_CLASS.has(t.text)) return 'organization';
    if (PLACE_CLASS.has(t.text)) return 'place';
  }
  return undefined;
}

/** A verb or noun of publishing a few words before "in": "published on Thursday in Harbour Science". */
function publishedBefore(toks: Tok[], k: number): boolean {
  for (let n = 0; n < 4 && k - n >= 0; n++) {
    const t = toks[k - n].text;
    if (PUBLISHING.has(t.toLowerCase())) return true;
    if (!/^[\p{L}\p{N}]/u.test(t)) return false;
  }
  return false;
}
const PUBLISHING = new Set(
  'published publishes publish appeared appearing reported wrote writing writes article column op-ed editorial paper'.split(' '),
);
const ORG_ROLES = new Set(
  'spokesman spokeswoman spokesperson spokespeople director directors head chief member members officials official employees employee staff ceo chairman chairwoman chair founder co-founder researchers researcher scientists scientist professor lecturer analyst analysts shares stake executives executive board manager owner owners operator'.split(
    ' ',
  ),
);
/** the ends of words of business made of two ("Cableways", "Steelworks", "Sunfoods") */
const COMPOUND_HEADS = ['ways', 'works', 'lines', 'foods', 'motors', 'systems', 'labs', 'logistics', 'media'];

/** A last word made of an ordinary word and a business's end ("cableways"), not itself a word, as an organisation's
 * head ("group"); else the word. */
function compoundHead(w: string): string {
  if (ORG_HEADS.has(w) || w.length < 7) return w;
  for (const end of COMPOUND_HEADS)
    if (w.endsWith(end) && w.length - end.length >= 3 && isWord(w.slice(0, -end.length)) && !isWord(w)) return 'group';
  return w;
}

/** Verbs of quoting a source, before "by"/"in": "as quoted by …", "reported by …", "writing in …". */
const QUOTING = new Set(['quoted', 'reported', 'published', 'cited', 'writing', 'wrote']);
/** Words of motion toward a place: "the storm hit …", "heading toward …". */
const MOVING_TO = new Set(['hit', 'struck', 'toward', 'towards', 'across']);
/** Kin and life events after a possessive: a person's. */
const PERSON_POSSESSIONS = new Set([...KIN, ...'children family death funeral burial birth reign life career'.split(' ')]);
const ORG_POSSESSIONS = new Set(
  'spokesman spokeswoman spokesperson ceo chairman chairwoman shares headquarters board website employees staff subsidiary founder executives stock profits revenue'.split(
    ' ',
  ),
);
const TRAILING_TITLES = new Set(
  'senator mayor president minister governor chancellor premier attorney spokesman spokeswoman spokesperson secretary ambassador prosecutor judge sheriff commissioner director chairman chairwoman ceo representative congressman congresswoman councillor councilman'.split(
    ' ',
  ),
);
const CAPITALISED_COMMON = new Set(
  'state government internet web president court church army navy police parliament congress senate city university ministry minister god mass council earth sun moon solar constitution'.split(
    ' ',
  ),
);
function isStopwordLike(w: string): boolean {
  return /^(?:and|or|of|the|a|an|in|on|at|to|for|with|by|from|is|are|was|were|has|have|had|said|says|who|which|that)$/i.test(w);
}

/** Proper adjectives and group nouns ("Islamist", "Jewish", "Syrian", "Muslim"): not names on their own. */
function isAdjectival(w: string): boolean {
  // "South African", "North Korean": a people's adjective after a point of the compass
  const sp = w.lastIndexOf(' ');
  if (sp > 0)
    return (
      isDemonym(w) ||
      (w
        .slice(0, sp)
        .split(' ')
        .every((x) => COMPASS.has(x.toLowerCase())) &&
        isAdjectival(w.slice(sp + 1)))
    );
  return (
    isDemonym(w) ||
    (/(?:ist|ists|ish|ese|ian|ians|ic|an|ans|i|is)$/.test(w) &&
      !isFirstName(w) &&
      /^\p{Lu}\p{Ll}+$/u.test(w) &&
      (isWord(w.replace(/(ist|ists|ish|ic)$/, '')) || /(?:ian|ians|ese|ish|ist|ists)$/.test(w)))
  );
}

/** Does the acronym fit the initials of the words (in order, starting with the first)? */
function initialsFit(acr: string, words: string[]): boolean {
  const a = acr.replace(/\./g, '');
  if (!/^\p{Lu}{2,8}$/u.test(a) || words.length < 2) return false;
  const initials = words.map((w) => w[0].toUpperCase());
  if (initials[0] !== a[0]) return false;
  let k = 0;
  for (const ch of initials) if (k < a.length && ch === a[k]) k++;
  return k === a.length && a[a.length - 1] === initials[initials.length - 1];
}

const DATE_RE = /^(?:\d{1,2}|(?:19|20)\d{2})$/;

function extractEvents(text: string, toks: Tok[], si: number, heading: boolean, out: RawMention[]): void {
  for (let i = 0; i < toks.length; i++) {
    const cls = toks[i].w.eventClass;
    if (!cls) continue;
    if (!heading && /^\p{Lu}/u.test(toks[i].text) && i > 0 && !toks[i - 1].w.cap) continue;
    // (the noun inside a body's or a place's name: "the Guadalcanal Fire Brigade", "Flood Control Board", "Fire Station")
    const next = toks[i + 1];
    const nextHead = next?.w.lower.replace(/['\u2019]s?$/, '');
    if (toks[i].w.cap && next?.w.cap && nextHead && (ORG_HEADS.has(nextHead) || PLACE_HEADS.has(nextHead))) continue;
    // left: modifiers (and up to two lower-case nouns: "the Oostkade ferry collision"), then a name or a date
    let k = i - 1;
    let nouns = 0;
    while (
      k >= 0 &&
      !toks[k].w.cap &&
      (EVENT_MODIFIERS.has(lower(toks[k])) ||
        (nouns < 2 &&
          /^\p{Ll}{3,}$/u.test(toks[k].text) &&
          !isStopwordLike(toks[k].text) &&
          !/^(?:of|by|with|after|before|since|during|from|into|over|under|about|against|between|than|this|that|these|those|their|its|his|her|our|your|some|any|many|more|most|such|last|next|first|second|third|new|old)$/.test(
            toks[k].text,
          ) &&
          k - 1 >= 0 &&
          (toks[k - 1].w.cap || !isStopwordLike(toks[k - 1].text))))
    ) {
      if (!EVENT_MODIFIERS.has(lower(toks[k]))) nouns++;
      k--;
    }
    let subject: { start: number; end: number; text: string } | undefined;
    let date: string | undefined;
    let by: string | undefined;
    let startTok = i;
    // named by the day it happened ("the Tuesday blast", "Sunday's blackout"): no place, a day of the article's week
    let weekday = false;
    let byStart = -1;
    const dayAt = (j: number) => j >= 0 && toks[j].w.cap && DAYS.has(lower(toks[j]).replace(/['\u2019]s?$/, ''));
    if (dayAt(k) || (k >= 1 && /^(?:night|morning|evening|afternoon)(?:['\u2019]s)?$/.test(lower(toks[k])) && dayAt(k - 1))) {
      weekday = true;
      if (!dayAt(k)) k--;
      startTok = k;
      k--;
    }
    // "November 13 attacks", "May 24, 2014 shooting", "22 March attacks"
    const dateLeft = readDateLeft(toks, k);
    if (dateLeft) {
      date = dateLeft.key;
      startTok = dateLeft.start;
      k = dateLeft.start - 1;
    }
    // a capitalised name right before (possibly after an org doer: "Nordline ferry strikes")
    if (!weekday && k >= 0 && toks[k].w.cap && !MONTHS.has(lower(toks[k]))) {
      let s = k;
      while (
        s - 1 >= 0 &&
        (toks[s - 1].w.cap || (CONNECTORS.has(lower(toks[s - 1])) && s - 2 >= 0 && toks[s - 2].w.cap)) &&
        !MONTHS.has(lower(toks[s - 1])) &&
        !(heading && isOrdinaryWord(toks[s - 1].text))
      )
        s--;
      // (a sentence's first word: "A South African mine collapse")
      while (s < k && /^(?:a|an|the)$/.test(lower(toks[s]))) s++;
      const name = text.slice(toks[s].start, toks[k].end).replace(/['\u2019]s?$/, '');
      const nk = normKey(name);
      if (nk && !/^(the|a|an)$/.test(nk)) {
        // (a name of several words that is no known place, with a place after the noun: "the Red Sea Nitrates
        // explosion in Ain Sukhna" happened in Ain Sukhna, at the body's site)
        const placeAfter = name.includes(' ') && !isKnownPlace(name) && lower(toks[i + 1]) === 'in' && !!eventPlaceAt(text, toks, i + 2);
        const isOrg = equivalenceType.get(nk) === 'organization' || (isAcronym(name) && !countryOf(name)) || placeAfter;
        if (isOrg && !date) {
          by = nk;
          byStart = s;
          // "the November 13 Nordline strike": a date before the doer
          let kk = s - 1;
          while (kk >= 0 && EVENT_MODIFIERS.has(lower(toks[kk])) && !toks[kk].w.cap) kk--;
          const d2 = readDateLeft(toks, kk);
          if (d2) {
            date = d2.key;
            startTok = d2.start;
          }
        } else if (
          (!isOrdinaryWord(name.split(/\s+/)[0]) || isKnownPlace(name) || name.split(/\s+/).length > 1) &&
          !isAdjectival(name) &&
          !isRegion(name)
        ) {
          subject = { start: toks[s].start, end: toks[k].end, text: name };
          startTok = s;
          // "the Veldhaven and Marsdorp attacks": the other subject
          if (lower(toks[s - 1]) === 'and' && s - 2 >= 0 && toks[s - 2].w.cap) {
            const other = toks[s - 2].text;
            out.push(
              eventMention(
                text,
                toks[s - 2].start,
                toks[i].end,
                `${other} ${toks[i].text}`,
                normKey(other),
                cls,
                undefined,
                by,
                heading,
                si,
              ),
            );
          }
        }
      }
    }
    // right: "attacks in Brussels", "shooting at the Jewish Museum", "attack on X"
    let endTok = i;
    // ("the worst outage in Flanders": a comparison, not the event's name)
    if (!subject && !(i > 0 && SUPERLATIVE.test(toks[i - 1].text))) {
      let r = i + 1;
      const prep = lower(toks[r]);
      if (prep === 'in' || prep === 'at' || prep === 'on' || prep === 'of') {
        r++;
        if (lower(toks[r]) === 'the') r++;
        const dr = readDateRight(toks, r);
        if (dr && prep !== 'at') {
          date = date ?? dr.key;
          endTok = dr.end;
          r = dr.end + 1;
        }
        const named = eventPlaceAt(text, toks, r);
        if (named) {
          // "the explosion at the Red Sea Nitrates Company plant in Ain Sukhna": the place the site is in
          let where = named;
          let n = named.end + 1;
          while (n < toks.length && n <= named.end + 2 && /^\p{Ll}{3,}$/u.test(toks[n].text) && !PLACE_PREPS.has(toks[n].text)) n++;
          if (n > named.end + 1 && (lower(toks[n]) === 'in' || lower(toks[n]) === 'near') && !isKnownPlace(named.text)) {
            const inner = eventPlaceAt(text, toks, n + 1);
            if (inner) where = inner;
          }
          subject = { start: toks[where.start].start, end: toks[where.end].end, text: where.text };
          endTok = where.end;
        }
      }
    }
    // a name with neither place nor date is kept when it names the doer or the day ("the FEN outage", "the Tuesday
    // blast"): the resolver ties it to the one event of its kind its article (else the corpus) places
    // (not a contest's or a gathering's: "the TNT championship", "the PALM trial" are names, not doers)
    if (!subject && !date && !weekday && (!by || NAMED_KINDS.has(cls))) continue;
    if (subject && /^\p{N}/u.test(subject.text)) continue;
    const noun = toks[i].w.lower;
    if (!subject && !date && by) startTok = byStart;
    const canonical = subject ? `${subject.text} ${noun}` : `${text.slice(toks[startTok].start, toks[i].start).trim()} ${noun}`;
    out.push(
      eventMention(
        text,
        toks[startTok].start,
        toks[endTok].end,
        canonical,
        subject ? normKey(subject.text) : undefined,
        cls,
        date,
        by,
        heading,
        si,
      ),
    );
  }
}

/** the name of a place (or site) at token `r` after an event's preposition, with its last token */
function eventPlaceAt(text: string, toks: Tok[], r: number): { start: number; end: number; text: string } | undefined {
  if (!(r < toks.length && toks[r].w.cap && !MONTHS.has(lower(toks[r])))) return undefined;
  let e = r;
  while (
    e + 1 < toks.length &&
    (toks[e + 1].w.cap || (CONNECTORS.has(lower(toks[e + 1])) && lower(toks[e + 1]) !== 'of' && e + 2 < toks.length && toks[e + 2].w.cap))
  )
    e++;
  const name = text.slice(toks[r].start, toks[e].end).replace(/['\u2019]s?$/, '');
  const ok =
    (!isOrdinaryWord(name.split(/\s+/)[0]) || isKnownPlace(name) || name.split(/\s+/).length > 1) && !isRegion(name) && !isAdjectival(name);
  return ok ? { start: r, end: e, text: name } : undefined;
}

function eventMention(
  text: string,
  start: number,
  end: number,
  canonical: string,
  of: string | undefined,
  cls: string,
  date: string | undefined,
  by: string | undefined,
  heading: boolean,
  si: number,
): RawMention {
  return {
    span: { start, end },
    text: text.slice(start, end),
    key: `event:${of ?? ''}:${date ?? ''}:${cls}`,
    words: canonical.split(/\s+/),
    votes: { person: 0, organization: 0, place: 0, event: 5 },
    kind: 'event',
    eventClass: cls,
    eventOf: of,
    eventDate: date,
    eventBy: by,
    heading,
    sentence: si,
  };
}

const MONTH_NUM: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
function monthNum(w: string): number | undefined {
  const l = w.toLowerCase();
  if (!MONTHS.has(l)) return undefined;
  return MONTH_NUM[l.slice(0, 3)];
}

/** A month-day date ending at token k: "November 13", "13 November", "May 24, 2014", "March 22". Key "MM-DD". */
function readDateLeft(toks: Tok[], k: number): { start: number; key: string } | undefined {
  if (k < 0) return undefined;
  let j = k;
  // optional year
  if (/^(19|20)\d{2}$/.test(toks[j].text) && j >= 2) {
    j--;
    if (toks[j].text === ',') j--;
  }
  if (j >= 1 && DATE_RE.test(toks[j].text) && monthNum(toks[j - 1].text)) {
    return { start: j - 1, key: mmdd(monthNum(toks[j - 1].text)!, +toks[j].text) };
  }
  if (j >= 1 && monthNum(toks[j].text) && DATE_RE.test(toks[j - 1].text)) {
    return { start: j - 1, key: mmdd(monthNum(toks[j].text)!, +toks[j - 1].text) };
  }
  return undefined;
}
function readDateRight(toks: Tok[], r: number): { end: number; key: string } | undefined {
  const a = toks[r];
  const b = toks[r + 1];
  if (!a || !b) return undefined;
  let end: number;
  let key: string;
  if (DATE_RE.test(a.text) && monthNum(b.text)) {
    key = mmdd(monthNum(b.text)!, +a.text);
    end = r + 1;
  } else if (monthNum(a.text) && DATE_RE.test(b.text)) {
    key = mmdd(monthNum(a.text)!, +b.text);
    end = r + 1;
  } else return undefined;
  const c = toks[end + 1];
  const d = toks[end + 2];
  if (c && /^(19|20)\d{2}$/.test(c.text)) end += 1;
  else if (c?.text === ',' && d && /^(19|20)\d{2}$/.test(d.text)) end += 2;
  return { end, key };
}
function mmdd(m: number, d: number): string {
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Words seen in lower case in a text (for telling sentence-initial ordinary words from names). */
export function lowercaseWords(text: string): Set<string> {
  const out = new Set<string>();
  const re = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'\u2019-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.add(m[0]);
  return out;
}
