import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewsInText } from '../../server/src/corpus/claimreview';
import { corpus } from './helpers';
import { analyzeSource } from '../../server/src/core/analyze';
import { checkDraft, type ParagraphCache } from '../../server/src/core/check';
import { LineMap } from '../../server/src/core/text/sentences';
import { sourceName } from '../../server/src/core/model';
import { isRebuttal } from '../../server/src/core/claims/stance';
import { turnSpeakers } from '../../server/src/core/analyze';
import { paragraphs } from '../../server/src/core/text/sentences';

const idx = corpus([
  {
    id: 'Coast Courier',
    text: [
      'The Oostkade ferry collision killed 12 people and injured more than 40, the coast guard said.',
      'Captain Hendrik Vos said the ferry had been inspected in March.',
      'It is unclear whether the radar on the Zeemeeuw ferry was working at the time.',
    ].join('\n\n'),
  },
  {
    id: 'Harbour Post',
    text: [
      'Port official Greta Lindqvist said the crew acted alone and ignored the harbour pilot.',
      'In fact, radio logs reviewed by investigators show the crew in close contact with the pilot throughout.',
      'The ferry operator Nordline was not responsible for the Oostkade ferry collision, its lawyers said.',
      'The Oostkade ferry collision was caused by Nordline, according to the union.',
    ].join('\n\n'),
  },
]);

const findings = (draft: string) => {
  const r = checkDraft(idx, draft, { languageId: 'markdown' });
  const lines = new LineMap(draft);
  return r.findings.map((f) => ({ ...f, line: lines.position(f.span.start).line + 1 }));
};

test('a figure no source supports is a disputed-claim naming what the sources say', () => {
  const f = findings('The Oostkade ferry collision killed 30 people.');
  const d = f.find((x) => x.code === 'disputed-claim');
  assert.ok(d, JSON.stringify(f));
  assert.match(d.message, /12 killed/);
  assert.ok(d.related.some((r) => r.sourceId === 'Coast Courier'));
});

test('a supported figure, and a figure with a qualifier that overlaps, are clean', () => {
  assert.equal(findings('The Oostkade ferry collision killed 12 people.').filter((x) => x.code === 'disputed-claim').length, 0);
  assert.equal(
    findings('The Oostkade ferry collision injured 55 people.').filter((x) => x.code === 'disputed-claim').length,
    0,
    'more than 40 allows 55',
  );
});

test('asserting a point a source calls unclear is a disputed-claim; hedging it in the draft is not', () => {
  const f = findings('The radar on the Zeemeeuw ferry was working.');
  assert.ok(
    f.some((x) => x.code === 'disputed-claim'),
    JSON.stringify(f.map((x) => x.message)),
  );
  const hedged = findings('It is not known whether the radar on the Zeemeeuw ferry was working.');
  assert.ok(!hedged.some((x) => x.code === 'disputed-claim'));
});

test('a reported claim that the source contests is matched by meaning ("had no accomplices" ~ "acted alone")', () => {
  const f = findings('The crew had no accomplices and ignored the harbour pilot.');
  const d = f.find((x) => x.code === 'disputed-claim');
  assert.ok(d, JSON.stringify(f.map((x) => x.message)));
  assert.ok(d.related.some((r) => r.sourceId === 'Harbour Post'));
});

test('responsibility asserted by one side and denied by another', () => {
  const f = findings('Nordline caused the Oostkade ferry collision.');
  assert.ok(
    f.some((x) => x.code === 'disputed-claim'),
    JSON.stringify(f.map((x) => x.message)),
  );
});

test('a near-miss of a known name is an unknown-spelling hint with the fix', () => {
  const f = findings('Captain Hendrik Voss spoke to Greta Lindqvsit.');
  const sp = f.filter((x) => x.code === 'unknown-spelling');
  assert.ok(
    sp.some((x) => x.suggestions?.includes('Lindqvist')),
    JSON.stringify(sp),
  );
});

test('suppression directives and severities', () => {
  const draft =
    '<!-- corroborate-disable-next-line disputed-claim -->\nThe Oostkade ferry collision killed 30 people.\n\nThe Oostkade ferry collision killed 31 people.';
  const f = findings(draft).filter((x) => x.code === 'disputed-claim');
  assert.deepEqual(
    f.map((x) => x.line),
    [4],
  );
  const off = checkDraft(idx, 'The Oostkade ferry collision killed 30 people.', { severities: { 'disputed-claim': 'off' } });
  assert.equal(off.findings.filter((x) => x.code === 'disputed-claim').length, 0);
  const err = checkDraft(idx, 'The Oostkade ferry collision killed 30 people.', { severities: { 'disputed-claim': 'error' } });
  assert.equal(err.findings.find((x) => x.code === 'disputed-claim')?.severity, 'error');
});

test('code, URLs and front matter in a Markdown draft are not read', () => {
  const draft =
    '---\ntitle: Hendrik Voss\n---\n\n`Greta Lindqvsit` and https://example.invalid/Greta-Lindqvsit are skipped.\n\n```\nThe Oostkade ferry collision killed 30 people.\n```\n';
  assert.equal(findings(draft).length, 0);
});

test('a source with no outlet is named by its title, else its file name, never its full path', () => {
  const idx = corpus([
    {
      id: '/home/writer/sources/2019/harbour-report.txt',
      text: 'The harbour master said the ferry sank on Monday.',
      meta: { title: 'Ferry sinks off Port Alder' },
    },
    {
      id: '/home/writer/sources/2019/denial.txt',
      text: 'The ferry company denied that the ferry sank, calling the report false.',
      meta: {},
    },
  ]);
  const points = idx.disputes.map((d) => d.point);
  assert.ok(points.length > 0, 'a dispute to name');
  assert.ok(
    points.every((p) => !p.includes('/home/writer')),
    JSON.stringify(points),
  );
  assert.ok(
    points.some((p) => p.startsWith('denial.txt ')),
    JSON.stringify(points),
  );
  const f = checkDraft(idx, 'The ferry sank on Monday, the harbour master said.', { languageId: 'plaintext' }).findings;
  for (const x of f) assert.ok(!x.message.includes('/home/writer'), x.message);
  assert.equal(sourceName({ meta: { outlet: 'Reuters', title: 'T' } }, '/a/b.txt'), 'Reuters');
  assert.equal(sourceName({ meta: { title: 'Ferry sinks' } }, '/a/b.txt'), 'Ferry sinks');
  assert.equal(sourceName({ meta: {} }, 'C:\\sources\\b.txt'), 'b.txt');
  assert.equal(sourceName(undefined, 'b.txt'), 'b.txt');
});

test('a concession about something else does not contest the sentence before it; a contrast with what was said does', () => {
  const contested = (second: string) =>
    corpus([{ id: 'Valley Herald', text: `The elephant was injured in the river, wildlife officials said. ${second}` }]).disputes.filter(
      (d) => d.kind === 'contested',
    ).length;
  assert.equal(contested('Despite attempts by the officials to lure the elephant out, it stayed in the river for a week.'), 0);
  assert.equal(contested('Instead, the elephant stayed in the river, the officials said later.'), 0);
  assert.equal(contested('Despite the officials’ assurances, the elephant was not injured in the river, a vet said.'), 1);
  assert.equal(contested('However, the elephant was not injured in the river, a vet said.'), 1);
});

test('a contested side named for its speaker does not name the speaker twice', () => {
  const idx = corpus([
    {
      id: 'Valley Herald',
      text: '“The bridge over the river is safe,” she told reporters on Monday. However, engineers said on Tuesday that the bridge over the river is not safe.',
    },
  ]);
  const related = checkDraft(idx, 'The bridge over the river is safe.', { languageId: 'plaintext' }).findings.flatMap((f) =>
    f.related.map((r) => r.message),
  );
  const says = related.filter((m) => m.includes('she says'));
  assert.ok(says.length > 0, JSON.stringify(related));
  for (const m of says) assert.ok(!m.includes('(citing she)') && !m.includes('(quoting she)'), m);
});

test('a speaker going on ("Murphy claimed … However, she claimed …") is not another voice contesting them', () => {
  const contested = (text: string) => corpus([{ id: 'Valley Herald', text }]).disputes.filter((d) => d.kind === 'contested').length;
  assert.equal(
    contested(
      'Mayor Ellen Murphy claimed she closed the bridge over the river on her own. However, she claimed the bridge over the river was closed after threats.',
    ),
    0,
  );
  assert.equal(
    contested(
      'Mayor Ellen Murphy claimed she closed the bridge over the river on her own. However, engineers claimed the bridge over the river was closed after threats.',
    ),
    1,
  );
});

test('a source saying the opposite disputes a draft; one saying only that it is not confirmed does not', () => {
  const draft = 'Karel Novak is the gunman in the Oostkade harbour shooting.';
  const disputed = (text: string) =>
    checkDraft(corpus([{ id: 'Coast Courier', text }]), draft, { languageId: 'markdown' }).findings.filter(
      (f) => f.code === 'disputed-claim',
    );
  assert.equal(disputed('Karel Novak is not the gunman in the Oostkade harbour shooting, police said.').length, 1);
  assert.equal(disputed('Police have not officially confirmed that Karel Novak is the gunman in the Oostkade harbour shooting.').length, 0);
  assert.equal(disputed('It has not yet been confirmed that Karel Novak is the gunman in the Oostkade harbour shooting.').length, 0);
});

test('a draft that itself calls something false agrees with the article that denies it', () => {
  const index = corpus([
    { id: 'Valley Herald', text: 'The viral video of the Oostkade bridge rescue is a hoax, the Oostkade police said on Monday.' },
  ]);
  const disputed = (draft: string) =>
    checkDraft(index, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim').length;
  assert.equal(disputed('The viral video of the Oostkade bridge rescue was filmed by a tourist.'), 1);
  assert.equal(disputed('The viral video of the Oostkade bridge rescue was staged by a tourist.'), 0);
});

// three outlets on one explosion at a made-up town: two give at least 14 dead, one gives nine (a toll that rose in one
// of them is no dispute)
const blast = corpus([
  {
    id: 'Wire',
    text: 'At least 14 people were killed when a tank exploded at a chemical plant in Kessmoor late on Tuesday, hospital officials said.',
  },
  { id: 'Courier', text: 'Nine people were killed in the explosion at the chemical plant in Kessmoor, the governor said on Thursday.' },
  {
    id: 'Ledger',
    text: [
      'Officials first said 9 people were killed at the Kessmoor plant.',
      'By Friday the toll at the Kessmoor plant had risen: at least 14 people were killed, the union said.',
    ].join('\n\n'),
  },
]);
const blastFindings = (draft: string) => {
  const lines = new LineMap(draft);
  return checkDraft(blast, draft, { languageId: 'markdown' })
    .findings.filter((f) => f.code === 'disputed-claim')
    .map((f) => ({ ...f, line: lines.position(f.span.start).line + 1, outlets: f.related.map((r) => r.sourceId) }));
};

test('a figure the sources differ on: a disputed-claim citing the source against it, with the one for it', () => {
  const [f, ...rest] = blastFindings(
    'A tank exploded at the chemical plant in Kessmoor.\n\nThe explosion in Kessmoor killed at least 14 people.',
  );
  assert.equal(rest.length, 0);
  assert.equal(f.line, 3);
  assert.match(f.message, /^The sources differ on “at least 14 killed”: Courier says 9 killed \(/);
  assert.deepEqual(f.outlets.slice(0, 1), ['Courier']);
  assert.ok(f.outlets.includes('Wire'), 'the source for it is shown too');
  assert.ok(!/Ledger says 9/.test(f.message), 'a source whose toll rose to the figure does not count against it');
  // the figure no source gives: against all three
  const [g] = blastFindings('The explosion in Kessmoor killed 12 people.');
  assert.match(g.message, /^No source supports “12 killed”/);
  // the figure every source gives at some point
  assert.equal(blastFindings('The explosion in Kessmoor killed nine people, the governor said at first.').length, 0);
});

test('a figure in a sentence that names no place or event is read in those of the sentence before it, within its section', () => {
  const draft = [
    '# Plant blast',
    '',
    'A tank exploded at the chemical plant in Kessmoor late on Tuesday.',
    '',
    'The explosion killed at least 14 people.',
    '',
    '# Elsewhere',
    '',
    'The explosion killed at least 14 people.',
  ].join('\n');
  const f = blastFindings(draft);
  assert.deepEqual(
    f.map((x) => x.line),
    [5],
    'the first section names Kessmoor; the second names nowhere',
  );
  assert.match(f[0].message, /Courier says 9 killed/);
  // the same through a paragraph cache, and after an edit elsewhere (the context's result is kept and followed)
  const cache: ParagraphCache = { indexVersion: blast.version, entries: new Map() };
  const once = checkDraft(blast, draft, { languageId: 'markdown', cache }).findings.filter((x) => x.code === 'disputed-claim');
  assert.equal(once.length, 1);
  const edited = draft.replace('in Kessmoor late', 'in Lindvale late');
  assert.equal(
    checkDraft(blast, edited, { languageId: 'markdown', cache }).findings.filter((x) => x.code === 'disputed-claim').length,
    0,
    'a place no source counts: nothing to compare',
  );
  assert.equal(checkDraft(blast, draft, { languageId: 'markdown', cache }).findings.filter((x) => x.code === 'disputed-claim').length, 1);
});

test('a near-miss is fixed to the name as the sources write it, capitals inside it too', () => {
  const idx2 = corpus([
    { id: 'Courier', text: 'Governor Hesham Abdel-Ghaffar and Moira McAllister visited the Kessmoor plant on Wednesday.' },
  ]);
  const sugg = (draft: string) =>
    checkDraft(idx2, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'unknown-spelling')
      .flatMap((f) => f.suggestions ?? []);
  assert.deepEqual(sugg('Governor Abdel-Gaffar closed the plant.'), ['Abdel-Ghaffar']);
  assert.deepEqual(sugg('Moira McAlister spoke.'), ['McAllister']);
});

test('a draft sentence that shares only a person and their role with a contested claim is not that claim', () => {
  const idx3 = corpus([
    {
      id: 'Signal',
      text: [
        'At a news conference on Monday, Kessler\u2019s chief executive, Maarten Oosterbeek, said the remote gateway had been fully patched in March.',
        'In fact, scan data shows Kessler\u2019s gateway still ran the old, vulnerable firmware three days before the attack.',
      ].join('\n\n'),
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx3, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim').length;
  assert.equal(disputed('Chief executive Maarten Oosterbeek apologised to customers.'), 0);
  assert.equal(disputed('The remote gateway had been fully patched in March, chief executive Maarten Oosterbeek said.'), 0, 'attributed');
  assert.equal(disputed('The remote gateway had been fully patched in March.'), 1, 'the point itself, in the draft\u2019s voice');
});

test('a kinship disclaimer naming the draft\u2019s person says nothing against it ("X is not related to Y")', () => {
  const idx4 = corpus([
    {
      id: 'Weekly',
      text: 'Rosa Ferreira is not related to António Ferreira, the volunteer firefighter from the Sertã brigade who died on Sunday.',
    },
    { id: 'Wire', text: 'A volunteer firefighter, António Ferreira, 52, died on Sunday night near Sertã.' },
  ]);
  const disputed = checkDraft(idx4, 'The fire killed António Ferreira, a 52-year-old volunteer firefighter from Sertã.', {
    languageId: 'markdown',
  }).findings.filter((f) => f.code === 'disputed-claim');
  assert.deepEqual(disputed, []);
});

test('a reported claim and a flat rebuttal after it ("It did not.") is a contested statement', () => {
  const idx5 = corpus([
    {
      id: 'Blog',
      text: 'Van Tonder told the Ledger that "Kloofspruit passed every safety inspection in the past two years". It did not. In August inspectors stopped all work on the 71 level.',
    },
    { id: 'Wire', text: 'Kloofspruit is a gold mine near Welkom.' },
  ]);
  const [f] = checkDraft(idx5, 'Kloofspruit had passed every safety inspection in the two years before the collapse.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.ok(f, 'a finding');
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))], ['Blog']);
  assert.match(f.message, /contested: It did not\./);
  for (const s of ['It did not.', 'That is false.', '"Not so."', 'None of this happened.'])
    assert.equal(isRebuttal(s), s !== 'None of this happened.', s);
  assert.equal(isRebuttal('It did not rain on Monday, when the final was played in Welkom.'), false);
});

test('a source accusing someone of hiding the real cause doubts the cause a draft gives', () => {
  const idx6 = corpus([
    {
      id: 'Gazette',
      text: 'The union said on Thursday that 26 people died in the Kloofspruit collapse, and accused the operator of hiding the real cause of the disaster behind talk of an earthquake.',
    },
  ]);
  const [f] = checkDraft(idx6, 'The Kloofspruit collapse was triggered by an earthquake beneath the mine.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.ok(f, 'a finding');
  assert.match(f.message, /Gazette questions/);
});

test('a fact-check written as text: its labels are no voices, its rating lines deny no story, its ratings need the point', () => {
  const idx7 = corpus([
    {
      id: 'Desk',
      text: [
        'Fact check: Were Kilmore\u2019s water samples clear before the boil-water notice?',
        'CLAIM: "Every sample of treated water taken at the Kilmore plant before the notice came back clear." - Minister Ann Dunne, 15 October',
        'VERDICT: FALSE',
        'A laboratory report dated 2 October records the parasite in a sample of treated water taken at the Kilmore plant.',
        'CLAIM: "The heavy rain overwhelmed the filters." - Kilmore Water, 11 October',
        'VERDICT: MISLEADING',
        'The plant\u2019s disinfection unit had been out of service since 19 September.',
      ].join('\n\n'),
    },
    { id: 'Wire', text: 'Kilmore Water issued a boil-water notice for Kilmore on 9 October. The notice covered 5,600 households.' },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx7, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  // the claim rated false, in other words
  const [f] = disputed('Treated-water samples taken at the Kilmore plant before the notice showed no trace of the parasite.');
  assert.deepEqual([...new Set(f?.related.map((r) => r.sourceId))], ['Desk']);
  // sentences of the same story that say nothing the desk rated
  for (const s of ['The notice covered about 5,600 households in Kilmore.', 'The Kilmore plant will be audited.'])
    assert.deepEqual(disputed(s), [], s);
  // no turn of a "CLAIM" or "VERDICT" voice: the article is no transcript
  const text = idx7.sources.get('Desk')!.text;
  const spans = paragraphs(text).map((span, paragraph) => ({ span, heading: false, paragraph }));
  assert.equal(turnSpeakers(text, spans).size, 0);
});

test('a denial that something was done ("denied a report that its head of audit, X, had been suspended") is about that act', () => {
  const idx5 = corpus([
    {
      id: 'Ledger',
      text: 'Veldmark Group also denied a report on a financial news website that its head of internal audit, Marit Hoekstra, had been suspended.',
    },
    { id: 'Wire', text: 'Marit Hoekstra has headed internal audit at Veldmark Group since 2019, the company said.' },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx5, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  assert.deepEqual(disputed('Marit Hoekstra has headed internal audit at Veldmark Group since 2019.'), []);
  assert.match(
    disputed('Marit Hoekstra, the head of internal audit at Veldmark Group, has been suspended.')[0]?.message ?? '',
    /Ledger denies/,
  );
});

test('what a denial denies: the sentence before "that was not true", what "is simply not true", what "never happened"', () => {
  const idx6 = corpus([
    {
      id: 'Herald',
      text: [
        'Talvik Appliances will close its stove factory in Umlazi by 30 September, the company said on Thursday.',
        'The union said 900 jobs would go. "The company\u2019s figure is simply not true," said Sipho Dlamini, the union\u2019s secretary.',
        'On Friday a spokeswoman for Talvik Appliances said employees had been told in person at staff briefings on 10 June. Lindiwe Dlamini, the shop steward at the plant, said that was not true.',
        'Outside the gates, Themba Dlamini (no relation), who has driven a forklift at the Talvik plant for 22 years, said he did not know how he would pay the fees.',
      ].join('\n\n'),
    },
    {
      id: 'Statement',
      text: 'Talvik Appliances said it would move production of stoves to Germiston. "They were met with batons, and now they are told it never happened," said Ana Quispe of the rights group.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx6, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  // not about what is denied: no finding
  assert.deepEqual(disputed('Talvik Appliances will close its stove factory in Umlazi by the end of September.'), []);
  assert.deepEqual(disputed('Talvik Appliances plans to move stove production to Germiston.'), []);
  assert.deepEqual(disputed('Themba Dlamini has driven a forklift at the Talvik plant for 22 years.'), []);
  // what is denied: a finding citing the denial
  assert.match(
    disputed('Talvik Appliances held staff briefings on 10 June to tell employees in person.').join(' | '),
    /Lindiwe Dlamini, the shop steward at the plant, said that was not true/,
  );
});

test('a body\'s first word is its short name ("Kestrel"), and a draft sentence\'s first word the corpus knows is that name, but not in a headline', () => {
  const idx7 = corpus([
    { id: 'A', text: 'Kestrel Home Appliances will close its plant in Umlazi. Workers said Kestrel had told them nothing.' },
  ]);
  const named = (draft: string) => checkDraft(idx7, draft, { languageId: 'markdown' }).mentions.map((m) => idx7.entity(m.entityId)?.name);
  assert.deepEqual(named('Kestrel told its staff of the decision in Umlazi.'), ['Kestrel Home Appliances', 'Umlazi']);
  assert.deepEqual(named("Kestrel's plant in Umlazi will close."), ['Kestrel Home Appliances', 'Umlazi']);
  assert.ok(!named('Kestrel Told Staff In Umlazi Of Closure').includes('Kestrel Home Appliances'));
});

test('a body named by its first words or without its legal form ("Northfield Hide" of "Northfield Hide Processors Ltd") is that body, at the start of a draft sentence too', () => {
  const idx8 = corpus([
    {
      id: 'A',
      text: 'Effluent from the Northfield Hide Processors tannery reached the Dauphin River on Monday. Inspectors from Dauphin County visited the works.',
    },
    {
      id: 'B',
      text: 'Northfield Hide Processors Ltd said it was cooperating with the county. Northfield Hide rejects the suggestion that its lagoon wall gave way.',
    },
  ]);
  const works = idx8.entities.find((e) => e.name.startsWith('Northfield Hide Processors'));
  assert.ok(works, idx8.entities.map((e) => e.name).join(', '));
  assert.equal(idx8.lookupName('Northfield Hide Processors Ltd').entityId, works.id);
  assert.equal(idx8.lookupName('Northfield Hide').entityId, works.id);
  const check = checkDraft(idx8, 'Northfield Hide has admitted that its lagoon wall gave way.', { languageId: 'markdown' });
  assert.deepEqual(
    check.mentions.map((m) => [m.text, idx8.entity(m.entityId)?.name]),
    [['Northfield Hide', works.name]],
  );
  // the company's denial is a finding on the draft's sentence
  assert.match(check.findings.map((f) => `${f.code} ${f.message}`).join(' | '), /disputed-claim .*rejects the suggestion/);
  // no body's name is made of the words a body is named after ("Dauphin County" is no "Dauphin County Council")
  const idx9 = corpus([{ id: 'A', text: 'The Dauphin County Council met on Monday. Dauphin County residents were told to boil water.' }]);
  assert.notEqual(idx9.lookupName('Dauphin County').entityId, idx9.lookupName('Dauphin County Council').entityId);
});

test('a parent "X Holdings" and an "X Y" make a bare "X" ambiguous; a legal form makes a body of a name read as a person\'s; "the port of X" is a place', () => {
  const idx10 = corpus([
    {
      id: 'statement',
      meta: { outlet: 'Norvale Hidrógeno', title: 'Statement', published: '2024-10-07' },
      text: [
        'Norvale Hidrógeno S.L. today filed an insolvency petition in Oviedo.',
        'Norvale has received €9.8 million of the grant.',
        "The company rejects the suggestion, made in the auditors' report, that public money was passed to its parent.",
        'Norvale Holdings S.A., of Luxembourg, provides services to Norvale.',
        'The press office of Norvale Hidrógeno answers questions.',
        'Workers said Norvale had paid them late.',
      ].join('\n\n'),
    },
    {
      id: 'wire',
      meta: { outlet: 'Meridian Wire', published: '2024-10-08' },
      text: 'Work on the plant at the port of Gijosa had stopped. Gijosa workers said they were owed wages. The plant at the port of Gijosa is idle.',
    },
  ]);
  const named = (n: string) => idx10.entity(idx10.lookupName(n).entityId ?? '');
  assert.equal(named('Norvale Hidrógeno')?.type, 'organization');
  assert.equal(named('Norvale Hidrógeno S.L.')?.id, named('Norvale Hidrógeno')?.id);
  assert.equal(named('Norvale Holdings')?.type, 'organization');
  assert.notEqual(named('Norvale Holdings')?.id, named('Norvale Hidrógeno')?.id);
  assert.deepEqual(idx10.lookupName('Norvale').candidates?.sort(), [named('Norvale Hidrógeno')!.id, named('Norvale Holdings')!.id].sort());
  assert.equal(named('Gijosa')?.type, 'place');
  // "the company" of the company's own statement is the company
  const rejects = idx10.claims.ofSource('statement').find((c) => c.text.startsWith('The company rejects'))!;
  assert.ok(rejects.contextIds?.includes(named('Norvale Hidrógeno')!.id), JSON.stringify(rejects));
  const wire = idx10.claims.ofSource('wire')[0];
  assert.ok(!wire.contextIds?.length);
  // so the draft's sentence naming the company meets the denial
  const check = checkDraft(idx10, 'Norvale Hidrógeno passed public money to its parent.', { languageId: 'markdown' });
  assert.match(check.findings.map((f) => f.message).join(' | '), /Norvale Hidrógeno denies: The company rejects the suggestion/);
});

test('a sum in a sentence that names nobody is that of the people and bodies of the sentence before', () => {
  const idx11 = corpus([
    {
      id: 'ledger',
      meta: { outlet: 'The Ledger', published: '2025-03-13' },
      text: 'The provincial director of education, Anoma Perera, suspended the caterer. She said the department will pay Rs. 10,000 to the family of each child admitted to hospital.',
    },
    {
      id: 'wire',
      meta: { outlet: 'Wire', published: '2025-03-12' },
      text: 'Anoma Perera, the provincial director of education, spoke on Wednesday. Families of children admitted to hospital would receive Rs. 25,000 each from the department, she told the Wire.',
    },
  ]);
  const messages = (draft: string) =>
    checkDraft(idx11, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  const draft = (sum: string) =>
    `Education director Anoma Perera suspended the caterer's deliveries.\n\nThe department has promised ${sum} to the family of each child admitted to hospital.`;
  assert.deepEqual(messages(draft('Rs. 25,000')), [
    'The sources differ on “Rs. 25,000”: The Ledger says Rs. 10,000 (Wire says Rs. 25,000)',
  ]);
  // (named by nobody before either: no one's sum)
  assert.deepEqual(
    messages('The weather was fine.\n\nThe department has promised Rs. 25,000 to the family of each child admitted to hospital.'),
    [],
  );
});

test("a denial's finding shows the source that says what is denied, beside the denial", () => {
  const idx12 = corpus([
    {
      id: 'ledger',
      meta: { outlet: 'The Ledger', published: '2025-03-13' },
      text: 'The regional health director said contaminated dhal from the food supplier Harvest Kitchens caused the illness at the school.',
    },
    {
      id: 'caterer',
      meta: { outlet: 'Harvest Kitchens', published: '2025-03-14' },
      text: 'Harvest Kitchens Ltd categorically denies that its dhal caused the illness at the school.',
    },
  ]);
  const f = checkDraft(idx12, 'Contaminated dhal supplied by Harvest Kitchens caused the illness at the school.', {
    languageId: 'markdown',
  }).findings.find((x) => x.code === 'disputed-claim');
  assert.ok(f);
  assert.match(f.message, /Harvest Kitchens denies: .*\(The Ledger says so\)$/);
  assert.deepEqual(f.related.map((r) => r.sourceId).sort(), ['caterer', 'ledger']);
  assert.match(f.related.find((r) => r.sourceId === 'ledger')!.message, /The Ledger — says so: /);
});

test('a denial\'s other side may say a negated point as the draft does ("had not been carried out", "without its inspection")', () => {
  const idx = corpus([
    {
      id: 'observer',
      meta: { outlet: 'Observer', published: '2024-08-12' },
      text: "Nino Kapanadze, the inspectorate's head, told the Observer that the line's annual technical inspection, which was due in April, had not been carried out.",
    },
    {
      id: 'operator',
      meta: { outlet: 'Kartli Cableways', kind: 'press-release', published: '2024-08-12' },
      text: 'Contrary to reports published today, the Kartli Cableways ropeway passed its annual technical inspection on 14 May 2024, with no fault found.',
    },
  ]);
  const f = checkDraft(
    idx,
    "The Kartli Cableways gondola had been running without its annual technical inspection, which fell due in April, and Kapanadze's inspectorate has no record of one.",
    { languageId: 'markdown' },
  ).findings.find((x) => x.code === 'disputed-claim');
  assert.ok(f);
  assert.match(f.message, /\(Observer says so\)$/);
});

test('a denial bears on its act only (past a clause between "the suggestion" and "that", and not by "the company"); "nobody" negates as "no one" does', () => {
  const idx13 = corpus([
    {
      id: 'statement',
      meta: { outlet: 'Dorvan Energy', published: '2024-10-07' },
      text: 'Dorvan Energy rejects the suggestion, made in the report of the Budget Office published on 30 September, that public funds were transferred to its parent company.',
    },
    {
      id: 'wire',
      meta: { outlet: 'Wire', published: '2024-10-08' },
      text: 'The Budget Office report found that Dorvan Energy spent part of the grant on consultants. Police in Brevik said they had recorded statements from the staff, but that no one had been arrested.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx13, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(disputed('The Budget Office report found that Dorvan Energy spent part of the grant on consultants.'), []);
  assert.equal(disputed('Dorvan Energy transferred public funds to its parent company.').length, 1);
  assert.deepEqual(disputed('Police in Brevik have recorded statements, but nobody has been arrested.'), []);
});

test('a body\'s own statement gives its sums, named or not; "puts the cost of X, Y and Z at" is a sum of the cost', () => {
  const idx14 = corpus([
    {
      id: 'agency',
      meta: { outlet: 'National Testing Agency', published: '2025-06-10' },
      text: 'The National Testing Agency annulled the paper. Reprinting and the logistics of the resit will cost an estimated 1.2 million lei.',
    },
    {
      id: 'courier',
      meta: { outlet: 'The Courier', published: '2025-06-13' },
      text: 'An internal memo seen by the Courier puts the cost of reprinting the paper, transporting it under escort and paying examiners for a second sitting at 4.8 million lei, four times the estimate of the National Testing Agency.',
    },
  ]);
  const messages = (draft: string) =>
    checkDraft(idx14, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(
    messages('The minister criticised the National Testing Agency.\n\nReprinting and rescheduling the exam will cost 1.2 million lei.'),
    [
      'The sources differ on “1.2 million lei”: The Courier says 4.8 million lei (National Testing Agency says an estimated 1.2 million lei)',
    ],
  );
  // (a news outlet's articles are its reporting on others, not its statements: "Reuters" of Reuters' articles)
  const asNews = corpus(
    [...idx14.sources.values()].map((src) => ({
      id: src.id,
      text: src.text,
      meta: src.id === 'agency' ? { ...src.meta, kind: 'news' as const } : src.meta,
    })),
  );
  assert.deepEqual(
    checkDraft(
      asNews,
      'The minister criticised the National Testing Agency.\n\nReprinting and rescheduling the exam will cost 1.2 million lei.',
      {
        languageId: 'markdown',
      },
    ).findings.filter((f) => f.code === 'disputed-claim'),
    [],
  );
});

test('a source that tells a count twice, loosely and exactly, is shown with the exact figure', () => {
  const idx15 = corpus([
    {
      id: 'wire',
      meta: { outlet: 'Wire', published: '2025-03-19' },
      text: 'Police said 46 people had been arrested in Tambara since Monday.',
    },
    {
      id: 'union',
      meta: { outlet: 'Drivers Union', published: '2025-03-19', kind: 'press-release' },
      text: 'Since Monday, more than a hundred people — 112 by our count, most of them drivers — have been detained by the police in Tambara.',
    },
  ]);
  const f = checkDraft(idx15, 'Police arrested 46 people in Tambara.', { languageId: 'markdown' }).findings.find(
    (x) => x.code === 'disputed-claim',
  );
  assert.equal(f?.message, 'The sources differ on “46 arrested”: Drivers Union says 112 arrested (Wire says 46 arrested)');
});

test('where an act happened: a source that says the act at another place of the same order differs; a venue is not put elsewhere by its city', () => {
  const idx16 = corpus([
    {
      id: 'chronicle',
      meta: { outlet: 'Chronicle', published: '2025-03-19' },
      text: 'Late on Monday night, a fuel tanker was set on fire on the national road outside Dalvoro, west of the city of Tambara.',
    },
    {
      id: 'wire',
      meta: { outlet: 'Wire', published: '2025-03-19' },
      text: 'On Monday night, a fuel tanker was set ablaze in Kessoumi, east of the city of Tambara, police said.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx16, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(
    disputed('Protests spread across the city of Tambara.\n\nA fuel tanker was set on fire outside Dalvoro on Monday night.'),
    ['The sources differ on where it happened (“Dalvoro”): Wire says Kessoumi (Chronicle says Dalvoro)'],
  );
  // (an act the other source does not say, "a bus was stopped", is not put elsewhere)
  assert.deepEqual(disputed('Protests spread across the city of Tambara.\n\nA bus was stopped outside Dalvoro on Monday night.'), []);
  const venue = corpus([
    { id: 'a', meta: { outlet: 'A' }, text: 'Gunmen opened fire inside the Veldrome Stadium, police said.' },
    { id: 'b', meta: { outlet: 'B' }, text: 'Gunmen opened fire in central Paris on Friday night.' },
  ]);
  assert.deepEqual(
    checkDraft(venue, 'Attacks shook Paris on Friday.\n\nGunmen opened fire at the Veldrome Stadium.', {
      languageId: 'markdown',
    }).findings.filter((f) => f.code === 'disputed-claim'),
    [],
  );
});

test('a phrase rated inside a sentence disputes a draft sentence that says it, with its figure, and no other', () => {
  const text = 'In brief: the minister\'s "below 10 percent" is FALSE for both diesel and petrol.';
  const idx17 = corpus([
    { id: 'check', meta: { outlet: 'Check Desk', kind: 'fact-check' }, text, reviews: reviewsInText(text) },
    { id: 'wire', meta: { outlet: 'Wire' }, text: 'Diesel rose by 17.9 percent and petrol by 10.1 percent.' },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx17, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(disputed('Overall, the rise in pump prices was held below 10 percent.'), [
    'The sources dispute this (Check Desk): Check Desk rates “below 10 percent” FALSE',
  ]);
  assert.deepEqual(disputed('Overall, the rise in pump prices was held below 20 percent.'), []);
});

test("a rating's finding shows the source that makes the rated claim, beside the fact-checker", () => {
  const desk = [
    'Fact check: Did the Leeds depot really run at a loss for six years?',
    'CLAIM: "The Leeds depot has run at a loss in each of the last six years."',
    'OUR RATING: False',
    'Company accounts show operating profits at the depot in two of those years.',
  ].join('\n\n');
  const idx = corpus([
    { id: 'Desk', text: desk, reviews: reviewsInText(desk, 'Desk') },
    {
      id: 'Statement',
      text: '"The Leeds depot has run at a loss in each of the last six years," said Nadia Oyelaran, chief executive of Fenwick Freight.',
    },
    { id: 'Other', text: 'Fenwick Freight will open a depot in Leeds next year.' },
  ]);
  const [f, ...rest] = checkDraft(idx, 'The Leeds depot ran at a loss in each of the last six years.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.equal(rest.length, 0);
  assert.match(f.message, /rates “The Leeds depot has run at a loss in each of the last six years\.” False.* \(Statement says so\)$/);
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))], ['Desk', 'Statement']);
});

test("a scorecard's rating disputes the claim in its row; its verdict sentences doubt no story; the claim's other side is its claimant's own statement", () => {
  const card = [
    'Tarn market fire: the scorecard',
    'Three claims about the fire at Tarn market travelled fast this week. We scored each one.',
    'No. | Claim | Who said it | Score',
    '1 | "The fire trucks had no fuel, so nobody came for an hour." | Facebook post, shared 5,000 times | FALSE',
    '2 | "The market passed a full fire-safety inspection in 2024." | Ruben Okafor, manager of Keswin Markets Limited | MISLEADING',
    '3 | "This is the third fire at Tarn in five years." | Ama Boateng, chair of the vendors | ACCURATE',
    'Claim 1. The first engine arrived 16 minutes after the first call. FALSE.',
    'Claim 2. The 2024 inspection covered only the new fish hall. MISLEADING.',
  ].join('\n\n');
  const reviews = reviewsInText(card, 'Card');
  assert.deepEqual(
    reviews.map((r) => [r.claimReviewed, r.verdict, r.claimant]),
    [
      ['The fire trucks had no fuel, so nobody came for an hour.', 'false', 'Facebook post'],
      ['The market passed a full fire-safety inspection in 2024.', 'misleading', 'Ruben Okafor'],
      ['This is the third fire at Tarn in five years.', 'true', 'Ama Boateng'],
    ],
  );
  for (const r of reviews) assert.equal(card.slice(r.span.start, r.span.end), r.claimReviewed);
  const idx = corpus([
    { id: 'Card', meta: { outlet: 'Card', kind: 'fact-check' }, text: card, reviews },
    {
      id: 'Keswin',
      meta: { outlet: 'Keswin Markets Limited', kind: 'press-release' },
      text: 'Statement by Keswin Markets Limited\n\nThe market passed a full fire-safety inspection by the city brigade in 2024. Safety is our first priority.',
    },
    {
      id: 'Wire',
      meta: { outlet: 'Wire' },
      text: 'Keswin Markets Limited runs the Tarn market, where fire destroyed the produce hall early on Tuesday.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = disputed('The market, run by Keswin Markets Limited, had passed a full fire-safety inspection in 2024.');
  assert.equal(rest.length, 0);
  assert.match(
    f.message,
    /Card rates “The market passed a full fire-safety inspection in 2024\.” MISLEADING \(Keswin Markets Limited says so\)$/,
  );
  assert.deepEqual([...new Set(f.related.map((r) => r.sourceId))], ['Card', 'Keswin']);
  // ("FALSE." closing a claim's paragraph rates that claim, not the story of the fire)
  assert.deepEqual(disputed('Fire destroyed the produce hall of the Tarn market early on Tuesday.'), []);
});

test('numbered quoted claims with "Who said it:" and "Our ruling:" lines are reviews', () => {
  const text = [
    'We checked three claims about the ropeway.',
    '1. "A man died of a heart attack in one of the cabins."',
    'Who said it: Facebook posts shared 8,000 times.',
    'What we found: No one died.',
    'Our ruling: False.',
    '2. "In five years this ropeway has never stopped with passengers on board."',
    'Who said it: Levan Dolidze, director general of Kartli Cableways, at a briefing.',
    'What we found: Records list two earlier stoppages.',
    'Our ruling: False.',
  ].join('\n\n');
  assert.deepEqual(
    reviewsInText(text).map((r) => [r.claimReviewed, r.rating, r.claimant]),
    [
      ['A man died of a heart attack in one of the cabins.', 'False', 'Facebook posts shared 8,000 times'],
      ['In five years this ropeway has never stopped with passengers on board.', 'False', 'Levan Dolidze'],
    ],
  );
});

test('a rated claim\'s time frame is no figure the draft must give; its claimant\'s quotation, said by "he", is its other side', () => {
  const desk = [
    'We checked three claims about the ropeway.',
    '2. "In five years this ropeway has never stopped with passengers on board."',
    'Who said it: Levan Dolidze, director general of Kartli Cableways, at a briefing on Sunday.',
    'What we found: Records list two earlier stoppages.',
    'Our ruling: False.',
  ].join('\n\n');
  const idx = corpus([
    { id: 'Desk', meta: { outlet: 'Desk', kind: 'fact-check' }, text: desk, reviews: reviewsInText(desk, 'Desk') },
    {
      id: 'Wire',
      meta: { outlet: 'Wire' },
      text: 'Levan Dolidze, director general of Kartli Cableways, told a briefing that a power surge had damaged the drive. "In five years this ropeway has never stopped with passengers on board. What happened is a shock for us too," he said.',
    },
  ]);
  const [f] = checkDraft(idx, 'Since it opened in 2019, the line had never stopped with passengers on board.', {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.match(
    f?.message ?? '',
    /Desk rates “In five years this ropeway has never stopped with passengers on board\.” False \(Wire says so\)$/,
  );
});

test("a rated claim's sources are shown, two outlets at most", () => {
  const desk = ['Q. Was Ama Boateng shot by the police?', 'A. We could not establish it.', 'Rating: UNPROVEN'].join('\n\n');
  const idx = corpus([
    { id: 'Desk', meta: { outlet: 'Desk', kind: 'fact-check' }, text: desk, reviews: reviewsInText(desk, 'Desk') },
    { id: 'Union', meta: { outlet: 'Union' }, text: 'A police officer shot Ama Boateng near the bus station, our members say.' },
    { id: 'Wire', meta: { outlet: 'Wire' }, text: 'The union says Ama Boateng was shot by a police officer near the bus station.' },
    { id: 'Paper', meta: { outlet: 'Paper' }, text: 'Ama Boateng was shot by the police, his uncle said.' },
  ]);
  const [f] = checkDraft(idx, 'Ama Boateng was shot by a police officer during the clashes.', { languageId: 'markdown' }).findings.filter(
    (x) => x.code === 'disputed-claim',
  );
  assert.match(
    f?.message ?? '',
    /Desk rates “Was Ama Boateng shot by the police\?” UNPROVEN \((?:Union|Wire|Paper), (?:Union|Wire|Paper) say so\)$/,
  );
  assert.equal(f.related.filter((r) => r.message.includes('— says so:')).length, 2);
});

test('a rated claim\'s own number ("CLAIM 2:") is no figure the draft must give', () => {
  const desk = [
    'Two claims about the school meals.',
    'CLAIM 1: "A girl died at the teaching hospital on Wednesday night."',
    'RATING: FALSE',
    'CLAIM 2: "Our kitchen has passed every inspection by public health inspectors since we began supplying the zone."',
    'RATING: MISLEADING',
  ].join('\n\n');
  const idx = corpus([{ id: 'Desk', meta: { outlet: 'Desk', kind: 'fact-check' }, text: desk, reviews: reviewsInText(desk, 'Desk') }]);
  const [f] = checkDraft(idx, "Before the outbreak, the company's kitchen had passed every inspection by public health inspectors.", {
    languageId: 'markdown',
  }).findings.filter((x) => x.code === 'disputed-claim');
  assert.match(f?.message ?? '', /Desk rates “Our kitchen has passed every inspection/);
});

test("a rating's other side is the passage that says the claim rated (its words, its negation), by the claimant the review names", () => {
  const desk = [
    'Was "not even 10 percent" of the Corvia plant built? No.',
    'What he said: "Not even 10 percent of the Corvia plant was built. The region has thrown away public money."',
    'Who said it: Tomás Arbide, opposition deputy.',
    'Our conclusion: the official estimate is 34 percent.',
    'Rating: FALSE',
  ].join('\n\n');
  const idx = corpus([
    { id: 'Desk', meta: { outlet: 'Desk', kind: 'fact-check' }, text: desk, reviews: reviewsInText(desk, 'Desk') },
    {
      id: 'Wire',
      meta: { outlet: 'Wire' },
      text: [
        'Corvia planned to produce hydrogen at the port using a large electrolyser, and the plant was to open in 2026.',
        'Opposition deputy Tomás Arbide told the regional parliament that "not even 10 percent of the plant was built".',
      ].join('\n\n'),
    },
  ]);
  const [f] = checkDraft(idx, 'Less than 10 percent of the plant was ever built.', { languageId: 'markdown' }).findings.filter(
    (x) => x.code === 'disputed-claim',
  );
  assert.match(f?.message ?? '', /\(Wire says so\)$/);
  assert.match(f.related.find((r) => r.sourceId === 'Wire')!.message, /Tomás Arbide told the regional parliament/);
});

test('things an act touched are counted as people are: "more than 250 stalls were destroyed" against "114 stalls were destroyed"', () => {
  const idx = corpus([
    {
      id: 'Wire',
      meta: { outlet: 'Wire' },
      text: 'A fire swept through the Tarn market in Keswin early on Tuesday, destroying about 260 of its stalls.',
    },
    {
      id: 'Operator',
      meta: { outlet: 'Operator' },
      text: 'At the Tarn market in Keswin, 114 stalls were destroyed and a further 60 were damaged. The market has 400 stalls.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(disputed('Fire swept through the Tarn market in Keswin.\n\nMore than 250 stalls were destroyed in the blaze.'), [
    'The sources differ on “more than 250 stalls”: Operator says 114 stalls (Wire says about 260 stalls)',
  ]);
  // (another act, or a thing no act touched, is not compared)
  assert.deepEqual(disputed('Fire swept through the Tarn market in Keswin.\n\nMore than 250 stalls were damaged in the blaze.'), []);
  assert.deepEqual(disputed('Fire swept through the Tarn market in Keswin.\n\nThe market has 300 stalls.'), []);
});

test("a sum in a sentence that names nobody is looked for in what the draft's other bodies say of the same thing", () => {
  const idx = corpus([
    {
      id: 'Star',
      meta: { outlet: 'Star' },
      text: 'Ama Boateng, chair of the Tarn Vendors Association, said vendors had lost stock and equipment worth about SBD 4 million.',
    },
    {
      id: 'Keswin',
      meta: { outlet: 'Keswin Markets Limited', kind: 'press-release' },
      text: "Statement by Keswin Markets Limited\n\nWe estimate total losses, including vendors' stock and equipment, at around SBD 1.5 million. We will pay SBD 2 million for a new roof.",
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  const draft = (sum: string) =>
    `The Tarn Vendors Association counts its losses.\n\nVendors lost stock and equipment worth ${sum}.\n\nKeswin Markets Limited runs the market.`;
  assert.deepEqual(disputed(draft('about SBD 4 million')), [
    'The sources differ on “about SBD 4 million”: Keswin Markets Limited says around SBD 1.5 million (Star says about SBD 4 million)',
  ]);
  // (from a body the sentence before does not name, a sum must share two of its words: "vendors" alone is not enough)
  assert.deepEqual(
    disputed(
      'The Tarn Vendors Association counts its losses.\n\nVendors will get SBD 3 million in grants.\n\nKeswin Markets Limited runs the market.',
    ),
    [],
  );
});

test("a time taken is also read in the articles about the sentence's names, three of its words in common", () => {
  const idx = corpus([
    {
      id: 'Wire',
      meta: { outlet: 'Wire' },
      text: [
        'Board blames squall for Meghna launch disaster',
        'A sudden squall capsized the passenger launch Bokul Express on the Meghna River on Thursday.',
        'A river police officer said the first trained divers reached the wreck nearly five hours after the capsize.',
        'The inquiry will report within 30 days.',
      ].join('\n\n'),
    },
    {
      id: 'Owner',
      meta: { outlet: 'Owner' },
      text: 'The Bokul Express was lost in a squall. River police divers reached the wreck within 90 minutes of the capsize.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' })
      .findings.filter((f) => f.code === 'disputed-claim')
      .map((f) => f.message);
  assert.deepEqual(disputed('Rescue divers reached the wreck of the Bokul Express within 90 minutes of the capsize.'), [
    'The sources differ on “within 90 minutes”: Wire says nearly five hours (Owner says within 90 minutes)',
  ]);
  // (two words in common are not enough from an article that does not name the sentence's names)
  assert.deepEqual(disputed('The Bokul Express inquiry into the capsize will report within 60 days.'), []);
});

test("a sentence that says the draft's point negated, in an article that names the draft's little-known place, is the opposite", () => {
  const idx = corpus([
    {
      id: 'Herald',
      text: [
        'Riot police advanced from the corner of the square nearest Rua Tavira shortly after 5 p.m.',
        'Asked about the canisters, Commander Duarte Pimenta repeated that police had not fired tear gas at the crowd.',
      ].join('\n\n'),
    },
    { id: 'Observers', text: 'At 5.15 p.m. police fired tear gas canisters into Rua Tavira, where a crowd had gathered.' },
    // (a popular name's articles are many stories: their sentences are not read for it)
    ...Array.from({ length: 25 }, (_, k) => ({
      id: `Other ${k}`,
      text: `Lisbon hosted a fair in week ${k + 1}.\n\nPolice said they had not fired tear gas at the crowd in Porto.`,
    })),
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  const [f, ...rest] = disputed('Riot police then fired tear gas into Rua Tavira to clear the crowd.');
  assert.equal(rest.length, 0);
  assert.match(f?.message ?? '', /^The sources dispute this \(Herald\): Herald says the opposite: Asked about the canisters/);
  assert.deepEqual(disputed('Riot police fired tear gas at the crowd in Lisbon.'), []);
});

test('a fact-check with several rated claims: its rating lines doubt no story, a rated figure must be the draft’s, and the claimant is found from its names', () => {
  const desk = [
    'Fact check: two claims about the Loughrea clinic',
    'CheckDesk looked at two claims made about the Loughrea Community Clinic this week.',
    'Claim: "The median wait at the Loughrea Community Clinic is 14 weeks."',
    'Rating: Misleading',
    'The clinic\u2019s own figures give 14 weeks for routine cases only.',
    'Claim: "Two patients died after being dropped from the list."',
    'Rating: False',
    'The review records no death linked to the list.',
  ].join('\n\n');
  const idx = corpus([
    { id: 'CheckDesk', text: desk, reviews: reviewsInText(desk, 'CheckDesk') },
    {
      id: 'Courier',
      text: 'At the Loughrea Community Clinic, councillor Mae Dolan said two patients had died after being dropped from the list.\n\nIn 2024, 64 per cent of patients at the clinic were seen within the 18-week target.',
    },
  ]);
  const disputed = (draft: string) =>
    checkDraft(idx, draft, { languageId: 'markdown' }).findings.filter((f) => f.code === 'disputed-claim');
  // (sentences of the story that no rating is about: no "doubts: Rating: False")
  assert.deepEqual(disputed('The Loughrea Community Clinic opened in 1998.'), []);
  assert.deepEqual(disputed('In 2024, 64 per cent of patients at the Loughrea Community Clinic were seen within the 18-week target.'), []);
  // the rated claim, with its claimant found from the names the fact-check opens with
  const [f] = disputed('Two patients died after being dropped from the list.');
  assert.match(f?.message ?? '', /CheckDesk rates “Two patients died after being dropped from the list\.” False \(Courier says so\)$/);
});

test('a name ends at a line break after a short line (a signature), not in prose wrapped by hand', () => {
  const idx = corpus([
    {
      id: 'Statement',
      text: 'We will cooperate fully with the inquiry.\n\nTanvir Hossain Morshed\nManaging Director\nPadma River Lines',
    },
    {
      id: 'Wrapped',
      text: 'The inquiry, which opened on Monday in the capital, will hear first from Anwar\nHossain Talukder, the harbour master, and from the crew.',
    },
  ]);
  const names = (id: string) => idx.mentionsIn(id).map((m) => m.text);
  assert.ok(names('Statement').includes('Tanvir Hossain Morshed'), names('Statement').join(' | '));
  assert.ok(!names('Statement').some((n) => n.includes('\n')), names('Statement').join(' | '));
  assert.ok(
    names('Wrapped').some((n) => /^Anwar\sHossain Talukder$/.test(n)),
    names('Wrapped').join(' | '),
  );
});

test("a draft's own negation is no contradiction of a source that says something else of the same thing", () => {
  const idx = corpus([
    { id: 'Tribune', text: 'Seamus Doyle, a retired fitter from Ennis, had been waiting for a hip replacement since 2021.' },
  ]);
  const disputed = checkDraft(
    idx,
    'Seamus Doyle, a retired fitter from Ennis, learned in May that he was no longer on the list for a hip replacement.',
    {
      languageId: 'markdown',
    },
  ).findings.filter((f) => f.code === 'disputed-claim');
  assert.deepEqual(disputed, []);
});

test('a rating line some lines under a numbered claim line rates that claim: it is no doubt of the story', () => {
  const text = [
    'Fact check: what was said about the bridge in Cork',
    'CLAIM 1: "The county warned the contractor three times about the bearings."',
    'Who said it: Aoife Nolan, a county councillor, on local radio.',
    'RATING: FALSE',
    'The county sent one letter about the bridge in Cork, in March.',
    'Its engineers inspected the bearings in April.',
    'The contractor has not commented.',
    'The bridge reopened on Monday.',
    'RATING: FALSE',
  ].join('\n\n');
  const src = {
    id: 'Desk',
    path: '/virtual/Desk.txt',
    format: 'text' as const,
    text,
    meta: { outlet: 'Desk' },
    prose: paragraphs(text),
    headings: [],
  };
  const ratings = analyzeSource(src).sentences.filter((x) => /RATING/.test(text.slice(x.span.start, x.span.end)));
  // (the first rates claim 1, two lines under it; the second, far from any claim line, is a verdict on the story)
  assert.deepEqual(
    ratings.map((x) => x.doubt),
    [false, true],
  );
});
