import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CorpusIndex, type RebuildOptions } from '../core/index';
import { formatOf, DEFAULT_MAX_BYTES, type LoadProblem } from '../corpus/load';
import { listCorpusFiles } from '../corpus/walk';
import { listInWorker, listWithSignatures, type ListRequest, type Listing } from './lister';
import {
  cacheFileIn,
  readCache,
  readFileStats,
  readSnapshot,
  snapshotFileIn,
  statsFileIn,
  writeCache,
  writeFileStats,
  writeSnapshot,
  CacheWriter,
  type CachedEntry,
  type FileStats,
} from '../cache/store';
import { fromPlain, keyOfFile, loadAndAnalyse, statSignature, statTrusted, type FileResult, type StatSignature } from './work';
import { runInWorkers } from './pool';
import { slabbedText, textLength } from '../core/text/packedText';
import { Slab } from '../core/packed';

/**
 * Keeps the corpus index in step with the corpus folders: lists the files, reuses the analyses of files whose
 * content key (sha-256 of file and sidecar) is unchanged (from memory, or from the on-disk cache in the storage
 * folder the client passes), analyses the rest (in worker threads when there are many), rebuilds the derived
 * index, and watches the folders for changes (debounced). It never writes into the corpus folders.
 * Indexing yields to the event loop between files and batches, so the server answers requests from what is
 * indexed so far; the derived index is rebuilt at a pace that keeps rebuilding under about a seventh of the time.
 */
export interface CorpusConfig {
  roots: string[];
  exclude: string[];
  maxBytes?: number;
  /** folder for the on-disk index cache (the client's workspace storage); no cache when absent */
  cacheDir?: string;
  /** untrusted workspace: only files whose real path is inside these folders are read */
  confine?: string[];
}

export interface IndexProgress {
  state: 'indexing' | 'ready' | 'error';
  indexed: number;
  total: number;
  problems: LoadProblem[];
  message?: string;
}

export interface ManagerOptions {
  /** worker threads for cold indexing; 0 analyses in this thread. Default: the cores available (at most 4). */
  workers?: number;
  /** the worker script; default dist/indexWorker.js beside this bundle */
  workerScript?: string;
  /** the listing worker's script; default dist/listWorker.js beside this bundle; '' lists in this thread */
  listerScript?: string;
  /** fewer files than this are analysed in this thread (starting workers costs more) */
  minFilesForWorkers?: number;
  /** a file's stat signature stands for its content once it has been left alone this long (default 2,000 ms) */
  statTrustedAfterMs?: number;
  log?: (msg: string) => void;
}

/** What the last indexing pass did (for the log and the benchmark). */
export interface IndexStats {
  files: number;
  fromMemory: number;
  fromCache: number;
  analysed: number;
  bytes: number;
  ms: number;
  rebuilds: number;
  rebuildMs: number;
  lastRebuildMs: number;
  cache?: string;
  /** sources loaded from the snapshot of the derived index (no analysis, no rebuild) */
  fromSnapshot?: number;
  /** files whose content key came from their unchanged stat signature (not read) */
  keysFromStat?: number;
  /** files read and hashed only to know their content key (not analysed) */
  keysRead?: number;
}

export class CorpusManager {
  readonly index = new CorpusIndex();
  problems: LoadProblem[] = [];
  state: IndexProgress['state'] = 'indexing';
  stats: IndexStats | undefined;
  /** folder (or single-file root) -> its watcher: one per folder of the corpus, as a recursive watch would also
   * watch and stat every file (10,000 watches and stats at start for 10,000 articles) */
  private watchers = new Map<string, FSWatcher>();
  private watching = false;
  private config: CorpusConfig = { roots: [], exclude: [] };
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  /** file -> what is in the index for it (plain, cacheable) */
  private readonly entries = new Map<string, CachedEntry>();
  private diskChecked: string | undefined;
  /** the first indexing of a storage folder may start from the snapshot of the derived index */
  private snapshotAllowed = true;
  /** whether a damaged file of the index has made the index again already (once: a failing disk must not loop) */
  private reindexedForDamage = false;
  /** a text of the served index could not be read from the snapshot's file of texts, or an analysis from the per-file
   * cache by a rebuild: the index is made again from the files, which writes new ones (meanwhile that text's passages
   * cannot be shown; a rebuild that failed leaves the previous index served) */
  private readonly damaged = (err: Error): void => {
    if (this.reindexedForDamage) {
      this.log(`${err.message}; not reindexing again (reindex the corpus to replace it)`);
      return;
    }
    this.reindexedForDamage = true;
    this.log(`${err.message}; reindexing the corpus to replace it`);
    // (not inside the read that failed: a request or a rebuild is under way)
    setImmediate(() => {
      if (!this.disposed) void this.reindex().catch((e) => this.log(`reindex failed: ${(e as Error).message}`));
    });
  };
  private disposed = false;
  /** why the last rebuild failed, if it did (the previous index stays served): a one-shot client (the CLI) must not
   * answer from an index that is not the corpus's */
  rebuildError: Error | undefined;
  private cacheDirty = false;
  private cacheWrite: Promise<void> = Promise.resolve();
  private listeners: ((p: IndexProgress) => void)[] = [];
  private releaseListeners: (() => void)[] = [];
  private analysedListeners: ((a: { releasing: boolean }) => void)[] = [];
  private running: Promise<void> = Promise.resolve();
  private readonly opts: ManagerOptions;
  private fingerprintValue: string | undefined;
  /** file -> stat signature and content key, kept in the storage folder; read once per storage folder */
  private fileStats: FileStats = new Map();
  private fileStatsFor: string | undefined;
  private fileStatsDirty = false;
  private keysFromStat = 0;
  private keysRead = 0;

  constructor(opts: ManagerOptions = {}) {
    this.opts = opts;
  }

  onProgress(f: (p: IndexProgress) => void): void {
    this.listeners.push(f);
  }

  /** Called when an indexing's per-file analyses have been dropped from memory (they are on disk by then). */
  onReleased(f: () => void): void {
    this.releaseListeners.push(f);
  }

  /** Called when an indexing has analysed the files it had to (in worker threads or here) and only its last rebuild,
   * and the cache's writing, are left; `releasing`: that rebuild lets each analysis go once it has read it (they are
   * on disk), rather than keeping them all until the cache is written after it. */
  onAnalysed(f: (a: { releasing: boolean }) => void): void {
    this.analysedListeners.push(f);
  }

  private emit(p: IndexProgress): void {
    for (const l of this.listeners) l(p);
  }

  private log(msg: string): void {
    this.opts.log?.(msg);
  }

  /** Replaces the configuration and re-indexes everything. Resolves when the index is ready. */
  configure(config: CorpusConfig, opts: { watch?: boolean } = {}): Promise<void> {
    if (config.cacheDir !== this.config.cacheDir) this.diskChecked = undefined;
    this.config = config;
    const gen = ++this.generation;
    this.running = this.running
      .then(() => this.indexAll(gen))
      .catch((err) => {
        this.state = 'error';
        this.emit({ state: 'error', indexed: 0, total: 0, problems: this.problems, message: String(err) });
      });
    if (opts.watch) this.startWatching();
    return this.running;
  }

  reindex(): Promise<void> {
    this.entries.clear();
    this.snapshotAllowed = false;
    this.diskChecked = this.config.cacheDir; // a forced reindex analyses every file again
    return this.configure(this.config);
  }

  whenReady(): Promise<void> {
    return this.running;
  }

  /** Resolves when the last cache write (if any) has finished. */
  whenCacheWritten(): Promise<void> {
    return this.cacheWrite;
  }

  private get maxBytes(): number {
    return this.config.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /** Changes whenever the analyser changes (the bundles' bytes), so a cache of an older build is not trusted. */
  fingerprint(): string {
    if (!this.fingerprintValue) {
      const h = createHash('sha1').update('corroborate-index-1');
      for (const f of [__filename, this.workerScript()]) {
        try {
          if (f) h.update(readFileSync(f));
        } catch {
          // not there (tests from source)
        }
      }
      this.fingerprintValue = h.digest('hex');
    }
    return this.fingerprintValue;
  }

  /**
   * A file's content key: from its stat signature when that is unchanged since the key was computed (no read), else
   * by reading and hashing it (and then remembering the signature, taken before the read). `st`: the file's stat
   * signature, when it was just taken (by the listing).
   */
  private keyOf(file: string, st = statSignature(file)): string | undefined {
    const known = this.fileStats.get(file);
    if (st && known && known.sig === st.sig) {
      this.keysFromStat++;
      return known.key;
    }
    this.keysRead++;
    const key = keyOfFile(file, this.maxBytes);
    this.rememberSignature(file, st, key);
    return key;
  }

  /** Keeps (or forgets) what a file's signature says its content key is. */
  private rememberSignature(file: string, st: StatSignature | undefined, key: string | undefined): void {
    if (st && key && statTrusted(st, this.opts.statTrustedAfterMs)) this.fileStats.set(file, { sig: st.sig, key });
    else this.fileStats.delete(file);
    this.fileStatsDirty = true;
  }

  /** Writes the signature table (files no longer listed are left out) when it changed. */
  private async writeFileStats(dir: string, listed: Set<string>): Promise<void> {
    if (!this.fileStatsDirty) return;
    this.fileStatsDirty = false;
    for (const f of [...this.fileStats.keys()]) if (!listed.has(f)) this.fileStats.delete(f);
    await writeFileStats(statsFileIn(dir), this.fingerprint(), this.fileStats).catch((err) =>
      this.log(`file signature table not written: ${(err as Error).message}`),
    );
  }

  /**
   * Starts reading the snapshot of the derived index into a new state built aside (swapped in by `loader.finish` only
   * if all of it holds), for the corpus whose key is given later (`key`; one that differs from the snapshot's stops the
   * read at its next chunk).
   */
  private readSnapshotAside() {
    let key!: (k: string) => void;
    const corpus = new Promise<string>((resolve) => (key = resolve));
    const loader = this.index.snapshotLoader();
    const read = readSnapshot(snapshotFileIn(this.config.cacheDir!), this.fingerprint(), corpus, loader.add, {
      yieldEvery: 5,
      onDamaged: this.damaged,
    });
    return { read, loader, key };
  }

  /** the listing worker's script, beside this bundle (a warm start lists the corpus in this thread without it) */
  private listerScript(): string | undefined {
    if (this.opts.listerScript !== undefined) return this.opts.listerScript || undefined;
    const p = path.join(__dirname, 'listWorker.js');
    return existsSync(p) ? p : undefined;
  }

  private workerScript(): string | undefined {
    if (this.opts.workerScript) return this.opts.workerScript;
    const p = path.join(__dirname, 'indexWorker.js');
    return existsSync(p) ? p : undefined;
  }

  private async indexAll(gen: number): Promise<void> {
    const t0 = performance.now();
    this.state = 'indexing';
    const stats: IndexStats = {
      files: 0,
      fromMemory: 0,
      fromCache: 0,
      analysed: 0,
      bytes: 0,
      ms: 0,
      rebuilds: 0,
      rebuildMs: 0,
      lastRebuildMs: 0,
    };
    if (this.config.cacheDir && this.fileStatsFor !== this.config.cacheDir) {
      this.fileStatsFor = this.config.cacheDir;
      this.fileStats = await readFileStats(statsFileIn(this.config.cacheDir), this.fingerprint());
    }
    this.keysFromStat = 0;
    this.keysRead = 0;
    // 0. a restart on an unchanged corpus may start from the snapshot of the derived index, if its corpus key still
    // holds: the snapshot is read while a worker lists the corpus and takes the files' stat signatures (their content
    // keys make the corpus key), and is used once the key is known to be the same
    const cacheFile = this.config.cacheDir ? cacheFileIn(this.config.cacheDir) : undefined;
    const fromSnapshot = !!cacheFile && this.snapshotAllowed && this.diskChecked !== this.config.cacheDir && this.index.sources.size === 0;
    if (fromSnapshot) this.snapshotAllowed = false;
    const request: ListRequest = {
      roots: this.config.roots,
      exclude: this.config.exclude,
      confine: this.config.confine,
      base: process.cwd(),
    };
    // (with no snapshot on disk, as in a first indexing, the files' content keys are not taken up front: each worker
    // takes those of the files it reads, and the main thread reading and hashing every file first delayed the workers'
    // start by ~0.35 s at 10,000 articles)
    const withSnapshot = fromSnapshot && existsSync(snapshotFileIn(this.config.cacheDir!));
    const lister = withSnapshot ? this.listerScript() : undefined;
    let snapshot = lister ? this.readSnapshotAside() : undefined;
    const listing: Partial<Listing> & Omit<Listing, 'sigs'> = lister
      ? await listInWorker(lister, request, (m) => this.log(m))
      : withSnapshot
        ? await listWithSignatures(request)
        : await listCorpusFiles(request.roots, request);
    const { files, problems, folders } = listing;
    if (gen !== this.generation) return snapshot?.key('');
    this.watchFolders(folders, true);
    this.problems = [...problems];
    stats.files = files.length;
    const keep = new Set(files);
    for (const id of [...this.index.sources.keys()]) {
      if (!keep.has(id)) {
        this.index.remove(id);
        this.entries.delete(id);
        this.cacheDirty = true;
      }
    }
    for (const id of [...this.entries.keys()]) if (!keep.has(id)) this.entries.delete(id);
    this.emit({ state: 'indexing', indexed: 0, total: files.length, problems: this.problems });

    const known = new Map<string, string | undefined>();
    if (withSnapshot) {
      const sigs = listing.sigs!;
      await forEachYielding(files, 256, (f, i) => void known.set(f, this.keyOf(f, sigs[i])));
      if (gen !== this.generation) return snapshot?.key('');
      snapshot ??= this.readSnapshotAside();
      snapshot.key(corpusKey(files, known));
      const { read, loader } = snapshot;
      const r = await read;
      if (gen !== this.generation) return;
      if (r.ok) {
        try {
          loader.finish();
          this.problems.push(...r.problems);
          stats.fromSnapshot = this.index.sources.size;
          stats.keysFromStat = this.keysFromStat;
          stats.keysRead = this.keysRead;
          stats.bytes = [...this.index.sources.values()].reduce((n, x) => n + textLength(x), 0);
          stats.cache = 'snapshot';
          stats.ms = performance.now() - t0;
          this.stats = stats;
          this.state = 'ready';
          this.log(`indexed ${files.length} files in ${Math.round(stats.ms)} ms (from the snapshot of the index)`);
          const dir = this.config.cacheDir!;
          this.cacheWrite = this.cacheWrite.then(() => this.writeFileStats(dir, keep));
          this.emit({ state: 'ready', indexed: files.length, total: files.length, problems: this.problems });
          return;
        } catch (err) {
          this.log(`index snapshot not used: ${(err as Error).message}; rebuilding`);
        }
      } else if (!r.missing) this.log(`index snapshot not used: ${r.reason}`);
    }

    // 1. the on-disk cache, once per storage folder
    let disk: Map<string, CachedEntry> | undefined;
    if (cacheFile && this.diskChecked !== this.config.cacheDir) {
      this.diskChecked = this.config.cacheDir;
      // (the analyses stay in the file, read back by each rebuild: only the sources are kept in memory)
      const r = await readCache(cacheFile, this.fingerprint(), { yieldEvery: 5, stored: true });
      if (r.ok) {
        disk = r.entries;
        stats.cache = `read ${r.entries.size} entries`;
      } else {
        stats.cache = r.reason;
        if (!r.missing) this.log(`index cache not used: ${r.reason}; it will be rebuilt`);
        this.cacheDirty = true;
      }
      if (gen !== this.generation) return;
    }

    // 2. files whose content key is unchanged keep their analysis
    let indexed = 0;
    const toAnalyse: string[] = [];
    const candidates: { file: string; entry: CachedEntry; fromDisk: boolean }[] = [];
    for (const file of files) {
      const mem = this.entries.get(file);
      const entry = mem ?? disk?.get(file);
      if (entry) candidates.push({ file, entry, fromDisk: !mem });
      else toAnalyse.push(file);
    }
    if (disk && disk.size !== candidates.filter((c) => c.fromDisk).length) this.cacheDirty = true;
    await forEachYielding(candidates, 256, (c) => {
      if (gen !== this.generation) return;
      const key = known.has(c.file) ? known.get(c.file) : this.keyOf(c.file);
      if (key !== c.entry.key) {
        toAnalyse.push(c.file);
        return;
      }
      if (c.fromDisk) {
        this.index.upsert(fromPlain(c.entry.source), c.entry.analysis, true);
        this.entries.set(c.file, c.entry);
        stats.fromCache++;
      } else {
        if (!this.index.sources.has(c.file)) this.index.upsert(fromPlain(c.entry.source), c.entry.analysis);
        stats.fromMemory++;
      }
      if (c.entry.warnings?.length) this.problems.push(...c.entry.warnings);
      stats.bytes += c.entry.source.packedText.length;
      indexed++;
    });
    disk = undefined;
    if (gen !== this.generation) return;
    toAnalyse.sort();

    // 3. the rest: read and analyse (workers when there are many), rebuilding now and then
    let lastRebuildEnd = performance.now();
    // how many sources the last rebuild read
    let lastRebuildAt = 0;
    let lastEmit = 0;
    // rebuilds run in slices (the editor keeps getting answers from the previous state), one at a time
    let rebuilding: Promise<void> | undefined;
    const rebuild = (opts?: RebuildOptions): Promise<void> => {
      const t = performance.now();
      rebuilding = this.index.rebuildInSlices(20, opts).then(
        () => {
          const ms = performance.now() - t;
          stats.rebuilds++;
          stats.rebuildMs += ms;
          stats.lastRebuildMs = ms;
          lastRebuildEnd = performance.now();
          rebuilding = undefined;
          this.rebuildError = undefined;
        },
        (err: Error) => {
          this.rebuildError = err;
          // an analysis could not be read back from the cache (or the rebuild failed otherwise): the previous index
          // stays served, and the index is made again from the files
          rebuilding = undefined;
          this.damaged(err);
          throw err;
        },
      );
      return rebuilding;
    };
    const total = files.length;
    // the sources kept so far are served before the rest is analysed only when nothing is served yet and the analysis
    // will take longer than that rebuild (a file takes about twice as long to analyse, on two workers, as a source takes
    // to rebuild): otherwise that rebuild only delays the last one. A watched change to one file of 10,000 rebuilt
    // twice: ready after 13.2–13.9 s instead of 8.0–10.0, with a peak of ~1,140 MB instead of ~805.
    if (toAnalyse.length && indexed > 0 && this.index.version === 0 && 2 * toAnalyse.length > indexed) {
      lastRebuildAt = indexed;
      await rebuild();
      this.emit({ state: 'indexing', indexed, total, problems: this.problems });
    }
    // 3a. when most of the corpus is analysed now (a first indexing), the cache is written as the analyses come: it is
    // on disk when the analysis ends, so the last rebuild can let each analysis go once it has read it (the main thread
    // serialises it while the workers analyse, ~0.5 s at 10,000 articles, rather than after the index is ready).
    // Otherwise it is written once the index is ready.
    let writer: CacheWriter | undefined;
    if (cacheFile && toAnalyse.length && toAnalyse.length >= indexed) {
      try {
        writer = await CacheWriter.open(cacheFile, this.fingerprint());
        const fresh = new Set(toAnalyse);
        for (const f of files) {
          const e = this.entries.get(f);
          if (e && !fresh.has(f)) writer.add(e);
        }
      } catch (err) {
        this.log(`index cache not written as it went: ${(err as Error).message}`);
        await writer?.abort();
        writer = undefined;
      }
    }
    // the analysed sources' texts, in shared 1 MB buffers given back once their texts are read from disk (`slabbedText`)
    const texts = new Slab(1 << 20);
    const onResult = (r: FileResult, copied = false) => {
      if (gen !== this.generation) return;
      this.problems.push(...r.warnings);
      if (r.source && r.analysis && r.key) {
        r.source.packedText = slabbedText(r.source.packedText, texts);
        const entry: CachedEntry = { file: r.file, key: r.key, source: r.source, analysis: r.analysis, warnings: r.warnings };
        // (indexed first: `upsert` narrows a copied analysis's strings, which the cache then keeps at one byte a
        // character where they fit)
        this.index.upsert(fromPlain(r.source), r.analysis, copied);
        writer?.add(entry);
        this.rememberSignature(r.file, r.stat, r.key);
        this.entries.set(r.file, entry);
        stats.bytes += r.source.packedText.length;
      } else {
        if (r.problem) this.problems.push(r.problem);
        this.index.remove(r.file);
        this.entries.delete(r.file);
      }
      this.cacheDirty = true;
      stats.analysed++;
      indexed++;
      const now = performance.now();
      const due =
        !rebuilding &&
        rebuildDue({
          sinceLastMs: now - lastRebuildEnd,
          lastMs: stats.lastRebuildMs,
          lastSources: lastRebuildAt,
          sources: indexed,
          analysingMs: now - analysisStart,
          analysed: stats.analysed,
          toAnalyse: toAnalyse.length,
        });
      if (due) {
        const at = indexed;
        lastRebuildAt = at;
        void rebuild().then(
          () => {
            if (gen === this.generation) this.emit({ state: 'indexing', indexed: Math.max(at, indexed), total, problems: this.problems });
          },
          // (reported by `rebuild`)
          () => undefined,
        );
        lastEmit = performance.now();
      } else if (now - lastEmit > 250) {
        this.emit({ state: 'indexing', indexed, total, problems: this.problems });
        lastEmit = now;
      }
    };
    const analysisStart = performance.now();
    const script = this.workerScript();
    const workers = this.opts.workers ?? Math.min(4, availableParallelism());
    try {
      if (script && workers > 0 && toAnalyse.length >= (this.opts.minFilesForWorkers ?? 32)) {
        await runInWorkers(script, workers, toAnalyse, this.config.maxBytes, onResult, () => gen !== this.generation);
      } else {
        for (const file of toAnalyse) {
          if (gen !== this.generation) break;
          onResult(loadAndAnalyse(file, this.config.maxBytes));
          await nextTurn();
        }
      }
      // (after a rebuild still under way, which reports progress of the indexing when it ends; one that failed has
      // been reported)
      if (rebuilding) await rebuilding.catch(() => undefined);
    } catch (err) {
      await writer?.abort();
      throw err;
    }
    // (an indexing overtaken by a newer one leaves no half-written cache behind)
    if (gen !== this.generation) return void (await writer?.abort());
    let onDisk = false;
    if (writer) {
      const w = writer;
      // (after any earlier write, which it replaces)
      const written = this.cacheWrite
        .then(() => w.finish())
        .then(
          () => true,
          (err) => {
            this.log(`index cache not written: ${(err as Error).message}`);
            return false;
          },
        );
      this.cacheWrite = written.then(() => undefined);
      onDisk = await written;
      if (gen !== this.generation) return;
      if (onDisk) this.cacheDirty = false;
    }
    if (toAnalyse.length) for (const f of this.analysedListeners) f({ releasing: onDisk });
    this.inListingOrder(files);
    // what the snapshot is keyed by, kept apart from the entries (which go with their analyses)
    const keys = new Map([...this.entries.values()].map((e) => [e.file, e.key] as const));
    if (onDisk) {
      // every analysis is on disk: the rebuild lets each go once read, and a later indexing reads them back
      this.entries.clear();
      this.diskChecked = undefined;
    }
    await rebuild({ releaseAnalyses: onDisk });
    if (gen !== this.generation) return;
    stats.ms = performance.now() - t0;
    stats.keysFromStat = this.keysFromStat;
    stats.keysRead = this.keysRead;
    this.stats = stats;
    this.state = 'ready';
    this.log(
      `indexed ${files.length} files in ${Math.round(stats.ms)} ms (${stats.analysed} analysed, ${stats.fromCache} from the cache, ${stats.fromMemory} unchanged; ${stats.rebuilds} rebuilds, ${Math.round(stats.rebuildMs)} ms)`,
    );
    this.emit({ state: 'ready', indexed: files.length, total: files.length, problems: this.problems });
    if (cacheFile && this.cacheDirty) {
      this.cacheDirty = false;
      const snapshot = [...this.entries.values()];
      const fp = this.fingerprint();
      this.cacheWrite = this.cacheWrite
        .then(() => writeCache(cacheFile, fp, snapshot))
        .catch((err) => {
          this.cacheDirty = true;
          this.log(`index cache not written: ${(err as Error).message}`);
        });
    }
    // and the snapshot of the derived index as it is now, for the next start on the same corpus
    if (cacheFile) {
      const fp = this.fingerprint();
      const parts = this.index.snapshot();
      const problems = [...this.problems];
      const dir = this.config.cacheDir!;
      this.cacheWrite = this.cacheWrite
        .then(async () => {
          // the per-file cache is on disk now (written above, or by a first indexing as it went): the per-file
          // analyses are needed only by the next rebuild, which reads them back from it (as after a start from the
          // snapshot), so they go now rather than once the snapshot is written too (a change to one source of
          // 10,000 peaked while the snapshot was written with them still held)
          const release = gen === this.generation && !this.cacheDirty;
          if (release) {
            this.index.releaseAnalyses();
            this.entries.clear();
            this.diskChecked = undefined;
          }
          const corpusKeys = new Map<string, string | undefined>();
          for (const f of files) corpusKeys.set(f, keys.get(f) ?? keyOfFile(f, this.maxBytes));
          if (gen !== this.generation) return;
          const stored = await writeSnapshot(snapshotFileIn(dir), fp, corpusKey(files, corpusKeys), problems, parts, {
            onDamaged: this.damaged,
          });
          // the texts are on disk, in the snapshot's file of texts: read from there from now on
          this.index.readTextsFrom(stored);
          // the signatures of the files analysed this time (taken as they were read), so that the next start need
          // not read them
          await this.writeFileStats(dir, keep);
          // everything is on disk: the memory the analyses held can be given back
          if (release && gen === this.generation) for (const f of this.releaseListeners) f();
        })
        .catch((err) => this.log(`index snapshot not written: ${(err as Error).message}`));
    }
  }

  /**
   * Puts the index's sources in the listing's order, whatever order the workers answered in, so that entity ids are
   * deterministic. (A method of its own: a local array of the pairs in `indexAll` stayed in the suspended async
   * function's registers through the last rebuild, which kept every analysis that rebuild was meant to let go.)
   */
  private inListingOrder(files: string[]): void {
    const ordered = files
      .filter((f) => this.index.sources.has(f))
      .map((f) => [this.index.sources.get(f)!, this.index.analyses.get(f)!] as const);
    for (const [s] of ordered) this.index.remove(s.id);
    for (const [s, a] of ordered) this.index.upsert(s, a);
  }

  private startWatching(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.watching = true;
    // the roots now; their subfolders once a listing has found them
    this.watchFolders(this.config.roots.filter((r) => !/[*?[\]{}]/.test(r)));
  }

  /** Watches these folders (or single-file roots); with `prune`, stops watching the folders no longer listed. */
  private watchFolders(folders: string[], prune = false): void {
    if (!this.watching) return;
    const want = new Set(folders);
    if (prune)
      for (const [dir, w] of this.watchers)
        if (!want.has(dir) && !this.config.roots.includes(dir)) {
          w.close();
          this.watchers.delete(dir);
        }
    for (const dir of want) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, (_event, name) => {
          if (name && !concernsCorpus(path.join(dir, name.toString()))) return;
          this.schedule();
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, w);
      } catch {
        // a missing folder: nothing to watch
      }
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // unchanged files are recognised by content key (no re-analysis); only changed ones are analysed
      this.running = this.running.then(() => this.indexAll(++this.generation));
    }, 300);
  }

  /** Stops watching; resolves once a pending cache write has finished. */
  dispose(): Promise<void> {
    this.disposed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.watching = false;
    if (this.timer) clearTimeout(this.timer);
    return this.cacheWrite;
  }
}

/**
 * Whether an indexing that is analysing files should rebuild the derived index now, so that requests meanwhile answer
 * from more of the corpus: when the last rebuild is at most a seventh of the time since it ended (and at least 1 s
 * ago), unless the analysis will be done within three more rebuilds (one takes as long as the sources it reads
 * predict). The final rebuild comes then anyway, and it works beside the state the last one made, which is served
 * meanwhile: a late one costs memory as well as time (at 10,000 articles, a first indexing whose last intermediate
 * rebuild came near the end of the analysis peaked at 810–930 MB, against 640–700 MB), and the main thread's rebuilds
 * take CPU from the workers on a machine with as many cores as workers.
 */
export function rebuildDue(x: {
  sinceLastMs: number;
  lastMs: number;
  /** sources the last rebuild read, and in the index now */
  lastSources: number;
  sources: number;
  /** time spent analysing, files analysed so far, files to analyse in all */
  analysingMs: number;
  analysed: number;
  toAnalyse: number;
}): boolean {
  const left = (x.analysingMs / Math.max(1, x.analysed)) * (x.toAnalyse - x.analysed);
  const nextMs = (x.lastMs * x.sources) / Math.max(1, x.lastSources);
  return x.sinceLastMs >= Math.max(1000, 6 * x.lastMs) && left > 3 * nextMs;
}

/** Whether a change to this path can change the corpus: a source, a metadata sidecar, or a folder (or a name that is
 * gone, which may have been one). */
function concernsCorpus(full: string): boolean {
  if (formatOf(full) || full.endsWith('.meta.json')) return true;
  try {
    return statSync(full).isDirectory();
  } catch {
    return !path.extname(full);
  }
}

/** What a snapshot of the derived index is valid for: the analyser and every listed file's content key. */
function corpusKey(files: string[], keys: Map<string, string | undefined>): string {
  const h = createHash('sha1');
  for (const f of files) h.update(`${f}\0${keys.get(f) ?? 'none'}\n`);
  return h.digest('hex');
}

/** Calls `f` (synchronous file work: a stat, or a read and a hash) on each item, with a turn of the event loop every
 * `every` items, so that requests are answered meanwhile. */
async function forEachYielding<T>(items: T[], every: number, f: (x: T, i: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await nextTurn();
    f(items[i], i);
  }
}
