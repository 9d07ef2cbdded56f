/** Analyses kept on disk (`StoredAnalysis`): a rebuild reads each back when it needs it and makes the same index. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeSource } from '../../server/src/core/analyze';
import { CorpusIndex } from '../../server/src/core/index';
import { nameCount } from '../../server/src/core/entities/resolve';
import { packAnalysis, type PackedSentences, type StoredAnalysis } from '../../server/src/core/sentencePack';
import type { PackedRaw } from '../../server/src/core/entities/rawPack';
import { loadSourceFile } from '../../server/src/corpus/load';
import { fromPlain, toIndexed } from '../../server/src/indexing/work';
import { plainEntities } from './helpers';

const SEEDS = path.join(__dirname, '../../corpus/seeds');
const seedFiles = ['000_b668c77285b96cb4.txt', '001_4dbe6efb2f5e76f1.txt', '003_4e493e16ccad6bce.txt'];
const clone = <T>(x: T): T => v8.deserialize(v8.serialize(x)) as T;

/** each seed as the index gets it from a worker (packed copies), and as a cache file keeps it (read on demand) */
function seeds() {
  return seedFiles.map((f) => {
    const source = loadSourceFile(path.join(SEEDS, f), { id: f }).source!;
    const packed = packAnalysis(analyzeSource(source));
    const raw = v8.serialize(packed.packedRaw);
    const sentences = v8.serialize(packed.packedSentences);
    const reads = { candidates: 0, sentences: 0 };
    let fail: Error | undefined;
    const stored: StoredAnalysis = {
      stored: true,
      sourceId: packed.sourceId,
      names: nameCount(packed.packedRaw),
      readCandidates: () => {
        if (fail) throw fail;
        reads.candidates++;
        return v8.deserialize(raw) as PackedRaw;
      },
      readSentences: () => {
        if (fail) throw fail;
        reads.sentences++;
        return v8.deserialize(sentences) as PackedSentences;
      },
    };
    return { source: () => fromPlain(clone(toIndexed(source))), packed, stored, reads, failWith: (e: Error) => (fail = e) };
  });
}

function served(idx: CorpusIndex) {
  return {
    entities: plainEntities(idx.entities),
    claims: [...idx.claims.all()],
    disputes: JSON.stringify(idx.disputes),
  };
}

test('a rebuild from analyses read back on demand makes the index one from analyses in memory makes, reading each part once', async () => {
  const docs = seeds();
  const inMemory = new CorpusIndex();
  for (const d of docs) inMemory.upsert(d.source(), clone(d.packed), true);
  inMemory.rebuild();
  const onDisk = new CorpusIndex();
  for (const d of docs) onDisk.upsert(d.source(), d.stored, true);
  assert.ok(
    [...onDisk.analyses.values()].every((a) => a === docs.find((d) => d.stored === a)?.stored),
    'kept as they are given',
  );
  await onDisk.rebuildInSlices(5);
  assert.ok(inMemory.claims.size > 100 && inMemory.disputes.length > 0, 'a real index');
  assert.deepEqual(served(onDisk), served(inMemory));
  // (the resolver's candidates, then the claims loop's sentences: each once, nothing kept between the two)
  assert.deepEqual(
    docs.map((d) => [d.reads.candidates, d.reads.sentences]),
    [
      [1, 1],
      [1, 1],
      [1, 1],
    ],
  );
  // and a later rebuild reads them again
  onDisk.rebuild();
  assert.deepEqual(
    docs.map((d) => [d.reads.candidates, d.reads.sentences]),
    [
      [2, 2],
      [2, 2],
      [2, 2],
    ],
  );
  assert.deepEqual(served(onDisk), served(inMemory));
});

test('an analysis that cannot be read back fails the rebuild, leaving the index served', async () => {
  const docs = seeds();
  const idx = new CorpusIndex();
  for (const d of docs) idx.upsert(d.source(), d.packed, true);
  idx.rebuild();
  const before = served(idx);
  const version = idx.version;
  for (const d of docs) idx.upsert(d.source(), d.stored, true);
  docs[1].failWith(new Error('the index cache /x/corroborate-index.cache is damaged'));
  await assert.rejects(idx.rebuildInSlices(5), /corroborate-index\.cache is damaged/);
  assert.equal(idx.version, version, 'the failed rebuild swapped nothing in');
  assert.deepEqual(served(idx), before);
});
