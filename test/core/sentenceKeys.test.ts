import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceKeys, tokenizeSentences } from '../../server/src/core/entities/extract';
import { meaningKeys } from '../../server/src/core/text/keys';

// the meaning keys read from a sentence's name tokens are the keys of its text read whole
const SENTENCES = [
  'The well-known anti-Kessler campaigners travelled to Veldhaven on Monday, officials said.',
  "Rock'n'roll fans didn't go; the U.S. Navy's ships weren't there (3rd time).",
  'Mr. Okafor said the Marsdorp-based firm acted alone and was responsible for the attacks.',
  'Prices rose ~5% as the death toll reached 12 in Zürich and São Paulo.',
  'Café owners — “real” ones — halted 40,000 deliveries; the ministry’s data was fake.',
  'A ' + 'Abc-'.repeat(20) + 'Abc token far too long to keep, then ordinary attacks.',
];

test('sentenceKeys gives the meaning keys of the sentence text', () => {
  const text = SENTENCES.join(' ');
  let at = 0;
  const spans = SENTENCES.map((s) => {
    const span = { start: at, end: at + s.length };
    at += s.length + 1;
    return { span, heading: false };
  });
  const tokens = tokenizeSentences(text, spans);
  SENTENCES.forEach((s, i) => assert.deepEqual(sentenceKeys(s, tokens[i]), meaningKeys(s), s));
});

test('the act and its verb share a key ("inspection" / "inspected", "corruption" / "corrupt"); "-ing" and "-ed" as before', () => {
  assert.deepEqual(meaningKeys('the inspection register'), meaningKeys('inspected register'));
  assert.deepEqual(meaningKeys('corruption'), meaningKeys('corrupted'));
  assert.deepEqual(meaningKeys('inspections'), ['inspect']);
  assert.deepEqual(meaningKeys('action'), ['action'], 'a short word keeps its ending');
});

test('a fire is a blaze and flames; deliberately is intentionally and arson', () => {
  assert.deepEqual(meaningKeys('The blaze was lit deliberately.'), meaningKeys('The fire was lit intentionally.'));
  assert.ok(meaningKeys('Flames spread through the hall.').includes(meaningKeys('fire')[0]));
  assert.ok(meaningKeys('Police suspect arson.').includes(meaningKeys('deliberately')[0]));
});
