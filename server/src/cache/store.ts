/**
 * The on-disk index cache: the per-file results of indexing (loaded source text, packed, and metadata, and its
 * analysis, its sentences and candidate names packed), keyed by file and checked per file by content key (sha-256 of
 * the file and its sidecar).
 *
 * One file in the storage folder the client passes (never in a corpus folder):
 *   [0, 4096)  "CORROBIX" + u32 format version + u32 n + n bytes of JSON header, zero padded:
 *              { fingerprint, v8, bodyLength, sha1, entries, chunks }
 *   [4096, …)  body: chunks of [u32 length][v8.serialize(FileResult[])]
 * v8 serialisation keeps what JSON loses (Infinity in quantity ranges, undefined). The whole body is checked
 * against its sha-1 and the header against the format version, the V8 version and the analyser's fingerprint
 * before anything is trusted; a bad cache is reported and rebuilt. Writes go to a temp file that is renamed over
 * the cache, so a crash mid-write leaves the old cache (or none), never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { fromPlain, toPlain, type FileResult, type PlainSource } from '../indexing/work';
import type { SnapshotPart, SnapshotSource } from '../core/index';
import type { LoadProblem } from '../corpus/load';
import { isPackedSentences } from '../core/sentencePack';
import { isPackedRaw } from '../core/entities/rawPack';
import { mappedSlab } from '../core/packed';
import { isPackedText, ownedLines, ownedPackedText, StoredText, type PackedText } from '../core/text/packedText';
import { isTextRef, removeOtherTexts, TextFile, TextsWriter, TEXTS_PREFIX, type TextRef } from './texts';

export const CACHE_FORMAT_VERSION = 4;
export const CACHE_FILE = 'corroborate-index.cache';
const MAGIC = Buffer.from('CORROBIX', 'latin1');
const HEADER_SIZE = 4096;
/** entries per chunk: each chunk is serialised in one go, which the server's requests wait for (200 entries took
 * 60–160 ms at 10,000 articles, just after a first indexing) */
const CHUNK = 50;

export interface CacheHeader {
  fingerprint: string;
  v8: string;
  bodyLength: number;
  sha1: string;
  entries: number;
  chunks: number;
}

export type CachedEntry = Required<Pick<FileResult, 'file' | 'key' | 'source' | 'analysis'>> & Pick<FileResult, 'warnings'>;

export type ReadResult =
  { ok: true; entries: Map<string, CachedEntry>; header: CacheHeader } | { ok: false; reason: string; missing?: boolean };

/** A chunked file's magic (8 bytes), what it is called in messages, and its format version. */
interface Kind {
  magic: Buffer;
  name: string;
  version: number;
}
const FILES: Kind = { magic: MAGIC, name: 'cache', version: CACHE_FORMAT_VERSION };

const tick = () => new Promise<void>((r) => setImmediate(r));

/** Reads and verifies a cache file. Never throws; `ok: false` with a reason when absent, stale or corrupt. */
export async function readCache(file: string, fingerprint: string, opts: { yieldEvery?: number } = {}): Promise<ReadResult> {
  const entries = new Map<string, CachedEntry>();
  // each entry's columns copied out as it is read: a deserialised array is a view into the whole chunk it was read
  // from (~1 MB), which it would keep, and all the chunks were once in memory together (~180 MB at 10,000 articles);
  // copied into buffers of their own, they left the allocator's heap 250 MB large and fragmented once released. A
  // slab of mapped buffers (which the index keeps them in) is given back whole.
  const slab = mappedSlab();
  const r = await readChunked(file, FILES, fingerprint, validEntry, {
    ...opts,
    onItem: (e) => {
      e.analysis.packedSentences.cols = slab.int32Of(e.analysis.packedSentences.cols);
      e.analysis.packedRaw.cols = slab.int32Of(e.analysis.packedRaw.cols);
      // (a text lives as long as its source is indexed: a buffer of its own)
      e.source.packedText = ownedPackedText(e.source.packedText);
      entries.set(e.file, e);
    },
  });
  if (!r.ok) return r;
  if (entries.size !== r.header.entries) return { ok: false, reason: 'cache entry count mismatch' };
  return { ok: true, entries, header: r.header };
}

/**
 * Reads and verifies a chunked file, chunk by chunk (the file is never held whole in memory). Never throws.
 * Nothing read is returned unless the whole body matched its checksum and counts.
 */
export async function readChunked<T>(
  file: string,
  kind: Kind,
  fingerprint: string,
  valid: (x: unknown) => x is T,
  opts: {
    yieldEvery?: number;
    /** a reason to stop at the header (before any body is read), or undefined to go on */
    checkHeader?: (h: CacheHeader & Record<string, unknown>) => string | undefined;
    /** each item as it is read (they are then not collected); the caller must not trust them before `ok` */
    onItem?: (x: T) => void;
  } = {},
): Promise<{ ok: true; items: T[]; header: CacheHeader & Record<string, unknown> } | { ok: false; reason: string; missing?: boolean }> {
  const what = kind.name;
  let fh: FileHandle;
  type Chunk = { lenBuf: Buffer; blob: Buffer; next: number };
  let pending: Promise<Chunk | undefined> | undefined;
  try {
    fh = await fsp.open(file, 'r');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, reason: missing ? `no ${what} yet` : `cannot read the ${what} (${(err as Error).message})` };
  }
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(HEADER_SIZE);
    const got = size >= HEADER_SIZE ? (await fh.read(head, 0, HEADER_SIZE, 0)).bytesRead : 0;
    if (got < HEADER_SIZE || !head.subarray(0, 8).equals(kind.magic))
      return { ok: false, reason: `not a ${what} file (bad magic or truncated header)` };
    const version = head.readUInt32LE(8);
    if (version !== kind.version) return { ok: false, reason: `${what} format ${version}, expected ${kind.version}` };
    const n = head.readUInt32LE(12);
    if (n > HEADER_SIZE - 16) return { ok: false, reason: `corrupt ${what} header` };
    const header = JSON.parse(head.subarray(16, 16 + n).toString('utf8')) as CacheHeader & Record<string, unknown>;
    if (header.fingerprint !== fingerprint) return { ok: false, reason: `${what} written by another version of the analyser` };
    if (header.v8 !== process.versions.v8) return { ok: false, reason: `${what} written by another Node/V8 version` };
    if (size !== HEADER_SIZE + header.bodyLength)
      return { ok: false, reason: `${what} truncated or padded (${size} bytes, expected ${HEADER_SIZE + header.bodyLength})` };
    const stop = opts.checkHeader?.(header);
    if (stop) return { ok: false, reason: stop };
    const sha = createHash('sha1');
    const items: T[] = [];
    let count = 0;
    let chunks = 0;
    let bad: string | undefined;
    // the next chunk is read while this one is deserialised and handed over
    // (never rejects: a read that fails is a corrupt body, and a read in flight when reading stops is awaited)
    const readChunk = (from: number): Promise<Chunk | undefined> => readChunkAt(from).catch(() => undefined);
    const readChunkAt = async (from: number): Promise<Chunk | undefined> => {
      const lenBuf = Buffer.alloc(4);
      if (from + 4 > size || (await fh.read(lenBuf, 0, 4, from)).bytesRead < 4) return undefined;
      const len = lenBuf.readUInt32LE(0);
      if (from + 4 + len > size) return undefined;
      const blob = Buffer.allocUnsafe(len);
      if ((await fh.read(blob, 0, len, from + 4)).bytesRead < len) return undefined;
      return { lenBuf, blob, next: from + 4 + len };
    };
    pending = HEADER_SIZE < size ? readChunk(HEADER_SIZE) : undefined;
    while (pending) {
      const got = await pending;
      if (!got) return { ok: false, reason: `corrupt ${what} body` };
      const { lenBuf, blob } = got;
      pending = got.next < size ? readChunk(got.next) : undefined;
      sha.update(lenBuf).update(blob);
      chunks++;
      // a chunk that does not parse makes the checksum fail too; say which came first only if it matches
      if (bad) continue;
      try {
        const list = v8.deserialize(blob) as unknown[];
        if (!Array.isArray(list)) bad = `corrupt ${what} chunk`;
        else
          for (const e of list) {
            if (!valid(e)) {
              bad = `corrupt ${what} entry`;
              break;
            }
            count++;
            if (opts.onItem) opts.onItem(e);
            else items.push(e);
          }
      } catch (err) {
        bad = `corrupt ${what} (${(err as Error).message})`;
      }
      if (opts.yieldEvery && chunks % opts.yieldEvery === 0) await tick();
    }
    if (sha.digest('hex') !== header.sha1) return { ok: false, reason: `${what} checksum mismatch (corrupt)` };
    if (bad) return { ok: false, reason: bad };
    if (chunks !== header.chunks || count !== header.entries) return { ok: false, reason: `${what} entry count mismatch` };
    return { ok: true, items, header };
  } catch (err) {
    return { ok: false, reason: `corrupt ${what} (${(err as Error).message})` };
  } finally {
    await pending;
    await fh.close();
  }
}

function validEntry(e: unknown): e is CachedEntry {
  const x = e as CachedEntry;
  return (
    !!x &&
    typeof x.file === 'string' &&
    typeof x.key === 'string' &&
    !!x.source &&
    isPackedText(x.source.packedText) &&
    typeof x.source.id === 'string' &&
    Array.isArray(x.source.prose) &&
    Array.isArray(x.source.headings) &&
    !!x.analysis &&
    isPackedSentences(x.analysis.packedSentences) &&
    isPackedRaw(x.analysis.packedRaw)
  );
}

/**
 * Writes the cache atomically: serialises in chunks (yielding to the event loop between them so the server
 * keeps answering), writes a temp file beside the cache, then renames it over the cache.
 */
export function writeCache(
  file: string,
  fingerprint: string,
  entries: Iterable<CachedEntry>,
  opts: { yieldEvery?: number } = {},
): Promise<void> {
  const plain = (function* () {
    for (const e of entries) yield plainEntry(e);
  })();
  return writeChunked(file, FILES, fingerprint, {}, plain, opts);
}

/** An entry as the cache keeps it: these fields only. */
function plainEntry(e: CachedEntry): CachedEntry {
  return { file: e.file, key: e.key, source: e.source, analysis: e.analysis, warnings: e.warnings };
}

/**
 * A cache written as its entries come (`add`, e.g. as worker threads hand their analyses over), then `finish`ed: the
 * same file `writeCache` writes, as atomically. Each full chunk is serialised when it is complete.
 */
export class CacheWriter {
  private constructor(private readonly w: ChunkedWriter) {}

  static async open(file: string, fingerprint: string): Promise<CacheWriter> {
    return new CacheWriter(await ChunkedWriter.open(file, FILES, fingerprint));
  }

  add(e: CachedEntry): void {
    this.w.add(plainEntry(e));
  }

  finish(): Promise<void> {
    return this.w.finish();
  }

  abort(): Promise<void> {
    return this.w.abort();
  }
}

/** Writes items in chunks of v8-serialised arrays, to a temp file renamed over `file` once complete and synced. */
export async function writeChunked(
  file: string,
  kind: Kind,
  fingerprint: string,
  /** the header's own fields, or what gives them once every item is written */
  extra: Record<string, unknown> | (() => Promise<Record<string, unknown>>),
  items: Iterable<unknown>,
  opts: { yieldEvery?: number; chunk?: number } = {},
): Promise<void> {
  const w = await ChunkedWriter.open(file, kind, fingerprint, opts.chunk);
  let header: Record<string, unknown>;
  try {
    for (const e of items)
      if (w.add(e)) {
        // (one chunk in memory at a time; and a turn of the event loop after each, so that the server keeps answering)
        await w.written();
        if (opts.yieldEvery !== 0) await tick();
      }
    header = typeof extra === 'function' ? await extra() : extra;
  } catch (err) {
    await w.abort();
    throw err;
  }
  await w.finish(header);
}

/**
 * A chunked file written as its items come (`add`), to a temp file beside it, renamed over it by `finish` once complete
 * and synced; `abort` (or a failed write) removes the temp file and leaves the file as it was. Each full chunk is
 * serialised when its last item is added (the caller's items may change afterwards) and written in the background, one
 * write at a time (`written` waits for them: a caller that can should, or chunks wait in memory for the disk); a
 * failure is reported by `finish`.
 */
export class ChunkedWriter {
  private readonly sha = createHash('sha1');
  private pos = HEADER_SIZE;
  private count = 0;
  private chunks = 0;
  private batch: unknown[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failed: Error | undefined;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
    private readonly kind: Kind,
    private readonly fingerprint: string,
    private readonly chunk: number,
  ) {}

  static async open(file: string, kind: Kind, fingerprint: string, chunk = CHUNK): Promise<ChunkedWriter> {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    return new ChunkedWriter(file, tmp, await fsp.open(tmp, 'w'), kind, fingerprint, chunk);
  }

  /** Adds an item; true when that completed a chunk (then serialised and queued for writing). */
  add(item: unknown): boolean {
    if (this.closed) throw new Error(`${this.kind.name} writer already closed`);
    this.batch.push(item);
    if (this.batch.length < this.chunk) return false;
    this.flush();
    return true;
  }

  /** Resolves when every chunk completed so far is written (or a write has failed: `finish` reports it). */
  written(): Promise<void> {
    return this.writing;
  }

  private flush(): void {
    if (this.failed) this.batch = [];
    if (!this.batch.length) return;
    const blob = v8.serialize(this.batch);
    this.count += this.batch.length;
    this.batch = [];
    const len = Buffer.alloc(4);
    len.writeUInt32LE(blob.length);
    this.sha.update(len).update(blob);
    const at = this.pos;
    this.pos += 4 + blob.length;
    this.chunks++;
    this.writing = this.writing.then(async () => {
      if (this.failed) return;
      try {
        await this.fh.write(len, 0, 4, at);
        await this.fh.write(blob, 0, blob.length, at + 4);
      } catch (err) {
        this.failed = err as Error;
      }
    });
  }

  /** Writes what is left and the header, syncs, and renames the temp file over the file. */
  async finish(extra: Record<string, unknown> = {}): Promise<void> {
    if (this.closed) throw new Error(`${this.kind.name} writer already closed`);
    let ok = false;
    try {
      this.flush();
      await this.writing;
      if (this.failed) throw this.failed;
      const header: CacheHeader & Record<string, unknown> = {
        ...extra,
        fingerprint: this.fingerprint,
        v8: process.versions.v8,
        bodyLength: this.pos - HEADER_SIZE,
        sha1: this.sha.digest('hex'),
        entries: this.count,
        chunks: this.chunks,
      };
      const json = Buffer.from(JSON.stringify(header), 'utf8');
      if (json.length > HEADER_SIZE - 16) throw new Error(`${this.kind.name} header too long`);
      const head = Buffer.alloc(HEADER_SIZE);
      this.kind.magic.copy(head, 0);
      head.writeUInt32LE(this.kind.version, 8);
      head.writeUInt32LE(json.length, 12);
      json.copy(head, 16);
      await this.fh.write(head, 0, HEADER_SIZE, 0);
      await this.fh.sync();
      ok = true;
    } finally {
      this.closed = true;
      await this.fh.close();
      if (!ok) await fsp.rm(this.tmp, { force: true });
    }
    await fsp.rename(this.tmp, this.file);
  }

  /** Stops and removes the temp file; the file is left as it was. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.batch = [];
    await this.writing;
    await this.fh.close().catch(() => undefined);
    await fsp.rm(this.tmp, { force: true });
  }
}

/** 5: the sources' texts in a file of their own beside it (`cache/texts.ts`) */
export const SNAPSHOT_FORMAT_VERSION = 5;
const SNAPSHOT: Kind = { magic: Buffer.from('CORROSNP', 'latin1'), name: 'index snapshot', version: SNAPSHOT_FORMAT_VERSION };
export const SNAPSHOT_FILE = 'corroborate-index.snapshot';

/** Where the snapshot of the derived index of a storage folder lives. */
export function snapshotFileIn(storagePath: string): string {
  return path.join(storagePath, SNAPSHOT_FILE);
}

/** a snapshot's items as on disk: its sources' texts are where they are in its file of texts */
type SnapshotItem =
  | Exclude<SnapshotPart, { kind: 'sources' }>
  | { kind: 'sources'; list: (Omit<SnapshotSource, 'text'> & { text: TextRef })[] }
  | { kind: 'problems'; list: LoadProblem[] };

function validPart(x: unknown): x is SnapshotItem {
  const p = x as SnapshotItem;
  return !!p && typeof p === 'object' && (p.kind === 'meta' || p.kind === 'entities' || p.kind === 'sources' || p.kind === 'problems');
}

/**
 * Writes the snapshot of the derived index (parts from `CorpusIndex.snapshot()`, sources made plain) with the
 * corpus key it is valid for; atomically, like the cache. The sources' texts go to a file of texts of its own
 * (`cache/texts.ts`), in place before the snapshot that names it; the older files of texts are deleted once the
 * snapshot is. Resolves to each text written and the same text read from that file, for an index to read its texts
 * from there from now on (`CorpusIndex.readTextsFrom`).
 */
export async function writeSnapshot(
  file: string,
  fingerprint: string,
  corpus: string,
  problems: LoadProblem[],
  parts: Iterable<SnapshotPart>,
  opts: { onDamaged?: (err: Error) => void } = {},
): Promise<Map<PackedText, StoredText>> {
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true });
  const texts = new TextsWriter(dir);
  const written: [PackedText, TextRef][] = [];
  const items = (function* (): Generator<SnapshotItem> {
    yield { kind: 'problems', list: problems };
    for (const p of parts)
      yield p.kind === 'sources'
        ? {
            kind: 'sources',
            list: p.list.map((x) => {
              const ref = texts.add(x.text);
              written.push([x.text, ref]);
              return { ...x, source: toPlain(x.source), text: ref };
            }),
          }
        : p;
  })();
  try {
    // (the texts are written as the parts are, and are complete, synced and in place once the last part is)
    await writeChunked(file, SNAPSHOT, fingerprint, async () => ({ corpus, texts: await texts.finish(), textsBytes: texts.bytes }), items, {
      chunk: 1,
    });
  } catch (err) {
    await texts.abort();
    throw err;
  }
  await removeOtherTexts(dir, texts.name);
  const stored = new Map<PackedText, StoredText>();
  const reader = TextFile.open(texts.file, texts.bytes, opts.onDamaged);
  for (const [p, r] of written) stored.set(p, storedText(reader, r));
  return stored;
}

function storedText(file: TextFile, r: TextRef): StoredText {
  const { lines, lineBytes } = ownedLines(r);
  return new StoredText(file, r.at, r.size, r.crc, r.length, r.utf8, lines, lineBytes);
}

/**
 * Reads a snapshot, handing each part to `onPart` as it is read (so the file is never held whole in memory twice);
 * the caller keeps what it built only if the result is `ok`. `ok: false` when absent, corrupt, of another
 * analyser, or made for another corpus (then no part was handed over).
 */
export async function readSnapshot(
  file: string,
  fingerprint: string,
  corpus: string,
  onPart: (p: SnapshotPart) => void,
  opts: { yieldEvery?: number; onDamaged?: (err: Error) => void } = {},
): Promise<{ ok: true; problems: LoadProblem[] } | { ok: false; reason: string; missing?: boolean }> {
  let problems: LoadProblem[] = [];
  let failed: string | undefined;
  let texts: TextFile | undefined;
  const r = await readChunked(file, SNAPSHOT, fingerprint, validPart, {
    ...opts,
    checkHeader: (h) => {
      if (h.corpus !== corpus) return 'the corpus changed since the snapshot';
      const name = h.texts;
      const bytes = h.textsBytes;
      if (typeof name !== 'string' || !name.startsWith(TEXTS_PREFIX) || name !== path.basename(name) || !Number.isInteger(bytes))
        return 'corrupt index snapshot header (its file of texts)';
      try {
        texts = TextFile.open(path.join(path.dirname(file), name), bytes as number, opts.onDamaged);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        return e.code === 'ENOENT' ? `its file of texts ${name} is missing` : `its file of texts cannot be used (${e.message})`;
      }
      return undefined;
    },
    onItem: (p) => {
      if (failed) return;
      try {
        if (p.kind === 'problems') problems = p.list;
        else if (p.kind === 'sources')
          onPart({
            kind: 'sources',
            list: p.list.map((x) => {
              const ref: unknown = x.text;
              if (!isTextRef(ref, texts!.size))
                throw new Error(`snapshot: the text of ${(x.source as { id?: unknown }).id} is not in its file of texts`);
              return { ...x, source: fromPlain(x.source as PlainSource), text: storedText(texts!, ref) };
            }),
          });
        else onPart(p);
      } catch (err) {
        failed = (err as Error).message;
      }
    },
  });
  if (!r.ok) return r;
  if (failed) return { ok: false, reason: failed };
  return { ok: true, problems };
}

const STATS: Kind = { magic: Buffer.from('CORROSTA', 'latin1'), name: 'file signature table', version: CACHE_FORMAT_VERSION };
export const STATS_FILE = 'corroborate-files.stat';

/** file -> its stat signature and the content key it had then */
export type FileStats = Map<string, { sig: string; key: string }>;

export function statsFileIn(storagePath: string): string {
  return path.join(storagePath, STATS_FILE);
}

const validStat = (x: unknown): x is [string, string, string] =>
  Array.isArray(x) && x.length === 3 && x.every((v) => typeof v === 'string');

/** Writes the table of file signatures, atomically like the cache. */
export function writeFileStats(file: string, fingerprint: string, stats: FileStats): Promise<void> {
  return writeChunked(
    file,
    STATS,
    fingerprint,
    {},
    [...stats].map(([f, x]) => [f, x.sig, x.key]),
    { chunk: 5000, yieldEvery: 0 },
  );
}

/** Reads the table of file signatures; an empty table when absent, corrupt or of another analyser (never throws). */
export async function readFileStats(file: string, fingerprint: string): Promise<FileStats> {
  const r = await readChunked(file, STATS, fingerprint, validStat);
  return new Map(r.ok ? r.items.map(([f, sig, key]) => [f, { sig, key }] as const) : []);
}

/** Where the cache of a storage folder lives. */
export function cacheFileIn(storagePath: string): string {
  return path.join(storagePath, CACHE_FILE);
}
