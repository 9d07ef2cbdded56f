import { isCount, type Claim, type Dispute, type Entity, type Source } from './model';
import type { SentenceAnalysis, SourceAnalysis } from './analyze';
import {
  isStoredAnalysis,
  packedAnalysisOf,
  unpackSentences,
  type PackedAnalysis,
  type PackedSentences,
  type StoredAnalysis,
} from './sentencePack';
import {
  resolveEntitiesSteps,
  eventPlaceName,
  namesPlace,
  damerauLevenshtein,
  eventKind,
  onlyPlacedEvent,
  type DocCandidates,
  type EntityTable,
  type ResolvedMention,
} from './entities/resolve';
import { normKey } from './entities/extract';
import { detectDisputesSteps, mayDispute } from './disputes/detect';
import { EVENT_NOUNS, GENERIC_EVENT, fold } from './lexicon';
import { ClaimPacker, ClaimStore, NO_CLAIMS, isPackedClaims, ownedClaims, type ClaimRecord, type PackedClaims } from './claimStore';
import {
  BuiltOnce,
  NONE,
  Slab,
  detached,
  drain,
  inMappedSlab,
  inSlices,
  inSteps,
  indexIn,
  isIndexes,
  mappedSlab,
  narrow,
  positionInSorted,
  push,
  withRoom,
  type Indexes,
} from './packed';
import { SearchIndex, SpellingIndex, trigramsOf, type NameTokens } from './nameIndex';
import { forgetUnpacked, isPackedText, ownedPackedText, packTextOf, packedTextOf, withoutText, type PackedText } from './text/packedText';
import {
  MentionPacker,
  MentionStore,
  NO_MENTIONS,
  StoredEntity,
  isPackedMentions,
  ownedMentions,
  type PackedMentions,
} from './mentionStore';

/**
 * One source's part of a snapshot, as columns of numbers where it can (a deserialised number costs far less than a
 * deserialised object or string, and needs no hashing to be shared): entities as indexes into the meta part's id
 * table, meaning keys as indexes into its key table, stances as codes, and 0 for "the outlet itself", "none" and
 * "the text as written at the span".
 */
export interface SnapshotSource {
  /** the source but its text, which is `text` */
  source: Omit<Source, 'text'>;
  text: PackedText;
  /** as the index keeps them (indexes into the meta part's key and id tables) */
  claims: PackedClaims;
  /** as the index keeps them (entity indexes into the meta part's id table) */
  mentions: PackedMentions;
  /** the article's meaning keys and entities: their positions in the meta part's sorted tables (`setKeys`,
   * `setIds`), ascending (none for a source with no claim) */
  keys: Indexes;
  entities: Indexes;
}

export type SnapshotPart =
  | {
      kind: 'meta';
      keys: string[];
      /** the id table the packed claims and mentions index, then any entity id it lacks */
      ids: string[];
      sources: number;
      entities: number;
      lookups: Omit<EntityTable, 'entities' | 'mentions'>;
      disputes: Dispute[];
      entityWords: string[];
      doersByClaim: [string, { eventId: string; orgId: string }[]][];
      disputesByKey: [string, number[]][];
      /** the sorted tables the sources' key and entity sets index */
      setKeys: string[];
      setIds: string[];
    }
  /** entities without their mentions (the sources' resolved mentions are the same objects) */
  | { kind: 'entities'; list: Omit<Entity, 'mentions'>[] }
  | { kind: 'sources'; list: SnapshotSource[] };

/** The entity table of the derived index: its entities (whose mentions stay packed) and name lookups. */
export type IndexTable = Omit<EntityTable, 'mentions'>;

/** Everything a rebuild derives from the analyses together; swapped in whole when a rebuild finishes. */
interface Derived {
  table: IndexTable;
  claims: ClaimStore;
  mentions: MentionStore;
  disputes: Dispute[];
  disputesByEntity: Map<string, Dispute[]>;
  disputesByClaim: Map<string, Dispute[]>;
  entityWords: Set<string>;
  doersByClaim: Map<string, { eventId: string; orgId: string }[]>;
  sourceKeys: Map<string, KeySet>;
  sourceEntities: Map<string, KeySet>;
  /** the sorted tables of `sourceKeys` and `sourceEntities` */
  setTables: { keys: string[]; ids: string[] };
  disputesByKey: Map<string, Set<Dispute>>;
}

function emptyDerived(): Derived {
  return {
    table: emptyTable(),
    claims: ClaimStore.empty(),
    mentions: MentionStore.empty(),
    disputes: [],
    disputesByEntity: new Map(),
    disputesByClaim: new Map(),
    entityWords: new Set(),
    doersByClaim: new Map(),
    sourceKeys: new Map(),
    sourceEntities: new Map(),
    setTables: { keys: [], ids: [] },
    disputesByKey: new Map(),
  };
}

export interface RebuildOptions {
  /**
   * Drop the per-file analyses from the index as the rebuild starts (`releaseAnalyses`), and each from the rebuild once
   * read: for a caller that has them on disk, as a first indexing has when its cache was written as it went. A later
   * rebuild then needs them again.
   */
  releaseAnalyses?: boolean;
}

/**
 * The corpus index: sources, their per-file analyses, and what is derived from all of them together
 * (entities, claims, disputes, name indexes for spelling and fuzzy lookup). The per-file analysis is the
 * expensive part (cached, computed in workers); the derived part is rebuilt from all analyses, either at once
 * (`rebuild`) or in slices that yield to the event loop (`rebuildInSlices`), in which case readers keep seeing
 * the previous derived state, whole, until the new one replaces it.
 */
export class CorpusIndex {
  readonly sources = new Map<string, Source>();
  /** the per-file analyses: their sentences and candidate names packed (`PackedAnalysis`) when they came from a worker
   * or the cache, or where they are on disk (`StoredAnalysis`), read back by each rebuild */
  readonly analyses = new Map<string, SourceAnalysis | PackedAnalysis | StoredAnalysis>();
  private d: Derived = emptyDerived();
  /** `isDisputedClaimAt`'s list, and the index version it was made for (not the derived index itself, which a
   * reference from here would keep in memory after the next rebuild) */
  private disputedClaims: { version: number; bySource: Map<number, Set<number>> } | undefined;
  version = 0;

  get table(): IndexTable {
    return this.d.table;
  }
  /** the source's resolved mentions, in text order */
  mentionsIn(sourceId: string): ResolvedMention[] {
    return this.d.mentions.ofSource(sourceId);
  }
  /** the source's mentions that start in [start, end), in text order (made without making the others) */
  mentionsInSpan(sourceId: string, start: number, end: number): ResolvedMention[] {
    return this.d.mentions.inSpan(sourceId, start, end);
  }
  /** how many distinct entities the source names */
  entityCountIn(sourceId: string): number {
    return this.d.mentions.entityCountIn(sourceId);
  }
  /** the distinct entities the source's mentions are resolved to, in order of first mention (none is made) */
  entitiesIn(sourceId: string): string[] {
    return this.d.mentions.entitiesIn(sourceId);
  }
  mentionCountOf(entityId: string): number {
    return this.d.mentions.countOf(entityId);
  }
  /** the entity's first mention in the source, without making the source's others */
  firstMentionIn(sourceId: string, entityId: string): ResolvedMention | undefined {
    return this.d.mentions.firstIn(sourceId, entityId);
  }
  /** the span of the entity's first mention in the source (no mention is made) */
  firstMentionSpanIn(sourceId: string, entityId: string): { start: number; end: number } | undefined {
    return this.d.mentions.firstSpanIn(sourceId, entityId);
  }
  /** the name as written when the source names the entity in [start, end) only through names that fit others too */
  ambiguousNameIn(sourceId: string, start: number, end: number, entityId: string): string | undefined {
    return this.d.mentions.ambiguousNameIn(sourceId, start, end, entityId);
  }
  /** the entity's first mention (in source order), without making all of them */
  firstMentionOf(entityId: string): ResolvedMention | undefined {
    return this.d.mentions.ofEntity(entityId, 1)[0];
  }
  /** every claim, packed; materialised on demand (`claim`, or the store's own lookups) */
  get claims(): ClaimStore {
    return this.d.claims;
  }
  /** the claim with this id, if any */
  claim(id: string): Claim | undefined {
    return this.d.claims.get(id);
  }
  get disputes(): Dispute[] {
    return this.d.disputes;
  }
  get disputesByEntity(): Map<string, Dispute[]> {
    return this.d.disputesByEntity;
  }
  get disputesByClaim(): Map<string, Dispute[]> {
    return this.d.disputesByClaim;
  }
  /**
   * Whether claim `i` of the claim store's source `s` is a side of a dispute, with no claim id made: a card ranks an
   * entity's sources by this, and a popular entity has thousands of claims (~13,000 for the most named of 10,000
   * articles). The disputed claims are listed by source once per index version, when first asked.
   */
  isDisputedClaimAt(s: number, i: number): boolean {
    return this.disputedClaimsIn(s)?.has(i) ?? false;
  }
  /** The indexes of the claims of the claim store's source `s` that are sides of disputes (`isDisputedClaimAt`). */
  disputedClaimsIn(s: number): ReadonlySet<number> | undefined {
    let x = this.disputedClaims;
    if (x?.version !== this.version) {
      const bySource = new Map<number, Set<number>>();
      for (const id of this.d.disputesByClaim.keys()) {
        const at = this.d.claims.locate(id);
        if (!at) continue;
        let set = bySource.get(at.s);
        if (!set) bySource.set(at.s, (set = new Set()));
        set.add(at.i);
      }
      this.disputedClaims = x = { version: this.version, bySource };
    }
    return x.bySource.get(s);
  }
  /** lower-case words of entity names and aliases (not meaning words) */
  get entityWords(): Set<string> {
    return this.d.entityWords;
  }
  /** per source: the meaning keys and entities of the whole article (what it is about) */
  get sourceKeys(): Map<string, KeySet> {
    return this.d.sourceKeys;
  }
  get sourceEntities(): Map<string, KeySet> {
    return this.d.sourceEntities;
  }
  /** the sorted table of every key in `sourceKeys` (each set holds positions in it) */
  get sourceKeyTable(): readonly string[] {
    return this.d.setTables.keys;
  }
  /** the sorted table of every entity id in `sourceEntities` (each set holds positions in it) */
  get sourceEntityTable(): readonly string[] {
    return this.d.setTables.ids;
  }
  /** meaning key -> disputes whose claims carry it (keys common to many claims are left out) */
  get disputesByKey(): Map<string, Set<Dispute>> {
    return this.d.disputesByKey;
  }

  /**
   * Adds or replaces a source and its analysis. `copied`: the analysis arrived as a copy (from a worker thread or
   * the on-disk cache), so its strings are fresh duplicates worth sharing (and it is kept packed); an
   * analysis made in this thread already shares them (the analysers' word caches return the same strings) and is kept
   * as it is given (packing is for the many analyses of worker threads; here it would only cost time), as is one kept
   * on disk (`StoredAnalysis`).
   */
  upsert(source: Source, analysis: SourceAnalysis | PackedAnalysis | StoredAnalysis, copied = false): void {
    this.sources.set(source.id, source);
    if (!copied || isStoredAnalysis(analysis)) {
      this.analyses.set(source.id, analysis);
      return;
    }
    const packed = packedAnalysisOf(analysis);
    if (!this.compacted.has(packed)) {
      compact(packed, this.strings);
      packed.packedSentences.cols = inMappedSlab(packed.packedSentences.cols, this.analysisSlab);
      packed.packedRaw.cols = inMappedSlab(packed.packedRaw.cols, this.analysisSlab);
      this.compacted.add(packed);
    }
    this.analyses.set(source.id, packed);
  }

  private readonly compacted = new WeakSet<PackedAnalysis>();

  /** one copy of each meaning key and name key in the corpus (analyses arrive as fresh copies from workers/cache) */
  private readonly strings = new Map<string, string>();

  /**
   * Where the packed analyses' columns are kept (`mappedSlab`), rather than in the ~20,000 small buffers (two a source)
   * they arrive in. Freed, small buffers left holes that the allocator kept resident: after a first indexing of 10,000
   * articles had released its analyses, its heap outside V8 was 36 MB larger than when the candidates were objects on
   * V8's heap, which a compacting collection gives back.
   */
  private analysisSlab = mappedSlab();

  /**
   * Drops the per-file analyses, which only a rebuild reads (the caller has them on disk), and the table that shared
   * their strings (~10 MB at 10,000 articles): a later rebuild reads the analyses again.
   */
  releaseAnalyses(): void {
    this.analyses.clear();
    this.strings.clear();
    this.analysisSlab = mappedSlab();
  }

  /**
   * Reads the sources' texts from where `stored` says they are now (a file of texts written with a snapshot) instead
   * of from memory: each source whose packed text is a key of `stored` (not one replaced since). Returns how many.
   */
  readTextsFrom(stored: Map<PackedText, PackedText>): number {
    let n = 0;
    for (const source of this.sources.values()) {
      const p = packedTextOf(source);
      const to = p && stored.get(p);
      if (to) {
        packTextOf(source, to);
        n++;
      }
    }
    // (the texts unpacked lately would keep the texts read from memory so far)
    if (n) forgetUnpacked();
    return n;
  }

  remove(sourceId: string): void {
    this.sources.delete(sourceId);
    this.analyses.delete(sourceId);
  }

  /** Recomputes entities, claims, disputes and the lookup structures from the per-file analyses. */
  rebuild(): void {
    const steps = this.rebuildSteps();
    while (!steps.next().done);
  }

  /**
   * The same rebuild, yielding to the event loop whenever a slice has run for `sliceMs`, so that requests are
   * answered meanwhile (from the previous derived state). Sources added or removed while it runs are picked up by
   * the next rebuild.
   */
  rebuildInSlices(sliceMs = 20, opts: RebuildOptions = {}): Promise<void> {
    return inSlices(this.rebuildSteps(opts), sliceMs);
  }

  /** The rebuild, as steps small enough to interleave with requests; the new state is swapped in at the end. */
  private *rebuildSteps(opts: RebuildOptions = {}): Generator<void, void, void> {
    // a consistent snapshot of the sources and their analyses, whatever arrives meanwhile: each analysis's name
    // candidates for the resolver, and its sentences for the claims, apart (the resolver lets each source's
    // candidates go once it has read them; its sentences go once its claims are made)
    // (an analysis kept on disk is read in two parts, its candidates by the resolver, which shares their strings, and
    // its sentences by the claims loop, whose keys are shared through a table of the rebuild's own, as `upsert` shares
    // those of the analyses it keeps)
    const docs: { source: Source; sentences: PackedSentences | SentenceAnalysis[] | StoredAnalysis | undefined }[] = [];
    const candidates: DocCandidates[] = [];
    const strings = new Map<string, string>();
    for (const [id, a] of this.analyses) {
      const source = this.sources.get(id);
      if (!source) continue;
      if (isStoredAnalysis(a)) {
        docs.push({ source, sentences: a });
        candidates.push({ sourceId: a.sourceId, mentions: a });
        continue;
      }
      docs.push({ source, sentences: 'packedSentences' in a ? a.packedSentences : a.sentences });
      candidates.push({ sourceId: a.sourceId, mentions: 'packedRaw' in a ? a.packedRaw : a.raw });
    }
    // (from here on, each analysis is dropped once read: with the index's own references gone, its memory goes too)
    if (opts.releaseAnalyses) this.releaseAnalyses();
    yield;
    const d = emptyDerived();
    // (packed candidates are read one source at a time, into the resolver's columns)
    // (a source's resolved mentions are made when the loop below asks for them: all ~430,000 as objects at once, with
    // their spans, were ~45 MB of the rebuild's peak at 10,000 articles)
    const table = yield* resolveEntitiesSteps(candidates, { dropGathered: true, lazyMentions: true });
    d.table = table;
    yield;
    // (the work is in plain functions: a small function is optimised, and re-optimised, far more cheaply than a
    // generator holding all of it; each slice of entities a step of its own: at 10,000 articles the words of all of
    // them took ~40 ms, which requests waited for)
    const all = [...table.entities.values()];
    yield* inSteps(all.length, (a, b) => addEntityWords(d, all, a, b), ENTITY_STEP);
    yield;
    // nothing from here on reads an entity's list of mentions (the stored entities ask the mention store; a lazy table
    // leaves them empty): one shared empty list
    for (const e of all) e.mentions = NONE;
    yield;
    // each source's claims are packed as soon as they are made, with its mentions (the packer also counts the
    // claims each key occurs in), and its key and entity sets kept as sorted arrays; only the claims a dispute can
    // use stay objects until the disputes are found (all of them: ~420,000 at 10,000 articles)
    const ids = new Map<string, number>();
    // (the stores' many small arrays are views into shared buffers, dropped with the state they belong to)
    const slab = new Slab();
    const packer = new ClaimPacker(ids, slab);
    const mentionPacker = new MentionPacker(ids, slab);
    // (each source's sets as indexes into the packer's key table and the id table, until those are sorted: as sets
    // of strings they took ~50 MB at 10,000 articles through the rest of the rebuild)
    const sets = new Map<string, { keys: Indexes; ents: Indexes }>();
    const setSlab = new Slab();
    const setsOf = new SourceSets(setSlab);
    const disputable: ClaimRecord[] = [];
    for (const doc of docs) {
      const source = doc.source;
      const id = source.id;
      // (a source's sentences are objects only while its claims are made)
      const kept = doc.sentences!;
      doc.sentences = undefined;
      const packed = isStoredAnalysis(kept) ? shareKeys(kept.readSentences(), strings) : kept;
      // (made once for the claims and the mention store, then let go)
      const mentions = table.mentions.get(id) ?? NONE;
      table.mentions.delete(id);
      const claims = buildClaims(d, table, source, Array.isArray(packed) ? packed : unpackSentences(packed), mentions);
      packer.add(id, source, claims);
      mentionPacker.add(id, source, mentions);
      const x = setsOf.of(packer.lastRefs(), claims.length);
      if (x) sets.set(id, x);
      // (a claim's text is a slice of its source's text: of a packed text, a view into the text unpacked for this
      // source, which a kept claim would keep whole until the disputes are found)
      const packedText = packedTextOf(source) !== undefined;
      for (let i = 0; i < claims.length; i++)
        if (mayDispute(claims[i], claims[i + 1], table.entities, source)) {
          if (packedText) claims[i].text = detached(claims[i].text);
          disputable.push(claims[i]);
        }
      yield;
    }
    // (every source's mentions are packed: what the lazy table made them from goes now, not with the rebuild; and no
    // analysis is read back any more)
    table.mentions = new Map();
    strings.clear();
    d.disputes = yield* detectDisputesSteps({
      claims: disputable,
      entities: d.table.entities,
      sources: new Map(docs.map((x) => [x.source.id, x.source])),
      doersByClaim: d.doersByClaim,
      entityWords: d.entityWords,
    });
    yield;
    indexDisputes(d);
    // (each a step of its own: at 10,000 articles they took ~0.5 s together, which requests waited for)
    const idTable = [...ids.keys()];
    d.claims = yield* packer.finishSteps(idTable);
    yield;
    d.mentions = yield* mentionPacker.finishSteps(idTable);
    yield;
    yield* indexSourceSets(d, sets, d.claims.keys, idTable, slab);
    yield;
    d.table = yield* storedTableSteps(table, d.mentions);
    yield;
    // the disputes' claims as the rebuild made them (asking the new store would make them again)
    // (in steps: at 10,000 articles the disputable claims took ~50–100 ms to go through at once)
    const sides = new Set<string>();
    for (const x of d.disputes) for (const side of x.sides) sides.add(side.claimId);
    yield;
    const byId = new Map<string, Claim>();
    yield* inSteps(
      disputable.length,
      (a, b) => {
        for (let i = a; i < b; i++) if (sides.has(disputable[i].id)) byId.set(disputable[i].id, disputable[i]);
      },
      DISPUTABLE_STEP,
    );
    yield;
    const builtClaim = (id: string): Claim | undefined => byId.get(id);
    yield* inSteps(d.disputes.length, (a, b) => indexDisputeKeys(d, builtClaim, (k) => packer.claimsWithKey(k), a, b), DISPUTE_STEP);
    yield;
    this.d = d;
    // the spelling and search indexes are built when first asked for (a rebuild during indexing needs neither)
    this.names = this.nameIndexes();
    this.version++;
  }

  /**
   * The derived index as plain parts for an on-disk snapshot, so that a restart on an unchanged corpus loads it
   * instead of rebuilding: first a `meta` part, then entities in batches, then sources with their claims and
   * resolved mentions in batches. Taken from the current state; a rebuild meanwhile does not change what it yields.
   */
  snapshot(batch = 50): Iterable<SnapshotPart> {
    // taken now, written later: the generator below reads only these
    return this.snapshotOf(this.d, new Map(this.sources), batch);
  }

  private *snapshotOf(d: Derived, sources: Map<string, Source>, batch: number): Generator<SnapshotPart, void, void> {
    const store = d.claims;
    // in the order of the rebuild that made the state (that of its claims), then any source added since
    const inStore = new Set(store.sourceIds);
    const ids = [...store.sourceIds, ...[...sources.keys()].filter((id) => !inStore.has(id))].filter((id) => sources.has(id));
    const packed = new Map(store.packedSources().map((x) => [x.sourceId, x.claims]));
    const packedMentions = new Map(d.mentions.packedSources().map((x) => [x.sourceId, x.mentions]));
    if (d.mentions.ids !== store.ids) throw new Error('the claims and mentions of the index have different id tables');
    const disputeIndex = new Map(d.disputes.map((x, i) => [x, i]));
    // the id table the claims and mentions share, then any entity it lacks
    const idIndex = new Map<string, number>();
    for (const id of store.ids) indexIn(idIndex, id);
    for (const id of d.table.entities.keys()) indexIn(idIndex, id);
    const { entities, ...lookups } = d.table;
    yield {
      kind: 'meta',
      keys: store.keys,
      ids: [...idIndex.keys()],
      sources: ids.length,
      entities: entities.size,
      lookups,
      disputes: d.disputes,
      entityWords: [...d.entityWords],
      doersByClaim: [...d.doersByClaim],
      disputesByKey: [...d.disputesByKey].map(([k, set]) => [k, [...set].map((x) => disputeIndex.get(x)!)]),
      setKeys: d.setTables.keys,
      setIds: d.setTables.ids,
    };
    const all = [...entities.values()];
    for (let i = 0; i < all.length; i += batch * 20) yield { kind: 'entities', list: all.slice(i, i + batch * 20).map(plainEntity) };
    for (let i = 0; i < ids.length; i += batch) {
      const list: SnapshotSource[] = ids.slice(i, i + batch).map((sourceId) => ({
        ...packedSource(sources.get(sourceId)!),
        claims: packed.get(sourceId) ?? NO_CLAIMS,
        mentions: packedMentions.get(sourceId) ?? NO_MENTIONS,
        keys: d.sourceKeys.get(sourceId)?.positions ?? NO_POSITIONS,
        entities: d.sourceEntities.get(sourceId)?.positions ?? NO_POSITIONS,
      }));
      yield { kind: 'sources', list };
    }
  }

  /**
   * Replaces the index with a snapshot written by `snapshot()` (sources and derived state; no per-file analyses,
   * so the next rebuild needs them upserted again). Throws on parts that do not fit together.
   */
  loadSnapshot(parts: Iterable<SnapshotPart>): void {
    const loader = this.snapshotLoader();
    for (const p of parts) loader.add(p);
    loader.finish();
  }

  /**
   * The same, part by part as they are read: `add` builds the new state aside (readers keep the current one),
   * `finish` checks that the parts fit together and swaps it in. A loader that is dropped changes nothing.
   */
  snapshotLoader(): { add(part: SnapshotPart): void; finish(): void } {
    let meta: Extract<SnapshotPart, { kind: 'meta' }> | undefined;
    let keys: string[] = [];
    let idTable: string[] = [];
    const d = emptyDerived();
    const sources = new Map<string, Source>();
    const sourceIds: string[] = [];
    const sourceTexts: Source[] = [];
    const packed: PackedClaims[] = [];
    const packedMentions: PackedMentions[] = [];
    const entities = new Map<string, Omit<Entity, 'mentions'>>();
    const sets = new Map<string, { keys: Indexes; ents: Indexes }>();
    // (arrays of their own, as in a rebuild: a deserialised array can be a view into the whole part it was read from)
    const slab = new Slab();
    const add = (part: SnapshotPart): void => {
      if (part.kind === 'meta') {
        meta = part;
        d.disputes = part.disputes;
        for (const w of part.entityWords) d.entityWords.add(w);
        for (const [k, v] of part.doersByClaim) d.doersByClaim.set(k, v);
        for (const [k, list] of part.disputesByKey) d.disputesByKey.set(k, new Set(list.map((i) => part.disputes[i])));
        keys = part.keys.map((k) => intern(this.strings, k));
        idTable = part.ids;
        return;
      }
      if (!meta) throw new Error('snapshot: parts before its meta part');
      if (part.kind === 'entities') {
        for (const e of part.list) entities.set(e.id, e);
        return;
      }
      for (const p of part.list) {
        const sourceId = p.source.id;
        if (!isPackedClaims(p.claims) || !isPackedMentions(p.mentions) || !isPackedText(p.text))
          throw new Error(`snapshot: the text, claims or mentions of ${sourceId} are not packed`);
        // the text stays packed (read when shown)
        const source = servingOnly(packTextOf(p.source as Source, ownedPackedText(p.text)));
        sources.set(sourceId, source);
        // (as the rebuild: the sets of the sources with claims)
        if (p.claims.count) {
          if (!isIndexes(p.keys) || !isIndexes(p.entities))
            throw new Error(`snapshot: the key and entity sets of ${sourceId} are not positions`);
          sets.set(sourceId, { keys: slab.indexesOf(p.keys), ents: slab.indexesOf(p.entities) });
        }
        sourceIds.push(sourceId);
        sourceTexts.push(source);
        packed.push(ownedClaims(p.claims, slab));
        packedMentions.push(ownedMentions(p.mentions, slab));
      }
    };
    const finish = (): void => {
      if (!meta) throw new Error('snapshot: no meta part');
      if (sources.size !== meta.sources || entities.size !== meta.entities)
        throw new Error(`snapshot: ${sources.size} sources and ${entities.size} entities, expected ${meta.sources} and ${meta.entities}`);
      // entity ids as the entities parts carry them (one copy of each)
      const canon = idTable.map((id) => entities.get(id)?.id ?? id);
      d.claims = new ClaimStore(keys, canon, sourceIds, sourceTexts, packed);
      d.mentions = new MentionStore(canon, sourceIds, sourceTexts, packedMentions);
      // the sets' tables, sharing the strings of the claims' keys and of the entities' ids
      d.setTables = {
        keys: meta.setKeys.map((k) => intern(this.strings, k)),
        ids: meta.setIds.map((id) => entities.get(id)?.id ?? id),
      };
      for (const [sourceId, x] of sets) {
        d.sourceKeys.set(sourceId, KeySet.fromPositions(d.setTables.keys, x.keys));
        d.sourceEntities.set(sourceId, KeySet.fromPositions(d.setTables.ids, x.ents));
      }
      d.table = drain(storedTableSteps({ ...meta.lookups, entities }, d.mentions));
      indexDisputes(d);
      this.sources.clear();
      this.analyses.clear();
      for (const [id, s] of sources) this.sources.set(id, s);
      this.d = d;
      // (the keys are shared now; a table of them would only be kept)
      this.strings.clear();
      this.names = this.nameIndexes();
      this.version++;
    };
    return { add, finish };
  }

  /** name token (folded) -> entity ids, for spelling suggestions; built on first use after a rebuild */
  get nameTokens(): NameTokens {
    return this.spelling().nameTokens;
  }

  /** The name indexes of the current version, made when first asked for (whole, or in steps). */
  private nameIndexes() {
    return {
      spelling: new BuiltOnce(() => SpellingIndex.steps(this.table.entities.values())),
      search: new BuiltOnce(() => SearchIndex.steps(this.table.entities.values())),
    };
  }
  private names = this.nameIndexes();

  private spelling(): SpellingIndex {
    return this.names.spelling.get();
  }

  private searching(): SearchIndex {
    return this.names.search.get();
  }

  /** Steps that make the search index of the current version while `wanted()` says so (a server runs them while it is
   * idle, so that the first completion or palette search after a rebuild need not make it). */
  *searchIndexSteps(wanted: () => boolean): Generator<void, void, void> {
    const names = this.names;
    yield* names.search.steps(() => names === this.names && wanted());
  }

  /** whether the search index of the current version is made */
  get searchIndexMade(): boolean {
    return this.names.search.built;
  }

  /**
   * Steps that make the spelling index of the current version if it is not made yet (a draft check runs them before it
   * reads a paragraph, so that it yields meanwhile), for the version current at the end. (The search index is made
   * when first asked for: made in slices once ready, it made the bench's hovers and a draft's first check slower.)
   */
  *spellingIndexSteps(): Generator<void, void, void> {
    for (let names = this.names; ; names = this.names) {
      // (a rebuild that replaces the version meanwhile: its index is made instead)
      const current = () => names === this.names;
      yield* names.spelling.steps(current);
      if (current()) return;
    }
  }

  /** whether the spelling index of the current version is made */
  get spellingIndexMade(): boolean {
    return this.names.spelling.built;
  }

  entity(id: string): Entity | undefined {
    return this.table.entities.get(id);
  }

  get entities(): Entity[] {
    return [...this.table.entities.values()];
  }

  /** Resolves a name as written to an entity, or to candidates when ambiguous. */
  lookupName(text: string): { entityId?: string; candidates?: string[] } {
    const key = normKey(text);
    const id = this.table.byKey.get(key);
    if (id) return { entityId: id };
    const amb = this.table.ambiguous.get(key);
    if (amb) return { candidates: amb };
    return {};
  }

  /** Known name tokens within edit distance 1 (2 for long words) of a word. */
  nearMisses(word: string): { token: string; distance: number; entityIds: string[] }[] {
    return this.spelling().nearMisses(word);
  }

  /**
   * Fuzzy entity search for the palette: a trigram index pre-selects a few hundred names (never a scan of the
   * whole corpus), then edit distance and prefix/substring matches rank them.
   */
  search(query: string, limit = 50): { entity: Entity; score: number; matched: string }[] {
    const q = fold(query.trim());
    if (!q) {
      return this.entities
        .sort((a, b) => this.mentionCountOf(b.id) - this.mentionCountOf(a.id))
        .slice(0, limit)
        .map((e) => ({ entity: e, score: 0, matched: e.name }));
    }
    const best = new Map<string, { entity: Entity; score: number; matched: string }>();
    const grams = Math.max(1, trigramsOf(q).length);
    for (const { key, shared: c, names } of this.searching().candidates(q, 300)) {
      let score = c / grams;
      if (key === q) score += 3;
      else if (key.startsWith(q)) score += 2;
      else if (key.includes(q)) score += 1;
      else {
        const words = key.split(' ');
        const d = Math.min(...words.map((w) => damerauLevenshtein(q, w, 3)), damerauLevenshtein(q, key, 3));
        score += d <= 3 ? (3 - d) * 0.5 : 0;
      }
      for (const { entityId, name } of names) {
        const e = this.table.entities.get(entityId)!;
        const s = score + Math.log10(1 + this.mentionCountOf(e.id)) * 0.2;
        const prev = best.get(entityId);
        if (!prev || prev.score < s) best.set(entityId, { entity: e, score: s, matched: name });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The sources that name the entity, in index order. */
  sourcesOf(entityId: string): string[] {
    return this.d.mentions.sourcesOf(entityId);
  }

  /** How many sources name the entity. */
  sourceCountOf(e: Entity): number {
    return this.d.mentions.sourceCountOf(e.id);
  }

  disputesOf(entityId: string): Dispute[] {
    return this.disputesByEntity.get(entityId) ?? [];
  }
}

/** entities and disputes per step of a rebuild's last parts (~4 and ~10 ms each at 10,000 articles) */
const ENTITY_STEP = 4096;
const DISPUTE_STEP = 256;
/** disputable claims gone through in one step when the disputes' claims are picked out of them */
const DISPUTABLE_STEP = 16384;

/** the words of the names of entities [from, to) of `all` */
function addEntityWords(d: Derived, all: Omit<Entity, 'mentions'>[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const e = all[i];
    for (const n of [e.name, ...e.aliases])
      for (const w of n.split(/[\s-]+/)) if (w.length > 1) d.entityWords.add(fold(w).replace(/['\u2019]s$/, ''));
  }
}

function indexDisputes(d: Derived): void {
  for (const x of d.disputes) {
    for (const e of x.entityIds) push(d.disputesByEntity, e, x);
    for (const s of x.sides) push(d.disputesByClaim, s.claimId, x);
  }
}

/**
 * A source as a snapshot keeps it: its text packed, beside the rest. The index keeps the text packed from then on
 * (once on disk, a text is read only to show a passage), and drops its prose and heading spans, which only the
 * analysis reads (a source is analysed again from its file, never from the index): ~12 MB at 10,000 articles.
 */
function packedSource(source: Source): Pick<SnapshotSource, 'source' | 'text'> {
  const text = packedTextOf(source) ?? packedTextOf(packTextOf(source))!;
  return { source: withoutText(servingOnly(source)), text };
}

/** The source without what only its analysis reads (see `packedSource`); the object itself, changed. */
function servingOnly(source: Source): Source {
  source.prose = NONE;
  source.headings = NONE;
  return source;
}

const NO_POSITIONS = new Int32Array(0);

/**
 * A source's distinct key and entity indexes (its claims' keys and named entities, in the order first met; none when
 * it has no claim), read from the refs its claims were packed with (`ClaimPacker.lastRefs`): no lookup by string and
 * no `Set` per source, which took ~0.45 s of a 7.5 s rebuild at 10,000 articles. Each index is marked with the number
 * of the source that last met it.
 */
class SourceSets {
  private readonly keySeen = new Marks();
  private readonly entSeen = new Marks();
  private source = 0;
  private readonly keys: number[] = [];
  private readonly ents: number[] = [];

  constructor(private readonly slab: Slab) {}

  of(refs: Int32Array, claims: number): { keys: Indexes; ents: Indexes } | undefined {
    if (!claims) return undefined;
    const source = ++this.source;
    const { keys, ents, keySeen, entSeen } = this;
    keys.length = 0;
    ents.length = 0;
    let r = 0;
    for (let c = 0; c < claims; c++) {
      const kn = refs[r++];
      for (const end = r + kn; r < end; r++) if (keySeen.first(refs[r], source)) keys.push(refs[r]);
      const en = refs[r++];
      for (const end = r + en; r < end; r++) if (entSeen.first(refs[r], source)) ents.push(refs[r]);
      // (context entities are not in the sets)
      r += refs[r] + 1;
    }
    return { keys: this.slab.indexesOf(Int32Array.from(keys)), ents: this.slab.indexesOf(Int32Array.from(ents)) };
  }
}

/** A mark per index of a table, growing with it. */
class Marks {
  private seen = new Int32Array(1024);

  /** whether index `i` is met for the first time under `mark` (it is marked so) */
  first(i: number, mark: number): boolean {
    const seen = (this.seen = withRoom(this.seen, i + 1));
    if (seen[i] === mark) return false;
    seen[i] = mark;
    return true;
  }
}

function indexOrThrow(table: Map<string, number>, k: string): number {
  const i = table.get(k);
  if (i === undefined) throw new Error(`${k} is not in the table`);
  return i;
}

/** Each source's key and entity sets, over sorted tables of every key and entity id the sets hold. */
function* indexSourceSets(
  d: Derived,
  sets: Map<string, { keys: Indexes; ents: Indexes }>,
  keys: string[],
  ids: string[],
  slab: Slab,
): Generator<void, void, void> {
  // (in slices: sorting and ranking every key and id took ~0.5 s at 10,000 articles, which requests waited for)
  const k = yield* KeySet.tableSteps(keys);
  const e = yield* KeySet.tableSteps(ids);
  d.setTables = { keys: k.table, ids: e.table };
  const keyRanks = yield* ranksOf(keys, k.rank);
  const idRanks = yield* ranksOf(ids, e.rank);
  yield;
  let n = 0;
  for (const [sourceId, x] of sets) {
    d.sourceKeys.set(sourceId, KeySet.ofIndexes(k.table, keyRanks, x.keys, slab));
    d.sourceEntities.set(sourceId, KeySet.ofIndexes(e.table, idRanks, x.ents, slab));
    // (every 50: with the heap of a first indexing being marked, 500 took up to ~0.4 s at 10,000 articles)
    if (++n % 50 === 0) yield;
  }
}

const TABLE_SLICE = 1 << 15;

/** for each string of `table`, its position in the sorted table whose `rank` is given (in steps: the keys' and the
 * ids' ranks at once took ~60 ms at 10,000 articles) */
function* ranksOf(table: readonly string[], rank: Map<string, number>): Generator<void, Int32Array, void> {
  const out = new Int32Array(table.length);
  yield* inSteps(
    table.length,
    (a, b) => {
      for (let i = a; i < b; i++) out[i] = indexOrThrow(rank, table[i]);
    },
    TABLE_SLICE,
  );
  return out;
}

/**
 * Two ascending lists of distinct strings (in the order of `Array.prototype.sort`) as one, in steps of `TABLE_SLICE`
 * strings (the last merge of a table of every claim key, all at once, took ~40–55 ms at 10,000 articles).
 */
function* mergeSorted(a: string[], b: string[]): Generator<void, string[], void> {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (o < out.length) {
    const stop = Math.min(out.length, o + TABLE_SLICE);
    while (o < stop && i < a.length && j < b.length) out[o++] = a[i] < b[j] ? a[i++] : b[j++];
    while (o < stop && i < a.length) out[o++] = a[i++];
    while (o < stop && j < b.length) out[o++] = b[j++];
    if (o < out.length) yield;
  }
  return out;
}

/** inverted index for matching a draft sentence by meaning without scanning every dispute */
function indexDisputeKeys(
  d: Derived,
  claimOf: (id: string) => Claim | undefined,
  claimsWithKey: (k: string) => number,
  from: number,
  to: number,
): void {
  const common = Math.max(50, d.claims.size * 0.02);
  for (let i = from; i < to; i++) {
    const x = d.disputes[i];
    if (x.kind !== 'questioned' && x.kind !== 'contested' && x.kind !== 'fact-check') continue;
    for (const side of x.sides) {
      const c = claimOf(side.claimId);
      if (!c) continue;
      for (const k of c.keys) {
        if (claimsWithKey(k) > common || d.entityWords.has(k)) continue;
        let set = d.disputesByKey.get(k);
        if (!set) d.disputesByKey.set(k, (set = new Set()));
        set.add(x);
      }
    }
  }
}

/** What a claim takes from its sentence's analysis. */
type ClaimFields = Pick<
  SentenceAnalysis,
  'span' | 'speaker' | 'stance' | 'stanceCue' | 'quantities' | 'dates' | 'keys' | 'contrast' | 'heading' | 'doubt'
>;

/** a firm referred back to ("the company said", "the firm's accounts") */
const COMPANY_REF = /\b(?:the|The) (?:company|firm)\b/;

/** A claim: sentence `si` of a source, with the entities it names and those it refers back to. */
function newClaim(sourceId: string, si: number, text: string, s: ClaimFields, entityIds: string[], contextIds: string[]): ClaimRecord {
  return {
    id: `${sourceId}#${si}`,
    sourceId,
    span: s.span,
    text: text.slice(s.span.start, s.span.end),
    entityIds,
    contextIds,
    speaker: s.speaker,
    stance: s.stance,
    stanceCue: s.stanceCue,
    quantities: s.quantities,
    dates: s.dates,
    keys: s.keys,
    contrast: s.contrast,
    heading: s.heading,
    doubt: s.doubt,
  };
}

/** words that give a count as the whole of it ("the register now lists 19 dead", "the toll rose to 19"), not a part
 * ("two adults were seriously injured", "four victims were from one family") */
const TOTAL_CUE = /\b(?:toll|total|in all|altogether|overall|now|so far|register|count|tally|confirmed)\b/i;
/** words that make a count a part of another ("the dead included seven men", "four of them") */
const PART_CUE = /\b(?:includ(?:e|es|ed|ing)|among|of them|of whom|of those)\b/i;

function isTotal(sentence: string): boolean {
  return TOTAL_CUE.test(sentence) && !PART_CUE.test(sentence);
}

/** The claims of one source: each sentence with the entities it names or refers back to. */
function buildClaims(
  d: Derived,
  table: EntityTable,
  source: Source,
  sentences: SentenceAnalysis[],
  /** the source's resolved mentions, in text order */
  mentions: readonly ResolvedMention[],
): ClaimRecord[] {
  const out: ClaimRecord[] = [];
  const sourceId = source.id;
  const entities = table.entities;
  const text = source.text;
  let mi = 0;
  let lastPersons: string[] = [];
  let lastPersonPara = -1;
  let lastOrg: string | undefined;
  let lastEvent: string | undefined;
  const eventCounts = new Map<string, number>();
  for (const m of mentions)
    if (m.entityId && entities.get(m.entityId)?.type === 'event') eventCounts.set(m.entityId, (eventCounts.get(m.entityId) ?? 0) + 1);
  // the article's most named event of each kind, and its most named of all ("the blackout", "the tragedy")
  const mainOfKind = new Map<string, string>();
  const byCount = [...eventCounts.entries()].sort((x, y) => y[1] - x[1]);
  for (const [id] of byCount) {
    const kind = eventKind(entities.get(id));
    if (kind && !mainOfKind.has(kind)) mainOfKind.set(kind, id);
  }
  const mainEvent = byCount[0]?.[0];
  // the corpus's one event of a kind, when this article names its place
  let named: string[] | undefined;
  const placedHere = (ev: string | undefined): string | undefined => {
    const e = ev ? entities.get(ev) : undefined;
    if (!e) return undefined;
    const place = eventPlaceName(e, entities);
    named ??= [...new Set(mentions.filter((m) => m.entityId && entities.get(m.entityId)?.type === 'place').map((m) => normKey(m.text)))];
    return named.some((n) => namesPlace(n, place)) ? ev : undefined;
  };
  // the body that issued the article, when it is one ("the company" of its own statement): its outlet's name
  let issuer: string | null | undefined;
  const issuerOrg = (): string | null => (issuer === undefined ? (issuer = issuerOf(table, source) ?? null) : issuer);
  const paraPersons = new Map<number, string[]>();
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    while (mi < mentions.length && mentions[mi].span.start < s.span.start) mi++;
    let k = mi;
    const ids: string[] = [];
    const doers: { eventId: string; orgId: string }[] = [];
    for (; k < mentions.length && mentions[k].span.start < s.span.end; k++) {
      const m = mentions[k];
      if (m.entityId) ids.push(m.entityId);
      else if (m.candidates) ids.push(...m.candidates);
      if (m.eventBy && m.entityId) {
        const org = table.byKey.get(m.eventBy);
        if (org) doers.push({ eventId: m.entityId, orgId: org });
      }
    }
    // the types of the sentence's entities, in one pass
    let persons: string[] = NONE;
    let orgInSentence: string | undefined;
    let eventInSentence: string | undefined;
    let placeInSentence = false;
    for (const id of ids) {
      const t = entities.get(id)?.type;
      if (t === 'person') persons = persons === NONE ? [id] : (persons.push(id), persons);
      else if (t === 'organization') orgInSentence = id;
      else if (t === 'event') eventInSentence = id;
      else if (t === 'place') placeInSentence = true;
    }
    let context: string[] = NONE;
    const add = (id: string) => {
      if (!ids.includes(id)) context = context === NONE ? [id] : (context.push(id), context);
    };
    if (s.pronoun && persons.length === 0) {
      const pp = paraPersons.get(s.paragraph) ?? (lastPersonPara >= s.paragraph - 1 ? lastPersons : NONE);
      for (const id of pp) add(id);
    }
    if (s.groupRef && !orgInSentence && lastOrg) add(lastOrg);
    // "the company", "the firm" in a company's own statement: the company (the sentence read only in such a statement)
    else {
      const org = issuerOrg();
      if (org && COMPANY_REF.test(text.slice(s.span.start, s.span.end))) add(org);
    }
    if (s.bareEvent && !eventInSentence) {
      // the last event named, the article's main one of the word's kind, else the corpus's one of it
      const kind = EVENT_NOUNS.get(s.bareEvent)!;
      const ev =
        kind === GENERIC_EVENT
          ? (lastEvent ?? mainEvent)
          : lastEvent && eventKind(entities.get(lastEvent)) === kind
            ? lastEvent
            : (mainOfKind.get(kind) ?? placedHere(onlyPlacedEvent(table.eventByPlace, kind)));
      if (ev) add(ev);
    } else if (
      !eventInSentence &&
      !placeInSentence &&
      mainEvent &&
      !s.heading &&
      s.stance === 'asserts' &&
      !s.doubt &&
      s.quantities.some((q) => isCount(q.measure)) &&
      isTotal(text.slice(s.span.start, s.span.end))
    ) {
      // a toll with no event or place of its own ("The register now lists 19 dead.") is the article's main event's
      add(mainEvent);
    }
    const claim = newClaim(sourceId, si, text, s, ids.length ? unique(ids) : NONE, context.length > 1 ? unique(context) : context);
    out.push(claim);
    if (doers.length) d.doersByClaim.set(claim.id, doers);
    // carry context forward
    if (persons.length) {
      const pp = paraPersons.get(s.paragraph);
      paraPersons.set(s.paragraph, pp ? unique([...pp, ...persons]) : unique(persons));
      lastPersons = persons;
      lastPersonPara = s.paragraph;
    }
    if (orgInSentence) lastOrg = orgInSentence;
    if (eventInSentence) lastEvent = eventInSentence;
  }
  return out;
}

/**
 * A read-only set of strings of one table, kept as the sorted positions of its members in that table, itself sorted
 * (binary search, 2 or 4 bytes a member off the heap): each article's few hundred meaning keys and its entities, built once
 * per rebuild and only looked up afterwards. At 10,000 articles, sorted arrays of the strings took 41 MB of heap.
 */
export class KeySet implements Iterable<string> {
  /** `table`: distinct strings in sort order, shared by the sets; `members`: positions in it, ascending */
  private constructor(
    private readonly table: readonly string[],
    private readonly members: Indexes,
  ) {}

  /**
   * A set of the strings at `indexes` of an unsorted table: `ranks` gives the position in `table` of each of its
   * strings (its positions kept in `slab`).
   */
  static ofIndexes(table: readonly string[], ranks: Int32Array, indexes: Indexes, slab: Slab): KeySet {
    const members = new Int32Array(indexes.length);
    for (let i = 0; i < indexes.length; i++) {
      const r = ranks[indexes[i]];
      if (r === undefined) throw new Error(`index ${indexes[i]} is not in the table of ${ranks.length}`);
      members[i] = r;
    }
    return new KeySet(table, slab.indexesOf(members.sort()));
  }

  /** A set of `items`, each in `table` at the position `rank` gives (its positions kept in `slab` when given). */
  static of(table: readonly string[], rank: Map<string, number>, items: Iterable<string>, slab?: Slab): KeySet {
    const members = Int32Array.from(items, (k) => indexOrThrow(rank, k)).sort();
    return new KeySet(table, slab ? slab.indexesOf(members) : members);
  }

  /** A set of the members at `positions` in `table` (ascending, as `positions` gives them); throws when they are not. */
  static fromPositions(table: readonly string[], positions: Indexes): KeySet {
    for (let i = 0; i < positions.length; i++)
      if (positions[i] < 0 || positions[i] >= table.length || (i > 0 && positions[i] <= positions[i - 1]))
        throw new Error(`a key set's position ${positions[i]} is out of order or out of its table`);
    return new KeySet(table, positions);
  }

  /** the members' positions in the table, ascending (the form a snapshot keeps) */
  get positions(): Indexes {
    return this.members;
  }

  /** The position of `k` in a sorted `table`, or -1. */
  static positionIn(table: readonly string[], k: string): number {
    return positionInSorted(table, k);
  }

  /** The sorted table of distinct `items`, and the position of each. */
  static table(items: Iterable<string>): { table: string[]; rank: Map<string, number> } {
    return drain(KeySet.tableSteps(items));
  }

  /** `table` in slices (sorted runs, merged pairwise, then the ranks), with a yield between slices */
  static *tableSteps(items: Iterable<string>): Generator<void, { table: string[]; rank: Map<string, number> }, void> {
    const distinct = [...new Set(items)];
    yield;
    let runs: string[][] = [];
    for (let i = 0; i < distinct.length; i += TABLE_SLICE) {
      runs.push(distinct.slice(i, i + TABLE_SLICE).sort());
      yield;
    }
    while (runs.length > 1) {
      const merged: string[][] = [];
      for (let i = 0; i < runs.length; i += 2) {
        merged.push(i + 1 < runs.length ? yield* mergeSorted(runs[i], runs[i + 1]) : runs[i]);
        yield;
      }
      runs = merged;
    }
    const table = runs[0] ?? [];
    const rank = new Map<string, number>();
    for (let i = 0; i < table.length; i++) {
      rank.set(table[i], i);
      if (i % TABLE_SLICE === TABLE_SLICE - 1) yield;
    }
    return { table, rank };
  }

  get size(): number {
    return this.members.length;
  }

  /** Whether the member at position `p` of the table is in the set (a search among numbers: for a string looked up
   * in many sets of one table, find its position once with `positionIn`). Its own loop, not `positionInSorted` made
   * generic: one search over strings and typed arrays alike made a draft's re-check ~10–30% slower here. */
  hasPosition(p: number): boolean {
    const members = this.members;
    let lo = 0;
    let hi = members.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = members[mid];
      if (x === p) return true;
      if (x < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  has(k: string): boolean {
    const { table, members } = this;
    let lo = 0;
    let hi = members.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = table[members[mid]];
      if (x === k) return true;
      if (x < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.members.length; i++) yield this.table[this.members[i]];
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The table of the derived index: its entities keep their mentions in the store (in steps of `ENTITY_STEP`). */
function* storedTableSteps(
  t: Omit<EntityTable, 'mentions' | 'entities'> & { entities: Map<string, Omit<Entity, 'mentions'>>; mentions?: unknown },
  store: MentionStore,
): Generator<void, IndexTable, void> {
  // (the resolver's mention lists, when given, are left behind: the store holds them)
  const { entities, mentions: _mentions, ...lookups } = t;
  void _mentions;
  const stored = new Map<string, Entity>();
  let n = 0;
  for (const [id, e] of entities) {
    stored.set(id, new StoredEntity(e, store));
    if (++n % ENTITY_STEP === 0) yield;
  }
  return { ...lookups, entities: stored };
}

/** an entity without its mentions, as a plain object (for the snapshot) */
function plainEntity(e: Entity): Omit<Entity, 'mentions'> {
  const out: Omit<Entity, 'mentions'> = { id: e.id, name: e.name, type: e.type, aliases: e.aliases };
  if (e.date !== undefined) out.date = e.date;
  if (e.placeId !== undefined) out.placeId = e.placeId;
  return out;
}

/** `s` as the table holds it; the table's first of a string, narrowed (see `narrow`): strings of the analyses, cut from
 * texts that are two bytes a character, else stay two bytes a character through the index and its snapshot */
function share(strings: Map<string, string>, s: string): string {
  const x = strings.get(s);
  if (x !== undefined) return x;
  const n = narrow(s);
  strings.set(n, n);
  return n;
}

function intern(strings: Map<string, string>, s: string): string {
  const x = strings.get(s);
  if (x !== undefined) return x;
  strings.set(s, s);
  return s;
}

/**
 * Shares what repeats across sources, in place: one copy of each meaning key and of each name's strings. A corpus
 * repeats a few tens of thousands of distinct keys and names hundreds of thousands of times; an analysis copied from a
 * worker or read from the cache has copies of its own.
 */
function compact(a: PackedAnalysis, strings: Map<string, string>): PackedAnalysis {
  shareKeys(a.packedSentences, strings);
  a.packedSentences.extra = narrow(a.packedSentences.extra);
  const names = a.packedRaw.strings;
  for (let i = 0; i < names.length; i++) names[i] = share(strings, names[i]);
  return a;
}

/** `p` with its keys shared through `strings` (read back from the cache, its `extra` is one byte a character already
 * where it can be: the cache is written from analyses `compact` has narrowed) */
function shareKeys(p: PackedSentences, strings: Map<string, string>): PackedSentences {
  const keys = p.keys;
  for (let i = 0; i < keys.length; i++) keys[i] = share(strings, keys[i]);
  return p;
}

/** The body that issued a source, when its outlet's name is a body's ("National Examinations Agency" of its own
 * statement): what the source says in its own voice is that body's. Not a news outlet's articles ("Reuters" reports on
 * others): a press release, or a source of no stated kind. */
export function issuerOf(table: Pick<EntityTable, 'byKey' | 'entities'>, source: Pick<Source, 'meta'>): string | undefined {
  const kind = source.meta?.kind;
  if (kind && kind !== 'press-release') return undefined;
  const outlet = source.meta?.outlet;
  const id = outlet ? table.byKey.get(normKey(outlet)) : undefined;
  return id && table.entities.get(id)?.type === 'organization' ? id : undefined;
}

export function emptyTable(): EntityTable {
  return {
    entities: new Map(),
    byKey: new Map(),
    ambiguous: new Map(),
    eventByDate: new Map(),
    eventByPlace: new Map(),
    mentions: new Map(),
    eventDoers: new Map(),
  };
}
