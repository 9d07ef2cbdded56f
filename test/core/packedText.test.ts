import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOwnBuffer } from './helpers';
import { Slab } from '../../server/src/core/packed';
import {
  isPackedText,
  packText,
  packTextOf,
  packedTextOf,
  slabbedText,
  textLength,
  textSlice,
  unpackSlice,
  unpackText,
  withoutText,
} from '../../server/src/core/text/packedText';
import { LineMap } from '../../server/src/core/text/sentences';

const TEXTS = [
  '',
  'Mayor Ilse Verhoeven of Dunmore said 12 people were hurt.',
  'Café Müller, “quoted” — dashes… and a\r\nCRLF line',
  '\uFEFFa byte-order mark first',
  'Emoji 🙂 and CJK 東京 and Arabic العربية',
  'a lone high surrogate \uD83D here and a lone low \uDE42 there',
  'x'.repeat(200_000),
];

test('a packed text unpacks to the same characters, whatever they are', () => {
  for (const t of TEXTS) {
    const p = packText(t);
    assert.equal(p.length, t.length);
    assert.equal(unpackText(p), t, JSON.stringify(t.slice(0, 40)));
    assert.deepEqual(Array.from(p.lines), Array.from(new LineMap(t).lineStarts()), 'its line starts');
    const map = new LineMap({ starts: p.lines, length: p.length });
    for (const o of [0, 5, 30, t.length]) assert.deepEqual(map.position(o), new LineMap(t).position(o));
  }
  assert.ok(packText(TEXTS[5]).utf8 === false, 'a text UTF-8 cannot carry is kept as UTF-16');
  assert.ok(packText('x'.repeat(200_000)).bytes.length < 2000, 'deflated');
});

test('a packed text holds one buffer of exactly the size of its arrays (not a view of a larger buffer)', () => {
  for (const t of [...TEXTS, 'Lorem ipsum dolor sit amet. '.repeat(3000), 'Caf\u00e9 \u2013 na\u00efve.\n'.repeat(500)]) {
    const p = packText(t);
    assertOwnBuffer(p, JSON.stringify(t.slice(0, 30)));
  }
});

test('a slice of a packed text is read from its own lines and equals the slice of the text', () => {
  const texts = [
    ...TEXTS,
    'Line one — with a dash\nline two “quoted”\r\n\r\nline 🙂 four\rline five, ascii\n',
    Array.from({ length: 50 }, (_, i) => `Paragraph ${i}: Müller’s “${'é'.repeat(i)}” ${'🙂'.repeat(i % 3)}`).join('\n\n'),
  ];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n;
  for (const t of texts) {
    const p = packText(t);
    if (p.utf8 && Buffer.byteLength(t) !== t.length) assert.equal(p.lineBytes.length, p.lines.length, 'byte offsets of its lines');
    else assert.equal(p.lineBytes.length, 0, 'no byte offsets when bytes and characters agree');
    const spans = [
      [0, t.length],
      [0, 0],
      [t.length, t.length],
      [-5, 3],
      [t.length - 2, t.length + 10],
    ];
    for (let k = 0; k < 200; k++) {
      const a = Math.floor(rand(t.length + 1));
      spans.push([a, a + Math.floor(rand(Math.min(400, t.length - a + 1)))]);
    }
    for (const [a, b] of spans) {
      const want = t.slice(Math.max(0, a), Math.max(Math.max(0, a), Math.min(b, t.length)));
      assert.equal(unpackSlice(p, a, b), want, `${JSON.stringify(t.slice(0, 30))} [${a}, ${b})`);
    }
  }
  // through a holder: packed or not, the same slice
  const holder = packTextOf({ text: texts[texts.length - 1] });
  const plain = { text: texts[texts.length - 1] };
  assert.equal(textSlice(holder, 40, 90), plain.text.slice(40, 90));
  assert.equal(textSlice(plain, 40, 90), plain.text.slice(40, 90));
});

test('packed bytes that do not unpack to the recorded text are refused with a clear error', () => {
  const p = packText('Dunmore bridge');
  assert.ok(isPackedText(p));
  assert.ok(!isPackedText({ ...p, lines: Int32Array.of(0, 40) }), 'a line start past the end');
  assert.ok(!isPackedText({ ...p, lines: Int32Array.of(3) }), 'a first line that does not start at 0');
  assert.ok(!isPackedText({ ...p, lines: new Int32Array(0) }));
  const wide = packText('Café\nMüller\n');
  assert.ok(isPackedText(wide));
  assert.ok(!isPackedText({ ...wide, lineBytes: Int32Array.of(0, 2, 3) }), 'a line shorter in bytes than in characters');
  assert.ok(!isPackedText({ ...wide, lineBytes: Int32Array.of(0, 6) }), 'byte offsets for fewer lines than there are');
  assert.ok(!isPackedText({ ...p, lineBytes: undefined }), 'no byte offsets (a snapshot of an older format)');
  assert.throws(() => unpackText({ ...p, length: 99 }), /packed text of 99 characters unpacked to 14/);
  assert.throws(() => unpackText({ ...p, bytes: new Uint8Array([1, 2, 3, 255]) }));
});

test('an object whose text is packed reads the same text, tells its length without unpacking, and copies without it', () => {
  const text = 'Verhoeven said the Harbour Board had ignored warnings.';
  const source = { id: 's1', text, meta: { outlet: 'Coast Courier' } };
  assert.equal(packedTextOf(source), undefined);
  packTextOf(source);
  const packed = packedTextOf(source)!;
  assert.ok(packed && packed.length === text.length);
  assert.equal(source.text, text);
  assert.equal(source.text.slice(0, 9), 'Verhoeven');
  assert.equal(textLength(source), text.length);
  assert.deepEqual(Object.keys(source), ['id', 'text', 'meta'], 'text is still an own, enumerable property');
  assert.equal(JSON.parse(JSON.stringify(source)).text, text);
  assert.deepEqual(withoutText(source), { id: 's1', meta: { outlet: 'Coast Courier' } });
  // many packed texts read in turn (more than are kept unpacked) still read right
  const many = Array.from({ length: 600 }, (_, i) => packTextOf({ text: `source number ${i}` }));
  for (let round = 0; round < 2; round++) for (let i = 0; i < many.length; i++) assert.equal(many[i].text, `source number ${i}`);
});

test('texts copied into a slab share its buffers, whole and readable; a large text gets a buffer of its own', () => {
  const slab = new Slab(64 * 1024);
  const texts = ['', 'one line', 'é\nline two — “quoted”\n'.repeat(40), 'lone \uD800 surrogate\nand more', 'x'.repeat(50)];
  const copies = texts.map((t) => slabbedText(packText(t), slab));
  copies.forEach((c, i) => {
    assert.ok(isPackedText(c));
    assert.equal(unpackText(c), texts[i]);
    assert.deepEqual([...c.lines], [...packText(texts[i]).lines]);
    assert.deepEqual([...c.lineBytes], [...packText(texts[i]).lineBytes]);
    assert.equal(unpackSlice(c, 1, 6), texts[i].slice(1, 6));
  });
  // one shared buffer for all of these, and the copies do not overlap
  assert.equal(new Set(copies.map((c) => c.bytes.buffer)).size, 1);
  const spans = copies.flatMap((c) =>
    [c.lines, c.lineBytes, c.bytes].filter((a) => a.byteLength).map((a) => [a.byteOffset, a.byteOffset + a.byteLength]),
  );
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], 'no overlap');
  // a text over a quarter of the buffer: its own buffer
  const big = slabbedText(packText(Array.from({ length: 3000 }, (_, i) => `line ${i * 7919} of a long text`).join('\n')), slab);
  assert.notEqual(big.bytes.buffer, copies[1].bytes.buffer);
  assertOwnBuffer(big, 'the large text');
});
