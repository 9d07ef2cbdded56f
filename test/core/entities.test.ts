import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';

const idx = corpus([
  {
    id: 'harbour',
    text: [
      'Firefighters in Veldhaven said on Tuesday that the blaze at the Kessler Logistics warehouse was under control.',
      'Harbour master Jonas Albrecht-Meyer told reporters the fire started near the Oostkade ferry terminal.',
      'Albrecht-Meyer said two crew members were treated for smoke.',
      'The Veldhaven Port Authority (VPA) said ships would be diverted to Marsdorp.',
      'A spokesman for the VPA added that the harbour would reopen on Friday.',
      'Mayor Ilse van Rooden visited the town of Marsdorp on Wednesday.',
    ].join('\n\n'),
  },
  {
    id: 'follow-up',
    text: [
      'Albrecht-Meyer resigned a week after the Veldhaven harbour fire.',
      'Kessler Logistics denied that the warehouse lacked sprinklers.',
    ].join('\n\n'),
  },
  {
    id: 'brothers',
    text: ['Police questioned Pieter Dalhuisen and his brother Mattijs Dalhuisen.', 'Dalhuisen was released without charge.'].join('\n\n'),
  },
]);

const byName = (n: string) => idx.entities.find((e) => e.name === n || e.aliases.includes(n));

test('people with titles and hyphenated surnames; surname-only mentions resolve within and across articles', () => {
  const p = byName('Jonas Albrecht-Meyer');
  assert.equal(p?.type, 'person');
  assert.ok(p!.aliases.includes('Albrecht-Meyer'));
  assert.equal(new Set(p!.mentions.map((m) => m.sourceId)).size, 2, 'the follow-up article names him by surname only');
  assert.equal(byName('Ilse van Rooden')?.type, 'person', 'particle inside the name, title stripped');
});

test('an ambiguous surname stays ambiguous', () => {
  const r = idx.lookupName('Dalhuisen');
  assert.equal(r.entityId, undefined);
  assert.equal(r.candidates?.length, 2);
});

test('organisations from head words and acronym definitions; places from gazetteer and context', () => {
  assert.equal(byName('Kessler Logistics')?.type, 'organization');
  const vpa = byName('Veldhaven Port Authority');
  assert.equal(vpa?.type, 'organization');
  assert.ok(vpa!.aliases.includes('VPA'), 'the acronym defined in the text is an alias');
  assert.equal(byName('Marsdorp')?.type, 'place', '"the town of Marsdorp"');
  assert.equal(byName('Veldhaven')?.type, 'place', '"in Veldhaven"');
});

test('named events are built from event nouns and tied to their place', () => {
  const ev = idx.entities.find((e) => e.type === 'event' && /Veldhaven harbour fire|Veldhaven fire/.test(e.name));
  assert.ok(
    ev,
    idx.entities
      .filter((e) => e.type === 'event')
      .map((e) => e.name)
      .join(', '),
  );
});

test('ordinary capitalised words are not names', () => {
  for (const w of ['Firefighters', 'Harbour', 'Mayor', 'Police', 'Tuesday', 'Friday', 'A']) assert.equal(byName(w), undefined, w);
});

test('fuzzy search finds a misspelled name and suggestions come from name tokens', () => {
  assert.equal(idx.search('Albrect Meyer')[0]?.entity.name, 'Jonas Albrecht-Meyer');
  assert.ok(idx.nearMisses('Marsdrop').some((n) => n.token === 'marsdorp'));
});
