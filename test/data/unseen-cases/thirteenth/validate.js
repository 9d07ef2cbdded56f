#!/usr/bin/env node
// Structural check of the blind evaluation set. No dependencies.
// Usage: node validate.js   -> prints OK, or one line per problem (exit code 1).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const problems = [];
const bad = (where, msg) => problems.push(`${where}: ${msg}`);

const ENTITY_TYPES = new Set(['person', 'organization', 'place', 'event']);
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
const META_FIELDS = ['title', 'outlet', 'author', 'published', 'kind'];
const REQUIRED_KINDS = ['news', 'wire', 'press release', 'fact-check'];
const FIRST_LINE = 3, LAST_LINE = 27;

function readLines(file) {
  return fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
}
function isValidDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !isNaN(d) && d.toISOString().slice(0, 10) === s;
}
function countSentences(text) {
  // rough: a sentence ends with . ! or ? (optionally followed by a closing quote/bracket)
  // and is followed by whitespace and an upper-case letter or an opening quote, or by the end.
  const ends = text.match(/[.!?]["'\u201d\u2019)]*(?=\s+["'\u201c\u2018(]?[A-Z\u00c0-\u00dd]|\s*$)/g);
  return ends ? ends.length : 0;
}

if (!fs.existsSync(path.join(ROOT, 'README.md'))) bad('README.md', 'missing');

const cases = fs.readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();
if (cases.length !== 2) bad('set', `expected 2 case folders with expected.json, found ${cases.length}`);

for (const name of cases) {
  const caseDir = path.join(ROOT, name);
  const where = (f) => `${name}/${f}`;

  // ---------- expected.json ----------
  let exp;
  try {
    exp = JSON.parse(fs.readFileSync(path.join(caseDir, 'expected.json'), 'utf8'));
  } catch (e) {
    bad(where('expected.json'), `not valid JSON (${e.message})`);
    continue;
  }
  if (exp.draft !== `${name}/draft.md`) bad(where('expected.json'), `"draft" should be "${name}/draft.md"`);
  if (exp.corpus !== `${name}/corpus`) bad(where('expected.json'), `"corpus" should be "${name}/corpus"`);

  // ---------- corpus ----------
  const corpusDir = path.join(caseDir, 'corpus');
  const outlets = new Set();
  const corpusText = [];
  if (!fs.existsSync(corpusDir)) {
    bad(where('corpus'), 'missing');
  } else {
    const files = fs.readdirSync(corpusDir);
    const articles = files.filter((f) => f.endsWith('.txt')).sort();
    const metas = files.filter((f) => f.endsWith('.meta.json'));
    for (const f of files) {
      if (!f.endsWith('.txt') && !f.endsWith('.meta.json')) bad(where(`corpus/${f}`), 'unexpected file');
    }
    if (articles.length !== 4) bad(where('corpus'), `expected 4 articles, found ${articles.length}`);
    if (metas.length !== articles.length) bad(where('corpus'), `${metas.length} meta files for ${articles.length} articles`);
    const kinds = [];
    for (const a of articles) {
      const w = where(`corpus/${a}`);
      if (!/^\d\d_[a-z0-9_-]+\.txt$/.test(a)) bad(w, 'name should be NN_slug.txt');
      const lines = readLines(path.join(corpusDir, a));
      const text = lines.join('\n');
      corpusText.push(text);
      if (!lines[0] || !lines[0].trim()) bad(w, 'line 1 must be the headline');
      if (lines[1] === undefined || lines[1].trim() !== '') bad(w, 'line 2 must be blank');
      for (let i = 1; i < lines.length; i++) {
        if (lines[i].trim() && lines[i - 1].trim()) {
          bad(w, `lines ${i} and ${i + 1} are not separated by a blank line`);
          break;
        }
      }
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words < 350 || words > 700) bad(w, `${words} words, expected 350-700`);

      const metaFile = a.replace(/\.txt$/, '.meta.json');
      const mw = where(`corpus/${metaFile}`);
      if (!fs.existsSync(path.join(corpusDir, metaFile))) {
        bad(mw, 'missing');
        continue;
      }
      let meta;
      try {
        meta = JSON.parse(fs.readFileSync(path.join(corpusDir, metaFile), 'utf8'));
      } catch (e) {
        bad(mw, `not valid JSON (${e.message})`);
        continue;
      }
      for (const k of META_FIELDS) {
        if (typeof meta[k] !== 'string' || !meta[k].trim()) bad(mw, `field "${k}" missing or empty`);
      }
      if (meta.published && !isValidDate(meta.published)) bad(mw, `published "${meta.published}" is not YYYY-MM-DD`);
      if (meta.title && lines[0] && meta.title.trim() !== lines[0].trim()) bad(mw, 'title differs from the headline on line 1');
      if (meta.outlet) {
        if (outlets.has(meta.outlet)) bad(mw, `outlet "${meta.outlet}" used twice in this case`);
        outlets.add(meta.outlet);
      }
      if (meta.kind) kinds.push(meta.kind);
    }
    if (outlets.size !== 4) bad(where('corpus'), `expected 4 distinct outlets, found ${outlets.size}`);
    for (const k of REQUIRED_KINDS) {
      if (!kinds.includes(k)) bad(where('corpus'), `no source of kind "${k}"`);
    }
  }
  const corpusAll = corpusText.join('\n');

  // ---------- draft ----------
  const draftFile = path.join(caseDir, 'draft.md');
  let draft = [];
  if (!fs.existsSync(draftFile)) {
    bad(where('draft.md'), 'missing');
  } else {
    draft = readLines(draftFile);
    while (draft.length && draft[draft.length - 1] === '') draft.pop();
    const w = where('draft.md');
    if (!/^# \S/.test(draft[0] || '')) bad(w, 'line 1 must be "# Title"');
    if (draft.length !== LAST_LINE) bad(w, `expected ${LAST_LINE} lines, found ${draft.length}`);
    for (let n = 2; n <= Math.max(LAST_LINE, draft.length); n++) {
      const l = draft[n - 1];
      if (n % 2 === 0) {
        if (l !== undefined && l.trim() !== '') bad(w, `line ${n} should be blank`);
      } else if (n <= LAST_LINE) {
        if (!l || !l.trim()) bad(w, `line ${n} should hold a paragraph`);
        else {
          const s = countSentences(l);
          if (s < 1 || s > 3) bad(w, `line ${n} has ${s} sentences, expected 1-3`);
        }
      } else if (l && l.trim()) bad(w, `unexpected text on line ${n}`);
    }
  }
  const lineText = (n) => draft[n - 1] || '';
  const paragraphLine = (n) => Number.isInteger(n) && n >= FIRST_LINE && n <= LAST_LINE && n % 2 === 1;

  // ---------- entities ----------
  const ents = Array.isArray(exp.entities) ? exp.entities : [];
  if (ents.length < 10 || ents.length > 14) bad(where('expected.json'), `${ents.length} entities, expected 10-14`);
  ents.forEach((e, i) => {
    const w = where(`expected.json entities[${i}]`);
    if (!paragraphLine(e.line)) bad(w, `line ${e.line} is not a paragraph line`);
    if (typeof e.text !== 'string' || !e.text) bad(w, 'text missing');
    else if (!lineText(e.line).includes(e.text)) bad(w, `"${e.text}" does not appear on line ${e.line}`);
    if (e.type !== undefined && !ENTITY_TYPES.has(e.type)) bad(w, `bad type "${e.type}"`);
    if (e.sameAs !== undefined && (typeof e.sameAs !== 'string' || !corpusAll.includes(e.sameAs))) {
      bad(w, `sameAs "${e.sameAs}" is not named in the corpus`);
    }
    if (e.text && !e.optional && !corpusAll.includes(e.text)) bad(w, `"${e.text}" is not named in the corpus`);
  });

  // ---------- findings ----------
  const finds = Array.isArray(exp.findings) ? exp.findings : [];
  const covered = new Set();
  const disputedLines = new Set();
  let disputed = 0, spelling = 0;
  finds.forEach((f, i) => {
    const w = where(`expected.json findings[${i}]`);
    if (!paragraphLine(f.line)) bad(w, `line ${f.line} is not a paragraph line`);
    else covered.add(f.line);
    if (!CODES.has(f.code)) bad(w, `unknown code "${f.code}"`);
    if (f.code === 'disputed-claim') {
      disputed++;
      disputedLines.add(f.line);
      if (typeof f.point !== 'string' || !f.point.trim()) bad(w, 'point missing');
      if (!Array.isArray(f.sides) || f.sides.length === 0) bad(w, 'sides missing');
      else {
        for (const s of f.sides) if (!outlets.has(s)) bad(w, `side "${s}" is not an outlet of this case`);
        if (new Set(f.sides).size !== f.sides.length) bad(w, 'duplicate side');
      }
    }
    if (f.code === 'unknown-spelling') {
      spelling++;
      if (typeof f.text !== 'string' || !f.text) bad(w, 'text missing');
      else {
        if (!lineText(f.line).includes(f.text)) bad(w, `"${f.text}" does not appear on line ${f.line}`);
        if (corpusAll.includes(f.text)) bad(w, `"${f.text}" is spelled that way in the corpus, so it is not a misspelling`);
      }
      if (typeof f.suggest !== 'string' || !f.suggest) bad(w, 'suggest missing');
      else if (!corpusAll.includes(f.suggest)) bad(w, `suggestion "${f.suggest}" is not in the corpus`);
    }
  });
  if (disputed < 5 || disputed > 7) bad(where('expected.json'), `${disputed} disputed-claim findings, expected 5-7`);
  if (spelling !== 1) bad(where('expected.json'), `${spelling} unknown-spelling findings, expected 1`);

  // ---------- clean ----------
  const clean = Array.isArray(exp.clean) ? exp.clean : [];
  clean.forEach((c, i) => {
    const w = where(`expected.json clean[${i}]`);
    if (!paragraphLine(c.line)) bad(w, `line ${c.line} is not a paragraph line`);
    else covered.add(c.line);
    if (!Array.isArray(c.codes) || c.codes.length === 0) bad(w, 'codes missing');
    else {
      for (const code of c.codes) if (!CODES.has(code)) bad(w, `unknown code "${code}"`);
      if (c.codes.includes('disputed-claim') && disputedLines.has(c.line)) {
        bad(w, `line ${c.line} is both clean of and expected to have disputed-claim`);
      }
      for (const f of finds) {
        if (f.line === c.line && c.codes.includes(f.code)) bad(w, `line ${c.line} forbids ${f.code} that a finding expects`);
      }
    }
  });
  for (let n = FIRST_LINE; n <= LAST_LINE; n += 2) {
    if (!covered.has(n)) bad(where('expected.json'), `line ${n} is in neither findings nor clean`);
    const inClean = clean.some((c) => c.line === n && Array.isArray(c.codes) && c.codes.includes('disputed-claim'));
    if (!disputedLines.has(n) && !inClean) bad(where('expected.json'), `line ${n}: neither a disputed-claim finding nor clean of disputed-claim`);
  }
}

if (problems.length) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log('OK');
