// Turns a hand-written spec (tools/specs/<id>.txt) into <id>.json with character offsets.
//
// Spec lines (the entity strings and types are chosen by hand after reading the article):
//   person: Charles Michel | Michel          every whole-word occurrence in the body
//   place: Washington !metonymy              same, with "note": "metonymy"
//   place: Georgia @1234,1890                only the occurrences starting at these offsets
//   drop: Turkey @1500                       remove these occurrences (all if no @)
//   # comment
// Overlaps are resolved greedily: explicit-offset entries first, then longer spans.
// Offsets are JS string indices (UTF-16 code units) into fs.readFileSync(..., 'utf8').
// Only the body (after the title and date line) is annotated.
//
// Usage: node annotate.mjs <id> [--review]   (--review prints the marked-up body and
// the capitalised words not covered by any mention, for the manual re-read)
import fs from 'node:fs';
import path from 'node:path';
import { SET_DIR, readArticle, bodyStart, TYPES } from './common.mjs';

const id = process.argv[2];
const review = process.argv.includes('--review');
const text = readArticle(id);
const b0 = bodyStart(text);
const spec = fs.readFileSync(path.join(SET_DIR, 'tools', 'specs', `${id}.txt`), 'utf8');

const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
function occurrences(s) {
  const out = [];
  for (let i = text.indexOf(s, b0); i !== -1; i = text.indexOf(s, i + 1)) {
    if (isWord(text[i - 1]) && isWord(s[0])) continue;
    if (isWord(text[i + s.length]) && isWord(s[s.length - 1])) continue;
    out.push(i);
  }
  return out;
}

const cands = [];
const drops = [];
const errors = [];
for (const raw of spec.split('\n')) {
  const line = raw.replace(/\s+#.*$/, '').trim();
  if (!line || line.startsWith('#')) continue;
  const m = line.match(/^(person|organization|place|drop):\s*(.*)$/);
  if (!m) { errors.push(`bad line: ${raw}`); continue; }
  let rest = m[2];
  let offs = null, note = null;
  const om = rest.match(/\s@([\d,]+)\s*$/);
  if (om) { offs = om[1].split(',').map(Number); rest = rest.slice(0, om.index); }
  const nm = rest.match(/\s!(\w+)\s*$/);
  if (nm) { note = nm[1]; rest = rest.slice(0, nm.index); }
  for (const s of rest.split('|').map((x) => x.trim()).filter(Boolean)) {
    let occ = occurrences(s);
    if (offs) {
      for (const o of offs) if (!occ.includes(o) && !(m[1] === 'drop')) {
        // allow offsets that are not whole-word only if text matches exactly
        if (text.slice(o, o + s.length) === s) occ.push(o); else errors.push(`no "${s}" at ${o}`);
      }
      occ = occ.filter((o) => offs.includes(o));
    }
    if (occ.length === 0) errors.push(`not found: ${m[1]}: ${s}${offs ? ' @' + offs : ''}`);
    for (const o of occ) {
      if (m[1] === 'drop') drops.push([o, o + s.length]);
      else cands.push({ start: o, end: o + s.length, text: s, type: m[1], note, explicit: !!offs });
    }
  }
}
const kept = cands.filter((c) => !drops.some(([a, z]) => a === c.start && z === c.end));
kept.sort((a, b) => (b.explicit - a.explicit) || ((b.end - b.start) - (a.end - a.start)) || (a.start - b.start));
const chosen = [];
for (const c of kept) {
  if (chosen.some((d) => c.start < d.end && d.start < c.end)) continue;
  chosen.push(c);
}
chosen.sort((a, b) => a.start - b.start);
const mentions = chosen.map(({ start, end, text: t, type, note }) => {
  if (!TYPES.includes(type)) throw new Error(type);
  return note ? { start, end, text: t, type, note } : { start, end, text: t, type };
});
const annotator = process.env.GOLD_ANNOTATOR || 'Claude (AI helper session), manual reading per README.md guidelines, 2026-11-22';
const json = `{ "id": ${JSON.stringify(id)}, "file": ${JSON.stringify(id + '.txt')}, "annotator": ${JSON.stringify(annotator)}, "mentions": [\n`
  + mentions.map((m) => '  ' + JSON.stringify(m)).join(',\n') + '\n] }\n';
fs.writeFileSync(path.join(SET_DIR, `${id}.json`), json);
for (const e of errors) console.log('ERROR', e);
const counts = {};
for (const m of mentions) counts[m.type] = (counts[m.type] || 0) + 1;
console.log(id, JSON.stringify(counts), mentions.length);

if (review) {
  const ab = { person: 'P', organization: 'O', place: 'L' };
  let s = '', p = b0;
  for (const m of mentions) { s += text.slice(p, m.start) + `[${m.text}]${ab[m.type]}${m.note ? '*' : ''}`; p = m.end; }
  s += text.slice(p);
  console.log(s.replace(/\n{2,}/g, '\n'));
  const unc = new Map();
  const STOP = new Set(('The A An In On At As He She It They We I You His Her Its Their Our This That These Those There Here But And Or If When While After Before Since Some Most Many Both One Two Three Also However According For From With By To Of Yesterday Today ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Mr Mrs Ms Dr President Minister Prime Governor Senator Officials Police What Why How Who Which Other Another All No Not So Then Now Over Under During Although Though Such Each Every Many Several').split(' '));
  const re = /\p{Lu}[\p{L}\p{N}]*/gu;
  for (const mm of text.slice(b0).matchAll(re)) {
    const st = b0 + mm.index, en = st + mm[0].length;
    if (mentions.some((m) => st < m.end && m.start < en && st >= m.start && en <= m.end)) continue;
    const k = mm[0];
    if (STOP.has(k.replace(/[.'’]+$/, ''))) continue;
    if (!unc.has(k)) unc.set(k, []);
    unc.get(k).push(st);
  }
  console.log('--- uncovered capitalised:', [...unc].map(([k, v]) => `${k}@${v.join(',')}`).join(' '));
}
