import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { checkDraft } from '../../server/src/core/check';

// Articles written for these tests. The fillers give the corpus ordinary words in many articles, so that a
// story is recognised by its rarer words.
const FILLERS = [
  'The town council approved a new budget on Monday. Councillors said the money would go to roads and schools. The vote was close.',
  'Heavy rain closed two roads near the river on Tuesday. Police said drivers should avoid the area. The rain is expected to stop on Friday.',
  'The local football club won its third match in a row. The coach said the players were tired but happy. Fans celebrated in the town square.',
  'A new bakery opened on the high street. The owner said she had saved for ten years. Customers queued around the block on the first day.',
  'Schools will close early on Friday for the holiday. Parents were told by letter. The council said buses would run as normal.',
  'The museum will show paintings from a private collection. The curator said the works had never been seen in public. Tickets go on sale next week.',
];
const fillers = FILLERS.map((text, i) => ({ id: `filler-${i}`, text }));

const DEBUNK = {
  id: 'Shore Gazette',
  text: [
    'A photo said to show a giant squid washed up on the beach at Port Alder has been shared thousands of times.',
    'The picture turned out to be fake.',
    'The image was first posted years ago with a different caption, a marine biologist said.',
  ].join(' '),
};

const disputed = (idx: ReturnType<typeof corpus>, draft: string) =>
  checkDraft(idx, draft, { languageId: 'plaintext' }).findings.filter((f) => f.code === 'disputed-claim');

test('an article calling the story itself fake disputes a draft that asserts it, without repeating its words', () => {
  const idx = corpus([...fillers, DEBUNK]);
  const f = disputed(idx, 'A giant squid washed up on the beach at Port Alder.');
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.ok(f[0].related.some((r) => r.sourceId === 'Shore Gazette'));
  assert.match(f[0].related.map((r) => r.message).join(' '), /turned out to be fake/);
});

test('a story called real, not fake, disputes nothing', () => {
  const idx = corpus([
    ...fillers,
    {
      id: 'Shore Gazette',
      text: [
        'A photo said to show a giant squid washed up on the beach at Port Alder has been shared thousands of times.',
        'The picture is not fake, a marine biologist said.',
      ].join(' '),
    },
  ]);
  assert.deepEqual(disputed(idx, 'A giant squid washed up on the beach at Port Alder.'), []);
});

test('a refutation of another story does not dispute the draft', () => {
  const idx = corpus([
    ...fillers,
    {
      id: 'Lisbon Wire',
      text: 'A video of a bear riding a bicycle through Lisbon went viral this week. The video turned out to be fake.',
    },
    {
      id: 'Shore Gazette',
      text: 'A giant squid washed up on the beach at Port Alder on Sunday. Crowds gathered to see it before the tide came in.',
    },
  ]);
  assert.deepEqual(disputed(idx, 'A giant squid washed up on the beach at Port Alder.'), []);
});

test('a draft that itself negates the story agrees with the refutation', () => {
  const idx = corpus([...fillers, DEBUNK]);
  const f = disputed(idx, 'No giant squid washed up on the beach at Port Alder.');
  // (the negated-contradiction rule may still meet the article's report of the photo; the refutation does not)
  assert.ok(!f.some((x) => x.disputeIds?.some((id) => id.startsWith('denial-'))), JSON.stringify(f));
});

test('a factive verb ("confirmed") asserts what it reports; "said" only attributes it', () => {
  const idx = corpus([...fillers, DEBUNK]);
  assert.equal(disputed(idx, 'Officials confirmed a giant squid washed up on the beach at Port Alder.').length, 1);
  assert.deepEqual(disputed(idx, 'Officials said a giant squid washed up on the beach at Port Alder.'), []);
});

test('headline labels ("BREAKING:", "WATCH:", "(UPDATED)") are not part of what the story is about', () => {
  const idx = corpus([
    ...fillers,
    DEBUNK,
    { id: 'Council News', text: 'Watch the video of the council meeting: the agenda was updated after breaking news about the budget.' },
  ]);
  const f = disputed(idx, 'BREAKING NEWS: WATCH: Giant squid washed up on a beach (VIDEO)');
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.ok(f[0].related.some((r) => r.sourceId === 'Shore Gazette'));
});

test('a doubt sharing only a name and one word with the draft is about another point', () => {
  const idx = corpus([
    ...fillers,
    {
      id: 'Tech Daily',
      text: [
        'The new Veltrix tablet will be thinner and lighter than the current model, according to supply-chain documents.',
        'It is unclear whether Veltrix will delay the launch of the model until the autumn.',
      ].join(' '),
    },
  ]);
  assert.deepEqual(disputed(idx, 'The new Veltrix tablet is thinner and lighter than the current model.'), []);
});

test('an article naming two of the draft entities that calls the report untrue disputes it', () => {
  const quell = {
    id: 'Sports Desk',
    text: [
      'Marta Quell was signed by Oxley United last week, several sports sites claimed.',
      'Quell said on Sunday that the rumours are untrue and that she is staying at her club.',
    ].join(' '),
  };
  const idx = corpus([...fillers, quell]);
  const draft =
    'Oxley United signed Marta Quell before the football match, fans in the town square celebrated, and the museum curator queued for tickets.';
  const f = disputed(idx, draft);
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.ok(f[0].related.some((r) => r.sourceId === 'Sports Desk'));
  // one shared name is not enough to be about the same point
  assert.deepEqual(disputed(idx, 'Marta Quell signed copies of her book at the new bakery on the high street.'), []);
});

test('an article is weighed with the words too common to index: a denial sharing only those and two names disputes the draft', () => {
  // "police" and "arrested" in every report: too common (over a tenth of the articles) to have lists of their own
  const towns = ['Alder', 'Brook', 'Carrow', 'Dunmore', 'Elsworth', 'Fenby', 'Garth', 'Holm', 'Ivel', 'Jarrow', 'Kelby', 'Lund'];
  const reports = towns.flatMap((town, i) => [
    { id: `report-${i}`, text: `Police arrested a man in ${town} on Monday after a fight outside a bar. He was released on Tuesday.` },
    { id: `report-b-${i}`, text: `Police in ${town} arrested two teenagers for stealing bicycles. Their parents were told on Wednesday.` },
  ]);
  const denial = {
    id: 'Harbour Post',
    text: 'Anna Berg and Karl Lind denied that police arrested them, and a lawyer for the pair called the account false.',
  };
  // the draft's other words in an article of their own: rarer than the names, so the denial covers too little of
  // the sentence to be about the same story, and only the point it shares (two names, "police", "arrested") is left
  const chase = {
    id: 'Coast Weekly',
    text: 'A long chase through the marshes near the harbour at Ostmark ended when the boat ran aground.',
  };
  const idx = corpus([...fillers, ...reports, chase, denial]);
  const f = disputed(idx, 'Police arrested Anna Berg and Karl Lind at the harbour in Ostmark after a long chase through the marshes.');
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.ok(f[0].related.some((r) => r.sourceId === 'Harbour Post'));
  assert.ok(
    f[0].disputeIds?.some((id) => id.startsWith('denial-')),
    JSON.stringify(f[0].disputeIds),
  );
});
