import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Source } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';

function source(id: string, text: string): Source {
  return { id, path: `/virtual/${id}.txt`, format: 'text', text, meta: { outlet: id }, prose: paragraphs(text), headings: [] };
}

const texts = Array.from(
  { length: 30 },
  (_, i) =>
    `Mayor Ilse Verhoeven of Dunmore said ${10 + i} people were hurt when the Dunmore bridge collapsed on Friday. ` +
    `The Harbour Board denied that the bridge had been neglected. Engineer Piet Kramer ${i % 2 ? 'disputed' : 'confirmed'} the count.`,
);

test('a rebuild in slices yields to the event loop, keeps the previous state whole meanwhile, and ends equal to a rebuild at once', async () => {
  const idx = corpus(texts.slice(0, 10).map((t, i) => ({ id: `a${i}`, text: t })));
  const before = { version: idx.version, claims: idx.claims, entities: idx.entities.length };
  for (let i = 10; i < 30; i++) {
    const s = source(`a${i}`, texts[i]);
    idx.upsert(s, analyzeSource(s));
  }
  let ticks = 0;
  let sawOld = true;
  const timer = setInterval(() => {
    ticks++;
    // a reader between slices sees the old derived state, not a half-built one
    if (idx.version === before.version && (idx.claims !== before.claims || idx.entities.length !== before.entities)) sawOld = false;
  }, 0);
  await idx.rebuildInSlices(0);
  clearInterval(timer);
  assert.ok(ticks > 0, 'the event loop ran during the rebuild');
  assert.ok(sawOld, 'readers saw the previous state, whole, until the swap');
  assert.equal(idx.version, before.version + 1);
  const whole = corpus(texts.map((t, i) => ({ id: `a${i}`, text: t })));
  assert.deepEqual([...idx.claims.all()], [...whole.claims.all()]);
  assert.deepEqual(idx.disputes, whole.disputes);
  assert.deepEqual(
    idx.entities.map((e) => [e.id, e.name, e.type, e.mentions.length]),
    whole.entities.map((e) => [e.id, e.name, e.type, e.mentions.length]),
  );
  assert.ok(idx.claims.size > before.claims.size);
});
