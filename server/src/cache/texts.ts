/**
 * The file of texts beside the snapshot of the derived index: each source's text as its deflated bytes, one after
 * another, which the snapshot points into (offset, size, CRC-32) instead of carrying them. A served index reads its
 * sources' texts from it when it shows a passage, so they need not stay in memory (~20 MB at 10,000 articles).
 *
 * Each snapshot gets a file of its own, named at random (`corroborate-texts-<hex>.bin`): a running server keeps the
 * file it reads open, and a newer snapshot never writes over it (the older files are deleted once the newer
 * snapshot is in place; an open file stays readable until closed). Written to a temp file, synced and renamed
 * before the snapshot that names it, so a snapshot never names a file that is not complete.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, promises as fsp, readSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { PackedText, TextBytes } from '../core/text/packedText';

export const TEXTS_PREFIX = 'corroborate-texts-';
export const TEXTS_SUFFIX = '.bin';

/** Where a text is in a file of texts, with what the text's line starts and the rest need (no bytes). */
export interface TextRef {
  at: number;
  size: number;
  crc: number;
  length: number;
  utf8: boolean;
  lines: Int32Array;
  lineBytes: Int32Array;
}

/** The shape of a reference into a file of `fileSize` bytes (its lines are checked as a packed text's are). */
export function isTextRef(x: unknown, fileSize: number): x is TextRef {
  const r = x as TextRef;
  return (
    !!r &&
    Number.isInteger(r.at) &&
    Number.isInteger(r.size) &&
    r.at >= 0 &&
    r.size >= 0 &&
    r.at + r.size <= fileSize &&
    Number.isInteger(r.crc) &&
    r.crc >= 0 &&
    r.crc <= 0xffffffff &&
    Number.isInteger(r.length) &&
    typeof r.utf8 === 'boolean' &&
    r.lines instanceof Int32Array &&
    r.lineBytes instanceof Int32Array
  );
}

/** closes the file of a reader nothing refers to any more (the index that read from it was replaced) */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Closes `fd` once `reader` is collected: the reader is the only holder of the descriptor. */
export function closeWhenCollected(reader: object, fd: number): void {
  closer.register(reader, fd);
}

/** A file of texts, open for reading. */
export class TextFile implements TextBytes {
  private damaged = false;
  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly size: number,
    private readonly onDamaged?: (err: Error) => void,
  ) {
    closeWhenCollected(this, fd);
  }

  /**
   * Opens the file and checks its size; throws an error that names it otherwise. `onDamaged` hears of the first read
   * that fails (the index can then be made again: a text that fails once fails again).
   */
  static open(file: string, size: number, onDamaged?: (err: Error) => void): TextFile {
    const fd = openSync(file, 'r');
    try {
      const actual = fstatSync(fd).size;
      if (actual !== size) throw new Error(`${path.basename(file)} has ${actual} bytes, expected ${size}`);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    return new TextFile(file, fd, size, onDamaged);
  }

  read(at: number, size: number, crc: number): Uint8Array {
    try {
      return this.readChecked(at, size, crc);
    } catch (err) {
      if (!this.damaged) {
        this.damaged = true;
        this.onDamaged?.(err as Error);
      }
      throw err;
    }
  }

  private readChecked(at: number, size: number, crc: number): Uint8Array {
    const buf = Buffer.allocUnsafeSlow(size);
    let got = 0;
    try {
      while (got < size) {
        const n = readSync(this.fd, buf, got, size - got, at + got);
        if (n === 0) break;
        got += n;
      }
    } catch (err) {
      throw new Error(`the index's file of texts ${this.file} could not be read (${(err as Error).message})`);
    }
    if (got < size) throw new Error(`the index's file of texts ${this.file} is truncated`);
    if (crc32(buf) !== crc) throw new Error(`the index's file of texts ${this.file} is damaged (a text at byte ${at} fails its checksum)`);
    return buf;
  }
}

/** bytes gathered before a write */
const BUFFER = 1 << 20;

/**
 * Writes a file of texts as a snapshot is written: `add` appends a text's bytes and gives where they are; `finish`
 * syncs and renames it into place (returning its name), `abort` removes it.
 */
export class TextsWriter {
  private pos = 0;
  private buf = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private closed = false;
  readonly file: string;
  private readonly tmp: string;
  private readonly fd: number;

  constructor(dir: string) {
    this.file = path.join(dir, `${TEXTS_PREFIX}${randomBytes(8).toString('hex')}${TEXTS_SUFFIX}`);
    this.tmp = `${this.file}.${process.pid}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  get name(): string {
    return path.basename(this.file);
  }

  get bytes(): number {
    return this.pos;
  }

  add(p: PackedText): TextRef {
    if (this.closed) throw new Error('file of texts already closed');
    const bytes = p.bytes;
    const ref: TextRef = {
      at: this.pos,
      size: bytes.length,
      crc: crc32(bytes),
      length: p.length,
      utf8: p.utf8,
      lines: p.lines,
      lineBytes: p.lineBytes,
    };
    if (this.used + bytes.length > BUFFER) this.flush();
    if (bytes.length > BUFFER) writeAll(this.fd, bytes);
    else {
      this.buf.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.pos += bytes.length;
    return ref;
  }

  private flush(): void {
    if (this.used) writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }

  /** Syncs the file and renames it into place. */
  async finish(): Promise<string> {
    if (this.closed) throw new Error('file of texts already closed');
    this.closed = true;
    try {
      this.flush();
      fsyncSync(this.fd);
    } catch (err) {
      closeSync(this.fd);
      await fsp.rm(this.tmp, { force: true });
      throw err;
    }
    closeSync(this.fd);
    this.buf = Buffer.alloc(0);
    await fsp.rename(this.tmp, this.file);
    return this.name;
  }

  /** Removes the file (written or not); for a snapshot that failed. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    this.buf = Buffer.alloc(0);
    await fsp.rm(this.tmp, { force: true });
    await fsp.rm(this.file, { force: true });
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Deletes the files of texts in `dir` but `keep` (older snapshots', and temp files a crash left). A server still
 * reading one keeps it open: it stays readable until closed.
 */
export async function removeOtherTexts(dir: string, keep: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const n of names)
    if (n.startsWith(TEXTS_PREFIX) && n !== keep && (n.endsWith(TEXTS_SUFFIX) || n.endsWith('.tmp')))
      await fsp.rm(path.join(dir, n), { force: true }).catch(() => undefined);
}
