import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysInText, occurrence, sameDay } from '../../../server/src/core/claims/occurrence';

const said = (text: string) => {
  const o = occurrence(text, daysInText(text));
  return o && { days: o.days.map((d) => d.text), denied: o.denied.map((d) => d.text) };
};

test('occurrence: the day after a verb of happening, in its clause; a day after "not" is denied', () => {
  assert.deepEqual(said('The rockfall struck on Tuesday, March 4, during the night shift.'), { days: ['Tuesday, March 4'], denied: [] });
  assert.deepEqual(said('The collapse happened in the early hours of Wednesday, not on Tuesday.'), {
    days: ['Wednesday'],
    denied: ['Tuesday'],
  });
  assert.deepEqual(said('The fire did not start on Sunday, as officials said.'), { days: [], denied: ['Sunday'] });
  assert.deepEqual(said('On Friday the dam burst and the valley flooded.'), undefined, '"burst" is no verb of happening here');
  assert.deepEqual(said('On 9 August the fire broke out.'), { days: ['9 August'], denied: [] });
  // a day of saying after the clause is not the day it happened
  assert.deepEqual(said('The shaft collapsed late on Tuesday, the operator said on Wednesday.'), { days: ['Tuesday'], denied: [] });
  assert.equal(said('Officials met on Monday.'), undefined);
  assert.equal(said('May the fire be put out soon.'), undefined);
});

test('occurrence: days are compared by month and day where both give them, else by weekday', () => {
  const [a] = daysInText('Tuesday, March 4');
  const [b] = daysInText('March 5');
  const [c] = daysInText('Tuesday');
  const [d] = daysInText('4 March');
  assert.equal(sameDay(a, b), false);
  assert.equal(sameDay(a, c), true);
  assert.equal(sameDay(a, d), true);
  assert.equal(sameDay(b, c), undefined, 'a date with no weekday against a weekday: unknown');
});
