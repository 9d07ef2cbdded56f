import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusExcludes, draftExclude, draftInclude, expandBraces, joinGlobs, settingExcludes } from '../../client/src/globs';

describe('draftInclude', () => {
  it('covers the extensions of the languages', () => {
    assert.equal(draftInclude(['markdown', 'plaintext']), '**/*.{md,markdown,mdown,mkd,mkdn,txt,text}');
    assert.equal(draftInclude(['restructuredtext']), '**/*.rst');
    assert.equal(draftInclude(['klingon']), undefined);
  });
});

describe('expandBraces', () => {
  it('expands groups, nested too', () => {
    assert.deepEqual(expandBraces('a/*.{js,map}'), ['a/*.js', 'a/*.map']);
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(expandBraces('x/{a,{b,c}}'), ['x/a', 'x/b', 'x/c']);
  });
});

describe('corpusExcludes', () => {
  it('excludes a relative folder', () => {
    assert.deepEqual(corpusExcludes('sources', '/ws'), ['sources', 'sources/**']);
    assert.deepEqual(corpusExcludes('./research/articles/', '/ws'), ['research/articles', 'research/articles/**']);
  });
  it('excludes the folder part of a glob', () => {
    assert.deepEqual(corpusExcludes('sources/**/*.md', '/ws'), ['sources', 'sources/**']);
    assert.deepEqual(corpusExcludes('**/*.{source,src}.md', '/ws'), ['**/*.source.md', '**/*.src.md']);
  });
  it('makes absolute paths inside the folder relative, ignores those outside', () => {
    assert.deepEqual(corpusExcludes('/ws/corpus', '/ws'), ['corpus', 'corpus/**']);
    assert.deepEqual(corpusExcludes('/elsewhere/corpus', '/ws'), []);
    assert.deepEqual(corpusExcludes('/wsx/corpus', '/ws'), []);
    assert.deepEqual(corpusExcludes('C:\\Users\\me\\ws\\src', 'c:\\users\\me\\ws'), ['src', 'src/**']);
    assert.deepEqual(corpusExcludes('~/ws/notes', '/home/me/ws', '/home/me'), ['notes', 'notes/**']);
  });
  it('never excludes the whole workspace or climbs out of it', () => {
    assert.deepEqual(corpusExcludes('.', '/ws'), []);
    assert.deepEqual(corpusExcludes('/ws', '/ws'), []);
    assert.deepEqual(corpusExcludes('../other', '/ws'), []);
  });
});

describe('settingExcludes and joinGlobs', () => {
  it('keeps only the enabled patterns, each also as a folder', () => {
    assert.deepEqual(settingExcludes({ '**/.git': true, '**/out': false, '**/*.{tmp,bak}': true }), [
      '**/.git',
      '**/.git/**',
      '**/*.tmp',
      '**/*.tmp/**',
      '**/*.bak',
      '**/*.bak/**',
    ]);
    assert.deepEqual(settingExcludes(undefined), []);
  });
  it('joins into one group, dropping duplicates and patterns with commas', () => {
    assert.equal(joinGlobs(['a', 'b', 'a', 'x,y']), '{a,b}');
    assert.equal(joinGlobs(['a']), 'a');
    assert.equal(joinGlobs([]), undefined);
  });
});

describe('draftExclude', () => {
  it('excludes node_modules, the corpus folders, the bundled corpus and the excluded files', () => {
    const glob = draftExclude({
      folder: '/ws',
      corpusPaths: ['sources'],
      bundledCorpus: '/ws/ext/corpus',
      settingExcludes: [{ '**/.git': true }],
    });
    assert.equal(glob, '{**/node_modules,**/node_modules/**,sources,sources/**,ext/corpus,ext/corpus/**,**/.git,**/.git/**}');
  });
});
