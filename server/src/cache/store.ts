/**
 * The on-disk index cache: the per-file results of indexing (loaded source text, packed, and metadata, and its
 * analysis, its sentences and candidate names packed), keyed by file and checked per file by content key (sha-256 of
 * the file and its sidecar).
 *
 * One file in the storage folder the client passes (never in a corpus folder):
 *   [0, 4096)  "CORROBIX" + u32 format version + u32 n + n bytes of JSON header, zero padded:
 *              { fingerprint, v8, bodyLength, sha1, entries, chunks }
 *   [4096, …)  body: chunks of [u32 length][v8.serialize(item[])]: each file's analysis in two chunks of their own,
 *              its candidate names ([{ sourceId, packedRaw }]) and its sentences ([{ sourceId, packedSentences }]),
 *              so that a rebuild can read back the part it needs of one analysis alone; after every 50 analyses a
 *              chunk of their files' entries without them, each with where its analysis's parts are (offset, length,
 *              CRC-32) and how many of its candidates are names ({ file, key, source, warnings, names, rawAt,
 *              sentencesAt }[]), in the same order. A server reads only the chunks of entries, leaving the analyses
 *              in the file until a rebuild reads them back.
 * v8 serialisation keeps what JSON loses (Infinity in quantity ranges, undefined). The whole body is checked
 * against its sha-1 and the header against the format version, the V8 version and the analyser's fingerprint
 * before anything is trusted; a bad cache is reported and rebuilt. Writes go to a temp file that is renamed over
 * the cache, so a crash mid-write leaves the old cache (or none), never half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fstatSync, openSync, promises as fsp, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { fromPlain, toPlain, type FileResult, type PlainSource } from '../indexing/work';
import type { SnapshotPart, SnapshotSource } from '../core/index';
import type { LoadProblem } from '../corpus/load';
import { isPackedSentences, isStoredAnalysis, type PackedAnalysis, type PackedSentences, type StoredAnalysis } from '../core/sentencePack';
import { isPackedRaw, type PackedRaw } from '../core/entities/rawPack';
import { nameCount } from '../core/entities/resolve';
import { Slab, mappedSlab } from '../core/packed';
import { isPackedText, ownedLines, ownedPackedText, StoredText, type PackedText } from '../core/text/packedText';
import { closeWhenCollected, isTextRef, removeOtherTexts, TextFile, TextsWriter, TEXTS_PREFIX, type TextRef } from './texts';

/** 5: each analysis in chunks of its own */
export const CACHE_FORMAT_VERSION = 5;
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

/** A file's entry: its analysis in memory, or (`StoredAnalysis`) where it is in a cache file, read when needed. */
export type CachedEntry = Required<Pick<FileResult, 'file' | 'key' | 'source'>> &
  Pick<FileResult, 'warnings'> & { analysis: PackedAnalysis | StoredAnalysis };

/** An entry with its analysis in memory. */
export type EntryInMemory = CachedEntry & { analysis: PackedAnalysis };

export type ReadResult<E extends CachedEntry = CachedEntry> =
  { ok: true; entries: Map<string, E>; header: CacheHeader } | { ok: false; reason: string; missing?: boolean };

/** A chunked file's magic (8 bytes), what it is called in messages, and its format version. */
interface Kind {
  magic: Buffer;
  name: string;
  version: number;
}
const FILES: Kind = { magic: MAGIC, name: 'cache', version: CACHE_FORMAT_VERSION };

const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Reads and verifies a cache file. Never throws; `ok: false` with a reason when absent, stale or corrupt. `stored`:
 * the entries' analyses are left in the file (`StoredAnalysis`, read again when a rebuild needs them: the file is kept
 * open for it) instead of kept in memory; their sources are read.
 */
export function readCache(
  file: string,
  fingerprint: string,
  opts?: { yieldEvery?: number; stored?: false },
): Promise<ReadResult<EntryInMemory>>;
export function readCache(file: string, fingerprint: string, opts: { yieldEvery?: number; stored: boolean }): Promise<ReadResult>;
export async function readCache(
  file: string,
  fingerprint: string,
  opts: { yieldEvery?: number; stored?: boolean } = {},
): Promise<ReadResult> {
  // (a cache renamed over the file between the reader's opening it and the entries' reading, by a write that was
  // under way, is read again: the entries must say where the analyses are in the file the reader has)
  for (let attempt = 1; ; attempt++) {
    const r = await readCacheOnce(file, fingerprint, opts);
    if (r.ok || !('replaced' in r) || attempt === 3) return r;
  }
}

async function readCacheOnce(
  file: string,
  fingerprint: string,
  opts: { yieldEvery?: number; stored?: boolean },
): Promise<ReadResult | { ok: false; reason: string; replaced: true }> {
  const entries = new Map<string, CachedEntry>();
  let from: ChunkFile | undefined;
  if (opts.stored) {
    try {
      from = ChunkFile.open(file);
    } catch {
      // (the read below says why)
    }
  }
  // each entry's columns copied out as it is read: a deserialised array is a view into the whole chunk it was read
  // from, which it would keep, and all the chunks were once in memory together (~180 MB at 10,000 articles);
  // copied into buffers of their own, they left the allocator's heap 250 MB large and fragmented once released. A
  // slab of mapped buffers (which the index keeps them in) is given back whole.
  const slab = mappedSlab();
  // the analyses read since the last chunk of entries, which they belong to in order (all read: `stored` reads only
  // the chunks of entries, which say where each analysis's parts are)
  const analyses: Parts[] = [];
  let unpaired = 0;
  // (where the last analysis part an entry points to ends: in the file, or the cache is not used)
  let placesEnd = 0;
  const r = await readChunked(file, FILES, fingerprint, validItem, {
    // (a chunk of entries comes every 2 × CHUNK + 1 chunks)
    yieldEvery: opts.yieldEvery && opts.yieldEvery * (2 * CHUNK + 1),
    parse: from ? isChunkOfEntries : undefined,
    onItem: (x) => {
      if (isCandidatesPart(x)) {
        analyses.push({ sourceId: x.sourceId, packedRaw: x.packedRaw });
        return;
      }
      if (isSentencesPart(x)) {
        const last = analyses[analyses.length - 1];
        if (!last || last.sourceId !== x.sourceId || last.packedSentences) unpaired++;
        else last.packedSentences = x.packedSentences;
        return;
      }
      const { names, rawAt, sentencesAt, ...fields } = x;
      let analysis: PackedAnalysis | StoredAnalysis;
      placesEnd = Math.max(placesEnd, rawAt.at + 4 + rawAt.length, sentencesAt.at + 4 + sentencesAt.length);
      if (from) analysis = new StoredInCache(from, rawAt, sentencesAt, x.source.id, names);
      else {
        const got = analyses.shift();
        if (!got || got.sourceId !== x.source.id || !got.packedSentences) {
          unpaired++;
          return;
        }
        got.packedSentences.cols = slab.int32Of(got.packedSentences.cols);
        got.packedRaw.cols = slab.int32Of(got.packedRaw.cols);
        analysis = { sourceId: got.sourceId, packedRaw: got.packedRaw, packedSentences: got.packedSentences };
      }
      const e: CachedEntry = { ...fields, analysis };
      // (a text lives as long as its source is indexed: a buffer of its own)
      e.source.packedText = ownedPackedText(e.source.packedText);
      entries.set(e.file, e);
    },
  });
  if (!r.ok) return r;
  if (unpaired || analyses.length) return { ok: false, reason: 'corrupt cache (an entry and its analysis do not match)' };
  if (placesEnd > HEADER_SIZE + r.header.bodyLength) return { ok: false, reason: 'corrupt cache (an entry points past its end)' };
  if (from && (from.identity.dev !== r.read.dev || from.identity.ino !== r.read.ino))
    return { ok: false, reason: 'the cache was replaced while it was read', replaced: true };
  if (3 * entries.size !== r.header.entries) return { ok: false, reason: 'cache entry count mismatch' };
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
    /** which chunks (by index) to deserialise: one that is not is taken to hold one item (see `addAlone`), read
     * later if at all (each is checked then against its CRC-32); all when absent */
    parse?: (index: number, header: CacheHeader) => boolean;
    /** asked after each chunk: a reason to stop reading (the file is then not used), or undefined to go on */
    stop?: () => string | undefined;
  } = {},
): Promise<
  | { ok: true; items: T[]; header: CacheHeader & Record<string, unknown>; read: FileIdentity }
  | { ok: false; reason: string; missing?: boolean }
> {
  const what = kind.name;
  let fh: FileHandle;
  try {
    fh = await fsp.open(file, 'r');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, reason: missing ? `no ${what} yet` : `cannot read the ${what} (${(err as Error).message})` };
  }
  try {
    const st = await fh.stat();
    const size = st.size;
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
    // (the body is read in blocks of a few MB: a read per chunk, two for each of a cache's ~20,000 small chunks, made
    // reading a cache of 10,000 articles ~1 s slower than the chunks' deserialisation)
    let block = Buffer.alloc(0);
    let blockAt = 0;
    const bytesAt = async (from: number, n: number): Promise<Buffer | undefined> => {
      if (from + n > size) return undefined;
      if (from >= blockAt && from + n <= blockAt + block.length) return block.subarray(from - blockAt, from - blockAt + n);
      const want = Math.min(Math.max(n, READ_BLOCK), size - from);
      const b = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await fh.read(b, got, want - got, from + got);
        if (!bytesRead) break;
        got += bytesRead;
      }
      if (got < n) return undefined;
      block = b.subarray(0, got);
      blockAt = from;
      return block.subarray(0, n);
    };
    for (let pos = HEADER_SIZE; pos < size;) {
      const lenBuf = await bytesAt(pos, 4);
      const blob = lenBuf && (await bytesAt(pos + 4, lenBuf.readUInt32LE(0)));
      if (!lenBuf || !blob) return { ok: false, reason: `corrupt ${what} body` };
      pos += 4 + blob.length;
      sha.update(lenBuf).update(blob);
      chunks++;
      // a chunk that does not parse makes the checksum fail too; say which came first only if it matches
      if (bad) continue;
      if (opts.parse && !opts.parse(chunks - 1, header)) count++;
      else
        try {
          // (a copy of its own: the arrays deserialised from it are views into it, and would keep the whole block)
          const list = v8.deserialize(Buffer.from(blob)) as unknown[];
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
      const stopped = opts.stop?.();
      if (stopped) return { ok: false, reason: stopped };
    }
    if (sha.digest('hex') !== header.sha1) return { ok: false, reason: `${what} checksum mismatch (corrupt)` };
    if (bad) return { ok: false, reason: bad };
    if (chunks !== header.chunks || count !== header.entries) return { ok: false, reason: `${what} entry count mismatch` };
    return { ok: true, items, header, read: { dev: st.dev, ino: st.ino } };
  } catch (err) {
    return { ok: false, reason: `corrupt ${what} (${(err as Error).message})` };
  } finally {
    await fh.close();
  }
}

/** An entry as a chunk of entries holds it: without its analysis, whose two parts are in chunks of their own before
 * it, with where they are and how many of its candidate names are names (what a rebuild must know beforehand). */
type EntryHead = Omit<CachedEntry, 'analysis'> & { names: number; rawAt: ChunkPlace; sentencesAt: ChunkPlace };

/** An analysis's two parts as they are read */
type Parts = { sourceId: string; packedRaw: PackedRaw; packedSentences?: PackedSentences };
type CandidatesPart = Pick<PackedAnalysis, 'sourceId' | 'packedRaw'>;
type SentencesPart = Pick<PackedAnalysis, 'sourceId' | 'packedSentences'>;

/** Whether the chunk at `index` of a cache is a chunk of entries (the rest hold an analysis's part each): 2 × CHUNK
 * parts, then their entries, and so on; the last chunk holds the last entries. */
function isChunkOfEntries(index: number, header: CacheHeader): boolean {
  const batch = 2 * CHUNK + 1;
  const full = Math.floor(header.entries / 3 / CHUNK);
  return index < full * batch ? index % batch === batch - 1 : index === header.chunks - 1;
}

function validItem(x: unknown): x is EntryHead | CandidatesPart | SentencesPart {
  return isCandidatesPart(x) || isSentencesPart(x) || isEntryHead(x);
}

function isEntryHead(e: unknown): e is EntryHead {
  const x = e as EntryHead;
  return (
    !!x &&
    Number.isInteger(x.names) &&
    x.names >= 0 &&
    isPlace(x.rawAt) &&
    isPlace(x.sentencesAt) &&
    typeof x.file === 'string' &&
    typeof x.key === 'string' &&
    !!x.source &&
    isPackedText(x.source.packedText) &&
    typeof x.source.id === 'string' &&
    Array.isArray(x.source.prose) &&
    Array.isArray(x.source.headings)
  );
}

function isPlace(p: unknown): p is ChunkPlace {
  const x = p as ChunkPlace;
  return (
    !!x &&
    Number.isInteger(x.at) &&
    x.at >= HEADER_SIZE &&
    Number.isInteger(x.length) &&
    x.length >= 0 &&
    Number.isInteger(x.crc) &&
    x.crc >= 0 &&
    x.crc <= 0xffffffff
  );
}

/** A place as an entry keeps it: these fields only. */
function placeOf(p: ChunkPlace): ChunkPlace {
  return { at: p.at, length: p.length, crc: p.crc };
}

function isCandidatesPart(a: unknown): a is CandidatesPart {
  const x = a as CandidatesPart;
  return !!x && typeof x.sourceId === 'string' && isPackedRaw(x.packedRaw);
}

function isSentencesPart(a: unknown): a is SentencesPart {
  const x = a as SentencesPart;
  return !!x && typeof x.sourceId === 'string' && isPackedSentences(x.packedSentences);
}

/**
 * Writes the cache atomically: serialises in chunks (yielding to the event loop between them so the server
 * keeps answering), writes a temp file beside the cache, then renames it over the cache.
 */
export async function writeCache(
  file: string,
  fingerprint: string,
  entries: Iterable<CachedEntry>,
  opts: { yieldEvery?: number } = {},
): Promise<void> {
  const w = await CacheWriter.open(file, fingerprint);
  await addAll(w, entries, opts.yieldEvery);
  await w.finish();
}

/**
 * Adds `items` to `w`, waiting for its writes after each chunk they complete (one chunk in memory at a time) and then a
 * turn of the event loop, so that the server keeps answering (unless `yieldEvery` is 0); an error aborts `w` (its temp
 * file removed) and is thrown.
 */
async function addAll<T>(
  w: { add(item: T): boolean; written(): Promise<void>; abort(): Promise<void> },
  items: Iterable<T>,
  yieldEvery?: number,
): Promise<void> {
  try {
    for (const item of items)
      if (w.add(item)) {
        await w.written();
        if (yieldEvery !== 0) await tick();
      }
  } catch (err) {
    await w.abort();
    throw err;
  }
}

/** An entry's fields other than its analysis. */
function entryHead(e: CachedEntry): Omit<CachedEntry, 'analysis'> {
  return { file: e.file, key: e.key, source: e.source, warnings: e.warnings };
}

/** Which file (device and inode), whatever path it has. */
interface FileIdentity {
  dev: number;
  ino: number;
}

/** Where a chunk is in a chunked file (the offset of its length prefix), its length and its CRC-32. */
export interface ChunkPlace {
  at: number;
  length: number;
  crc: number;
}

/** the blocks a chunked file is read in */
const READ_BLOCK = 4 << 20;

/** the buffers chunks are read back into: over glibc's mmap threshold as the server sets it (128 KB) */
const READ_SLAB_BYTES = 1 << 20;

/**
 * A chunked file open for reading single chunks again: the per-file cache, whose analyses a rebuild reads back
 * (`StoredAnalysis`) instead of the index keeping them in memory. It reads the file as it was when opened, whatever is
 * renamed over its path since (a newer cache: the older one's data stays readable until this reader is collected and
 * its descriptor closed). Each chunk is checked against the CRC-32 it was written with (which its entry keeps).
 */
export class ChunkFile {
  private readonly slab = new Slab(READ_SLAB_BYTES);
  /** the file it reads (whatever has its path now) */
  readonly identity: FileIdentity;

  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {
    closeWhenCollected(this, fd);
    const st = fstatSync(fd);
    this.identity = { dev: st.dev, ino: st.ino };
  }

  static open(file: string): ChunkFile {
    return new ChunkFile(file, openSync(file, 'r'));
  }

  /** The candidate names in the chunk at `place`, which must be `sourceId`'s. Throws an error that names the cache file
   * when it cannot be read or is not what was written. */
  candidatesAt(place: ChunkPlace, sourceId: string): PackedRaw {
    const x = this.chunk(place)[0];
    if (!isCandidatesPart(x) || x.sourceId !== sourceId) throw this.misplaced(sourceId);
    return x.packedRaw;
  }

  /** The sentences in the chunk at `place`, likewise. */
  sentencesAt(place: ChunkPlace, sourceId: string): PackedSentences {
    const x = this.chunk(place)[0];
    if (!isSentencesPart(x) || x.sourceId !== sourceId) throw this.misplaced(sourceId);
    return x.packedSentences;
  }

  private misplaced(sourceId: string): Error {
    return new Error(`the index cache ${this.file} is damaged (the analysis of ${sourceId} is not where it was written)`);
  }

  /** The chunk at `place` as it is on disk (checked against its CRC-32), in a buffer of its own: to be written again. */
  bytesAt(place: ChunkPlace): Buffer {
    return this.read(place, Buffer.allocUnsafe(place.length));
  }

  private chunk(p: ChunkPlace): unknown[] {
    // (read into a slab of mapped buffers, which the arrays deserialised from it are views into: each goes back to the
    // system whole once they are let go, rather than leaving ~10,000 small holes in the allocator's heap a rebuild)
    const buf = this.read(p, this.slab.uint8(p.length));
    let list: unknown;
    try {
      list = v8.deserialize(buf);
    } catch (err) {
      throw new Error(`the index cache ${this.file} is damaged (${(err as Error).message})`);
    }
    if (!Array.isArray(list)) throw new Error(`the index cache ${this.file} is damaged (a chunk is not a list)`);
    return list;
  }

  private read<B extends Uint8Array>(p: ChunkPlace, buf: B): B {
    let got = 0;
    try {
      while (got < p.length) {
        const n = readSync(this.fd, buf, got, p.length - got, p.at + 4 + got);
        if (n === 0) break;
        got += n;
      }
    } catch (err) {
      throw new Error(`the index cache ${this.file} could not be read (${(err as Error).message})`);
    }
    if (got < p.length) throw new Error(`the index cache ${this.file} is truncated`);
    if (crc32(buf) !== p.crc) throw new Error(`the index cache ${this.file} is damaged (the chunk at byte ${p.at} fails its checksum)`);
    return buf;
  }
}

/** An analysis in a cache file: where its two parts are, and what the resolver must know of it beforehand. */
class StoredInCache implements StoredAnalysis {
  readonly stored = true;
  constructor(
    private readonly from: ChunkFile,
    private readonly rawAt: ChunkPlace,
    private readonly sentencesAt: ChunkPlace,
    readonly sourceId: string,
    readonly names: number,
  ) {}

  readCandidates(): PackedRaw {
    return this.from.candidatesAt(this.rawAt, this.sourceId);
  }

  readSentences(): PackedSentences {
    return this.from.sentencesAt(this.sentencesAt, this.sourceId);
  }

  /** its two chunks as they are on disk */
  bytes(): [Buffer, Buffer] {
    return [this.from.bytesAt(this.rawAt), this.from.bytesAt(this.sentencesAt)];
  }
}

/**
 * A cache written as its entries come (`add`, e.g. as worker threads hand their analyses over), then `finish`ed: the
 * same file `writeCache` writes, as atomically. Each analysis is serialised as it is added (its two parts, each in a
 * chunk of its own), and each chunk of entries, which say where their analyses' parts are, when it is complete.
 */
export class CacheWriter {
  /** the entries added since the last chunk of entries, serialised together when there are CHUNK of them (as soon
   * as each is added, the first indexing's main heap peaked ~10 MB higher) */
  private pending: CachedEntry[] = [];

  private constructor(private readonly w: ChunkedWriter) {}

  static async open(file: string, fingerprint: string): Promise<CacheWriter> {
    return new CacheWriter(await ChunkedWriter.open(file, FILES, fingerprint));
  }

  /** Adds an entry (an analysis kept in a cache file is read back for it); true when that completed a chunk of
   * entries, then serialised and queued for writing with their analyses. */
  add(e: CachedEntry): boolean {
    this.pending.push(e);
    if (this.pending.length < CHUNK) return false;
    this.flush();
    return true;
  }

  private flush(): void {
    const list = this.pending;
    this.pending = [];
    for (const e of list) {
      const a = e.analysis;
      const sourceId = a.sourceId;
      let rawAt: ChunkPlace, sentencesAt: ChunkPlace, names: number;
      if (a instanceof StoredInCache) {
        // (an analysis left in a cache file: its chunks copied as they are, neither read nor serialised again)
        const [raw, sentences] = a.bytes();
        rawAt = this.w.addAloneBytes(raw);
        sentencesAt = this.w.addAloneBytes(sentences);
        names = a.names;
      } else {
        const raw = isStoredAnalysis(a) ? a.readCandidates() : a.packedRaw;
        rawAt = this.w.addAlone({ sourceId, packedRaw: raw });
        sentencesAt = this.w.addAlone({ sourceId, packedSentences: isStoredAnalysis(a) ? a.readSentences() : a.packedSentences });
        names = nameCount(raw);
      }
      this.w.add({ ...entryHead(e), names, rawAt: placeOf(rawAt), sentencesAt: placeOf(sentencesAt) } satisfies EntryHead);
    }
  }

  /** Resolves when every chunk completed so far is written. */
  written(): Promise<void> {
    return this.w.written();
  }

  finish(): Promise<void> {
    try {
      this.flush();
    } catch (err) {
      return this.w.abort().then(() => Promise.reject(err));
    }
    return this.w.finish();
  }

  abort(): Promise<void> {
    this.pending = [];
    return this.w.abort();
  }
}

/** chunks written by one `writev` at most (each two buffers: under the usual limit of 1,024 buffers a call) */
const MAX_WRITE_CHUNKS = 500;

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
  await addAll(w, items, opts.yieldEvery);
  let header: Record<string, unknown>;
  try {
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
 * serialised when its last item is added (the caller's items may change afterwards), as is an item added alone
 * (`addAlone`), and written in the background, the chunks queued meanwhile in one write (`written` waits for them: a
 * caller that can should, or chunks wait in memory for the disk); a failure is reported by `finish`.
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
  /** chunks serialised and not yet written, in order (contiguous in the file) */
  private queue: { len: Buffer; body: Buffer; at: number }[] = [];
  private draining = false;

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

  /** Writes an item in a chunk of its own, now (before the items added but not yet written in a chunk); where it is. */
  addAlone(item: unknown): ChunkPlace {
    if (this.closed) throw new Error(`${this.kind.name} writer already closed`);
    return this.write(v8.serialize([item]), 1);
  }

  /** The same, for such a chunk as another file of this kind holds it (`ChunkFile.bytesAt`). */
  addAloneBytes(body: Buffer): ChunkPlace {
    if (this.closed) throw new Error(`${this.kind.name} writer already closed`);
    return this.write(body, 1);
  }

  private flush(): void {
    if (this.failed) this.batch = [];
    if (!this.batch.length) return;
    const list = this.batch;
    this.batch = [];
    this.write(v8.serialize(list), list.length);
  }

  private write(body: Buffer, items: number): ChunkPlace {
    this.count += items;
    const len = Buffer.alloc(4);
    len.writeUInt32LE(body.length, 0);
    this.sha.update(len).update(body);
    const place = { at: this.pos, length: body.length, crc: crc32(body) };
    this.pos += 4 + body.length;
    this.chunks++;
    if (this.failed) return place;
    this.queue.push({ len, body, at: place.at });
    if (!this.draining) {
      this.draining = true;
      this.writing = this.drain();
    }
    return place;
  }

  /**
   * Writes the chunks queued, all those queued meanwhile at once (`writev`) after each write: a cache written as the
   * analyses came, a write per chunk, fell ~13 s behind a first indexing of 10,000 articles on a busy machine (20,000
   * writes, each waiting for the one before), with the chunks waiting in memory.
   */
  private async drain(): Promise<void> {
    while (this.queue.length && !this.failed) {
      const batch = this.queue.splice(0, MAX_WRITE_CHUNKS);
      try {
        await this.fh.writev(
          batch.flatMap((c) => [c.len, c.body]),
          batch[0].at,
        );
      } catch (err) {
        this.failed = err as Error;
        break;
      }
    }
    this.queue = [];
    this.draining = false;
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
 * the caller keeps what it built only if the result is `ok`. `ok: false` when absent, corrupt, of another analyser,
 * or made for another corpus than the one whose key is `corpus`. The key may still be being worked out (a warm start
 * lists the corpus meanwhile): the read goes on, stops at the next chunk once the key is known and differs from the
 * snapshot's (parts may have been handed over by then), and is ok only once it is known and the same.
 */
export async function readSnapshot(
  file: string,
  fingerprint: string,
  corpus: string | Promise<string>,
  onPart: (p: SnapshotPart) => void,
  opts: { yieldEvery?: number; onDamaged?: (err: Error) => void } = {},
): Promise<{ ok: true; problems: LoadProblem[] } | { ok: false; reason: string; missing?: boolean }> {
  const CHANGED = 'the corpus changed since the snapshot';
  let problems: LoadProblem[] = [];
  let failed: string | undefined;
  let texts: TextFile | undefined;
  let known = typeof corpus === 'string' ? corpus : undefined;
  let written: unknown;
  const keyed = Promise.resolve(corpus).then(
    (k) => (known = k),
    (err: unknown) => {
      failed ??= `the corpus could not be listed (${(err as Error)?.message ?? String(err)})`;
      return undefined;
    },
  );
  const r = await readChunked(file, SNAPSHOT, fingerprint, validPart, {
    ...opts,
    checkHeader: (h) => {
      written = h.corpus;
      if (known !== undefined && h.corpus !== known) return CHANGED;
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
    stop: () => failed ?? (known !== undefined && known !== written ? CHANGED : undefined),
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
  const key = await keyed;
  if (failed) return { ok: false, reason: failed };
  if (key !== r.header.corpus) return { ok: false, reason: CHANGED };
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
