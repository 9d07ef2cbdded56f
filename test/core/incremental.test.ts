import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { checkDraft, type ParagraphCache } from '../../server/src/core/check';

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
