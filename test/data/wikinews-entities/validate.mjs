// Validates the wikinews-entities gold set and prints counts per type.
// Usage: node test/data/wikinews-entities/validate.mjs   (WIKINEWS_DIR overrides the article folder)
// Articles are read from the shared data folder (never copied into the repo).
import fs from 'node:fs';
import path from 'node:path';
import { SET_DIR, DATA_DIR, TYPES, bodyStart } from './tools/common.mjs';

// Another set made the same way can be checked too (the held-out set's validate.mjs does): it points
// GOLD_SET_DIR at itself and may name the exact files it must hold and a set it must not overlap.
const HERE = SET_DIR;
const DATA = DATA_DIR;
const NOTES = ['metonymy'];
const EXPECTED = process.env.GOLD_EXPECTED ? process.env.GOLD_EXPECTED.split(',') : undefined;
const NOT_IN = process.env.GOLD_NOT_IN;

const files = fs.readdirSync(HERE).filter((f) => /^wikinews-\d{4}-\d{3}\.json$/.test(f)).sort();
const total = Object.fromEntries(TYPES.map((t) => [t, 0]));
let errors = 0, notes = 0, all = 0;
const err = (f, msg) => { errors++; console.log(`ERROR ${f}: ${msg}`); };
for (const f of files) {
  let j;
  try { j = JSON.parse(fs.readFileSync(path.join(HERE, f), 'utf8')); } catch (e) { err(f, `bad JSON: ${e.message}`); continue; }
  const id = f.replace(/\.json$/, '');
  if (j.id !== id) err(f, `id ${j.id} != ${id}`);
  if (j.file !== `${id}.txt`) err(f, `file ${j.file}`);
  if (typeof j.annotator !== 'string' || !j.annotator) err(f, 'missing annotator');
  if (!Array.isArray(j.mentions)) { err(f, 'mentions not an array'); continue; }
  const text = fs.readFileSync(path.join(DATA, j.file), 'utf8');
  const b0 = bodyStart(text);
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0]));
  let prevEnd = -1, prevStart = -1;
  for (const [k, m] of j.mentions.entries()) {
    const where = `mention ${k} ${JSON.stringify(m.text)}@${m.start}`;
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end <= m.start || m.end > text.length) { err(f, `${where}: bad offsets`); continue; }
    if (text.slice(m.start, m.end) !== m.text) err(f, `${where}: slice is ${JSON.stringify(text.slice(m.start, m.end))}`);
    if (m.text !== m.text.trim()) err(f, `${where}: surrounding whitespace`);
    if (!TYPES.includes(m.type)) err(f, `${where}: bad type ${m.type}`);
    if (m.note !== undefined && !NOTES.includes(m.note)) err(f, `${where}: bad note ${m.note}`);
    if (m.start < b0) err(f, `${where}: inside title/date line (body starts at ${b0})`);
    if (m.start < prevStart) err(f, `${where}: not in order`);
    if (m.start < prevEnd) err(f, `${where}: overlaps previous mention`);
    const extra = Object.keys(m).filter((x) => !['start', 'end', 'text', 'type', 'note'].includes(x));
    if (extra.length) err(f, `${where}: unexpected keys ${extra}`);
    prevStart = m.start; prevEnd = Math.max(prevEnd, m.end);
    if (TYPES.includes(m.type)) { counts[m.type]++; total[m.type]++; }
    if (m.note) notes++;
    all++;
  }
  console.log(`${id}  ${TYPES.map((t) => `${t}=${counts[t]}`).join(' ')}  total=${j.mentions.length}`);
}
if (EXPECTED && JSON.stringify(files) !== JSON.stringify(EXPECTED)) err('set', `files are ${files.join(' ')}; expected ${EXPECTED.join(' ')}`);
if (NOT_IN && fs.existsSync(NOT_IN)) for (const f of files) if (fs.existsSync(path.join(NOT_IN, f))) err(f, `also in ${NOT_IN}`);
console.log(`\n${files.length} files, ${all} mentions: ${TYPES.map((t) => `${t}=${total[t]}`).join(' ')}; metonymy notes=${notes}`);
console.log(errors ? `${errors} ERROR(S)` : 'OK: all files valid');
process.exit(errors ? 1 : 0);
