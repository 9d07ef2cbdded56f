import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntitySummary } from '../../shared/protocol';
import { choose, fold, rankEntities } from '../../client/src/rank';

function entity(id: string, name: string, aliases: string[] = [], type: EntitySummary['type'] = 'person'): EntitySummary {
  return { id, name, type, aliases, sourceCount: 1, mentionCount: 1, disputeCount: 0 };
}

const isis = entity('org:isis', 'Islamic State', ['ISIS', 'ISIL', 'Daesh'], 'organization');
const abaaoud = entity('p:abaaoud', 'Abdelhamid Abaaoud', ['Abaaoud']);
const salah = entity('p:salah', 'Salah Abdeslam', ['Abdeslam']);
const brahim = entity('p:brahim', 'Brahim Abdeslam', ['Ibrahim Abdeslam']);
const maelbeek = entity('pl:maelbeek', 'Maelbeek', ['Maalbeek'], 'place');

describe('fold', () => {
  it('drops case, accents and extra spaces', () => {
    assert.equal(fold('  Maëlbeek   Station '), 'maelbeek station');
  });
});

describe('rankEntities', () => {
  it('puts an exact alias first, whatever the server order', () => {
    const ranked = rankEntities('daesh', [abaaoud, salah, isis]);
    assert.equal(ranked[0], isis);
  });
  it('puts an exact name before a word-prefix match', () => {
    const ranked = rankEntities('Brahim Abdeslam', [salah, brahim]);
    assert.deepEqual(
      ranked.map((e) => e.id),
      ['p:brahim', 'p:salah'],
    );
  });
  it('ranks a misspelling by fuzzy score', () => {
    const ranked = rankEntities('Abaoud', [salah, maelbeek, abaaoud]);
    assert.equal(ranked[0], abaaoud);
  });
  it('keeps candidates that do not match, after those that do, in server order', () => {
    const ranked = rankEntities('Maalbeek', [isis, salah, maelbeek]);
    assert.equal(ranked[0], maelbeek);
    assert.equal(ranked.length, 3);
  });
  it('leaves the server order for an empty query', () => {
    assert.deepEqual(rankEntities('  ', [salah, isis]), [salah, isis]);
  });
});

describe('choose', () => {
  const items = [abaaoud, salah, isis];
  const keys = (e: EntitySummary) => [e.id, e.name, ...e.aliases];
  it('picks by index', () => {
    assert.equal(choose(items, 1, keys), salah);
    assert.equal(choose(items, 7, keys), undefined);
    assert.equal(choose(items, -1, keys), undefined);
  });
  it('defaults to the first', () => {
    assert.equal(choose(items, undefined, keys), abaaoud);
  });
  it('picks by id, exact name or alias, then by substring', () => {
    assert.equal(choose(items, 'org:isis', keys), isis);
    assert.equal(choose(items, 'isil', keys), isis);
    assert.equal(choose(items, 'abdeslam', keys), salah);
    assert.equal(choose(items, 'hamid', keys), abaaoud);
    assert.equal(choose(items, 'nobody', keys), undefined);
  });
});
