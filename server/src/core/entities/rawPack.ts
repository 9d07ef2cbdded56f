import { indexIn } from '../packed';
import { codeOf } from '../claimStore';
import type { RawMention, Votes } from './extract';

/**
 * A source's candidate names (`RawMention`) as one column of numbers and the source's distinct strings: the form they
 * travel in from a worker thread, are cached in, and wait in until a rebuild reads them. As objects they took ~375
 * bytes each (a span, a word list and a vote record of their own; ~490,000 of them, ~175 MB, at 10,000 articles)
 * for the whole of a first indexing; packed, ~55. A rebuild unpacks them (`unpackRaw`) for the resolver, which reads
 * every candidate of the corpus in several passes, and drops the objects when it is done.
 */
export interface PackedRaw {
  count: number;
  /**
   * `FIELDS` numbers per candidate: start, end, sentence, bits (kind code | heading << 2 | weak << 3 | inflected << 4 |
   * agent << 5 | has event fields << 6), its text, its key, title + 1, sameAs + 1, words + 1 (0: the words are its
   * text split at spaces; else a string of them joined by line breaks), then the person, organization, place and event
   * votes in halves. Then, for each candidate with event fields in order, class + 1, of + 1, date + 1, by + 1.
   * Strings are indexes into `strings`; 0 stands for none where 1 is added.
   */
  cols: Int32Array;
  /** the candidates' distinct strings, in order of first use */
  strings: string[];
}

const FIELDS = 13;
const EVENT_FIELDS = 4;
const KINDS = ['name', 'acronym', 'event'];
const SPACES = /\s+/;

export function packRaw(raw: readonly RawMention[]): PackedRaw {
  const n = raw.length;
  let events = 0;
  for (const m of raw) if (hasEventFields(m)) events++;
  const cols = new Int32Array(FIELDS * n + EVENT_FIELDS * events);
  const table = new Map<string, number>();
  const ref = (s: string | undefined): number => (s === undefined ? 0 : indexIn(table, s) + 1);
  let e = FIELDS * n;
  for (let i = 0; i < n; i++) {
    const m = raw[i];
    const at = FIELDS * i;
    const event = hasEventFields(m);
    cols[at] = m.span.start;
    cols[at + 1] = m.span.end;
    cols[at + 2] = m.sentence;
    cols[at + 3] =
      codeOf(KINDS, m.kind, 'candidate kind') |
      (+m.heading << 2) |
      (+!!m.weak << 3) |
      (+!!m.inflected << 4) |
      (+!!m.agent << 5) |
      (+event << 6);
    cols[at + 4] = indexIn(table, m.text);
    cols[at + 5] = indexIn(table, m.key);
    cols[at + 6] = ref(m.title);
    cols[at + 7] = ref(m.sameAs);
    cols[at + 8] = sameWords(m.words, m.text.split(SPACES)) ? 0 : ref(joinedWords(m.words));
    cols[at + 9] = halves(m.votes.person);
    cols[at + 10] = halves(m.votes.organization);
    cols[at + 11] = halves(m.votes.place);
    cols[at + 12] = halves(m.votes.event);
    if (event) {
      cols[e++] = ref(m.eventClass);
      cols[e++] = ref(m.eventOf);
      cols[e++] = ref(m.eventDate);
      cols[e++] = ref(m.eventBy);
    }
  }
  return { count: n, cols, strings: [...table.keys()] };
}

/**
 * What the candidates of many sources share once unpacked (`unpackRaw`): one vote record for each set of votes, one
 * word list for each text. Neither is ever changed after extraction; sharing them took a rebuild's candidates of
 * 10,000 articles from ~400 to ~230 bytes each (+109 MB of heap for ~490,000 candidates).
 */
export class RawShare {
  readonly votes = new Map<number, Votes>();
  readonly words = new Map<string, string[]>();
  readonly joined = new Map<string, string[]>();
}

/**
 * The candidates as `extractMentions` made them: fresh objects (of one shape: the fields a candidate lacks are
 * undefined), with the strings the packed form holds, and vote records and word lists shared through `share` (fresh
 * ones when none is given). Throws on a packed form that does not hold together (a corrupt cache).
 */
export function unpackRaw(p: PackedRaw, share = new RawShare()): RawMention[] {
  const { count: n, cols, strings } = p;
  const str = (i: number): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`packed candidates: string ${i} of ${strings.length}`);
    return s;
  };
  const opt = (i: number): string | undefined => (i === 0 ? undefined : str(i - 1));
  const out = new Array<RawMention>(n);
  let e = FIELDS * n;
  for (let i = 0; i < n; i++) {
    const at = FIELDS * i;
    const bits = cols[at + 3];
    const kind = KINDS[bits & 3] as RawMention['kind'] | undefined;
    if (!kind) throw new Error(`packed candidates: kind ${bits & 3} of candidate ${i}`);
    const text = str(cols[at + 4]);
    const w = cols[at + 8];
    const words = w === 0 ? shared(share.words, text, SPACES) : shared(share.joined, str(w - 1), '\n');
    const votes = votesOf(share.votes, cols[at + 9], cols[at + 10], cols[at + 11], cols[at + 12]);
    const event = (bits & 64) !== 0;
    if (event && e + EVENT_FIELDS > cols.length) throw new Error(`packed candidates: no event fields for candidate ${i}`);
    out[i] = {
      span: { start: cols[at], end: cols[at + 1] },
      text,
      key: str(cols[at + 5]),
      words,
      votes,
      kind,
      eventClass: event ? opt(cols[e]) : undefined,
      eventOf: event ? opt(cols[e + 1]) : undefined,
      eventDate: event ? opt(cols[e + 2]) : undefined,
      eventBy: event ? opt(cols[e + 3]) : undefined,
      weak: bits & 8 ? true : undefined,
      inflected: bits & 16 ? true : undefined,
      agent: bits & 32 ? true : undefined,
      sameAs: opt(cols[at + 7]),
      title: opt(cols[at + 6]),
      heading: (bits & 4) !== 0,
      sentence: cols[at + 2],
    };
    if (event) e += EVENT_FIELDS;
  }
  if (e !== cols.length) throw new Error(`packed candidates: ${cols.length - e} numbers left over`);
  return out;
}

function shared(table: Map<string, string[]>, s: string, by: string | RegExp): string[] {
  let words = table.get(s);
  if (!words) table.set(s, (words = s.split(by)));
  return words;
}

/** a vote record from its halves, one for each set of votes that fit a byte each (all of them, in practice) */
function votesOf(table: Map<number, Votes>, p: number, o: number, l: number, e: number): Votes {
  const fresh = (): Votes => ({ person: p / 2, organization: o / 2, place: l / 2, event: e / 2 });
  if ((p | o | l | e) > 255) return fresh();
  const k = p | (o << 8) | (l << 16) | (e * 0x1000000);
  let v = table.get(k);
  if (!v) table.set(k, (v = fresh()));
  return v;
}

/** how many of the candidates are events (the rest are names and acronyms) */
export function eventCount(p: PackedRaw): number {
  const event = KINDS.indexOf('event');
  let n = 0;
  for (let i = 0; i < p.count; i++) if ((p.cols[FIELDS * i + 3] & 3) === event) n++;
  return n;
}

/** The shape of packed candidates, and that their column is as long as their count and event flags say. */
export function isPackedRaw(x: unknown): x is PackedRaw {
  const p = x as PackedRaw;
  if (!p || !Number.isInteger(p.count) || p.count < 0 || !(p.cols instanceof Int32Array) || !Array.isArray(p.strings)) return false;
  const head = FIELDS * p.count;
  if (p.cols.length < head) return false;
  let events = 0;
  for (let i = 0; i < p.count; i++) if (p.cols[FIELDS * i + 3] & 64) events++;
  if (p.cols.length !== head + EVENT_FIELDS * events) return false;
  return p.strings.every((s) => typeof s === 'string');
}

function hasEventFields(m: RawMention): boolean {
  return m.eventClass !== undefined || m.eventOf !== undefined || m.eventDate !== undefined || m.eventBy !== undefined;
}

/** a vote as a whole number of halves (the extractor adds whole and half votes only) */
function halves(v: number): number {
  const h = v * 2;
  if (!Number.isInteger(h) || h < 0 || h > 0x7fffffff) throw new Error(`candidate vote ${v} is not a whole number of halves`);
  return h;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** words joined by line breaks, when they split back into the same words (they come from splits at white space) */
function joinedWords(words: readonly string[]): string {
  const s = words.join('\n');
  if (!words.length || !sameWords(s.split('\n'), words)) throw new Error(`candidate words ${JSON.stringify(words)} cannot be packed`);
  return s;
}
