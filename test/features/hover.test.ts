import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpus } from '../core/helpers';
import { CorpusIndex } from '../../server/src/core/index';
import { analyzeSource } from '../../server/src/core/analyze';
import type { Source } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';
import { checkDraft } from '../../server/src/core/check';
import { hover } from '../../server/src/features/hover';
import { definition } from '../../server/src/features/definition';
import { bestPassages, entityCard, hoverCardMade, warmHoverCards } from '../../server/src/features/card';

const given = ['Pieter', 'Mattijs', 'Anouk', 'Sanne', 'Joris', 'Femke', 'Bram', 'Lotte', 'Daan', 'Maud', 'Ruben', 'Noor'];
// twelve people share the surname; Pieter is named in three articles, Mattijs in two, the others in one each
const docs = given.map((g, i) => ({
  id: `a${i}`,
  text: `Police in Veldhaven questioned ${g} Dalhuisen on Tuesday.\n\n${g} Dalhuisen was released without charge.`,
}));
docs.push({ id: 'b1', text: 'Pieter Dalhuisen, a harbour pilot, spoke to reporters.' });
docs.push({ id: 'b2', text: 'Pieter Dalhuisen and Mattijs Dalhuisen left Veldhaven.' });
const idx = corpus(docs);

function hoverOn(draft: string, word: string, index = idx): string {
  const doc = TextDocument.create('file:///draft.md', 'markdown', 1, draft);
  const check = checkDraft(index, draft);
  const h = hover(index, doc, check, doc.positionAt(draft.indexOf(word) + 1));
  assert.ok(h, `a hover on ${word}`);
  return (h.contents as { value: string }).value;
}

test('a surname that fits twelve people: the candidates, most named first, with the cards of the first two only', () => {
  const md = hoverOn('The inquiry heard that Dalhuisen had left early.', 'Dalhuisen');
  assert.match(md, /Ambiguous here: “Dalhuisen” may be any of 12 entities/);
  const listed = [...md.matchAll(/^- \*\*(.+?)\*\* · person · named in (\d+) sources?$/gm)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(listed.slice(0, 2), [
    ['Pieter Dalhuisen', 3],
    ['Mattijs Dalhuisen', 2],
  ]);
  assert.equal(listed.length, 10, 'two with cards and eight more by name');
  assert.match(md, /…and 2 more/);
  // the full cards: one per shown candidate, each with its own "Named in" line
  assert.equal(md.match(/Named in \d+ of \d+ sources/g)?.length, 2);
  assert.match(md, /\*\*Pieter Dalhuisen\*\* · person\n/);
});

test('an unambiguous name shows its one card', () => {
  const md = hoverOn('Pieter Dalhuisen spoke again.', 'Pieter Dalhuisen');
  assert.doesNotMatch(md, /Ambiguous/);
  assert.equal(md.match(/Named in \d+ of \d+ sources/g)?.length, 1);
});

test('Go to Definition on an ambiguous name: one passage per candidate, most named first', () => {
  const draft = 'The inquiry heard that Dalhuisen had left early.';
  const doc = TextDocument.create('file:///draft.md', 'markdown', 1, draft);
  const locs = definition(idx, doc, checkDraft(idx, draft), doc.positionAt(draft.indexOf('Dalhuisen') + 1));
  assert.equal(locs.length, 12, 'all twelve candidates, each once');
  // Pieter is named in a0, b1, b2 and c1; his best passage comes first
  assert.match(locs[0].uri, /\/(a0|b1|b2)\.txt$/);
  assert.equal(new Set(locs.map((l) => l.uri)).size >= 10, true);
});

test('a card quotes a sentence that names the entity only by an ambiguous surname with a caution, after the direct ones', () => {
  // both brothers named, then the surname alone: that sentence may be about either
  const brothers = corpus([
    {
      id: 'c1',
      text: 'Pieter Dalhuisen and Mattijs Dalhuisen ran the Veldhaven yard.\n\nDalhuisen blew up the harbour crane in 2019.',
    },
  ]);
  const md = hoverOn('Pieter Dalhuisen spoke again.', 'Pieter Dalhuisen', brothers);
  const c1 = md.slice(md.indexOf('**c1'));
  const quotes = c1.split('\n').filter((l) => l.startsWith('> '));
  assert.match(quotes[0], /ran the Veldhaven yard/, 'the sentence naming him in full first');
  assert.match(quotes[1], /blew up the harbour crane.*“Dalhuisen” here may be someone else of that name/);
  assert.doesNotMatch(quotes[0], /may be someone else/);
});

test("one article's two brothers do not narrow a draft's surname to them: every person the corpus knows by it", () => {
  const more = corpus([
    ...docs,
    {
      id: 'c1',
      text: 'Pieter Dalhuisen and Mattijs Dalhuisen ran the Veldhaven yard.\n\nDalhuisen blew up the harbour crane in 2019.',
    },
  ]);
  const md = hoverOn('The inquiry heard that Dalhuisen had left early.', 'Dalhuisen', more);
  assert.match(md, /may be any of 12 entities/);
});

test('during indexing, the card counts the sources indexed since the last rebuild (its ranking is kept until the next)', () => {
  const index = corpus(docs);
  const before = hoverOn('Pieter Dalhuisen spoke again.', 'Pieter Dalhuisen', index);
  const n = index.sources.size;
  assert.match(before, new RegExp(`Named in 3 of ${n} sources`));
  // what the indexer does between rebuilds: a source is added, the derived index is not rebuilt yet
  const extra = corpus([{ id: 'c1', text: 'Veldhaven reopened its harbour on Friday.' }]);
  index.upsert(extra.sources.get('c1')!, extra.analyses.get('c1')!);
  const after = hoverOn('Pieter Dalhuisen spoke again.', 'Pieter Dalhuisen', index);
  assert.match(after, new RegExp(`Named in 3 of ${n + 1} sources`));
});

test('an entity named in more sources than a card shows: the first twelve, the count of the rest, and passages from up to 48', () => {
  const many = corpus(
    Array.from({ length: 60 }, (_, i) => ({
      id: `m${String(i).padStart(2, '0')}`,
      text: `Mayor Ilse Verhoeven of Dunmore inspected pier ${i + 1} on Tuesday.\n\nIlse Verhoeven said the pier was safe.`,
    })),
  );
  const e = [...many.entities.values()].find((x) => x.name === 'Ilse Verhoeven')!;
  const card = entityCard(many, e);
  assert.equal(card.sources.length, 12);
  assert.match(card.markdown, /Named in 60 of 60 sources/);
  assert.match(card.markdown, /…and 48 more sources/);
  assert.equal(bestPassages(many, e).length, 48);
  assert.equal(new Set(bestPassages(many, e).map((p) => p.sourceId)).size, 48);
});

test('the sources of a card and of Go to Definition: most claims about the entity first, then newest, ties as listed', () => {
  // 90 sources: 1 to 3 sentences about her, 6 dates (many ties of both), and 10 sources naming her only in a list
  const docs = Array.from({ length: 90 }, (_, i) => {
    const n = i >= 80 ? 0 : 1 + ((i * 7) % 3);
    const lines = Array.from({ length: n }, (_, k) => `Mayor Ilse Verhoeven of Dunmore inspected pier ${i * 3 + k} on Tuesday.`);
    if (!n) lines.push(`Guests: Ilse Verhoeven, Joris Wendt, Sanne Oort.`);
    return {
      id: `s${String(i).padStart(2, '0')}`,
      text: lines.join('\n\n'),
      meta: { outlet: `Outlet ${i}`, published: `2024-0${1 + ((i * 5) % 6)}-01` },
      claims: n,
    };
  });
  const index = corpus(docs);
  const e = [...index.entities.values()].find((x) => x.name === 'Ilse Verhoeven')!;
  const claimsIn = (id: string) => index.claims.ofEntity(e.id).filter((c) => c.sourceId === id).length;
  const listed = index.sourcesOf(e.id);
  assert.equal(listed.length, 90);
  // the whole list sorted (a stable sort keeps ties as listed), then cut
  const want = listed
    .map((id) => ({ id, n: claimsIn(id), date: index.sources.get(id)!.meta.published! }))
    .sort((a, b) => b.n - a.n || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((x) => x.id);
  assert.ok(new Set(want.slice(0, 48).map(claimsIn)).size > 1, 'claims of more than one count among the first 48');
  assert.deepEqual(
    bestPassages(index, e).map((p) => p.sourceId),
    want.slice(0, 48),
  );
  const card = entityCard(index, e, { markdownOnly: true }).markdown;
  const heads = [...card.matchAll(/^\*\*(Outlet \d+)/gm)].map((m) => `s${m[1].slice(7).padStart(2, '0')}`);
  assert.deepEqual(heads, want.slice(0, 12));
});

test('a passage whose speaker is only a pronoun is not signed with it; a named speaker is', () => {
  const index = corpus([
    {
      id: 'Coast Courier',
      text: 'Dylan Varga returned from Bali on Sunday. He says doctors found a spider under his skin. Dr Ines Moll said the spider was harmless.',
    },
  ]);
  const card = entityCard(
    index,
    index.entities.find((e) => e.name === 'Dylan Varga')!,
    { markdownOnly: true },
  ).markdown;
  assert.match(card, /He says doctors found a spider/);
  assert.ok(!/— He\b/.test(card), card);
  const moll = entityCard(
    index,
    index.entities.find((e) => e.name === 'Ines Moll')!,
    { markdownOnly: true },
  ).markdown;
  assert.match(moll, /— Dr Ines Moll|— Ines Moll/, moll);
});

test('an interview: a card quotes what the source says about the interviewee before their own turns, and no turn label', () => {
  const index = corpus([
    {
      id: 'Valley Herald',
      text: [
        'Engineer Anna Kowalczyk designed the bridge in Brussels in 2004.',
        '((Valley Herald)) Why did the Brussels bridge close?',
        '((Anna Kowalczyk)) The cables of the Brussels bridge were worn. I had warned the council.',
        '((Valley Herald)) When will the Brussels bridge reopen?',
        '((Anna Kowalczyk)) In March, I hope.',
      ].join('\n\n'),
    },
  ]);
  const card = (name: string) =>
    entityCard(
      index,
      index.entities.find((e) => e.name === name)!,
      { markdownOnly: true, claimsPerSource: 2 },
    ).markdown;
  const marsh = card('Anna Kowalczyk');
  const quotes = [...marsh.matchAll(/^> (.*)$/gm)].map((m) => m[1]);
  assert.match(quotes[0], /^Engineer Anna Kowalczyk designed the bridge/, marsh);
  assert.ok(!/\(\(/.test(marsh), marsh);
  // the place's card: the interviewee's answer, signed, before the interviewer's questions
  const veld = card('Brussels');
  const first = [...veld.matchAll(/^> (.*)$/gm)].map((m) => m[1]);
  assert.ok(!first.some((q) => /\?/.test(q)), veld);
  assert.ok(
    first.some((q) => /^The cables of the Brussels bridge were worn\..* — Anna Kowalczyk/.test(q)),
    veld,
  );
});

test("idle time makes the hover cards of a draft's entities ahead of a hover: an ambiguous name's first two candidates only", () => {
  const index = corpus(docs);
  const draft = 'Pieter Dalhuisen met the council. The inquiry heard that Dalhuisen had left early.';
  const check = checkDraft(index, draft);
  const byName = (name: string) => index.entities.find((e) => e.name === name)!;
  const names = ['Pieter Dalhuisen', 'Mattijs Dalhuisen', 'Anouk Dalhuisen'];
  assert.deepEqual(
    names.map((n) => hoverCardMade(index, byName(n))),
    [false, false, false],
  );
  // nothing while not wanted
  const stopped = warmHoverCards(index, check.mentions, () => false);
  assert.deepEqual(stopped.next().value, { all: false, made: 0 });
  assert.equal(hoverCardMade(index, byName('Pieter Dalhuisen')), false);
  const steps = warmHoverCards(index, check.mentions, () => true);
  let r = steps.next();
  while (!r.done) r = steps.next();
  assert.deepEqual(r.value, { all: true, made: 2 });
  // Pieter (named, and first of the surname's candidates) and Mattijs (second); not the ten others
  assert.deepEqual(
    names.map((n) => hoverCardMade(index, byName(n))),
    [true, true, false],
  );
  // the hover shows the card made then
  const card = entityCard(index, byName('Pieter Dalhuisen'), { markdownOnly: true });
  assert.equal(entityCard(index, byName('Pieter Dalhuisen'), { markdownOnly: true }), card);
});

test("a card does not quote a source's title again under it, nor an interviewee's hedges as doubts first", () => {
  const title = 'Engineer Anna Kowalczyk talks about the Brussels bridge';
  const body = [
    'Engineer Anna Kowalczyk designed the Brussels bridge in 2004.',
    '((Valley Herald)) Why did the Brussels bridge close?',
    '((Anna Kowalczyk)) The cables of the Brussels bridge were probably worn.',
    '((Valley Herald)) When will it reopen?',
    '((Anna Kowalczyk)) In March.',
  ];
  const text = [title, ...body].join('\n\n');
  const index = new CorpusIndex();
  const headings = [{ start: 0, end: title.length }];
  const prose = paragraphs(text).filter((p) => p.start > title.length);
  const src: Source = { id: 'v', path: '/virtual/v.txt', format: 'text', text, meta: { title }, prose, headings };
  index.upsert(src, analyzeSource(src));
  index.rebuild();
  const quotes = (name: string) =>
    [
      ...entityCard(
        index,
        index.entities.find((e) => e.name === name)!,
        { markdownOnly: true, claimsPerSource: 2 },
      ).markdown.matchAll(/^> (.*)$/gm),
    ].map((m) => m[1]);
  assert.match(quotes('Anna Kowalczyk')[0], /^Engineer Anna Kowalczyk designed the Brussels bridge/);
  assert.ok(!quotes('Anna Kowalczyk').some((q) => q.startsWith(title)));
  assert.match(quotes('Brussels')[0], /^Engineer Anna Kowalczyk designed the Brussels bridge/);
});
