import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectDisputesSteps, mayDispute, overlaps, rangesConflict } from '../../server/src/core/disputes/detect';
import type { Claim, Dispute } from '../../server/src/core/model';
import { corpus } from './helpers';

const seeds = path.join(__dirname, '../../corpus/seeds');

test('the claims a rebuild keeps for the dispute passes give the disputes that all the claims give', () => {
  const idx = corpus([
    ...readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ id: f, text: readFileSync(path.join(seeds, f), 'utf8') })),
    {
      id: 'harbour-a',
      text: 'At least 40 people were killed in the Oostkade harbour fire, the port authority said. But firefighters said that was not the case.',
    },
    { id: 'harbour-b', text: 'Twelve people were killed in the Oostkade harbour fire on Monday, according to Mayor Ilse Verhoeven.' },
    // figures scoped to a place, with no event named
    { id: 'flood-a', text: 'Floods swept through the town of Dunmore in Ireland. Officials said 300 people were wounded in Dunmore.' },
    { id: 'flood-b', text: 'In the town of Dunmore in Ireland, 25 people were wounded by the floods, police said.' },
  ]);
  const all: Claim[] = [...idx.claims.all()];
  const input = (claims: Claim[]) => ({
    claims,
    entities: idx.table.entities,
    sources: idx.sources,
    doersByClaim: new Map(),
    entityWords: idx.entityWords,
  });
  const run = (claims: Claim[]): Dispute[] => {
    const steps = detectDisputesSteps(input(claims));
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  };
  const kept = all.filter((c, i) => {
    const next = all[i + 1]?.sourceId === c.sourceId ? all[i + 1] : undefined;
    return mayDispute(c, next, idx.table.entities, idx.sources.get(c.sourceId));
  });
  const fromAll = run(all);
  assert.ok(kept.length < all.length * 0.8, `most claims make no dispute (${kept.length} of ${all.length} kept)`);
  const kinds = new Set(fromAll.map((d) => d.kind));
  for (const k of ['questioned', 'contested', 'figures']) assert.ok(kinds.has(k as Dispute['kind']), `a ${k} dispute among ${[...kinds]}`);
  assert.ok(
    fromAll.some((d) => d.kind === 'figures' && d.entityIds.every((e) => idx.table.entities.get(e)?.type === 'place')),
    'figures scoped to a place, with no event',
  );
  assert.deepEqual(run(kept), fromAll);
});

test('isDisputedClaimAt says of every claim what disputesByClaim says, and follows a rebuild', () => {
  const docs = [
    {
      id: 'harbour-a',
      text: 'At least 40 people were killed in the Oostkade harbour fire, the port authority said. But firefighters said that was not the case.',
    },
    { id: 'harbour-b', text: 'Twelve people were killed in the Oostkade harbour fire on Monday, according to Mayor Ilse Verhoeven.' },
    { id: 'quiet', text: 'The Oostkade harbour reopened on Friday after repairs, the port authority said.' },
  ];
  const idx = corpus(docs);
  const check = (): number => {
    const store = idx.claims;
    let disputed = 0;
    for (const c of store.all()) {
      const s = store.sourceAt(c.sourceId)!;
      const i = Number(c.id.slice(c.id.lastIndexOf('#') + 1));
      assert.equal(idx.isDisputedClaimAt(s, i), idx.disputesByClaim.has(c.id), c.id);
      if (idx.disputesByClaim.has(c.id)) disputed++;
    }
    return disputed;
  };
  assert.ok(check() >= 2, 'the two tolls dispute each other');
  // the lookup is made again for the next derived index: without the second toll, nothing is disputed
  idx.remove('harbour-b');
  idx.rebuild();
  assert.equal(check(), 0);
});

test('figures conflict exactly when two sources have ranges that do not overlap (against every pair, on random lists)', () => {
  let seed = 7;
  // (xorshift32: deterministic)
  const rand = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const everyPair = (list: { claim: { sourceId: string }; q: { low: number; high: number } }[]) =>
    list.some((x, i) => list.some((y, j) => j > i && x.claim.sourceId !== y.claim.sourceId && !overlaps(x.q, y.q)));
  let conflicts = 0;
  for (let round = 0; round < 3000; round++) {
    const list = Array.from({ length: 1 + rand(7) }, () => {
      const low = rand(60);
      // exact figures, ranges and open upper bounds ("more than …")
      const high = rand(4) === 0 ? Infinity : low + (rand(2) ? 0 : rand(30));
      return { claim: { sourceId: `s${rand(4)}` }, q: { low, high } };
    });
    const expected = everyPair(list);
    if (expected) conflicts++;
    assert.equal(rangesConflict(list), expected, JSON.stringify(list));
  }
  // (both answers were met many times)
  assert.ok(conflicts > 300 && conflicts < 2700, String(conflicts));
});
