/** When an indexing that is analysing files rebuilds its derived index (`rebuildDue`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebuildDue } from '../../../server/src/indexing/manager';

// 10,000 files analysed at 2 ms a file: 20 s in all
const at = (analysed: number, o: Partial<Parameters<typeof rebuildDue>[0]> = {}) =>
  rebuildDue({
    sinceLastMs: 10_000,
    lastMs: 1000,
    lastSources: 3000,
    sources: analysed,
    analysingMs: 2 * analysed,
    analysed,
    toAnalyse: 10_000,
    ...o,
  });

test('a rebuild comes once the last is at most a seventh of the time since it ended, and at least 1 s ago', () => {
  assert.equal(at(5000, { sinceLastMs: 5999 }), false);
  assert.equal(at(5000, { sinceLastMs: 6000 }), true);
  assert.equal(at(5000, { sinceLastMs: 900, lastMs: 100, lastSources: 300 }), false);
  assert.equal(at(5000, { sinceLastMs: 1000, lastMs: 100, lastSources: 300 }), true);
});

test('no rebuild when the analysis will be done within three rebuilds of the size the next would be', () => {
  // at 5,000 files, the next rebuild reads 5,000 sources: 1,667 ms predicted, and 10 s of analysis are left
  assert.equal(at(5000), true);
  // at 7,000: 2,333 ms predicted, 6 s left (under 7 s)
  assert.equal(at(7000), false);
  // judged by the last rebuild's time alone (1 s, 6 s left) it would have come
  assert.equal(at(7000, { lastSources: 7000 }), true);
  assert.equal(at(9900), false);
});
