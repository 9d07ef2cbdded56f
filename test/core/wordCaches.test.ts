import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

test('the analysers’ word caches keep no article in memory once it is analysed', () => {
  // a child process with --expose-gc, so that its heap holds only this: 60 articles of ~200 KB, each naming people
  // and places that no other article names (long words, which V8 would otherwise keep as views of the article)
  const code = `
    const { analyzeSource } = require(${JSON.stringify(require.resolve('../../server/src/core/analyze'))});
    const filler = 'The committee met on Tuesday and the talks went on for several hours without a decision. ';
    const article = (i) => {
      const tag = String.fromCharCode(65 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26) % 26);
      const name = 'Bartholomew Wolfensteinberg' + tag;
      const text = 'Mayor ' + name + ' spoke in Vandermeerschhausen' + tag + '. ' + filler.repeat(2200) + name + ' said so.';
      return { id: 'a' + i, path: '/a' + i, format: 'text', text, prose: [{ start: 0, end: text.length }], headings: [], meta: {} };
    };
    analyzeSource(article(999));
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 60; i++) analyzeSource(article(i));
    gc(); gc();
    console.log(Math.round((process.memoryUsage().heapUsed - before) / 1048576));
  `;
  const grown = Number(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', code], { encoding: 'utf8' }).trim());
  // the articles are ~12 MB together: before the caches kept copies of their words, they kept every article whole
  assert.ok(grown < 4, `the heap grew by ${grown} MB`);
});
