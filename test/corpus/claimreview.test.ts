import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { reviewsInText, verdictFromText, verdictFromValue } from '../../server/src/corpus/claimreview';
import { ratesClaimNear } from '../../server/src/core/analyze';
import { loadSourceFile, parseSource } from '../../server/src/corpus/load';
import { enc, FIXTURES } from './helpers';

test('ClaimReview: a single object', async () => {
  const file = path.join(FIXTURES, 'claimreview/single.json');
  const r = loadSourceFile(file);
  assert.deepEqual(r.warnings, []);
  const s = r.source!;
  assert.equal(s.format, 'claimreview');
  assert.equal(
    s.text,
    'Claim: The new bridge cost twice as much as planned\nClaimant: Dana Whitfield\nRating: 1 (on a scale from 1 to 5)\nReviewed by Open Check, 2023-05-02\nhttps://example.org/fact-checks/bridge',
  );
  assert.equal(s.meta.kind, 'fact-check');
  assert.equal(s.meta.outlet, 'Open Check');
  assert.equal(s.meta.published, '2023-05-02');
  assert.equal(s.meta.url, 'https://example.org/fact-checks/bridge');
  assert.deepEqual(s.reviews, [
    {
      claimReviewed: 'The new bridge cost twice as much as planned',
      rating: '1 (on a scale from 1 to 5)',
      verdict: 'false',
      claimant: 'Dana Whitfield',
      reviewer: 'Open Check',
      url: 'https://example.org/fact-checks/bridge',
      datePublished: '2023-05-02',
      span: { start: 7, end: 51 },
    },
  ]);
  assert.equal(s.text.slice(7, 51), 'The new bridge cost twice as much as planned');
  assert.deepEqual(s.prose, [{ start: 7, end: 51 }]);
  const json = readFileSync(file, 'utf8');
  assert.equal(json.slice(s.fileOffset!(7), s.fileOffset!(51)), 'The new bridge cost twice as much as planned');
});

test('ClaimReview: an array with wrong types skips those reviews with warnings and keeps the rest', () => {
  const file = path.join(FIXTURES, 'claimreview/mixed.json');
  const r = parseSource(file, readFileSync(file));
  const s = r.source!;
  assert.equal(s.reviews!.length, 2);
  assert.deepEqual(
    s.reviews!.map((x) => [x.claimReviewed, x.rating, x.verdict, x.claimant]),
    [
      ['Unemployment fell by half last year', 'Mostly false', 'misleading', undefined],
      ['The river flooded in March', '5 (on a scale from 1 to 5)', 'true', 'City Council'],
    ],
  );
  assert.equal(s.reviews![0].datePublished, '2020-01-10');
  for (const rv of s.reviews!) assert.equal(s.text.slice(rv.span.start, rv.span.end), rv.claimReviewed);
  assert.deepEqual(
    r.warnings.map((w) => [w.path, w.reason]),
    [
      [file, 'review 2 of 4 skipped: claimReviewed is a number, not a string'],
      [file, 'review 3 of 4 skipped: reviewRating is a string, not an object'],
    ],
  );
});

test('ClaimReview: @graph, escaped quotes, .jsonld', async () => {
  const file = path.join(FIXTURES, 'claimreview/graph.jsonld');
  const s = loadSourceFile(file).source!;
  assert.equal(s.reviews!.length, 1);
  assert.equal(s.reviews![0].claimReviewed, 'The tunnel was finished in "record" time');
  assert.equal(s.reviews![0].verdict, 'mixed');
  assert.equal(s.meta.outlet, 'Check Point');
  const json = readFileSync(file, 'utf8');
  const sp = s.reviews![0].span;
  assert.equal(json.slice(s.fileOffset!(sp.start), s.fileOffset!(sp.end)), 'The tunnel was finished in \\"record\\" time');
});

test('ClaimReview: not a ClaimReview, invalid JSON, nothing usable', async () => {
  const file = path.join(FIXTURES, 'claimreview/not-claimreview.json');
  assert.deepEqual(loadSourceFile(file).problem, { path: file, reason: 'not a ClaimReview file' });
  assert.match(parseSource('/c/bad.json', enc('{"@type": "ClaimReview", ')).problem!.reason, /^not valid JSON/);
  const none = parseSource('/c/none.json', enc('[{"@type":"ClaimReview","claimReviewed":["x"]}]'));
  assert.equal(none.problem?.reason, 'no usable ClaimReview (1 skipped)');
  assert.equal(none.warnings.length, 1);
});

test('verdicts from rating words and values', () => {
  const cases: [string, string | undefined][] = [
    ['False', 'false'], ['Pants on Fire!', 'false'], ['Not true', 'false'], ['Mostly False', 'misleading'],
    ['Misleading', 'misleading'], ['Missing context', 'misleading'], ['Half True', 'mixed'], ['Mixture', 'mixed'],
    ['Mostly True', 'true'], ['Correct', 'true'], ['Untrue', 'false'], ['Satire', 'misleading'], ['Unclear', undefined],
  ];
  for (const [text, v] of cases) assert.equal(verdictFromText(text), v, text);
  assert.equal(verdictFromValue(1, 5, 1), 'false');
  assert.equal(verdictFromValue(2, 5, 1), 'misleading');
  assert.equal(verdictFromValue(3, 5, 1), 'mixed');
  assert.equal(verdictFromValue(5, 5, 1), 'true');
  assert.equal(verdictFromValue(0, 10, 0), 'false');
  assert.equal(verdictFromValue(9, 10, 0), 'true');
  assert.equal(verdictFromValue(7, 5, 1), 'unrated');
});

test('a fact-check written as text: each claim line with a rating line after it is a review', () => {
  const text = [
    'Was the fire set? The evidence so far says otherwise',
    '',
    'CLAIM: "There is a criminal hand behind this." — Mayor of Vila Nova, 10 August.',
    'OUR RATING: Unproven.',
    '',
    '**Claim:** “No fault was recorded on our network.” — Grid operator',
    '**Verdict:** False',
    '',
    'Claim: the river is rising (a caption, no rating after it)',
    '',
    'The rest of the article. Rating: none given.',
  ].join('\n');
  const reviews = reviewsInText(text);
  assert.deepEqual(
    reviews.map((r) => [r.claimReviewed, r.rating, r.verdict, r.claimant]),
    [
      ['There is a criminal hand behind this.', 'Unproven', 'misleading', 'Mayor of Vila Nova'],
      ['No fault was recorded on our network.', 'False', 'false', 'Grid operator'],
    ],
  );
  for (const r of reviews) assert.equal(text.slice(r.span.start, r.span.end), r.claimReviewed);
  // through the loader, a text source carries them
  const { source } = parseSource('/virtual/check.txt', Buffer.from(text), { id: 'check' });
  assert.equal(source?.reviews?.length, 2);
});

test('a fact-check\u2019s numbered claims, with a line of who said it between a claim and its rating, are reviews', () => {
  const text = [
    'Fact check: two claims about the Kilrush bridge',
    '',
    'CLAIM 1: The county warned the contractor in writing three times about the bearings.',
    '',
    'Who said it: Aoife Nolan, a county councillor, on local radio on 3 May.',
    '',
    'RATING: MOSTLY FALSE',
    '',
    'The county sent one letter, not three.',
    '',
    'Claim #2: "The bridge cost €8 million to repair."',
    '',
    'Verdict: Misleading',
    '',
    'Claim 3: the bridge will reopen in June (no rating given before the next claim)',
    '',
    'Claim 4: "Nobody was hurt."',
    '',
    'Rating: True',
  ].join('\n');
  assert.deepEqual(
    reviewsInText(text).map((r) => [r.claimReviewed, r.rating]),
    [
      ['The county warned the contractor in writing three times about the bearings.', 'MOSTLY FALSE'],
      ['The bridge cost €8 million to repair.', 'Misleading'],
      ['Nobody was hurt.', 'True'],
    ],
  );
});

test('a rating line above the claim it rates ("Rating: FALSE" / "Who said it: …" / "What he said: …") is that claim\'s review', () => {
  const text = [
    'Was "not even 10 percent" of the Norvale plant built? No.',
    '',
    'Rating: FALSE',
    '',
    'Who said it: Ana Ribas, opposition deputy, in a debate on 3 October.',
    '',
    'What she said: "Not even 10 percent of the Norvale plant was built."',
    '',
    'Q: What do the records say?',
    '',
    'A: The records put the work at 34 percent.',
    '',
    'Claim: the plant will reopen in June (a caption with no rating of its own)',
  ].join('\n');
  assert.deepEqual(
    reviewsInText(text).map((r) => [r.claimReviewed, r.rating]),
    [['Not even 10 percent of the Norvale plant was built.', 'FALSE']],
  );
  // the rating line is no doubt of the whole story, whichever side of it the claim is
  assert.equal(ratesClaimNear(text, text.indexOf('Rating: FALSE'), 'Rating: FALSE'), true);
  const alone = 'Bridge story rated\n\nRating: FALSE\n\nThe bridge did not collapse.';
  assert.equal(ratesClaimNear(alone, alone.indexOf('Rating'), 'Rating: FALSE'), false);
});

test('a fact-check in questions and answers: a yes-or-no question is the claim its rating rates; rating lines of different ratings rate no story', () => {
  const text = [
    'Fuel prices: four claims checked',
    '',
    'Q. What exactly did the minister say?',
    '',
    'A. She called the rise modest.',
    '',
    'Q. What do the official prices show?',
    '',
    'A. Diesel rose by 17.9 percent.',
    '',
    'A. Petrol rose by 10.1 percent.',
    '',
    'Rating: FALSE.',
    '',
    'Q. Did subsidies cost 410 billion francs?',
    '',
    'A. Yes, the budget report says so.',
    '',
    'Rating: ACCURATE.',
    '',
    'Q. Did three people die in Tambara on Monday?',
    '',
    'A. No. The hospital reports a single death.',
    '',
    'Rating: FALSE.',
  ].join('\n');
  assert.deepEqual(
    reviewsInText(text).map((r) => [r.claimReviewed, r.rating]),
    [
      ['Did subsidies cost 410 billion francs?', 'ACCURATE'],
      ['Did three people die in Tambara on Monday?', 'FALSE'],
    ],
  );
  // neither rating line is a doubt of the whole story, the one without a claim near it either
  for (const at of [text.indexOf('Rating'), text.lastIndexOf('Rating')]) assert.equal(ratesClaimNear(text, at, 'Rating: FALSE.'), true);
});

test('a verdict in capitals on a quoted phrase inside a sentence is a review of that phrase', () => {
  const text = 'In brief: the minister\'s "below 10 percent" is FALSE for both fuels. Her "410 billion" figure is accurate.';
  const reviews = reviewsInText(text);
  assert.deepEqual(
    reviews.map((r) => [r.claimReviewed, r.rating, r.verdict, r.inline]),
    [['below 10 percent', 'FALSE', 'false', true]],
  );
  assert.equal(text.slice(reviews[0].span.start, reviews[0].span.end), 'below 10 percent');
});

test('a rating and its claim on one line ("VERDICT: MISLEADING. CLAIM: … WHO SAID IT: …") are a review, whatever follows', () => {
  const text = [
    'Exam leak: two claims, two verdicts',
    '',
    'VERDICT: MISLEADING. CLAIM: The channel "is a small one, with a few hundred subscribers." WHO SAID IT: the exams agency, on Tuesday.',
    '',
    'The channel had 38,214 subscribers.',
    '',
    'VERDICT: FALSE. CLAIM: "Everyone who sat the exam will get an automatic pass." WHO SAID IT: posts on social media.',
  ].join('\n');
  const reviews = reviewsInText(text);
  assert.deepEqual(
    reviews.map((r) => [r.claimReviewed, r.rating, r.claimant]),
    [
      ['The channel "is a small one, with a few hundred subscribers."', 'MISLEADING', 'the exams agency'],
      ['"Everyone who sat the exam will get an automatic pass."', 'FALSE', 'posts on social media'],
    ],
  );
  for (const r of reviews) assert.equal(text.slice(r.span.start, r.span.end), r.claimReviewed);
});
