import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { assertOwnBuffer, corpus, plainEntities } from './helpers';
import { CorpusIndex, KeySet } from '../../server/src/core/index';
import { checkDraft } from '../../server/src/core/check';
import { packedTextOf, type PackedText } from '../../server/src/core/text/packedText';

/** the packed text with each of its arrays a view into one larger buffer */
function asViews(p: PackedText): PackedText {
  const chunk = new ArrayBuffer(p.bytes.byteLength + 4 * (p.lines.length + p.lineBytes.length) + 64);
  let at = 16;
  const view = <T extends Uint8Array | Int32Array>(a: T): T => {
    const v = new (a.constructor as new (b: ArrayBuffer, o: number, n: number) => T)(chunk, at, a.length);
    v.set(a);
    at += a.byteLength + 4 - (a.byteLength % 4);
    return v;
  };
  return { ...p, bytes: view(p.bytes), lines: view(p.lines), lineBytes: view(p.lineBytes) };
}

const docs = [
  {
    id: 'Harbour Post',
    text: 'Mayor Ilse Verhoeven of Dunmore said 12 people were hurt when the Dunmore bridge collapsed on Friday.\n\nThe Harbour Board denied that the bridge had been neglected. It is unclear whether inspectors visited in March.',
  },
  {
    id: 'Coast Courier',
    text: 'At least 30 people were hurt in the Dunmore bridge collapse, engineer Piet Kramer said.\n\nVerhoeven said the Harbour Board had ignored warnings.',
  },
  { id: 'Empty Note', text: '' },
];

test('a snapshot of the derived index, serialised and loaded into a fresh index, answers like the index it was taken from', () => {
  const idx = corpus(docs);
  const parts = [...idx.snapshot(1)].map((p) => v8.deserialize(v8.serialize(p)));
  assert.ok(parts.length >= 3, 'meta, entities and sources parts');
  // a part read from disk can hold its typed arrays as views into the whole chunk (whether it does depends on their
  // alignment in it): made so here for every packed text, to see that the loaded index keeps none of the chunk
  for (const part of parts) for (const s of (part as { list?: { text?: PackedText }[] }).list ?? []) if (s.text) s.text = asViews(s.text);
  const loaded = new CorpusIndex();
  loaded.loadSnapshot(parts);
  assert.equal(loaded.analyses.size, 0, 'no per-file analyses: a later rebuild needs them upserted');
  // mentions live packed in the store, not as lists in the table (of a rebuild or a load), nor in the meta part
  for (const i of [idx, loaded]) assert.ok(!('mentions' in i.table));
  assert.ok(!('mentions' in (parts[0] as { lookups: object }).lookups));
  assert.deepEqual([...loaded.sources.keys()].sort(), [...idx.sources.keys()].sort());
  // the loaded sources keep their texts packed (as the snapshotted index does from then on), and read the same
  for (const [id, s] of loaded.sources) {
    assert.ok(packedTextOf(s) && packedTextOf(idx.sources.get(id)!), id);
    assert.equal(s.text, docs.find((d) => d.id === id)!.text);
    // with arrays of their own: a view, even an empty one, would keep the whole deserialised part in memory
    assertOwnBuffer(packedTextOf(s)!, id);
    // the prose and heading spans only the analysis reads are neither written nor kept
    assert.deepEqual([s.prose, s.headings], [[], []], id);
  }
  for (const part of parts)
    for (const x of (part as { list?: { source?: { prose?: unknown[]; headings?: unknown[] } }[] }).list ?? [])
      if (x.source) assert.deepEqual([x.source.prose, x.source.headings], [[], []]);
  assert.deepEqual([...loaded.claims.all()], [...idx.claims.all()]);
  assert.deepEqual(loaded.disputes, idx.disputes);
  assert.deepEqual(plainEntities(loaded.entities), plainEntities(idx.entities));
  assert.deepEqual([...loaded.claims.denialSources()], [...idx.claims.denialSources()]);
  // each source's key and entity sets, the same after a rebuild and a load (the source with no claim has none)
  for (const i of [idx, loaded]) {
    assert.deepEqual([...i.sourceKeys.keys()].sort(), ['Coast Courier', 'Harbour Post']);
    assert.deepEqual([...i.sourceEntities.keys()].sort(), ['Coast Courier', 'Harbour Post']);
  }
  for (const id of ['Harbour Post', 'Coast Courier']) {
    assert.deepEqual([...loaded.sourceKeys.get(id)!], [...idx.sourceKeys.get(id)!]);
    assert.deepEqual([...loaded.sourceEntities.get(id)!], [...idx.sourceEntities.get(id)!]);
  }
  assert.ok(loaded.disputes.length > 0 && loaded.claims.size > 0);
  const draft = 'Mayor Ilse Verhoeven said 12 people were hurt when the Dunmore bridge collapsed.\n\nInspectors visited in March.';
  assert.deepEqual(checkDraft(loaded, draft).findings, checkDraft(idx, draft).findings);
  const hits = (i: CorpusIndex) => i.search('Verhoven').map((h) => ({ ...h, entity: plainEntities([h.entity])[0] }));
  assert.deepEqual(hits(loaded), hits(idx));
});

test('a snapshot whose parts do not fit together is refused', () => {
  const idx = corpus(docs);
  const parts = [...idx.snapshot(1)];
  assert.throws(() => new CorpusIndex().loadSnapshot(parts.slice(1)), /before its meta part/);
  assert.throws(() => new CorpusIndex().loadSnapshot(parts.slice(0, -1)), /expected/);
});

test("a source's key set answers membership and lists its members in sort order, over a table the sets share", () => {
  const { table, rank } = KeySet.table(['wound', 'bridge', 'collaps', 'bridge', '~responsible', 'Zed']);
  assert.deepEqual(table, ['Zed', 'bridge', 'collaps', 'wound', '~responsible'], 'distinct, in sort order');
  // a table too large for one slice (sorted in runs, then merged): the order of Array.prototype.sort, and the ranks
  let seed = 11;
  const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
  const many = Array.from({ length: 100_003 }, () => Array.from({ length: 1 + next(7) }, () => 'aZé~ 東🙂-b'[next(10)]).join(''));
  const big = KeySet.table(many);
  assert.deepEqual(big.table, [...new Set(many)].sort());
  assert.ok(big.table.length > 40_000 && big.table.every((k, i) => big.rank.get(k) === i) && big.rank.size === big.table.length);
  // a key's position in the sorted table, found by search (the topic index counts articles per position)
  assert.ok(big.table.every((k, i) => KeySet.positionIn(big.table, k) === i));
  for (const k of ['', 'zzzz', 'Z~Z~Z~Z~', '\u{10FFFF}']) assert.equal(KeySet.positionIn(big.table, k), big.rank.get(k) ?? -1, k);
  assert.equal(KeySet.positionIn([], 'bridge'), -1);
  const steps = KeySet.tableSteps(many);
  let slices = 0;
  while (!steps.next().done) slices++;
  assert.ok(slices >= 4, `in slices (${slices})`);
  const a = KeySet.of(table, rank, new Set(['wound', 'bridge', '~responsible']));
  const b = KeySet.of(table, rank, ['Zed']);
  assert.deepEqual([...a], ['bridge', 'wound', '~responsible']);
  assert.equal(a.size, 3);
  for (const k of ['bridge', 'wound', '~responsible']) assert.ok(a.has(k), k);
  for (const k of ['Zed', 'collaps', 'brid', 'bridges', '', 'unknown']) assert.ok(!a.has(k), k);
  assert.ok(b.has('Zed') && !b.has('bridge'));
  assert.equal(KeySet.of(table, rank, []).has('bridge'), false);
  // by position in the table: the same answers, for every position and out of range
  for (const set of [a, b, KeySet.of(table, rank, [])])
    for (let p = -1; p <= table.length; p++) assert.equal(set.hasPosition(p), p >= 0 && p < table.length && set.has(table[p]), `${p}`);
  const bigSet = KeySet.of(
    big.table,
    big.rank,
    many.filter((_, i) => i % 3 === 0),
  );
  for (let p = 0; p < big.table.length; p += 7) assert.equal(bigSet.hasPosition(p), bigSet.has(big.table[p]), big.table[p]);
  assert.throws(() => KeySet.of(table, rank, ['nowhere']), /nowhere is not in the table/);
  // the positions a snapshot keeps make the same set again; positions out of order or range are refused
  assert.deepEqual([...KeySet.fromPositions(table, a.positions)], [...a]);
  assert.throws(() => KeySet.fromPositions(table, Int32Array.of(3, 1)), /out of order or out of its table/);
  assert.throws(() => KeySet.fromPositions(table, Int32Array.of(1, 1)), /out of order/);
  assert.throws(() => KeySet.fromPositions(table, Int32Array.of(0, 5)), /out of its table/);
});
