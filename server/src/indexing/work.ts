/**
 * The per-file work of indexing, shared by the worker threads and the in-thread fallback: read a source file,
 * analyse it, and return plain data (structured-clone and cache safe: no functions). `Source.fileOffset` (HTML
 * and ClaimReview) is a function, so it is left out and rebuilt lazily on the main thread when first asked for.
 */
import { createHash } from 'node:crypto';
import type { Source } from '../core/model';
import { packAnalysis, type PackedAnalysis } from '../core/sentencePack';
import { analyzeSource } from '../core/analyze';
import {
  DEFAULT_MAX_BYTES,
  exists,
  loadSourceFile,
  MAX_SIDECAR_BYTES,
  parseSource,
  readBounded,
  sidecarPath,
  type LoadProblem,
} from '../corpus/load';
import { NONE } from '../core/packed';
import { packText, packTextOf, type PackedText } from '../core/text/packedText';
import { statSignature, type StatSignature } from './statSignature';

export { statSignature, statTrusted, type StatSignature } from './statSignature';

/** A Source without its function-valued field; `hasFileOffset` says the original had one. */
export type PlainSource = Omit<Source, 'fileOffset'> & { hasFileOffset?: boolean };

/**
 * A source as indexing hands it on (`toIndexed`): plain, and with its text packed (`packedText`) where it was read. As
 * strings, the texts of a first indexing of 10,000 articles took 77 MB of the main thread's heap until the snapshot was
 * written (most have a character outside Latin-1, so two bytes a character); packed, ~20 MB. They travel, are cached and
 * are indexed packed.
 */
export type IndexedSource = Omit<PlainSource, 'text'> & { packedText: PackedText };

export interface FileResult {
  file: string;
  /** content key: sha-256 of the file bytes and of its sidecar (NAME.meta.json), if any */
  key?: string;
  source?: IndexedSource;
  /** its sentences packed where they were analysed (see `PackedAnalysis`) */
  analysis?: PackedAnalysis;
  problem?: LoadProblem;
  warnings: LoadProblem[];
  /** the file's stat signature, taken before it was read (so it can only be older than the content analysed) */
  stat?: StatSignature;
}

export function sidecarKey(file: string): string {
  const side = sidecarPath(file);
  // (most files have none: asking first costs no exception)
  if (side === file || !exists(side)) return 'none';
  // (what the loader ignores, too large or not a regular file, keys as no sidecar; never waited on)
  const r = readBounded(side, MAX_SIDECAR_BYTES);
  return r.bytes ? createHash('sha256').update(r.bytes).digest('hex').slice(0, 32) : 'none';
}

export function contentKey(fileHash: string, sideKey: string): string {
  return `${fileHash}:${sideKey}`;
}

/**
 * Reads the file and its sidecar and returns their content key without parsing (warm start, watcher); undefined when it
 * cannot be read or is over `maxBytes`. Synchronous, as indexing reads (`readBounded`): a warm start on a corpus whose
 * files were all touched (a new clone, a copy) reads every one of them here.
 */
export function keyOfFile(file: string, maxBytes: number): string | undefined {
  const r = readBounded(file, maxBytes);
  if (!r.bytes) return undefined;
  return contentKey(createHash('sha256').update(r.bytes).digest('hex'), sidecarKey(file));
}

/** Reads (synchronously, `readBounded`) and analyses one file. */
export function loadAndAnalyse(file: string, maxBytes?: number): FileResult {
  const stat = statSignature(file);
  const r = loadSourceFile(file, { id: file, maxBytes });
  if (!r.source) return { file, problem: r.problem, warnings: r.warnings };
  try {
    const analysis = packAnalysis(analyzeSource(r.source));
    const key = r.source.hash ? contentKey(r.source.hash, sidecarKey(file)) : undefined;
    return { file, key, source: toIndexed(r.source), analysis, warnings: r.warnings, stat };
  } catch (err) {
    return { file, problem: { path: file, reason: `could not be analysed: ${(err as Error).message}` }, warnings: r.warnings };
  }
}

/** A source without its offset map (a function), which a plain copy marks instead. */
export function toPlain<S extends Pick<Source, 'fileOffset'>>(s: S): Omit<S, 'fileOffset'> & { hasFileOffset?: boolean } {
  const { fileOffset, ...rest } = s;
  return fileOffset ? { ...rest, hasFileOffset: true } : rest;
}

/**
 * A source as indexing hands it on, to the main thread and to the on-disk cache (`IndexedSource`): plain (`toPlain`),
 * its text packed, and without its prose and heading spans, which only the analysis reads.
 */
export function toIndexed(s: Source): IndexedSource {
  const { text, ...rest } = toPlain(s);
  return { ...rest, prose: NONE, headings: NONE, packedText: packText(text) };
}

/**
 * Back to a Source (whose text, if it came packed, stays packed: `packTextOf`). For HTML and ClaimReview the offset map
 * is rebuilt on first use by parsing the file again (synchronously; only when a location in that source is asked for).
 * If the file changed meanwhile, the watcher re-indexes it; until then offsets fall back to identity.
 */
export function fromPlain(p: PlainSource | IndexedSource): Source {
  const { hasFileOffset, ...s } = p;
  let source = s as Source;
  if ('packedText' in s) {
    const { packedText, ...rest } = s;
    source = packTextOf(rest as Source, packedText);
  }
  if (hasFileOffset) {
    let map: ((o: number) => number) | undefined;
    source.fileOffset = (offset: number) => {
      if (!map) {
        map = (o) => o;
        try {
          // (bounded, and never waiting on a FIFO put in the file's place since)
          const bytes = readBounded(p.path, DEFAULT_MAX_BYTES).bytes;
          const re = bytes && parseSource(p.path, bytes, { id: p.id });
          // (the source's text as indexed: a snapshot's source has it packed, read here)
          if (re && re.source?.fileOffset && re.source.text === source.text) map = re.source.fileOffset;
        } catch {
          // keep identity
        }
      }
      return map(offset);
    };
  }
  return source;
}
