import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from './helpers';
import { checkDraft } from '../../server/src/core/check';
import { LineMap } from '../../server/src/core/text/sentences';
import type { CorpusIndex } from '../../server/src/core/index';
import { bareEventOf } from '../../server/src/core/analyze';

// made-up places, operators and outlets: an event named by what it did, by its day, by who ran the site, and by a
// word for whatever happened
const grid = corpus([
  {
    id: 'Wire',
    text: [
      'A blackout cut power to 300,000 homes around Zelmar on Sunday. Grid operator Voltanet (VTN) said the VTN outage began at dawn.',
      'Nine people died in incidents linked to the blackout, the prosecutor said.',
    ].join('\n\n'),
  },
  {
    id: 'Chronicle',
    text: [
      'At least 14 deaths have now been linked to the Zelmar blackout, hospitals said.',
      'It was the worst outage in Ostria in decades.',
    ].join('\n\n'),
  },
  {
    id: 'Courier',
    text: 'Nine workers were killed in Tuesday night\u2019s explosion at the Kroner Chemicals plant in Harbin Point, the governor said.',
  },
  { id: 'Ledger', text: 'Investigators sifted through the rubble of the Tuesday blast. The Harbin Point tragedy shocked the region.' },
]);

const eventNamed = (idx: CorpusIndex, re: RegExp) =>
  idx.entities.filter((e) => e.type === 'event' && [e.name, ...e.aliases].some((n) => re.test(n)));

test('an event named by its doer or its day is the one event of its kind its article or the corpus places', () => {
  const [blackout, ...more] = eventNamed(grid, /Zelmar blackout/);
  assert.equal(more.length, 0);
  assert.ok(blackout.aliases.includes('VTN outage'), `aliases: ${blackout.aliases.join(', ')}`);
  assert.equal(eventNamed(grid, /Ostria/).length, 0, 'the worst outage in a place is a comparison, not a name');
  const [blast, ...others] = eventNamed(grid, /Harbin Point/);
  assert.equal(others.length, 0);
  assert.equal(grid.entity(blast.placeId!)?.name, 'Harbin Point', 'the place the site is in');
  assert.ok(
    blast.mentions.some((m) => m.sourceId === 'Ledger' && m.text === 'Tuesday blast'),
    'named by its day in an article that places no explosion: the corpus has one',
  );
  assert.ok(
    blast.mentions.some((m) => m.sourceId === 'Ledger' && /Harbin Point tragedy/.test(m.text)),
    'a word for whatever happened, at a place with one kind of event',
  );
  assert.equal(eventNamed(grid, /^Tuesday$/).length, 0, 'a day is no place');
});

test('a name tied to an event by its kind alone is left alone when the corpus has two of that kind', () => {
  const two = corpus([
    { id: 'A', text: 'The explosion in Harbin Point killed nine people.' },
    { id: 'B', text: 'The explosion in Velde injured four people.' },
    { id: 'C', text: 'Police are questioning a man over the Tuesday blast.' },
  ]);
  assert.equal(eventNamed(two, /Tuesday/).length, 0);
  assert.ok(!two.entities.some((e) => e.type === 'event' && e.mentions.some((m) => m.sourceId === 'C')));
});

test('a figure of an event the sentence names only by its kind ("The blackout killed 11 people") is read in that event', () => {
  const draft = '# After the Zelmar blackout\n\nCrews worked through the night.\n\nThe blackout killed 11 people.';
  const lines = new LineMap(draft);
  const found = checkDraft(grid, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  assert.deepEqual(
    found.map((f) => lines.position(f.span.start).line + 1),
    [5],
  );
  assert.match(found[0].message, /^No source supports “11 killed”/);
  const outlets = found[0].related.map((r) => r.sourceId).sort();
  assert.deepEqual(outlets, ['Chronicle', 'Wire'], 'the wire\u2019s "the blackout" is the one outage the corpus places');
  // a figure that fits every source's is no finding; nor is a kind of event the corpus does not place
  assert.equal(
    checkDraft(grid, draft.replace('11', 'at least nine'), { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim')
      .length,
    0,
  );
  assert.equal(
    checkDraft(grid, 'Crews worked through the night.\n\nThe flood killed 11 people.', { languageId: 'markdown' }).findings.filter(
      (f) => f.code === 'disputed-claim',
    ).length,
    0,
  );
});

test('a toll with no event or place of its own is its article\u2019s main event\u2019s, when the article asserts it', () => {
  const mine = corpus([
    { id: 'Wire', text: 'The Kloofspruit collapse killed 12 miners, the operator said.' },
    {
      id: 'Blog',
      text: [
        'Much has been written about the Kloofspruit collapse. The Kloofspruit collapse was not an act of nature.',
        'The register now lists 19 dead.',
        'It is unclear whether 40 were hurt.',
        'Two adults were seriously injured.',
      ].join('\n\n'),
    },
  ]);
  const found = checkDraft(mine, 'The Kloofspruit collapse killed 12 miners.', { languageId: 'markdown' }).findings.filter(
    (f) => f.code === 'disputed-claim',
  );
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Blog says 19 killed/);
  // the hedged sentence's figure is not the event's, nor a part of a count given as no total ("Two adults were …")
  assert.equal(
    checkDraft(mine, 'The Kloofspruit collapse injured 12 miners.', { languageId: 'markdown' }).findings.filter(
      (f) => f.code === 'disputed-claim',
    ).length,
    0,
  );
});

test('the day a draft says its event happened, against the day the sources say it did', () => {
  const meta = (outlet: string, published: string) => ({ outlet, published });
  const shaft = corpus([
    {
      id: 'Wire',
      meta: meta('Wire', '2025-03-05'),
      text: 'At least 12 miners died when part of the Kloofspruit shaft collapsed near Welkom late on Tuesday, the operator said on Wednesday.',
    },
    {
      id: 'Blog',
      meta: meta('Blog', '2025-03-11'),
      text: 'Much has been written about the Kloofspruit collapse near Welkom. The collapse happened in the early hours of Wednesday, not on Tuesday.',
    },
    {
      id: 'Gazette',
      meta: meta('Gazette', '2025-03-06'),
      text: [
        'Questions grow over the Kloofspruit collapse near Welkom.',
        'The operator told reporters that the shaft collapsed late on Tuesday night. But the shift log records the fall of ground at 01:20 on Wednesday, March 5.',
      ].join('\n\n'),
    },
  ]);
  const dated = (draft: string) =>
    checkDraft(shaft, draft, { languageId: 'markdown' }).findings.filter(
      (f) => f.code === 'disputed-claim' && /when it happened|puts it on/.test(f.message),
    );
  const [f, ...rest] = dated('# The Kloofspruit collapse\n\nThe rockfall near Welkom struck on Tuesday, March 4, during the night shift.');
  assert.equal(rest.length, 0);
  assert.match(f.message, /^The sources differ on when it happened \(“Tuesday, March 4”\): /);
  assert.match(f.message, /Blog says not Tuesday/);
  assert.match(f.message, /Gazette says 01:20 on Wednesday, March 5/, 'the contrast after a claim it reports is its own day');
  assert.match(f.message, /\(Wire says Tuesday\)/);
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))].sort(), ['Blog', 'Gazette', 'Wire']);
  assert.equal(new Set(f.related.map((r) => `${r.sourceId}:${r.span.start}`)).size, f.related.length, 'each claim once');
  // the day the others give: only the wire, which reports Tuesday, is against it; a sentence with no day is no finding
  const [wed] = dated('# The Kloofspruit collapse\n\nThe rockfall near Welkom struck on Wednesday, March 5.');
  assert.match(wed.message, /^The sources differ on when it happened \(“Wednesday, March 5”\): Wire says Tuesday \(/);
  assert.equal(dated('# The Kloofspruit collapse\n\nThe rockfall near Welkom struck during the night shift.').length, 0);
});

test('"the fire" and "this week’s collapse" refer to an event; "the fire service" does not', () => {
  assert.equal(bareEventOf('The fire killed three people.'), 'fire');
  assert.equal(bareEventOf('The fire service said two adults were injured.'), undefined);
  assert.equal(bareEventOf('Crews reached this blast site at noon.'), 'blast');
  // named by when it happened, not by name: "this week’s collapse", "Sunday’s blackout"
  assert.equal(bareEventOf('The union said 26 people died in this week’s collapse.'), 'collapse');
  assert.equal(bareEventOf("Families were without heat after Sunday's blackout."), 'blackout');
});

test('a sentence that names its event by kind gets one finding for all that applies to it (its point, its figure)', () => {
  const two = corpus([
    {
      id: 'Gazette',
      text: 'The union said 26 people died in the Kloofspruit collapse, and accused the operator of hiding the real cause of the collapse.',
    },
    { id: 'Ledger', text: 'The death toll from the Kloofspruit collapse rose to 19 on Thursday.' },
  ]);
  const found = checkDraft(two, '# The Kloofspruit collapse\n\nThe collapse killed 26 miners.', { languageId: 'markdown' }).findings.filter(
    (f) => f.code === 'disputed-claim',
  );
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    / \| No source supports “26 killed”: Ledger says 19 killed/,
    "(the union's figure comes in a sentence that doubts)",
  );
  assert.deepEqual([...new Set(found[0].related.map((r) => r.sourceId))].sort(), ['Gazette', 'Ledger']);
});

test('the day a person did something ("resigned on 11 March") is read in what the sources say of them', () => {
  const meta = (outlet: string, published: string) => ({ outlet, published });
  const cfo = corpus([
    {
      id: 'Wire',
      meta: meta('Wire', '2024-03-12'),
      text: 'Chief financial officer Pieter Smit resigned with immediate effect on Monday, 11 March, the company said.',
    },
    {
      id: 'Ledger',
      meta: meta('Ledger', '2024-03-13'),
      text: 'Pieter Smit stepped down on 4 March, a week before the company disclosed the problem.',
    },
  ]);
  const [f] = checkDraft(cfo, 'Pieter Smit resigned on 11 March.', { languageId: 'markdown' }).findings.filter(
    (x) => x.code === 'disputed-claim',
  );
  assert.match(
    f?.message ?? '',
    /^The sources differ on when it happened \(“11 March”\): Ledger says 4 March \(Wire says Monday, 11 March\)/,
  );
  assert.equal(
    checkDraft(cfo, 'Pieter Smit joined the company in 2012.', { languageId: 'markdown' }).findings.filter(
      (x) => x.code === 'disputed-claim',
    ).length,
    0,
  );
});

test('a source\'s "last Thursday" is the day its own date makes it; "on Monday" and "last week" are not read so', () => {
  const meta = (outlet: string, published: string) => ({ outlet, published });
  const docs = [
    {
      id: 'Chronicle',
      // (published on Wednesday 19 March 2025: "last Thursday" is 13 March)
      meta: meta('Chronicle', '2025-03-19'),
      text: 'The Tariff Board of Kolda announced the increase last Thursday evening, two days before the prices took effect.',
    },
    {
      id: 'Wire',
      meta: meta('Wire', '2025-03-18'),
      text: 'The Tariff Board of Kolda announced the increase on Friday, March 14, and it took effect the following day.',
    },
  ];
  const idx = corpus(docs);
  const check = (draft: string) => checkDraft(idx, draft, { languageId: 'markdown' }).findings.filter((x) => x.code === 'disputed-claim');
  // ("announced the increase" is an act the draft states, not a saying it reports)
  const [f] = check('The Tariff Board of Kolda announced the increase on 14 March.');
  assert.match(
    f?.message ?? '',
    /^The sources differ on when it happened \(“14 March”\): Chronicle says last Thursday evening \(13 March\) \(Wire says Friday, March 14\)/,
  );
  assert.equal(
    check('The Tariff Board of Kolda announced the increase on 13 March.')[0]?.message.includes('Wire says Friday, March 14'),
    true,
  );
  // a weekday with no "last" is not resolved: it may be a day to come
  const loose = corpus([{ ...docs[0], text: docs[0].text.replace('last Thursday evening', 'on Thursday evening') }, docs[1]]);
  const g = checkDraft(loose, 'The Tariff Board of Kolda announced the increase on 14 March.', { languageId: 'markdown' }).findings;
  assert.equal(g.filter((x) => x.code === 'disputed-claim').length, 0, g.map((x) => x.message).join(' | '));
  // "last week" names no day
  const week = corpus([{ ...docs[0], text: docs[0].text.replace('last Thursday evening', 'last week') }, docs[1]]);
  const h = checkDraft(week, 'The Tariff Board of Kolda announced the increase on 14 March.', { languageId: 'markdown' }).findings;
  assert.equal(h.filter((x) => x.code === 'disputed-claim').length, 0, h.map((x) => x.message).join(' | '));
});

test("the day a body's own statement, or an article about the place, gives an act that names no place", () => {
  const idx = corpus([
    {
      id: 'Courier',
      meta: { outlet: 'Courier', published: '2025-03-09' },
      text: 'Foam covered the Nandi River near Kapsoya this week.\n\nCounty inspectors say the discharge began on the night of 4 March.',
    },
    {
      id: 'Tannery',
      meta: { outlet: 'Kerio Hides Ltd', kind: 'press-release', published: '2025-03-11' },
      text: 'Statement by Kerio Hides Ltd\n\nA limited release of process water from our site began on the morning of 6 March, not on 4 March as some reports have claimed. Our new boiler began work on 2 March.',
    },
  ]);
  const [f] = checkDraft(idx, 'The discharge from the Kerio Hides Ltd tannery into the Nandi River began on the night of 4 March.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.match(f?.message ?? '', /The sources differ on when it happened \(“4 March”\): Kerio Hides Ltd says not 4 March/);
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))].sort(), ['Courier', 'Tannery']);
  // (the statement's sentences that share no word of the sentence but its verb are not read)
  assert.equal(
    checkDraft(idx, 'The Kerio Hides Ltd tannery on the Nandi River began a new shift pattern on 5 March.', {
      languageId: 'markdown',
    }).findings.filter((x) => x.code === 'disputed-claim').length,
    0,
  );
});

test('a statement\'s "today filed" is the day of its own date', () => {
  const idx = corpus([
    {
      id: 'Diario',
      meta: { outlet: 'Diario', published: '2024-10-10' },
      text: 'Corvia Hidrógeno filed for insolvency last Friday, October 4, according to court records.',
    },
    {
      id: 'Corvia',
      meta: { outlet: 'Corvia Hidrógeno', kind: 'press-release', published: '2024-10-07' },
      text: 'Corvia Hidrógeno today filed a voluntary insolvency petition with the commercial court in Oviedo.',
    },
  ]);
  const [f] = checkDraft(idx, 'Corvia Hidrógeno filed for insolvency at the court in Oviedo on Friday, 4 October.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.match(f?.message ?? '', /Corvia Hidrógeno says today \(7 October\)/);
});

test('"announced the plan would …" reports what was said: the draft does not state it', () => {
  const idx = corpus([
    {
      id: 'Wire',
      meta: { outlet: 'Wire', published: '2025-03-18' },
      text: 'The Tariff Board of Kolda announced the increase on Friday, March 14.',
    },
    {
      id: 'Chronicle',
      meta: { outlet: 'Chronicle', published: '2025-03-19' },
      text: 'The Tariff Board of Kolda announced the increase on Thursday, March 13.',
    },
  ]);
  const found = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' }).findings.filter((x) => x.code === 'disputed-claim').length;
  assert.equal(found('The Tariff Board of Kolda announced the increase on 14 March.'), 1);
  assert.equal(found('The Tariff Board of Kolda announced the increase would start on 14 March.'), 0);
  assert.equal(found('The Tariff Board of Kolda said the increase started on 14 March.'), 0);
});

test('the day an act was done ("issued a notice on 9 October") against the day a source gives it, and only that act', () => {
  const meta = (outlet: string, published: string) => ({ outlet, published });
  const water = corpus([
    {
      id: 'Wire',
      meta: meta('Wire', '2024-10-11'),
      text: 'Dravon Utilities, which traded as Corrib Supply until 2021, issued the boil-water notice on Wednesday, 9 October, after tests found a parasite in the supply of Tuam.',
    },
    {
      id: 'Weekly',
      meta: meta('Weekly', '2024-10-18'),
      text: [
        'Dravon Utilities faces questions in Tuam.',
        'The Weekly has established that the boil-water notice was issued on Monday, 7 October, not on 9 October as the company says. The council met on 3 October.',
      ].join('\n\n'),
    },
  ]);
  const claims = (draft: string) =>
    checkDraft(water, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = claims('Dravon Utilities issued a boil-water notice for Tuam, County Galway, on 9 October 2024.');
  assert.equal(rest.length, 0);
  // (the Weekly's "not on 9 October" is also the opposite of the sentence, in the article that names the town)
  assert.match(
    f?.message ?? '',
    /^The sources dispute this \(Weekly\): Weekly says the opposite: The Weekly has established .* \| The sources differ on when it happened \(“9 October”\): Weekly says not 9 October \(Wire says Wednesday, 9 October\)$/,
  );
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))].sort(), ['Weekly', 'Wire']);
  // the day the Weekly gives is for it; another act's day, a day said of saying and a sentence with no act are no finding
  assert.match(claims('Dravon Utilities issued a boil-water notice on 7 October.')[0]?.message ?? '', /Wire says Wednesday, 9 October/);
  assert.equal(claims('Dravon Utilities lifted the boil-water notice on 20 October.').length, 0, 'no source dates the lifting');
  assert.equal(claims('Dravon Utilities said on 9 October that the notice would stay.').length, 0, 'a day of saying');
  assert.equal(claims('The council met in Tuam on 3 October.').length, 0);
  // the name the company traded under, given in the same clause, is its other name
  assert.equal(water.lookupName('Corrib Supply').entityId, water.lookupName('Dravon Utilities').entityId);
});

test("a name whose first word opens the draft's sentence takes it back when the corpus knows the whole name", () => {
  const idx = corpus([{ id: 'A', text: 'Tuam residents were told by Eastern Water Services that the supply was unsafe.' }]);
  const check = checkDraft(idx, 'Eastern Water Services issued a notice for Tuam.', { languageId: 'markdown' });
  const m = check.mentions.find((x) => x.span.start === 0);
  assert.equal(m?.text, 'Eastern Water Services');
  assert.equal(idx.entity(m!.entityId)?.name, 'Eastern Water Services');
  // a sentence-initial word that makes no known name stays out
  const other = checkDraft(idx, 'Yesterday Eastern Water Services issued a notice.', { languageId: 'markdown' }).mentions.map(
    (x) => x.text,
  );
  assert.deepEqual(other, ['Eastern Water Services']);
});

test('a sum of money is compared with the same thing’s sums only (a sale, not a share price or a year’s revenue)', () => {
  const meta = (outlet: string, published: string) => ({ outlet, published });
  const sale = corpus([
    {
      id: 'Wire',
      meta: meta('Wire', '2024-03-11'),
      text: [
        "A spokesman for Veldmark Group said finance chief Joris Lammers's sale of Veldmark shares in December, worth about €900,000, was agreed in advance.",
        'Veldmark shares closed at €26.10 on Monday. Veldmark Group reported revenue of €212 million last year.',
      ].join('\n\n'),
    },
    {
      id: 'Ledger',
      meta: meta('Ledger', '2024-03-13'),
      text: 'The public register shows that Joris Lammers sold 61,000 Veldmark shares on 15 December for about €2.3 million. Veldmark Group employs 2,000 people.',
    },
  ]);
  const claims = (draft: string) => checkDraft(sale, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = claims('Joris Lammers sold Veldmark shares worth about €2.3 million in December.');
  assert.equal(rest.length, 0);
  assert.equal(f?.message, 'The sources differ on “about €2.3 million”: Wire says about €900,000 (Ledger says about €2.3 million)');
  assert.deepEqual(
    f.related.map((r) => r.sourceId),
    ['Wire', 'Ledger'],
  );
  // the other side's sum is disputed as well; a sum no source gives for the thing, a share price and a revenue are no finding
  assert.match(
    claims('Lammers sold Veldmark shares for €900,000.')[0]?.message ?? '',
    /: Ledger says about €2\.3 million \(Wire says about €900,000\)$/,
  );
  assert.equal(claims('Veldmark Group paid €5 million for a new crane.').length, 0, 'no source gives the crane’s price');
  assert.equal(claims('Veldmark shares closed at €25 on Monday.').length, 0, 'a price is not a sum of the sale');
  assert.equal(claims('Veldmark Group reported revenue of €212 million.').length, 0);
});

// made-up town, union and outlets: the figures of a story told without naming where, in articles whose opening does
const strike = corpus([
  {
    id: 'Gazette',
    text: [
      'Dock strike in Valmora',
      'By Ines Farrow',
      'VALMORA - Dockers walked out at the port of Valmora on Monday in a dispute over shift pay.',
      'Police said about 1,500 people took part in the march to the town hall.',
      'Officers said 14 people had been arrested.',
    ].join('\n\n'),
  },
  {
    id: 'Dockers Union',
    text: [
      'Statement on the Valmora strike',
      'Our members in Valmora stopped work on Monday morning.',
      'More than 9,000 people marched with us, and at least 61 people were arrested by the end of the day.',
      'In a separate protest in Corvena, 12 people were arrested.',
    ].join('\n\n'),
  },
  {
    id: 'Ledger',
    text: [
      'Valmora port halts as dockers strike',
      'The port of Valmora was idle on Monday as dockers struck.',
      'Police in Valmora said 14 people were arrested.',
      'Three officers were slightly injured, the police said.',
    ].join('\n\n'),
  },
]);

test("a figure no sentence scopes is its article's story's when the article's opening names the place", () => {
  const findings = (text: string) =>
    checkDraft(strike, text, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  // the union's count names no place, but its statement opens on Valmora
  const arrests = findings('Police in Valmora arrested 14 people.');
  assert.equal(arrests.length, 1);
  assert.match(arrests[0].message, /Dockers Union says at least 61 arrested/);
  assert.doesNotMatch(arrests[0].message, /12 arrested/, 'the figure after a sentence naming another place is not this one');
  // a crowd: the police's figure against the union's
  const crowd = findings('About 1,500 people marched through Valmora on Monday.');
  assert.equal(crowd.length, 1);
  assert.match(crowd[0].message, /differ on “about 1,500 in the crowd”: Dockers Union says more than 9,000 in the crowd/);
  // a part ("slightly injured") is not the toll, and a source's figure of the place by name is its own
  assert.equal(findings('Nobody was injured in Valmora, where 40 people were injured.').length, 0);
});

test('jobs lost and crowds are figures of their own measures', () => {
  const plant = corpus([
    {
      id: 'Tribune',
      text: [
        'Brannock mill to close',
        'The Brannock paper mill in Ballarat will close in June, its owner Lorimer Paper said.',
        'The company said 420 jobs would be lost.',
      ].join('\n\n'),
    },
    {
      id: 'Workers Voice',
      text: [
        'Ballarat mill closure',
        'The closure of the mill in Ballarat was announced on Friday.',
        'About 700 workers will lose their jobs, the union said.',
      ].join('\n\n'),
    },
  ]);
  const found = checkDraft(plant, 'In Ballarat, 420 people will lose their jobs.', { languageId: 'markdown' }).findings.filter(
    (f) => f.code === 'disputed-claim',
  );
  assert.equal(found.length, 1);
  assert.match(found[0].message, /differ on “420 jobs lost”: Workers Voice says about 700 jobs lost \(Tribune says 420 jobs lost\)/);
  assert.deepEqual(
    found[0].related.map((r) => r.sourceId),
    ['Workers Voice', 'Tribune'],
  );
});

test('a sum that two sources agree on against the draft’s is a finding; rand and ISO codes are currencies', () => {
  const grant = corpus([
    { id: 'Herald', text: 'Harbury Foods received an R80 million grant from the Coastal Jobs Fund in 2021.' },
    { id: 'Wire', text: 'The Coastal Jobs Fund gave Harbury Foods an R80 million grant, the fund said.' },
    { id: 'Post', text: 'In 2021 Harbury Foods was also lent CHF 4 million by a Swiss bank.' },
  ]);
  const claims = (draft: string) =>
    checkDraft(grant, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = claims('In 2021 Harbury Foods received an R120 million grant from the Coastal Jobs Fund.');
  assert.equal(rest.length, 0);
  assert.equal(f?.message, 'No source supports “R120 million”: Herald says R80 million; Wire says R80 million');
  // one source's other sum is not enough to say no source supports a sum
  assert.equal(claims('Harbury Foods was lent CHF 9 million by a Swiss bank.').length, 0);
});

test('a denial of what a clause says ("…, which the company denies") is about that clause’s act only', () => {
  const audit = corpus([
    {
      id: 'Auditor',
      text: 'Harbury Foods received an R80 million grant from the Coastal Jobs Fund in 2021. Harbury Foods repaid the grant 14 months late, the auditor found.',
    },
    {
      id: 'Checker',
      text: 'Other claims: the auditor reported that Harbury Foods repaid an R80 million provincial grant from the Coastal Jobs Fund late, which the company denies.',
    },
  ]);
  const disputes = (draft: string) =>
    checkDraft(audit, draft, { languageId: 'markdown' }).findings.filter(
      (f) => f.code === 'disputed-claim' && /Checker denies/.test(f.message),
    );
  assert.equal(disputes('Harbury Foods repaid the R80 million grant from the Coastal Jobs Fund late.').length, 1);
  assert.equal(
    disputes('In 2021 Harbury Foods received an R80 million provincial grant from the Coastal Jobs Fund.').length,
    0,
    'receiving it is not denied',
  );
});

test('a capital after a number in mid-sentence is a name, as after a lower-case word ("In 2019 Osprey received …")', () => {
  const idx = corpus([
    { id: 'Wire', text: 'Osprey Home Appliances will close its plant. The company said Osprey had lost money for years.' },
  ]);
  const names = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' }).mentions.map((m) => `${m.text} → ${idx.entity(m.entityId)?.name}`);
  assert.deepEqual(names('In 2019 Osprey received a grant.'), ['Osprey → Osprey Home Appliances']);
  assert.deepEqual(names('Last year Osprey received a grant.'), ['Osprey → Osprey Home Appliances']);
});

test('a share is compared with the same thing’s shares in what the sources say of the sentence’s names', () => {
  const trial = corpus([
    {
      id: 'Journal',
      text: 'In the Tamsin trial, the inhaler Brevoxa cut severe asthma attacks by 41% against placebo, the Harwick Institute said.',
    },
    { id: 'Wire', text: 'Researchers at the Harwick Institute said Brevoxa cut severe asthma attacks by 27% in the Tamsin trial.' },
    { id: 'Paper', text: 'The Harwick Institute said 12% of the patients in the trial left it early.' },
  ]);
  const claims = (draft: string) =>
    checkDraft(trial, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = claims('In the Tamsin trial, Brevoxa cut severe asthma attacks by 41%.');
  assert.equal(rest.length, 0);
  assert.equal(f?.message, 'The sources differ on “41%”: Wire says 27% (Journal says 41%)');
  // another share of the story is another thing
  assert.equal(claims('In the Tamsin trial, 12% of the patients left early.').length, 0);
});

test('a time taken is compared with the same thing’s times in the sources, whatever its unit', () => {
  const line = corpus([
    { id: 'Gazette', text: 'The tram line opened 14 months late, the Corvale Transit Authority said.' },
    { id: 'Wire', text: 'The tram line opened more than two years late, an audit of the Corvale Transit Authority found.' },
    // (another time of the story, with one word of the draft's near it: not the same thing)
    { id: 'Post', text: 'The Corvale Transit Authority bought its new trams 11 months after the tender.' },
  ]);
  const claims = (draft: string) => checkDraft(line, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = claims('The Corvale Transit Authority opened the new tram service 14 months late.');
  assert.equal(rest.length, 0);
  assert.equal(f?.message, 'The sources differ on “14 months”: Wire says more than two years (Gazette says 14 months)');
  // 25 months is more than two years: the other side
  assert.match(
    claims('The Corvale Transit Authority opened the new tram service 25 months late.')[0]?.message ?? '',
    /differ on “25 months”: Gazette says 14 months \(Wire says more than two years\)$/,
  );
});

test('a share far from what it is of is still compared with the same thing’s ("18 of the 46 ferries licensed on the route, nearly 40 percent")', () => {
  const route = corpus([
    {
      id: 'Ledger',
      text: 'A Ledger review of registry documents for the 46 ferries licensed on the Kowloon route found that 18 of them, nearly 40 percent, were sailing without a valid safety certificate.',
    },
    {
      id: 'Wire',
      text: 'Fewer than 5 percent of the ferries on the Kowloon route lack a valid safety certificate, the harbour board said.',
    },
  ]);
  const [f, ...rest] = checkDraft(
    route,
    'Nearly 40 percent of the ferries on the Kowloon route are sailing without a valid safety certificate.',
    {
      languageId: 'markdown',
    },
  ).findings.filter((x) => x.code === 'disputed-claim');
  assert.equal(rest.length, 0);
  assert.equal(f?.message, 'The sources differ on “Nearly 40 percent”: Wire says Fewer than 5 percent (Ledger says nearly 40 percent)');
});
