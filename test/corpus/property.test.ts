import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Source, Span } from '../../server/src/core/model';
import { parseSource } from '../../server/src/corpus/load';

const EXTS = ['txt', 'md', 'html', 'json', 'jsonld', 'text', 'htm', 'markdown', 'pdf'];

function checkSpans(src: Source, spans: Span[]) {
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= src.text.length, JSON.stringify(s));
  }
}

function check(ext: string, bytes: Uint8Array) {
  const r = parseSource(`/fuzz/f.${ext}`, bytes);
  assert.ok(Array.isArray(r.warnings));
  assert.ok(!!r.source !== !!r.problem, 'exactly one of source and problem');
  if (r.problem) {
    assert.equal(r.problem.path, `/fuzz/f.${ext}`);
    assert.ok(r.problem.reason.length > 0);
    return;
  }
  const src = r.source!;
  checkSpans(src, src.prose);
  checkSpans(src, src.headings);
  for (const rv of src.reviews ?? []) checkSpans(src, [rv.span]);
  if (src.fileOffset) {
    for (const o of [0, src.text.length >> 1, src.text.length]) {
      const f = src.fileOffset(o);
      assert.ok(Number.isInteger(f) && f >= 0);
    }
  }
}

test('parseSource never throws on arbitrary bytes and keeps spans inside the text', () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXTS), fc.uint8Array({ maxLength: 2000 }), (ext, bytes) => check(ext, bytes)),
    { numRuns: 600 },
  );
});

const piece = fc.oneof(
  fc.constantFrom(
    '# ', '## ', '---\n', '\n', '\r\n', '\r', '\n\n', 'By Jane Doe and John Roe', 'March 3, 2016', 'Region: [x](#)', '[a](b)',
    'Copyright © 2020', '(Reporting by A; editing by B)', 'PARIS, Nov 22 (Reuters) - ', '<p>', '</p>', '<article>', '<h2>', '</h2>',
    '&amp;', '&#x1F600;', '<br>', '<script type="application/ld+json">', '</script>', '{"@type":"ClaimReview","claimReviewed":"x"}',
    '```', '- ', '> ', 'title: [', '"', '\u00a0', '\ufeff', '😀', 'é',
  ),
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 20 }),
);

test('parseSource never throws on text-like input made of format fragments', () => {
  fc.assert(
    fc.property(fc.constantFrom(...EXTS), fc.array(piece, { maxLength: 60 }), (ext, parts) => {
      check(ext, new TextEncoder().encode(parts.join('')));
    }),
    { numRuns: 1500 },
  );
});
