import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Location, Range } from 'vscode-languageserver';
import type { CorpusIndex } from '../core/index';
import type { Span } from '../core/model';
import { LineMap } from '../core/text/sentences';
import { packedTextOf } from '../core/text/packedText';

/**
 * Turns spans of a source's analysed text into LSP locations in the file (UTF-16 positions). For HTML, the
 * loader's offset map leads back to the file's own text, which is read once and cached.
 */
const lineMaps = new Map<string, { version: number; map: LineMap }>();
/** line maps kept (the most recently used sources'); a map is a few hundred bytes, remade in microseconds */
const LINE_MAPS_KEPT = 8192;

/** the URIs of the sources' paths lately asked for: a card links to two dozen passages, a definition to 48 */
const uris = new Map<string, { path: string; uri: string }>();

export function sourceUri(index: CorpusIndex, sourceId: string): string {
  const src = index.sources.get(sourceId);
  const p = src?.path ?? sourceId;
  const kept = uris.get(sourceId);
  if (kept?.path === p) return kept.uri;
  const uri = /^[a-z][a-z0-9+.-]*:/i.test(p) && !/^[a-z]:[\\/]/i.test(p) ? p : pathToFileURL(p).toString();
  if (uris.size >= LINE_MAPS_KEPT) uris.delete(uris.keys().next().value!);
  uris.set(sourceId, { path: p, uri });
  return uri;
}

function mapFor(index: CorpusIndex, sourceId: string): LineMap {
  const src = index.sources.get(sourceId)!;
  const cached = lineMaps.get(sourceId);
  if (cached) lineMaps.delete(sourceId);
  if (cached && cached.version === index.version) {
    lineMaps.set(sourceId, cached);
    return cached.map;
  }
  let map: LineMap;
  if (src.fileOffset) {
    let text: string;
    try {
      text = readFileSync(src.path, 'utf8');
    } catch {
      text = src.text;
    }
    map = new LineMap(text);
  } else {
    // a packed text carries its line starts: no need to unpack it
    const packed = packedTextOf(src);
    map = packed ? new LineMap({ starts: packed.lines, length: packed.length }) : new LineMap(src.text);
  }
  lineMaps.set(sourceId, { version: index.version, map });
  // the least recently used first
  if (lineMaps.size > LINE_MAPS_KEPT) lineMaps.delete(lineMaps.keys().next().value!);
  return map;
}

export function sourceRange(index: CorpusIndex, sourceId: string, span: Span): Range {
  const src = index.sources.get(sourceId);
  if (!src) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const map = mapFor(index, sourceId);
  const a = src.fileOffset ? src.fileOffset(span.start) : span.start;
  const b = src.fileOffset ? src.fileOffset(span.end) : span.end;
  return { start: map.position(a), end: map.position(b) };
}

export function sourceLocation(index: CorpusIndex, sourceId: string, span: Span): Location {
  return { uri: sourceUri(index, sourceId), range: sourceRange(index, sourceId, span) };
}
