import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { corpus, plainEntities } from './helpers';
import { CorpusIndex } from '../../server/src/core/index';
import { checkDraft } from '../../server/src/core/check';

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
  const loaded = new CorpusIndex();
  loaded.loadSnapshot(parts);
  assert.equal(loaded.analyses.size, 0, 'no per-file analyses: a later rebuild needs them upserted');
  // mentions live packed in the store, not as lists in the table (of a rebuild or a load), nor in the meta part
  for (const i of [idx, loaded]) assert.ok(!('mentions' in i.table));
  assert.ok(!('mentions' in (parts[0] as { lookups: object }).lookups));
  assert.deepEqual([...loaded.sources.keys()].sort(), [...idx.sources.keys()].sort());
  assert.deepEqual([...loaded.claims.all()], [...idx.claims.all()]);
  assert.deepEqual(loaded.disputes, idx.disputes);
  assert.deepEqual(plainEntities(loaded.entities), plainEntities(idx.entities));
  assert.deepEqual([...loaded.claims.denialSources()], [...idx.claims.denialSources()]);
  assert.deepEqual([...loaded.sourceKeys.get('Harbour Post')!], [...idx.sourceKeys.get('Harbour Post')!]);
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
