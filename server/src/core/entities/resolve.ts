import type { Entity, EntityType, Span } from '../model';
import {
  CONNECTORS,
  EVENT_NOUNS,
  GENERIC_EVENT,
  KNOWN_EQUIVALENCES,
  isLegalForm,
  ORG_HEADS,
  PLACE_HEADS,
  countryOf,
  isKnownPlace,
  isRegion,
  isWord,
} from '../lexicon';

const EQUIVALENCE_TYPE = new Map<string, EntityType>();
const EQUIVALENCE_GROUP = new Map<string, string[]>();
for (const g of KNOWN_EQUIVALENCES)
  for (const n of g.names) {
    EQUIVALENCE_TYPE.set(normKey(n), g.type);
    EQUIVALENCE_GROUP.set(normKey(n), g.names);
  }
import { type RawMention, type Votes, normKey } from './extract';
import { RawShare, eventCount, unpackRaw, type PackedRaw } from './rawPack';
import { drain, inSteps } from '../packed';

/**
 * Merges the candidate names of every document into entities: acronyms and "X (Y)" definitions, a table of
 * well-known equivalences, spelling variants (one edit apart), organisation short names ("Amaq" for "Amaq
 * Agency"), and surname-only / first-name-only mentions resolved within the document first, then across the
 * corpus, and only when exactly one full name fits (otherwise the mention stays ambiguous).
 */

/** A name in a source as resolved; the same object is one of its entity's `mentions`. */
export interface ResolvedMention {
  sourceId: string;
  span: Span;
  text: string;
  entityId?: string;
  /** several entities fit a short name */
  candidates?: string[];
  /** an event's doer named in the same phrase (`RawMention.eventBy`, a name key); only a rebuild reads it, and a
   * mention loaded from a snapshot has none. (The mention keeps no reference to its candidate, so the candidates can
   * go as soon as the resolver is done with them.) */
  eventBy?: string;
}

export interface EntityTable {
  entities: Map<string, Entity>;
  /** normalised name key -> entity id */
  byKey: Map<string, string>;
  /** short name key -> candidate entity ids (ambiguous surnames) */
  ambiguous: Map<string, string[]>;
  /** "class:MM-DD" -> event id */
  eventByDate: Map<string, string>;
  /** "placeKey:class" -> event id */
  eventByPlace: Map<string, string>;
  /** each source's resolved mentions, in text order */
  mentions: MentionLists;
  /** organisation doer named with an event ("ISIS terror attacks"): event id -> org ids */
  eventDoers: Map<string, Set<string>>;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    while (p !== x) {
      const gp: string = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = p;
      p = gp;
    }
    return x;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
  has(x: string): boolean {
    return this.parent.has(x);
  }
}

export function damerau1(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  return damerauLevenshtein(a, b, 1) <= 1;
}

/** Optimal-string-alignment distance, with an early exit above `max`. */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

/**
 * Symmetric-delete buckets: every key is filed under each of its one-character deletions and then under
 * itself. Returns the buckets that received two or more entries, each as its keys in filing order, the
 * buckets in the order they were first filed into (what iterating a Map from deletion string to keys gives).
 * No string is built per deletion: entries are grouped by a 32-bit polynomial hash of their deletion, and
 * only entries that share a hash have their strings built and compared, so hash collisions cannot merge
 * buckets.
 */
function* sharedDeletionBuckets(keys: string[]): Generator<void, string[][], void> {
  const b = new DeletionBuckets(keys);
  // in slices: at 50,000 articles this took seconds, which requests during indexing would wait for
  // (slices of 65,536 entries took up to ~140 ms at 10,000 articles; the tables' allocation is a step of its own)
  yield;
  yield* inSteps(keys.length, (from, to) => b.hash(from, to), 1024);
  yield;
  b.startChains();
  yield;
  yield* inSteps(b.n, (from, to) => b.chain(from, to), 1 << 13);
  yield* inSteps(b.n, (from, to) => b.collect(from, to), 1 << 13);
  return b.buckets();
}

/** The state of `sharedDeletionBuckets` between its slices; each phase runs over a range of keys or entries. */
class DeletionBuckets {
  /** one entry per (key, deletion position, or the key itself) */
  readonly n: number;
  private readonly entKey: Int32Array;
  private readonly entPos: Int32Array;
  private readonly entHash: Int32Array;
  private readonly pre: Int32Array;
  private readonly suf: Int32Array;
  private readonly pow: Int32Array;
  private e = 0;
  private size = 1;
  private slotHead = new Int32Array(0);
  private slotTail = new Int32Array(0);
  /** entries in the slot, counted to 2 (only "one or more than one" is read) */
  private slotCount = new Uint8Array(0);
  private slotOf = new Int32Array(0);
  private next = new Int32Array(0);
  private readonly found: { first: number; keys: string[] }[] = [];

  constructor(private readonly keys: string[]) {
    let n = 0;
    let maxLen = 0;
    for (const k of keys) {
      n += k.length + 1;
      if (k.length > maxLen) maxLen = k.length;
    }
    this.n = n;
    this.entKey = new Int32Array(n);
    this.entPos = new Int32Array(n);
    this.entHash = new Int32Array(n);
    this.pre = new Int32Array(maxLen + 1); // pre[i]: hash of k[0, i)
    this.suf = new Int32Array(maxLen + 2); // suf[i]: hash of k[i, L)
    this.pow = new Int32Array(maxLen + 1); // M^i
    this.pow[0] = 1;
    for (let i = 1; i <= maxLen; i++) this.pow[i] = Math.imul(this.pow[i - 1], HASH_M);
  }

  /** files keys [from, to) as entries, in order */
  hash(from: number, to: number): void {
    const { keys, entKey, entPos, entHash, pre, suf, pow } = this;
    let e = this.e;
    for (let ki = from; ki < to; ki++) {
      const k = keys[ki];
      const L = k.length;
      pre[0] = 0;
      for (let i = 0; i < L; i++) pre[i + 1] = (Math.imul(pre[i], HASH_M) + k.charCodeAt(i)) | 0;
      suf[L] = 0;
      for (let i = L - 1; i >= 0; i--) suf[i] = (Math.imul(k.charCodeAt(i), pow[L - 1 - i]) + suf[i + 1]) | 0;
      for (let i = 0; i <= L; i++) {
        entKey[e] = ki;
        entPos[e] = i;
        entHash[e] = i < L ? (Math.imul(pre[i], pow[L - 1 - i]) + suf[i + 1]) | 0 : pre[L];
        e++;
      }
    }
    this.e = e;
  }

  /**
   * open addressing on the hash: per slot the first entry, the last, and whether there are more; entries chained in
   * order. At least 1.5 slots an entry (many entries share a hash, so fewer slots are used): at 10,000 articles, with
   * ~1.3 million entries, two slots an entry and a 32-bit count were ~50 MB of tables every rebuild, ~19 MB now.
   */
  startChains(): void {
    while (this.size < this.n * 1.5) this.size <<= 1;
    this.slotHead = new Int32Array(this.size).fill(-1);
    this.slotTail = new Int32Array(this.size);
    this.slotCount = new Uint8Array(this.size);
    this.slotOf = new Int32Array(this.n);
    this.next = new Int32Array(this.n).fill(-1);
  }

  chain(from: number, to: number): void {
    const { entHash, slotHead, slotTail, slotCount, slotOf, next } = this;
    const mask = this.size - 1;
    for (let x = from; x < to; x++) {
      const h = entHash[x];
      let slot = h & mask;
      while (slotHead[slot] >= 0 && entHash[slotHead[slot]] !== h) slot = (slot + 1) & mask;
      if (slotHead[slot] < 0) slotHead[slot] = x;
      else next[slotTail[slot]] = x;
      slotTail[slot] = x;
      if (slotCount[slot] < 2) slotCount[slot]++;
      slotOf[x] = slot;
    }
  }

  /** the buckets of the slots whose first entry is in [from, to): only entries that share a hash build strings */
  collect(from: number, to: number): void {
    const { keys, entKey, entPos, slotHead, slotCount, slotOf, next, found } = this;
    for (let x = from; x < to; x++) {
      const slot = slotOf[x];
      if (slotHead[slot] !== x || slotCount[slot] < 2) continue;
      const byString = new Map<string, { first: number; keys: string[] }>();
      for (let y = x; y >= 0; y = next[y]) {
        const k = keys[entKey[y]];
        const i = entPos[y];
        const d = i < k.length ? k.slice(0, i) + k.slice(i + 1) : k;
        const b = byString.get(d);
        if (b) b.keys.push(k);
        else byString.set(d, { first: y, keys: [k] });
      }
      for (const b of byString.values()) if (b.keys.length >= 2) found.push(b);
    }
  }

  buckets(): string[][] {
    return this.found.sort((a, b) => a.first - b.first).map((b) => b.keys);
  }
}

/** the multiplier of the deletion hash (FNV's prime) */
const HASH_M = 0x01000193;

/**
 * Group roots in the order they were added: one root as itself, more as a set. Most surnames have one person per
 * document, and as `Set`s the ~136,000 per-document ones took ~20 MB of the resolver's peak at 10,000 articles.
 */
type Roots = string | Set<string>;

function withRoot(roots: Roots | undefined, r: string): Roots {
  if (roots === undefined || roots === r) return r;
  if (typeof roots === 'string') return new Set([roots, r]);
  return roots.add(r);
}

const rootCount = (roots: Roots): number => (typeof roots === 'string' ? 1 : roots.size);
const firstRoot = (roots: Roots): string => (typeof roots === 'string' ? roots : roots.values().next().value!);
const rootList = (roots: Roots): string[] => (typeof roots === 'string' ? [roots] : [...roots]);

/**
 * How a name key is written, with a weight for each writing (1 a mention, 0.1 in a heading), in the order first seen:
 * writing, weight, writing, weight... (a key has a few writings at most; a `Map` each took ~12 MB at 10,000 articles)
 */
type Surfaces = (string | number)[];

function addSurface(s: Surfaces, text: string, weight: number): void {
  for (let i = 0; i < s.length; i += 2)
    if (s[i] === text) {
      s[i + 1] = (s[i + 1] as number) + weight;
      return;
    }
  s.push(text, weight);
}

function addVotes(a: Votes, b: Votes): void {
  a.person += b.person;
  a.organization += b.organization;
  a.place += b.place;
  a.event += b.event;
}

function slug(s: string): string {
  return normKey(s)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Each source's resolved mentions by its id: a map of lists, or (`lazyMentions`) lists made when asked for. */
export type MentionLists = Pick<Map<string, ResolvedMention[]>, 'get' | 'delete'>;

/** A table whose mentions are a map of lists, made at once. */
export type EagerEntityTable = EntityTable & { mentions: Map<string, ResolvedMention[]> };

/** A document's candidate names kept elsewhere (on disk) and read when the resolver gathers them; how many of them are
 * names (not events) is known without reading them. */
export interface LaterCandidates {
  readonly names: number;
  readCandidates(): PackedRaw;
}

/** A document's candidate names, as objects, packed (`PackedRaw`: read one document at a time, never all at once) or
 * read when gathered (`LaterCandidates`). */
export type DocCandidates = { sourceId: string; mentions: RawMention[] | PackedRaw | LaterCandidates };

/** what a document's candidates read later are, checked against what was said of them beforehand */
function laterRaw(m: LaterCandidates, sourceId: string): PackedRaw {
  const raw = m.readCandidates();
  if (nameCount(raw) !== m.names) throw new Error(`the name candidates of ${sourceId} read back are not those indexed`);
  return raw;
}

function isLater(m: RawMention[] | PackedRaw | LaterCandidates): m is LaterCandidates {
  return typeof (m as LaterCandidates).readCandidates === 'function';
}

const NO_CANDIDATES: RawMention[] = [];

export function resolveEntities(docs: DocCandidates[]): EagerEntityTable {
  return drain(resolveEntitiesSteps(docs)) as EagerEntityTable;
}

/**
 * The same, as steps that a caller can interleave with other work (one `yield` every few thousand mentions).
 * `dropGathered`: see `Resolver`. `lazyMentions`: a source's resolved mentions are made when the table is asked for
 * them (each time), not all at once; its entities' own lists of mentions stay empty.
 */
export function* resolveEntitiesSteps(
  docs: DocCandidates[],
  opts: { dropGathered?: boolean; lazyMentions?: boolean } = {},
): Generator<void, EntityTable, void> {
  // each phase is a method of its own: a small function is optimised (and, after a deoptimisation, re-optimised)
  // far more cheaply than one generator holding every phase
  const r = new Resolver(docs, opts.dropGathered, opts.lazyMentions);
  yield* inSteps(docs.length, (a, b) => r.gather(a, b), 64);
  r.gathered();
  const names = r.names.count;
  // 1. keys, votes, surfaces
  yield* inSteps(names, (a, b) => r.collect(a, b));
  yield;
  // 2. definitions "Long Name (ACR)" and known equivalences
  yield* inSteps(names, (a, b) => r.definitions(a, b));
  r.equivalences();
  yield;
  // 3. organisation short names: "Amaq Agency" -> "Amaq"
  yield* inSteps(r.voteKeys.length, (a, b) => r.orgShortNames(a, b), 4096);
  r.firstWordNames();
  yield;
  // 4. spelling variants one edit apart (symmetric-delete buckets keep this near-linear)
  const spelling = r.spellingKeys();
  yield;
  const buckets = yield* sharedDeletionBuckets(spelling);
  yield* inSteps(buckets.length, (a, b) => r.spellingVariants(buckets, a, b));
  yield;
  // group votes
  yield* inSteps(r.voteKeys.length, (a, b) => r.addGroupVotes(a, b));
  yield* inSteps(r.voteKeys.length, (a, b) => r.groupTypes(a, b));
  yield* inSteps(names, (a, b) => r.countGroups(a, b));
  yield;
  // 5a. "Paul Stevens" inside "John Paul Stevens" (same document): one person
  yield* inSteps(r.docs.length, (a, b) => r.nestedPersons(a, b), 64);
  yield;
  // 5. short person names (single word), resolved per document, then corpus-wide
  yield* inSteps(names, (a, b) => r.surnames(a, b));
  yield;
  // members of each group, computed once (bestSurface per group must not scan every key)
  yield* inSteps(r.voteKeys.length, (a, b) => r.groupMembers(a, b));
  r.startMentions();
  yield;
  // keys only ever seen as title-case phrases of ordinary words
  yield* inSteps(names, (a, b) => r.weakness(a, b));
  r.dropStrongFromWeak();
  yield* inSteps(names, (a, b) => r.assign(a, b));
  yield;
  // keys -> ids (after short names were folded in)
  yield* inSteps(r.voteKeys.length, (a, b) => r.keysToIds(a, b));
  r.knownKeysToIds();
  r.bareKeysToIds();
  yield;
  // 6. events (gathered with the names)
  const events = r.eventMentions.length;
  // first pass: events with a subject (place/name); learn date links
  yield* inSteps(events, (a, b) => r.eventDates(a, b));
  yield* inSteps(events, (a, b) => r.events(a, b));
  r.eventsDone();
  yield;
  // date keys -> event ids
  r.eventNames();
  yield;
  // 7. mentions and aliases onto entities (in slices: at 50,000 articles this took 1.3 s in one step)
  if (r.lazy) {
    // (each source's mentions made, read and let go: which entities have any, and how they are written, are kept)
    const made = r.madeMentions();
    yield* inSteps(r.docs.length, (a, b) => r.noteMentions(made, a, b), 64);
  } else {
    const lists = [...r.mentions.values()];
    yield* inSteps(lists.length, (a, b) => r.sortMentions(lists, a, b), 64);
    yield* inSteps(lists.length, (a, b) => linkMentionsOf(r.entities, lists, a, b), 64);
  }
  const entities = [...r.entities.values()];
  yield* inSteps(entities.length, (a, b) => r.aliases(entities, a, b));
  return r.finish();
}

/**
 * The name candidates (not events) of every document, in document order, as columns: ~60 bytes a candidate, against
 * ~230 as objects sharing their vote records and word lists (~110 MB more at 10,000 articles, through the resolver's
 * passes). What a pass reads of candidate `i` is `key[i]`, `votes[i]` and so on.
 */
class NameColumns {
  count = 0;
  readonly key: string[];
  readonly text: string[];
  readonly votes: Votes[];
  readonly sameAs: (string | undefined)[];
  readonly title: (string | undefined)[];
  readonly doc: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** HEADING | WEAK | INFLECTED | AGENT | ACRONYM */
  readonly bits: Uint8Array;
  readonly words: Uint16Array;
  /** where each document's candidates start (and after the last, their count) */
  readonly docStart: Int32Array;

  constructor(n: number, docs: number) {
    this.key = new Array<string>(n);
    this.text = new Array<string>(n);
    this.votes = new Array<Votes>(n);
    this.sameAs = new Array<string | undefined>(n);
    this.title = new Array<string | undefined>(n);
    this.doc = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.bits = new Uint8Array(n);
    this.words = new Uint16Array(n);
    this.docStart = new Int32Array(docs + 1);
  }

  add(m: RawMention, doc: number): void {
    const i = this.count++;
    this.key[i] = m.key;
    this.text[i] = m.text;
    this.votes[i] = m.votes;
    this.sameAs[i] = m.sameAs;
    this.title[i] = m.title;
    this.doc[i] = doc;
    this.start[i] = m.span.start;
    this.end[i] = m.span.end;
    this.bits[i] =
      (m.heading ? HEADING : 0) |
      (m.weak ? WEAK : 0) |
      (m.inflected ? INFLECTED : 0) |
      (m.agent ? AGENT : 0) |
      (m.kind === 'acronym' ? ACRONYM : 0);
    this.words[i] = Math.min(m.words.length, 0xffff);
  }
}
const HEADING = 1;
const WEAK = 2;
const INFLECTED = 4;
const AGENT = 8;
const ACRONYM = 16;

/** how many of a document's candidates are names (not events) */
export function nameCount(mentions: RawMention[] | PackedRaw | LaterCandidates): number {
  if (isLater(mentions)) return mentions.names;
  if (Array.isArray(mentions)) {
    let n = 0;
    for (const m of mentions) if (m.kind !== 'event') n++;
    return n;
  }
  return mentions.count - eventCount(mentions);
}

class Resolver {
  readonly uf = new UnionFind();
  readonly votes = new Map<string, Votes>();
  readonly surfaces = new Map<string, Surfaces>();
  readonly wordCount = new Map<string, number>();
  readonly names: NameColumns;
  /** shared vote records of packed candidates (their word lists are dropped once gathered) */
  private share: RawShare | undefined = new RawShare();
  voteKeys: string[] = [];
  readonly groupVotes = new Map<string, Votes>();
  readonly fixedType = new Map<string, EntityType>();
  readonly groupCount = new Map<string, number>();
  /** per group: how many of its mentions are of a word the document inflects for number (see RawMention.inflected) */
  readonly groupInflected = new Map<string, number>();
  /** groups with a mention used as a doer (see RawMention.agent) */
  readonly groupAgent = new Set<string>();
  readonly multiPersonBySurname = new Map<string, Roots>(); // corpus-wide: word -> group roots
  readonly docPersons = new Map<string, Map<string, Roots>>();
  readonly entities = new Map<string, Entity>();
  readonly rootToId = new Map<string, string>();
  readonly members = new Map<string, string[]>();
  readonly byKey = new Map<string, string>();
  readonly ambiguous = new Map<string, string[]>();
  readonly mentions = new Map<string, ResolvedMention[]>();
  readonly weakKeys = new Set<string>();
  readonly strongKeys = new Set<string>();
  readonly singleKeys = new Set<string>();
  readonly eventByDate = new Map<string, string>();
  readonly eventByPlace = new Map<string, string>();
  readonly eventDoers = new Map<string, Set<string>>();
  readonly eventMentions: { d: DocCandidates; m: RawMention; di: number }[] = [];
  readonly eventSurfaces = new Map<string, Map<string, number>>();
  readonly eventIds = new Map<string, string>();
  /** placed events (`place|kind` keys) by kind, in each article and in the corpus, and the kinds at each place (made
   * by `eventDates`, let go by `eventsDone`) */
  private readonly placedInDoc = new Map<DocCandidates, Map<string, Set<string>>>();
  private readonly placedByClass = new Map<string, Set<string>>();
  private readonly placedKinds = new Map<string, Set<string>>();
  /** a place's first word → the place names it begins (`orgShortNames`, `firstWordNames`) */
  private readonly placeLongNames = new Map<string, string[]>();
  /** a body's first word, an ordinary word ("Kestrel"), → the names of bodies it begins ("Kestrel Home Appliances") */
  private readonly orgLongNames = new Map<string, string[]>();
  /** a body's name alone, no ordinary word ("Amaq"), → the names of it with a common noun ("Amaq Agency") */
  private readonly headedNames = new Map<string, string[]>();
  /** the first words of bodies' names of two words whose second is no common noun ("verdia" of "Verdia Hidrógeno") → those
   * names */
  private readonly namedFirst = new Map<string, string[]>();
  /** names of bodies without their legal forms that the corpus never writes, with the ids of those bodies */
  private readonly bareKeys: [string, string][] = [];
  /** a body's name alone that begins the names of several ("Verdia": "Verdia Holdings", "Verdia Hidrógeno") → those
   * names: its mentions are ambiguous */
  private readonly orgChoices = new Map<string, string[]>();

  /** lazy mentions (see `resolveEntitiesSteps`): what `assign` gave each name candidate (`kept`: any) */
  private entityOf: (string | undefined)[] = [];
  private candidatesOf: (string[] | undefined)[] = [];
  private kept = new Uint8Array(0);
  /** lazy mentions: the entities with a mention, and how their mentions write them other than as their names */
  private mentioned = new Set<string>();
  private writings = new Map<string, Set<string>>();

  /** `dropGathered`: each document's candidates are let go once in the columns (the caller's objects lose them) */
  constructor(
    readonly docs: DocCandidates[],
    private readonly dropGathered = false,
    readonly lazy = false,
  ) {
    let n = 0;
    for (const d of docs) n += nameCount(d.mentions);
    this.names = new NameColumns(n, docs.length);
  }

  /** the name candidates of documents [from, to) into the columns, in order, and their events into `eventMentions` */
  gather(from: number, to: number): void {
    const names = this.names;
    for (let di = from; di < to; di++) {
      const d = this.docs[di];
      names.docStart[di] = names.count;
      const m = d.mentions;
      const list = Array.isArray(m) ? m : unpackRaw(isLater(m) ? laterRaw(m, d.sourceId) : m, this.share);
      for (const m of list) {
        if (m.kind !== 'event') names.add(m, di);
        else this.eventMentions.push({ d, m, di });
      }
      if (this.dropGathered) d.mentions = NO_CANDIDATES;
    }
    names.docStart[to] = names.count;
  }

  gathered(): void {
    this.share = undefined;
  }

  collect(from: number, to: number): void {
    const { uf, votes, surfaces, wordCount, names } = this;
    for (let mi = from; mi < to; mi++) {
      const key = names.key[mi];
      const text = names.text[mi];
      uf.find(key);
      const v = votes.get(key) ?? { person: 0, organization: 0, place: 0, event: 0 };
      addVotes(v, names.votes[mi]);
      votes.set(key, v);
      const weight = names.bits[mi] & HEADING ? 0.1 : 1;
      const s = surfaces.get(key);
      if (s) addSurface(s, text, weight);
      else surfaces.set(key, [text, weight]);
      wordCount.set(key, names.words[mi]);
    }
  }

  definitions(from: number, to: number): void {
    const { uf, names } = this;
    for (let mi = from; mi < to; mi++) {
      const sameAs = names.sameAs[mi];
      if (sameAs && uf.has(sameAs)) uf.union(names.key[mi], sameAs);
    }
  }

  equivalences(): void {
    const uf = this.uf;
    for (const g of KNOWN_EQUIVALENCES) {
      const present = g.names.map(normKey).filter((k) => uf.has(k));
      for (let i = 1; i < present.length; i++) uf.union(present[0], present[i]);
    }
    // (votes gets no new key after this point; indexed loops over a snapshot allocate no iterator objects)
    this.voteKeys = [...this.votes.keys()];
  }

  /** keys [from, to) (all of them in one step took ~50 ms at 10,000 articles) */
  orgShortNames(from: number, to: number): void {
    const { uf, votes, voteKeys } = this;
    for (let ki = from; ki < to; ki++) {
      const key = voteKeys[ki];
      const words = key.split(' ');
      // a body's name turned round: "Ministry of the Interior" is "Interior Ministry", "Independent Syndicate of
      // Petrochemical Workers" the "Petrochemical Workers' Syndicate" (both names in the corpus)
      const of = words.indexOf('of');
      if (of >= 1 && of < words.length - 1 && ORG_HEADS.has(words[of - 1])) {
        let rest = words.slice(of + 1);
        if (rest[0] === 'the') rest = rest.slice(1);
        const head = words[of - 1];
        const turned = `${rest.join(' ')} ${head}`;
        const possessive = `${rest
          .slice(0, -1)
          .concat(`${rest[rest.length - 1]}'`)
          .join(' ')} ${head}`;
        for (const other of [turned, possessive])
          if (other !== key && votes.has(other) && typeOf(votes.get(other)!) === 'organization') uf.union(key, other);
      }
      // not a place's or a person's body ("Washington Post" is not Washington, "Nobel Foundation" not Nobel); with a
      // legal form after it too ("Amaq Holdings S.A.")
      const two = words.length === 2 ? words : words.length > 2 ? withoutLegalForm(words)?.split(' ') : undefined;
      if (
        two?.length === 2 &&
        ORG_HEADS.has(two[1]) &&
        !isWord(two[0]) &&
        votes.has(two[0]) &&
        !isKnownPlace(two[0]) &&
        !countryOf(two[0])
      ) {
        const t = typeOf(votes.get(two[0])!);
        if (t !== 'person' && t !== 'place') noteFirstWord(this.headedNames, two[0], key);
      }
      // a body of two words whose second is no common noun ("Verdia Hidrógeno"): its first word may be its short name
      // as much as "Verdia Holdings"' (`firstWordNames`)
      if (words.length === 2 && !ORG_HEADS.has(words[1]) && typeOf(votes.get(key)!) === 'organization')
        noteFirstWord(this.namedFirst, words[0], key);
      // a body's first word alone that is also an ordinary word ("Kestrel" for "Kestrel Home Appliances"): noted, joined
      // when it is the first word of no other body's name and no person or place by its own votes (`firstWordNames`)
      if (
        words.length >= 2 &&
        words.length <= 4 &&
        (words.length >= 3 || ORG_HEADS.has(words[1])) &&
        isWord(words[0]) &&
        !CONNECTORS.has(words[0]) &&
        votes.has(words[0]) &&
        !isKnownPlace(words[0]) &&
        !countryOf(words[0]) &&
        typeOf(votes.get(key)!) === 'organization'
      ) {
        noteFirstWord(this.orgLongNames, words[0], key);
      }
      if (words.length >= 2 && typeOf(votes.get(key)!) === 'organization') {
        // a body's name without its legal form or club's letters ("Highland Hide Processors" of "… Processors Ltd",
        // "Axios Thessaloniki" of "… FC"), when the text uses it and it is no person or place by its own votes
        const bare = withoutLegalForm(words);
        const bv = bare === undefined ? undefined : votes.get(bare);
        // (a legal form outweighs a name's slighter evidence of a person, "Verdia Hidrógeno" said by a press office)
        const ov = votes.get(key)!.organization;
        if (bv && bv.person < ov && bv.place < ov) {
          uf.union(key, bare!);
          const bareWords = bare!.split(' ');
          if (bareWords.length === 2 && !ORG_HEADS.has(bareWords[1])) noteFirstWord(this.namedFirst, bareWords[0], bare!);
        }
        // its first words ("Highland Hide" of "Highland Hide Processors"), written where nothing tells their type (a
        // sentence's first words): noted, joined when they begin no other body's name (`firstWordNames`); not before a
        // body's common noun, where they are what the body is named after ("U.S. Constitution" of "… Constitution Party")
        for (let n = 2; n < words.length && !ORG_HEADS.has(words[words.length - 1]); n++) {
          const short = words.slice(0, n).join(' ');
          const sv = votes.get(short);
          if (
            sv &&
            typeOf(sv) === undefined &&
            sv.event === 0 &&
            !CONNECTORS.has(words[n - 1]) &&
            !isKnownPlace(short) &&
            !countryOf(short)
          )
            noteFirstWord(this.orgLongNames, short, key);
        }
      }
      // a place's first word alone ("Cernache" for "Cernache do Bonjardim", "Doornhoek" for "Doornhoek Shaft"): noted,
      // joined when it is the first word of no other such name (`firstWordNames`)
      if (
        words.length >= 2 &&
        votes.has(words[0]) &&
        (PLACE_HEADS.has(words[words.length - 1]) || (words.length >= 3 && CONNECTORS.has(words[1]))) &&
        !isWord(words[0]) &&
        !isKnownPlace(words[0]) &&
        !countryOf(words[0]) &&
        typeOf(votes.get(key)!) === 'place'
      ) {
        noteFirstWord(this.placeLongNames, words[0], key);
      }
    }
  }

  /** joins each place's or body's first word noted by `orgShortNames` to the one such name it begins: a place's unless
   * it is a person's by its own votes, a body's unless it is a person's or a place's */
  firstWordNames(): void {
    const join = (longNames: Map<string, string[]>, not: readonly (EntityType | undefined)[]) => {
      for (const [short, longs] of longNames)
        if (longs.every((l) => this.uf.find(l) === this.uf.find(longs[0])) && !not.includes(typeOf(this.votes.get(short)!)))
          this.uf.union(longs[0], short);
      longNames.clear();
    };
    join(this.placeLongNames, ['person']);
    join(this.orgLongNames, ['person', 'place']);
    // "Amaq" is "Amaq Agency", unless it also begins another body's name ("Verdia Holdings" and "Verdia Hidrógeno")
    // (then it is either: its mentions are ambiguous)
    for (const [short, longs] of this.headedNames) {
      const named = this.namedFirst.get(short);
      if (!named) for (const l of longs) this.uf.union(l, short);
      else {
        const all = [...longs, ...named];
        if (new Set(all.map((l) => this.uf.find(l))).size > 1) this.orgChoices.set(short, all);
      }
    }
    this.headedNames.clear();
    this.namedFirst.clear();
  }

  /** the keys long enough to have spelling variants (`sharedDeletionBuckets`) */
  spellingKeys(): string[] {
    return this.voteKeys.filter((key) => key.length >= 7);
  }

  /** joins the keys one edit apart, of buckets [from, to), when they have the same type and word count */
  spellingVariants(buckets: string[][], from: number, to: number): void {
    const { uf, votes } = this;
    for (let j = from; j < to; j++) {
      const list = buckets[j];
      if (list.length < 2 || list.length > 8) continue;
      for (let i = 1; i < list.length; i++) {
        const a = list[0];
        const b = list[i];
        if (a === b || a.split(' ').length !== b.split(' ').length) continue;
        if (typeOf(votes.get(a)!) !== typeOf(votes.get(b)!)) continue;
        const t = typeOf(votes.get(a)!);
        if ((t === 'place' || t === 'person') && damerau1(a, b)) uf.union(a, b);
      }
    }
  }

  /** adds the votes of keys [from, to) to their groups' */
  addGroupVotes(from: number, to: number): void {
    const { uf, votes, voteKeys, groupVotes } = this;
    for (let ki = from; ki < to; ki++) {
      const key = voteKeys[ki];
      const r = uf.find(key);
      const gv = groupVotes.get(r) ?? { person: 0, organization: 0, place: 0, event: 0 };
      addVotes(gv, votes.get(key)!);
      groupVotes.set(r, gv);
    }
  }

  /** the types that keys [from, to) fix for their groups: a known equivalence's, or a country's */
  groupTypes(from: number, to: number): void {
    const { uf, voteKeys, fixedType } = this;
    for (let ki = from; ki < to; ki++) {
      const key = voteKeys[ki];
      const r = uf.find(key);
      const eq = EQUIVALENCE_TYPE.get(key);
      if (eq) fixedType.set(r, eq);
      else if (countryOf(key) && !fixedType.has(r)) fixedType.set(r, 'place');
    }
  }

  countGroups(from: number, to: number): void {
    const { uf, groupCount, names } = this;
    for (let mi = from; mi < to; mi++) {
      const r = uf.find(names.key[mi]);
      groupCount.set(r, (groupCount.get(r) ?? 0) + 1);
      if (names.bits[mi] & INFLECTED) this.groupInflected.set(r, (this.groupInflected.get(r) ?? 0) + 1);
      if (names.bits[mi] & AGENT) this.groupAgent.add(r);
    }
  }

  groupType(r: string): EntityType | undefined {
    const fixed = this.fixedType.get(r);
    if (fixed) return fixed;
    const v = this.groupVotes.get(r)!;
    // evidence thinly spread over many mentions ("from Twitter" once in 70) is not evidence of a place
    const n = this.groupCount.get(r) ?? 1;
    if (!r.includes(' ') && Math.max(v.person, v.organization, v.place) / n < 0.3) {
      // a word for a group's members ("Houthis", "Liberals") is no name, whatever a stray preposition says
      if ((this.groupInflected.get(r) ?? 0) * 2 >= n) return undefined;
      // a word seen often with no evidence of its type is a body's name ("Twitter", "Taliban") only when the text
      // uses it as a doer; otherwise it is as often a concept, a vessel, a scale or a place ("Brexit", "Category")
      if (n >= 4) return this.groupAgent.has(r) ? 'organization' : undefined;
    }
    const t = typeOf(v);
    if (t) return t;
    return undefined;
  }

  /** within each of documents [from, to): a person named inside another's longer name is the same person */
  nestedPersons(from: number, to: number): void {
    const { uf, groupVotes, names } = this;
    for (let di = from; di < to; di++) {
      const keys = new Set<string>();
      for (let mi = names.docStart[di]; mi < names.docStart[di + 1]; mi++)
        if (!(names.bits[mi] & ACRONYM) && names.words[mi] >= 2) keys.add(names.key[mi]);
      const persons = [...keys].filter((k) => typeOf(groupVotes.get(uf.find(k))!) === 'person');
      // the names each one ends with after a space ("john paul stevens" -> "paul stevens", "stevens")
      const bySuffix = new Map<string, string[]>();
      for (const b of persons)
        for (let p = b.indexOf(' '); p >= 0; p = b.indexOf(' ', p + 1)) {
          const tail = b.slice(p + 1);
          const l = bySuffix.get(tail);
          if (l) l.push(b);
          else bySuffix.set(tail, [b]);
        }
      for (const a of persons) {
        const longer = bySuffix.get(a) ?? [];
        if (longer.length === 1) uf.union(longer[0], a);
      }
      // "John R. Bolton" and "John Bolton"
      const personSet = new Set(persons);
      for (const a of persons) {
        const p = a.split(' ');
        if (p.length === 3 && p[1].length === 1 && personSet.has(`${p[0]} ${p[2]}`)) uf.union(`${p[0]} ${p[2]}`, a);
      }
    }
  }

  surnames(from: number, to: number): void {
    const { uf, multiPersonBySurname, docPersons, names } = this;
    for (let mi = from; mi < to; mi++) {
      if (names.words[mi] < 2) continue;
      const key = names.key[mi];
      const r = uf.find(key);
      if (this.groupType(r) !== 'person') continue;
      const d = this.docs[names.doc[mi]];
      const parts = key.split(' ');
      const cands = [parts[parts.length - 1], parts[0]];
      // "Ricardo Rosselló Nevares": with two surnames, the first of them is used alone
      if (parts.length >= 3) cands.push(parts.slice(-2).join(' '), parts[parts.length - 2]);
      for (let ci = 0; ci < cands.length; ci++) {
        const w = cands[ci];
        if (w.length < 3) continue;
        // across documents only by surname: a first word alone ("Facebook" of "Facebook Ireland Limited", "Tony")
        // names someone else as often as not
        if (ci !== 1) multiPersonBySurname.set(w, withRoot(multiPersonBySurname.get(w), r));
        const dm = docPersons.get(d.sourceId) ?? docPersons.set(d.sourceId, new Map()).get(d.sourceId)!;
        dm.set(w, withRoot(dm.get(w), r));
      }
    }
  }

  /** adds keys [from, to) to their groups' members (the keys with surfaces are the keys with votes, in the same order) */
  groupMembers(from: number, to: number): void {
    const { uf, members, voteKeys } = this;
    for (let ki = from; ki < to; ki++) {
      const key = voteKeys[ki];
      const r = uf.find(key);
      const l = members.get(r);
      if (l) l.push(key);
      else members.set(r, [key]);
    }
  }

  /** an empty list of resolved mentions for each document (with lazy mentions, of its events only) */
  startMentions(): void {
    for (const d of this.docs) this.mentions.set(d.sourceId, []);
    if (!this.lazy) return;
    const n = this.names.count;
    this.entityOf = new Array<string | undefined>(n);
    this.candidatesOf = new Array<string[] | undefined>(n);
    this.kept = new Uint8Array(n);
  }

  idFor(root: string, type: EntityType): string {
    const { rootToId, entities } = this;
    let id = rootToId.get(root);
    if (id) return id;
    const surf = bestSurface(this.members.get(root) ?? [root], this.surfaces, this.wordCount);
    id = `${type}:${slug(surf)}`;
    let n = 2;
    while (entities.has(id)) id = `${type}:${slug(surf)}-${n++}`;
    rootToId.set(root, id);
    entities.set(id, { id, name: surf, type, aliases: [], mentions: [] });
    return id;
  }

  weakness(from: number, to: number): void {
    const names = this.names;
    for (let mi = from; mi < to; mi++) (names.bits[mi] & WEAK ? this.weakKeys : this.strongKeys).add(names.key[mi]);
  }

  dropStrongFromWeak(): void {
    for (const k of this.strongKeys) this.weakKeys.delete(k);
  }

  assign(from: number, to: number): void {
    const { uf, fixedType, groupVotes, multiPersonBySurname, docPersons, weakKeys, mentions, ambiguous, names } = this;
    for (let mi = from; mi < to; mi++) {
      const d = this.docs[names.doc[mi]];
      // (the candidate's fields, under the names its object had)
      const m = {
        key: names.key[mi],
        text: names.text[mi],
        votes: names.votes[mi],
        title: names.title[mi],
        words: names.words[mi],
        acronym: (names.bits[mi] & ACRONYM) !== 0,
      };
      const r = uf.find(m.key);
      const own = this.groupType(r);
      let entityId: string | undefined;
      let candidates: string[] | undefined;
      const gv = groupVotes.get(r)!;
      const isShort =
        m.words === 1 &&
        !m.acronym &&
        !isKnownPlace(m.text) &&
        !fixedType.has(r) &&
        !ORG_HEADS.has(m.key) &&
        (multiPersonBySurname.has(m.key) || (gv.place < 3 && gv.organization < 3 && own !== 'place' && own !== 'organization'));
      // the people of this document whose surname (or first name) this one word is
      const local = m.words === 1 ? docPersons.get(d.sourceId)?.get(m.key) : undefined;
      // a city's name that is the surname of a person this document names ("John Bolton" … "Bolton said"), with no
      // sign of a place around it (a preposition, a state after it)
      const citySurname =
        !isShort &&
        m.words === 1 &&
        !m.acronym &&
        m.votes.place <= 4 &&
        isKnownPlace(m.text) &&
        !countryOf(m.text) &&
        !isRegion(m.text) &&
        local !== undefined &&
        rootCount(local) === 1 &&
        firstRoot(local).endsWith(` ${m.key}`);
      if (citySurname) entityId = this.idFor(firstRoot(local!), 'person');
      const choices = !entityId && m.words === 1 ? this.orgChoices.get(m.key) : undefined;
      if (choices) candidates = [...new Set(choices.map((l) => uf.find(l)))].map((root) => this.idFor(root, 'organization'));
      else if (isShort) {
        // a surname known only from other documents does not outweigh this mention's own place evidence
        // ("Frederick, Maryland" where another article has a Mr Frederick)
        const global = m.votes.place >= 3 && m.votes.place > m.votes.person ? undefined : multiPersonBySurname.get(m.key);
        const pick = local ?? global;
        if (pick && rootCount(pick) === 1) {
          const target = firstRoot(pick);
          entityId = this.idFor(target, 'person');
          uf.union(target, m.key);
        } else if (pick) {
          candidates = rootList(pick).map((p) => this.idFor(p, 'person'));
          this.singleKeys.add(m.key);
        }
      }
      if (!entityId && !candidates) {
        if (weakKeys.has(m.key) && !m.title && Math.max(gv.person, gv.organization, gv.place) < 1) continue;
        // a name with no evidence of its type is left out rather than guessed: an unknown word or phrase is as
        // often no name at all (a work's title, a programme, a slogan) as a person or an organisation
        const type = own;
        if (!type) continue;
        entityId = this.idFor(r, type);
      }
      if (this.lazy) {
        this.kept[mi] = 1;
        this.entityOf[mi] = entityId;
        this.candidatesOf[mi] = candidates;
      } else
        mentions
          .get(d.sourceId)!
          .push({ sourceId: d.sourceId, span: { start: names.start[mi], end: names.end[mi] }, text: m.text, entityId, candidates });
      if (candidates) ambiguous.set(m.key, candidates);
    }
  }

  /** keys [from, to) to the ids of their groups' entities */
  keysToIds(from: number, to: number): void {
    const { uf, voteKeys, byKey, ambiguous, rootToId } = this;
    for (let ki = from; ki < to; ki++) {
      const key = voteKeys[ki];
      if (ambiguous.has(key)) continue;
      const id = rootToId.get(uf.find(key));
      if (!id) continue;
      byKey.set(key, id);
      // a body's name without its legal form, which the corpus never writes so ("Norvale Holdings" of "… S.A."), is
      // still its name (set after the keys of the corpus's own writings, which come first where both are)
      if (key.includes(' ')) {
        const bare = withoutLegalForm(key.split(' '));
        if (bare && !this.votes.has(bare) && !byKey.has(bare)) this.bareKeys.push([bare, id]);
      }
    }
  }

  /** the bare names that `keysToIds` found, to the ids of their bodies */
  bareKeysToIds(): void {
    for (const [bare, id] of this.bareKeys) if (!this.byKey.has(bare)) this.byKey.set(bare, id);
    this.bareKeys.length = 0;
  }

  /** every name of a known equivalence to the id of the entity one of its names has */
  knownKeysToIds(): void {
    const { byKey } = this;
    for (const g of KNOWN_EQUIVALENCES) {
      const present = g.names.map(normKey).find((k) => byKey.has(k));
      if (present) for (const n of g.names) if (!byKey.has(normKey(n))) byKey.set(normKey(n), byKey.get(present)!);
    }
  }

  placeKeyOf(of: string): string {
    const id = this.byKey.get(of);
    return id ?? `name:${of}`;
  }

  /** the event a mention names: by its place and kind (a word for whatever happened, "the X tragedy", takes the one
   * kind of event its place has), else by its date and kind; one named only by its doer ("the FEN outage") is the one
   * placed event of its kind in its article, else the corpus's one; one named only by its day ("the Tuesday blast"),
   * the corpus's one; the corpus's one only when the article names its place */
  eventKeyFor(m: RawMention, d?: DocCandidates, di = -1): string | undefined {
    const cls = m.eventClass!;
    if (m.eventOf) {
      const place = this.placeKeyOf(m.eventOf);
      if (cls === GENERIC_EVENT) {
        const kinds = this.placedKinds.get(place);
        if (kinds?.size === 1) return `${place}|${[...kinds][0]}`;
      }
      return `${place}|${cls}`;
    }
    if (m.eventDate) return this.eventByDate.get(`${cls}:${m.eventDate}`);
    // (one named by its doer is its article's one of its kind; one named by its day may be the week's news where the
    // article also places an earlier one, "Monday's attack" beside "last week's Kabul car bombing": the corpus's only)
    const inDoc = d && m.eventBy ? this.placedInDoc.get(d) : undefined;
    if (inDoc) {
      const one = onlyEventOf(inDoc, cls);
      if (one !== null) return one;
    }
    // (the corpus's one, when the article names its place: "Wednesday's earthquake" in an article about Mindanao is
    // not the corpus's one earthquake in the Aegean Sea)
    const one = onlyEventOf(this.placedByClass, cls);
    if (!one || di < 0) return undefined;
    const place = one.slice(0, one.lastIndexOf('|'));
    const placeName = place.startsWith('name:') ? place.slice(5) : normKey(this.entities.get(place)?.name ?? '');
    const { key, docStart } = this.names;
    for (let i = docStart[di]; i < docStart[di + 1]; i++)
      if (this.placeKeyOf(key[i]) === place || namesPlace(key[i], placeName)) return one;
    return undefined;
  }

  /** first pass: events' date links, and the placed events of each kind (by article, by place, in the corpus) */
  eventDates(from: number, to: number): void {
    for (let mi = from; mi < to; mi++) {
      const { d, m } = this.eventMentions[mi];
      if (!m.eventOf) continue;
      const place = this.placeKeyOf(m.eventOf);
      const cls = m.eventClass!;
      const ek = `${place}|${cls}`;
      if (m.eventDate) this.eventByDate.set(`${cls}:${m.eventDate}`, ek);
      if (cls === GENERIC_EVENT) continue;
      addTo(this.placedByClass, cls, ek);
      let inDoc = this.placedInDoc.get(d);
      if (!inDoc) this.placedInDoc.set(d, (inDoc = new Map()));
      addTo(inDoc, cls, ek);
      addTo(this.placedKinds, place, cls);
    }
  }

  events(from: number, to: number): void {
    const { eventSurfaces, eventIds, entities, eventByDate, eventByPlace, eventDoers, byKey, mentions } = this;
    for (let mi = from; mi < to; mi++) {
      const { d, m, di } = this.eventMentions[mi];
      let ek = this.eventKeyFor(m, d, di);
      if (!ek && m.eventDate) ek = `date:${m.eventDate}|${m.eventClass}`;
      if (!ek) continue;
      const s = eventSurfaces.get(ek) ?? new Map<string, number>();
      const surf = canonicalEventSurface(m);
      s.set(surf, (s.get(surf) ?? 0) + (m.eventOf ? 1 : 0.5));
      eventSurfaces.set(ek, s);
      let id = eventIds.get(ek);
      if (!id) {
        id = `event:${slug(ek.replace(/^[a-z]+:/, '').replace('|', ' '))}`;
        let n = 2;
        while (entities.has(id)) id = `${id}-${n++}`;
        eventIds.set(ek, id);
        const placeId = m.eventOf ? byKey.get(m.eventOf) : undefined;
        entities.set(id, { id, name: surf, type: 'event', aliases: [], mentions: [], placeId });
      }
      const ent = entities.get(id)!;
      if (!ent.placeId && m.eventOf) ent.placeId = byKey.get(m.eventOf);
      if (m.eventDate && !ent.date) ent.date = m.eventDate;
      if (m.eventDate) eventByDate.set(`${m.eventClass}:${m.eventDate}`, ek);
      if (m.eventOf) eventByPlace.set(`${m.eventOf}:${m.eventClass}`, id);
      // (a name tied to its event only by its kind, "the FEN outage", says nothing of who did it)
      const by = m.eventOf || m.eventDate ? m.eventBy : undefined;
      if (by) {
        const org = byKey.get(by);
        if (org) (eventDoers.get(id) ?? eventDoers.set(id, new Set()).get(id)!).add(org);
      }
      mentions.get(d.sourceId)!.push({ sourceId: d.sourceId, span: m.span, text: m.text, entityId: id, eventBy: by });
    }
  }

  /** lets go of the placed events' indexes once every event mention has its event */
  eventsDone(): void {
    this.placedInDoc.clear();
    this.placedByClass.clear();
    this.placedKinds.clear();
  }

  eventNames(): void {
    const { eventIds, entities } = this;
    for (const [ek, s] of this.eventSurfaces) {
      const id = eventIds.get(ek)!;
      const ent = entities.get(id)!;
      const sorted = [...s.entries()].sort((a, b) => b[1] - a[1]);
      ent.name = sorted[0][0];
      ent.aliases = sorted.slice(1).map(([k]) => k);
    }
  }

  /** what a lazy table needs to make a source's mentions again (not the resolver's maps, which go) */
  madeMentions(): MadeMentions {
    const { names } = this;
    return {
      sourceIds: this.docs.map((d) => d.sourceId),
      docStart: names.docStart,
      start: names.start,
      end: names.end,
      text: names.text,
      kept: this.kept,
      entityOf: this.entityOf,
      candidatesOf: this.candidatesOf,
      events: this.mentions,
    };
  }

  /** lazy mentions: notes the entities that documents [from, to) mention, and how they write them */
  noteMentions(made: MadeMentions, from: number, to: number): void {
    const { entities, mentioned, writings } = this;
    for (let di = from; di < to; di++)
      for (const m of mentionsOf(made, di)) {
        if (!m.entityId) continue;
        mentioned.add(m.entityId);
        const e = entities.get(m.entityId)!;
        const t = e.type === 'event' ? undefined : otherWriting(e, m);
        if (t !== undefined) (writings.get(e.id) ?? writings.set(e.id, new Set()).get(e.id)!).add(t);
      }
  }

  /** sorts the mentions of documents [from, to) of `lists` by where they start */
  sortMentions(lists: ResolvedMention[][], from: number, to: number): void {
    for (let i = from; i < to; i++) lists[i].sort((a, b) => a.span.start - b.span.start);
  }

  /** each of entities [from, to) of `list` (events aside) gets its aliases: how its mentions and equivalences write it */
  aliases(list: Entity[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const e = list[i];
      if (e.type === 'event') continue;
      let al: Set<string>;
      if (this.lazy) al = this.writings.get(e.id) ?? new Set<string>();
      else {
        al = new Set<string>();
        for (let mi = 0; mi < e.mentions.length; mi++) {
          const t = otherWriting(e, e.mentions[mi]);
          if (t !== undefined) al.add(t);
        }
      }
      // equivalences known for this entity
      const group = EQUIVALENCE_GROUP.get(normKey(e.name)) ?? [...al].map((a) => EQUIVALENCE_GROUP.get(normKey(a))).find((g) => g);
      if (group) for (const n of group) if (normKey(n) !== normKey(e.name)) al.add(n);
      const seen = new Set<string>([normKey(e.name)]);
      e.aliases = [...al].filter((a) => {
        const k = normKey(a) + '|' + a;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
  }

  /** The table, once mentions are sorted and linked and aliases made: entities with no mention are dropped. */
  finish(): EntityTable {
    const { entities, byKey, eventIds } = this;
    const dateToId = new Map<string, string>();
    for (const [dk, ek] of this.eventByDate) {
      const id = eventIds.get(ek);
      if (id) dateToId.set(dk, id);
    }
    if (this.lazy) {
      for (const id of entities.keys()) if (!this.mentioned.has(id)) entities.delete(id);
    } else for (const [id, e] of entities) if (e.mentions.length === 0) entities.delete(id);
    for (const [k, id] of byKey) if (!entities.has(id)) byKey.delete(k);
    return {
      entities,
      byKey,
      ambiguous: this.ambiguous,
      eventByDate: dateToId,
      eventByPlace: this.eventByPlace,
      mentions: this.lazy ? new LazyMentions(this.madeMentions()) : this.mentions,
      eventDoers: this.eventDoers,
    };
  }
}

/** How mention `m` writes entity `e` (its text without a possessive ending), unless that is its name. */
function otherWriting(e: Entity, m: ResolvedMention): string | undefined {
  const t = m.text.replace(/['\u2019]s?$/, '');
  return normKey(t) !== normKey(e.name) ? t : undefined;
}

/** What makes a document's resolved mentions again: the name candidates' columns, what each was given, the events. */
interface MadeMentions {
  sourceIds: string[];
  docStart: Int32Array;
  start: Int32Array;
  end: Int32Array;
  text: string[];
  kept: Uint8Array;
  entityOf: (string | undefined)[];
  candidatesOf: (string[] | undefined)[];
  /** each document's event mentions */
  events: Map<string, ResolvedMention[]>;
}

/** Document `di`'s resolved mentions, in text order: the same objects' fields, in the same order, as `assign` and
 * `events` would have made them (names in their order, then events; sorted, and the sort is stable). */
function mentionsOf(made: MadeMentions, di: number): ResolvedMention[] {
  const sourceId = made.sourceIds[di];
  const out: ResolvedMention[] = [];
  for (let mi = made.docStart[di]; mi < made.docStart[di + 1]; mi++)
    if (made.kept[mi])
      out.push({
        sourceId,
        span: { start: made.start[mi], end: made.end[mi] },
        text: made.text[mi],
        entityId: made.entityOf[mi],
        candidates: made.candidatesOf[mi],
      });
  const events = made.events.get(sourceId);
  if (events) for (const m of events) out.push(m);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** A table's mentions made when asked for (each time), from `MadeMentions`. */
class LazyMentions implements MentionLists {
  private readonly docIndex = new Map<string, number>();

  constructor(private readonly made: MadeMentions) {
    made.sourceIds.forEach((id, di) => this.docIndex.set(id, di));
  }

  get(sourceId: string): ResolvedMention[] | undefined {
    const di = this.docIndex.get(sourceId);
    return di === undefined ? undefined : mentionsOf(this.made, di);
  }

  delete(sourceId: string): boolean {
    this.made.events.delete(sourceId);
    return this.docIndex.delete(sourceId);
  }
}

/** Each entity's mentions: the resolved mentions themselves (not copies), in source order, then text order. */
export function linkMentions(entities: Map<string, Entity>, mentions: Map<string, ResolvedMention[]>): void {
  const lists = [...mentions.values()];
  linkMentionsOf(entities, lists, 0, lists.length);
}

/** `linkMentions` for the documents [from, to) of `lists` (called over consecutive ranges, in order) */
function linkMentionsOf(entities: Map<string, Entity>, lists: ResolvedMention[][], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const list = lists[i];
    for (let ri = 0; ri < list.length; ri++) {
      const rm = list[ri];
      if (rm.entityId) entities.get(rm.entityId)!.mentions.push(rm);
    }
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** the one event of kind `cls` in `byKind` (of any kind for a word for whatever happened); null when there is none,
 * undefined when there are several */
function onlyEventOf(byKind: Map<string, Set<string>>, cls: string): string | null | undefined {
  let one: string | null = null;
  const kinds = cls === GENERIC_EVENT ? byKind.values() : [byKind.get(cls) ?? new Set<string>()];
  for (const set of kinds)
    for (const ek of set) {
      if (one !== null && one !== ek) return undefined;
      one = ek;
    }
  return one;
}

/** the kind of an event ("attacks", "outage"), read from the noun its name ends with */
export function eventKind(e: Entity | undefined): string | undefined {
  if (e?.type !== 'event') return undefined;
  return EVENT_NOUNS.get(e.name.slice(e.name.lastIndexOf(' ') + 1).toLowerCase());
}

/** whether the name (a key) names the place (a key) or a place it is part of ("flemish brabant" names "brabant") */
export function namesPlace(name: string, place: string): boolean {
  return (
    !!place &&
    (name === place ||
      (name.length > place.length &&
        ((name.endsWith(place) && name[name.length - place.length - 1] === ' ') || (name.startsWith(place) && name[place.length] === ' '))))
  );
}

/** the place an event is tied to, as a key: its place's name, else its own name but the noun ("Brabant blackout") */
export function eventPlaceName(e: Entity, entities: Map<string, Entity>): string {
  const place = e.placeId ? entities.get(e.placeId) : undefined;
  return normKey(place ? place.name : e.name.slice(0, Math.max(0, e.name.lastIndexOf(' '))));
}

/** the events a corpus places, by kind (per `eventByPlace` map: a rebuild makes a new one) */
const placedEvents = new WeakMap<Map<string, string>, Map<string, Set<string>>>();

/** the corpus's one placed event of kind `cls` (of any kind for a word for whatever happened, "the tragedy"), given
 * its events by place and kind (`place:kind` → id) */
export function onlyPlacedEvent(eventByPlace: Map<string, string>, cls: string): string | undefined {
  let byKind = placedEvents.get(eventByPlace);
  if (!byKind) {
    byKind = new Map();
    for (const [k, id] of eventByPlace) {
      const kind = k.slice(k.lastIndexOf(':') + 1);
      if (kind !== GENERIC_EVENT) addTo(byKind, kind, id);
    }
    placedEvents.set(eventByPlace, byKind);
  }
  return onlyEventOf(byKind, cls) ?? undefined;
}

function canonicalEventSurface(m: RawMention): string {
  return m.words.join(' ').replace(/^the\s+/i, '');
}

/** `long` under its first word `first` (`orgShortNames`) */
function noteFirstWord(longNames: Map<string, string[]>, first: string, long: string): void {
  const list = longNames.get(first);
  if (list) list.push(long);
  else longNames.set(first, [long]);
}

/** A body's name (as key words) without the legal forms it ends with ("… Processors Pty Ltd"), or undefined when it
 * ends with none or is nothing else. */
export function withoutLegalForm(words: readonly string[]): string | undefined {
  let n = words.length;
  while (n > 1 && isLegalForm(words[n - 1])) n--;
  return n < words.length ? words.slice(0, n).join(' ') : undefined;
}

function typeOf(v: Votes): EntityType | undefined {
  // person > organization > place on ties, as the sort below did; written out because it runs per mention
  let best: EntityType = 'person';
  let bv = v.person;
  if (v.organization > bv) ((best = 'organization'), (bv = v.organization));
  if (v.place > bv) ((best = 'place'), (bv = v.place));
  // (a name that the evidence makes an event, "Hurricane Marisol", "the Korean War", is none of these)
  return bv > 0 && v.event <= bv ? best : undefined;
}

function bestSurface(keys: string[], surfaces: Map<string, Surfaces>, wordCount: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const key of keys) {
    const s = surfaces.get(key);
    if (!s) continue;
    for (let i = 0; i < s.length; i += 2) {
      const surf = s[i] as string;
      const n = s[i + 1] as number;
      const wc = wordCount.get(key) ?? 1;
      const acronym = /^[\p{Lu}.]+$/u.test(surf);
      const score = n * (acronym ? 0.6 : 1) + (wc >= 2 ? 1.5 : 0) + wc * 0.01;
      if (score > bestScore) {
        bestScore = score;
        best = surf;
      }
    }
  }
  return best || keys[0];
}
