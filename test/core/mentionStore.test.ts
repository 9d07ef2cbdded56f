import type { Indexes } from '../../server/src/core/packed';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MentionPacker, MentionStore, StoredEntity } from '../../server/src/core/mentionStore';
import type { ResolvedMention } from '../../server/src/core/entities/resolve';

const A = 'Mayor Ilse Verhoeven of Dunmore spoke. Verhoeven left. Kramer stayed.';
const B = 'In Dunmore, VERHOEVEN wrote.';

function m(sourceId: string, text: string, start: number, end: number, over: Partial<ResolvedMention> = {}): ResolvedMention {
  return { sourceId, span: { start, end }, text: text.slice(start, end), ...over };
}

function sample(): { a: ResolvedMention[]; b: ResolvedMention[]; store: MentionStore } {
  const a = [
    m('a', A, 6, 20, { entityId: 'person:ilse-verhoeven' }),
    m('a', A, 24, 31, { entityId: 'place:dunmore' }),
    m('a', A, 39, 48, { entityId: 'person:ilse-verhoeven' }),
    m('a', A, 56, 62, { candidates: ['person:piet-kramer', 'person:anna-kramer'] }),
  ];
  // a mention whose text is not the text at its span (as written elsewhere)
  const b = [
    m('b', B, 3, 10, { entityId: 'place:dunmore' }),
    { ...m('b', B, 12, 21, { entityId: 'person:ilse-verhoeven' }), text: 'Verhoeven' },
  ];
  const ids = new Map<string, number>();
  const packer = new MentionPacker(ids);
  packer.add('a', A, a);
  packer.add('b', B, b);
  packer.add('none', '', []);
  return { a, b, store: packer.finish([...ids.keys()]) };
}

test('packed mentions come back as they were, by source and by entity, with their counts', () => {
  const { a, store } = sample();
  assert.deepEqual(
    store.ofSource('a'),
    a.map((x) => ({ ...x, entityId: x.entityId, candidates: x.candidates })),
  );
  assert.deepEqual(store.ofSource('b')[1].text, 'Verhoeven', 'a text other than the span keeps its own');
  assert.deepEqual(store.ofSource('none'), []);
  assert.deepEqual(store.ofSource('unknown'), []);
  assert.deepEqual(
    store.ofEntity('person:ilse-verhoeven').map((x) => [x.sourceId, x.span.start]),
    [
      ['a', 6],
      ['a', 39],
      ['b', 12],
    ],
  );
  assert.deepEqual(
    store.ofEntity('person:ilse-verhoeven', 1).map((x) => x.span.start),
    [6],
  );
  assert.equal(store.countOf('person:ilse-verhoeven'), 3);
  assert.equal(store.sourceCountOf('person:ilse-verhoeven'), 2);
  assert.equal(store.sourceCountOf('place:dunmore'), 2);
  assert.equal(store.countOf('person:piet-kramer'), 0, 'a candidate of an ambiguous name is not a mention of it');
  assert.equal(store.entityCountIn('a'), 2);
  assert.deepEqual(store.entitiesIn('a'), ['person:ilse-verhoeven', 'place:dunmore'], 'resolved entities, in order of first mention');
  assert.deepEqual(store.entitiesIn('b'), ['place:dunmore', 'person:ilse-verhoeven']);
  assert.deepEqual(store.entitiesIn('none'), []);
  assert.equal(store.ofSource('a')[3].entityId, undefined);
  assert.equal(store.ofSource('a')[0], store.ofEntity('person:ilse-verhoeven')[0], 'the same object while it is kept');
});

test("a stored entity's mentions come from the store; its own fields stay plain", () => {
  const { store } = sample();
  const e = new StoredEntity({ id: 'place:dunmore', name: 'Dunmore', type: 'place', aliases: [] }, store);
  assert.deepEqual(
    e.mentions.map((x) => x.sourceId),
    ['a', 'b'],
  );
  assert.deepEqual({ ...e }, { id: 'place:dunmore', name: 'Dunmore', type: 'place', aliases: [] });
  assert.equal(JSON.stringify(e), '{"id":"place:dunmore","name":"Dunmore","type":"place","aliases":[]}', 'the store is not serialised');
});

test('packed mentions that do not fit their source are refused', () => {
  const { store } = sample();
  const good = store.packedSources()[0].mentions;
  const make = (cols: Indexes) => () => new MentionStore(store.ids, ['a'], [{ text: A }], [{ ...good, cols }]);
  assert.doesNotThrow(make(good.cols));
  assert.throws(make(good.cols.slice(0, 4)), /do not fit together/);
  const past = good.cols.slice();
  past[1] = A.length + 1;
  assert.throws(make(past), /out of range/);
  const entity = good.cols.slice();
  entity[2] = store.ids.length + 1;
  assert.throws(make(entity), /out of range/);
});

test('a mention store built in slices yields between them and answers as one built at once', () => {
  const ids = new Map<string, number>();
  const packer = new MentionPacker(ids);
  for (let s = 0; s < 2500; s++)
    packer.add(`s${s}`, A, [m(`s${s}`, A, 6, 20, { entityId: `person:p${s % 7}` }), m(`s${s}`, A, 24, 31, { entityId: 'place:dunmore' })]);
  const once = packer.finish([...ids.keys()]);
  const steps = packer.finishSteps([...ids.keys()]);
  let slices = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) slices++;
  assert.ok(slices >= 6, `in slices (${slices})`);
  for (const e of ['person:p0', 'person:p6', 'place:dunmore']) assert.deepEqual(r.value.ofEntity(e), once.ofEntity(e));
});
