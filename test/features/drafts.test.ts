import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpus } from '../core/helpers';
import { checkDraft, mentionsAround } from '../../server/src/core/check';
import { DraftCache, frozen, mentionAt, RESOLVE_NOW_MAX_CHARS, RESOLVE_NOW_MAX_PARAGRAPH } from '../../server/src/features/drafts';

const idx = corpus([
  { id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' },
  { id: 'Harbour Post', text: 'Captain Hendrik Vos said the ferry was inspected in March.' },
]);
const text = Array.from({ length: 12 }, (_, i) => `Captain Hendrik Vos said the Oostkade ferry collision killed ${i + 20} people.`).join(
  '\n\n',
);

/** An open document as the server holds it: edited in place, and a test of whether a copy of it is still current. */
function open(content = text): { live: TextDocument; edit: (t: string) => void; isCurrent: (snap: TextDocument) => () => boolean } {
  const live = TextDocument.create('file:///d.md', 'markdown', 1, content);
  return {
    live,
    edit: (t) => TextDocument.update(live, [{ text: t }], live.version + 1),
    isCurrent: (snap) => () => live.version === snap.version,
  };
}

const turns = () => new Promise<void>((r) => setImmediate(r));

test('a draft checked in slices gives the check made at once, and lets the event loop run between its slices', async () => {
  const drafts = new DraftCache();
  const d = open();
  const snap = frozen(d.live);
  // a callback that runs once per turn of the event loop
  let between = 0;
  let stop = false;
  const spin = () => {
    if (stop) return;
    between++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const pending = drafts.refresh(idx, snap, undefined, d.isCurrent(snap), 0);
  assert.equal(drafts.refresh(idx, snap, undefined, d.isCurrent(snap), 0), pending, 'asked again meanwhile: the same check');
  const check = await pending;
  stop = true;
  assert.ok(between >= 6, `the event loop turned between the slices (${between} times for 12 sentences)`);
  assert.deepEqual(check, checkDraft(idx, text));
  assert.equal(await drafts.latest(idx, snap, undefined, d.isCurrent(snap)), check, 'then requests get it without checking again');
});

test('while a draft is checked against a new index, requests get the last check of its text at once', async () => {
  const local = corpus([{ id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' }]);
  const drafts = new DraftCache();
  const d = open();
  const snap = frozen(d.live);
  const old = drafts.get(local, snap);
  const src = local.sources.get('Coast Courier')!;
  local.upsert({ ...src, id: 'Dock Daily', path: '/virtual/Dock Daily.txt', meta: { outlet: 'Dock Daily' } }, local.analyses.get(src.id)!);
  local.rebuild();
  assert.equal(await drafts.latest(local, snap, undefined, d.isCurrent(snap)), old, 'the check of the earlier index, not one made now');
  // that request started the check against the new index, in slices; once done, requests get it
  const now = await drafts.refresh(local, snap, undefined, d.isCurrent(snap));
  assert.notEqual(now, old);
  assert.deepEqual(now, checkDraft(local, text));
  assert.equal(await drafts.latest(local, snap, undefined, d.isCurrent(snap)), now);
  // a rebuild while a check runs: it starts again against the new index, and ends with the new index's check
  const pending = drafts.refresh(idx, snap, undefined, d.isCurrent(snap), 0);
  await turns();
  idx.rebuild();
  assert.deepEqual(await pending, checkDraft(idx, text));
});

test('a request about a place, while the draft awaits its check against a new index, gets the names there as that index resolves them', async () => {
  const local = corpus([{ id: 'Coast Courier', text: 'The Oostkade ferry collision killed 12 people, the coast guard said.' }]);
  const drafts = new DraftCache();
  const d = open();
  const snap = frozen(d.live);
  const before = drafts.get(local, snap);
  assert.ok(before.mentions.length >= 12, 'the earlier index names the ferry collision in every paragraph');
  // a source naming the captain is indexed (a rebuild, or a first indexing becoming ready)
  const post = idx.sources.get('Harbour Post')!;
  local.upsert(post, idx.analyses.get(post.id)!);
  local.rebuild();
  // in the third paragraph
  const third = { start: text.indexOf('Captain', text.indexOf('21 people')), end: text.indexOf('22 people') + 10 };
  const at = third.start + 'Captain '.length;
  // (resolving one paragraph does not make the spelling index, which takes ~0.2 s at 10,000 articles)
  assert.ok(mentionsAround(local, text, 'markdown', at)!.mentions.length > 0);
  assert.equal(local.spellingIndexMade, false, 'the paragraph resolved without making the spelling index');
  const check = (await drafts.latest(local, snap, undefined, d.isCurrent(snap), at))!;
  const m = mentionAt(check, at);
  assert.ok(m && local.entity(m.entityId)?.name === 'Hendrik Vos', `the name there is the indexed person (${m?.text})`);
  const inside = (x: { span: { start: number; end: number } }) => x.span.start >= third.start && x.span.end <= third.end;
  const now = checkDraft(local, text);
  assert.deepEqual(check.mentions.filter(inside), now.mentions.filter(inside), 'that paragraph as a check against the new index has it');
  assert.deepEqual(
    check.mentions.filter((x) => !inside(x)),
    before.mentions.filter((x) => !inside(x)),
    'the other paragraphs as the last check has them',
  );
  const starts = check.mentions.map((x) => x.span.start);
  assert.deepEqual(
    starts,
    [...starts].sort((p, q) => p - q),
    'in order',
  );
  assert.equal(check.findings, before.findings, "findings are the last check's until the new one is done");
  assert.equal(await drafts.latest(local, snap, undefined, d.isCurrent(snap)), before, 'without a place: the last check as it was');
  assert.deepEqual(await drafts.refresh(local, snap, undefined, d.isCurrent(snap)), now, 'and the check against the new index comes');
});

test('on a very long draft, or in a very long paragraph, such a request answers from the last check as it was', async () => {
  const post = idx.sources.get('Harbour Post')!;
  // (the long part a code block, which the check does not read: the test stays quick)
  const longDraft = 'Captain Hendrik Vos said so.\n\n```\n' + 'x '.repeat(RESOLVE_NOW_MAX_CHARS / 2) + '\n```\n';
  const longParagraph = 'Captain Hendrik Vos said so. ' + 'Nothing at all here. '.repeat(RESOLVE_NOW_MAX_PARAGRAPH / 20);
  for (const content of [longDraft, longParagraph]) {
    const local = corpus([]);
    const drafts = new DraftCache();
    const d = open(content);
    const snap = frozen(d.live);
    const before = drafts.get(local, snap);
    local.upsert(post, idx.analyses.get(post.id)!);
    local.rebuild();
    const at = content.indexOf('Hendrik');
    assert.ok(mentionsAround(local, content, 'markdown', at)!.mentions.length > 0, 'the name is there to resolve');
    assert.equal(await drafts.latest(local, snap, undefined, d.isCurrent(snap), at), before);
  }
});

test('an edit stops a check of the text before it, and the text after it gets its own check', async () => {
  const drafts = new DraftCache();
  const d = open();
  const v1 = frozen(d.live);
  const pending = drafts.refresh(idx, v1, undefined, d.isCurrent(v1), 0);
  await turns();
  await turns();
  d.edit('Nothing here.');
  assert.equal(await pending, undefined, 'the check of version 1 stopped');
  const v2 = frozen(d.live);
  const check = await drafts.latest(idx, v2, undefined, d.isCurrent(v2));
  assert.deepEqual(check, checkDraft(idx, 'Nothing here.'), 'the request gets the check of the text it is about');
  assert.equal(check!.mentions.length, 0);
  // a request whose text an edit overtakes while its first check runs gets nothing rather than another text's answer
  const v3 = frozen((d.edit(text), d.live));
  const running = drafts.refresh(idx, v3, undefined, d.isCurrent(v3), 0);
  const asked = drafts.latest(idx, v3, undefined, d.isCurrent(v3));
  await turns();
  d.edit('Captain Hendrik Vos.');
  assert.equal(await asked, undefined);
  assert.equal(await running, undefined);
});

test('a document closed while it is checked keeps nothing in the cache', async () => {
  const drafts = new DraftCache();
  const d = open();
  const snap = frozen(d.live);
  let closed = false;
  const pending = drafts.refresh(idx, snap, undefined, () => !closed, 0);
  await turns();
  closed = true;
  drafts.delete(snap.uri);
  assert.equal(await pending, undefined);
  // reopened with the same version number and another text: not answered from the closed document's check
  const reopened = TextDocument.create(snap.uri, 'markdown', 1, 'Captain Hendrik Vos.');
  assert.deepEqual(await drafts.latest(idx, reopened, undefined, () => true), checkDraft(idx, 'Captain Hendrik Vos.'));
});
