import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftText, isSuppressed, unknownDirectiveCodes } from '../../server/src/core/text/draft';
import { paragraphs, sentences } from '../../server/src/core/text/sentences';

test('masking keeps every offset and blanks code, links, comments and front matter', () => {
  const t = '---\na: b\n---\n# Title\n\nSee [the report](http://x.invalid/a) and `code` here.\n';
  const d = draftText(t, 'markdown');
  assert.equal(d.masked.length, t.length);
  assert.ok(!d.masked.includes('http'));
  assert.ok(!d.masked.includes('code'));
  assert.ok(d.masked.includes('the report'));
  assert.ok(!d.masked.includes('a: b'));
  assert.equal(t.slice(d.headings[0].start, d.headings[0].end), 'Title');
});

test('directives: next line, region, file, unknown codes', () => {
  const t = [
    '<!-- corroborate-disable-next-line disputed-claim -->',
    'a',
    'b',
    '<!-- corroborate-disable unknown-spelling -->',
    'c',
    '<!-- corroborate-enable unknown-spelling -->',
    'd',
    '<!-- corroborate-disable-line disputed-claimz -->',
  ].join('\n');
  const d = draftText(t, 'plaintext');
  assert.equal(isSuppressed(d.directives, 'disputed-claim', 1), true);
  assert.equal(isSuppressed(d.directives, 'disputed-claim', 2), false);
  assert.equal(isSuppressed(d.directives, 'unknown-spelling', 4), true);
  assert.equal(isSuppressed(d.directives, 'unknown-spelling', 6), false);
  assert.deepEqual(
    unknownDirectiveCodes(d.directives).map((x) => x.code),
    ['disputed-claimz'],
  );
  const file = draftText('<!-- corroborate-disable-file -->\nx', 'markdown');
  assert.equal(isSuppressed(file.directives, 'disputed-entity', 1), true);
});

test('sentences: abbreviations, initials and quotes do not split', () => {
  const t = 'Gen. Michael T. Flynn told the U.S. Senate on Nov. 3 that it was over. "It is done," he said. Then he left.';
  const s = sentences(t, paragraphs(t)[0]).map((x) => t.slice(x.start, x.end));
  assert.deepEqual(s, [
    'Gen. Michael T. Flynn told the U.S. Senate on Nov. 3 that it was over.',
    '"It is done," he said.',
    'Then he left.',
  ]);
  const r = 'The department will pay Rs. 10,000 to each family. It said so.';
  assert.deepEqual(
    sentences(r, paragraphs(r)[0]).map((x) => r.slice(x.start, x.end)),
    ['The department will pay Rs. 10,000 to each family.', 'It said so.'],
  );
});

test('directive lines are counted as findings are, with CR-only line endings too', () => {
  const d = draftText('intro\r<!-- corroborate-disable-next-line disputed-claim -->\rsentence', 'plaintext');
  assert.equal(d.directives[0].line, 1);
  assert.equal(isSuppressed(d.directives, 'disputed-claim', 2), true);
});

test('the mask keeps every other code unit as it was, a lone surrogate too, across a long draft', () => {
  // (over 8,192 code units, with a lone surrogate and an emoji's pair across that boundary)
  const text = 'Word '.repeat(1638) + 'x\uD800' + '😀' + ' **bold** [link](http://example.org)\r\n' + 'tail '.repeat(2000);
  const { masked } = draftText(text, 'markdown');
  assert.equal(masked.length, text.length);
  assert.equal(masked.indexOf('\uD800'), text.indexOf('\uD800'));
  assert.equal(masked.slice(8191, 8195), text.slice(8191, 8195));
  assert.ok(masked.includes('   bold  '), 'emphasis marks blanked');
  assert.ok(!masked.includes('http'), 'the link target blanked');
  assert.ok(masked.includes('\r\n'), 'line ends kept');
  const unmasked = [...masked].filter((c, i) => c !== ' ' && c !== [...text][i]);
  assert.deepEqual(unmasked, [], 'nothing but spaces put in');
});
