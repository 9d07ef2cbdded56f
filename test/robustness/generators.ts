/** fast-check generators of hostile drafts, shared by drafts.test.ts (core) and serverDrafts.test.ts (server). */
import fc from 'fast-check';

/** A draft made of up to 80 pieces: corpus names and near-misses, Unicode of every kind, syntax, figures, punctuation runs. */
export function draftArbitrary(names: string[]) {
  const misspell = fc.tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'x')).map(([n, i, how]) => {
    const k = 1 + (i % Math.max(1, n.length - 1));
    if (how === 'drop') return n.slice(0, k) + n.slice(k + 1);
    if (how === 'double') return n.slice(0, k) + n[k] + n.slice(k);
    if (how === 'swap' && k + 1 < n.length) return n.slice(0, k) + n[k + 1] + n[k] + n.slice(k + 2);
    return n.slice(0, k) + 'x' + n.slice(k);
  });
  const capWord = fc
    .tuple(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖĞŁ'),
      fc.stringOf(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéüçñ'), { minLength: 1, maxLength: 9 }),
    )
    .map(([a, b]) => a + b);
  const capRun = fc.array(fc.oneof(capWord, fc.constantFrom(...names)), { minLength: 2, maxLength: 40 }).map((ws) => ws.join(' '));
  const emoji = fc.constantFrom('😀', '👩‍👩‍👧‍👦', '👍🏽', '🇧🇪', '🏳️‍🌈', '❤️', '🧑🏿‍🚀', '\u{1F1EB}\u{1F1F7}', '𝔸𝕓𝕔', '𠜎𠜱');
  const combining = fc
    .tuple(
      fc.constantFrom('a', 'A', 'e', 'Z', 'ß'),
      fc.stringOf(fc.constantFrom('\u0301', '\u0308', '\u0327', '\u20dd', '\u0489', '\u036f'), { minLength: 1, maxLength: 12 }),
    )
    .map(([a, b]) => a + b);
  const rtl = fc.constantFrom(
    'مرحبا بالعالم',
    'שלום עולם',
    '\u202eevil\u202c',
    '\u200fداعش\u200f',
    'Abaaoud \u2067عبد الحميد أباعود\u2069',
    'ISIS (داعش)',
    '\u200e\u200f\u061c',
  );
  const invisible = fc.constantFrom(
    '\u200b',
    '\u200c',
    '\u200d',
    '\ufeff',
    '\u00a0',
    '\u2028',
    '\u2029',
    '\u0085',
    '\t',
    '\v',
    '\f',
    '\u0000',
  );
  const surrogate = fc.constantFrom('\ud800', '\udc00', '\udbff\udbff', 'a\udc00b', '\ud83d');
  const breaks = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n\r');
  const punctuation = fc
    .tuple(
      fc.constantFrom(
        '.',
        '!',
        '?',
        ',',
        ';',
        ':',
        '"',
        '“',
        '”',
        "'",
        '’',
        '(',
        ')',
        '[',
        ']',
        '-',
        '—',
        '–',
        '…',
        '*',
        '_',
        '`',
        '#',
        '|',
        '>',
        '<',
        '/',
        '\\',
        '&',
        '%',
        '$',
        '€',
        '...',
        '?!',
        '--',
      ),
      fc.integer({ min: 1, max: 60 }),
    )
    .map(([p, n]) => p.repeat(n));
  const markdown = fc.constantFrom(
    '# ',
    '## ',
    '> ',
    '- ',
    '* ',
    '1. ',
    '```\n',
    '```js\n',
    '~~~\n',
    '    ',
    '---\n',
    '***',
    '[link](http://example.com/a(b)c)',
    '![img](x.png)',
    '<https://a.b>',
    'mail@example.org',
    '[^1]',
    '[^1]: note',
    '<!--',
    '-->',
    '<!-- x -->',
    '<br>',
    '<div>',
    '</div>',
    '| a | b |\n|---|---|',
    '**bold**',
    '_it_',
    '`code`',
    '\\*',
    '---\ntitle: x\n---\n',
    '<!-- corroborate-disable-next-line disputed-claim -->',
    '<!-- corroborate-disable-line -->',
    '<!-- corroborate-disable unknown-spelling -- why -->',
    '<!-- corroborate-enable -->',
    '<!-- corroborate-disable-file disputed-entity -->',
    '<!-- corroborate-disable-next-line bogus-code -->',
  );
  const figure = fc
    .tuple(
      fc.oneof(
        fc.nat({ max: 100000 }).map(String),
        fc.constantFrom('1,000', '3.5 million', 'dozens of', 'some 350', 'at least 130', 'thirty-two', '1e9', '0x1F', '½'),
      ),
      fc.constantFrom('killed', 'wounded', 'people', 'arrested', 'dead', 'travelled to Syria', '%'),
    )
    .map(([a, b]) => `${a} ${b}`);
  const phrase = fc.constantFrom(
    'The Islamic State carried out the Brussels attacks.',
    'The attacks in Brussels killed 50 people.',
    'Mehdi Nemmouche acted alone.',
    'Salah Abdeslem is still on the run.',
    'It is unclear whether',
    'according to',
    'said',
    'In fact,',
    'But',
    'the Paris attacks',
    'the November 13 attacks',
    'the shooting at the Jewish Museum',
    'Mr.',
    'Dr.',
    'St.',
    'U.S.',
    'e.g.',
  );
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 2, arbitrary: misspell },
    { weight: 3, arbitrary: phrase },
    { weight: 2, arbitrary: capRun },
    { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.unicodeString({ maxLength: 30 }) },
    { weight: 1, arbitrary: emoji },
    { weight: 1, arbitrary: combining },
    { weight: 1, arbitrary: rtl },
    { weight: 1, arbitrary: invisible },
    { weight: 1, arbitrary: surrogate },
    { weight: 2, arbitrary: breaks },
    { weight: 2, arbitrary: punctuation },
    { weight: 2, arbitrary: markdown },
    { weight: 2, arbitrary: figure },
  );
  return fc
    .tuple(fc.array(piece, { maxLength: 80 }), fc.constantFrom(' ', ' ', '', '\n', '. '), fc.constantFrom('markdown', 'plaintext'))
    .map(([parts, sep, languageId]) => ({ text: parts.join(sep), languageId }));
}
