import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeSource } from '../../server/src/core/analyze';
import { loadSourceFile } from '../../server/src/corpus/load';
import { RawShare, isPackedRaw, packRaw, unpackRaw } from '../../server/src/core/entities/rawPack';
import type { RawMention } from '../../server/src/core/entities/extract';
import { resolveEntities, resolveEntitiesSteps, type ResolvedMention } from '../../server/src/core/entities/resolve';
import { drain } from '../../server/src/core/packed';
import type { Source } from '../../server/src/core/model';

const SEEDS = path.join(__dirname, '../../corpus/seeds');
const seedFiles = ['000_b668c77285b96cb4.txt', '001_4dbe6efb2f5e76f1.txt', '003_4e493e16ccad6bce.txt'];

async function seeds(): Promise<Source[]> {
  return Promise.all(seedFiles.map(async (f) => loadSourceFile(path.join(SEEDS, f), { id: f }).source!));
}

/** a candidate's fields as plain values, in one order, undefined fields left out */
function plain(m: RawMention): string {
  const o = m as unknown as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, o[k]]),
    ),
  );
}

test('packed candidates unpack to the candidates the analysis made, field for field', async () => {
  const seen = { events: 0, eventWords: 0, titles: 0, sameAs: 0, halves: 0, headings: 0, acronyms: 0, flags: 0 };
  for (const source of await seeds()) {
    const raw = analyzeSource(source).raw;
    const packed = packRaw(raw);
    assert.ok(isPackedRaw(packed));
    assert.equal(packed.cols.buffer.byteLength, packed.cols.byteLength, 'one buffer of exactly its size');
    assert.ok(packed.strings.length < 2 * raw.length, 'strings that repeat are kept once');
    const back = unpackRaw(packed);
    assert.equal(back.length, raw.length);
    for (let i = 0; i < raw.length; i++) assert.equal(plain(back[i]), plain(raw[i]), `${source.id} candidate ${i}`);
    for (const m of raw) {
      if (m.kind === 'event') seen.events++;
      if (m.words.join(' ') !== m.text) seen.eventWords++;
      if (m.title) seen.titles++;
      if (m.sameAs) seen.sameAs++;
      if (Object.values(m.votes).some((v) => !Number.isInteger(v))) seen.halves++;
      if (m.heading) seen.headings++;
      if (m.kind === 'acronym') seen.acronyms++;
      if (m.weak || m.agent || m.inflected) seen.flags++;
    }
  }
  // the seeds exercise every kind of field
  for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no seed candidate with ${k}`);
});

test('packed candidates survive a copy, and fresh objects come back each time', async () => {
  const [source] = await seeds();
  const raw = analyzeSource(source).raw;
  const copy = v8.deserialize(v8.serialize(packRaw(raw)));
  assert.ok(isPackedRaw(copy));
  const a = unpackRaw(copy);
  assert.deepEqual(a.map(plain), raw.map(plain));
  const b = unpackRaw(copy);
  assert.notEqual(a[0], b[0]);
  assert.notEqual(a[0].votes, b[0].votes, 'a resolver may not share what it is given to read');
});

test('candidates unpacked with one RawShare share their vote records and word lists, and nothing else', async () => {
  const share = new RawShare();
  const all: RawMention[] = [];
  const back: RawMention[] = [];
  for (const source of await seeds()) {
    const raw = analyzeSource(source).raw;
    all.push(...raw);
    back.push(...unpackRaw(packRaw(raw), share));
  }
  assert.deepEqual(back.map(plain), all.map(plain));
  const distinct = <T>(xs: T[]) => new Set(xs).size;
  assert.ok(distinct(back.map((m) => m.votes)) < all.length / 4, 'few distinct vote records');
  assert.equal(distinct(back.map((m) => m.votes)), distinct(all.map((m) => JSON.stringify(m.votes))), 'one per set of votes');
  // (words that are the text split at spaces are listed by the text, which may space them differently; an event's
  // canonical words, "Paris attacks" for "Paris Attacks", by themselves)
  const wordLists = all.map((m) => (m.words.join(' ') === m.text.split(/\s+/).join(' ') ? `text ${m.text}` : `words ${m.words.join(' ')}`));
  assert.equal(distinct(back.map((m) => m.words)), distinct(wordLists), 'one per word list');
  assert.equal(distinct(back.map((m) => m.span)), all.length, 'a span of its own each');
  assert.equal(distinct(back), all.length);
});

test('an empty list packs and unpacks', () => {
  const p = packRaw([]);
  assert.ok(isPackedRaw(p));
  assert.deepEqual(unpackRaw(p), []);
});

test('packed candidates that do not hold together are refused, or throw when unpacked', async () => {
  const [source] = await seeds();
  const raw = analyzeSource(source).raw;
  const good = packRaw(raw);
  const n = good.count;
  const with_ = (change: (cols: Int32Array) => void) => {
    const cols = good.cols.slice();
    change(cols);
    return { ...good, cols };
  };
  const event = raw.findIndex((m) => m.kind === 'event');
  const name = raw.findIndex((m) => m.kind !== 'event');
  assert.ok(event >= 0 && name >= 0);
  assert.equal(isPackedRaw({ ...good, count: n + 1 }), false, 'more candidates than the column holds');
  assert.equal(isPackedRaw(with_((c) => (c[13 * name + 3] |= 64))), false, 'an event flag with no event fields');
  assert.equal(isPackedRaw(with_((c) => (c[13 * event + 3] &= ~64))), false, 'event fields with no flag');
  assert.equal(isPackedRaw({ ...good, cols: Array.from(good.cols) }), false, 'not a typed array');
  assert.equal(isPackedRaw({ ...good, strings: [...good.strings.slice(1), 3] }), false, 'a string that is not a string');
  assert.throws(() => unpackRaw(with_((c) => (c[13 * name + 4] = good.strings.length))), /string \d+ of/);
  assert.throws(() => unpackRaw(with_((c) => (c[13 * name + 3] |= 3))), /kind 3/);
});

test('a vote that is not a whole number of halves is refused, not rounded', () => {
  const m: RawMention = {
    span: { start: 0, end: 5 },
    text: 'Maren',
    key: 'maren',
    words: ['Maren'],
    votes: { person: 0.25, organization: 0, place: 0, event: 0 },
    kind: 'name',
    heading: false,
    sentence: 0,
  };
  assert.throws(() => packRaw([m]), /vote 0.25/);
  const ok = packRaw([{ ...m, votes: { person: 1.5, organization: 0, place: 7, event: 0 } }]);
  assert.deepEqual(unpackRaw(ok)[0].votes, { person: 1.5, organization: 0, place: 7, event: 0 });
});

test('the resolver makes the same table from packed candidates as from the objects, mixed or not', async () => {
  const analyses = (await seeds()).map((s) => analyzeSource(s));
  const objects = resolveEntities(analyses.map((a) => ({ sourceId: a.sourceId, mentions: a.raw })));
  const packed = resolveEntities(analyses.map((a) => ({ sourceId: a.sourceId, mentions: packRaw(a.raw) })));
  const mixed = resolveEntities(analyses.map((a, i) => ({ sourceId: a.sourceId, mentions: i % 2 ? packRaw(a.raw) : a.raw })));
  const view = (t: typeof objects) =>
    JSON.stringify({
      entities: [...t.entities.values()].map((e) => ({ ...e, mentions: e.mentions.map((m) => [m.sourceId, m.span, m.text]) })),
      byKey: [...t.byKey],
      ambiguous: [...t.ambiguous],
      eventByDate: [...t.eventByDate],
      eventByPlace: [...t.eventByPlace],
      eventDoers: [...t.eventDoers].map(([k, v]) => [k, [...v]]),
      mentions: [...t.mentions].map(([k, v]) => [k, v.map((m) => [m.span, m.text, m.entityId, m.candidates, m.eventBy])]),
    });
  assert.ok(objects.ambiguous.size > 0 && objects.eventByDate.size > 0, 'the seeds have ambiguous short names and dated events');
  assert.equal(view(packed), view(objects));
  assert.equal(view(mixed), view(objects));
});

test('a table whose mentions are made when asked for has the entities, aliases and mentions of one made at once', async () => {
  const analyses = (await seeds()).map((s) => analyzeSource(s));
  const docs = () => analyses.map((a) => ({ sourceId: a.sourceId, mentions: packRaw(a.raw) }));
  const eager = resolveEntities(docs());
  const lazy = drain(resolveEntitiesSteps(docs(), { lazyMentions: true }));
  const fields = (m: ResolvedMention) => [m.sourceId, m.span.start, m.span.end, m.text, m.entityId, m.candidates, m.eventBy];
  // entities, in the same order, with the same names and aliases; the lazy table's keep no list of their own
  const counts = new Map<string, number>();
  for (const a of analyses)
    for (const m of lazy.mentions.get(a.sourceId)!) if (m.entityId) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  assert.deepEqual(
    [...lazy.entities.values()].map((e) => [e.id, e.name, e.type, e.aliases, e.date, e.placeId, counts.get(e.id)]),
    [...eager.entities.values()].map((e) => [e.id, e.name, e.type, e.aliases, e.date, e.placeId, e.mentions.length]),
  );
  assert.ok([...lazy.entities.values()].every((e) => e.mentions.length === 0));
  assert.ok(
    [...eager.entities.values()].some((e) => e.aliases.length > 0),
    'the seeds give some entity an alias',
  );
  assert.deepEqual([...lazy.ambiguous], [...eager.ambiguous]);
  assert.deepEqual([...lazy.byKey], [...eager.byKey]);
  // each source's mentions, in text order, names and events, ambiguous ones with their candidates; asked for twice,
  // the same; once deleted, none
  let events = 0;
  for (const a of analyses) {
    const made = lazy.mentions.get(a.sourceId)!;
    assert.deepEqual(made.map(fields), eager.mentions.get(a.sourceId)!.map(fields), a.sourceId);
    assert.deepEqual(lazy.mentions.get(a.sourceId)!.map(fields), made.map(fields));
    events += made.filter((m) => m.eventBy !== undefined || m.entityId?.startsWith('event:')).length;
    assert.ok(lazy.mentions.delete(a.sourceId));
    assert.equal(lazy.mentions.get(a.sourceId), undefined);
  }
  assert.ok(events > 0 && eager.ambiguous.size > 0, 'the seeds have events and ambiguous short names');
});
