import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadSourceFile, parseSource } from '../../server/src/corpus/load';
import { enc, FIXTURES, inSpans, slices } from './helpers';

const FILE = path.join(FIXTURES, 'html/storm.html');

/** The few entities the fixture uses (kept independent of the parser's own decoder). */
const decodeHTML = (s: string) =>
  s.replace(/&(amp|ldquo|rdquo|lt|gt|quot);/g, (_, n: string) => ({ amp: '&', ldquo: '“', rdquo: '”', lt: '<', gt: '>', quot: '"' })[n]!);

test('HTML: main text of the article, boilerplate dropped, headings apart, metadata', async () => {
  const r = loadSourceFile(FILE);
  assert.equal(r.problem, undefined);
  const s = r.source!;
  assert.equal(s.format, 'html');
  assert.deepEqual(s.meta, {
    title: 'Storm cuts power to 40,000 homes',
    outlet: 'Valley Post',
    author: 'Ruth Okafor',
    published: '2022-02-18',
    url: 'https://example.org/storm-power-cuts',
    kind: 'fact-check',
  });
  assert.deepEqual(slices(s, s.headings), ['Storm cuts power to 40,000 homes', 'Roads closed']);
  assert.deepEqual(slices(s, s.prose), [
    'A winter storm cut power to about 40,000 homes across the valley on Thursday night, the grid operator said.',
    'Crews restored electricity to most of them by Friday morning. “We expect everyone to be reconnected by tonight,” a spokesperson for Valley Grid & Power said.',
    'Police closed three roads because of fallen trees.\nOne driver was taken to hospital with minor injuries.',
    'Some residents said the storm was the strongest ever recorded in the valley.',
  ]);
  for (const gone of ['Home', 'Share on Facebook', 'Related:', 'Great article!', 'Copyright', 'tracking', 'color: red']) {
    assert.ok(!s.text.includes(gone), gone);
  }
  // paragraphs are separated by blank lines
  assert.ok(s.text.includes('night, the grid operator said.\n\nCrews restored'));
});

test('HTML: ClaimReview JSON-LD inside the page becomes a review whose span is in the text', async () => {
  const s = loadSourceFile(FILE).source!;
  assert.equal(s.reviews?.length, 1);
  const rv = s.reviews![0];
  assert.equal(rv.claimReviewed, 'The storm was the strongest ever recorded in the valley');
  assert.equal(rv.rating, 'Misleading');
  assert.equal(rv.verdict, 'misleading');
  assert.equal(rv.reviewer, 'Valley Fact Desk');
  assert.equal(rv.claimant, 'A local councillor');
  assert.equal(rv.datePublished, '2022-02-19');
  // the page states the claim itself: the span points at it (case aside)
  assert.equal(s.text.slice(rv.span.start, rv.span.end), 'the storm was the strongest ever recorded in the valley');
  assert.ok(inSpans(s, s.prose, 'the storm was the strongest ever recorded in the valley'));
  const file = readFileSync(FILE, 'utf8');
  assert.equal(file.slice(s.fileOffset!(rv.span.start), s.fileOffset!(rv.span.end)), 'the storm was the strongest ever recorded in the valley');
});

test('HTML: a ClaimReview whose claim is not in the page is rendered at the end and maps to the JSON-LD', () => {
  const html = '<html><body><article><p>An unrelated paragraph about trains.</p></article><script type="application/ld+json">[{"@type":"ClaimReview","claimReviewed":"Trains are free on Sundays","reviewRating":{"alternateName":"False"},"author":{"name":"Rail Check"}}]</script></body></html>';
  const s = parseSource('/c/t.html', enc(html)).source!;
  const rv = s.reviews![0];
  assert.equal(s.text, 'An unrelated paragraph about trains.\n\nClaim: Trains are free on Sundays\nRating: False\nReviewed by Rail Check');
  assert.equal(s.text.slice(rv.span.start, rv.span.end), 'Trains are free on Sundays');
  assert.equal(html.slice(s.fileOffset!(rv.span.start), s.fileOffset!(rv.span.end)), 'Trains are free on Sundays');
  assert.equal(s.meta.outlet, 'Rail Check');
});

test('HTML: fileOffset maps text offsets back into the decoded file', async () => {
  const file = readFileSync(FILE, 'utf8');
  const s = loadSourceFile(FILE).source!;
  const map = s.fileOffset!;
  // every prose/heading span maps to a file range whose entity-decoded, whitespace-collapsed text is the span
  for (const sp of [...s.prose, ...s.headings]) {
    const a = map(sp.start);
    const b = map(sp.end);
    assert.ok(a < b && b <= file.length);
    const raw = file.slice(a, b).replace(/<br>/g, '\n');
    assert.equal(decodeHTML(raw).replace(/[ \t]+/g, ' '), s.text.slice(sp.start, sp.end));
  }
  // plain runs map character for character; monotonic everywhere
  const words = ['grid operator', 'Friday morning', 'Roads closed', 'fallen trees'];
  for (const w of words) {
    const at = s.text.indexOf(w);
    assert.equal(file.slice(map(at), map(at) + w.length), w);
    for (let k = 0; k < w.length; k++) assert.equal(file[map(at + k)], w[k]);
  }
  let prev = -1;
  for (let i = 0; i <= s.text.length; i++) {
    const o = map(i);
    assert.ok(o >= prev, `not monotonic at ${i}`);
    prev = o;
  }
  // an entity maps to the whole entity
  const amp = s.text.indexOf('&');
  assert.equal(file.slice(map(amp), map(amp + 1)), '&amp;');
});

test('HTML: no <article> or <main> → the body; <title> minus the site name; <time datetime>', () => {
  const html = `<html><head><title>Quake shakes city – Metro Daily</title><meta property="og:site_name" content="Metro Daily"></head>
<body><div id="menu">Sections</div><div class="content"><p>The quake struck at dawn, the survey said.</p><p><time datetime="2018-07-01">1 July</time> was a Sunday.</p></div></body></html>`;
  const s = parseSource('/c/q.htm', enc(html)).source!;
  assert.equal(s.meta.title, 'Quake shakes city');
  assert.equal(s.meta.published, '2018-07-01');
  assert.deepEqual(slices(s, s.prose), ['The quake struck at dawn, the survey said.', '1 July was a Sunday.']);
});

test('HTML: 10,000 levels of nesting and malformed markup neither crash nor hang', () => {
  const depth = 10_000;
  const deep = '<html><body>' + '<div><span>'.repeat(depth) + 'deep text here' + '</span></div>'.repeat(depth) + '</body></html>';
  let t0 = Date.now();
  let s = parseSource('/c/deep.html', enc(deep)).source!;
  assert.equal(s.text, 'deep text here');
  assert.ok(Date.now() - t0 < 3000);

  const unclosed = '<p>' + '<b><i><div>'.repeat(depth) + 'still read';
  t0 = Date.now();
  s = parseSource('/c/unclosed.html', enc(unclosed)).source!;
  assert.equal(s.text, 'still read');
  assert.ok(Date.now() - t0 < 3000);

  const junk = '<<<>>><p class="x>Broken <a href=">attr</a> &bogus; &#xZZ; <!-- never closed <script>alert(1)';
  const r = parseSource('/c/junk.html', enc(junk));
  assert.ok(r.source || r.problem);

  const strayCloses = '<div>'.repeat(3000) + '<p>text</p>' + '</span>'.repeat(3000);
  t0 = Date.now();
  assert.equal(parseSource('/c/stray.html', enc(strayCloses)).source!.text, 'text');
  assert.ok(Date.now() - t0 < 3000);

  assert.equal(parseSource('/c/empty.html', enc('<html><script>x()</script></html>')).problem?.reason, 'no readable text in the page');
});
