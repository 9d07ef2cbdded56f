#!/usr/bin/env node
// Structural checks for the blind evaluation set. No dependencies.
// Usage: node validate.js        (prints OK, or one problem per line and exits 1)
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const problems = [];
const fail = (where, msg) => problems.push(`${where}: ${msg}`);

const META_FIELDS = ['title', 'outlet', 'author', 'published', 'kind'];
const REQUIRED_KINDS = ['news', 'wire', 'press release', 'fact-check'];
const TYPES = ['person', 'organization', 'place', 'event'];
const ABBREV = /\b(?:Dr|Mr|Mrs|Ms|St|Rs|No|Sept|Oct|Nov|Dec|Jan|Feb|Aug|S\.L|S\.A|Ltd|Pvt|a\.m|p\.m)\.$/;

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); }
  catch (e) { fail(rel(file), `unreadable JSON (${e.message})`); return null; }
}
function rel(p) { return path.relative(ROOT, p) || '.'; }
function words(s) { return (s.match(/\S+/g) || []).length; }
function validDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !isNaN(d) && d.toISOString().slice(0, 10) === s;
}
function sentenceCount(par) {
  // count sentence ends: . ! ? optionally followed by a closing quote/bracket, then space or end
  let n = 0;
  const re = /[.!?]["'\u201d\u2019)]*(?=\s|$)/g;
  let m;
  while ((m = re.exec(par))) {
    const before = par.slice(0, m.index + 1);
    if (ABBREV.test(before)) continue;
    // a sentence end inside a quote followed by a lowercase word (", said X") is not a new sentence
    const after = par.slice(m.index + m[0].length).trimStart();
    if (after && /^[a-z]/.test(after)) continue;
    n++;
  }
  return n;
}

function checkArticle(file, caseName) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  if (!lines[0] || !lines[0].trim()) fail(rel(file), 'line 1 must be the headline');
  if (lines.length < 2 || lines[1].trim() !== '') fail(rel(file), 'line 2 must be blank');
  const body = lines.slice(2).join('\n').trim();
  const paras = body.split(/\n\s*\n/).filter(p => p.trim());
  if (paras.length < 4) fail(rel(file), `only ${paras.length} paragraphs`);
  const w = words(text);
  if (w < 350 || w > 700) fail(rel(file), `${w} words (need 350-700)`);
  return text;
}

function checkCase(caseDir) {
  const caseName = path.basename(caseDir);
  const corpusDir = path.join(caseDir, 'corpus');
  const out = { outlets: new Set(), corpusText: '' };
  if (!fs.existsSync(corpusDir)) { fail(caseName, 'missing corpus/'); return out; }

  const files = fs.readdirSync(corpusDir).sort();
  const txts = files.filter(f => f.endsWith('.txt'));
  if (txts.length !== 4) fail(rel(corpusDir), `${txts.length} articles (need 4)`);
  for (const f of files) {
    if (!/^\d\d_[a-z0-9-]+\.(txt|meta\.json)$/.test(f)) fail(rel(path.join(corpusDir, f)), 'name must be NN_slug.txt or NN_slug.meta.json');
  }
  const kinds = new Set();
  const outletList = [];
  for (const t of txts) {
    const tf = path.join(corpusDir, t);
    out.corpusText += checkArticle(tf, caseName) + '\n';
    const mf = tf.replace(/\.txt$/, '.meta.json');
    if (!fs.existsSync(mf)) { fail(rel(tf), 'no .meta.json beside it'); continue; }
    const meta = readJson(mf);
    if (!meta) continue;
    for (const k of META_FIELDS) {
      if (typeof meta[k] !== 'string' || !meta[k].trim()) fail(rel(mf), `missing or empty "${k}"`);
    }
    if (meta.published && !validDate(meta.published)) fail(rel(mf), `"published" must be a real YYYY-MM-DD date`);
    const headline = fs.readFileSync(tf, 'utf8').split(/\r?\n/)[0].trim();
    if (meta.title && meta.title.trim() !== headline) fail(rel(mf), 'title differs from the headline on line 1');
    if (meta.outlet) { outletList.push(meta.outlet); out.outlets.add(meta.outlet); }
    if (meta.kind) kinds.add(meta.kind);
  }
  if (out.outlets.size !== outletList.length || outletList.length !== 4) fail(rel(corpusDir), `need 4 distinct outlets, got [${outletList.join(', ')}]`);
  for (const k of REQUIRED_KINDS) if (!kinds.has(k)) fail(rel(corpusDir), `no article of kind "${k}"`);

  // draft
  const draftFile = path.join(caseDir, 'draft.md');
  if (!fs.existsSync(draftFile)) { fail(caseName, 'missing draft.md'); return out; }
  const dlines = fs.readFileSync(draftFile, 'utf8').replace(/\n$/, '').split(/\r?\n/);
  out.dlines = dlines;
  if (!/^# \S/.test(dlines[0] || '')) fail(rel(draftFile), 'line 1 must be "# Title"');
  if (dlines.length !== 27) fail(rel(draftFile), `${dlines.length} lines (need exactly 27)`);
  for (let i = 2; i <= 27; i++) {
    const l = dlines[i - 1];
    if (l === undefined) break;
    if (i % 2 === 0) { if (l.trim() !== '') fail(rel(draftFile), `line ${i} must be blank`); }
    else {
      if (!l.trim()) { fail(rel(draftFile), `line ${i} must be a paragraph`); continue; }
      const n = sentenceCount(l);
      if (n < 1 || n > 3) fail(rel(draftFile), `line ${i} has ${n} sentences (need 1-3)`);
    }
  }

  // expected
  const expFile = path.join(caseDir, 'expected.json');
  if (!fs.existsSync(expFile)) { fail(caseName, 'missing expected.json'); return out; }
  const exp = readJson(expFile);
  if (!exp) return out;
  const where = rel(expFile);
  if (exp.draft !== `${caseName}/draft.md`) fail(where, `"draft" must be "${caseName}/draft.md"`);
  if (exp.corpus !== `${caseName}/corpus`) fail(where, `"corpus" must be "${caseName}/corpus"`);
  const lineText = n => dlines[n - 1] || '';
  const paraLine = n => Number.isInteger(n) && n >= 3 && n <= 27 && n % 2 === 1;

  const ents = Array.isArray(exp.entities) ? exp.entities : [];
  if (ents.length < 10 || ents.length > 14) fail(where, `${ents.length} entities (need 10-14)`);
  ents.forEach((e, i) => {
    if (!paraLine(e.line)) fail(where, `entity ${i}: bad line ${e.line}`);
    if (typeof e.text !== 'string' || !lineText(e.line).includes(e.text)) fail(where, `entity ${i}: "${e.text}" not on line ${e.line}`);
    if (!TYPES.includes(e.type)) fail(where, `entity ${i}: type "${e.type}" not one of ${TYPES.join('|')}`);
    if (e.sameAs !== undefined && (typeof e.sameAs !== 'string' || !out.corpusText.includes(e.sameAs))) fail(where, `entity ${i}: sameAs "${e.sameAs}" not named in the corpus`);
    if (e.optional !== undefined && typeof e.optional !== 'boolean') fail(where, `entity ${i}: optional must be boolean`);
    if (typeof e.text === 'string' && !out.corpusText.includes(e.text)) fail(where, `entity ${i}: "${e.text}" is not named in the corpus`);
  });

  const finds = Array.isArray(exp.findings) ? exp.findings : [];
  const disputed = finds.filter(f => f.code === 'disputed-claim');
  const spell = finds.filter(f => f.code === 'unknown-spelling');
  if (disputed.length < 5 || disputed.length > 7) fail(where, `${disputed.length} disputed-claim findings (need 5-7)`);
  if (spell.length !== 1) fail(where, `${spell.length} unknown-spelling findings (need 1)`);
  const disputedLines = new Set();
  finds.forEach((f, i) => {
    if (!paraLine(f.line)) fail(where, `finding ${i}: bad line ${f.line}`);
    if (f.code === 'disputed-claim') {
      if (disputedLines.has(f.line)) fail(where, `finding ${i}: two disputed-claim findings on line ${f.line}`);
      disputedLines.add(f.line);
      if (typeof f.point !== 'string' || !f.point.trim()) fail(where, `finding ${i}: missing "point"`);
      if (!Array.isArray(f.sides) || f.sides.length === 0) fail(where, `finding ${i}: missing "sides"`);
      else for (const s of f.sides) if (!out.outlets.has(s)) fail(where, `finding ${i}: side "${s}" is not an outlet of ${caseName}`);
    } else if (f.code === 'unknown-spelling') {
      if (typeof f.text !== 'string' || !lineText(f.line).includes(f.text)) fail(where, `finding ${i}: misspelling "${f.text}" not on line ${f.line}`);
      if (typeof f.suggest !== 'string' || !out.corpusText.includes(f.suggest)) fail(where, `finding ${i}: suggestion "${f.suggest}" not in the corpus`);
      if (typeof f.text === 'string' && out.corpusText.includes(f.text)) fail(where, `finding ${i}: "${f.text}" appears in the corpus, so it is not a misspelling`);
      if (f.text === f.suggest) fail(where, `finding ${i}: text equals suggest`);
    } else fail(where, `finding ${i}: unknown code "${f.code}"`);
  });

  const clean = Array.isArray(exp.clean) ? exp.clean : [];
  const covered = new Set(disputedLines);
  for (const f of spell) covered.add(f.line);
  clean.forEach((c, i) => {
    if (!paraLine(c.line)) fail(where, `clean ${i}: bad line ${c.line}`);
    if (!Array.isArray(c.codes) || c.codes.length === 0) fail(where, `clean ${i}: missing codes`);
    else {
      for (const code of c.codes) {
        if (!['disputed-claim', 'unknown-spelling', 'disputed-entity'].includes(code)) fail(where, `clean ${i}: unknown code "${code}"`);
        if (finds.some(f => f.line === c.line && f.code === code)) fail(where, `clean ${i}: line ${c.line} both expects and forbids ${code}`);
      }
      if (c.codes.includes('disputed-claim')) covered.add(c.line);
    }
  });
  for (let n = 3; n <= 27; n += 2) {
    if (!covered.has(n)) fail(where, `line ${n} is in neither findings (disputed-claim) nor clean (disputed-claim)`);
  }
  return out;
}

const cases = fs.readdirSync(ROOT)
  .filter(d => fs.statSync(path.join(ROOT, d)).isDirectory() && !d.startsWith('.'))
  .sort();
if (cases.length !== 2) fail('.', `${cases.length} case folders (need 2): [${cases.join(', ')}]`);
if (!fs.existsSync(path.join(ROOT, 'README.md'))) fail('.', 'missing README.md');
for (const c of cases) checkCase(path.join(ROOT, c));

if (problems.length) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log('OK');
