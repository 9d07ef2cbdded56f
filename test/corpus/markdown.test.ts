import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadSourceFile, parseSource } from '../../server/src/corpus/load';
import { enc, FIXTURES, inSpans, slices } from './helpers';

test('Markdown: front matter gives metadata and is not prose; headings apart', async () => {
  const file = path.join(FIXTURES, 'markdown/harbour-fire.md');
  const r = loadSourceFile(file);
  assert.deepEqual(r.warnings, []);
  const s = r.source!;
  assert.equal(s.format, 'markdown');
  assert.equal(s.text, readFileSync(file, 'utf8'));
  assert.deepEqual(s.meta, {
    title: 'Fire closes Northport harbour for two days',
    outlet: 'Coastal Herald',
    author: 'Mara Lind, Tomas Ek',
    published: '2021-06-14',
    url: 'https://example.org/harbour-fire',
    kind: 'news',
  });
  assert.deepEqual(slices(s, s.headings), ['Fire closes Northport harbour for two days', 'What we know', 'Setext heading']);
  assert.deepEqual(slices(s, s.prose), [
    'A warehouse fire forced the port authority to close Northport harbour on Monday, the harbour master said.',
    'Firefighters worked through the night\nand brought the blaze under control by dawn.',
    'Nobody was injured, according to the fire service.',
    'Two ships were diverted to Southport.',
    'The cause of the fire is still under investigation.',
  ]);
  assert.ok(!inSpans(s, s.prose, 'publisher: Coastal Herald'));
  assert.ok(!inSpans(s, s.prose, 'this is a code block'));
});

test('Markdown: invalid YAML front matter → body loads, warning names the file and line', async () => {
  const file = path.join(FIXTURES, 'markdown/broken-front-matter.md');
  const r = loadSourceFile(file);
  assert.equal(r.problem, undefined);
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0].path, file);
  assert.match(r.warnings[0].reason, /^front matter is not valid YAML \(line \d+: .+\)/);
  const line = Number(/line (\d+)/.exec(r.warnings[0].reason)![1]);
  assert.ok(line >= 2 && line <= 4, `line ${line}`);
  const s = r.source!;
  assert.deepEqual(slices(s, s.prose), ['The body of this article still loads even though its front matter is broken.']);
  assert.equal(s.meta.title, undefined);
});

test('Markdown: author as a string, date with time, unknown kind is a warning', () => {
  const md = '---\nauthor: Ilse Berg\npublished: 2019-11-05T08:00:00Z\nsource: Nordic Wire\nkind: rumour\n---\nText of the report.\n';
  const r = parseSource('/c/x.markdown', enc(md));
  assert.equal(r.source!.meta.author, 'Ilse Berg');
  assert.equal(r.source!.meta.published, '2019-11-05');
  assert.equal(r.source!.meta.outlet, 'Nordic Wire');
  assert.equal(r.source!.meta.kind, undefined);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0].reason, /kind/);
});
