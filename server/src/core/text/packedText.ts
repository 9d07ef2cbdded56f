import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { detachedSlice, type Slab } from '../packed';
import { LineMap, lineAt } from './sentences';

/**
 * A source's text kept deflated. Once indexed, a source's text is read only to show or locate a passage (a claim's
 * sentence, a mention, a line map), a few sources at a time; at 10,000 articles the texts were 77 MB of the server's
 * heap as strings and are ~20 MB deflated. A packed source unpacks its text when read and keeps the most recently
 * read texts as strings.
 */
export interface PackedText {
  readonly bytes: Uint8Array;
  /** the text's length in UTF-16 code units */
  readonly length: number;
  /** UTF-8 (any well-formed text), else UTF-16LE (a text with a lone surrogate, which UTF-8 cannot carry) */
  readonly utf8: boolean;
  /** where each line of the text starts (`LineMap`): a passage is located without unpacking the text */
  readonly lines: Int32Array;
  /** UTF-8 with a character outside ASCII: the byte offset of each line start (a passage is decoded from its own
   * lines, not the whole text); empty when byte and character offsets agree (ASCII, or UTF-16 at twice the offset) */
  readonly lineBytes: Int32Array;
}

/** the byte offsets of a text that needs none (shared) */
export const NO_OFFSETS = new Int32Array(0);

/**
 * Where the deflated bytes of stored texts are read from: a file of them that the server wrote beside the snapshot
 * of its index (`cache/texts.ts`). `read` returns a text's bytes or throws an error that names the file and what was
 * wrong with it.
 */
export interface TextBytes {
  read(at: number, size: number, crc: number): Uint8Array;
}

/**
 * A packed text whose deflated bytes stay on disk, in a file of texts the server wrote: ~20 MB at 10,000 articles
 * that a text in memory would hold, read a few sources at a time (a passage shown, a claim made). Its line starts
 * stay in memory, so a passage is located without a read.
 */
export class StoredText implements PackedText {
  constructor(
    readonly store: TextBytes,
    /** where its bytes start in the file, how many there are, and their CRC-32 */
    readonly at: number,
    readonly size: number,
    readonly crc: number,
    readonly length: number,
    readonly utf8: boolean,
    readonly lines: Int32Array,
    readonly lineBytes: Int32Array,
  ) {}

  /** read from the file each time (the texts unpacked lately are kept as strings: `unpacked`) */
  get bytes(): Uint8Array {
    return this.store.read(this.at, this.size, this.crc);
  }
}

/** A stored text's line starts in one buffer of their own (they may be views into a larger deserialised one). */
export function ownedLines(p: Pick<PackedText, 'lines' | 'lineBytes'>): { lines: Int32Array; lineBytes: Int32Array } {
  return linesInto(new ArrayBuffer(4 * (p.lines.length + p.lineBytes.length)), p);
}

/** copies the line starts into the start of `buf` */
function linesInto(buf: ArrayBuffer, p: Pick<PackedText, 'lines' | 'lineBytes'>): { lines: Int32Array; lineBytes: Int32Array } {
  const nl = p.lines.length;
  const lines = new Int32Array(buf, 0, nl);
  lines.set(p.lines);
  let lineBytes = NO_OFFSETS;
  if (p.lineBytes.length) {
    lineBytes = new Int32Array(buf, 4 * nl, p.lineBytes.length);
    lineBytes.set(p.lineBytes);
  }
  return { lines, lineBytes };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function packText(text: string): PackedText {
  const utf8 = !LONE_SURROGATE.test(text);
  const raw = Buffer.from(text, utf8 ? 'utf8' : 'utf16le');
  const lines = new LineMap(text).lineStarts();
  let lineBytes = NO_OFFSETS;
  if (utf8 && raw.length !== text.length) {
    lineBytes = new Int32Array(lines.length);
    for (let i = 1; i < lines.length; i++) lineBytes[i] = lineBytes[i - 1] + Buffer.byteLength(text.slice(lines[i - 1], lines[i]), 'utf8');
  }
  // the fastest level: packing runs once per source per snapshot, unpacking on reads
  const deflated = deflateRawSync(raw, { level: 1 });
  // copied: zlib's result is a view of its 16 KB output chunk (or of a shared pool), which the view kept alive (~210
  // MB of buffers for ~20 MB of texts at 10,000 articles, after a first indexing)
  return ownedPackedText({ bytes: deflated, length: text.length, utf8, lines, lineBytes });
}

/**
 * `p` with its arrays copied into one buffer of exactly their size: not views into a larger buffer (zlib's output
 * chunk, a deserialised part of the snapshot), which they would keep in memory, nor three buffers of their own
 * (each costs ~180 bytes more than a view: ~4 MB over 10,000 sources; see `Slab`).
 */
export function ownedPackedText(p: PackedText): PackedText {
  // (a stored text's arrays are its own already, and its bytes are on disk)
  if (p instanceof StoredText) return p;
  const at = 4 * (p.lines.length + p.lineBytes.length);
  const buf = new ArrayBuffer(at + p.bytes.length);
  const { lines, lineBytes } = linesInto(buf, p);
  const bytes = new Uint8Array(buf, at, p.bytes.length);
  bytes.set(p.bytes);
  return { bytes, length: p.length, utf8: p.utf8, lines, lineBytes };
}

/**
 * `p` copied into `slab` (a large text into a buffer of its own, `ownedPackedText`). With buffers of ~1 MB, which the C
 * library maps on their own, the memory goes back once every text in a buffer is dropped (its source's text read from
 * the file of texts: `StoredText`). A text in a buffer of its own (a few KB) comes from the C library's heap, whose
 * freed holes stay resident: after a first indexing of 10,000 articles the process kept most of the ~20 MB its texts
 * had held.
 */
export function slabbedText(p: PackedText, slab: Slab): PackedText {
  if (p instanceof StoredText) return p;
  if (!slab.fits(4 * (p.lines.length + p.lineBytes.length) + p.bytes.length)) return ownedPackedText(p);
  const lines = slab.int32Of(p.lines);
  const lineBytes = p.lineBytes.length ? slab.int32Of(p.lineBytes) : NO_OFFSETS;
  return { bytes: slab.uint8Of(p.bytes), length: p.length, utf8: p.utf8, lines, lineBytes };
}

/** Throws when the bytes do not inflate to a text of the recorded length (a corrupt snapshot). */
export function unpackText(p: PackedText): string {
  const text = inflateRawSync(p.bytes).toString(p.utf8 ? 'utf8' : 'utf16le');
  if (text.length !== p.length) throw new Error(`a packed text of ${p.length} characters unpacked to ${text.length}`);
  return text;
}

/** The shape of a packed text (what it holds is checked when it is unpacked). */
export function isPackedText(x: unknown): x is PackedText {
  const p = x as PackedText;
  return (
    !!p &&
    // (a stored text's bytes are checked when read: their CRC-32)
    (p instanceof StoredText ? Number.isInteger(p.size) && p.size >= 0 : p.bytes instanceof Uint8Array) &&
    Number.isInteger(p.length) &&
    p.length >= 0 &&
    typeof p.utf8 === 'boolean' &&
    p.lines instanceof Int32Array &&
    p.lines.length > 0 &&
    p.lines.every((x, i) => x >= 0 && x <= p.length && (i === 0 ? x === 0 : x > p.lines[i - 1])) &&
    p.lineBytes instanceof Int32Array &&
    (p.lineBytes.length === 0 || (p.utf8 && p.lineBytes.length === p.lines.length)) &&
    p.lineBytes.every((x, i) => (i === 0 ? x === 0 : x >= p.lineBytes[i - 1] + p.lines[i] - p.lines[i - 1]))
  );
}

/** texts unpacked lately, most recent last */
const recent = new Map<PackedText, string>();
/** how many unpacked texts are kept (a hover reads up to a dozen sources, a definition up to 48) */
const RECENT = 256;

function unpacked(p: PackedText): string {
  let text = recent.get(p);
  if (text !== undefined) recent.delete(p);
  else text = unpackText(p);
  recent.set(p, text);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return text;
}

/** the bytes inflated last: the claims of a source are made one after another, each reading its sentence */
let lastInflated: { p: PackedText; bytes: Buffer } | undefined;

/** Forgets the texts unpacked lately (they keep their packed texts, and the slab buffers of those, in memory). */
export function forgetUnpacked(): void {
  recent.clear();
  lastInflated = undefined;
}

/**
 * `text.slice(start, end)` of a packed text, as a string of its own: decoded from the inflated bytes of the lines it
 * spans, not from the whole text (a claim's sentence read this way leaves no unpacked text behind it to collect).
 */
export function unpackSlice(p: PackedText, start: number, end: number): string {
  start = Math.max(0, Math.min(start, p.length));
  end = Math.max(start, Math.min(end, p.length));
  const text = recent.get(p);
  if (text !== undefined) return detachedSlice(text, start, end);
  if (lastInflated?.p !== p) lastInflated = { p, bytes: inflateRawSync(p.bytes) };
  const bytes = lastInflated.bytes;
  if (!p.utf8) return bytes.toString('utf16le', 2 * start, 2 * end);
  if (p.lineBytes.length === 0) return bytes.toString('latin1', start, end);
  // the lines from the one holding `start` to the first that starts at or after `end`
  const first = lineAt(p.lines, start);
  let last = first + 1;
  while (last < p.lines.length && p.lines[last] < end) last++;
  const lines = bytes.toString('utf8', p.lineBytes[first], last < p.lines.length ? p.lineBytes[last] : bytes.length);
  return detachedSlice(lines, start - p.lines[first], end - p.lines[first]);
}

/**
 * `holder.text.slice(start, end)` as a string of its own (`detachedSlice`); a packed text is not unpacked whole for
 * it (`unpackSlice`).
 */
export function textSlice(holder: { text: string }, start: number, end: number): string {
  const p = packedTextOf(holder);
  return p ? unpackSlice(p, start, end) : detachedSlice(holder.text, start, end);
}

const PACKED = Symbol('packed text');
type Packable = { text: string; [PACKED]?: PackedText };

/**
 * Keeps the object's `text` packed from now on: `text` becomes a property that unpacks it when read (the same
 * characters, so readers need not know). Returns the object.
 */
export function packTextOf<T extends { text: string }>(holder: T, packed: PackedText = packText(holder.text)): T {
  Object.defineProperty(holder, PACKED, { value: packed, configurable: true });
  Object.defineProperty(holder, 'text', { get: () => unpacked(packed), enumerable: true, configurable: true });
  return holder;
}

/** The packed text of an object that keeps its text packed, if it does. */
export function packedTextOf(holder: { text: string }): PackedText | undefined {
  return (holder as Packable)[PACKED];
}

/** The length of the object's text, without unpacking it. */
export function textLength(holder: { text: string }): number {
  return packedTextOf(holder)?.length ?? holder.text.length;
}

/** The object's own properties but `text`, read without unpacking it. */
export function withoutText<T extends { text: string }>(holder: T): Omit<T, 'text'> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(holder)) if (k !== 'text') out[k] = (holder as Record<string, unknown>)[k];
  return out as Omit<T, 'text'>;
}
