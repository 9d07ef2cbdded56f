#!/usr/bin/env node
// Structural check of the blind evaluation cases. No dependencies.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const CASES = ['lapaz-landslide', 'nordvinge-cancellations'];
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
const TYPES = new Set(['person', 'organization', 'place', 'event']);
const errors = [];
const err = (m) => errors.push(m);

function readLines(p) {
  return fs.readFileSync(p, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}
function words(s) { return s.split(/\s+/).filter(Boolean).length; }

for (const c of CASES) {
  const dir = path.join(ROOT, c);
  const corpus = path.join(dir, 'corpus');
  const draftP = path.join(dir, 'draft.md');
  const expP = path.join(dir, 'expected.json');
  for (const p of [dir, corpus, draftP, expP]) if (!fs.existsSync(p)) err(`${c}: missing ${path.relative(ROOT, p)}`);
  if (!fs.existsSync(corpus) || !fs.existsSync(draftP) || !fs.existsSync(expP)) continue;

  // corpus
  const txts = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  if (txts.length !== 4) err(`${c}: expected 4 articles, found ${txts.length}`);
  const outlets = new Set();
  const kinds = [];
  for (const t of txts) {
    if (!/^\d\d_[a-z0-9-]+\.txt$/.test(t)) err(`${c}: bad article file name ${t}`);
    const lines = readLines(path.join(corpus, t));
    if (!lines[0] || !lines[0].trim()) err(`${c}/${t}: headline missing on line 1`);
    if (lines[1] !== '') err(`${c}/${t}: line 2 must be blank`);
    const n = words(lines.slice(1).join('\n'));
    if (n < 350 || n > 700) err(`${c}/${t}: ${n} words (want 350-700)`);
    const metaP = path.join(corpus, t.replace(/\.txt$/, '.meta.json'));
    if (!fs.existsSync(metaP)) { err(`${c}: missing ${path.basename(metaP)}`); continue; }
    let meta;
    try { meta = JSON.parse(fs.readFileSync(metaP, 'utf8')); } catch (e) { err(`${c}/${path.basename(metaP)}: ${e.message}`); continue; }
    for (const k of ['title', 'outlet', 'author', 'published', 'kind']) {
      if (typeof meta[k] !== 'string' || !meta[k].trim()) err(`${c}/${path.basename(metaP)}: missing ${k}`);
    }
    if (meta.published && !/^\d{4}-\d{2}-\d{2}$/.test(meta.published)) err(`${c}/${path.basename(metaP)}: published not YYYY-MM-DD`);
    if (meta.title && meta.title !== lines[0]) err(`${c}/${path.basename(metaP)}: title differs from headline`);
    if (outlets.has(meta.outlet)) err(`${c}: outlet "${meta.outlet}" used twice`);
    outlets.add(meta.outlet);
    kinds.push(meta.kind);
  }
  if (!kinds.includes('press release')) err(`${c}: no press release (party to the story) in corpus`);

  // draft
  const d = readLines(draftP);
  if (!/^# \S/.test(d[0] || '')) err(`${c}: draft line 1 must be "# Title"`);
  if (d.length !== 27) err(`${c}: draft has ${d.length} lines (want 27)`);
  const paraLines = [];
  for (let i = 2; i <= 27; i++) {
    const line = d[i - 1];
    if (line === undefined) continue;
    if (i % 2 === 0 && line.trim() !== '') err(`${c}: draft line ${i} must be blank`);
    if (i % 2 === 1) {
      if (!line.trim()) err(`${c}: draft line ${i} must hold a paragraph`);
      else paraLines.push(i);
      const sentences = (line.match(/[.!?](\s|$)/g) || []).length;
      if (sentences < 1 || sentences > 3) err(`${c}: draft line ${i} has ${sentences} sentences (want 1-3)`);
    }
  }
  if (paraLines.length !== 13) err(`${c}: draft has ${paraLines.length} paragraphs (want 13)`);

  // expected
  let exp;
  try { exp = JSON.parse(fs.readFileSync(expP, 'utf8')); } catch (e) { err(`${c}/expected.json: ${e.message}`); continue; }
  if (exp.draft !== `${c}/draft.md`) err(`${c}: expected.draft should be "${c}/draft.md"`);
  if (exp.corpus !== `${c}/corpus`) err(`${c}: expected.corpus should be "${c}/corpus"`);
  if (!fs.existsSync(path.join(ROOT, exp.draft || ''))) err(`${c}: expected.draft does not exist`);
  if (!fs.existsSync(path.join(ROOT, exp.corpus || ''))) err(`${c}: expected.corpus does not exist`);
  const lineText = (n) => d[n - 1] || '';
  const covered = new Set();

  for (const e of exp.entities || []) {
    if (!lineText(e.line).includes(e.text)) err(`${c}: entity "${e.text}" not on line ${e.line}`);
    if (e.type && !TYPES.has(e.type)) err(`${c}: entity "${e.text}" has bad type ${e.type}`);
  }
  let disputed = 0;
  for (const f of exp.findings || []) {
    if (!CODES.has(f.code)) err(`${c}: finding on line ${f.line} has unknown code ${f.code}`);
    if (!paraLines.includes(f.line)) err(`${c}: finding on line ${f.line} is not a paragraph line`);
    covered.add(f.line);
    if (f.text !== undefined && !lineText(f.line).includes(f.text)) err(`${c}: finding text "${f.text}" not on line ${f.line}`);
    if (f.code === 'unknown-spelling') {
      if (!f.text || !f.suggest) err(`${c}: unknown-spelling on line ${f.line} needs text and suggest`);
      else if (!txts.some((t) => fs.readFileSync(path.join(corpus, t), 'utf8').includes(f.suggest))) err(`${c}: suggestion "${f.suggest}" not found in corpus`);
      else if (txts.some((t) => fs.readFileSync(path.join(corpus, t), 'utf8').includes(f.text))) err(`${c}: misspelling "${f.text}" occurs in corpus`);
    }
    if (f.code === 'disputed-claim') {
      disputed++;
      if (!Array.isArray(f.sides) || f.sides.length === 0) err(`${c}: disputed-claim on line ${f.line} has no sides`);
    }
    for (const s of f.sides || []) if (!outlets.has(s)) err(`${c}: side "${s}" on line ${f.line} is not an outlet of this case`);
  }
  if (disputed < 5 || disputed > 7) err(`${c}: ${disputed} disputed-claim findings (want 5-7)`);
  if (!(exp.findings || []).some((f) => f.code === 'unknown-spelling')) err(`${c}: no unknown-spelling finding`);
  for (const cl of exp.clean || []) {
    if (!paraLines.includes(cl.line)) err(`${c}: clean entry on line ${cl.line} is not a paragraph line`);
    covered.add(cl.line);
    for (const code of cl.codes || []) {
      if (!CODES.has(code)) err(`${c}: clean line ${cl.line} has unknown code ${code}`);
      if ((exp.findings || []).some((f) => f.line === cl.line && f.code === code)) err(`${c}: line ${cl.line} both expects and forbids ${code}`);
    }
  }
  for (const n of paraLines) if (!covered.has(n)) err(`${c}: paragraph line ${n} is in neither findings nor clean`);
}

if (!fs.existsSync(path.join(ROOT, 'README.md'))) err('missing README.md');

if (errors.length) {
  for (const e of errors) console.log('FAIL ' + e);
  process.exit(1);
}
console.log('OK');
