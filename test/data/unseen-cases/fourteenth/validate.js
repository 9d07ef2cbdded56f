#!/usr/bin/env node
// Structural checks for the blind evaluation set. No dependencies.
// Usage: node validate.js   -> prints "OK" or the list of problems (exit code 1).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const problems = [];
const fail = (where, msg) => problems.push(`${where}: ${msg}`);

const META_FIELDS = ['title', 'outlet', 'author', 'published', 'kind'];
const ENTITY_TYPES = new Set(['person', 'organization', 'place', 'event']);
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
const PARA_LINES = [];
for (let l = 3; l <= 27; l += 2) PARA_LINES.push(l);

function readLines(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function words(s) {
  return s.split(/\s+/).filter(Boolean).length;
}

function isDate(s) {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !isNaN(d) && d.toISOString().slice(0, 10) === s;
}

function sentences(s) {
  // Rough count: sentence-ending punctuation followed by space/quote/end.
  const m = s.match(/[.!?]["'’”)]?(?=\s|$)/g);
  return m ? m.length : 0;
}

function checkArticle(caseName, file, meta) {
  const where = `${caseName}/corpus/${path.basename(file)}`;
  const lines = readLines(file);
  if (lines.length < 3) return fail(where, 'too short');
  if (!lines[0].trim()) fail(where, 'line 1 must be the headline');
  if (lines[1].trim() !== '') fail(where, 'line 2 must be blank');
  // After the headline: optional byline, then paragraphs separated by blank lines,
  // i.e. never two non-blank lines in a row.
  for (let i = 2; i < lines.length - 1; i++) {
    if (lines[i].trim() && lines[i + 1].trim()) {
      fail(where, `lines ${i + 1}-${i + 2}: paragraphs must be separated by a blank line`);
      break;
    }
  }
  const body = lines.slice(2).join(' ');
  const n = words(body);
  if (n < 350 || n > 700) fail(where, `body has ${n} words (350-700 required)`);
  if (meta && meta.title && meta.title.trim() !== lines[0].trim()) {
    fail(where, 'meta title differs from the headline on line 1');
  }
}

function checkCase(caseName) {
  const caseDir = path.join(ROOT, caseName);
  const expFile = path.join(caseDir, 'expected.json');
  let exp;
  try {
    exp = JSON.parse(fs.readFileSync(expFile, 'utf8'));
  } catch (e) {
    return fail(`${caseName}/expected.json`, `unreadable: ${e.message}`);
  }
  const W = `${caseName}/expected.json`;

  if (exp.draft !== `${caseName}/draft.md`) fail(W, `"draft" should be "${caseName}/draft.md"`);
  if (exp.corpus !== `${caseName}/corpus`) fail(W, `"corpus" should be "${caseName}/corpus"`);

  // ---- corpus ----
  const corpusDir = path.join(ROOT, exp.corpus || '');
  const outlets = [];
  const corpusText = [];
  if (!fs.existsSync(corpusDir)) {
    fail(W, `corpus folder ${exp.corpus} missing`);
  } else {
    const files = fs.readdirSync(corpusDir);
    const txts = files.filter((f) => f.endsWith('.txt')).sort();
    if (txts.length !== 4) fail(`${caseName}/corpus`, `${txts.length} articles (4 required)`);
    for (const t of txts) {
      if (!/^\d\d_[a-z0-9_-]+\.txt$/.test(t)) fail(`${caseName}/corpus/${t}`, 'name must be NN_slug.txt');
      const metaName = t.replace(/\.txt$/, '.meta.json');
      let meta = null;
      if (!files.includes(metaName)) {
        fail(`${caseName}/corpus/${t}`, `missing ${metaName}`);
      } else {
        try {
          meta = JSON.parse(fs.readFileSync(path.join(corpusDir, metaName), 'utf8'));
        } catch (e) {
          fail(`${caseName}/corpus/${metaName}`, `bad JSON: ${e.message}`);
        }
      }
      if (meta) {
        for (const k of META_FIELDS) {
          if (typeof meta[k] !== 'string' || !meta[k].trim()) fail(`${caseName}/corpus/${metaName}`, `field "${k}" missing or empty`);
        }
        if (meta.published && !isDate(meta.published)) fail(`${caseName}/corpus/${metaName}`, `"published" must be YYYY-MM-DD`);
        if (meta.outlet) outlets.push(meta.outlet);
      }
      checkArticle(caseName, path.join(corpusDir, t), meta);
      corpusText.push(fs.readFileSync(path.join(corpusDir, t), 'utf8'));
    }
    for (const f of files) {
      if (f.endsWith('.meta.json') && !txts.includes(f.replace(/\.meta\.json$/, '.txt'))) {
        fail(`${caseName}/corpus/${f}`, 'meta file without an article');
      }
    }
    const kinds = [];
    for (const t of txts) {
      try {
        const m = JSON.parse(fs.readFileSync(path.join(corpusDir, t.replace(/\.txt$/, '.meta.json')), 'utf8'));
        kinds.push(m.kind);
      } catch (e) { /* reported above */ }
    }
    const wantKinds = ['fact-check', 'news', 'press release', 'wire'];
    if (JSON.stringify(kinds.slice().sort()) !== JSON.stringify(wantKinds)) {
      fail(`${caseName}/corpus`, `kinds must be one each of ${wantKinds.join(', ')}; got ${JSON.stringify(kinds)}`);
    }
    if (new Set(outlets).size !== outlets.length || outlets.length !== 4) {
      fail(`${caseName}/corpus`, `need 4 distinct outlets, got: ${JSON.stringify(outlets)}`);
    }
  }
  const outletSet = new Set(outlets);
  const allCorpus = corpusText.join('\n');

  // ---- draft ----
  const draftFile = path.join(ROOT, exp.draft || '');
  let lines = [];
  if (!fs.existsSync(draftFile)) {
    fail(W, `draft ${exp.draft} missing`);
  } else {
    lines = readLines(draftFile);
    const D = exp.draft;
    if (lines.length !== 27) fail(D, `${lines.length} lines (27 required: title, blank, 13 paragraphs with blank lines between)`);
    if (!/^# \S/.test(lines[0] || '')) fail(D, 'line 1 must be "# Title"');
    for (let l = 2; l <= 26; l += 2) {
      if (lines[l - 1] !== undefined && lines[l - 1].trim() !== '') fail(D, `line ${l} must be blank`);
    }
    for (const l of PARA_LINES) {
      const s = lines[l - 1];
      if (!s || !s.trim()) { fail(D, `line ${l} must hold a paragraph`); continue; }
      const n = sentences(s);
      if (n < 1 || n > 3) fail(D, `line ${l} has ${n} sentences (1-3 required)`);
    }
  }
  const lineText = (l) => lines[l - 1] || '';

  // ---- entities ----
  const ents = Array.isArray(exp.entities) ? exp.entities : [];
  if (ents.length < 10 || ents.length > 14) fail(W, `${ents.length} entities (10-14 required)`);
  for (const e of ents) {
    const at = `${W} entity line ${e.line} "${e.text}"`;
    if (!PARA_LINES.includes(e.line)) fail(at, 'line must be a paragraph line (3..27 odd)');
    if (typeof e.text !== 'string' || !lineText(e.line).includes(e.text)) fail(at, 'text not found on that draft line');
    if (e.type !== undefined && !ENTITY_TYPES.has(e.type)) fail(at, `bad type "${e.type}"`);
    if (e.sameAs !== undefined && (typeof e.sameAs !== 'string' || !allCorpus.includes(e.sameAs))) {
      fail(at, `sameAs "${e.sameAs}" not found in the corpus`);
    }
    if (e.optional !== undefined && typeof e.optional !== 'boolean') fail(at, 'optional must be a boolean');
  }

  if (!ents.some((e) => typeof e.sameAs === 'string')) fail(W, 'no entity with sameAs (an acronym or surname-only mention is required)');

  // ---- findings ----
  const finds = Array.isArray(exp.findings) ? exp.findings : [];
  const disputed = finds.filter((f) => f.code === 'disputed-claim');
  const spelling = finds.filter((f) => f.code === 'unknown-spelling');
  if (disputed.length < 5 || disputed.length > 7) fail(W, `${disputed.length} disputed-claim findings (5-7 required)`);
  if (spelling.length !== 1) fail(W, `${spelling.length} unknown-spelling findings (exactly 1 required)`);
  for (const f of finds) {
    const at = `${W} finding line ${f.line} ${f.code}`;
    if (!CODES.has(f.code)) fail(at, 'unknown code');
    if (!PARA_LINES.includes(f.line)) fail(at, 'line must be a paragraph line (3..27 odd)');
    if (f.code === 'disputed-claim') {
      if (typeof f.point !== 'string' || !f.point.trim()) fail(at, 'missing "point"');
      if (!Array.isArray(f.sides) || f.sides.length < 1) fail(at, 'missing "sides"');
      else {
        for (const s of f.sides) if (!outletSet.has(s)) fail(at, `side "${s}" is not an outlet of this case`);
        if (new Set(f.sides).size !== f.sides.length) fail(at, 'duplicate side');
      }
    }
    if (f.code === 'unknown-spelling') {
      if (typeof f.text !== 'string' || !lineText(f.line).includes(f.text)) fail(at, `text "${f.text}" not found on that draft line`);
      if (typeof f.suggest !== 'string' || !allCorpus.includes(f.suggest)) fail(at, `suggest "${f.suggest}" not found in the corpus`);
      if (typeof f.text === 'string' && allCorpus.includes(f.text)) fail(at, `misspelling "${f.text}" also occurs in the corpus`);
    }
  }
  const lineCodes = new Map();
  for (const f of finds) {
    const k = `${f.line}|${f.code}`;
    if (lineCodes.has(k)) fail(W, `two ${f.code} findings on line ${f.line}`);
    lineCodes.set(k, true);
  }

  // ---- clean ----
  const clean = Array.isArray(exp.clean) ? exp.clean : [];
  const cleanLines = new Set();
  for (const c of clean) {
    const at = `${W} clean line ${c.line}`;
    if (!PARA_LINES.includes(c.line)) fail(at, 'line must be a paragraph line (3..27 odd)');
    if (cleanLines.has(c.line)) fail(at, 'listed twice');
    cleanLines.add(c.line);
    if (!Array.isArray(c.codes) || !c.codes.includes('disputed-claim')) fail(at, 'codes must include "disputed-claim"');
    else for (const code of c.codes) {
      if (!CODES.has(code)) fail(at, `unknown code "${code}"`);
      if (finds.some((f) => f.line === c.line && f.code === code)) fail(at, `forbids ${code} but a ${code} finding is expected there`);
    }
  }

  // ---- coverage ----
  for (const l of PARA_LINES) {
    const inFind = finds.some((f) => f.line === l);
    if (!inFind && !cleanLines.has(l)) fail(W, `line ${l} is neither in findings nor in clean`);
  }
}

function main() {
  const cases = fs.readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort();
  if (cases.length !== 2) fail('.', `found ${cases.length} cases with expected.json (2 required)`);
  if (!fs.existsSync(path.join(ROOT, 'README.md'))) fail('.', 'README.md missing');
  for (const c of cases) checkCase(c);
  if (problems.length) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  console.log('OK');
}

main();
