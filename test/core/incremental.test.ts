import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Source } from '../../server/src/core/model';
import { checkDraft, checkDraftSteps, type DraftCheck, type ParagraphCache } from '../../server/src/core/check';
import { drain } from '../../server/src/core/packed';

const idx = corpus([
  {
    id: 'Coast Courier',
    text: 'The Oostkade ferry collision killed 12 people, the coast guard said.\n\nCaptain Hendrik Vos said the ferry was inspected in March.',
  },
]);

test('an edit re-analyses only the changed paragraph, and the result equals a full check', () => {
  const paras = Array.from({ length: 40 }, () => 'Captain Hendrik Vos spoke about the Oostkade ferry collision.');
  paras[20] = 'The Oostkade ferry collision killed 30 people.';
  const cache: ParagraphCache = { indexVersion: idx.version, entries: new Map() };
  const first = checkDraft(idx, paras.join('\n\n'), { cache });
  assert.equal(cache.entries.size, 2, 'identical paragraphs share one analysis');
  const edited = [...paras];
  edited[5] = 'Captain Hendrik Vos spoke about the Oostkadde ferry.';
  const before = new Map(cache.entries);
  const inc = checkDraft(idx, edited.join('\n\n'), { cache });
  const full = checkDraft(idx, edited.join('\n\n'));
  assert.deepEqual(inc.findings, full.findings);
  assert.deepEqual(inc.mentions, full.mentions);
  const reused = [...cache.entries.values()].filter((v) => [...before.values()].includes(v)).length;
  assert.equal(reused, 2, 'the unchanged paragraphs came from the cache');
  assert.ok(inc.findings.some((f) => f.code === 'disputed-claim') && first.findings.some((f) => f.code === 'disputed-claim'));
  assert.ok(
    inc.findings.some((f) => f.code === 'unknown-spelling'),
    'the edited paragraph was re-analysed',
  );
});

test('a check in steps yields after each sentence it analyses, and starts again when the index changes meanwhile', () => {
  const source = (id: string, text: string) => ({ id, text });
  const local = corpus([
    source('Coast Courier', 'The Oostkade ferry collision killed 12 people, the coast guard said.'),
    source('Harbour Post', 'Captain Hendrik Vos said the ferry was inspected in March.'),
  ]);
  const draft = [
    'The Oostkade ferry collision killed 30 people. The coast guard said so on Friday.',
    'Captain Hendrik Vos said the ferry was inspected.',
    'Captain Hendrik Vos spoke about the collision.',
  ].join('\n\n');
  // an index whose spelling index is not made yet: the check makes it in steps of its own first
  let yields = 0;
  let r: IteratorResult<void, DraftCheck> = (() => {
    const unmade = checkDraftSteps(local, draft);
    let x = unmade.next();
    for (; !x.done; x = unmade.next()) yields++;
    return x;
  })();
  assert.ok(yields > 4, `${yields} steps`);
  assert.deepEqual(r.value, checkDraft(local, draft));
  // made: one yield per sentence analysed
  const cache: ParagraphCache = { indexVersion: local.version, entries: new Map() };
  let steps = checkDraftSteps(local, draft, { cache });
  yields = 0;
  r = steps.next();
  for (; !r.done; r = steps.next()) yields++;
  assert.equal(yields, 4, 'one yield per sentence analysed');
  assert.deepEqual(r.value, checkDraft(local, draft));
  steps = checkDraftSteps(local, draft, { cache });
  assert.ok(steps.next().done, 'all three from the cache: no yield');
  // a rebuild between two slices: the paragraphs analysed before it are analysed again against the new index
  const fresh: ParagraphCache = { indexVersion: local.version, entries: new Map() };
  steps = checkDraftSteps(local, draft, { cache: fresh });
  steps.next();
  const src = local.sources.get('Harbour Post')!;
  local.upsert({ ...src, id: 'Dock Daily', path: '/virtual/Dock Daily.txt', meta: { outlet: 'Dock Daily' } }, local.analyses.get(src.id)!);
  local.rebuild();
  // (the new version's spelling index made beforehand, as the check itself would in steps of its own)
  drain(local.spellingIndexSteps());
  yields = 0;
  for (r = steps.next(); !r.done; r = steps.next()) yields++;
  assert.equal(yields, 5, "the first paragraph's second sentence, then all four sentences again");
  assert.equal(fresh.indexVersion, local.version);
  assert.deepEqual(r.value, checkDraft(local, draft), 'the result is that of the new index alone');
});

test('a paragraph read partly against an index that a rebuild replaced is not cached for the new index', () => {
  const local = corpus([{ id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' }]);
  const draft = 'Captain Hendrik Vos said the Oostkade ferry collision killed 30 people. Vos said so on Friday.';
  const cache: ParagraphCache = { indexVersion: local.version, entries: new Map() };
  const steps = checkDraftSteps(local, draft, { cache });
  steps.next(); // the first sentence, against the first index
  const added: Source = {
    id: 'Harbour Post',
    path: '/virtual/Harbour Post.txt',
    format: 'text',
    text: 'Captain Hendrik Vos said 12 people were killed.',
    meta: { outlet: 'Harbour Post' },
    prose: [{ start: 0, end: 47 }],
    headings: [],
  };
  local.upsert(added, analyzeSource(added));
  local.rebuild();
  // another check fills the cache for the new index meanwhile; the suspended one then finishes its paragraph
  const now = checkDraft(local, draft, { cache });
  let r = steps.next();
  while (!r.done) r = steps.next();
  assert.deepEqual(r.value, now);
  assert.deepEqual(checkDraft(local, draft, { cache }), checkDraft(local, draft), 'the cache holds only the new index');
});

test('the search index is made in steps only while they are wanted, and a rebuild asks for a new one', () => {
  const local = corpus([
    { id: 'Coast Courier', text: 'Captain Hendrik Vos said the Oostkade ferry was inspected in March.' },
    { id: 'Harbour Post', text: 'Mayor Ilse Verhoeven of Dunmore spoke about the ferry.' },
  ]);
  assert.equal(local.searchIndexMade, false);
  let wanted = false;
  drain(local.searchIndexSteps(() => wanted));
  assert.equal(local.searchIndexMade, false, 'not wanted: not made');
  wanted = true;
  drain(local.searchIndexSteps(() => wanted));
  assert.equal(local.searchIndexMade, true);
  const found = local.search('verhoven', 5).map((x) => x.entity.id);
  assert.ok(found.length > 0, 'the index made in steps answers');
  const src = local.sources.get('Harbour Post')!;
  local.upsert({ ...src, id: 'Dock Daily', path: '/virtual/Dock Daily.txt', meta: { outlet: 'Dock Daily' } }, local.analyses.get(src.id)!);
  local.rebuild();
  assert.equal(local.searchIndexMade, false, "the new version's index is made anew");
  assert.deepEqual(
    local.search('verhoven', 5).map((x) => x.entity.id),
    found,
  );
  assert.equal(local.searchIndexMade, true, 'made at once when asked for');
});
