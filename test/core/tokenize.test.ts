import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenizeSentences } from '../../server/src/core/entities/extract';

// The tokenizer scans characters itself (and looks each written word up in a table of words met before) instead of
// running a regular expression. These tests hold it to the expression it replaced: every character but white space
// belongs to exactly one written word, each a run of letters and digits (\p{L}, \p{N}, a code point at a time) joined
// by - ' \u2019 . with an optional final period, or a single other character.
const WORD_RE = /[\p{L}\p{N}]+(?:[-'\u2019.][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

interface Span {
  start: number;
  end: number;
}

/** the tokens of `span`, grouped by the written word (a match of WORD_RE within the span) they come from */
function check(text: string, span: Span): number {
  const [toks] = tokenizeSentences(text, [{ span, heading: false } as never]);
  const inSpan = text.slice(span.start, span.end);
  let t = 0;
  let words = 0;
  for (const m of inSpan.matchAll(WORD_RE)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    const mine = [];
    while (t < toks.length && toks[t].start < end) mine.push(toks[t++]);
    const where = `${JSON.stringify(m[0])} at ${start} in ${JSON.stringify(inSpan.slice(0, 80))}`;
    assert.ok(mine.length > 0, `no token for ${where}`);
    assert.equal(mine[0].start, start, `first token of ${where}`);
    for (const k of mine) assert.ok(k.start >= start && k.end <= end, `token ${JSON.stringify(k.text)} outside ${where}`);
    if (mine.length === 1 && mine[0].text === '\u0000') {
      // a written word too long to be part of a name stands as one token over all of it
      assert.ok(m[0].length > 48, where);
      assert.equal(mine[0].end, end, where);
    } else {
      // pieces in order, each its own characters; together the written word, less a period it may drop
      for (const k of mine) assert.equal(k.text, text.slice(k.start, k.end), where);
      for (let i = 1; i < mine.length; i++) assert.equal(mine[i].start, mine[i - 1].end, where);
      const last = mine[mine.length - 1].end;
      assert.ok(last === end || (last === end - 1 && m[0].endsWith('.')), `pieces of ${where} end at ${last}`);
    }
    words++;
  }
  assert.equal(t, toks.length, `tokens beyond the written words in ${JSON.stringify(inSpan.slice(0, 80))}`);
  return words;
}

test('written words as the expression reads them: periods, joiners, non-Latin letters, astral characters', () => {
  const cases = [
    'Mr. Okafor said the U.S. Navy’s ships weren’t there; e.g. in St. Louis.',
    'The anti-Kessler rally and the Veldhaven-based firm met the Dutch-US panel (ABC-XYZ).',
    'Zürich, São Paulo, Kraków and 東京 — “real” ones… 40,000 deliveries; ~5% rose.',
    'Emoji 😀 between words, 𝐀𝐁𝐂 astral letters, e\u0301 combining marks, \u00a0no-break\u2028lines\u3000wide.',
    'Lone \ud800 high and \udc00 low surrogates, and a pair cut at the end: \ud83d',
    "Rock'n'roll --- it's 3.5 p.m. ... 'quoted' -x- .5 a.b.c. end.",
    'A ' + 'Abc-'.repeat(20) + 'Abc token far too long to keep.',
  ];
  let words = 0;
  for (const c of cases) words += check(c, { start: 0, end: c.length });
  assert.ok(words > 100, `${words} words`);
});

test('a sentence span is read alone: a word running past its end is cut there', () => {
  const text = 'Officials in Veldhaven-based units said so. Then more.';
  for (let end = 1; end <= text.length; end++) check(text, { start: 0, end });
  for (let start = 0; start < text.length; start++) check(text, { start, end: text.length });
});

test('random text over letters, digits, joiners, spaces and other characters of every kind', () => {
  const alphabet = [
    ...'abcXYZ019',
    ..."-'\u2019.",
    ' ',
    '\n',
    '\t',
    '\u00a0',
    '\u2028',
    ...',;:!?()"—–…',
    'é',
    'Ł',
    'ß',
    '東',
    'ب',
    '٣',
    '\u0301',
    '\u200d',
    '😀',
    '𝐀',
    '\ud800',
    '\udc00',
  ];
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let k = 0; k < 2000; k++) {
    let s = '';
    const n = 1 + rand(60);
    for (let i = 0; i < n; i++) s += alphabet[rand(alphabet.length)];
    check(s, { start: 0, end: s.length });
    const a = rand(s.length);
    check(s, { start: a, end: a + rand(s.length - a + 1) });
  }
});

test('the bundled corpus, sentence by sentence as the analysis cuts it', () => {
  const dir = path.join(__dirname, '../../corpus/seeds');
  let words = 0;
  for (const f of readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f))) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    let at = 0;
    for (const line of text.split('\n')) {
      words += check(text, { start: at, end: at + line.length });
      at += line.length + 1;
    }
  }
  assert.ok(words > 1000, `${words} words`);
});
