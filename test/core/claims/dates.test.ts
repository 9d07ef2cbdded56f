import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates } from '../../../server/src/core/claims';

// article date: Sunday 22 November 2015
const REF = '2015-11-22';
const CASES: Array<[string, Array<[string, string]>]> = [
  ['The raid took place on Wednesday.', [['2015-11-18', 'Wednesday']]],
  ['In January the police raided the flat.', [['2015-01', 'January']]],
  [
    'He left for Syria in December 2014 and came back in early 2015.',
    [
      ['2014-12', 'December 2014'],
      ['2015', 'early 2015'],
    ],
  ],
  ['The museum shooting on May 24, 2014 killed four.', [['2014-05-24', 'May 24, 2014']]],
  ['He has lived in the city since 2010.', [['2010', '2010']]],
  ['The cell was formed in the summer of 2014.', [['2014', '2014']]],
  [
    'He was seen in Turkey in mid-2014 and in late 2013.',
    [
      ['2014', 'mid-2014'],
      ['2013', 'late 2013'],
    ],
  ],
  ['He died yesterday.', [['2015-11-21', 'yesterday']]],
  ['Three months ago he vanished.', [['2015-08', 'Three months ago']]],
  ['On Saturday, in a brief statement, the group spoke.', [['2015-11-21', 'Saturday']]],
  ['The trial will start on Monday.', [['2015-11-23', 'Monday']]],
  ['The attacks on November 13 shocked the city.', [['2015-11-13', 'November 13']]],
  [
    'Between 2010 and 2012 he lived abroad.',
    [
      ['2010', '2010'],
      ['2012', '2012'],
    ],
  ],
  // not dates
  ['Police may have arrested him.', []],
  ['They will march to the square.', []],
  ['It happened at 6am as residents slept.', []],
  ['The search would take 24 hours.', []],
  ['In 2000 people marched.', []],
  ['The 28-year-old was one of 1990 applicants.', []],
  ['May God protect their families.', []],
];

for (const [s, want] of CASES) {
  test(`dates: ${s}`, () => {
    const got = extractDates(s, 0, REF);
    assert.deepEqual(
      got.map((d) => [d.iso, d.text]),
      want,
    );
    for (const d of got) assert.equal(s.slice(d.span.start, d.span.end), d.text);
  });
}

test('dates: offset is added to spans', () => {
  const s = 'He died on 3 March 2015.';
  const [d] = extractDates(s, 500, REF);
  assert.equal(d.iso, '2015-03-03');
  assert.equal(d.span.start - 500, s.indexOf('3 March'));
});

test('dates: without an article date only dates with a year are kept', () => {
  const got = extractDates('On Wednesday, a year after the attack of 13 November 2015, in 2016.');
  assert.deepEqual(
    got.map((d) => d.iso),
    ['2015-11-13', '2016'],
  );
});

test('dates: a part of a day said of a named day is that day; a part of a day alone is no date', () => {
  const [d] = extractDates('The fire broke out on the afternoon of Sunday, August 10, in pine forest.', 0, '2025-08-11');
  assert.equal(d.iso, '2025-08-10');
  assert.equal(d.text, 'Sunday, August 10');
  assert.deepEqual(
    extractDates('The rockfall struck during the night shift.', 0, '2025-03-05').map((x) => x.text),
    [],
  );
  assert.deepEqual(
    extractDates('It happened on Tuesday night.', 0, '2025-03-05').map((x) => x.iso),
    ['2025-03-04'],
  );
});
