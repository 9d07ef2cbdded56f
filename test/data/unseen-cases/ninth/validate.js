#!/usr/bin/env node
// Structural check of the blind9 evaluation cases. No dependencies.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const CASES = ['kenya-tannery-spill', 'thessaloniki-stadium-crush'];
const errors = [];
const err = (m) => errors.push(m);

function readJson(p) {
  try { return JSON.parse(fs.readFileSync(p, 'utf8')); }
  catch (e) { err(`${p}: cannot read JSON (${e.message})`); return null; }
}

if (!fs.existsSync(path.join(ROOT, 'README.md'))) err('README.md missing');

for (const c of CASES) {
  const dir = path.join(ROOT, c);
  const corpusDir = path.join(dir, 'corpus');
  if (!fs.existsSync(corpusDir)) { err(`${c}: corpus folder missing`); continue; }

  // ---- corpus
  const txts = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  if (txts.length !== 4) err(`${c}: expected 4 articles, found ${txts.length}`);
  const outlets = [];
  let corpusText = '';
  for (const t of txts) {
    if (!/^\d\d_[a-z0-9_-]+\.txt$/.test(t)) err(`${c}/${t}: name is not NN_slug.txt`);
    const p = path.join(corpusDir, t);
    const text = fs.readFileSync(p, 'utf8');
    corpusText += '\n' + text;
    const lines = text.split('\n');
    if (!lines[0].trim()) err(`${c}/${t}: headline missing on line 1`);
    if (lines[1] !== '') err(`${c}/${t}: line 2 must be blank`);
    const words = lines.slice(1).join(' ').split(/\s+/).filter(Boolean).length;
    if (words < 350 || words > 700) err(`${c}/${t}: ${words} words, want 350-700`);
    const metaPath = p.replace(/\.txt$/, '.meta.json');
    if (!fs.existsSync(metaPath)) { err(`${c}/${t}: meta.json missing`); continue; }
    const meta = readJson(metaPath);
    if (!meta) continue;
    for (const k of ['title', 'outlet', 'author', 'published', 'kind']) {
      if (typeof meta[k] !== 'string' || !meta[k].trim()) err(`${metaPath}: field ${k} missing`);
    }
    if (meta.published && !/^\d{4}-\d{2}-\d{2}$/.test(meta.published)) err(`${metaPath}: published not YYYY-MM-DD`);
    if (meta.title && meta.title !== lines[0].trim()) err(`${metaPath}: title differs from headline`);
    outlets.push(meta.outlet);
  }
  if (new Set(outlets).size !== outlets.length) err(`${c}: outlets are not all different`);

  // ---- draft
  const draftPath = path.join(dir, 'draft.md');
  if (!fs.existsSync(draftPath)) { err(`${c}: draft.md missing`); continue; }
  const dl = fs.readFileSync(draftPath, 'utf8').replace(/\n+$/, '').split('\n');
  if (!/^# \S/.test(dl[0])) err(`${c}: draft line 1 is not a '# Title'`);
  if (dl.length !== 27) err(`${c}: draft has ${dl.length} lines, want 27`);
  const paraLines = [];
  for (let i = 2; i <= dl.length; i++) {
    const s = dl[i - 1] || '';
    if (i % 2 === 0 && s.trim() !== '') err(`${c}: draft line ${i} should be blank`);
    if (i % 2 === 1) {
      if (!s.trim()) err(`${c}: draft line ${i} should be a paragraph`);
      else {
        paraLines.push(i);
        const sentences = s.split(/(?<=[.!?])\s+(?=[A-Z0-9"])/).length;
        if (sentences > 3) err(`${c}: draft line ${i} has ${sentences} sentences`);
      }
    }
  }
  if (paraLines.length !== 13) err(`${c}: ${paraLines.length} paragraphs, want 13`);

  // ---- expected
  const expPath = path.join(dir, 'expected.json');
  if (!fs.existsSync(expPath)) { err(`${c}: expected.json missing`); continue; }
  const exp = readJson(expPath);
  if (!exp) continue;
  if (exp.draft !== `${c}/draft.md` || !fs.existsSync(path.join(ROOT, exp.draft))) err(`${c}: expected.draft wrong`);
  if (exp.corpus !== `${c}/corpus` || !fs.existsSync(path.join(ROOT, exp.corpus))) err(`${c}: expected.corpus wrong`);
  const lineText = (n) => dl[n - 1] || '';
  const TYPES = ['person', 'organization', 'place', 'event'];

  for (const e of exp.entities || []) {
    if (!lineText(e.line).includes(e.text)) err(`${c}: entity "${e.text}" not on line ${e.line}`);
    if (e.type && !TYPES.includes(e.type)) err(`${c}: entity "${e.text}" has bad type ${e.type}`);
    if (!e.optional && !corpusText.includes(e.text)) err(`${c}: entity "${e.text}" not named in the corpus`);
    if (e.sameAs && !corpusText.includes(e.sameAs)) err(`${c}: sameAs "${e.sameAs}" not in the corpus`);
  }

  let disputed = 0, spelling = 0;
  const covered = new Set();
  const findingCodes = {};
  for (const f of exp.findings || []) {
    covered.add(f.line);
    (findingCodes[f.line] = findingCodes[f.line] || new Set()).add(f.code);
    if (!paraLines.includes(f.line)) err(`${c}: finding on non-paragraph line ${f.line}`);
    if (f.code === 'disputed-claim') {
      disputed++;
      if (!f.point) err(`${c}: finding on line ${f.line} has no point`);
      if (!Array.isArray(f.sides) || !f.sides.length) err(`${c}: finding on line ${f.line} has no sides`);
      for (const s of f.sides || []) if (!outlets.includes(s)) err(`${c}: side "${s}" on line ${f.line} is not an outlet of this case`);
    } else if (f.code === 'unknown-spelling') {
      spelling++;
      if (!f.text || !lineText(f.line).includes(f.text)) err(`${c}: spelling text "${f.text}" not on line ${f.line}`);
      if (!f.suggest || !corpusText.includes(f.suggest)) err(`${c}: suggestion "${f.suggest}" not in the corpus`);
      if (f.text && new RegExp(`\\b${f.text}\\b`).test(corpusText)) err(`${c}: misspelling "${f.text}" occurs in the corpus`);
    } else err(`${c}: unknown finding code ${f.code}`);
    if (f.text && !lineText(f.line).includes(f.text)) err(`${c}: finding text "${f.text}" not on line ${f.line}`);
  }
  if (disputed < 5 || disputed > 7) err(`${c}: ${disputed} disputed-claim findings, want 5-7`);
  if (spelling !== 1) err(`${c}: ${spelling} unknown-spelling findings, want 1`);

  const cleanLines = new Set();
  for (const k of exp.clean || []) {
    covered.add(k.line);
    cleanLines.add(k.line);
    if (!paraLines.includes(k.line)) err(`${c}: clean entry on non-paragraph line ${k.line}`);
    for (const code of k.codes || []) {
      if (findingCodes[k.line] && findingCodes[k.line].has(code)) err(`${c}: line ${k.line} lists ${code} as both finding and clean`);
    }
  }
  for (const n of paraLines) {
    if (!covered.has(n)) err(`${c}: paragraph line ${n} is in neither findings nor clean`);
    if (!cleanLines.has(n)) err(`${c}: paragraph line ${n} has no clean entry`);
  }
}

if (errors.length) {
  for (const e of errors) console.log('ERROR ' + e);
  process.exit(1);
}
console.log('OK');
