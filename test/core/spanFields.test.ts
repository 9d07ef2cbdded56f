import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { analyzeSource } from '../../server/src/core/analyze';
import { packAnalysis } from '../../server/src/core/sentencePack';
import { CorpusIndex } from '../../server/src/core/index';
import { decodeExtra } from '../../server/src/core/claimStore';
import { checkDraft } from '../../server/src/core/check';
import { paragraphs } from '../../server/src/core/text/sentences';
import type { Source } from '../../server/src/core/model';

// V8 keeps one layout for every `{ start, end }` object of the process: a double stored once in either field (a
// number read from an array that also holds a fraction is one, even when it is whole) moves all of them to a new
// layout whose fields are boxed numbers, 32 bytes more a span. Whether that happened shows in the layout (the "map")
// of a span made now against one made before anything ran.
v8.setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const span = new Function('s', 'e', 'return { start: s, end: e }') as (s: number, e: number) => object;
const before = span(1, 2);
const spansStillSmallIntegers = (): boolean => sameMap(before, span(3, 4));

const TEXTS = [
  'Officials said 2.5 million people fled the floods in Pakistan on 3 March 2022. About 1.5 people per household were injured, the World Bank said.',
  'The World Bank said unemployment fell to 4.5 in May. Reuters reported that 12 people were injured in Karachi.',
];

test('a corpus rebuilt from packed analyses whose figures hold fractions keeps spans as small integers', () => {
  assert.ok(spansStillSmallIntegers(), 'nothing has run yet');
  const index = new CorpusIndex();
  TEXTS.forEach((text, i) => {
    const source: Source = {
      id: `s${i}`,
      path: `/virtual/s${i}.txt`,
      format: 'text',
      text,
      meta: { outlet: `Outlet ${i}` },
      prose: paragraphs(text),
      headings: [],
    };
    // (packed, as they come from the workers and the cache: the sentences' figures are decoded from their rows; a row
    // of numbers only, "fell to 4.5", is parsed into an array of doubles)
    index.upsert(source, packAnalysis(analyzeSource(source)));
  });
  index.rebuild();
  const figures = [...index.claims.all()].flatMap((c) => c.quantities);
  assert.ok(
    figures.some((q) => !Number.isInteger(q.value)),
    `the corpus has a fractional figure: ${figures.map((q) => q.value)}`,
  );
  checkDraft(index, 'About 2.5 people per household were injured in Pakistan, the World Bank said.');
  assert.ok(spansStillSmallIntegers(), 'spans were given boxed doubles');
});

test('figures decoded from a row of numbers with a fraction have integer spans', () => {
  const [, , quantities, dates] = decodeExtra('[0,0,[[2.5,2.5,2.5,0,8,4,53,56]],[["2022-03-03",10,22,"3 March 2022"]]]');
  assert.ok(quantities && dates);
  assert.deepEqual(quantities[0].span, { start: 53, end: 56 });
  assert.equal(quantities[0].value, 2.5);
  assert.deepEqual(dates[0].span, { start: 10, end: 22 });
  assert.ok(spansStillSmallIntegers(), 'spans were given boxed doubles');
});
