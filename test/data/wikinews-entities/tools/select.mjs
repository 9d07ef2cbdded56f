// Prints the fixed selection: every 9th file in sorted order starting at the first
// (positions 0, 9, 18, ...). A candidate whose body (text after the date line) has
// fewer than 150 whitespace-separated words is skipped and replaced by the next file
// in sorted order that is not already a candidate and has >= 150 words. The first 32
// resulting files are the set.
import fs from 'node:fs';
import { DATA_DIR, readArticle, bodyWordCount } from './common.mjs';

const files = fs.readdirSync(DATA_DIR).filter((f) => f.endsWith('.txt')).sort();
const ids = files.map((f) => f.replace(/\.txt$/, ''));
const candidates = ids.filter((_, i) => i % 9 === 0);
const chosen = [];
for (const id of candidates) {
  let i = ids.indexOf(id);
  let wc = bodyWordCount(readArticle(id));
  if (wc >= 150) { chosen.push(id); console.log(`${id}\t${wc}`); continue; }
  console.log(`# skip ${id}: ${wc} body words`);
  for (i = i + 1; i < ids.length; i++) {
    if (candidates.includes(ids[i]) || chosen.includes(ids[i])) continue;
    wc = bodyWordCount(readArticle(ids[i]));
    if (wc >= 150) { chosen.push(ids[i]); console.log(`${ids[i]}\t${wc}\t(replaces ${id})`); break; }
  }
}
console.log(`# ${files.length} files, ${candidates.length} candidates; set = first 32:`);
console.log(chosen.slice(0, 32).join(' '));
