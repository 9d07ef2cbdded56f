import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeSource, type SentenceAnalysis } from '../../server/src/core/analyze';
import { loadSourceFile } from '../../server/src/corpus/load';
import { isPackedSentences, packAnalysis, packSentences, unpackSentences } from '../../server/src/core/sentencePack';
import { CorpusIndex } from '../../server/src/core/index';
import { checkDraft } from '../../server/src/core/check';
import { OUTLET } from '../../server/src/core/claimStore';
import type { Source } from '../../server/src/core/model';

const SEEDS = path.join(__dirname, '../../corpus/seeds');
const seedFiles = ['000_b668c77285b96cb4.txt', '001_4dbe6efb2f5e76f1.txt', '003_4e493e16ccad6bce.txt'];

async function seeds(): Promise<Source[]> {
  return Promise.all(seedFiles.map(async (f) => loadSourceFile(path.join(SEEDS, f), { id: f }).source!));
}

/** a sentence's fields as plain values (undefined fields left out, open ranges written out) */
function plain(s: SentenceAnalysis): string {
  return JSON.stringify(s, (_k, v) => (v === Infinity ? 'Infinity' : v));
}

test('packed sentences unpack to the sentences the analysis made, field for field', async () => {
  let figures = 0;
  let speakers = 0;
  let bare = 0;
  for (const source of await seeds()) {
    const sentences = analyzeSource(source).sentences;
    const packed = packSentences(sentences);
    assert.ok(isPackedSentences(packed));
    assert.equal(packed.cols.buffer.byteLength, packed.cols.byteLength, 'one buffer of exactly its size');
    const back = unpackSentences(packed);
    assert.equal(back.length, sentences.length);
    for (let i = 0; i < sentences.length; i++) assert.equal(plain(back[i]), plain(sentences[i]), `${source.id} sentence ${i}`);
    figures += sentences.filter((s) => s.quantities.length || s.dates.length).length;
    speakers += sentences.filter((s) => s.speaker.kind !== 'outlet').length;
    bare += sentences.filter((s) => s.bareEvent).length;
    // what most sentences share is shared again
    const plainOutlet = back.find((s) => s.speaker.kind === 'outlet' && !s.speaker.name && !s.speaker.cue);
    if (plainOutlet) assert.equal(plainOutlet.speaker, OUTLET);
  }
  // the seeds exercise every kind of field
  assert.ok(figures > 5 && speakers > 5 && bare > 0, `${figures} with figures or dates, ${speakers} attributed, ${bare} bare events`);
});

test('packed sentences survive a copy (to or from a worker, to and from the cache)', async () => {
  const [source] = await seeds();
  const a = analyzeSource(source);
  const copy = v8.deserialize(v8.serialize(packAnalysis(a)));
  assert.ok(isPackedSentences(copy.packedSentences));
  assert.deepEqual(unpackSentences(copy.packedSentences).map(plain), a.sentences.map(plain));
});

test('packed sentences that do not hold together are refused, or throw when unpacked', async () => {
  const [source] = await seeds();
  const good = packSentences(analyzeSource(source).sentences);
  const n = good.count;
  const keyRefAt = good.cols.length - 1;
  const with_ = (change: (cols: Int32Array) => void, more: Partial<typeof good> = {}) => {
    const cols = good.cols.slice();
    change(cols);
    return { ...good, cols, ...more };
  };
  assert.equal(isPackedSentences(with_((c) => (c[keyRefAt] = good.keys.length))), false, 'a key index beyond the keys');
  assert.equal(isPackedSentences(with_((c) => (c[keyRefAt] = -1))), false, 'a negative key index');
  assert.equal(isPackedSentences(with_((c) => (c[5 * n] = c.length + 3))), false, 'keys ending beyond the column');
  assert.equal(isPackedSentences(with_((c) => (c[4] = c[5 * n] + 1))), false, "a sentence's keys out of order");
  assert.equal(isPackedSentences({ ...good, count: n + 1 }), false, 'more sentences than the column holds');
  assert.equal(isPackedSentences({ ...good, keys: [...good.keys.slice(1), 7] }), false, 'a key that is not a string');
  assert.equal(isPackedSentences({ ...good, cols: Array.from(good.cols) }), false, 'not a typed array');
  const withExtra = good.cols.findIndex((_x, i) => i % 5 === 3 && i < 5 * n && (good.cols[i] & 128) !== 0);
  assert.ok(withExtra > 0, 'a seed sentence with extra fields');
  assert.throws(() => unpackSentences({ ...good, extra: '' }), /has no extra fields/);
  assert.throws(() => unpackSentences({ ...good, extra: `\n${n + 4}\t[0,0,0,0]` }), /extra line for sentence/);
});

test('an index fed packed copies of the analyses answers exactly as one fed the analyses themselves', async () => {
  const sources = await seeds();
  const direct = new CorpusIndex();
  const copied = new CorpusIndex();
  for (const s of sources) {
    const a = analyzeSource(s);
    direct.upsert(s, a);
    copied.upsert({ ...s }, structuredClone(packAnalysis(a)), true);
  }
  direct.rebuild();
  copied.rebuild();
  assert.ok(direct.disputes.length > 0);
  const fields = (e: (typeof direct.entities)[number]) => [e.id, e.name, e.type, e.aliases, e.date, e.placeId];
  assert.deepEqual(copied.entities.map(fields), direct.entities.map(fields));
  const mentions = (i: CorpusIndex) => i.entities.map((e) => e.mentions.map((m) => [m.sourceId, m.span.start, m.span.end, m.text]));
  assert.ok(mentions(direct).flat().length > 100);
  assert.deepEqual(mentions(copied), mentions(direct));
  assert.deepEqual(copied.disputes, direct.disputes);
  const ids = direct.claims.sourceIds;
  for (const id of ids) assert.deepEqual(copied.claims.ofSource(id), direct.claims.ofSource(id));
  const draft = 'Abdelhamid Abaaoud planned the Paris attacks. ISIS carried out the Brussels attacks, which killed 50 people.';
  const found = checkDraft(direct, draft).findings;
  assert.ok(found.length > 0);
  assert.deepEqual(checkDraft(copied, draft).findings, found);
});

test("an interview's speakers are packed once each and unpacked as one shared object per speaker", () => {
  const text = [
    'Engineer Anna Kowalczyk spoke to the Valley Herald.',
    '((Valley Herald)) Why was the bridge closed? Who decided?',
    '((Anna Kowalczyk)) The cables were worn. I had warned the council. They waited.',
    '((Valley Herald)) When will it reopen?',
    '((Anna Kowalczyk)) In March, I hope.',
  ].join('\n\n');
  const source: Source = {
    id: 'v',
    path: '/virtual/v.txt',
    format: 'text',
    text,
    meta: { outlet: 'Valley Herald' },
    prose: text.split('\n\n').map((_, k, all) => {
      const start = all.slice(0, k).reduce((n, p) => n + p.length + 2, 0);
      return { start, end: start + all[k].length };
    }),
    headings: [],
  };
  const sentences = analyzeSource(source).sentences;
  const packed = packSentences(sentences);
  assert.equal(packed.extra.split('Anna Kowalczyk').length - 1, 1, packed.extra);
  const back = unpackSentences(packed);
  for (let i = 0; i < sentences.length; i++) assert.equal(plain(back[i]), plain(sentences[i]), `sentence ${i}`);
  const hers = back.filter((s) => s.speaker.name === 'Anna Kowalczyk');
  assert.ok(hers.length >= 4 && hers.every((s) => s.speaker === hers[0].speaker), `${hers.length} sentences`);
});
