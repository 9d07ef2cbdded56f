import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, SpellingIndex } from '../../server/src/core/nameIndex';
import { BuiltOnce } from '../../server/src/core/packed';
import type { Entity } from '../../server/src/core/model';

function entity(id: string, name: string, aliases: string[] = []): Entity {
  return { id, name, type: 'person', aliases, mentions: [] };
}

const ENTITIES = [
  entity('person:ilse-verhoeven', 'Ilse Verhoeven', ['Verhoeven']),
  entity('person:piet-verhoeven', 'Piet Verhoeven'),
  entity('place:dunmore', 'Dunmore'),
  entity('organization:harbour-authority', 'Harbour Authority', ['Port Authority']),
  entity('person:anna-kowalczyk', 'Anna Kowalczyk'),
];

test('spelling: the name tokens within one edit (two for long words) of a word, nearest first, with their entities', () => {
  const s = SpellingIndex.of(ENTITIES);
  assert.deepEqual([...s.nameTokens.get('verhoeven')!].sort(), ['person:ilse-verhoeven', 'person:piet-verhoeven']);
  assert.ok(!s.nameTokens.has('of'), 'words under three letters are no tokens');
  assert.deepEqual(s.nameTokens.get('authority'), ['organization:harbour-authority'], 'once, though its name and alias both have it');
  const near = (w: string) => s.nearMisses(w).map((x) => [x.token, x.distance]);
  assert.deepEqual(near('Dunmoer'), [['dunmore', 1]], 'a transposition');
  assert.deepEqual(near('Dunore'), [['dunmore', 1]], 'a deletion');
  assert.deepEqual(near('Dunmorre'), [['dunmore', 1]], 'an insertion');
  assert.deepEqual(near('Dunmare'), [['dunmore', 1]], 'a substitution');
  assert.deepEqual(near('Kowalcyzk'), [['kowalczyk', 1]]);
  assert.deepEqual(near('Kowalcyk'), [['kowalczyk', 1]]);
  assert.deepEqual(near('Kwalczyyk'), [['kowalczyk', 2]], 'two edits in a long word, through a shared deletion');
  assert.deepEqual(near('Kowlaczk'), [], 'two edits that share no deletion are not found');
  assert.deepEqual(near('Dunmore'), [], 'a known token is no near miss of itself');
  assert.deepEqual(near('Harbor'), [['harbour', 1]]);
  assert.deepEqual(near('Zyxwvut'), []);
  assert.deepEqual(s.nearMisses('Verhoevn')[0].entityIds.sort(), ['person:ilse-verhoeven', 'person:piet-verhoeven']);
});

test('spelling: a word whose variants share a hash with no token of its own finds nothing false', () => {
  // many tokens, so that many hashes are in the table; every answer must truly be one edit away
  const many = Array.from({ length: 3000 }, (_, i) => entity(`person:p${i}`, `Name${i.toString(36)}x Surname${(i * 7919).toString(36)}`));
  const s = SpellingIndex.of(many);
  for (const w of ['namezzx', 'surnameqq', 'nam1x', 'surname9z']) {
    for (const x of s.nearMisses(w)) assert.ok(x.distance <= (w.length >= 8 ? 2 : 1), `${w} -> ${x.token}`);
  }
});

test('search: names sharing most trigrams with the query come first, each with the entities and names it stands for', () => {
  const s = SearchIndex.of(ENTITIES);
  const top = s.candidates('verhoeven', 10);
  assert.deepEqual(top[0], {
    key: 'verhoeven',
    shared: 10,
    names: [{ entityId: 'person:ilse-verhoeven', name: 'Verhoeven' }],
  });
  assert.deepEqual(
    top.slice(1, 3).map((x) => x.key),
    ['ilse verhoeven', 'piet verhoeven'],
  );
  assert.ok(top.every((x) => x.shared >= 1));
  assert.equal(s.candidates('verhoeven', 2).length, 2, 'the limit holds');
  assert.deepEqual(s.candidates('qqqq', 10), []);
  const auth = s.candidates('authority', 5);
  assert.deepEqual(
    auth.slice(0, 2).map((x) => x.key),
    ['harbour authority', 'port authority'],
    'ties keep the order names were indexed in',
  );
  assert.ok(auth.slice(2).every((x) => x.shared < auth[1].shared));
});

test('spelling: near misses as near as each other come in the order their names were met', () => {
  const s = SpellingIndex.of([entity('person:piet-kremer', 'Piet Kremer'), entity('person:anna-kramer', 'Anna Kramer')]);
  assert.deepEqual(
    s.nearMisses('Krmer').map((x) => [x.token, x.distance, x.entityIds]),
    [
      ['kremer', 1, ['person:piet-kremer']],
      ['kramer', 1, ['person:anna-kramer']],
    ],
  );
  assert.equal(s.nameTokens.get('kraemer'), undefined);
  assert.deepEqual(s.nameTokens.get('anna'), ['person:anna-kramer']);
});

test('both indexes made in steps are the indexes made at once, and each step does a part of the work', () => {
  const many = Array.from({ length: 50 }, (_, i) =>
    entity(`person:p${i}`, `Name${i.toString(36)}x Surname${(i * 7919).toString(36)}`, i % 3 ? [] : [`Alias${i}`]),
  );
  const whole = SpellingIndex.of(many);
  const spelling = SpellingIndex.steps(many, 4);
  let steps = 0;
  let r = spelling.next();
  for (; !r.done; r = spelling.next()) steps++;
  assert.ok(steps >= 50 / 4, `${steps} steps`);
  for (const w of ['namezzx', 'surnameqq', 'name1x', 'alias3', 'alias33', 'surnam'])
    assert.deepEqual(r.value.nearMisses(w), whole.nearMisses(w), w);
  assert.deepEqual(r.value.nameTokens.get('alias3'), whole.nameTokens.get('alias3'));
  const search = SearchIndex.steps(many, 4);
  steps = 0;
  let q = search.next();
  for (; !q.done; q = search.next()) steps++;
  assert.ok(steps >= 2 * (50 / 4), `${steps} steps`);
  for (const w of ['name1', 'surname', 'alias', 'qqq'])
    assert.deepEqual(q.value.candidates(w, 20), SearchIndex.of(many).candidates(w, 20), w);
});

test('a value made once: asked for at once after some steps, the same making is finished; steps no longer wanted stop', () => {
  let made = 0;
  const make = function* (): Generator<void, string, void> {
    made++;
    for (let i = 0; i < 3; i++) yield;
    return 'value';
  };
  const once = new BuiltOnce(make);
  const steps = once.steps();
  steps.next();
  assert.equal(once.built, false);
  assert.equal(once.get(), 'value');
  assert.equal(made, 1, 'the steps begun were finished, not begun again');
  assert.ok(steps.next().done, 'nothing left for the steps');
  const stopped = new BuiltOnce(make);
  let wanted = true;
  const some = stopped.steps(() => wanted);
  some.next();
  wanted = false;
  assert.ok(some.next().done);
  assert.equal(stopped.built, false);
  assert.equal(stopped.get(), 'value');
  assert.equal(made, 2);
});
