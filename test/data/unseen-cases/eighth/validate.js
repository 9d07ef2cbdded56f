#!/usr/bin/env node
// Structural check for the blind evaluation cases in this folder. No dependencies.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const CASES = ['chandpur-ferry', 'halifax-waitlist'];
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
const TYPES = new Set(['person', 'organization', 'place', 'event']);
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

function readLines(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Rough sentence count: ignore common abbreviations and decimals before counting terminators.
function sentenceCount(s) {
  const t = s
    .replace(/\b(?:a\.m\.|p\.m\.|Dr\.|Mr\.|Ms\.|Mrs\.|St\.|No\.|e\.g\.|i\.e\.)/g, 'X')
    .replace(/\d\.\d/g, 'X');
  const m = t.match(/[.!?]["”’)]*(?=\s+\S|$)/g);
  return m ? m.length : 0;
}

for (const name of CASES) {
  const caseDir = path.join(ROOT, name);
  const expFile = path.join(caseDir, 'expected.json');
  if (!fs.existsSync(expFile)) { err(name, 'expected.json missing'); continue; }
  let exp;
  try { exp = JSON.parse(fs.readFileSync(expFile, 'utf8')); }
  catch (e) { err(name, `expected.json does not parse: ${e.message}`); continue; }

  for (const k of ['draft', 'corpus', 'entities', 'findings', 'clean']) {
    if (!(k in exp)) err(name, `expected.json lacks "${k}"`);
  }
  const draftPath = path.join(ROOT, exp.draft || '');
  const corpusPath = path.join(ROOT, exp.corpus || '');
  if (exp.draft !== `${name}/draft.md`) err(name, `draft should be "${name}/draft.md"`);
  if (exp.corpus !== `${name}/corpus`) err(name, `corpus should be "${name}/corpus"`);
  if (!fs.existsSync(draftPath)) { err(name, `draft ${exp.draft} missing`); continue; }
  if (!fs.existsSync(corpusPath) || !fs.statSync(corpusPath).isDirectory()) { err(name, `corpus ${exp.corpus} missing`); continue; }

  // ---- corpus ----
  const files = fs.readdirSync(corpusPath).sort();
  const texts = files.filter(f => f.endsWith('.txt'));
  const metas = files.filter(f => f.endsWith('.meta.json'));
  const others = files.filter(f => !f.endsWith('.txt') && !f.endsWith('.meta.json'));
  if (others.length) err(name, `unexpected files in corpus: ${others.join(', ')}`);
  if (texts.length !== 4) err(name, `corpus has ${texts.length} articles, expected 4`);
  const outlets = new Set();
  let corpusText = '';
  for (const t of texts) {
    const where = `${name}/corpus/${t}`;
    if (!/^\d\d_[a-z0-9-]+\.txt$/.test(t)) err(where, 'file name is not NN_slug.txt');
    const metaName = t.replace(/\.txt$/, '.meta.json');
    const lines = readLines(path.join(corpusPath, t));
    const body = lines.join('\n');
    corpusText += body + '\n';
    if (!lines[0] || !lines[0].trim()) err(where, 'line 1 (headline) is empty');
    if (lines[1] !== '') err(where, 'line 2 must be blank');
    const words = body.split(/\s+/).filter(Boolean).length;
    if (words < 350 || words > 700) err(where, `${words} words, expected 350-700`);
    if (!metas.includes(metaName)) { err(where, `${metaName} missing`); continue; }
    let meta;
    try { meta = JSON.parse(fs.readFileSync(path.join(corpusPath, metaName), 'utf8')); }
    catch (e) { err(where, `meta does not parse: ${e.message}`); continue; }
    for (const k of ['title', 'outlet', 'author', 'published', 'kind']) {
      if (typeof meta[k] !== 'string' || !meta[k].trim()) err(where, `meta lacks "${k}"`);
    }
    if (meta.title && meta.title !== lines[0]) err(where, 'meta title differs from headline on line 1');
    if (meta.published && !/^\d{4}-\d\d-\d\d$/.test(meta.published)) err(where, 'published is not YYYY-MM-DD');
    if (meta.outlet) {
      if (outlets.has(meta.outlet)) err(where, `outlet "${meta.outlet}" used twice in this case`);
      outlets.add(meta.outlet);
    }
  }
  for (const m of metas) {
    if (!texts.includes(m.replace(/\.meta\.json$/, '.txt'))) err(`${name}/corpus/${m}`, 'meta without article');
  }

  // ---- draft ----
  const dl = readLines(draftPath);
  if (!/^# \S/.test(dl[0] || '')) err(`${name}/draft.md`, 'line 1 must be "# Title"');
  if (dl.length !== 27) err(`${name}/draft.md`, `${dl.length} lines, expected 27`);
  const paraLines = [];
  for (let n = 2; n <= Math.max(dl.length, 27); n++) {
    const s = dl[n - 1];
    if (n % 2 === 0) {
      if (s !== undefined && s.trim() !== '') err(`${name}/draft.md`, `line ${n} should be blank`);
    } else {
      if (n > 27) { err(`${name}/draft.md`, `extra text on line ${n}`); continue; }
      if (!s || !s.trim()) { err(`${name}/draft.md`, `line ${n} should hold a paragraph`); continue; }
      paraLines.push(n);
      const c = sentenceCount(s);
      if (c < 1 || c > 3) err(`${name}/draft.md`, `line ${n} has ${c} sentences, expected 1-3`);
    }
  }
  if (paraLines.length !== 13) err(`${name}/draft.md`, `${paraLines.length} paragraphs, expected 13`);
  const lineText = n => dl[n - 1] || '';

  // ---- entities ----
  for (const [i, e] of (exp.entities || []).entries()) {
    const where = `${name} entities[${i}]`;
    if (!Number.isInteger(e.line) || !e.text) { err(where, 'needs line and text'); continue; }
    if (!lineText(e.line).includes(e.text)) err(where, `"${e.text}" not on draft line ${e.line}`);
    if (e.type !== undefined && !TYPES.has(e.type)) err(where, `bad type "${e.type}"`);
    if (e.optional !== undefined && e.optional !== true) err(where, 'optional must be true when given');
    if (!e.optional && !corpusText.includes(e.text)) err(where, `"${e.text}" never appears in the corpus`);
    if (e.sameAs !== undefined && !corpusText.includes(e.sameAs)) err(where, `sameAs "${e.sameAs}" never appears in the corpus`);
  }

  // ---- findings ----
  const covered = new Set();
  const found = new Map();
  let disputed = 0, spelling = 0;
  for (const [i, f] of (exp.findings || []).entries()) {
    const where = `${name} findings[${i}] (line ${f.line})`;
    if (!Number.isInteger(f.line) || !f.code) { err(where, 'needs line and code'); continue; }
    if (!CODES.has(f.code)) err(where, `unknown code "${f.code}"`);
    if (!paraLines.includes(f.line) && f.line !== 1) err(where, 'line is not a paragraph line');
    covered.add(f.line);
    if (!found.has(f.line)) found.set(f.line, new Set());
    found.get(f.line).add(f.code);
    if (f.code === 'disputed-claim') {
      disputed++;
      if (!f.point) err(where, 'needs a point');
      if (!Array.isArray(f.sides) || !f.sides.length) err(where, 'needs non-empty sides');
      for (const s of f.sides || []) if (!outlets.has(s)) err(where, `side "${s}" is not an outlet of this case`);
    }
    if (f.code === 'unknown-spelling') {
      spelling++;
      if (!f.text || !f.suggest) { err(where, 'needs text and suggest'); continue; }
      if (!lineText(f.line).includes(f.text)) err(where, `"${f.text}" not on draft line ${f.line}`);
      if (corpusText.includes(f.text)) err(where, `misspelling "${f.text}" occurs in the corpus`);
      if (!corpusText.includes(f.suggest)) err(where, `suggestion "${f.suggest}" not in the corpus`);
    }
    if (f.text && f.code !== 'unknown-spelling' && !lineText(f.line).includes(f.text)) err(where, `"${f.text}" not on draft line ${f.line}`);
  }
  if (disputed < 5 || disputed > 7) err(name, `${disputed} disputed-claim findings, expected 5-7`);
  if (spelling < 1) err(name, 'no unknown-spelling finding');

  // ---- clean ----
  for (const [i, c] of (exp.clean || []).entries()) {
    const where = `${name} clean[${i}] (line ${c.line})`;
    if (!Number.isInteger(c.line) || !Array.isArray(c.codes) || !c.codes.length) { err(where, 'needs line and codes'); continue; }
    if (!paraLines.includes(c.line) && c.line !== 1) err(where, 'line is not a paragraph line or the title');
    for (const code of c.codes) {
      if (!CODES.has(code)) err(where, `unknown code "${code}"`);
      if (found.has(c.line) && found.get(c.line).has(code)) err(where, `"${code}" both expected and forbidden`);
    }
    covered.add(c.line);
  }
  for (const n of paraLines) if (!covered.has(n)) err(name, `paragraph line ${n} is in neither findings nor clean`);
}

if (!fs.existsSync(path.join(ROOT, 'README.md'))) err('.', 'README.md missing');

if (errors.length) {
  for (const e of errors) console.log('FAIL ' + e);
  process.exit(1);
}
console.log('OK');
