import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusIndex } from '../../server/src/core/index';
import type { PackedText } from '../../server/src/core/text/packedText';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Entity, Source, SourceMeta } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';

/** An in-memory corpus: every text is one source whose whole body is prose. */
export function corpus(docs: { id: string; text: string; meta?: SourceMeta; reviews?: Source['reviews'] }[]): CorpusIndex {
  const idx = new CorpusIndex();
  for (const d of docs) {
    const src: Source = {
      id: d.id,
      path: `/virtual/${d.id}.txt`,
      format: 'text',
      text: d.text,
      meta: d.meta ?? { outlet: d.id },
      prose: paragraphs(d.text),
      headings: [],
      ...(d.reviews ? { reviews: d.reviews } : {}),
    };
    idx.upsert(src, analyzeSource(src));
  }
  idx.rebuild();
  return idx;
}

/** Entities as the model defines them: each mention as its source, span and text (a rebuilt index's mentions also
 * carry the resolver's own fields, which a snapshot does not keep). */
export function plainEntities(list: Entity[]): Entity[] {
  return list.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ sourceId: m.sourceId, span: m.span, text: m.text })) }));
}

/** the arrays of `p` (but a shared empty `lineBytes`) are views into one buffer of exactly their total size */
export function assertOwnBuffer(p: PackedText, what: string): void {
  const arrays = [p.bytes, p.lines, ...(p.lineBytes.length ? [p.lineBytes] : [])];
  for (const a of arrays) assert.equal(a.buffer, p.bytes.buffer, `${what}: one buffer`);
  assert.equal(
    p.bytes.buffer.byteLength,
    arrays.reduce((n, a) => n + a.byteLength, 0),
    `${what}: a buffer of the arrays' size`,
  );
}

/** A temp folder holding `corpus/` with these files (name -> text) and the path of a `storage/` folder beside it. */
export function tempCorpus(prefix: string, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const corpus = path.join(dir, 'corpus');
  const storage = path.join(dir, 'storage');
  mkdirSync(corpus);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(corpus, name), text);
  return { dir, corpus, storage, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
