import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { compileGlob, expandBraces, matchGlob } from '../../server/src/corpus/glob';
import { listCorpusFiles } from '../../server/src/corpus/walk';
import { tempDir } from './helpers';

function tree(root: string, files: string[]) {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), 'Title\n\nSome text.\n');
  }
}

test('glob matcher', () => {
  assert.ok(matchGlob('sources/**/*.md', 'sources/a.md'));
  assert.ok(matchGlob('sources/**/*.md', 'sources/x/y/a.md'));
  assert.ok(!matchGlob('sources/**/*.md', 'sources/x/a.txt'));
  assert.ok(!matchGlob('sources/*.md', 'sources/x/a.md'));
  assert.ok(matchGlob('**/*.{md,txt}', 'a/b/c.txt'));
  assert.ok(matchGlob('a/?.txt', 'a/b.txt'));
  assert.ok(!matchGlob('a/?.txt', 'a/bc.txt'));
  assert.ok(matchGlob('a/[!x]*.txt', 'a/b.txt'));
  assert.ok(!matchGlob('a/[!x]*.txt', 'a/x.txt'));
  assert.ok(matchGlob('drafts/**', 'drafts/a/b.md'));
  assert.ok(matchGlob('a.b(c)+.txt', 'a.b(c)+.txt'));
  // no catastrophic backtracking
  const t0 = Date.now();
  assert.equal(compileGlob('**/**/**/**/**/*a*a*a*a*a*a*b')('x/'.repeat(30) + 'a'.repeat(4000)), false);
  assert.deepEqual(expandBraces('a/{b,c{d,e}}/*.md'), ['a/b/*.md', 'a/cd/*.md', 'a/ce/*.md']);
  assert.ok(Date.now() - t0 < 1000);
});

test('walk: folders, single files, globs; dot-folders, node_modules, sidecars and other types skipped', async (t) => {
  const dir = tempDir(t);
  tree(dir, [
    'corpus/a.txt', 'corpus/b.md', 'corpus/b.meta.json', 'corpus/sub/c.html', 'corpus/sub/d.jsonld', 'corpus/sub/e.json',
    'corpus/sub/f.pdf', 'corpus/.git/g.txt', 'corpus/.hidden.txt', 'corpus/node_modules/h.md', 'corpus/drafts/i.md',
    'corpus/archive/old.htm', 'corpus/x.TEXT', 'corpus/y.markdown', 'single.txt', 'sources/one.md', 'sources/deep/two.md', 'sources/deep/three.txt',
  ]);
  const { files, problems } = await listCorpusFiles(['corpus', 'single.txt', 'sources/**/*.md', 'missing'], { base: dir });
  const rel = files.map((f) => path.relative(dir, f)).sort();
  assert.deepEqual(rel, [
    'corpus/a.txt', 'corpus/archive/old.htm', 'corpus/b.md', 'corpus/drafts/i.md', 'corpus/sub/c.html', 'corpus/sub/d.jsonld',
    'corpus/sub/e.json', 'corpus/x.TEXT', 'corpus/y.markdown', 'single.txt', 'sources/deep/two.md', 'sources/one.md',
  ]);
  assert.deepEqual(problems, [{ path: path.join(dir, 'missing'), reason: 'file or folder not found' }]);

  const ex = await listCorpusFiles(['corpus'], { base: dir, exclude: ['drafts', 'corpus/archive/**', '*.json*'] });
  assert.deepEqual(ex.files.map((f) => path.relative(dir, f)).sort(), [
    'corpus/a.txt', 'corpus/b.md', 'corpus/sub/c.html', 'corpus/x.TEXT', 'corpus/y.markdown',
  ]);

  const un = await listCorpusFiles([path.join(dir, 'corpus/sub/f.pdf')]);
  assert.match(un.problems[0].reason, /^unsupported file type \.pdf/);
});

test('walk: symlinks are followed once; loops and broken links do not hang', async (t) => {
  const dir = tempDir(t);
  tree(dir, ['c/a.txt', 'c/inner/b.txt', 'elsewhere/z.md']);
  symlinkSync(path.join(dir, 'c'), path.join(dir, 'c/inner/back-to-top')); // directory loop
  symlinkSync(path.join(dir, 'c/inner'), path.join(dir, 'c/inner/self')); // self loop
  symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'c/linked')); // a real linked folder
  symlinkSync(path.join(dir, 'c/a.txt'), path.join(dir, 'c/alias.txt')); // same file twice
  symlinkSync(path.join(dir, 'c/l2.txt'), path.join(dir, 'c/l1.txt')); // file symlink loop
  symlinkSync(path.join(dir, 'c/l1.txt'), path.join(dir, 'c/l2.txt'));
  symlinkSync(path.join(dir, 'c/nowhere.txt'), path.join(dir, 'c/broken.txt'));
  const { files, problems } = await listCorpusFiles([path.join(dir, 'c')]);
  assert.deepEqual(files.map((f) => path.relative(dir, f)).sort(), ['c/a.txt', 'c/inner/b.txt', 'c/linked/z.md']);
  assert.deepEqual(
    problems.map((p) => [path.relative(dir, p.path), p.reason]).sort(),
    [
      ['c/broken.txt', 'broken symbolic link'],
      ['c/l1.txt', 'symbolic link loop'],
      ['c/l2.txt', 'symbolic link loop'],
    ],
  );
});
