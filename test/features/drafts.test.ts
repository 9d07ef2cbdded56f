import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpus } from '../core/helpers';
import { checkDraft } from '../../server/src/core/check';
import { DraftCache } from '../../server/src/features/drafts';

const idx = corpus([
  { id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' },
  { id: 'Harbour Post', text: 'Captain Hendrik Vos said the ferry was inspected in March.' },
]);
const text = Array.from({ length: 12 }, (_, i) => `Captain Hendrik Vos said the Oostkade ferry collision killed ${i + 20} people.`).join(
  '\n\n',
);
const always = () => true;

test('a draft checked in slices gives the check made at once, and lets the event loop run between its slices', async () => {
  const drafts = new DraftCache();
  const doc = TextDocument.create('file:///d.md', 'markdown', 1, text);
  let ranBetween = false;
  setImmediate(() => (ranBetween = true));
  const pending = drafts.refresh(idx, doc, undefined, always, 0);
  assert.equal(drafts.refresh(idx, doc, undefined, always, 0), pending, 'asked again meanwhile: the same check');
  const check = await pending;
  assert.ok(ranBetween, 'another callback ran before the check was done');
  assert.deepEqual(check, checkDraft(idx, text));
  assert.equal(await drafts.latest(idx, doc, undefined, always), check, 'then requests get it without checking again');
});

test('while a draft is checked against a new index, requests get the last check of its text at once', async () => {
  const local = corpus([{ id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' }]);
  const drafts = new DraftCache();
  const doc = TextDocument.create('file:///d.md', 'markdown', 1, text);
  const old = drafts.get(local, doc);
  const src = local.sources.get('Coast Courier')!;
  local.upsert({ ...src, id: 'Dock Daily', path: '/virtual/Dock Daily.txt', meta: { outlet: 'Dock Daily' } }, local.analyses.get(src.id)!);
  local.rebuild();
  assert.equal(await drafts.latest(local, doc, undefined, always), old, 'the check of the earlier index, not a new one made now');
  // that request started the check against the new index, in slices; once done, requests get it
  const now = await drafts.refresh(local, doc, undefined, always);
  assert.notEqual(now, old);
  assert.deepEqual(now, checkDraft(local, text));
  assert.equal(await drafts.latest(local, doc, undefined, always), now);
  // a text never checked is not answered from another text's check
  const edited = TextDocument.update(doc, [{ text: 'Captain Hendrik Vos.' }], 2);
  assert.deepEqual(await drafts.latest(local, edited, undefined, always), checkDraft(local, 'Captain Hendrik Vos.'));
});

test('a check in slices that an edit overtakes stops and resolves to nothing', async () => {
  const drafts = new DraftCache();
  const doc = TextDocument.create('file:///d.md', 'markdown', 1, text);
  let current = true;
  const pending = drafts.refresh(idx, doc, undefined, () => current, 0);
  current = false;
  assert.equal(await pending, undefined);
  // and a later check of the document is not held back by it
  const next = TextDocument.update(doc, [{ text: 'The Oostkade ferry collision killed 40 people.' }], 2);
  assert.deepEqual(await drafts.refresh(idx, next, undefined, always, 0), checkDraft(idx, next.getText()));
});
