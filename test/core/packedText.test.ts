import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isPackedText,
  packText,
  packTextOf,
  packedTextOf,
  textLength,
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

test('packed bytes that do not unpack to the recorded text are refused with a clear error', () => {
  const p = packText('Dunmore bridge');
  assert.ok(isPackedText(p));
  assert.ok(!isPackedText({ ...p, lines: Int32Array.of(0, 40) }), 'a line start past the end');
  assert.ok(!isPackedText({ ...p, lines: Int32Array.of(3) }), 'a first line that does not start at 0');
  assert.ok(!isPackedText({ ...p, lines: new Int32Array(0) }));
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
