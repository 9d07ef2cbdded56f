import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { Slab, compactIndexes, narrow } from '../../server/src/core/packed';
import { ClaimPacker } from '../../server/src/core/claimStore';
import { corpus } from './helpers';
import { CorpusIndex } from '../../server/src/core/index';
import { analyzeSource } from '../../server/src/core/analyze';
import { packAnalysis } from '../../server/src/core/sentencePack';
import { unpackRaw } from '../../server/src/core/entities/rawPack';

test('a slab carves small arrays out of shared buffers, aligned, and gives large ones a buffer of their own', () => {
  const slab = new Slab(1024);
  const a = slab.uint8(3);
  const b = slab.int32(5);
  const c = slab.int32(3);
  c.set([7, -8, 9]);
  assert.equal(a.buffer, b.buffer, 'one buffer');
  assert.equal(b.buffer, c.buffer);
  assert.equal(a.buffer.byteLength, 1024);
  for (const x of [b, c]) assert.equal(x.byteOffset % 4, 0, 'aligned');
  // no overlap: each keeps what is written to it
  a.set([1, 2, 3]);
  b.fill(-1);
  assert.deepEqual([...a], [1, 2, 3]);
  assert.deepEqual([...c], [7, -8, 9]);
  const big = slab.int32(100);
  assert.notEqual(big.buffer, a.buffer, 'over a quarter of a chunk: a buffer of its own');
  assert.equal(big.buffer.byteLength, 400);
  // a full chunk starts another
  const more = Array.from({ length: 20 }, () => slab.int32(60));
  assert.ok(new Set(more.map((x) => x.buffer)).size > 1);
  assert.equal(slab.int32(0).length, 0);
  // what the snapshot writes of a view is the view's own bytes, not its buffer's
  assert.ok(v8.serialize(c).length < 64);
  assert.deepEqual([...(v8.deserialize(v8.serialize(c)) as Int32Array)], [7, -8, 9]);
});

// (a string's form shows in what `v8.serialize` writes: one byte a character, or two)
const bytesOf = (s: string) => v8.serialize(s).length;

test('narrow keeps a string as it is, one byte a character when every character fits in one', () => {
  // cut from a text with an en dash, V8 holds it two bytes a character
  const text = 'Kraków \u2013 ' + 'the harbour board said more than forty people were hurt. '.repeat(40);
  const cut = text.slice(10);
  assert.ok(bytesOf(cut) > 2 * cut.length, 'the cut is two bytes a character');
  const n = narrow(cut);
  assert.equal(n, cut);
  assert.ok(bytesOf(n) < 1.1 * cut.length + 16, 'narrowed: one byte a character');
  // long strings, in several pieces
  const long = ('Caf\u00e9 na\u00efve ' + text.slice(10)).repeat(10);
  assert.equal(narrow(long), long);
  assert.ok(bytesOf(narrow(long)) < 1.1 * long.length + 16);
  // a character beyond Latin-1 keeps it as it is
  assert.equal(narrow(text), text);
  assert.equal(narrow(''), '');
});

test('packed claims keep their extra fields one byte a character, and their columns in the packer\u2019s slab', () => {
  const idx = corpus([
    {
      id: 'dash',
      text: 'Dunmore \u2013 At least 30 people were hurt in the bridge collapse, engineer Piet Kramer said on Friday. It is unclear whether inspectors came.',
    },
  ]);
  const source = idx.sources.get('dash')!;
  // a speaker's name as an analysis cuts it from such a text: two bytes a character
  const at = source.text.indexOf('engineer');
  const name = source.text.slice(at, at + 20);
  assert.equal(name, 'engineer Piet Kramer');
  assert.ok(bytesOf(name) > 2 * name.length);
  const claims = [...idx.claims.all()].map((c, i) => ({
    ...c,
    speaker: i === 0 ? { kind: 'attributed' as const, name, cue: 'said' } : c.speaker,
    contrast: false,
    heading: false,
    doubt: false,
  }));
  const slab = new Slab();
  const packer = new ClaimPacker(new Map(), slab);
  packer.add('dash', source, claims);
  const [{ claims: p }] = packer.finish().packedSources();
  assert.ok(p.extra.includes('engineer Piet Kramer'));
  assert.ok(bytesOf(p.extra) < 1.1 * p.extra.length + 16, 'extra: one byte a character');
  assert.equal(p.spans.buffer, p.refs.buffer, 'columns in one shared buffer');
  assert.equal(p.flags.buffer, p.refs.buffer);
});

test('an analysis copied in (from a worker or the cache) shares its strings one byte a character', () => {
  const text = 'Dunmore \u2013 Mayor Ilse Verhoeven said the Harbour Board ignored warnings, engineer Piet Kramer told reporters.';
  const source = {
    id: 'dash',
    path: 'dash.txt',
    format: 'text' as const,
    text,
    meta: {},
    prose: [{ start: 0, end: text.length }],
    headings: [],
  };
  const analysis = structuredClone(analyzeSource(source));
  const names = analysis.raw.map((m) => m.text);
  assert.ok(names.includes('Ilse Verhoeven'));
  assert.ok(
    names.some((n) => bytesOf(n) > 2 * n.length),
    'as copied: two bytes a character',
  );
  const idx = new CorpusIndex();
  idx.upsert(source, analysis, true);
  const stored = idx.analyses.get('dash')!;
  assert.ok('packedSentences' in stored, 'a copied analysis is kept packed');
  assert.ok(stored.packedRaw.strings.includes('Ilse Verhoeven'));
  for (const s of stored.packedRaw.strings) assert.ok(bytesOf(s) < s.length + 8, s);
  const packed = stored.packedSentences;
  assert.ok(packed.keys.length > 0);
  for (const k of packed.keys) assert.ok(bytesOf(k) < k.length + 8, k);
});

test('a column of indexes takes two bytes an entry when every entry fits, else four', () => {
  const slab = new Slab();
  const small = slab.indexesOf(Int32Array.of(0, 5, 65535));
  assert.ok(small instanceof Uint16Array);
  assert.deepEqual([...small], [0, 5, 65535]);
  for (const wide of [Int32Array.of(0, 65536), Int32Array.of(3, -1)]) {
    const x = slab.indexesOf(wide);
    assert.ok(x instanceof Int32Array, 'a value out of two bytes, or a negative one the checks must see');
    assert.deepEqual([...x], [...wide]);
  }
});

test('compactIndexes: a copy at two bytes an entry when every entry fits, else the array itself', () => {
  const fits = compactIndexes(Int32Array.of(0, 7, 65535));
  assert.ok(fits instanceof Uint16Array);
  assert.deepEqual([...fits], [0, 7, 65535]);
  const wide = Int32Array.of(1, 70000);
  assert.equal(compactIndexes(wide), wide);
  const negative = Int32Array.of(1, -2);
  assert.equal(compactIndexes(negative), negative);
});

test('copied analyses keep their columns in one large shared buffer, which releasing the analyses lets go', async () => {
  const mk = (id: string, text: string) => ({
    id,
    path: `${id}.txt`,
    format: 'text' as const,
    text,
    meta: {},
    prose: [{ start: 0, end: text.length }],
    headings: [],
  });
  const a = mk('a', 'Mayor Ilse Verhoeven said the Harbour Board ignored warnings in Dunmore.');
  const b = mk('b', 'Engineer Piet Kramer told the Harbour Board that 40 people were hurt.');
  const idx = new CorpusIndex();
  for (const s of [a, b]) idx.upsert(s, structuredClone(packAnalysis(analyzeSource(s))), true);
  const [pa, pb] = ['a', 'b'].map((id) => idx.analyses.get(id)!);
  assert.ok('packedRaw' in pa && 'packedRaw' in pb);
  const buffer = pa.packedRaw.cols.buffer;
  assert.ok(buffer.byteLength > 32 * 1048576, 'a buffer larger than any the allocator serves from its heap');
  for (const cols of [pa.packedSentences.cols, pb.packedRaw.cols, pb.packedSentences.cols]) assert.equal(cols.buffer, buffer);
  // the copies read as the analysis did
  assert.deepEqual(
    unpackRaw(pa.packedRaw).map((m) => m.text),
    analyzeSource(a).raw.map((m) => m.text),
  );
  idx.rebuild();
  assert.ok(idx.entities.some((e) => e.name === 'Piet Kramer'));
  idx.releaseAnalyses();
  idx.upsert(a, structuredClone(packAnalysis(analyzeSource(a))), true);
  const again = idx.analyses.get('a')!;
  assert.ok('packedRaw' in again && again.packedRaw.cols.buffer !== buffer, 'a new buffer after the release');
});
