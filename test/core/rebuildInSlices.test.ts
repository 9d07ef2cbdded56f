import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Source } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';
import { giveWayWhen, inSlices } from '../../server/src/core/packed';

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

test('work in slices ends each slice after the step at hand while something else is waiting, and runs whole slices otherwise', async () => {
  function* work(n: number, log: number[]): Generator<void, void, void> {
    for (let i = 0; i < n; i++) {
      log.push(i);
      yield;
    }
  }
  const turns = async (pressingNow: () => boolean) => {
    const log: number[] = [];
    // another job waiting for the event loop: it runs at each turn, noted as -1
    let done = false;
    const other = (): void => {
      log.push(-1);
      if (!done) setImmediate(other);
    };
    setImmediate(other);
    giveWayWhen(pressingNow);
    try {
      // slices far longer than the work: without anything pressing, it runs in one slice
      await inSlices(work(200, log), 10_000);
    } finally {
      done = true;
      giveWayWhen(() => false);
    }
    return { log };
  };
  const calm = await turns(() => false);
  assert.deepEqual(
    calm.log.filter((x) => x >= 0),
    Array.from({ length: 200 }, (_, i) => i),
  );
  assert.deepEqual(
    calm.log.slice(calm.log.indexOf(0), calm.log.indexOf(199) + 1),
    Array.from({ length: 200 }, (_, i) => i),
    'no turn of the event loop in the middle of a slice',
  );
  let asked = 0;
  const pressed = await turns(() => ++asked > 0);
  assert.ok(asked >= 199, `asked after each step (${asked})`);
  const between = pressed.log.slice(pressed.log.indexOf(0), pressed.log.indexOf(199));
  assert.ok(between.filter((x) => x === -1).length >= 150, 'the other job ran between the steps');
  assert.deepEqual(
    pressed.log.filter((x) => x >= 0),
    Array.from({ length: 200 }, (_, i) => i),
    'all the work done, in order',
  );
});
