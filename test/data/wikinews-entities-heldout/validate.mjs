// Validates the wikinews-entities-heldout gold set and prints counts per type.
// Adapted from ../wikinews-entities/validate.mjs; also checks that the files are exactly the
// 12 selected articles and that none of them is in the first gold set.
// Usage: node test/data/wikinews-entities-heldout/validate.mjs   (WIKINEWS_DIR overrides the article folder)
// Articles are read from the shared data folder (never copied into the repo).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA = process.env.WIKINEWS_DIR || path.resolve(HERE, '../../../../shared/data/wikinews');
const TYPES = ['person', 'organization', 'place'];
const NOTES = ['metonymy'];
const DATE_LINE = /^\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$/;
function bodyStart(text) {
  const lines = text.split('\n');
  let pos = lines[0].length + 1;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() !== '') return DATE_LINE.test(line) ? pos + line.length + 1 : pos;
    pos += line.length + 1;
  }
  return text.length;
}

const files = fs.readdirSync(HERE).filter((f) => /^wikinews-\d{4}-\d{3}\.json$/.test(f)).sort();
const EXPECTED = ['005', '014', '023', '032', '041', '050', '059', '068', '077', '086', '095', '104']
  .map((n) => `wikinews-2019-${n}.json`);
const FIRST_SET = path.resolve(HERE, '../wikinews-entities');
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
if (JSON.stringify(files) !== JSON.stringify(EXPECTED)) err('set', `files are ${files.join(' ')}; expected ${EXPECTED.join(' ')}`);
if (fs.existsSync(FIRST_SET)) for (const f of files) if (fs.existsSync(path.join(FIRST_SET, f))) err(f, 'also in the first gold set');
console.log(`\n${files.length} files, ${all} mentions: ${TYPES.map((t) => `${t}=${total[t]}`).join(' ')}; metonymy notes=${notes}`);
console.log(errors ? `${errors} ERROR(S)` : 'OK: all files valid');
process.exit(errors ? 1 : 0);
