import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimPacker, ClaimStore, type ClaimRecord, type PackedClaims } from '../../server/src/core/claimStore';
import type { Claim } from '../../server/src/core/model';
import { corpus } from './helpers';

const OUTLET = { kind: 'outlet' } as const;

function claim(sourceId: string, i: number, text: string, start: number, over: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    id: `${sourceId}#${i}`,
    sourceId,
    span: { start, end: start + 10 },
    text: text.slice(start, start + 10),
    entityIds: [],
    contextIds: [],
    speaker: OUTLET,
    stance: 'asserts',
    stanceCue: undefined,
    quantities: [],
    dates: [],
    keys: [],
    contrast: false,
    heading: false,
    doubt: false,
    ...over,
  };
}

const TEXT_A = 'Alpha one. Alpha two. Alpha three and more text here.';
const TEXT_B = 'Beta first. Beta second sentence goes on.';

function sample(): { claims: ClaimRecord[][]; store: ClaimStore } {
  const a = [
    claim('a', 0, TEXT_A, 0, { entityIds: ['e:x', 'e:y'], keys: ['alpha', 'one'] }),
    claim('a', 1, TEXT_A, 11, {
      entityIds: ['e:x'],
      contextIds: ['e:z'],
      speaker: { kind: 'attributed', name: 'police', cue: 'according to' },
      stance: 'hedges',
      stanceCue: 'alleged',
      quantities: [
        {
          low: 181,
          high: Infinity,
          value: 180,
          qualifier: 'more-than',
          measure: 'killed',
          counted: 'people',
          span: { start: 11, end: 20 },
        },
        {
          low: 0,
          high: 0,
          value: 0,
          qualifier: 'exact',
          measure: 'arrested',
          counted: 'other',
          span: { start: 14, end: 18 },
          noun: 'suspects',
          predicate: 'were arrested',
        },
        {
          low: 2,
          high: 5,
          value: 5,
          qualifier: 'up-to',
          measure: 'money',
          counted: 'other',
          span: { start: 12, end: 13 },
          predicate: 'paid',
        },
      ],
      keys: ['alpha', 'two'],
    }),
    claim('a', 2, TEXT_A, 22, {
      stance: 'denies',
      doubt: true,
      heading: true,
      dates: [{ iso: '2016-03-22', span: { start: 22, end: 26 }, text: 'then' }],
    }),
  ];
  const b = [
    claim('b', 0, TEXT_B, 0, { entityIds: ['e:y'], contrast: true, keys: ['beta'] }),
    claim('b', 1, TEXT_B, 12, {
      speaker: { kind: 'quoted', name: 'Jan \u201cJ\u201d Peeters', cue: 'quote', entityId: 'e:y' },
    }),
  ];
  const packer = new ClaimPacker();
  packer.add('a', TEXT_A, a);
  packer.add('b', TEXT_B, b);
  packer.add('empty', '', []);
  return { claims: [a, b], store: packer.finish() };
}

test('packed claims come back as the claims that were packed, by id, by entity and by source', () => {
  const { claims, store } = sample();
  const [a, b] = claims;
  assert.equal(store.size, 5);
  assert.deepEqual([...store.all()], [...a, ...b]);
  assert.deepEqual(store.get('a#1'), a[1]);
  assert.equal(store.get('a#1')!.quantities[0].high, Infinity, 'an open upper bound survives');
  assert.deepEqual(store.ofSource('b'), b);
  assert.deepEqual(store.ofSource('empty'), []);
  assert.deepEqual(
    store.ofEntity('e:x').map((c) => c.id),
    ['a#0', 'a#1'],
  );
  assert.deepEqual(
    store.ofEntity('e:y').map((c) => c.id),
    ['a#0', 'b#0'],
  );
  assert.deepEqual(
    store.ofEntity('e:z').map((c) => c.id),
    ['a#1'],
    'a context entity counts',
  );
  assert.deepEqual(
    store.ofEntity('e:y', 1).map((c) => c.id),
    ['a#0'],
  );
  assert.equal(store.countOf('e:y'), 2);
  assert.deepEqual([...store.denialSources()], ['a']);
  const denials = store.denialsAt('a')!;
  assert.deepEqual(
    denials.list.map((i) => store.at(denials.s, i).id),
    ['a#2'],
  );
  assert.ok(!store.hasDenials('b'));
  assert.equal(store.denialsAt('b'), undefined);
});

test("the columns answer for a claim without making it: keys, stance, id, figures, and the entity's claims in order", () => {
  const packer = new ClaimPacker();
  const text = 'x'.repeat(40);
  // a source of many claims, none of which is made by reading its columns
  packer.add(
    's',
    text,
    Array.from({ length: 20 }, (_, i) =>
      claim('s', i, text, i, {
        entityIds: ['e:p'],
        keys: [`k${i}`, 'shared'],
        stance: i % 2 ? 'questions' : 'asserts',
        quantities:
          i === 7
            ? [{ low: 3, high: 3, value: 3, qualifier: 'exact', measure: 'killed', counted: 'people', span: { start: 7, end: 8 } }]
            : [],
      }),
    ),
  );
  const store = packer.finish();
  const s = store.sourceAt('s')!;
  assert.equal(store.sourceAt('unknown'), undefined);
  assert.equal(store.countIn(s), 20);
  const visited: number[] = [];
  store.visitEntity('e:p', (src, i) => {
    assert.equal(src, s);
    visited.push(i);
  });
  assert.deepEqual(
    visited,
    Array.from({ length: 20 }, (_, i) => i),
  );
  const firstFive: number[] = [];
  store.visitEntity('e:p', (_, i) => firstFive.push(i), 5);
  assert.deepEqual(firstFive, [0, 1, 2, 3, 4]);
  store.visitEntity('e:none', () => assert.fail('an unknown entity has no claims'));
  assert.deepEqual(store.keysAt(s, 3), ['k3', 'shared']);
  assert.equal(store.stanceAt(s, 3), 'questions');
  assert.equal(store.idAt(s, 3), 's#3');
  assert.deepEqual(
    Array.from({ length: 20 }, (_, i) => i).filter((i) => store.hasFiguresAt(s, i)),
    [7],
  );
  // what the columns said is what the claim says
  const c = store.at(s, 7);
  assert.deepEqual([c.keys, c.stance, c.id, c.quantities.length], [store.keysAt(s, 7), store.stanceAt(s, 7), store.idAt(s, 7), 1]);
});

test('a claim asked for twice is the same object; unknown and malformed ids give nothing', () => {
  const { store } = sample();
  assert.equal(store.get('a#0'), store.ofEntity('e:x')[0]);
  for (const id of ['a#3', 'a#-1', 'a#1.5', 'a', 'zz#0', '#0', 'a#'] as const) assert.equal(store.get(id), undefined, id);
  assert.deepEqual(store.ofEntity('e:none'), []);
});

test('claims materialised beyond the cap are dropped for the least recently used sources and made again equal', () => {
  const packer = new ClaimPacker();
  const text = 'x'.repeat(40);
  const n = 300;
  for (let s = 0; s < n; s++)
    packer.add(
      `s${s}`,
      text,
      Array.from({ length: 300 }, (_, i) => claim(`s${s}`, i, text, i % 30, { entityIds: ['e:all'], keys: [`k${i % 7}`] })),
    );
  const store = packer.finish(undefined, 65536);
  const first = store.get('s0#5')!;
  const all = store.ofEntity('e:all');
  assert.equal(all.length, n * 300);
  const again = store.get('s0#5')!;
  assert.notEqual(again, first, 'the first source was dropped from memory');
  assert.deepEqual(again, first);
});

test('packed claims that do not fit together are refused', () => {
  const { store } = sample();
  const good = store.packedSources()[0].claims;
  const bad = (change: Partial<PackedClaims>) => () =>
    new ClaimStore(store.keys, store.ids, ['a'], [{ text: TEXT_A }], [{ ...good, ...change }]);
  assert.doesNotThrow(bad({}));
  assert.throws(bad({ stances: new Uint8Array([0, 9, 0]) }), /unknown stance code 9/);
  assert.throws(bad({ spans: new Int32Array(2) }), /different lengths/);
  assert.throws(bad({ refs: good.refs.slice(0, -1) }), /do not fit together/);
  const outOfRange = good.refs.slice();
  outOfRange[1] = 999;
  assert.throws(bad({ refs: outOfRange }), /out of range/);
});

test('a claim keeps the fields of the Claim model', () => {
  const { store } = sample();
  const keys: (keyof Claim)[] = ['id', 'sourceId', 'span', 'text', 'entityIds', 'speaker', 'stance', 'quantities', 'dates', 'keys'];
  for (const k of keys) assert.ok(k in store.get('b#1')!, k);
  assert.equal(store.get('b#1')!.text, TEXT_B.slice(12, 22));
});

test("a claim's extra fields are a line of their own, read without parsing the source's others", () => {
  const lines = 'cue with a line\nbreak\tand a tab';
  const a = [
    claim('a', 0, TEXT_A, 0),
    claim('a', 1, TEXT_A, 11, { stanceCue: lines, speaker: { kind: 'attributed', name: 'the\npolice', cue: 'said' } }),
    claim('a', 2, TEXT_A, 22, { dates: [{ iso: '2016-03-22', span: { start: 22, end: 26 }, text: 'then' }] }),
  ];
  const packer = new ClaimPacker();
  packer.add('a', TEXT_A, a);
  const store = packer.finish();
  const packed = store.packedSources()[0].claims;
  assert.equal(packed.extra.split('\n').length, 3, 'one line per claim with extra fields (after a leading break)');
  assert.deepEqual(
    Array.from(packed.flags, (f) => f & 16),
    [0, 16, 16],
  );
  assert.deepEqual(store.ofSource('a'), a);
  // a line gone (a corrupt snapshot): that claim is refused by name, the others are still made
  const corrupt = { ...packed, extra: packed.extra.replace(/\n1\t[^\n]*/, '') };
  const broken = new ClaimStore(store.keys, store.ids, ['a'], [{ text: TEXT_A }], [corrupt]);
  assert.throws(() => broken.at(0, 1), /claims of a: claim 1 has no extra fields/);
  assert.deepEqual(broken.at(0, 2), a[2]);
});

test('a store built in slices yields between them and answers as one built at once', () => {
  const packer = new ClaimPacker();
  for (let s = 0; s < 2500; s++)
    packer.add(`s${s}`, TEXT_A, [
      claim(`s${s}`, 0, TEXT_A, 0, { entityIds: [`e:${s % 7}`], keys: ['alpha'] }),
      claim(`s${s}`, 1, TEXT_A, 11, { entityIds: [`e:${s % 3}`], doubt: s % 5 === 0, keys: ['two'] }),
    ]);
  const once = packer.finish();
  const steps = packer.finishSteps();
  let slices = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) slices++;
  const sliced = r.value;
  assert.ok(slices >= 6, `in slices (${slices})`);
  assert.equal(sliced.size, once.size);
  for (const e of ['e:0', 'e:2', 'e:6'])
    assert.deepEqual(
      sliced.ofEntity(e).map((c) => c.id),
      once.ofEntity(e).map((c) => c.id),
    );
  assert.deepEqual([...sliced.denialSources()], [...once.denialSources()]);
});

test('keyWeightAt sums the weights of a claim’s distinct keys, read from the columns', () => {
  const text = 'One two three four five six seven eight nine ten.';
  const packer = new ClaimPacker();
  packer.add('s', text, [
    claim('s', 0, text, 0, { keys: ['alpha', 'beta', '~responsible'] }),
    claim('s', 1, text, 10, { keys: ['beta', 'beta', 'gamma'] }),
    claim('s', 2, text, 20, { keys: [] }),
  ]);
  const store = packer.finish();
  const s = store.sourceAt('s')!;
  const weights = new Map([
    ['beta', 1],
    ['~responsible', 2],
    ['delta', 5],
  ]);
  assert.equal(store.keyWeightAt(s, 0, weights), 3);
  assert.equal(store.keyWeightAt(s, 1, weights), 1, 'a key listed twice counts once');
  assert.equal(store.keyWeightAt(s, 2, weights), 0);
  assert.equal(store.keyWeightAt(s, 0, new Map()), 0);
  // the same as counting over the keys of the claim made whole
  for (let i = 0; i < 3; i++) {
    const keys = new Set(store.at(s, i).keys);
    assert.equal(
      store.keyWeightAt(s, i, weights),
      [...weights].reduce((n, [k, w]) => n + (keys.has(k) ? w : 0), 0),
    );
  }
});

test('namedAmongAt counts the ids a claim names or refers back to, read from the columns', () => {
  const { store } = sample();
  const a = store.sourceAt('a')!;
  // a#0 names e:x and e:y; a#1 names e:x and refers back to e:z; a#2 names none
  assert.equal(store.namedAmongAt(a, 0, ['e:x', 'e:y', 'e:z']), 2);
  assert.equal(store.namedAmongAt(a, 1, ['e:x', 'e:y', 'e:z']), 2);
  assert.equal(store.namedAmongAt(a, 1, ['e:z', 'e:z']), 2, 'each time listed');
  assert.equal(store.namedAmongAt(a, 2, ['e:x']), 0);
  assert.equal(store.namedAmongAt(a, 0, []), 0);
  assert.equal(store.namedAmongAt(a, 0, ['e:nowhere']), 0);
});

test('a query counts as the ids and weights it was made of, interleaved with another query', () => {
  const { store } = sample();
  const a = store.sourceAt('a')!;
  const lists = [['e:x', 'e:y', 'e:z'], ['e:z', 'e:z'], ['e:x'], [], ['e:nowhere', 'e:y']];
  for (const ids of lists)
    for (let i = 0; i < 3; i++)
      assert.equal(store.namedAmongAt(a, i, store.query(ids, new Map())), store.namedAmongAt(a, i, ids), `${ids} in a#${i}`);
  // two queries' weights for the same keys, used in turns: each keeps its own
  const keysOf = (i: number) => store.at(a, i).keys;
  const all = [...new Set([0, 1, 2].flatMap(keysOf))];
  assert.ok(all.length >= 2, all.join());
  const one = new Map(all.map((k, j) => [k, j + 1] as const));
  const two = new Map(all.map((k) => [k, 10] as const));
  const q1 = store.query([], one);
  const q2 = store.query([], two);
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < 3; i++) {
      assert.equal(store.keyWeightAt(a, i, q1), store.keyWeightAt(a, i, one));
      assert.equal(store.keyWeightAt(a, i, q2), store.keyWeightAt(a, i, two));
    }
  assert.equal(store.keyWeightAt(a, 0, store.query([], new Map())), 0);
});

test("a packer's last refs are each claim's key, entity and context indexes, as the table gives them", () => {
  const ids = new Map<string, number>();
  const packer = new ClaimPacker(ids);
  const text = 'x'.repeat(100);
  packer.add('a', text, [claim('a', 0, text, 0, { keys: ['k1', 'k2'], entityIds: ['e1'], contextIds: ['e2'] })]);
  packer.add('b', text, [
    claim('b', 0, text, 0, { keys: ['k2', 'k3'], entityIds: ['e2', 'e1'], contextIds: [] }),
    claim('b', 1, text, 20, { keys: [], entityIds: ['e3'], contextIds: ['e1', 'e3'] }),
  ]);
  const store = packer.finish();
  const keys = store.keys;
  const named = [...ids.keys()];
  const refs = [...packer.lastRefs()];
  // claim b#0: 2 keys, 2 entities, no context; claim b#1: no key, 1 entity, 2 context entities
  assert.deepEqual(refs, [
    2,
    keys.indexOf('k2'),
    keys.indexOf('k3'),
    2,
    named.indexOf('e2'),
    named.indexOf('e1'),
    0,
    0,
    1,
    named.indexOf('e3'),
    2,
    named.indexOf('e1'),
    named.indexOf('e3'),
  ]);
});

test("a rebuild's key and entity sets of each source are its claims' keys and named entities", () => {
  const index = corpus([
    {
      id: 'Harbour Post',
      text: 'Mayor Jane Holloway said 12 people were injured in the Kestrel Bridge collapse on Monday. The Port Authority denied that the bridge was unsafe. Holloway called for an inquiry.',
    },
    {
      id: 'Coast Courier',
      text: 'At least 14 people were hurt when the Kestrel Bridge fell, police said. The Port Authority had been warned about the bridge, according to engineers. Jane Holloway visited the site.',
    },
  ]);
  let compared = 0;
  for (const id of ['Harbour Post', 'Coast Courier']) {
    const claims = index.claims.ofSource(id);
    const keys = [...new Set(claims.flatMap((c) => c.keys))].sort();
    const ents = [...new Set(claims.flatMap((c) => c.entityIds))].sort();
    assert.ok(keys.length > 3 && ents.length > 1, `${id}: claims with keys and entities`);
    assert.deepEqual([...index.sourceKeys.get(id)!].sort(), keys);
    assert.deepEqual([...index.sourceEntities.get(id)!].sort(), ents);
    compared++;
  }
  assert.equal(compared, 2);
});

test('a speaker met again in the same source is written once and read back in full, wherever the claim is made from', () => {
  const turn = { kind: 'quoted' as const, name: 'Anna Kowalczyk', cue: 'turn' };
  const other = { kind: 'attributed' as const, name: 'the council', cue: 'said' };
  const text = 'x'.repeat(60);
  const list = [
    claim('t', 0, text, 0, { speaker: turn }),
    claim('t', 1, text, 10, { speaker: other, stanceCue: 'alleged', stance: 'hedges' }),
    claim('t', 2, text, 20, { speaker: { ...turn } }),
    claim('t', 3, text, 30),
    claim('t', 4, text, 40, { speaker: { ...turn }, stanceCue: 'reportedly', stance: 'hedges' }),
    claim('t', 5, text, 50, { speaker: { ...other } }),
  ];
  const packer = new ClaimPacker();
  packer.add('t', text, list);
  const store = packer.finish();
  const p = (store as unknown as { packed: PackedClaims[] }).packed[0];
  assert.equal(p.extra.split('Anna Kowalczyk').length - 1, 1, p.extra);
  assert.equal(p.extra.split('the council').length - 1, 1, p.extra);
  // made last first (no earlier claim of the source in the cache), then in order
  for (const i of [5, 4, 2, 0, 1, 3]) assert.deepEqual(store.get(`t#${i}`), list[i], `t#${i}`);
});
