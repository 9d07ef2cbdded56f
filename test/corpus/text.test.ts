import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateLine } from '../../server/src/corpus/dates';
import { parseSource } from '../../server/src/corpus/load';
import { parseByline, parseWireDateline } from '../../server/src/corpus/text';
import { enc, slices } from './helpers';

test('plain text header and footer heuristics on an unseen layout', () => {
  const text = [
    'Council approves new tram line after two-year row',
    '',
    'Updated: 14 July 2022 09:15 BST',
    '',
    'By Priya Natarajan | City Desk',
    '',
    'LONDON (AP) — The city council on Wednesday approved a 12-kilometre tram line, ending a two-year dispute.',
    '',
    '## Opposition',
    '',
    'By the time the vote was taken, most opponents had left the chamber.',
    '',
    'Read more: Transport coverage',
    '',
    '© 2022 Metro Times. All rights reserved.',
    '',
  ].join('\n');
  const s = parseSource('/c/tram.txt', enc(text)).source!;
  assert.deepEqual(s.meta, {
    title: 'Council approves new tram line after two-year row',
    published: '2022-07-14',
    author: 'Priya Natarajan',
    outlet: 'AP',
    kind: 'wire',
  });
  assert.deepEqual(slices(s, s.headings), ['Council approves new tram line after two-year row', 'Opposition']);
  assert.deepEqual(slices(s, s.prose), [
    'The city council on Wednesday approved a 12-kilometre tram line, ending a two-year dispute.',
    'By the time the vote was taken, most opponents had left the chamber.',
  ]);
});

test('a text with no header: everything is prose', () => {
  const text = 'The river rose by two metres overnight.\nResidents were evacuated.\n\nThe rain is expected to stop on Sunday.\n';
  const s = parseSource('/c/n.txt', enc(text)).source!;
  assert.equal(s.meta.title, undefined);
  assert.deepEqual(slices(s, s.prose), ['The river rose by two metres overnight.\nResidents were evacuated.', 'The rain is expected to stop on Sunday.']);
});

test('date lines, bylines and wire datelines', () => {
  assert.deepEqual(parseDateLine('11/22/2015 10:21 am ET'), { iso: '2015-11-22' });
  assert.deepEqual(parseDateLine('30 March 2016'), { iso: '2016-03-30' });
  assert.deepEqual(parseDateLine('Global Research, March 22, 2016'), { iso: '2016-03-22', outlet: 'Global Research' });
  assert.deepEqual(parseDateLine('Friday, January 4, 2019'), { iso: '2019-01-04' });
  assert.deepEqual(parseDateLine('Published: 2016-03-22T10:00:00Z'), { iso: '2016-03-22' });
  assert.equal(parseDateLine('The attack on March 22, 2016 killed 32 people in Brussels.'), undefined);
  assert.equal(parseDateLine('February 30, 2016'), undefined);
  assert.deepEqual(parseByline('By John Irish, Robert-Jan Bartunek and Orhan Coskun'), ['John Irish', 'Robert-Jan Bartunek', 'Orhan Coskun']);
  assert.deepEqual(parseByline('By [Prof Michel Chossudovsky](#)'), ['Prof Michel Chossudovsky']);
  assert.deepEqual(parseByline('By FLORA DRURY FOR MAILONLINE'), ['FLORA DRURY']);
  assert.equal(parseByline('By the time they arrived, the shop had closed.'), undefined);
  assert.deepEqual(parseWireDateline('PARIS, Nov 22 (Reuters) - There were'), { place: 'PARIS', agency: 'Reuters', length: 26 });
  assert.equal(parseWireDateline('Paris police said on Sunday (local time) - more later'), undefined);
});
