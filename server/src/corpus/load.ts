/**
 * Reading one source file of any supported format into a `Source`.
 * `parseSource` is pure (bytes in, Source or problem out); `loadSourceFile` adds the file
 * system: a size check before reading, the sidecar NAME.meta.json, and error reasons.
 * Neither ever throws, and neither ever writes anything.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Source, SourceFormat, SourceMeta, Span } from '../core/model';
import { parseClaimReviewJson, reviewsInText } from './claimreview';
import { decodeBytes } from './decode';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { definedMeta, metaFromObject } from './meta';
import { OffsetMapBuilder } from './offsets';
import { analyseText } from './text';
import { formatOf, sidecarPath } from './formats';

export { FORMAT_BY_EXTENSION, formatOf, sidecarPath } from './formats';

export interface LoadProblem {
  path: string;
  reason: string;
}
export interface LoadResult {
  source?: Source;
  problem?: LoadProblem;
  warnings: LoadProblem[];
}
export interface LoadOptions {
  id?: string;
  /** default 8 MiB */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
export const MAX_SIDECAR_BYTES = 1024 * 1024;

function amount(bytes: number, unit: 'MB' | 'KB' | 'bytes', decimals: boolean): string {
  if (unit === 'bytes') return `${bytes} bytes`;
  const v = bytes / (unit === 'MB' ? 1024 * 1024 : 1024);
  return `${decimals || !Number.isInteger(v) ? v.toFixed(1) : String(v)} ${unit}`;
}

/** "too large (20.0 MB; the limit is 8 MB)" (binary megabytes, as the limit is set). */
export function tooLargeReason(size: number, maxBytes: number): string {
  const unit = maxBytes >= 1024 * 1024 ? 'MB' : maxBytes >= 1024 ? 'KB' : 'bytes';
  return `too large (${amount(size, unit, true)}; the limit is ${amount(maxBytes, unit, false)})`;
}

function fail(path: string, reason: string, warnings: LoadProblem[] = []): LoadResult {
  return { problem: { path, reason }, warnings };
}

/** Pure: decode + dispatch on the file extension. No I/O. */
export function parseSource(
  path: string,
  bytes: Uint8Array,
  opts: LoadOptions & { sidecar?: Partial<SourceMeta> } = {},
): LoadResult {
  try {
    return parseSourceUnsafe(path, bytes, opts);
  } catch (err) {
    return fail(path, `could not be read (internal error: ${(err as Error)?.message ?? String(err)})`);
  }
}

function parseSourceUnsafe(path: string, bytes: Uint8Array, opts: LoadOptions & { sidecar?: Partial<SourceMeta> }): LoadResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return fail(path, tooLargeReason(bytes.length, maxBytes));
  const format = formatOf(path);
  if (!format) {
    if (/\.meta\.json$/i.test(path)) return fail(path, 'a metadata sidecar (NAME.meta.json), not a source');
    const ext = nodePath.extname(path) || '(none)';
    return fail(path, `unsupported file type ${ext} (supported: .txt .text .md .markdown .html .htm .json .jsonld)`);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return fail(path, decoded.reason);
  const text = decoded.text;
  const warnings: LoadProblem[] = [];
  const warn = (reason: string) => warnings.push({ path, reason });

  let meta: SourceMeta;
  let prose: Span[];
  let headings: Span[];
  let sourceText = text;
  let fileOffset: ((offset: number) => number) | undefined;
  let reviews: Source['reviews'];

  switch (format) {
    case 'text': {
      const a = analyseText(text);
      ({ meta, prose, headings } = a);
      const inText = reviewsInText(text);
      if (inText.length) reviews = inText;
      break;
    }
    case 'markdown': {
      const a = parseMarkdown(text);
      ({ meta, prose, headings } = a);
      a.warnings.forEach(warn);
      const inText = reviewsInText(text);
      if (inText.length) reviews = inText;
      break;
    }
    case 'html': {
      const a = parseHtml(text);
      if (a.text.trim().length === 0) return fail(path, 'no readable text in the page', warnings);
      sourceText = a.text;
      ({ meta, prose, headings } = a);
      fileOffset = a.fileOffset;
      if (a.reviews.length) reviews = a.reviews;
      a.warnings.forEach(warn);
      break;
    }
    case 'claimreview': {
      const a = parseClaimReviewJson(text);
      a.warnings.forEach(warn);
      if (a.problem || a.text === undefined) return fail(path, a.problem ?? 'not a ClaimReview file', warnings);
      sourceText = a.text;
      meta = a.meta ?? {};
      prose = a.prose ?? [];
      headings = [];
      reviews = a.reviews;
      fileOffset = claimReviewOffsets(text, sourceText, reviews ?? []);
      break;
    }
  }

  const source: Source = {
    id: opts.id ?? path,
    path,
    format,
    text: sourceText,
    meta: { ...definedMeta(meta), ...definedMeta(opts.sidecar) },
    prose: clampSpans(prose, sourceText.length),
    headings: clampSpans(headings, sourceText.length),
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
  if (fileOffset) source.fileOffset = fileOffset;
  if (reviews) source.reviews = reviews;
  return { source, warnings };
}

function clampSpans(spans: Span[], length: number): Span[] {
  return spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Maps the rendered fact-check text back to where each claim sits in the JSON file. */
function claimReviewOffsets(file: string, text: string, reviews: NonNullable<Source['reviews']>): (offset: number) => number {
  const map = new OffsetMapBuilder();
  let blockStart = 0;
  let searchFrom = 0;
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i];
    const blockEnd = i + 1 < reviews.length ? reviews[i + 1].span.start - 'Claim: '.length : text.length;
    const escaped = JSON.stringify(r.claimReviewed).slice(1, -1);
    let at = file.indexOf(escaped, searchFrom);
    if (at < 0) at = file.indexOf(escaped);
    if (at < 0) {
      map.add(blockStart, blockEnd, 0, 0, false);
    } else {
      searchFrom = at + escaped.length;
      const identity = escaped === r.claimReviewed;
      map.add(blockStart, r.span.start, at, at, false);
      map.add(r.span.start, r.span.end, at, at + escaped.length, identity);
      map.add(r.span.end, blockEnd, at + escaped.length, at + escaped.length, false);
    }
    blockStart = blockEnd;
  }
  return map.build();
}

function errorReason(err: unknown, what = 'file'): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return `${what} not found (deleted or moved?)`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (cannot read the file)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return `cannot read (${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(err)})`;
  }
}

/**
 * Reads at most `limit` bytes (plus one, to detect growth) of a regular file, synchronously: it runs in the indexing
 * workers, where each file read through promises (open, stat, two reads, close, and an error for every missing
 * sidecar) cost more CPU than parsing the file, and for content keys on the main thread (a few microseconds a file).
 * The file is opened without blocking, so a FIFO named like a source or a sidecar is refused instead of waiting for a
 * writer.
 */
export function readBounded(path: string, limit: number): { bytes?: Uint8Array; size?: number; reason?: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return { reason: 'is a directory, not a file' };
    if (!st.isFile()) return { reason: 'not a regular file' };
    if (st.size > limit) return { size: st.size };
    const cap = Math.min(st.size, limit) + 1;
    const buf = Buffer.allocUnsafe(Math.max(cap, 1));
    let total = 0;
    while (total < cap) {
      const bytesRead = readSync(fd, buf, total, cap - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > limit) return { size: total };
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
  } catch (err) {
    return { reason: errorReason(err) };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // nothing was written: nothing to lose
      }
    }
  }
}

/** Whether anything is at `path` (no exception for the sidecar most sources lack). */
export function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // there is something, which the read will name
  }
}

function readSidecar(path: string, warnings: LoadProblem[]): Partial<SourceMeta> | undefined {
  const side = sidecarPath(path);
  if (side === path || !exists(side)) return undefined;
  const r = readBounded(side, MAX_SIDECAR_BYTES);
  if (r.reason) {
    if (!/not found/.test(r.reason)) warnings.push({ path: side, reason: `sidecar ignored: ${r.reason}` });
    return undefined;
  }
  if (!r.bytes) {
    warnings.push({ path: side, reason: `sidecar ignored: ${tooLargeReason(r.size ?? 0, MAX_SIDECAR_BYTES)}` });
    return undefined;
  }
  const decoded = decodeBytes(r.bytes);
  if (!decoded.ok) {
    warnings.push({ path: side, reason: `sidecar ignored: ${decoded.reason}` });
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (err) {
    warnings.push({ path: side, reason: `sidecar ignored: not valid JSON (${(err as Error).message})` });
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    warnings.push({ path: side, reason: 'sidecar ignored: expected a JSON object of metadata' });
    return undefined;
  }
  return metaFromObject(data as Record<string, unknown>, (m) => warnings.push({ path: side, reason: `sidecar: ${m}` }));
}

/** Reads the file (and a sidecar NAME.meta.json beside it, if any), synchronously (`readBounded`); never writes anything. */
export function loadSourceFile(path: string, opts: LoadOptions = {}): LoadResult {
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!formatOf(path)) {
      if (/\.meta\.json$/i.test(path)) return fail(path, 'a metadata sidecar (NAME.meta.json), not a source');
      return fail(path, `unsupported file type ${nodePath.extname(path) || '(none)'} (supported: .txt .text .md .markdown .html .htm .json .jsonld)`);
    }
    const r = readBounded(path, maxBytes);
    if (r.reason) return fail(path, r.reason);
    if (!r.bytes) return fail(path, tooLargeReason(r.size ?? 0, maxBytes));
    const warnings: LoadProblem[] = [];
    const sidecar = readSidecar(path, warnings);
    const result = parseSource(path, r.bytes, { ...opts, sidecar });
    return { ...result, warnings: [...warnings, ...result.warnings] };
  } catch (err) {
    return fail(path, errorReason(err));
  }
}
