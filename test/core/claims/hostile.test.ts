import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSpeaker, detectStance, extractDates, extractQuantities } from '../../../server/src/core/claims';

// No timing inside unit tests: the runner's timeout is the guard against catastrophic backtracking.
const N = 200_000;
const hostile: Array<[string, string]> = [
  ['capitals', 'A'.repeat(N)],
  ['capital words', 'Abc '.repeat(N / 4)],
  ['commas', ','.repeat(N)],
  ['digits', '1'.repeat(N)],
  ['digit groups', '1,'.repeat(N / 2)],
  ['numbers and words', '34 people killed and '.repeat(N / 21)],
  ['quotes', '"'.repeat(N)],
  ['curly quotes', '\u201c\u201d'.repeat(N / 2)],
  ['said', 'X said, '.repeat(N / 8)],
  ['according to', 'according to '.repeat(N / 13)],
  ['months', 'May 24, '.repeat(N / 8)],
  ['question words', 'it is unclear whether '.repeat(N / 22)],
  ['mixed', 'Mr. A, 27, said: "B? 1,2.3" -- '.repeat(N / 30)],
];

for (const [name, s] of hostile) {
  test(`hostile input returns: ${name}`, { timeout: 5000 }, () => {
    assert.ok(Array.isArray(extractQuantities(s)));
    assert.ok(detectStance(s).stance);
    assert.ok(detectSpeaker(s).kind);
    assert.ok(Array.isArray(extractDates(s, 0, '2015-11-22')));
  });
}
