#!/usr/bin/env node
// Structural check of the blind evaluation cases in this folder. No dependencies.
// Usage: node validate.js            (checks every */expected.json next to this file)
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const KINDS = new Set(['news', 'wire', 'opinion', 'analysis', 'press release', 'fact-check']);
const TYPES = new Set(['person', 'organization', 'place', 'event']);
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
let errors = 0;
let warnings = 0;
const err = (c, m) => { errors++; console.log(`  ERROR [${c}] ${m}`); };
const warn = (c, m) => { warnings++; console.log(`  warn  [${c}] ${m}`); };

const cases = fs.readdirSync(ROOT)
  .filter((d) => fs.existsSync(path.join(ROOT, d, 'expected.json')))
  .sort();
if (cases.length === 0) { console.log('no cases found'); process.exit(1); }

for (const c of cases) {
  console.log(`case ${c}`);
  let exp;
  try { exp = JSON.parse(fs.readFileSync(path.join(ROOT, c, 'expected.json'), 'utf8')); }
  catch (e) { err(c, `expected.json does not parse: ${e.message}`); continue; }

  for (const k of ['draft', 'corpus', 'entities', 'findings', 'clean']) {
    if (!(k in exp)) err(c, `expected.json lacks "${k}"`);
  }
  const draftPath = path.join(ROOT, exp.draft || '');
  const corpusDir = path.join(ROOT, exp.corpus || '');
  if (!exp.draft || !fs.existsSync(draftPath)) { err(c, `draft not found: ${exp.draft}`); continue; }
  if (!exp.corpus || !fs.existsSync(corpusDir) || !fs.statSync(corpusDir).isDirectory()) {
    err(c, `corpus folder not found: ${exp.corpus}`); continue;
  }

  // ---- corpus: NN_slug.txt + NN_slug.meta.json pairs
  const files = fs.readdirSync(corpusDir).sort();
  const outlets = new Set();
  let corpusText = '';
  const txts = files.filter((f) => f.endsWith('.txt'));
  if (txts.length !== 4) err(c, `expected 4 articles, found ${txts.length}`);
  for (const f of files) {
    if (!/^\d\d_[a-z0-9_-]+\.(txt|meta\.json)$/.test(f)) err(c, `corpus file name not NN_slug.txt/.meta.json: ${f}`);
  }
  for (const t of txts) {
    const base = t.slice(0, -4);
    const text = fs.readFileSync(path.join(corpusDir, t), 'utf8');
    corpusText += '\n' + text;
    const first = text.split('\n')[0].trim();
    if (!first) err(c, `${t}: first line (headline) is empty`);
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words < 350 || words > 600) err(c, `${t}: ${words} words, want 350-600`);
    const metaFile = path.join(corpusDir, base + '.meta.json');
    if (!fs.existsSync(metaFile)) { err(c, `${t}: no ${base}.meta.json`); continue; }
    let meta;
    try { meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')); }
    catch (e) { err(c, `${base}.meta.json does not parse: ${e.message}`); continue; }
    for (const k of ['title', 'outlet', 'author', 'published', 'kind']) {
      if (typeof meta[k] !== 'string' || !meta[k].trim()) err(c, `${base}.meta.json: missing or empty "${k}"`);
    }
    if (meta.published && !/^\d{4}-\d\d-\d\d$/.test(meta.published)) err(c, `${base}.meta.json: published not YYYY-MM-DD`);
    if (meta.kind && !KINDS.has(meta.kind)) err(c, `${base}.meta.json: kind "${meta.kind}" not allowed`);
    if (meta.title && meta.title.trim() !== first) warn(c, `${base}: meta title differs from first line`);
    if (meta.outlet) outlets.add(meta.outlet);
  }
  for (const f of files.filter((f) => f.endsWith('.meta.json'))) {
    if (!files.includes(f.replace(/\.meta\.json$/, '.txt'))) err(c, `${f} has no article`);
  }
  const corpusLower = corpusText.toLowerCase();

  // ---- draft shape: "# Title" on line 1, 13 paragraphs on odd lines 3..27, blanks between
  const lines = fs.readFileSync(draftPath, 'utf8').replace(/\n$/, '').split('\n');
  const line = (n) => (n >= 1 && n <= lines.length ? lines[n - 1] : undefined);
  if (!/^# \S/.test(lines[0] || '')) err(c, 'draft line 1 is not "# Title"');
  const paraLines = [];
  for (let n = 3; n <= 27; n += 2) paraLines.push(n);
  for (let n = 2; n <= lines.length; n++) {
    const isPara = paraLines.includes(n);
    const l = line(n);
    if (isPara && !l.trim()) err(c, `draft line ${n} should be a paragraph but is blank`);
    if (!isPara && l.trim()) err(c, `draft line ${n} should be blank (paragraphs are on odd lines 3..27)`);
  }
  if (lines.length !== 27) err(c, `draft has ${lines.length} lines, want 27`);
  for (const n of paraLines) {
    const l = line(n) || '';
    const sentences = l.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim());
    if (sentences.length > 2) warn(c, `draft line ${n}: ${sentences.length} sentences (want 1-2)`);
  }
  const isPara = (n) => paraLines.includes(n);

  // ---- entities
  for (const e of exp.entities || []) {
    const l = line(e.line);
    if (l === undefined) { err(c, `entity line ${e.line} does not exist`); continue; }
    if (!e.text || !l.includes(e.text)) err(c, `entity "${e.text}" not found on draft line ${e.line}`);
    if (e.type !== undefined && !TYPES.has(e.type)) err(c, `entity "${e.text}": bad type ${e.type}`);
    if (!e.optional && e.type === undefined) warn(c, `entity "${e.text}" has no type`);
    if (!e.optional && e.text && !corpusLower.includes(e.text.toLowerCase())) {
      err(c, `entity "${e.text}" (line ${e.line}) never appears in the corpus`);
    }
    if (e.sameAs && !corpusLower.includes(e.sameAs.toLowerCase())) err(c, `sameAs "${e.sameAs}" never appears in the corpus`);
  }

  // ---- findings
  const findingLines = new Map();
  for (const f of exp.findings || []) {
    const l = line(f.line);
    if (l === undefined) { err(c, `finding line ${f.line} does not exist`); continue; }
    if (!isPara(f.line)) err(c, `finding line ${f.line} is not a paragraph line`);
    if (!CODES.has(f.code)) err(c, `finding line ${f.line}: unknown code ${f.code}`);
    if (!findingLines.has(f.line)) findingLines.set(f.line, new Set());
    findingLines.get(f.line).add(f.code);
    if (f.code === 'disputed-claim') {
      if (!Array.isArray(f.sides) || f.sides.length === 0) err(c, `finding line ${f.line}: no sides`);
      for (const s of f.sides || []) {
        if (!outlets.has(s)) err(c, `finding line ${f.line}: side "${s}" is not an outlet in any meta.json (${[...outlets].join(', ')})`);
      }
    }
    if (f.code === 'unknown-spelling') {
      if (!f.text || !l.includes(f.text)) err(c, `unknown-spelling "${f.text}" not on line ${f.line}`);
      if (!f.suggest) err(c, `unknown-spelling on line ${f.line} has no suggest`);
      if (f.suggest && !corpusText.includes(f.suggest)) err(c, `suggest "${f.suggest}" not found in corpus`);
      if (f.text && new RegExp(`\\b${f.text}\\b`).test(corpusText)) err(c, `misspelling "${f.text}" occurs in the corpus`);
    }
  }
  const spelling = (exp.findings || []).filter((f) => f.code === 'unknown-spelling').length;
  const disputed = (exp.findings || []).filter((f) => f.code === 'disputed-claim').length;
  if (spelling !== 1) warn(c, `${spelling} unknown-spelling findings (brief asks for 1)`);
  if (disputed < 4 || disputed > 5) warn(c, `${disputed} disputed-claim findings (brief asks for 4-5)`);

  // ---- clean
  const cleanLines = new Set();
  for (const k of exp.clean || []) {
    if (line(k.line) === undefined) { err(c, `clean line ${k.line} does not exist`); continue; }
    if (!isPara(k.line)) err(c, `clean line ${k.line} is not a paragraph line`);
    if (cleanLines.has(k.line)) err(c, `clean line ${k.line} listed twice`);
    cleanLines.add(k.line);
    for (const code of k.codes || []) {
      if (!CODES.has(code)) err(c, `clean line ${k.line}: unknown code ${code}`);
      if (findingLines.has(k.line) && findingLines.get(k.line).has(code)) {
        err(c, `line ${k.line} both expects and forbids ${code}`);
      }
    }
  }

  // ---- coverage: every paragraph line is in findings or clean
  for (const n of paraLines) {
    if (!findingLines.has(n) && !cleanLines.has(n)) err(c, `paragraph line ${n} is in neither findings nor clean`);
  }
  console.log(`  ${disputed} disputed-claim + ${spelling} unknown-spelling findings, ${cleanLines.size} clean lines, ` +
    `${(exp.entities || []).length} entities (${(exp.entities || []).filter((e) => e.optional).length} optional), outlets: ${[...outlets].join(' | ')}`);
}
console.log(errors ? `FAIL: ${errors} error(s), ${warnings} warning(s)` : `OK: ${cases.length} case(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
