import type { Claim, Counted, DateRef, Measure, Qualifier, Quantity, Speaker, Stance } from './model';
import {
  NONE,
  Postings,
  Slab,
  SlotCache,
  drain,
  entityLookups,
  indexIn,
  isIndexes,
  narrow,
  push,
  withRoom,
  type HasText,
  type Indexes,
  hasText,
} from './packed';
import { textSlice } from './text/packedText';

/**
 * One source's claims as columns of numbers: the form claims are kept in memory and in the snapshot. A corpus of
 * 10,000 articles has ~400,000 claims; as objects they took ~250 MB of heap and most of a warm start (building them
 * and collecting the garbage). As columns they take a tenth of that, load as a few typed arrays per source, and a
 * claim becomes an object only when something asks for it (`ClaimStore.at`).
 */
export interface PackedClaims {
  count: number;
  /** start, end of each claim's sentence (this and `refs`: 2 bytes an entry when every entry fits, else 4) */
  spans: Indexes;
  /** stance codes (`STANCES`) */
  stances: Uint8Array;
  /** contrast | heading << 1 | doubt << 2 | has figures << 3 | has an entry in `extra` << 4 | a transcript's turn << 5 */
  flags: Uint8Array;
  /** per claim: its meaning keys (indexes into the key table), its entities and its context entities (indexes into
   * the id table), each list preceded by its length */
  refs: Indexes;
  /** what only some claims carry: for each such claim, a line "\n{claim index}\t{JSON of [stance cue | 0, speaker |
   * 0, quantities | 0, dates | 0]}" in the positional form of `encodeExtra` ('' when no claim of the source has
   * any). A claim's line is found and parsed on its own when the claim is made: parsing a source's whole list to
   * make one of its claims kept every source's list parsed in the claim cache (~15 MB after checking a draft against
   * 10,000 articles). */
  extra: string;
}

/** A source with no claims. */
export const NO_CLAIMS: PackedClaims = {
  count: 0,
  spans: new Int32Array(0),
  stances: new Uint8Array(0),
  flags: new Uint8Array(0),
  refs: new Int32Array(0),
  extra: '',
};

/** The shape of packed claims (what they hold is checked when a store is made of them). */
export function isPackedClaims(x: unknown): x is PackedClaims {
  const p = x as PackedClaims;
  return (
    !!p &&
    Number.isInteger(p.count) &&
    isIndexes(p.spans) &&
    p.stances instanceof Uint8Array &&
    p.flags instanceof Uint8Array &&
    isIndexes(p.refs) &&
    typeof p.extra === 'string'
  );
}

/** Packed claims with arrays copied into `slab`: a deserialised typed array can be a view into the whole chunk it
 * was read from, which it would keep in memory. */
export function ownedClaims(p: PackedClaims, slab: Slab): PackedClaims {
  return {
    ...p,
    spans: slab.indexesOf(p.spans),
    stances: slab.uint8Of(p.stances),
    flags: slab.uint8Of(p.flags),
    refs: slab.indexesOf(p.refs),
  };
}

/** A claim as the rebuild makes it (with the sentence flags the snapshot keeps). */
export type ClaimRecord = Claim & { contrast: boolean; heading: boolean; doubt: boolean };

/** stance codes of the packed form */
export const STANCES: readonly Stance[] = ['asserts', 'denies', 'questions', 'hedges'];

/** the source's own voice: one shared object for the many claims that have no other speaker */
export const OUTLET: Speaker = Object.freeze({ kind: 'outlet' }) as Speaker;
/** most claims materialised at once; the least recently used sources' objects are dropped beyond it. Checks, cards
 * and definitions read the columns and make only the claims they show, so a few pages of them serve (when cards
 * made every claim of an entity, this cap made hover p99 12 ms at 10,000 articles). */
const MATERIALISED_CAP = 1 << 16;

export type Extra = [cue: string | 0, speaker: Speaker | 0, quantities: Quantity[] | 0, dates: Claim['dates'] | 0];

/** The source's own voice, with no name, cue or entity. */
export function isPlainOutlet(sp: Speaker): boolean {
  return sp === OUTLET || (sp.kind === 'outlet' && sp.name === undefined && sp.cue === undefined && sp.entityId === undefined);
}

/*
 * A claim's extra fields are kept as positional JSON arrays with codes for the closed vocabularies: as objects with
 * their key names they took ~35 MB of strings at 10,000 articles, about five times this.
 *   quantity: [low, high (null: open, "more than 180"), value, qualifier, measure, counted, start, end, noun?, predicate?]
 *   date: [iso, start, end, text]
 *   speaker: [kind, name | 0, cue | 0, entity id | 0] (trailing zeros left out), or, for a speaker an earlier item of
 *     the same list already had, the index of the first item that had it, plus one (`SpeakerRefs`: an interview's
 *     turns, a quotation over several sentences; their names, repeated, took ~8 MB of the cache at 10,000 articles)
 */
const QUALIFIERS: readonly Qualifier[] = ['exact', 'more-than', 'at-least', 'about', 'almost', 'up-to', 'at-most', 'some', 'less-than'];
const MEASURES: readonly Measure[] = [
  'killed',
  'wounded',
  'killed-and-wounded',
  'arrested',
  'travelled',
  'returned',
  'listed',
  'money',
  'other',
  // (after the others: their codes are kept)
  'attended',
  'jobs',
  'percent',
  'duration',
  'aboard',
  'stranded',
];
const COUNTED: readonly Counted[] = ['people', 'attackers', 'security', 'children', 'other'];
const SPEAKER_KINDS: readonly Speaker['kind'][] = ['outlet', 'attributed', 'quoted'];

/** The index of `x` in a closed vocabulary; a value outside it is a bug upstream, not something to store. */
export function codeOf<T>(list: readonly T[], x: T, what: string): number {
  const i = list.indexOf(x);
  if (i < 0) throw new Error(`unknown ${what} ${String(x)}`);
  return i;
}

/** The speakers a list's items have had so far, each by the index of the first item that had it (`encodeExtra`). */
export type SpeakerRefs = Map<string, number>;

/** The extra fields of item `at` of a list (a source's sentences or claims) as a line's JSON; `refs`, shared by the
 * list's items in order, lets a speaker met before be written as a reference. */
export function encodeExtra(
  cue: string | undefined,
  speaker: Speaker | 0,
  quantities: Quantity[],
  dates: DateRef[],
  refs?: SpeakerRefs,
  at = 0,
): string {
  let sp: Row | number = speaker
    ? trimZeros([codeOf(SPEAKER_KINDS, speaker.kind, 'speaker kind'), speaker.name ?? 0, speaker.cue ?? 0, speaker.entityId ?? 0])
    : 0;
  if (sp && refs) {
    const key = JSON.stringify(sp);
    const first = refs.get(key);
    if (first === undefined) refs.set(key, at);
    else sp = first + 1;
  }
  const qs = quantities.length
    ? quantities.map((q) =>
        trimZeros([
          q.low,
          q.high === Infinity ? null : q.high,
          q.value,
          codeOf(QUALIFIERS, q.qualifier, 'qualifier'),
          codeOf(MEASURES, q.measure, 'measure'),
          codeOf(COUNTED, q.counted, 'counted'),
          q.span.start,
          q.span.end,
          q.noun ?? 0,
          q.predicate ?? 0,
        ]),
      )
    : 0;
  const ds = dates.length ? dates.map((d) => [d.iso, d.span.start, d.span.end, d.text]) : 0;
  return JSON.stringify([cue ?? 0, sp, qs, ds]);
}

function trimZeros<T>(a: T[]): T[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  return n === a.length ? a : a.slice(0, n);
}

type Row = (string | number | null)[];

/** a string field that was there (absent ones are written 0, or left out at the end) */
const present = (x: Row[number] | undefined): x is string => typeof x === 'string';

/** The line's extra fields; a speaker written as a reference is asked of `speakerOf` (the earlier item's). */
export function decodeExtra(json: string, speakerOf?: (item: number) => Speaker | 0): Extra {
  const [cue, sp, qs, ds] = JSON.parse(json) as [string | 0, Row | number, Row[] | 0, Row[] | 0];
  let speaker: Speaker | 0 = 0;
  if (typeof sp === 'number') {
    if (sp) {
      const earlier = speakerOf?.(sp - 1);
      if (!earlier) throw new Error(`extra fields: a speaker of item ${sp - 1} that is not there`);
      speaker = earlier;
    }
  } else if (sp) {
    speaker = { kind: SPEAKER_KINDS[sp[0] as number] };
    if (present(sp[1])) speaker.name = sp[1];
    if (present(sp[2])) speaker.cue = sp[2];
    if (present(sp[3])) speaker.entityId = sp[3];
  }
  // (spans with `| 0`: a row of numbers only, one of them a fraction ("fell to 4.5"), is parsed into an array of
  // doubles, whose elements are read as heap numbers; one stored in a span's field would make V8 keep the start and
  // end of every `{ start, end }` object in the process as boxed doubles, 32 bytes more a span: ~14 MB at the end of a
  // first indexing's entity resolution at 10,000 articles)
  const quantities = qs
    ? qs.map((r) => {
        const q: Quantity = {
          low: r[0] as number,
          high: r[1] === null ? Infinity : (r[1] as number),
          value: r[2] as number,
          qualifier: QUALIFIERS[r[3] as number],
          measure: MEASURES[r[4] as number],
          counted: COUNTED[r[5] as number],
          span: { start: (r[6] as number) | 0, end: (r[7] as number) | 0 },
        };
        if (present(r[8])) q.noun = r[8];
        if (present(r[9])) q.predicate = r[9];
        return q;
      })
    : 0;
  const dates = ds
    ? ds.map((r) => ({ iso: r[0] as string, span: { start: (r[1] as number) | 0, end: (r[2] as number) | 0 }, text: r[3] as string }))
    : 0;
  return [cue, speaker, quantities, dates];
}

/**
 * Every claim of the derived index, packed per source, with the claims of each entity as postings (source, claim)
 * and the claims that deny or doubt something per source. Claims are materialised on demand and kept while their
 * source is among the recently used; a claim asked for twice meanwhile is the same object.
 */
export class ClaimStore {
  readonly size: number;
  private readonly sourceIndex: Map<string, number>;
  private readonly idIndex: Map<string, number>;
  /** per source: where each claim's refs start (count + 1 entries) */
  private readonly refStart: Indexes[];
  private readonly postings: Postings;
  private readonly denials: Map<string, number[]>;
  private readonly cache: SlotCache<ClaimRecord, undefined>;

  /**
   * `keys` and `ids`: the tables the packed refs index; `sourceIds`, `texts` and `packed` in the same order. Throws
   * when the columns do not fit together (a snapshot's parts that disagree).
   */
  constructor(
    readonly keys: string[],
    readonly ids: string[],
    readonly sourceIds: string[],
    /** the sources' texts (the sources themselves), read when a claim is made */
    private readonly texts: readonly HasText[],
    private readonly packed: PackedClaims[],
    /** most claims kept made at once */
    cap = MATERIALISED_CAP,
    /** what `ClaimStore.steps` worked out in slices (else worked out here) */
    lookups: ClaimLookups = drain(claimLookups(keys, ids, sourceIds, packed, new Slab())),
  ) {
    ({
      size: this.size,
      sourceIndex: this.sourceIndex,
      idIndex: this.idIndex,
      refStart: this.refStart,
      postings: this.postings,
      denials: this.denials,
    } = lookups);
    this.cache = new SlotCache(
      cap,
      (s) => packed[s].count,
      () => undefined,
      (s, i) => this.build(s, i, this.extraOf(s, i)),
    );
  }

  /** The same store, its columns checked and its postings built in slices with a yield between them. */
  static *steps(
    keys: string[],
    ids: string[],
    sourceIds: string[],
    texts: readonly HasText[],
    packed: PackedClaims[],
    cap = MATERIALISED_CAP,
    /** where the lookups' arrays are made (those of a rebuild share one) */
    slab = new Slab(),
  ): Generator<void, ClaimStore, void> {
    const lookups = yield* claimLookups(keys, ids, sourceIds, packed, slab);
    return new ClaimStore(keys, ids, sourceIds, texts, packed, cap, lookups);
  }

  static empty(): ClaimStore {
    return new ClaimStore([], [], [], [], []);
  }

  /** the packed claims of the sources, in order (for the snapshot) */
  packedSources(): { sourceId: string; claims: PackedClaims }[] {
    return this.sourceIds.map((sourceId, s) => ({ sourceId, claims: this.packed[s] }));
  }

  /** Claim `i` of source `s` (indexes in this store's order). */
  at(s: number, i: number): ClaimRecord {
    return this.cache.get(s, i);
  }

  /** The extra fields of claim `i` of source `s`, parsed from its own line of the source's `extra`. */
  private extraOf(s: number, i: number): Extra | undefined {
    const p = this.packed[s];
    if (!(p.flags[i] & 16)) return undefined;
    const tag = `\n${i}\t`;
    const at = p.extra.indexOf(tag);
    if (at < 0) throw new Error(`claims of ${this.sourceIds[s]}: claim ${i} has no extra fields`);
    const end = p.extra.indexOf('\n', at + tag.length);
    // (a speaker met before is the first claim's that had it: one more line read)
    return decodeExtra(p.extra.slice(at + tag.length, end < 0 ? p.extra.length : end), (k) => (k < i ? (this.extraOf(s, k)?.[1] ?? 0) : 0));
  }

  private build(s: number, i: number, extra: Extra | undefined): ClaimRecord {
    const p = this.packed[s];
    const refs = p.refs;
    const r = this.refStart[s][i];
    const keys = listAt(refs, r, this.keys);
    const r2 = nextList(refs, r);
    const entityIds = listAt(refs, r2, this.ids);
    const contextIds = listAt(refs, nextList(refs, r2), this.ids);
    const start = p.spans[2 * i];
    const end = p.spans[2 * i + 1];
    const sourceId = this.sourceIds[s];
    const flags = p.flags[i];
    return {
      id: claimId(sourceId, i),
      sourceId,
      span: { start, end },
      text: textSlice(this.texts[s], start, end),
      entityIds,
      contextIds,
      speaker: extra?.[1] || OUTLET,
      stance: STANCES[p.stances[i]],
      stanceCue: extra?.[0] || undefined,
      quantities: extra?.[2] || NONE,
      dates: extra?.[3] || NONE,
      keys,
      contrast: (flags & 1) !== 0,
      heading: (flags & 2) !== 0,
      doubt: (flags & 4) !== 0,
    };
  }

  /** The meaning keys of claim `i` of source `s`, read from the columns (the claim is not made). */
  keysAt(s: number, i: number): string[] {
    return listAt(this.packed[s].refs, this.refStart[s][i], this.keys);
  }

  /**
   * The sum of `weights` over the distinct meaning keys of claim `i` of source `s` (a key `weights` lacks counts 0),
   * read from the columns: a scan that tests the meaning of thousands of claims makes no list or set per claim. With
   * a `query` (made for the weights), each key of the table is looked up in them once a query, not once a claim.
   */
  keyWeightAt(s: number, i: number, weights: ReadonlyMap<string, number> | ClaimQuery): number {
    const q = weights instanceof ClaimQuery ? weights : this.query(NONE, weights);
    const refs = this.packed[s].refs;
    const r = this.refStart[s][i];
    const n = refs[r];
    const { seen, weight } = this.keyWeights();
    const { gen, weights: by } = q;
    let sum = 0;
    next: for (let k = 1; k <= n; k++) {
      const key = refs[r + k];
      for (let j = 1; j < k; j++) if (refs[r + j] === key) continue next;
      if (seen[key] !== gen) {
        seen[key] = gen;
        weight[key] = by.get(this.keys[key]) ?? 0;
      }
      sum += weight[key];
    }
    return sum;
  }

  /**
   * How many of `ids` (each as often as listed) claim `i` of source `s` names or refers back to, read from the
   * columns (as `matchScore` counts the entities a draft sentence shares with a claim). A `query` has them as indexes
   * into the id table, compared as numbers.
   */
  namedAmongAt(s: number, i: number, ids: readonly string[] | ClaimQuery): number {
    const q = ids instanceof ClaimQuery ? ids : this.query(ids, NO_WEIGHTS);
    const refs = this.packed[s].refs;
    const named = nextList(refs, this.refStart[s][i]);
    const context = nextList(refs, named);
    let n = 0;
    for (const x of q.ids) if (x >= 0 && (listHas(refs, named, x) || listHas(refs, context, x))) n++;
    return n;
  }

  /** A draft sentence's entities and meaning weights, made ready for `namedAmongAt` and `keyWeightAt` over many
   * claims of this store. */
  query(entityIds: readonly string[], weights: ReadonlyMap<string, number>): ClaimQuery {
    return new ClaimQuery(
      Int32Array.from(entityIds, (id) => this.idIndex.get(id) ?? -1),
      weights,
      (this.queries = (this.queries + 1) | 0 || 1),
    );
  }

  /** per key of the table: the query that last looked it up (`ClaimQuery.gen`), and the weight it had there */
  private keyWeightTable: { seen: Int32Array; weight: Float64Array } | undefined;
  private queries = 0;
  private keyWeights(): { seen: Int32Array; weight: Float64Array } {
    return (this.keyWeightTable ??= { seen: new Int32Array(this.keys.length), weight: new Float64Array(this.keys.length) });
  }

  /** The entities claim `i` of source `s` names (not those it refers back to), read from the columns. */
  entityIdsAt(s: number, i: number): string[] {
    const refs = this.packed[s].refs;
    return listAt(refs, nextList(refs, this.refStart[s][i]), this.ids);
  }

  /** The span of claim `i` of source `s` (its sentence), read from the columns. */
  spanAt(s: number, i: number): { start: number; end: number } {
    const spans = this.packed[s].spans;
    return { start: spans[2 * i], end: spans[2 * i + 1] };
  }

  stanceAt(s: number, i: number): Stance {
    return STANCES[this.packed[s].stances[i]];
  }

  /** Whether claim `i` of source `s` states figures (the claim is not made). */
  hasFiguresAt(s: number, i: number): boolean {
    return (this.packed[s].flags[i] & 8) !== 0;
  }

  /** Whether claim `i` of source `s` has extra fields (a cue, a speaker, figures or dates; the claim is not made). */
  hasExtraAt(s: number, i: number): boolean {
    return (this.packed[s].flags[i] & 16) !== 0;
  }

  /** How many claims source `s` has. */
  claimsIn(s: number): number {
    return this.packed[s].flags.length;
  }

  /** Whether claim `i` of source `s` is a heading or title (the claim is not made). */
  isHeadingAt(s: number, i: number): boolean {
    return (this.packed[s].flags[i] & 2) !== 0;
  }

  /** Whether claim `i` of source `s` is a transcript's turn (its speaker's cue is 'turn'; the claim is not made). */
  isTurnAt(s: number, i: number): boolean {
    return (this.packed[s].flags[i] & 32) !== 0;
  }

  /** The name of claim `i`'s speaker, unless it is the source's own voice (its extra fields alone are read). */
  speakerNameAt(s: number, i: number): string | undefined {
    const sp = this.extraOf(s, i)?.[1];
    return sp ? sp.name : undefined;
  }

  /** How many claims the source at `s` has. */
  countIn(s: number): number {
    return this.packed[s].count;
  }

  /** The id of claim `i` of source `s` (the claim is not made). */
  idAt(s: number, i: number): string {
    return claimId(this.sourceIds[s], i);
  }

  /** The index of the source in this store (for `at`, `keysAt` …), if it has claims here. */
  sourceAt(sourceId: string): number | undefined {
    return this.sourceIndex.get(sourceId);
  }

  /**
   * Calls back with the (source, claim) indexes of the entity's claims, in the order of `ofEntity` (the first
   * `limit`), without making them: a caller that needs only a few can test the columns first.
   */
  visitEntity(entityId: string, visit: (s: number, i: number) => void, limit = Infinity): void {
    const e = this.idIndex.get(entityId);
    if (e !== undefined) this.postings.forEach(e, visit, limit);
  }

  /** Where the claim with this id (`sourceId#index`) is in this store (source, index), if it has it: the claim's
   * columns can then be read without making it. */
  locate(id: string): { s: number; i: number } | undefined {
    const p = parseClaimId(id);
    const s = p && this.sourceIndex.get(p.sourceId);
    return s !== undefined && p!.index < this.packed[s].count ? { s, i: p!.index } : undefined;
  }

  /** The claim with this id (`sourceId#index`), if any. */
  get(id: string): ClaimRecord | undefined {
    const at = this.locate(id);
    return at && this.at(at.s, at.i);
  }

  /** The claims that name the entity or refer back to it, in source order (the first `limit` of them). */
  ofEntity(entityId: string, limit = Infinity): ClaimRecord[] {
    const e = this.idIndex.get(entityId);
    return e === undefined ? NONE : this.postings.map(e, (s, i) => this.at(s, i), limit);
  }

  /** The indexes of the entity's claims in each source, without making the claims (ids: `claimId`). */
  indexesBySource(entityId: string): Map<string, number[]> {
    const e = this.idIndex.get(entityId);
    const out = new Map<string, number[]>();
    if (e !== undefined) this.postings.forEach(e, (s, i) => push(out, this.sourceIds[s], i));
    return out;
  }

  /** How many claims name the entity or refer back to it. */
  countOf(entityId: string): number {
    const e = this.idIndex.get(entityId);
    return e === undefined ? 0 : this.postings.count(e);
  }

  /** The source's claims, in order. */
  ofSource(sourceId: string): ClaimRecord[] {
    const s = this.sourceIndex.get(sourceId);
    if (s === undefined) return NONE;
    const out: ClaimRecord[] = new Array(this.packed[s].count);
    for (let i = 0; i < out.length; i++) out[i] = this.at(s, i);
    return out;
  }

  *all(): Generator<ClaimRecord, void, void> {
    for (let s = 0; s < this.packed.length; s++) for (let i = 0; i < this.packed[s].count; i++) yield this.at(s, i);
  }

  /** The sources with a claim that denies or doubts something. */
  denialSources(): IterableIterator<string> {
    return this.denials.keys();
  }

  hasDenials(sourceId: string): boolean {
    return this.denials.has(sourceId);
  }

  /** The source's claims that deny or doubt something, as the source's index in this store and theirs in it (as `at`
   * takes them), none made. */
  denialsAt(sourceId: string): { s: number; list: readonly number[] } | undefined {
    const s = this.sourceIndex.get(sourceId);
    const list = this.denials.get(sourceId);
    return s === undefined || !list ? undefined : { s, list };
  }
}

/** Packs the claims a rebuild makes, source by source (so a rebuild can yield between sources). */
export class ClaimPacker {
  private readonly keyIds = new Map<string, number>();
  private readonly sourceIds: string[] = [];
  private readonly texts: HasText[] = [];
  private readonly packed: PackedClaims[] = [];
  /** key index -> number of claims with the key */
  private df: number[] = [];

  /** `idIds`: the entity id table, which the mentions' packer may share; `slab`: where the columns are made */
  constructor(
    private readonly idIds: Map<string, number> = new Map(),
    private readonly slab = new Slab(),
  ) {}

  /** a buffer reused for each source's refs */
  private scratch = new Int32Array(4096);
  /** how many of `scratch` the last source's refs took */
  private lastRefCount = 0;

  private room(n: number): Int32Array {
    return (this.scratch = withRoom(this.scratch, n));
  }

  /** How many of the packed claims have the key. */
  claimsWithKey(k: string): number {
    const i = this.keyIds.get(k);
    return i === undefined ? 0 : this.df[i];
  }

  /** `text`: the source's text, or the source (whose text is read only when a claim is made) */
  add(sourceId: string, text: string | HasText, claims: ClaimRecord[]): void {
    const n = claims.length;
    const slab = this.slab;
    const spans = new Int32Array(2 * n);
    const stances = slab.uint8(n);
    const flags = slab.uint8(n);
    let extra = '';
    const speakers: SpeakerRefs = new Map();
    let r = 0;
    for (let i = 0; i < n; i++) {
      const c = claims[i];
      spans[2 * i] = c.span.start;
      spans[2 * i + 1] = c.span.end;
      stances[i] = STANCES.indexOf(c.stance);
      flags[i] =
        (c.contrast ? 1 : 0) |
        (c.heading ? 2 : 0) |
        (c.doubt ? 4 : 0) |
        (c.quantities.length ? 8 : 0) |
        (c.speaker.cue === 'turn' ? 32 : 0);
      const keys = c.keys;
      const ents = c.entityIds;
      const ctx = c.contextIds ?? NONE;
      const refs = this.room(r + 3 + keys.length + ents.length + ctx.length);
      refs[r++] = keys.length;
      for (let k = 0; k < keys.length; k++) {
        const ki = indexIn(this.keyIds, keys[k]);
        refs[r++] = ki;
        // (new keys get the next index: the counts stay a dense array)
        if (ki === this.df.length) this.df.push(1);
        else this.df[ki]++;
      }
      refs[r++] = ents.length;
      for (let k = 0; k < ents.length; k++) refs[r++] = indexIn(this.idIds, ents[k]);
      refs[r++] = ctx.length;
      for (let k = 0; k < ctx.length; k++) refs[r++] = indexIn(this.idIds, ctx[k]);
      const speaker = isPlainOutlet(c.speaker) ? 0 : c.speaker;
      if (c.stanceCue || speaker || c.quantities.length || c.dates.length) {
        // (JSON escapes line breaks and tabs: a line holds one claim's fields)
        extra += `\n${i}\t${encodeExtra(c.stanceCue, speaker, c.quantities, c.dates, speakers, i)}`;
        flags[i] |= 16;
      }
    }
    this.lastRefCount = r;
    this.sourceIds.push(sourceId);
    this.texts.push(hasText(text));
    this.packed.push({
      count: n,
      spans: slab.indexesOf(spans),
      stances,
      flags,
      refs: slab.indexesOf(this.scratch.subarray(0, r)),
      extra: narrow(extra),
    });
  }

  /**
   * The refs of the claims `add` packed last, valid until it is called again: for each claim, its number of keys and
   * their indexes in the key table, its number of entities and their indexes in the id table, then the same for its
   * context entities.
   */
  lastRefs(): Int32Array {
    return this.scratch.subarray(0, this.lastRefCount);
  }

  /** `ids`: the id table as it stands when every packer sharing it is done (by default, this one's) */
  finish(ids = [...this.idIds.keys()], cap?: number): ClaimStore {
    return drain(this.finishSteps(ids, cap));
  }

  /** `finish` in slices, with a yield between them */
  finishSteps(ids = [...this.idIds.keys()], cap?: number): Generator<void, ClaimStore, void> {
    return ClaimStore.steps([...this.keyIds.keys()], ids, this.sourceIds, this.texts, this.packed, cap, this.slab);
  }
}

/** The id of claim `i` of a source. */
export function claimId(sourceId: string, i: number): string {
  return `${sourceId}#${i}`;
}

/** The source and index of a claim id (`claimId`), or undefined when it is not one. */
export function parseClaimId(id: string): { sourceId: string; index: number } | undefined {
  const h = id.lastIndexOf('#');
  const tail = id.slice(h + 1);
  return h < 0 || !/^(?:0|[1-9]\d*)$/.test(tail) ? undefined : { sourceId: id.slice(0, h), index: Number(tail) };
}

/** the length-prefixed list of table indexes at `r`, as the table's strings */
function listAt(refs: Indexes, r: number, table: string[]): string[] {
  const n = refs[r];
  if (!n) return NONE;
  const out: string[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = table[refs[r + 1 + k]];
  return out;
}

/** whether the length-prefixed list of table indexes at `r` holds `x` */
/** whether the length-prefixed list at `r` has the table index `x` */
function listHas(refs: Indexes, r: number, x: number): boolean {
  for (let k = 1; k <= refs[r]; k++) if (refs[r + k] === x) return true;
  return false;
}

const NO_WEIGHTS: ReadonlyMap<string, number> = new Map();

/** A draft sentence's entities (as indexes into a claim store's id table, -1 for one it lacks) and meaning weights, for
 * scoring many claims from the store's columns (`ClaimStore.query`). `gen` tells its lookups from another query's. */
export class ClaimQuery {
  constructor(
    readonly ids: Int32Array,
    readonly weights: ReadonlyMap<string, number>,
    readonly gen: number,
  ) {}
}

/** where the length-prefixed list after the one at `r` starts */
function nextList(refs: Indexes, r: number): number {
  return r + refs[r] + 1;
}

/** What a claim store looks claims up with, worked out from the packed columns. */
interface ClaimLookups {
  size: number;
  sourceIndex: Map<string, number>;
  idIndex: Map<string, number>;
  refStart: Indexes[];
  postings: Postings;
  denials: Map<string, number[]>;
}

/** Checks the columns (throws when they do not fit together) and works out the lookups, yielding between slices. */
function* claimLookups(
  keys: string[],
  ids: string[],
  sourceIds: string[],
  packed: PackedClaims[],
  slab: Slab,
): Generator<void, ClaimLookups, void> {
  const sourceIndex = new Map<string, number>();
  const denials = new Map<string, number[]>();
  const refStart: Indexes[] = new Array(packed.length);
  let size = 0;
  for (let s = 0; s < packed.length; s++) {
    sourceIndex.set(sourceIds[s], s);
    refStart[s] = checkedStarts(packed[s], sourceIds[s], keys.length, ids.length, denials, slab);
    size += packed[s].count;
    if (s % 1024 === 1023) yield;
  }
  // an entity's claims (naming it or referring back to it), in source then claim order
  const { idIndex, postings } = yield* entityLookups(ids, packed.length, (from, to, visit) => {
    for (let s = from; s < to; s++) {
      const refs = packed[s].refs;
      const starts = refStart[s];
      for (let i = 0; i < packed[s].count; i++) {
        let r = nextList(refs, starts[i]);
        for (let l = 0; l < 2; l++) for (let n = refs[r++]; n > 0; n--) visit(refs[r++], s, i);
      }
    }
  });
  return { size, sourceIndex, idIndex, refStart, postings, denials };
}

/** Where each claim's refs start in the source's packed claims, checked (throws when they do not fit together);
 * the claims that deny or doubt something are added to `denials`. (A plain function: a generator holding the loop
 * ran it slower.) */
function checkedStarts(p: PackedClaims, sourceId: string, keys: number, ids: number, denials: Map<string, number[]>, slab: Slab): Indexes {
  if (p.spans.length !== 2 * p.count || p.stances.length !== p.count || p.flags.length !== p.count)
    throw new Error(`claims of ${sourceId}: columns of different lengths`);
  const starts = new Int32Array(p.count + 1);
  const refs = p.refs;
  let r = 0;
  for (let i = 0; i < p.count; i++) {
    starts[i] = r;
    if (p.stances[i] >= STANCES.length) throw new Error(`claims of ${sourceId}: unknown stance code ${p.stances[i]}`);
    r = checkList(refs, r, keys, sourceId);
    r = checkList(refs, r, ids, sourceId);
    r = checkList(refs, r, ids, sourceId);
    if (p.flags[i] & 4) push(denials, sourceId, i);
  }
  if (r !== refs.length) throw new Error(`claims of ${sourceId} do not fit together`);
  starts[p.count] = r;
  return slab.indexesOf(starts);
}

/** checks a length-prefixed list of table indexes at `r`; returns where the next starts */
function checkList(refs: Indexes, r: number, tableSize: number, sourceId: string): number {
  const n = refs[r];
  if (n === undefined || n < 0 || r + 1 + n > refs.length) throw new Error(`claims of ${sourceId} do not fit together`);
  for (let j = r + 1; j <= r + n; j++)
    if (refs[j] < 0 || refs[j] >= tableSize) throw new Error(`claims of ${sourceId}: index ${refs[j]} out of range`);
  return r + 1 + n;
}
