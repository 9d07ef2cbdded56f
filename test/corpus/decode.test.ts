import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes, firstInvalidUtf8 } from '../../server/src/corpus/decode';
import { createHash } from 'node:crypto';
import { parseSource, tooLargeReason } from '../../server/src/corpus/load';
import { enc } from './helpers';

const P = '/corpus/a.txt';

test('empty and whitespace-only files are "empty file"', () => {
  for (const bytes of [new Uint8Array(0), enc('   \n\t\r\n  '), new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a])]) {
    const r = parseSource(P, bytes);
    assert.equal(r.source, undefined);
    assert.deepEqual(r.problem, { path: P, reason: 'empty file' });
  }
});

test('NUL bytes or many control characters mean binary', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.equal(parseSource(P, png).problem?.reason, 'binary file (not text)');
  const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  assert.equal(parseSource(P, controls).problem?.reason, 'binary file (not text)');
  // a few stray control characters in real text are fine
  const text = enc(`Hello world.\x07 This is a normal sentence with a bell.\n`);
  assert.ok(parseSource(P, text).source);
});

test('invalid UTF-8 reports the first bad byte offset', () => {
  const bytes = new Uint8Array([...enc('Café ok. '), 0xc3, 0x28, ...enc(' more text')]);
  const r = parseSource(P, bytes);
  assert.equal(r.problem?.reason, 'not valid UTF-8 (first bad byte at offset 10)');
  assert.equal(firstInvalidUtf8(bytes), 10);
  // latin-1 encoded file
  const latin1 = new Uint8Array([...enc('Caf'), 0xe9, ...enc(' au lait')]);
  assert.equal(parseSource(P, latin1).problem?.reason, 'not valid UTF-8 (first bad byte at offset 3)');
  // truncated multibyte at the end, overlong, surrogate
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82])), 1);
  assert.equal(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf])), 0);
  assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0);
  assert.equal(firstInvalidUtf8(enc('naïve 😀 text')), -1);
});

test('UTF-8 BOM is stripped; UTF-16 LE and BE with BOM are decoded', () => {
  const s = 'Título\n\nUn párrafo de prosa con acentos.\n';
  const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(s)]);
  const r8 = decodeBytes(bom8);
  assert.ok(r8.ok && r8.text === s && r8.bom);

  const le = new Uint8Array(2 + s.length * 2);
  le[0] = 0xff;
  le[1] = 0xfe;
  const be = new Uint8Array(2 + s.length * 2);
  be[0] = 0xfe;
  be[1] = 0xff;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    le[2 + 2 * i] = c & 0xff;
    le[3 + 2 * i] = c >> 8;
    be[2 + 2 * i] = c >> 8;
    be[3 + 2 * i] = c & 0xff;
  }
  for (const bytes of [le, be]) {
    const r = parseSource(P, bytes);
    assert.equal(r.problem, undefined);
    assert.equal(r.source!.text, s);
    assert.equal(r.source!.meta.title, 'Título');
    assert.deepEqual(r.source!.prose.map((p) => r.source!.text.slice(p.start, p.end)), ['Un párrafo de prosa con acentos.']);
  }
});

test('CRLF and lone CR line endings: text kept as decoded, header and footer still recognised', () => {
  for (const eol of ['\r\n', '\r']) {
    const s = ['Dam report published', '', 'By Ana Ruiz', '', 'March 3, 2020', '', 'The dam is safe, engineers said.', '', 'Copyright 2020 River News'].join(eol);
    const r = parseSource(P, enc(s));
    const src = r.source!;
    assert.equal(src.text, s);
    assert.equal(src.meta.title, 'Dam report published');
    assert.equal(src.meta.author, 'Ana Ruiz');
    assert.equal(src.meta.published, '2020-03-03');
    assert.deepEqual(src.prose.map((p) => src.text.slice(p.start, p.end)), ['The dam is safe, engineers said.']);
  }
});

test('parseSource: maxBytes, unsupported extension, hash and id', () => {
  const bytes = enc('Title\n\nBody sentence here.\n');
  assert.equal(parseSource(P, bytes, { maxBytes: 10 }).problem?.reason, `too large (${bytes.length} bytes; the limit is 10 bytes)`);
  assert.equal(tooLargeReason(20 * 1024 * 1024, 8 * 1024 * 1024), 'too large (20.0 MB; the limit is 8 MB)');
  assert.equal(tooLargeReason(3000, 2048), 'too large (2.9 KB; the limit is 2 KB)');
  assert.match(parseSource('/x/a.pdf', bytes).problem!.reason, /^unsupported file type \.pdf/);
  const src = parseSource(P, bytes, { id: 'seeds/a.txt' }).source!;
  assert.equal(src.id, 'seeds/a.txt');
  assert.equal(src.path, P);
  assert.equal(src.hash, createHash('sha256').update(bytes).digest('hex'));
  assert.match(src.hash!, /^[0-9a-f]{64}$/);
  assert.equal(parseSource(P, bytes).source!.id, P);
});
