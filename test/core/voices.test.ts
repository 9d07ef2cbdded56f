import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSource, sourceSentences, turnSpeakers } from '../../server/src/core/analyze';
import { shownText, type Source } from '../../server/src/core/model';
import { paragraphs } from '../../server/src/core/text/sentences';
import { corpus } from './helpers';

function source(text: string): Source {
  return {
    id: 'Valley Herald',
    path: '/virtual/v.txt',
    format: 'text',
    text,
    meta: { outlet: 'Valley Herald' },
    prose: paragraphs(text),
    headings: [],
  };
}

/** each sentence's speaker name ("" for the outlet's own voice) */
function speakers(text: string): string[] {
  const src = source(text);
  return analyzeSource(src).sentences.map((s) => (s.speaker.kind === 'outlet' ? '' : (s.speaker.name ?? '?')));
}

const contested = (text: string) => corpus([{ id: 'Valley Herald', text }]).disputes.filter((d) => d.kind === 'contested');

const INTERVIEW = [
  'Engineer Lena Marsh spoke to the Valley Herald about the bridge over the river.',
  '((Valley Herald)) Why was the bridge over the river closed?',
  '((Lena Marsh)) I think the bridge over the river was closed too early. But I would say the bridge over the river needed repairs anyway.',
  '((Valley Herald)) So what do you mean when you say it was decided?',
  '((Lena Marsh)) The council decided it.',
  'We had warned them for years.',
].join('\n\n');

test('a transcript: each turn, and the paragraphs after it, are the voice that the turn label names', () => {
  assert.deepEqual(speakers(INTERVIEW), ['', 'Valley Herald', 'Lena Marsh', 'Lena Marsh', 'Valley Herald', 'Lena Marsh', 'Lena Marsh']);
  // "Name:" labels the same way
  const colon = INTERVIEW.replace(/\(\(([^)]+)\)\)/g, '$1:');
  assert.deepEqual(speakers(colon), ['', 'Valley Herald', 'Lena Marsh', 'Lena Marsh', 'Valley Herald', 'Lena Marsh', 'Lena Marsh']);
});

test('a speaker qualifying their own answer in an interview does not contest it', () => {
  assert.equal(contested(INTERVIEW).length, 0);
  // the same two sentences as the outlet's report and its contest are one
  assert.equal(
    contested(
      'Engineer Lena Marsh said the bridge over the river was closed too early. But the council said the bridge over the river needed repairs anyway.',
    ).length,
    1,
  );
});

test('one or two labels are no transcript', () => {
  const text = [
    'Update: the bridge over the river reopened on Monday.',
    'Note: the council met on Friday.',
    'The mayor said it was safe.',
  ].join('\n\n');
  const src = source(text);
  assert.equal(turnSpeakers(text, sourceSentences(src)).size, 0);
  assert.deepEqual(speakers(text), ['', '', 'The mayor']);
});

test('a quotation running over several sentences is the voice attributed after it or before it', () => {
  assert.deepEqual(speakers('"The bridge over the river is safe. We checked it twice," the mayor said.'), ['the mayor', 'the mayor']);
  assert.deepEqual(speakers('Engineer Lena Marsh said, "The bridge over the river is safe. But now we know the river is rising."'), [
    'Engineer Lena Marsh',
    'Engineer Lena Marsh',
  ]);
  // closed quotes do not run on
  assert.deepEqual(speakers('"The bridge is safe," the mayor said. The river rose on Monday.'), ['the mayor', '']);
  // a voice named inside the quotation is quoted, not quoting
  assert.deepEqual(
    speakers('Senator Ana Ruiz remarked, "It has been a long fight. Women in Nevada have said, \'It is time to end it.\'"').map((s) =>
      /Ruiz/.test(s),
    ),
    [true, true],
  );
});

test('the rest of a quotation does not contest its start', () => {
  assert.equal(
    contested(
      'Engineer Lena Marsh said, "The bridge over the river was closed too early. But now we know the bridge over the river needed repairs anyway."',
    ).length,
    0,
  );
  // nobody named: still one quotation going on
  assert.equal(
    contested(
      'The engineer was blunt. "The bridge over the river was closed too early. But now we know the bridge over the river needed repairs anyway."',
    ).length,
    0,
  );
});

test('"However, this was not the case when …" limits a claim; it does not contest it', () => {
  assert.equal(
    contested(
      'The engineers said the bridge over the river stayed open during the floods. However, this was not the case when the bridge over the river was flooded in March.',
    ).length,
    0,
  );
  assert.equal(
    contested(
      'The engineers said the bridge over the river stayed open during the floods. However, the bridge over the river was closed during the floods, the police said.',
    ).length,
    1,
  );
});

test('a turn label is not shown with the words of the turn; anything else is shown as written', () => {
  const turn = { kind: 'quoted' as const, name: 'Anna Kowalczyk', cue: 'turn' };
  assert.equal(shownText({ text: '((Anna Kowalczyk)) The cables were worn.', speaker: turn }), 'The cables were worn.');
  assert.equal(shownText({ text: 'Anna Kowalczyk: The cables were worn.', speaker: turn }), 'The cables were worn.');
  // a label that is not the speaker's, a sentence that is no turn, a label alone
  assert.equal(shownText({ text: 'Warning: The cables were worn.', speaker: turn }), 'Warning: The cables were worn.');
  assert.equal(
    shownText({ text: '((Anna Kowalczyk)) The cables were worn.', speaker: { name: 'Anna Kowalczyk', cue: 'quote' } }),
    '((Anna Kowalczyk)) The cables were worn.',
  );
  assert.equal(shownText({ text: '((Anna Kowalczyk))', speaker: turn }), '((Anna Kowalczyk))');
  // in a dispute's point
  const points = corpus([{ id: 'Valley Herald', text: INTERVIEW.replace('But I would say', 'However, the council says') }]).disputes.map(
    (d) => d.point,
  );
  assert.ok(points.length > 0 && points.every((p) => !p.includes('((')), points.join('\n'));
});

test("a colon's label is a voice when it is a name, or a clause of saying that opens with one", () => {
  const after = (intro: string) => speakers(`${intro}\n\nThe bridge over the river must close.`)[1];
  assert.equal(after('Judge Victor Marrero rejected this argument:'), 'Judge Victor Marrero');
  assert.equal(after('Mayor Ellen Murphy:'), 'Mayor Ellen Murphy');
  assert.equal(after('Article last amended:'), '');
  assert.equal(after('Other measures included:'), '');
});
