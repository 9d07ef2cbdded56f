import type { Entity, EntityType, Mention } from './model';
import type { ResolvedMention } from './entities/resolve';
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
  type HasText,
  type Indexes,
  hasText,
} from './packed';
import { textLength, textSlice } from './text/packedText';

/**
 * One source's resolved name mentions as columns: the form they are kept in memory and in the snapshot (~470,000
 * mentions at 10,000 articles took ~75 MB as objects).
 */
export interface PackedMentions {
  /** start, end, entity index + 1 (0: none) of each mention (2 bytes an entry when every entry fits, else 4) */
  cols: Indexes;
  /** JSON of a flat list [mention index, text] for the mentions whose text is not the source's text at the span ('' when none) */
  texts: string;
  /** JSON of a flat list [mention index, [entity index, ...]] for the names several entities fit ('' when none) */
  candidates: string;
}

/** A source with no mentions. */
export const NO_MENTIONS: PackedMentions = { cols: new Int32Array(0), texts: '', candidates: '' };

/** The shape of packed mentions (what they hold is checked when a store is made of them). */
export function isPackedMentions(x: unknown): x is PackedMentions {
  const p = x as PackedMentions;
  return !!p && isIndexes(p.cols) && typeof p.texts === 'string' && typeof p.candidates === 'string';
}

/** Packed mentions with their array copied into `slab` (see `ownedClaims`). */
export function ownedMentions(p: PackedMentions, slab: Slab): PackedMentions {
  return { ...p, cols: slab.indexesOf(p.cols) };
}

/** most mentions materialised at once (see the claims' cap) */
const MATERIALISED_CAP = 1 << 16;

/** What a mention store looks mentions up with, worked out from the packed columns. */
interface MentionLookups {
  sourceIndex: Map<string, number>;
  idIndex: Map<string, number>;
  postings: Postings;
}

/** Checks the columns (throws when they do not fit together) and works out the lookups, yielding between slices. */
function* mentionLookups(
  ids: string[],
  sourceIds: string[],
  texts: readonly HasText[],
  packed: PackedMentions[],
): Generator<void, MentionLookups, void> {
  const sourceIndex = new Map<string, number>();
  for (let s = 0; s < packed.length; s++) {
    sourceIndex.set(sourceIds[s], s);
    checkMentions(packed[s].cols, textLength(texts[s]), ids.length, sourceIds[s]);
    if (s % 1024 === 1023) yield;
  }
  const { idIndex, postings } = yield* entityLookups(ids, packed.length, (from, to, visit) => {
    for (let s = from; s < to; s++) {
      const cols = packed[s].cols;
      for (let j = 0; j < cols.length; j += 3) if (cols[j + 2]) visit(cols[j + 2] - 1, s, j / 3);
    }
  });
  return { sourceIndex, idIndex, postings };
}

/** Throws when a source's packed mentions do not fit its text of `length` or the id table. */
function checkMentions(cols: Indexes, length: number, ids: number, sourceId: string): void {
  if (cols.length % 3) throw new Error(`mentions of ${sourceId} do not fit together`);
  for (let j = 0; j < cols.length; j += 3)
    if (cols[j] < 0 || cols[j + 1] < cols[j] || cols[j + 1] > length || cols[j + 2] < 0 || cols[j + 2] > ids)
      throw new Error(`mentions of ${sourceId}: mention ${j / 3} out of range`);
}

interface Sparse {
  texts: Map<number, string> | undefined;
  candidates: Map<number, number[]> | undefined;
}

/**
 * Every resolved mention of the derived index, packed per source, with each entity's mentions as postings; made into
 * objects on demand and kept while their source is among the recently used.
 */
export class MentionStore {
  private readonly sourceIndex: Map<string, number>;
  private readonly idIndex: Map<string, number>;
  private readonly postings: Postings;
  private readonly cache: SlotCache<ResolvedMention, Sparse>;

  /** `ids`: the table the packed entity indexes point into. Throws when the columns do not fit together. */
  constructor(
    readonly ids: string[],
    readonly sourceIds: string[],
    /** the sources' texts (the sources themselves), read when a mention is made */
    private readonly texts: readonly HasText[],
    private readonly packed: PackedMentions[],
    /** what `MentionStore.steps` worked out in slices (else worked out here) */
    lookups: MentionLookups = drain(mentionLookups(ids, sourceIds, texts, packed)),
  ) {
    ({ sourceIndex: this.sourceIndex, idIndex: this.idIndex, postings: this.postings } = lookups);
    this.cache = new SlotCache(
      MATERIALISED_CAP,
      (s) => packed[s].cols.length / 3,
      (s) => this.sparse(s),
      (s, i, sparse) => this.build(s, i, sparse),
    );
  }

  /** The same store, its columns checked and its postings built in slices with a yield between them. */
  static *steps(
    ids: string[],
    sourceIds: string[],
    texts: readonly HasText[],
    packed: PackedMentions[],
  ): Generator<void, MentionStore, void> {
    const lookups = yield* mentionLookups(ids, sourceIds, texts, packed);
    return new MentionStore(ids, sourceIds, texts, packed, lookups);
  }

  static empty(): MentionStore {
    return new MentionStore([], [], [], []);
  }

  private sparse(s: number): Sparse {
    const p = this.packed[s];
    return { texts: pairs<string>(p.texts), candidates: pairs<number[]>(p.candidates) };
  }

  private build(s: number, i: number, sparse: Sparse): ResolvedMention {
    const cols = this.packed[s].cols;
    const start = cols[3 * i];
    const end = cols[3 * i + 1];
    const e = cols[3 * i + 2];
    const cands = sparse.candidates?.get(i);
    return {
      sourceId: this.sourceIds[s],
      span: { start, end },
      text: sparse.texts?.get(i) ?? textSlice(this.texts[s], start, end),
      entityId: e ? this.ids[e - 1] : undefined,
      candidates: cands?.map((c) => this.ids[c]),
    };
  }

  /** the packed mentions of the sources, in order (for the snapshot) */
  packedSources(): { sourceId: string; mentions: PackedMentions }[] {
    return this.sourceIds.map((sourceId, s) => ({ sourceId, mentions: this.packed[s] }));
  }

  /** The source's mentions, in text order. */
  ofSource(sourceId: string): ResolvedMention[] {
    const s = this.sourceIndex.get(sourceId);
    if (s === undefined) return NONE;
    const out: ResolvedMention[] = new Array(this.packed[s].cols.length / 3);
    for (let i = 0; i < out.length; i++) out[i] = this.cache.get(s, i);
    return out;
  }

  /** The source's mentions that start in [start, end), in text order. */
  inSpan(sourceId: string, start: number, end: number): ResolvedMention[] {
    const s = this.sourceIndex.get(sourceId);
    if (s === undefined) return NONE;
    const cols = this.packed[s].cols;
    const n = cols.length / 3;
    const out: ResolvedMention[] = [];
    for (let i = lowerBound(cols, n, start); i < n && cols[3 * i] < end; i++) out.push(this.cache.get(s, i));
    return out;
  }

  /** The first of the source's mentions resolved to the entity (made without making the others). */
  firstIn(sourceId: string, entityId: string): ResolvedMention | undefined {
    const at = this.firstIndexIn(sourceId, entityId);
    return at && this.cache.get(at.s, at.i);
  }

  /** The span of the first of the source's mentions resolved to the entity, read from the columns. */
  firstSpanIn(sourceId: string, entityId: string): { start: number; end: number } | undefined {
    const at = this.firstIndexIn(sourceId, entityId);
    const cols = at && this.packed[at.s].cols;
    return cols && { start: cols[3 * at.i], end: cols[3 * at.i + 1] };
  }

  /** the source's index and that of its first mention resolved to the entity */
  private firstIndexIn(sourceId: string, entityId: string): { s: number; i: number } | undefined {
    const s = this.sourceIndex.get(sourceId);
    const e = this.idIndex.get(entityId);
    if (s === undefined || e === undefined) return undefined;
    const cols = this.packed[s].cols;
    for (let j = 2; j < cols.length; j += 3) if (cols[j] === e + 1) return { s, i: (j - 2) / 3 };
    return undefined;
  }

  /**
   * Whether the source names the entity in [start, end) only through names that fit other entities too: then the
   * first such name as written (and undefined when a mention there is resolved to the entity, or none fits it).
   */
  ambiguousNameIn(sourceId: string, start: number, end: number, entityId: string): string | undefined {
    const s = this.sourceIndex.get(sourceId);
    const e = this.idIndex.get(entityId);
    if (s === undefined || e === undefined) return undefined;
    const cols = this.packed[s].cols;
    const n = cols.length / 3;
    let i = lowerBound(cols, n, start);
    let first = -1;
    let candidates: Map<number, number[]> | undefined | null = null;
    for (; i < n && cols[3 * i] < end; i++) {
      if (cols[3 * i + 2] === e + 1) return undefined;
      if (first >= 0) continue;
      // (only the candidates are read: the texts as written are the larger part)
      if (candidates === null) candidates = this.candidatesOf(s);
      if (candidates?.get(i)?.includes(e)) first = i;
    }
    return first >= 0 ? this.cache.get(s, first).text : undefined;
  }

  /**
   * The candidates of source `s`'s ambiguous mentions, read from their JSON; the last source's are kept, as a card
   * asks `ambiguousNameIn` about each of an entity's sentences in a source in turn (~600 of them for the most named
   * person of 10,000 articles, read again each time).
   */
  private candidatesOf(s: number): Map<number, number[]> | undefined {
    if (this.lastCandidates?.s !== s) this.lastCandidates = { s, candidates: pairs<number[]>(this.packed[s].candidates) };
    return this.lastCandidates.candidates;
  }
  private lastCandidates: { s: number; candidates: Map<number, number[]> | undefined } | undefined;

  /** The mentions resolved to the entity, in source then text order (the first `limit` of them). */
  ofEntity(entityId: string, limit = Infinity): ResolvedMention[] {
    const e = this.idIndex.get(entityId);
    return e === undefined ? NONE : this.postings.map(e, (s, i) => this.cache.get(s, i), limit);
  }

  countOf(entityId: string): number {
    const e = this.idIndex.get(entityId);
    return e === undefined ? 0 : this.postings.count(e);
  }

  /** How many sources name the entity. */
  sourceCountOf(entityId: string): number {
    const e = this.idIndex.get(entityId);
    return e === undefined ? 0 : this.postings.sources(e);
  }

  /** The sources that name the entity, in order. */
  sourcesOf(entityId: string): string[] {
    const e = this.idIndex.get(entityId);
    return e === undefined ? NONE : this.postings.sourceList(e).map((s) => this.sourceIds[s]);
  }

  /** How many distinct entities the source's mentions are resolved to. */
  entityCountIn(sourceId: string): number {
    return this.entityIndexesIn(sourceId).size;
  }

  /** The distinct entities the source's mentions are resolved to, in order of first mention (no mention is made). */
  entitiesIn(sourceId: string): string[] {
    return [...this.entityIndexesIn(sourceId)].map((e) => this.ids[e - 1]);
  }

  /** entity index + 1 of each distinct entity the source's mentions are resolved to */
  private entityIndexesIn(sourceId: string): Set<number> {
    const s = this.sourceIndex.get(sourceId);
    const seen = new Set<number>();
    if (s === undefined) return seen;
    const cols = this.packed[s].cols;
    for (let j = 2; j < cols.length; j += 3) if (cols[j]) seen.add(cols[j]);
    return seen;
  }
}

/** Packs the mentions a rebuild resolves, source by source, with an id table it may share with the claims'. */
export class MentionPacker {
  private readonly sourceIds: string[] = [];
  private readonly texts: HasText[] = [];
  private readonly packed: PackedMentions[] = [];

  /** `idIds`: the entity id table, which the claims' packer may share; `slab`: where the columns are made */
  constructor(
    private readonly idIds: Map<string, number> = new Map(),
    private readonly slab = new Slab(),
  ) {}

  /** `source`: the source's text, or the source (whose text is read here and when a mention is made) */
  add(sourceId: string, source: string | HasText, mentions: ResolvedMention[]): void {
    const text = typeof source === 'string' ? source : source.text;
    const cols = new Int32Array(3 * mentions.length);
    const texts: unknown[] = [];
    const candidates: unknown[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      cols[3 * i] = m.span.start;
      cols[3 * i + 1] = m.span.end;
      cols[3 * i + 2] = m.entityId ? indexIn(this.idIds, m.entityId) + 1 : 0;
      if (m.text.length !== m.span.end - m.span.start || !text.startsWith(m.text, m.span.start)) texts.push(i, m.text);
      if (m.candidates)
        candidates.push(
          i,
          m.candidates.map((c) => indexIn(this.idIds, c)),
        );
    }
    this.sourceIds.push(sourceId);
    this.texts.push(hasText(source));
    this.packed.push({
      cols: this.slab.indexesOf(cols),
      texts: texts.length ? narrow(JSON.stringify(texts)) : '',
      candidates: candidates.length ? JSON.stringify(candidates) : '',
    });
  }

  /** `ids`: the id table (of the shared map) as it stands when every packer sharing it is done */
  finish(ids: string[]): MentionStore {
    return drain(this.finishSteps(ids));
  }

  /** `finish` in slices, with a yield between them */
  finishSteps(ids: string[]): Generator<void, MentionStore, void> {
    return MentionStore.steps(ids, this.sourceIds, this.texts, this.packed);
  }
}

/** An entity whose mentions stay packed in the store, made into objects when asked for. */
export class StoredEntity implements Entity {
  declare id: string;
  declare name: string;
  declare type: EntityType;
  declare aliases: string[];
  declare date?: string;
  declare placeId?: string;
  readonly #store: MentionStore;

  constructor(e: Omit<Entity, 'mentions'> & { mentions?: unknown }, store: MentionStore) {
    this.id = e.id;
    this.name = e.name;
    this.type = e.type;
    this.aliases = e.aliases;
    if (e.date !== undefined) this.date = e.date;
    if (e.placeId !== undefined) this.placeId = e.placeId;
    this.#store = store;
  }

  get mentions(): Mention[] {
    return this.#store.ofEntity(this.id);
  }
}

/** the first of `n` mentions (in text order) that starts at or after `start` */
function lowerBound(cols: Indexes, n: number, start: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols[3 * mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** a flat JSON list [index, value, index, value …] as a map ('' when none) */
function pairs<T>(json: string): Map<number, T> | undefined {
  if (!json) return undefined;
  const flat = JSON.parse(json) as unknown[];
  const out = new Map<number, T>();
  for (let j = 0; j + 1 < flat.length; j += 2) out.set(flat[j] as number, flat[j + 1] as T);
  return out;
}
