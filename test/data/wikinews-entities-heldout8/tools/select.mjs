// Prints the fixed selection of the eighth held-out set (rule fixed before reading any article):
//  1. List the wikinews-*.txt files in sorted order; candidates are positions 6, 15, 24, ...
//     (every 9th file starting at position 6, 0-based).
//  2. Drop any candidate already in the first gold set (../wikinews-entities/*.json), the
//     first held-out set (../wikinews-entities-heldout/*.json), the second held-out set
//     (../wikinews-entities-heldout2/*.json), the third held-out set
//     (../wikinews-entities-heldout3/*.json), the fourth held-out set
//     (../wikinews-entities-heldout4/*.json), the fifth held-out set
//     (../wikinews-entities-heldout5/*.json), the sixth held-out set
//     (../wikinews-entities-heldout6/*.json) or the seventh held-out set
//     (../wikinews-entities-heldout7/*.json).
//  3. Skip a candidate whose body has fewer than 150 or more than 1,500 whitespace-separated
//     words and replace it by the next file in sorted order that is in no set, not already
//     chosen, not a candidate, and within 150..1,500 words.
//  4. The set is the first 20 files of the resulting list.
// Usage: node tools/select.mjs   (WIKINEWS_DIR overrides the article folder)
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, SET_DIR, readArticle, bodyWordCount } from './common.mjs';

const START = 6, STEP = 9, N = 20;
const files = fs.readdirSync(DATA_DIR).filter((f) => /^wikinews-.*\.txt$/.test(f)).sort();
const ids = files.map((f) => f.replace(/\.txt$/, ''));
const inSet = (dir) => new Set(fs.readdirSync(path.resolve(SET_DIR, dir))
  .filter((f) => /^wikinews-\d{4}-\d{3}\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')));
const existing = new Set([...inSet('../wikinews-entities'), ...inSet('../wikinews-entities-heldout'), ...inSet('../wikinews-entities-heldout2'), ...inSet('../wikinews-entities-heldout3'), ...inSet('../wikinews-entities-heldout4'), ...inSet('../wikinews-entities-heldout5'), ...inSet('../wikinews-entities-heldout6'), ...inSet('../wikinews-entities-heldout7')]);
const candidates = ids.filter((_, i) => i >= START && (i - START) % STEP === 0);
const ok = (wc) => wc >= 150 && wc <= 1500;
const chosen = [];
for (const id of candidates) {
  if (chosen.length >= N) break;
  if (existing.has(id)) { console.log(`# drop ${id}: already in an existing gold set`); continue; }
  let wc = bodyWordCount(readArticle(id));
  if (ok(wc)) { chosen.push(id); console.log(`${id}\t${wc}`); continue; }
  console.log(`# skip ${id}: ${wc} body words`);
  for (let i = ids.indexOf(id) + 1; i < ids.length; i++) {
    const c = ids[i];
    if (candidates.includes(c) || chosen.includes(c) || existing.has(c)) continue;
    wc = bodyWordCount(readArticle(c));
    if (ok(wc)) { chosen.push(c); console.log(`${c}\t${wc}\t(replaces ${id})`); break; }
    console.log(`#   (not ${c}: ${wc} body words)`);
  }
}
console.log(`# ${files.length} files, ${candidates.length} candidates; set = first ${N}:`);
console.log(chosen.slice(0, N).join(' '));
