import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadSourceFile, parseSource } from '../../server/src/corpus/load';
import { inSpans, SEEDS, slices } from './helpers';

const seed = (id: string) => path.join(SEEDS, `${id}.txt`);
const REUTERS = seed('003_4e493e16ccad6bce');
const GR = seed('001_4dbe6efb2f5e76f1');
const WSWS = seed('000_b668c77285b96cb4');

test('the three seeds load with their outlet, author and date; text is byte-identical', async () => {
  const expected: [string, string, string, string][] = [
    [REUTERS, 'Reuters', '2015-11-22', 'John Irish, Robert-Jan Bartunek, Orhan Coskun'],
    [GR, 'Global Research', '2016-03-22', 'Michel Chossudovsky'],
    [WSWS, 'World Socialist Web Site', '2016-03-30', 'Alex Lantier'],
  ];
  for (const [file, outlet, date, author] of expected) {
    const r = loadSourceFile(file);
    assert.equal(r.problem, undefined);
    assert.deepEqual(r.warnings, []);
    const s = r.source!;
    assert.equal(s.format, 'text');
    assert.equal(s.meta.outlet, outlet);
    assert.equal(s.meta.published, date);
    assert.equal(s.meta.author, author);
    assert.equal(Buffer.compare(Buffer.from(s.text, 'utf8'), readFileSync(file)), 0);
    assert.equal(s.fileOffset, undefined);
  }
});

test('header heuristics alone (no sidecar) find title, byline, date and outlet of the seeds', () => {
  const parse = (f: string) => parseSource(f, readFileSync(f)).source!;
  const reuters = parse(REUTERS);
  assert.equal(reuters.meta.title, "Authorities Missed Many 'Red Flags' Before Paris Attacks");
  assert.equal(reuters.meta.author, 'John Irish, Robert-Jan Bartunek, Orhan Coskun');
  assert.equal(reuters.meta.published, '2015-11-22');
  assert.equal(reuters.meta.outlet, 'Reuters'); // from the wire dateline
  const gr = parse(GR);
  assert.equal(gr.meta.title, 'Is the ISIS Behind the Brussels Attacks? Who is Behind the ISIS?');
  assert.equal(gr.meta.author, 'Prof Michel Chossudovsky');
  assert.equal(gr.meta.outlet, 'Global Research');
  assert.equal(gr.meta.published, '2016-03-22');
  const wsws = parse(WSWS);
  assert.equal(wsws.meta.author, 'Alex Lantier');
  assert.equal(wsws.meta.published, '2016-03-30');
});

test('seed prose excludes header, "Region:" lines and footers; body paragraphs are prose', () => {
  const parse = (f: string) => parseSource(f, readFileSync(f)).source!;
  const reuters = parse(REUTERS);
  assert.ok(inSpans(reuters, reuters.headings, "Authorities Missed Many 'Red Flags' Before Paris Attacks"));
  assert.ok(!inSpans(reuters, reuters.prose, 'By John Irish'));
  assert.ok(!inSpans(reuters, reuters.prose, '11/22/2015 10:21 am ET'));
  assert.ok(!inSpans(reuters, reuters.prose, 'PARIS, Nov 22 (Reuters)'));
  assert.ok(inSpans(reuters, reuters.prose, 'There were multiple chances to stop the men who attacked Paris.'));
  assert.ok(inSpans(reuters, reuters.prose, 'The attacks killed 130 people at various locations'));
  assert.ok(!inSpans(reuters, reuters.prose, '(Robert-Jan Bartunek reported from Brussels'));
  assert.ok(!inSpans(reuters, reuters.prose, 'Suggest a correction'));

  const gr = parse(GR);
  for (const line of ['Region: [Europe]', 'Theme: [Intelligence]', '[Terrorism](#)', 'In-depth Report:', 'By [Prof Michel', 'Global Research, March 22, 2016']) {
    assert.ok(!inSpans(gr, gr.prose, line), line);
  }
  for (const footer of ['The original source of this article is Global Research', 'Copyright ©', 'Become a Member', 'Articles by:', 'About the author:', 'Michel Chossudovsky is an award-winning author', 'Disclaimer:', 'For media inquiries']) {
    assert.ok(!inSpans(gr, gr.prose, footer), footer);
  }
  assert.ok(inSpans(gr, gr.headings, 'Isis supporters claim responsibility for Brussels attacks'));
  assert.ok(!inSpans(gr, gr.prose, 'Isis supporters claim responsibility for Brussels attacks'));
  assert.ok(inSpans(gr, gr.prose, 'The events in Brussels raises the broader question: who is behind the ISIS?'));
  assert.ok(inSpans(gr, gr.prose, 'This mysterious agency was then immediately quoted by Reuters'));

  const wsws = parse(WSWS);
  assert.ok(!inSpans(wsws, wsws.prose, 'To contact the WSWs'));
  assert.ok(!inSpans(wsws, wsws.prose, 'wsws.org/contact'));
  assert.ok(!inSpans(wsws, wsws.prose, 'Alex Lantier'));
  assert.ok(inSpans(wsws, wsws.prose, 'In fact, a review of Nemmouche\'s phone records'));
  // a sentence broken by a stray blank line stays in one prose span
  assert.ok(inSpans(wsws, wsws.prose, 'the connection to the Islamic State either\n\noverlooked or played down.'));
  // spans are ordered, disjoint and inside the text
  for (const s of [reuters, gr, wsws]) {
    const all = [...s.prose, ...s.headings].sort((a, b) => a.start - b.start);
    for (let i = 0; i < all.length; i++) {
      assert.ok(all[i].start >= 0 && all[i].end <= s.text.length && all[i].start < all[i].end);
      if (i > 0) assert.ok(all[i - 1].end <= all[i].start);
    }
    for (const p of slices(s, s.prose)) assert.equal(p, p.trim());
  }
});

const WIKINEWS = path.resolve(__dirname, '../../../shared/data/wikinews');

test('Wikinews articles: title from the first line, date from the date line', { skip: existsSync(WIKINEWS) ? false : `no ${WIKINEWS}` }, () => {
  const index = readFileSync(path.join(WIKINEWS, 'index.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const rows = index.filter((r) => readdirSync(WIKINEWS).includes(r[9]));
  assert.ok(rows.length > 100);
  let withDate = 0;
  for (const [id, title, , date, , , , , , file] of rows) {
    const bytes = readFileSync(path.join(WIKINEWS, file));
    const r = parseSource(file, bytes, { id });
    assert.equal(r.problem, undefined, file);
    const s = r.source!;
    assert.equal(s.meta.title, title, file);
    const lines = s.text.split('\n');
    if (/^\w+day, \w+ \d{1,2}, \d{4}$/.test(lines[2] ?? '')) {
      withDate++;
      assert.equal(s.meta.published, date, file);
      assert.ok(!inSpans(s, s.prose, lines[2]), file);
    }
    assert.ok(s.prose.length > 0, file);
    assert.ok(!inSpans(s, s.prose, title), file);
  }
  assert.ok(withDate > 100, `only ${withDate} dated articles`);
});
