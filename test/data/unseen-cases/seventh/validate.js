#!/usr/bin/env node
// Structural checks for the seventh-set evaluation cases. No dependencies.
// Usage: node validate.js            (validates every */expected.json beside this file)
//        node validate.js a/expected.json b/expected.json
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = __dirname;
const CODES = new Set(['disputed-claim', 'disputed-entity', 'unknown-spelling']);
const TYPES = new Set(['person', 'organization', 'place', 'event']);
const KINDS = new Set(['news', 'wire', 'opinion', 'analysis', 'press release', 'fact-check']);
const META_KEYS = ['title', 'outlet', 'author', 'published', 'kind'];
const FIRST_PARA = 3, LAST_PARA = 27;

let failures = 0, warnings = 0;
const fail = (c, m) => { failures++; console.log(`  FAIL [${c}] ${m}`); };
const warn = (c, m) => { warnings++; console.log(`  warn [${c}] ${m}`); };
const fold = (s) => s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").toLowerCase();
const words = (s) => s.split(/\s+/).filter(Boolean).length;

function loadCorpus(c, dir) {
  const out = { outlets: new Set(), text: '' };
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) { fail(c, `corpus folder missing: ${dir}`); return out; }
  const files = fs.readdirSync(dir).sort();
  const txts = files.filter((f) => f.endsWith('.txt'));
  if (txts.length < 4) fail(c, `corpus has ${txts.length} .txt articles, expected at least 4`);
  const outletsSeen = [];
  for (const f of txts) {
    if (!/^\d\d_[a-z0-9_]+\.txt$/.test(f)) fail(c, `article file name not NN_slug.txt: ${f}`);
    const body = fs.readFileSync(path.join(dir, f), 'utf8');
    out.text += '\n' + body;
    const n = words(body);
    if (n < 350 || n > 600) fail(c, `${f}: ${n} words, expected 350-600`);
    const firstLine = body.split('\n')[0].trim();
    const metaFile = path.join(dir, f.replace(/\.txt$/, '.meta.json'));
    if (!fs.existsSync(metaFile)) { fail(c, `${f}: no meta.json`); continue; }
    let meta;
    try { meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')); } catch (e) { fail(c, `${metaFile}: bad JSON (${e.message})`); continue; }
    for (const k of META_KEYS) if (typeof meta[k] !== 'string' || !meta[k].trim()) fail(c, `${f}: meta.${k} missing`);
    if (meta.kind && !KINDS.has(meta.kind)) fail(c, `${f}: meta.kind "${meta.kind}" not one of ${[...KINDS].join(', ')}`);
    if (meta.published && !/^\d{4}-\d\d-\d\d$/.test(meta.published)) fail(c, `${f}: meta.published not YYYY-MM-DD`);
    if (meta.title && meta.title !== firstLine) fail(c, `${f}: meta.title differs from the headline on line 1`);
    if (meta.outlet) { out.outlets.add(meta.outlet); outletsSeen.push(meta.outlet); }
  }
  for (const f of files) {
    if (f.endsWith('.meta.json') && !files.includes(f.replace(/\.meta\.json$/, '.txt'))) fail(c, `${f}: meta without article`);
  }
  if (new Set(outletsSeen).size !== outletsSeen.length) warn(c, 'two articles share an outlet');
  return out;
}

function checkCase(expectedPath) {
  const c = path.relative(ROOT, expectedPath);
  console.log(`\n${c}`);
  let exp;
  try { exp = JSON.parse(fs.readFileSync(expectedPath, 'utf8')); } catch (e) { fail(c, `bad JSON: ${e.message}`); return; }
  for (const k of ['draft', 'corpus', 'entities', 'findings', 'clean']) if (!(k in exp)) fail(c, `missing key "${k}"`);
  const draftPath = path.join(ROOT, exp.draft || '');
  if (!fs.existsSync(draftPath)) { fail(c, `draft not found: ${exp.draft}`); return; }
  const lines = fs.readFileSync(draftPath, 'utf8').replace(/\n$/, '').split('\n');
  const corpus = loadCorpus(c, path.join(ROOT, exp.corpus || ''));
  const corpusFolded = fold(corpus.text);

  // Draft shape: "# Title" on line 1, paragraphs on odd lines 3..27, blank lines between.
  if (!/^# \S/.test(lines[0] || '')) fail(c, 'line 1 is not a "# Title"');
  if (lines.length !== LAST_PARA) fail(c, `draft has ${lines.length} lines, expected ${LAST_PARA}`);
  for (let n = 2; n <= lines.length; n++) {
    const t = (lines[n - 1] || '').trim();
    if (n % 2 === 0 && t) fail(c, `line ${n} should be blank`);
    if (n % 2 === 1 && n >= FIRST_PARA && !t) fail(c, `paragraph line ${n} is empty`);
    if (n % 2 === 1 && n >= FIRST_PARA) {
      const sentences = t.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      if (sentences > 2) warn(c, `line ${n} has ${sentences} sentences`);
    }
  }
  const lineText = (n) => (Number.isInteger(n) && n >= 1 && n <= lines.length ? lines[n - 1] : null);
  const isPara = (n) => Number.isInteger(n) && n >= FIRST_PARA && n <= LAST_PARA && n % 2 === 1;

  // Entities.
  (exp.entities || []).forEach((e, i) => {
    const t = lineText(e.line);
    if (t === null) return fail(c, `entities[${i}]: line ${e.line} does not exist`);
    if (typeof e.text !== 'string' || !t.includes(e.text)) fail(c, `entities[${i}]: "${e.text}" not on line ${e.line}`);
    if (e.type !== undefined && !TYPES.has(e.type)) fail(c, `entities[${i}]: bad type "${e.type}"`);
    if (e.type === undefined && !e.optional) fail(c, `entities[${i}]: non-optional entity without type`);
    if (e.sameAs !== undefined && !corpusFolded.includes(fold(e.sameAs))) fail(c, `entities[${i}]: sameAs "${e.sameAs}" not found in corpus`);
    if (!e.optional && e.sameAs === undefined && !corpusFolded.includes(fold(e.text))) fail(c, `entities[${i}]: "${e.text}" not found in corpus`);
  });

  // Findings.
  const findingLines = new Map();
  (exp.findings || []).forEach((f, i) => {
    if (!CODES.has(f.code)) fail(c, `findings[${i}]: unknown code "${f.code}"`);
    if (!isPara(f.line)) fail(c, `findings[${i}]: line ${f.line} is not a paragraph line (odd ${FIRST_PARA}..${LAST_PARA})`);
    const t = lineText(f.line);
    if (t === null) return;
    if (!findingLines.has(f.line)) findingLines.set(f.line, new Set());
    findingLines.get(f.line).add(f.code);
    if (f.code === 'disputed-claim') {
      if (!Array.isArray(f.sides) || f.sides.length === 0) fail(c, `findings[${i}]: disputed-claim without sides`);
      if (!f.point) warn(c, `findings[${i}]: no point`);
    }
    for (const s of f.sides || []) if (!corpus.outlets.has(s)) fail(c, `findings[${i}]: side "${s}" is not the outlet of any meta.json`);
    if (f.code === 'unknown-spelling') {
      if (!f.text || !t.includes(f.text)) fail(c, `findings[${i}]: misspelling "${f.text}" not on line ${f.line}`);
      if (!f.suggest) fail(c, `findings[${i}]: unknown-spelling without suggest`);
      else if (!corpusFolded.includes(fold(f.suggest))) fail(c, `findings[${i}]: suggest "${f.suggest}" not in corpus`);
      if (f.text && new RegExp(`(^|[^\\p{L}'])${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(corpus.text)) {
        fail(c, `findings[${i}]: misspelling "${f.text}" occurs in the corpus as a word`);
      }
    }
  });

  // Clean.
  const cleanLines = new Set();
  (exp.clean || []).forEach((k, i) => {
    if (!isPara(k.line)) fail(c, `clean[${i}]: line ${k.line} is not a paragraph line`);
    if (cleanLines.has(k.line)) fail(c, `clean[${i}]: line ${k.line} listed twice`);
    cleanLines.add(k.line);
    if (!Array.isArray(k.codes) || !k.codes.length) fail(c, `clean[${i}]: no codes`);
    for (const code of k.codes || []) {
      if (!CODES.has(code)) fail(c, `clean[${i}]: unknown code "${code}"`);
      if (findingLines.has(k.line) && findingLines.get(k.line).has(code)) fail(c, `clean[${i}]: line ${k.line} forbids "${code}" but a finding expects it`);
    }
  });

  // Coverage: every paragraph line is a finding line or a clean line.
  for (let n = FIRST_PARA; n <= LAST_PARA; n += 2) {
    if (!findingLines.has(n) && !cleanLines.has(n)) fail(c, `paragraph line ${n} is neither in findings nor in clean`);
  }

  const nDisputed = (exp.findings || []).filter((f) => f.code === 'disputed-claim').length;
  const nSpelling = (exp.findings || []).filter((f) => f.code === 'unknown-spelling').length;
  if (nDisputed < 4 || nDisputed > 5) warn(c, `${nDisputed} disputed-claim findings (aim 4-5)`);
  if (nSpelling !== 1) warn(c, `${nSpelling} unknown-spelling findings (aim 1)`);
  console.log(`  ${nDisputed} disputed-claim, ${nSpelling} unknown-spelling, ${(exp.clean || []).length} clean lines, ` +
    `${(exp.entities || []).length} entities (${(exp.entities || []).filter((e) => e.optional).length} optional), outlets: ${[...corpus.outlets].join(' | ')}`);
}

const args = process.argv.slice(2);
const targets = args.length
  ? args.map((a) => path.resolve(a))
  : fs.readdirSync(ROOT).map((d) => path.join(ROOT, d, 'expected.json')).filter((p) => fs.existsSync(p)).sort();
if (!targets.length) { console.log('no expected.json found'); process.exit(1); }
targets.forEach(checkCase);
console.log(`\n${failures} failure(s), ${warnings} warning(s)`);
process.exit(failures ? 1 : 0);
