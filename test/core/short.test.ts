import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { short } from '../../server/src/core/disputes/detect';

/** what `short` promises: the text with its white space folded and trimmed, cut to n characters with an ellipsis */
const folded = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
};

test('short: a long text read only in part gives what the whole text folded gives', () => {
  const chars = fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', 'é', '🙂', '.');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (parts, n) => {
      const s = parts.join('');
      assert.equal(short(s, n), folded(s, n));
    }),
    { numRuns: 3000 },
  );
  // white space at the cut and at the very end
  const n = 10;
  for (const s of ['a'.repeat(10) + ' '.repeat(30), ' '.repeat(25) + 'b'.repeat(11), 'a '.repeat(30), 'abcdefghij' + '\n'.repeat(40) + 'k'])
    assert.equal(short(s, n), folded(s, n), JSON.stringify(s));
  assert.equal(short('x'.repeat(100_000)), 'x'.repeat(119) + '…');
});
